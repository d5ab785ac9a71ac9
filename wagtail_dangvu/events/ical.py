"""iCalendar (RFC 5545) for seminar events: one event to add, or a feed to subscribe to.

What calendar programs need, and what event apps often leave out: a PRODID and VERSION on
the calendar; on each event a UID that survives edits (the page's translation key and
language at the portal's host), DTSTAMP, LAST-MODIFIED, and times either with the TZID
of the portal's zone and its VTIMEZONE, or as DATE values for all-day events (DTEND being
the day after the last). Text is escaped by the ``icalendar`` library, so Vietnamese and
editors' punctuation (``;``, ``,``, ``\\``, new lines) survive a round trip.

This module knows events by duck typing (``start``, ``end``, ``all_day``, ``title`` …) and
imports no model.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import icalendar
from django.http import HttpResponse
from django.utils import timezone, translation

from wagtail_dangvu import __version__
from wagtail_dangvu.conf import get_setting
from wagtail_dangvu.downloads import content_disposition
from wagtail_dangvu.pure.text import remove_control_characters

PRODID = f"-//wagtail-dangvu//wagtail-dangvu {__version__}//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"

# How often subscribers should fetch a feed again (RFC 7986 and its common extension).
REFRESH_INTERVAL = datetime.timedelta(hours=2)


def event_uid(event, host: str) -> str:
    """The same UID for every edit and move of the page, one per language."""
    return f"{event.translation_key}-{event.locale.language_code}@{host}"


def _text(value: str) -> str:
    # Editors' text arrives with Windows line ends from text areas, and sometimes with
    # control characters pasted from Word, which RFC 5545 does not allow in TEXT.
    text = remove_control_characters(value or "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def event_component(event, *, host: str, request=None) -> icalendar.Event:
    """The VEVENT of a seminar event page."""
    with translation.override(event.locale.language_code):
        component = icalendar.Event()
        component.add("uid", event_uid(event, host))
        # Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545 3.8.7.2),
        # which also keeps the output the same until the page changes.
        revised = event.last_published_at or event.latest_revision_created_at or timezone.now()
        component.add("dtstamp", _utc(revised))
        if event.first_published_at:
            component.add("created", _utc(event.first_published_at))
        if event.last_published_at:
            component.add("last-modified", _utc(event.last_published_at))
        start, end = event.start, event.end
        component.add("dtstart", start)
        if event.all_day:
            # DATE values; DTEND is exclusive: the day after the last day.
            component.add("dtend", end + datetime.timedelta(days=1))
        elif end is not None:
            component.add("dtend", end)
        component.add("summary", _text(event.title))
        if location := event.location_text():
            component.add("location", _text(location))
        if description := event.ical_description():
            component.add("description", _text(description))
        url = event.get_full_url(request)
        if url:
            component.add("url", url)
        # Its kind, its tags and its unit (the commune), as the RSS items carry them.
        component.add("categories", [_text(str(category)) for category in event.feed_categories()])
        component.add("status", "CONFIRMED")
        component.add("class", "PUBLIC")
        component.add("transp", "OPAQUE")
    return component


def build_calendar(
    events: Iterable,
    *,
    host: str,
    request=None,
    name: str = "",
    description: str = "",
    source: str = "",
) -> icalendar.Calendar:
    """A VCALENDAR of ``events``. ``name`` and ``source`` make it a subscribable feed."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # NAME (RFC 7986) and the X-WR- properties are unknown to the library's type table:
    # vText escapes them, or a new line in an editor's text would break the file.
    if name:
        calendar.add("name", icalendar.vText(_text(name)))
        calendar.add("x-wr-calname", icalendar.vText(_text(name)))
    if description:
        calendar.add("description", icalendar.vText(_text(description)))
        calendar.add("x-wr-caldesc", icalendar.vText(_text(description)))
    if source:
        calendar.add("source", source, parameters={"VALUE": "URI"})
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", icalendar.vDuration(REFRESH_INTERVAL).to_ical().decode())
        calendar.add("x-wr-timezone", get_setting("TIME_ZONE"))
    days = []
    for event in events:
        calendar.add_component(event_component(event, host=host, request=request))
        days.extend([event.start_date, event.end_date or event.start_date])
    if days:
        # Only the zone's rules over the span of the events, so the VTIMEZONE stays small.
        calendar.add_missing_timezones(
            first_date=min(days) - datetime.timedelta(days=1),
            last_date=max(days) + datetime.timedelta(days=2),
        )
    return calendar


def calendar_response(
    calendar: icalendar.Calendar, filename: str, *, attachment: bool
) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(
        filename, attachment=attachment, fallback="calendar"
    )
    return response
