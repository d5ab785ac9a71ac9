"""The portal's time: every time the app shows is in ``WAGTAIL_DANGVU["TIME_ZONE"]``,
whatever the server's ``TIME_ZONE``, and a translation carries its original's date.

A portal set up by ``wagtail start`` runs its server in UTC; its readers live in
Vietnam. Datelines, ``<time datetime>``, JSON-LD, RSS and iCalendar all write a moment
as the portal's clock reads it ("07:43", "2022-12-03T07:43:00+07:00"), never as the
server's ("00:43+00:00").
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Min

from ..conf import get_setting

__all__ = ["carry_original_date", "in_portal_zone", "iso", "portal_zone"]


def portal_zone() -> ZoneInfo:
    return ZoneInfo(get_setting("TIME_ZONE"))


def in_portal_zone(value):
    """An aware datetime as the portal's clock reads it; anything else unchanged."""
    if isinstance(value, datetime.datetime) and value.utcoffset() is not None:
        return value.astimezone(portal_zone())
    return value


def iso(value) -> str:
    """ISO 8601 for machines (``<time datetime>``, JSON-LD): a moment in the portal's zone
    to the second ("2022-12-03T07:43:00+07:00"), a date as a date; "" for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        return in_portal_zone(value).replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


def carry_original_date(page) -> None:
    """A translation is the same article: it carries the first publication date of the
    earliest published page of its translation group, not the day it was translated.

    Wagtail's ``copy_for_translation`` (which wagtail-localize calls) leaves a new
    translation's ``first_published_at`` empty, and publishing sets it to the time of
    publishing. Called when a page is published: the page's row and ``page`` itself take
    the earlier date when one of its translations has it.
    """
    from wagtail.models import Page

    if page.first_published_at is None:
        return
    earliest = (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .exclude(pk=page.pk)
        .aggregate(earliest=Min("first_published_at"))["earliest"]
    )
    if earliest is not None and earliest < page.first_published_at:
        Page.objects.filter(pk=page.pk).update(first_published_at=earliest)
        page.first_published_at = earliest
