"""What every page type of the app shares: the base template, the dateline, document
references with their confidentiality gate, figures for roll-ups, and search text."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search import index

from wagtail_dangvu.conf import get_setting
from wagtail_dangvu.documents.actions import (
    GatedPublishPageRevisionAction,
    PublishingRefused,
    check_live_copies,
)
from wagtail_dangvu.documents.blocks import (
    SYMBOL_LINKS_CONTEXT_KEY,
    DocumentChooserBlock,
    ParagraphBlock,
)
from wagtail_dangvu.documents.viewer import (
    bind_viewer,
    current_viewer,
    viewer_is_declared,
    viewing_as,
)
from wagtail_dangvu.forms import day_first_formfield
from wagtail_dangvu.pages.traversal import walk_page
from wagtail_dangvu.portal_time import iso
from wagtail_dangvu.pure.linking import text_of
from wagtail_dangvu.pure.symbols import DocumentSymbol, find_symbols, fold
from wagtail_dangvu.statistics.blocks import ComparisonBlock, StatisticBlock, TargetProgressBlock

# Blocks whose figure counts for an indicator, and the field holding it.
FIGURE_FIELDS = (
    (StatisticBlock, "value"),
    (TargetProgressBlock, "achieved"),
    (ComparisonBlock, "current_value"),
)
# Where a block keeps the whole its figure is a part of, first found first: a rate
# indicator adds up the figures (numerators) and these (denominators).
WHOLE_FIELDS = {StatisticBlock: ("denominator", "target"), TargetProgressBlock: ("target",)}


class DocumentReferences:
    """The documents a page names: chosen in document blocks, or written in its text."""

    def __init__(self):
        self.linked: dict[int, str] = {}  # document id -> field name
        self.symbols: dict[DocumentSymbol, str] = {}  # symbol in text -> field name

    def add_document(self, document, field_name: str) -> None:
        self.linked.setdefault(document.pk, field_name)

    def add_text(self, text: str, field_name: str) -> None:
        for match in find_symbols(text):
            if match.symbol.is_complete:
                self.symbols.setdefault(match.symbol, field_name)


def withheld_document_message(document, *, chosen: bool = False) -> str:
    """What an editor is told when a page naming ``document`` (withheld) is not published.

    The register's keepers learn which document it is. Anyone else declared as the one
    acting (:func:`~wagtail_dangvu.documents.viewer.viewing_as`) learns no more than they could see:
    the symbol they or a colleague wrote in the text, or, for a document a keeper chose
    in a document block, only that such a document was chosen. Outside a declared
    viewer (a log line, a management command) the message names the document.
    """
    from wagtail_dangvu.documents.models import may_see_withheld

    keeper = not viewer_is_declared() or may_see_withheld(current_viewer())
    if chosen and not keeper:
        return gettext(
            "A document chosen here is classified or for internal circulation and "
            "cannot be published. Remove it from this page or save a draft."
        )
    name = f"{document.type_name} {document.symbol}" if keeper else document.symbol
    return gettext(
        "%(document)s is classified or for internal circulation and cannot be "
        "published. Remove it from this page or save a draft."
    ) % {"document": name}


class DangvuPageForm(WagtailAdminPageForm):
    """The page editor's form, with the confidentiality gate on publishing.

    A page that links or mentions a document marked secret or above, or for internal
    circulation, is not published; the editor is told which document on the field that
    names it. Saving a draft stays possible, so nothing the editor wrote is lost, and so
    does any workflow action but approving (a moderator may reject such a page).
    """

    class Meta(WagtailAdminPageForm.Meta):
        # The page's own dates read and show dd/mm/yyyy (wagtail_dangvu.forms).
        formfield_callback = day_first_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The document blocks name a withheld document to the register's keepers only.
        bind_viewer(self, self.for_user)

    def is_publishing(self) -> bool:
        return bool(
            self.data.get("action-publish")
            or (
                self.data.get("action-workflow-action")
                and self.data.get("workflow-action-name") == "approve"
            )
        )

    def clean(self):
        from wagtail_dangvu.documents.models import may_see_withheld

        # The documents chosen before this edit: an editor who may not see withheld
        # entries keeps those a keeper chose, but cannot choose one by its id.
        if not may_see_withheld(self.for_user):
            self._chosen_before = set(self.instance.document_references().linked)
        return super().clean()

    def _post_clean(self):
        super()._post_clean()
        from wagtail_dangvu.documents.models import PartyDocument, may_see_withheld

        keeper = may_see_withheld(self.for_user)
        publishing = self.is_publishing()
        if keeper and not publishing:
            return
        chosen = {} if keeper else self.instance.document_references().linked
        refused = set()
        if not keeper:
            added = set(chosen) - getattr(self, "_chosen_before", set())
            # Withheld entries, and for a commune's editor another commune's entries.
            visible = PartyDocument.objects.visible_to(self.for_user)
            for document in PartyDocument.objects.filter(pk__in=added).exclude(
                pk__in=visible.values("pk")
            ):
                refused.add(document.pk)
                self.add_error(
                    self._field(chosen[document.pk]),
                    gettext("Choose the document from the register's list."),
                )
        if not publishing:
            return
        with viewing_as(self.for_user):
            try:
                self.instance.check_publishable(ignore=refused)
            except PublishingRefused as refusal:
                for field_name, errors in refusal.error_dict.items():
                    self.add_error(self._field(field_name), errors)

    def _field(self, name: str) -> str | None:
        return name if name in self.fields else None


class DangvuPage(Page):
    """Abstract base of the app's pages."""

    base_form_class = DangvuPageForm

    #: True on article types (``articles.models.AbstractArticlePage``): lower layers tell
    #: an article from an index, the register or a dashboard by it, without importing it.
    is_article = False

    # The search text: every title, text and symbol of the page without diacritics, so
    # "dan van kheo" finds "Dân vận khéo" on every search backend.
    search_text = models.TextField(editable=False, blank=True, default="")

    search_fields = [*Page.search_fields, index.SearchField("search_text")]

    # Plain text fields (neither StreamField nor rich text) whose words are searched and
    # whose document symbols count as references for the gate, e.g. ("summary",).
    text_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    # Dates -------------------------------------------------------------------------

    @property
    def dateline_at(self) -> datetime.datetime:
        """When the article appeared, for the portal's dateline."""
        return (
            self.first_published_at
            or self.go_live_at
            or self.latest_revision_created_at
            or timezone.now()
        )

    def reference_date(self) -> datetime.date:
        """The date this page's figures belong to; subclasses know better."""
        return timezone.localdate(self.dateline_at)

    # Document references -----------------------------------------------------------------

    def document_references(self) -> DocumentReferences:
        references = DocumentReferences()
        for leaf in walk_page(self):
            if isinstance(leaf.block, DocumentChooserBlock):
                if leaf.value is not None:
                    references.add_document(leaf.value, leaf.field_name)
            elif isinstance(leaf.block, ParagraphBlock) or (
                leaf.block is None and isinstance(leaf.value, RichText)
            ):
                references.add_text(text_of(leaf.value.source), leaf.field_name)
        references.add_text(self.title, "title")
        for name in self.text_fields:
            references.add_text(getattr(self, name) or "", name)
        return references

    def referenced_documents(self, references: DocumentReferences | None = None):
        """The register's documents this page names, as (field name, document) pairs."""
        from wagtail_dangvu.documents.models import PartyDocument

        references = references or self.document_references()
        documents = PartyDocument.objects.filter(locale_id=self.locale_id)
        found = []
        if references.linked:
            for document in documents.filter(pk__in=references.linked):
                found.append((references.linked[document.pk], document))
        if references.symbols:
            for document in documents.with_any_symbol(references.symbols):
                symbol = document.parsed_symbol
                if document.pk not in references.linked and symbol in references.symbols:
                    found.append((references.symbols[symbol], document))
        return found

    @cached_property
    def public_documents(self):
        """The public documents this page names, computed once per page instance."""
        return [document for _field, document in self.referenced_documents() if document.is_public]

    def withheld_references(self):
        return [(field, doc) for field, doc in self.referenced_documents() if not doc.is_public]

    # Publishing ----------------------------------------------------------------------

    def check_publishable(self, *, ignore=()) -> None:
        """Raise :class:`~wagtail_dangvu.documents.actions.PublishingRefused` if this content
        names a withheld document: such a page never goes live, whichever way it is published.

        ``ignore``: ids of documents already reported to the editor another way."""
        references = self.document_references()
        errors: dict[str, list[str]] = {}
        for field_name, document in self.referenced_documents(references):
            if document.is_public or document.pk in ignore:
                continue
            message = withheld_document_message(document, chosen=document.pk in references.linked)
            errors.setdefault(field_name, []).append(message)
        if errors:
            raise PublishingRefused(self, errors)

    def publish(
        self,
        revision,
        user=None,
        changed=True,
        log_action=True,
        previous_revision=None,
        skip_permission_checks=False,
    ):
        """Wagtail's ``Page.publish``, through the publish action that keeps the gate.

        Every ``revision.publish()`` comes here: a workflow's final approval, bulk publish,
        scheduled publishing, creating and editing through the APIs, and code.
        """
        return GatedPublishPageRevisionAction(
            revision,
            user=user,
            changed=changed,
            log_action=log_action,
            previous_revision=previous_revision,
        ).execute(skip_permission_checks=skip_permission_checks)

    publish.alters_data = True

    def copy(
        self,
        recursive=False,
        to=None,
        update_attrs=None,
        copy_revisions=True,
        keep_live=True,
        **kwargs,
    ):
        """Wagtail's ``Page.copy``, refused before anything is copied when a live copy
        would name a withheld document (copy with ``keep_live=False`` to get drafts)."""
        if keep_live:
            check_live_copies(self, recursive=recursive, update_attrs=update_attrs)
        return super().copy(
            recursive=recursive,
            to=to,
            update_attrs=update_attrs,
            copy_revisions=copy_revisions,
            keep_live=keep_live,
            **kwargs,
        )

    copy.alters_data = True

    # Figures -------------------------------------------------------------------------

    def indicator_figures(self):
        """(indicator, value) for each figure of this page tied to an indicator."""
        figures = []
        for leaf in walk_page(self):
            for block_class, field_name in FIGURE_FIELDS:
                if isinstance(leaf.block, block_class):
                    indicator = leaf.value.get("indicator")
                    value = leaf.value.get(field_name)
                    if indicator is not None and value is not None:
                        figures.append((indicator, value))
        return figures

    def indicator_parts(self):
        """(indicator, value, whole) for each figure tied to an indicator; ``whole`` is
        the denominator or target it is a part of, or None."""
        figures = []
        for leaf in walk_page(self):
            for block_class, field_name in FIGURE_FIELDS:
                if isinstance(leaf.block, block_class):
                    indicator = leaf.value.get("indicator")
                    value = leaf.value.get(field_name)
                    if indicator is None or value is None:
                        continue
                    wholes = (leaf.value.get(name) for name in WHOLE_FIELDS.get(block_class, ()))
                    whole = next((w for w in wholes if w is not None), None)
                    figures.append((indicator, value, whole))
        return figures

    # Search ----------------------------------------------------------------------------

    def search_text_parts(self) -> list[str]:
        """The page's words as written: titles, texts and the strings of its blocks."""
        parts = [self.title, self.search_description or ""]
        parts.extend(getattr(self, name) or "" for name in self.text_fields)
        for leaf in walk_page(self):
            value = leaf.value
            if isinstance(value, RichText):
                parts.append(text_of(value.source))
            elif isinstance(value, str) and leaf.block is not None:
                parts.append(value)
        return parts

    def compose_search_text(self) -> str:
        """``search_text``: the parts folded, each symbol spelt out, withheld ones left out.

        A symbol is spelt out ("21-KL/TW 21 KL TW") so that a search for its parts finds
        it. A symbol that a withheld register entry bears is cut from the text, with its
        spellings, so that no search finds the page by it; the mention rows keep the
        record, and the text is composed again when the entry is released
        (:mod:`wagtail_dangvu.signal_handlers`).
        """
        from wagtail_dangvu.documents.mentions import withheld_symbols

        text = " ".join(part for part in self.search_text_parts() if part)
        matches = find_symbols(text)
        withheld = withheld_symbols(match.symbol for match in matches)
        kept, spelt, start = [], [], 0
        for match in matches:
            symbol = match.symbol
            if str(symbol) in withheld:
                kept.append(text[start : match.start])
                start = match.end
            else:
                spelt.append(f"{symbol} {symbol.number} {symbol.type_code} {symbol.issuer}")
        kept.append(text[start:])
        return fold(" ".join(["".join(kept), *spelt]))

    def full_clean(self, *args, **kwargs):
        self.search_text = self.compose_search_text()
        super().full_clean(*args, **kwargs)

    # Rendering -------------------------------------------------------------------------

    def feed_summary(self) -> str:
        """A plain-text summary for feeds, listings and meta descriptions."""
        return self.search_description or ""

    @cached_property
    def register_page(self):
        """The documents register in this page's language. Looked up by name: the
        register page is itself a listing page, a layer above this one."""
        register = apps.get_model("wagtail_dangvu", "DocumentRegisterPage")
        return register.for_locale(self.locale_id)

    def symbol_links(self) -> dict[str, str]:
        """{canonical symbol: URL} for the public documents this page names."""
        register = self.register_page
        if register is None:
            return {}
        return {
            document.symbol: register.document_url(document) for document in self.public_documents
        }

    schema_type = "Article"

    def json_ld(self) -> dict:
        """schema.org data for the page, rendered by ``{% json_ld %}`` (safely escaped)."""
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "headline": self.title,
            "name": self.title,
            "url": self.full_url,
            "inLanguage": self.locale.language_code,
        }
        if self.first_published_at:
            data["datePublished"] = iso(self.first_published_at)
        if self.last_published_at:
            data["dateModified"] = iso(self.last_published_at)
        if summary := self.feed_summary():
            data["description"] = summary
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dangvu_base_template"] = get_setting("BASE_TEMPLATE")
        context[SYMBOL_LINKS_CONTEXT_KEY] = self.symbol_links()
        context["dangvu_register"] = self.register_page
        return context
