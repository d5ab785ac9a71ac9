"""Walk a page's stream and rich text values, whatever their nesting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText


@dataclass(frozen=True)
class Leaf:
    """One value met in a walk: the field it sits in, its block (None for a field)."""

    field_name: str
    block: blocks.Block | None
    value: Any


def walk_block(field_name: str, block: blocks.Block, value: Any) -> Iterator[Leaf]:
    yield Leaf(field_name, block, value)
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from walk_block(field_name, child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for child in value:
            yield from walk_block(field_name, block.child_block, child)
    elif isinstance(block, blocks.StructBlock) and isinstance(value, blocks.StructValue):
        # Not ImageBlock: a StructBlock in the admin whose value is an Image.
        for name, child_block in block.child_blocks.items():
            yield from walk_block(field_name, child_block, value.get(name))


def walk_page(page) -> Iterator[Leaf]:
    """Every block value of every StreamField, and every RichTextField, of ``page``."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            stream = getattr(page, field.name)
            yield from walk_block(field.name, field.stream_block, stream)
        elif isinstance(field, RichTextField):
            yield Leaf(field.name, None, RichText(getattr(page, field.name) or ""))
