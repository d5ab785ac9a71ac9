"""Blocks that name documents of the register, and rich text that links to them."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock

from wagtail_dangvu.documents.viewer import WITHHELD_LABEL, current_viewer
from wagtail_dangvu.pure.linking import link_symbols

DOCUMENT_MODEL = "wagtail_dangvu.PartyDocument"

# The page puts a {canonical symbol: register URL} map for its public documents in the
# template context under this name; rich text blocks link symbols through it.
SYMBOL_LINKS_CONTEXT_KEY = "dangvu_symbol_links"


class DocumentChooserBlock(SnippetChooserBlock):
    """A document of the register. Withheld documents render as nothing, anywhere."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", pgettext_lazy("party document", "Document"))
        super().__init__(DOCUMENT_MODEL, **kwargs)

    def get_api_representation(self, value, context=None):
        if value is None or not value.is_public:
            return None
        return {
            "id": value.pk,
            "symbol": value.symbol,
            "type_name": value.type_name,
            "issue_date": value.issue_date.isoformat(),
            "summary": value.summary,
        }

    def render(self, value, context=None):
        if value is None or not value.is_public:
            return ""
        return super().render(value, context)

    def render_basic(self, value, context=None):
        # What the admin's revision comparison shows; nobody in particular is looking.
        if value is not None and not value.is_visible_to(current_viewer()):
            return escape(WITHHELD_LABEL)
        return super().render_basic(value, context)

    def get_form_state(self, value):
        """The chosen document in the page editor, named only to those who may see it.

        Its id stays, so that saving the page keeps the choice of a register keeper.
        """
        state = super().get_form_state(value)
        document = self.widget.get_instance(value) if state else None
        if document is not None and not document.is_visible_to(current_viewer()):
            state = {**state, self.widget.display_title_key: str(WITHHELD_LABEL), "edit_url": None}
        return state

    class Meta:
        icon = "doc-full"
        template = "wagtail_dangvu/blocks/document.html"


def link_symbols_in_context(markup: str, context) -> str:
    links = (context or {}).get(SYMBOL_LINKS_CONTEXT_KEY) or {}
    if not links:
        return markup
    return link_symbols(markup, lambda symbol: links.get(str(symbol)))


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text whose document symbols link to the register when rendered."""

    def render_basic(self, value, context=None):
        return mark_safe(
            link_symbols_in_context(str(super().render_basic(value, context)), context)
        )

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")


def document_stream(**kwargs):
    """A field listing documents of the register, each a :class:`DocumentChooserBlock`."""
    return StreamField([("document", DocumentChooserBlock())], blank=True, **kwargs)
