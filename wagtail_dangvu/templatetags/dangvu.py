"""Template filters and tags: ``{% load dangvu %}``.

The ``vi_*`` filters carry the names of the pure functions in :mod:`wagtail_dangvu.pure.numbers`;
``number`` writes a figure in the page's language. On a value they cannot format they
return the value unchanged rather than break the page.
"""

from __future__ import annotations

import json

from django import template
from django.apps import apps
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from wagtail_dangvu import portal_time, wording
from wagtail_dangvu.conf import get_setting
from wagtail_dangvu.documents.blocks import link_symbols_in_context
from wagtail_dangvu.pure import dates, numbers

register = template.Library()


def _tz():
    return get_setting("TIME_ZONE")


def _figure(write, value, decimals):
    if value in (None, ""):
        return ""
    try:
        return write(value, None if decimals in (None, "") else int(decimals))
    except (ValueError, TypeError):
        return value


#: Open Graph names a locale language_TERRITORY; a bare language gets its usual country.
OG_TERRITORIES = {"vi": "VN", "en": "US", "fr": "FR", "zh": "CN", "km": "KH", "lo": "LA"}


@register.filter
def og_locale(language_code):
    """``og:locale`` for a Wagtail language code: "vi" → "vi_VN", "en-gb" → "en_GB"."""
    language, _, territory = str(language_code or "").replace("_", "-").partition("-")
    language = language.lower()
    territory = territory.upper() or OG_TERRITORIES.get(language, "")
    return f"{language}_{territory}" if territory else language


@register.filter
def vi_number(value, decimals=None):
    return _figure(numbers.vi_number, value, decimals)


@register.filter
def number(value, decimals=None):
    """A figure in the page's language: ``3.192``, ``95,94`` in Vietnamese, ``3,192``,
    ``95.94`` in English (:func:`~wagtail_dangvu.pure.numbers.vi_number` whatever the language)."""
    return _figure(wording.number, value, decimals)


@register.filter
def data_value(value):
    """A figure for machines (``<data value>``): "3192", "95.94", never localised."""
    return wording.data_value(value)


@register.filter
def vi_percent(part, whole):
    try:
        return numbers.vi_percent(part, whole)
    except (ValueError, TypeError, ArithmeticError):
        return ""


@register.filter
def vi_count(value, pad=2):
    try:
        return numbers.vi_count(value, int(pad))
    except (ValueError, TypeError):
        return value


@register.filter
def vi_dateline(value):
    if not value:
        return ""
    return dates.vi_dateline(value, _tz())


@register.filter
def dateline(value):
    """The dateline in the page's language and the portal's zone: "Thứ bảy - 03/12/2022
    07:43", "Saturday - 03/12/2022 07:43" (``vi_dateline`` is Vietnamese whatever it)."""
    if not value:
        return ""
    return wording.dateline(value, _tz())


@register.filter
def date_long(value, place=None):
    """The formal date line in the page's language: "Long Bình, ngày 03 tháng 12 năm
    2022", "Long Bình, 3 December 2022"."""
    if not value:
        return ""
    return wording.date_long(value, place or None, tz=_tz())


@register.filter
def iso_datetime(value):
    """A ``<time datetime>`` value: a moment in the portal's zone to the second
    ("2022-12-03T07:43:00+07:00"), a date as a date."""
    return portal_time.iso(value)


@register.filter
def vi_weekday(value):
    if not value:
        return ""
    return dates.vi_weekday(value, _tz())


@register.filter
def vi_date(value):
    if not value:
        return ""
    return dates.vi_date(value, _tz())


@register.filter
def vi_time(value):
    if not value:
        return ""
    return dates.vi_time(value, _tz())


@register.filter
def vi_date_long(value, place=None):
    if not value:
        return ""
    return dates.vi_date_long(value, place or None, tz=_tz())


@register.simple_tag(takes_context=True)
def document_url(context, document):
    """The public register URL of a document, or "" when there is none to show."""
    register_page = context.get("dangvu_register")
    if register_page is None or document is None or not document.is_public:
        return ""
    return register_page.document_url(document, context.get("request"))


@register.simple_tag(takes_context=True)
def richtext_linked(context, value):
    """A rich text field as ``|richtext`` renders it, its document symbols linked to the
    register (as the paragraphs of a stream are)."""
    if not value:
        return ""
    return mark_safe(link_symbols_in_context(str(richtext(value)), context))


@register.simple_tag
def json_ld(data):
    """A ``<script type="application/ld+json">`` that editor text cannot break out of."""
    # json_script escapes <, > and & as \\u003C, \\u003E, \\u0026 inside the JSON.
    script = json_script(data)
    return mark_safe(
        script.replace('<script type="application/json">', '<script type="application/ld+json">', 1)
    )


@register.simple_tag
def json_value(data):
    """Compact JSON of plain data, for attributes (the template escapes it)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@register.inclusion_tag("wagtail_dangvu/includes/rating.html", takes_context=True)
def dangvu_rating(context, page):
    """The star rating below an article, where the ratings app is installed."""
    return {
        "page": page,
        "ratings_installed": apps.is_installed("wagtail_dangvu.ratings"),
        "request": context.get("request"),
    }


@register.filter
def indicator_figure(value, indicator):
    """A rolled-up figure as a reader expects it: a rate in percent to two places
    ("111,33%"), an unweighted mean to two places, a count without decimals when whole
    ("224 cuộc", never "224,00 cuộc"), each followed by the indicator's unit."""
    if value in (None, ""):
        return ""
    try:
        return wording.indicator_figure(value, indicator.aggregation, indicator.unit)
    except (ValueError, TypeError, ArithmeticError):
        return value


@register.filter
def get_item(mapping, key):
    """``mapping[key]``, or None: for tables keyed by a number in templates."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
