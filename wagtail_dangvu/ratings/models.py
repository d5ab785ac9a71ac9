"""A rating per article and a row per vote.

Which rating counts a vote depends on ``WAGTAIL_DANGVU["RATINGS"]["PER_LOCALE"]``. By
default all translations of a page share one rating, keyed by the page's translation
key with an empty ``locale``; per locale, each translation has its own, keyed by the
translation key and its locale. The setting chooses which rows are read and written and
never rewrites a row, so switching it is well-defined: the other mode's ratings stay as
they were, out of sight, and come back when the setting is switched back.

The two counters are kept on the rating, incremented with ``F()`` expressions in the
transaction that inserts the vote, so reading a rating never adds up votes. They start
from the counters imported from the old portal, if any, which stay on record in
``imported_total`` and ``imported_count``.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, models, router, transaction
from django.db.models import F, Q
from django.db.models.functions import Cast, Coalesce, Now, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from wagtail_dangvu.compat import PAGE_MODEL

from .conf import ratings_setting
from .scores import BEST, SCORES, WORST, Tally, average, counters_are_consistent


class RatingDisabled(Exception):
    """Votes are switched off for this page."""


class AlreadyRated(Exception):
    """This reader has already rated this page."""


@dataclass(frozen=True, slots=True)
class ReaderState:
    """What one reader may see of a page's rating: its counters and their own vote."""

    tally: Tally
    enabled: bool = True
    score: int | None = None


def rating_scope(page) -> dict:
    """The lookup of the rating that counts the votes given on ``page``."""
    per_locale = ratings_setting("PER_LOCALE")
    return {
        "translation_key": page.translation_key,
        "locale_id": page.locale_id if per_locale else None,
    }


def rated_pages(pages):
    """``pages`` (a page queryset) annotated with the counters of their ratings,
    ``rating_total`` and ``rating_count`` (0 when unrated or when votes are switched off),
    in the same query: for listing the best rated pages."""
    ratings = Rating.objects.filter(
        translation_key=models.OuterRef("translation_key"), enabled=True
    )
    if ratings_setting("PER_LOCALE"):
        ratings = ratings.filter(locale=models.OuterRef("locale"))
    else:
        ratings = ratings.filter(locale__isnull=True)
    return pages.annotate(
        rating_total=Coalesce(models.Subquery(ratings.values("total")[:1]), 0),
        rating_count=Coalesce(models.Subquery(ratings.values("count")[:1]), 0),
    )


class RatingQuerySet(models.QuerySet):
    def for_page(self, page):
        """The rating (at most one) that counts the votes given on ``page``."""
        return self.filter(**rating_scope(page))

    def in_current_mode(self):
        """Ratings of the mode the site runs in: shared by translations, or per locale."""
        return self.filter(locale__isnull=not ratings_setting("PER_LOCALE"))

    def with_average(self):
        """Annotate ``average_value``, a float to sort by (``Rating.average`` is exact)."""
        return self.annotate(average_value=Cast("total", models.FloatField()) / NullIf("count", 0))

    def most_rated(self):
        return self.filter(count__gt=0).order_by("-count", "-total", "pk")

    def best_rated(self):
        return self.filter(count__gt=0).with_average().order_by("-average_value", "-count", "pk")


