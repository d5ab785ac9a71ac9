"""Keep the denormalised tables current as pages are published, unpublished and moved,
and as register entries are withheld and released.

- :class:`~wagtail_dangvu.models.DocumentMention`: the documents each live page names.
- :class:`~wagtail_dangvu.models.IndicatorValue`: the figures each live page reports.
- A translation's first publication date: its original's
  (:func:`~wagtail_dangvu.portal_time.carry_original_date`).
- ``search_text`` and the search index of the live pages naming a symbol that a register
  entry starts or stops withholding.

Rows are rebuilt from the published content in one transaction, and deleted with the
page (the foreign keys cascade), so no request ever parses StreamField JSON to list them.

And keep control characters out of whatever the app's models save (see
:func:`remove_control_characters_from`).
"""

from __future__ import annotations

from collections import defaultdict

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from wagtail_dangvu.documents.mentions import DocumentMention
from wagtail_dangvu.documents.models import PartyDocument
from wagtail_dangvu.pages.base import DangvuPage
from wagtail_dangvu.portal_time import carry_original_date
from wagtail_dangvu.pure.rollup import Aggregation, Observation, combine
from wagtail_dangvu.pure.text import remove_control_characters
from wagtail_dangvu.statistics.models import IndicatorValue

from .signals import document_visibility_changed


def index_page(page: DangvuPage) -> None:
    references = page.document_references()
    mentions = {}
    for _field, document in page.referenced_documents(references):
        mentions[document.symbol] = document.pk in references.linked
    # Symbols written in the text are indexed even before the register knows them.
    for symbol in references.symbols:
        mentions.setdefault(str(symbol), False)

    reference_date = page.reference_date()
    figures = defaultdict(list)
    for indicator, value, whole in page.indicator_parts():
        figures[indicator].append((value, whole))

    with transaction.atomic():
        DocumentMention.objects.filter(page=page).delete()
        DocumentMention.objects.bulk_create(
            DocumentMention(page=page, symbol=symbol, linked=linked)
            for symbol, linked in mentions.items()
        )
        IndicatorValue.objects.filter(page=page).delete()
        IndicatorValue.objects.bulk_create(
            IndicatorValue(
                page=page,
                indicator=indicator,
                year=reference_date.year,
                observed_on=reference_date,
                **page_figure(indicator, parts),
            )
            for indicator, parts in figures.items()
        )


def page_figure(indicator, parts: list[tuple]) -> dict:
    """One page's figure for ``indicator`` from its blocks' (value, whole) pairs.

    Several blocks of one page combine by the indicator's rule; a rate's parts and wholes
    add up, and it keeps no numerator and denominator if one of its blocks gave no whole
    (the roll-up then lists it as a rate it cannot combine).
    """
    method = Aggregation(indicator.aggregation)
    if method is not Aggregation.RATIO:
        value = combine(method, [Observation(value=value) for value, _whole in parts])
        return {"value": value, "numerator": None, "denominator": None}
    if all(whole for _value, whole in parts):
        numerator = combine("sum", [value for value, _whole in parts])
        denominator = combine("sum", [whole for _value, whole in parts])
        return {
            "value": numerator * 100 / denominator,
            "numerator": numerator,
            "denominator": denominator,
        }
    value = combine("max", [value for value, _whole in parts])
    return {"value": value, "numerator": None, "denominator": None}


def unindex_page(page) -> None:
    with transaction.atomic():
        DocumentMention.objects.filter(page=page).delete()
        IndicatorValue.objects.filter(page=page).delete()


@receiver(page_published)
def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, DangvuPage):
        # First: the date decides the year the page's figures are filed under.
        carry_original_date(instance)
        index_page(instance)


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    unindex_page(instance)


# Withholding -------------------------------------------------------------------------------


def refresh_pages_naming(symbols) -> int:
    """Compose again the search text of the live pages that name any of ``symbols``.

    Called when a symbol starts or stops being withheld: a changed text is written and the
    page is indexed again at once, in the caller's transaction (Wagtail's own reindexing
    may wait in a task queue), so a search never finds a page by a withheld symbol, and
    finds it again when the entry is released. Returns how many pages changed.
    """
    symbols = {str(symbol) for symbol in symbols if symbol}
    if not symbols:
        return 0
    pages = (
        Page.objects.live()
        .filter(pk__in=DocumentMention.objects.filter(symbol__in=symbols).values("page_id"))
        .specific()
    )
    changed = 0
    for page in pages:
        if not isinstance(page, DangvuPage):
            continue
        text = page.compose_search_text()
        if text == page.search_text:
            continue
        type(page).objects.filter(pk=page.pk).update(search_text=text)
        page.search_text = text
        index.insert_or_update_object(page)
        changed += 1
    return changed


@receiver(document_visibility_changed)
def on_document_visibility_changed(sender, documents, public, **kwargs):
    refresh_pages_naming(document.symbol for document in documents)


@receiver(pre_save, sender=PartyDocument)
def remember_stored_symbol(sender, instance, raw=False, **kwargs):
    """The symbol the row held, when a save may change it (a typo corrected)."""
    if raw or instance._state.adding or instance.pk is None:
        return
    instance._dangvu_stored_symbol = (
        PartyDocument.objects.filter(pk=instance.pk).values_list("symbol", flat=True).first()
    )


@receiver(post_save, sender=PartyDocument)
def on_document_saved(sender, instance, created, raw=False, **kwargs):
    """An entry's symbol changed (a typo corrected): the old one may be free now, and the
    new one withheld. The pages naming either are composed again, whatever the entry's
    visibility, which ``document_visibility_changed`` follows for the new symbol only.
    """
    stored = getattr(instance, "_dangvu_stored_symbol", None)
    if raw or created or stored in (None, instance.symbol):
        return
    refresh_pages_naming({stored, instance.symbol})


@receiver(post_delete, sender=PartyDocument)
def on_document_deleted(sender, instance, **kwargs):
    """A withheld entry removed: its symbol is as unknown as any, unless another bears it."""
    if instance.is_withheld:
        refresh_pages_naming({instance.symbol})


def _without_control_characters(data):
    """``data`` (StreamField JSON: lists, dicts, strings) with its strings cleaned."""
    if isinstance(data, str):
        return remove_control_characters(data)
    if isinstance(data, list):
        return [_without_control_characters(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_control_characters(value) for key, value in data.items()}
    return data


def remove_control_characters_from(instance) -> None:
    """Drop control characters from every text field of ``instance`` before it is saved.

    A vertical tab pasted from Word into a summary, a title or a chart label would
    otherwise be stored, then refused by every XML writer that meets it (Django's feeds
    fail on it). Plain and rich text fields are cleaned, and the strings inside
    StreamFields; deferred fields are left alone, as they are not being saved.
    """
    deferred = instance.get_deferred_fields()
    for field in instance._meta.concrete_fields:
        if field.attname in deferred:
            continue
        value = getattr(instance, field.attname)
        if isinstance(field, StreamField):
            if not value:
                continue
            data = value.get_prep_value()
            cleaned = _without_control_characters(data)
            if cleaned != data:
                setattr(instance, field.attname, cleaned)
        elif isinstance(field, models.CharField | models.TextField) and isinstance(value, str):
            cleaned = remove_control_characters(value)
            if cleaned != value:
                setattr(instance, field.attname, cleaned)


@receiver(pre_save)
def on_pre_save(sender, instance, raw=False, **kwargs):
    # The app's own models: documents, pages (their titles included), snippets. Fixtures
    # (raw) are loaded as they are.
    if not raw and sender._meta.app_label == "wagtail_dangvu":
        remove_control_characters_from(instance)
