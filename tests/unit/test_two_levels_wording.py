"""The admin speaks of the two-level government (since 1 July 2025): help texts name
communes, wards and provinces, and a district only as history ("until 2025")."""

import re

from django.apps import apps
from wagtail.blocks import Block
from wagtail.fields import StreamField

DISTRICT = re.compile(r"huyện|quận|district", re.IGNORECASE)
HISTORY = re.compile(r"until 2025|before 2025|ended|2025\)", re.IGNORECASE)


def block_help_texts(block: Block, path: str):
    for source in (block.meta, getattr(block, "field", None)):  # a field block's form field
        if help_text := getattr(source, "help_text", None):
            yield path, str(help_text)
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from block_help_texts(child, f"{path}.{name}")
    if child := getattr(block, "child_block", None):
        yield from block_help_texts(child, f"{path}.item")


def help_texts():
    for app in ("wagtail_dangvu", "wagtail_dangvu_ratings"):
        if not apps.is_installed(apps.get_app_config(app).name):
            continue
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                path = f"{model.__name__}.{field.name}"
                if help_text := getattr(field, "help_text", ""):
                    yield path, str(help_text)
                if isinstance(field, StreamField):
                    yield from block_help_texts(field.stream_block, path)


def test_help_texts_never_speak_of_districts_as_current():
    texts = list(help_texts())
    assert len(texts) > 20  # the walk reaches the fields and their blocks
    current = [(path, text) for path, text in texts if DISTRICT.search(text)]
    assert [(path, text) for path, text in current if not HISTORY.search(text)] == []
