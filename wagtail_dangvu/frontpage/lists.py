"""What a portal's front page lists: the newest articles, the featured ones, upcoming
events, recent "dân vận khéo" stories, the most read and the best rated articles of the
last 30 days and the newest public documents of the register.

Each function answers in a fixed number of queries however many articles the portal
holds (one for the pages, one per article type among them for their own fields, one for
the pictures and their thumbnails), and lists only live, public pages in the language
being read. The front page blocks (:mod:`wagtail_dangvu.frontpage.blocks`) and the
``dangvu_frontpage`` template tags both call them.
"""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db.models import F, FloatField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

# The thumbnail beside an article on the front page.
THUMBNAIL = "fill-320x200"
# "Of the last 30 days": articles first published in that window.
RECENT_DAYS = 30
MAX_ITEMS = 20


def article_models() -> list[type]:
    """Every concrete article page type installed (the app's and a portal's own)."""
    from wagtail_dangvu.articles.models import AbstractArticlePage

    return [
        model
        for model in apps.get_models()
        if issubclass(model, AbstractArticlePage) and not model._meta.abstract
    ]


def _pages(locale=None):
    """Live, public article pages of the language being read, newest first."""
    locale = locale or Locale.get_active()
    return (
        Page.objects.live()
        .public()
        .type(*article_models())
        .filter(locale=locale)
        .order_by("-first_published_at", "-pk")
    )


def _within(pages, indexes):
    """``pages`` beneath any of ``indexes`` (all of them when none is given)."""
    indexes = [index for index in indexes or () if index is not None]
    if not indexes:
        return pages
    beneath = Q()
    for index in indexes:
        beneath |= Q(path__startswith=index.path, depth__gt=index.depth)
    return pages.filter(beneath)


def with_pictures(pages) -> list:
    """The specific pages of ``pages``, each one's picture fetched with its thumbnail in
    one query for all (an article type has a picture when it has an ``image`` field)."""
    pages = list(pages)
    image_ids = {getattr(page, "image_id", None) for page in pages} - {None}
    if image_ids:
        images = get_image_model().objects.prefetch_renditions(THUMBNAIL).in_bulk(image_ids)
        for page in pages:
            if getattr(page, "image_id", None) is not None:
                page.image = images.get(page.image_id)
    return pages


def latest_articles(*, indexes=(), count=5, locale=None, exclude=()) -> list:
    """The newest articles, of the given indexes (and their sub-indexes) or of all."""
    pages = _within(_pages(locale), indexes).exclude(pk__in=list(exclude))
    return with_pictures(pages.specific().defer_streamfields()[: _bounded(count)])


def featured_articles(pages, *, locale=None) -> list:
    """The editors' choice, in their order, leaving out what a reader may not see."""
    wanted = [page.pk for page in pages if page is not None]
    found = {
        page.pk: page
        for page in _pages(locale).filter(pk__in=wanted).specific().defer_streamfields()
    }
    return with_pictures(found[pk] for pk in wanted if pk in found)


def upcoming_events(*, index=None, count=5, locale=None, now=None) -> list:
    """Events not over yet, soonest first."""
    from wagtail_dangvu.events.models import SeminarEventPage

    now = now or timezone.now()
    events = (
        SeminarEventPage.objects.live()
        .public()
        .filter(locale=locale or Locale.get_active(), ends_at__gt=now)
        .defer_streamfields()
        .order_by("starts_at", "pk")
    )
    if index is not None:
        events = events.child_of(index)
    return list(events[: _bounded(count)])


def recent_stories(*, index=None, count=5, locale=None) -> list:
    """The newest "dân vận khéo" stories, with their field."""
    from wagtail_dangvu.stories.models import DanVanKheoStoryPage

    stories = (
        DanVanKheoStoryPage.objects.live()
        .public()
        .filter(locale=locale or Locale.get_active())
        .select_related("field")
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    if index is not None:
        stories = stories.child_of(index)
    return list(stories[: _bounded(count)])


def best_rated(*, count=5, locale=None, days=RECENT_DAYS, now=None) -> list:
    """The best rated articles first published in the last ``days`` days: by average,
    then by votes. Needs ``wagtail_dangvu.ratings``; nothing without it."""
    if not apps.is_installed("wagtail_dangvu.ratings"):
        return []
    from wagtail_dangvu.ratings.models import rated_pages

    since = (now or timezone.now()) - datetime.timedelta(days=days)
    pages = rated_pages(_pages(locale).filter(first_published_at__gte=since))
    pages = pages.filter(rating_count__gt=0).annotate(
        rating_average=Cast(F("rating_total"), FloatField()) / NullIf(F("rating_count"), 0)
    )
    ranked = pages.order_by("-rating_average", "-rating_count", "-first_published_at", "-pk")
    return with_pictures(ranked.specific().defer_streamfields()[: _bounded(count)])


def most_read(*, count=5, locale=None, days=RECENT_DAYS, now=None) -> list:
    """The most read articles first published in the last ``days`` days, by their view
    counter ("Lượt xem")."""
    from wagtail_dangvu.articles.view_counts import ArticleViewCount

    since = (now or timezone.now()) - datetime.timedelta(days=days)
    totals = ArticleViewCount.objects.filter(page=OuterRef("pk")).values("total")[:1]
    pages = (
        _pages(locale)
        .filter(first_published_at__gte=since)
        .annotate(read_count=Coalesce(Subquery(totals), 0))
        .filter(read_count__gt=0)
        .order_by("-read_count", "-first_published_at", "-pk")
    )
    return with_pictures(pages.specific().defer_streamfields()[: _bounded(count)])


def newest_documents(*, count=5, locale=None) -> list[tuple]:
    """The newest public documents of the register, as (document, URL on the register)."""
    from wagtail_dangvu.documents.models import PartyDocument
    from wagtail_dangvu.documents.register import DocumentRegisterPage

    locale = locale or Locale.get_active()
    register = DocumentRegisterPage.for_locale(locale.pk)
    documents = PartyDocument.objects.public().filter(locale=locale)
    documents = documents.order_by("-issue_date", "-pk")[: _bounded(count)]
    return [
        (document, register.document_url(document) if register else "") for document in documents
    ]


def _bounded(count) -> int:
    return max(1, min(int(count or 5), MAX_ITEMS))


__all__ = [
    "article_models",
    "best_rated",
    "featured_articles",
    "latest_articles",
    "most_read",
    "newest_documents",
    "recent_stories",
    "upcoming_events",
    "with_pictures",
]
