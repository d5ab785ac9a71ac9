"""Keep the denormalised tables current as pages are published, unpublished and moved.

- :class:`~wagtail_dangvu.models.DocumentMention`: the documents each live page names.
- :class:`~wagtail_dangvu.models.IndicatorValue`: the figures each live page reports.

Rows are rebuilt from the published content in one transaction, and deleted with the
page (the foreign keys cascade), so no request ever parses StreamField JSON to list them.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import DangvuPage, DocumentMention, IndicatorValue
from .rollup import Aggregation, Observation, combine


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