class RatingManager(models.Manager.from_queryset(RatingQuerySet)):
    def state_for(self, page, voter_key: str | None = None) -> ReaderState:
        """The counters of ``page``'s rating and the reader's vote on it, in one query."""
        rows = self.for_page(page)
        fields = ["total", "count", "enabled"]
        if voter_key:
            own_vote = Vote.objects.filter(rating=models.OuterRef("pk"), voter_key=voter_key)
            rows = rows.annotate(reader_score=models.Subquery(own_vote.values("score")[:1]))
            fields.append("reader_score")
        row = rows.values(*fields).first()
        if row is None:
            return ReaderState(Tally())
        return ReaderState(
            Tally(row["total"], row["count"]), row["enabled"], row.get("reader_score")
        )

    def cast_vote(self, page, *, voter_key: str, score: int) -> Tally:
        """Count one vote of ``score`` stars on ``page`` and return the new counters.

        One transaction inserts the vote and increments both counters. A second vote by
        the same reader is refused by the unique constraint on (rating, voter key), not by
        an earlier read, so two simultaneous votes cannot both get in.

        Raises :class:`RatingDisabled` or :class:`AlreadyRated`; nothing is written then.
        """
        if score not in SCORES:
            raise ValueError(f"A score is one of {SCORES}, not {score!r}.")
        if connections[router.db_for_write(self.model)].vendor == "postgresql":
            return self._cast_vote_in_one_statement(page, voter_key=voter_key, score=score)
        try:
            with transaction.atomic():
                rating = self._get_or_create_for(page)
                if not rating.enabled:
                    raise RatingDisabled
                Vote.objects.create(rating=rating, voter_key=voter_key, score=score)
                counters = self.filter(pk=rating.pk)
                counters.update(total=F("total") + score, count=F("count") + 1, last_vote_at=Now())
                total, count = counters.values_list("total", "count").get()
        except IntegrityError:
            if Vote.objects.filter(rating__in=self.for_page(page), voter_key=voter_key).exists():
                raise AlreadyRated from None
            raise
        return Tally(total, count)

    def _cast_vote_in_one_statement(self, page, *, voter_key: str, score: int) -> Tally:
        """:meth:`cast_vote` on PostgreSQL: one data-modifying statement, no transaction
        of its own (in autocommit it is its own transaction).

        The rating row is inserted, or, when it exists (``ON CONFLICT``), its counters are
        moved if it is enabled; the vote is inserted for the row so returned. The counter
        update locks the rating row, so simultaneous votes on a page queue there; a repeat
        vote fails the unique constraint on (rating, voter key) and the whole statement,
        counters included, is undone.
        """
        scope = rating_scope(page)
        ratings = self.model._meta.db_table
        votes = Vote._meta.db_table
        if scope["locale_id"] is None:
            conflict = "(translation_key) WHERE locale_id IS NULL"
        else:
            conflict = "(translation_key, locale_id) WHERE locale_id IS NOT NULL"
        sql = f"""
            WITH rating AS (
                INSERT INTO {ratings} AS r (page_id, translation_key, locale_id, total, count,
                    imported_total, imported_count, enabled, created_at, last_vote_at)
                VALUES (%(page)s, %(key)s, %(locale)s, %(score)s, 1, 0, 0, true, now(), now())
                ON CONFLICT {conflict} DO UPDATE
                    SET total = r.total + EXCLUDED.total, count = r.count + 1,
                        last_vote_at = EXCLUDED.last_vote_at
                    WHERE r.enabled
                RETURNING r.id, r.total, r.count
            ), vote AS (
                INSERT INTO {votes} (rating_id, score, voter_key, created_at)
                SELECT id, %(score)s, %(voter)s, now() FROM rating
            )
            SELECT total, count FROM rating"""
        params = {
            "page": page.pk,
            "key": scope["translation_key"],
            "locale": scope["locale_id"],
            "score": score,
            "voter": voter_key,
        }
        # Inside a transaction (a test, ATOMIC_REQUESTS) a savepoint keeps the refusal
        # from breaking it; in autocommit, as the view runs, there is none to keep.
        db = router.db_for_write(self.model)
        connection = connections[db]
        savepoint = transaction.atomic(using=db) if connection.in_atomic_block else nullcontext()
        try:
            with savepoint, connection.cursor() as cursor:
                cursor.execute(sql, params)
                row = cursor.fetchone()
        except IntegrityError as error:
            constraint = getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)
            if constraint == "dangvu_vote_once_per_reader":
                raise AlreadyRated from None
            raise
        if row is None:  # the rating exists and is switched off: nothing was written
            raise RatingDisabled
        return Tally(*row)

    def import_counters(self, page, *, total: int, count: int) -> Rating:
        """Give ``page`` the two counters of its old portal: ``total`` points in ``count`` votes.

        Idempotent: importing again replaces the earlier import rather than adding to it,
        and votes cast here since are kept on top. Returns the rating.
        """
        for value in (total, count):
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(f"Counters are integers, not {value!r}.")
        if not counters_are_consistent(total, count):
            raise ValueError(
                f"{count} votes of {WORST} to {BEST} stars cannot add up to {total} points."
            )
        with transaction.atomic():
            rating = self._get_or_create_for(page)
            rating = self.select_for_update().get(pk=rating.pk)
            self.filter(pk=rating.pk).update(
                total=F("total") + (total - rating.imported_total),
                count=F("count") + (count - rating.imported_count),
                imported_total=total,
                imported_count=count,
            )
            rating.refresh_from_db()
        return rating

    def _get_or_create_for(self, page) -> Rating:
        """The rating counting ``page``'s votes, created if need be without a race.

        Two first votes at once both try the insert; the partial unique constraints let
        one row in and turn the other insert into a no-op (``ON CONFLICT DO NOTHING``),
        after which both read the same row.
        """
        scope = rating_scope(page)
        try:
            return self.only("pk", "enabled").get(**scope)
        except self.model.DoesNotExist:
            self.bulk_create([self.model(page_id=page.pk, **scope)], ignore_conflicts=True)
            return self.only("pk", "enabled").get(**scope)


