"""The reverse index of documents named by published pages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..compat import PAGE_MODEL


class DocumentMention(models.Model):
    """A live page names a document symbol, by a chooser (``linked``) or in its text.

    Rows are keyed by the canonical symbol rather than by a document, so a document added
    to the register later finds the pages that already named it. They are written when a
    page is published and removed when it is unpublished or deleted
    (:mod:`wagtail_dangvu.signal_handlers`).
    """

    page = models.ForeignKey(
        PAGE_MODEL, on_delete=models.CASCADE, related_name="dangvu_document_mentions"
    )
    symbol = models.CharField(max_length=64)
    linked = models.BooleanField(default=False)

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
