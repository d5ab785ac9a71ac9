"""Keep the denormalised tables current as pages are published, unpublished and moved.

- :class:`~wagtail_dangvu.models.DocumentMention`: the documents each live page names.
- :class:`~wagtail_dangvu.models.IndicatorValue`: the figures each live page reports.

Rows are rebuilt from the published content in one transaction, and deleted with the
page (the foreign keys cascade), so no request ever parses StreamField JSON to list them.

And keep control characters out of whatever the app's models save (see
:func:`remove_control_characters_from`).
"""

from __future__ import annotations

from collections import defaultdict

from django.db import models, transaction
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.fields import StreamField
from wagtail.signals import page_published, page_unpublished

from .models import DangvuPage, DocumentMention, IndicatorValue
from .rollup import Aggregation, Observation, combine
from .text import remove_control_characters


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
    for indicator, value in page.indicator_figures():
        figures[indicator].append(Observation(value=value, when=None))

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
                value=combine(Aggregation(indicator.aggregation), observations),
                observed_on=reference_date,
            )
            for indicator, observations in figures.items()
        )


def unindex_page(page) -> None:
    with transaction.atomic():
        DocumentMention.objects.filter(page=page).delete()
        IndicatorValue.objects.filter(page=page).delete()


@receiver(page_published)
def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, DangvuPage):
        index_page(instance)


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    unindex_page(instance)


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
