"""The view counter of articles ("Lượt xem"): a total per page and a row per reader a day.

A view is counted by a small request the article's script sends after the page has
loaded (:mod:`wagtail_dangvu.articles.counter`), never by rendering the article, whose HTML
then stays cacheable. A reader counts at most once per article per day of the portal's
time zone: :class:`ArticleView` holds one row per (page, reader, day) under a unique
constraint, and the total in :class:`ArticleViewCount` moves with ``F()`` in the same
transaction, only when that row was inserted, so concurrent readers are counted exactly.
The daily rows older than :data:`KEEP_DAYS` are pruned (on the first counted view of a
day, and by ``manage.py dangvu_prune_views``).
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_dangvu.compat import PAGE_MODEL
from wagtail_dangvu.conf import get_setting

#: How long the daily rows are kept: a month of "who read what", no more.
KEEP_DAYS = 31


class ArticleViewCountManager(models.Manager):
    def total_for(self, page_id: int) -> int:
        """The page's total, 0 before its first view."""
        return self.filter(page_id=page_id).values_list("total", flat=True).first() or 0

    def count_view(self, page_id: int, reader: str, day: date) -> tuple[bool, int]:
        """Count ``reader``'s view of the page on ``day``, unless already counted.

        Returns whether this view counted, and the page's total after it.
        """
        with transaction.atomic():
            # get_or_create inserts in a savepoint and reads the row back on a conflict:
            # of concurrent first views of one reader, exactly one inserts.
            _view, created = ArticleView.objects.get_or_create(
                page_id=page_id, reader=reader, day=day
            )
            if created:
                self.bulk_create([self.model(page_id=page_id)], ignore_conflicts=True)
                self.filter(page_id=page_id).update(total=F("total") + 1)
            total = self.total_for(page_id)
        if created and cache.add(f"wagtail_dangvu.views:pruned:{day.isoformat()}", True, 86400):
            prune_views(day)
        return created, total

    def import_total(self, page, total: int) -> ArticleViewCount:
        """Set a migrated article's total (the old portal's hit count, ``hitstotal``)."""
        if total < 0:
            raise ValueError("A view total cannot be negative.")
        count, _created = self.update_or_create(page_id=page.pk, defaults={"total": total})
        return count


class ArticleViewCount(models.Model):
    """How many times an article has been read: the imported total plus counted views."""

    page = models.OneToOneField(
        PAGE_MODEL,
        verbose_name=_("page"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    total = models.PositiveBigIntegerField(_("views"), default=0)

    objects = ArticleViewCountManager()

    class Meta:
        verbose_name = _("article view count")
        verbose_name_plural = _("article view counts")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.total}"


class ArticleView(models.Model):
    """One reader's view of one article on one day (the reader as a keyed hash)."""

    page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,  # served by the unique constraint on (page, reader, day)
    )
    # The ratings app's voter key: "user:<id>", or "anon:" and an HMAC of a random cookie.
    reader = models.CharField(_("reader"), max_length=80)
    day = models.DateField(_("day"), db_index=True)

    class Meta:
        verbose_name = _("article view")
        verbose_name_plural = _("article views")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "reader", "day"], name="wagtail_dangvu_view_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id} {self.day}"


def portal_today() -> date:
    """Today in the portal's time zone (``WAGTAIL_DANGVU["TIME_ZONE"]``)."""
    return timezone.localtime(timezone=ZoneInfo(get_setting("TIME_ZONE"))).date()


def prune_views(today: date, keep_days: int = KEEP_DAYS) -> int:
    """Delete the daily rows older than ``keep_days`` before ``today``; return how many."""
    deleted, _per_model = ArticleView.objects.filter(
        day__lt=today - timedelta(days=keep_days)
    ).delete()
    return deleted