class Rating(models.Model):
    page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page rated. When the rating is shared by translations, any of them; if "
            "it is deleted, the rating passes to another translation."
        ),
    )
    translation_key = models.UUIDField(_("translation key"), editable=False)
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("language"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,  # served by the unique constraint on (translation_key, locale)
        help_text=_("Empty when all translations of the page share the rating."),
    )
    total = models.PositiveIntegerField(_("total points"), default=0, editable=False)
    count = models.PositiveIntegerField(_("votes"), default=0, editable=False)
    imported_total = models.PositiveIntegerField(_("imported points"), default=0, editable=False)
    imported_count = models.PositiveIntegerField(_("imported votes"), default=0, editable=False)
    enabled = models.BooleanField(
        _("readers can rate"),
        default=True,
        help_text=_("Switch off to hide the stars and refuse votes on this page."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_vote_at = models.DateTimeField(_("last vote at"), null=True, editable=False)

    objects = RatingManager()

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        permissions = [("reset_rating", _("Can reset rating"))]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key"],
                condition=Q(locale__isnull=True),
                name="dangvu_rating_one_per_article",
            ),
            models.UniqueConstraint(
                fields=["translation_key", "locale"],
                condition=Q(locale__isnull=False),
                name="dangvu_rating_one_per_translation",
            ),
            models.CheckConstraint(
                condition=Q(total__gte=F("count"), total__lte=F("count") * BEST),
                name="dangvu_rating_counters_consistent",
            ),
            models.CheckConstraint(
                condition=Q(
                    imported_total__gte=F("imported_count"),
                    imported_total__lte=F("imported_count") * BEST,
                ),
                name="dangvu_rating_imported_consistent",
            ),
        ]

    def __str__(self):
        if self.page is None:
            return str(_("(page deleted)"))
        return self.page.title

    def save(self, *args, **kwargs):
        if self._state.adding and self.translation_key is None and self.page_id is not None:
            scope = rating_scope(self.page)
            self.translation_key = scope["translation_key"]
            self.locale_id = scope["locale_id"]
        super().save(*args, **kwargs)

    @property
    def tally(self) -> Tally:
        return Tally(self.total, self.count)

    @property
    def average(self):
        return average(self.total, self.count)

    @property
    def counted_for(self) -> str:
        """'All languages' or the language whose votes the rating counts."""
        if self.locale_id is None:
            return str(_("All languages"))
        return self.locale.get_display_name()

    def clean(self):
        super().clean()
        if self._state.adding and self.page_id is not None:
            self.translation_key = self.page.translation_key
            scope = rating_scope(self.page)
            self.locale_id = scope["locale_id"]
            if Rating.objects.filter(**scope).exists():
                raise ValidationError({"page": _("This page already has a rating.")})

    def reset(self, *, user=None) -> Tally:
        """Delete the votes, zero the counters (imported ones too) and log it.

        Returns the counters as they were.
        """
        with transaction.atomic():
            # Lock the row first: a vote in flight then lands either before the reset
            # (and is deleted with the others) or after it (and is counted from zero).
            before = Rating.objects.select_for_update().get(pk=self.pk)
            self.votes.all().delete()
            Rating.objects.filter(pk=self.pk).update(
                total=0, count=0, imported_total=0, imported_count=0, last_vote_at=None
            )
            log(
                instance=self,
                action="wagtail_dangvu_ratings.reset",
                user=user,
                data={
                    "total": before.total,
                    "count": before.count,
                    "imported_total": before.imported_total,
                    "imported_count": before.imported_count,
                },
            )
        self.refresh_from_db()
        return before.tally


class Vote(models.Model):
    rating = models.ForeignKey(
        Rating,
        verbose_name=_("rating"),
        on_delete=models.CASCADE,
        related_name="votes",
        db_index=False,  # served by the unique constraint on (rating, voter_key)
    )
    score = models.PositiveSmallIntegerField(_("score"), choices=[(s, s) for s in SCORES])
    voter_key = models.CharField(
        _("voter key"),
        max_length=80,
        help_text=_(
            "'user:' and the id of a signed-in reader, or 'anon:' and a keyed hash of an "
            "anonymous reader's random cookie. Neither the cookie nor an IP address is kept."
        ),
    )
    created_at = models.DateTimeField(_("cast at"), default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["rating", "voter_key"], name="dangvu_vote_once_per_reader"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=WORST, score__lte=BEST), name="dangvu_vote_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.score}/{BEST}"
