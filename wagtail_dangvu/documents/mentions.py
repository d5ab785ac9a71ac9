"""The reverse index of documents named by published pages."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_dangvu.compat import PAGE_MODEL
from wagtail_dangvu.documents.models import PartyDocument


def withheld_symbols(symbols: Iterable) -> set[str]:
    """Of ``symbols``, those that a withheld register entry bears, in any language.

    A symbol is withheld as soon as one entry written with it is, however many public
    entries of other terms share it: a page naming it cannot tell which one it means, and
    the gate on publishing reads it the same way. One query, none for no symbols.
    """
    symbols = {str(symbol) for symbol in symbols}
    if not symbols:
        return set()
    return set(
        PartyDocument.objects.withheld()
        .with_any_symbol(symbols)
        .values_list("symbol", flat=True)
        .distinct()
    )


class DocumentMentionQuerySet(models.QuerySet):
    def public(self):
        """Mentions that may be shown: none of a symbol that a withheld entry bears.

        Rows of a withheld symbol are kept as the record of which pages named it, so that
        everything comes back when the entry is released; they are filtered here, when
        read, in the same query (a subquery on the register).
        """
        return self.exclude(symbol__in=PartyDocument.objects.withheld().values("symbol").order_by())

    def pages_naming(self, symbol) -> models.QuerySet:
        """The ids of the pages with a public mention of ``symbol``, for ``pk__in``."""
        return self.public().filter(symbol=str(symbol)).values("page_id")


class DocumentMention(models.Model):
    """A live page names a document symbol, by a chooser (``linked``) or in its text.

    Rows are keyed by the canonical symbol rather than by a document, so a document added
    to the register later finds the pages that already named it. They are written when a
    page is published and removed when it is unpublished or deleted
    (:mod:`wagtail_dangvu.signal_handlers`). A symbol that a withheld entry bears keeps its
    rows, but every public lookup goes through :meth:`DocumentMentionQuerySet.public`.
    """

    page = models.ForeignKey(
        PAGE_MODEL, on_delete=models.CASCADE, related_name="dangvu_document_mentions"
    )
    symbol = models.CharField(max_length=64)
    linked = models.BooleanField(default=False)

    objects = DocumentMentionQuerySet.as_manager()

    class Meta:
        verbose_name = _("document mention")
        verbose_name_plural = _("document mentions")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "symbol"],
                name="dangvu_document_mention_unique",
            )
        ]
        indexes = [models.Index(fields=["symbol"])]

    def __str__(self):
        return f"{self.page_id}: {self.symbol}"
