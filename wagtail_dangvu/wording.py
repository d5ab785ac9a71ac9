"""The pure modules' codes, worded through gettext in the reader's language.

:mod:`~wagtail_dangvu.pure.symbols`, :mod:`~wagtail_dangvu.pure.numbers`,
:mod:`~wagtail_dangvu.pure.dates` and :mod:`~wagtail_dangvu.pure.charts` name what they have
to say with a code and its parameters (:class:`~wagtail_dangvu.pure.problems.Problem`);
this module words it in the active language,
so an English editor reads English and a Vietnamese one Vietnamese, and an English page's
chart says "Column chart with 3 categories" where the Vietnamese one says "Biểu đồ cột gồm
3 danh mục". Counts and figures are written in the language's style: ``1.234,5`` in
Vietnamese, ``1,234.5`` in English.

Every code a pure module can emit has its wording here (``tests/integration/test_wording``
walks them all); a code without one is a programming error and raises ``KeyError``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.formats import date_format, get_format
from django.utils.translation import get_language, gettext, ngettext, pgettext

from wagtail_dangvu.pure import charts, dates, numbers, symbols
from wagtail_dangvu.pure.numbers import VIETNAMESE, NumberStyle, format_number
from wagtail_dangvu.pure.problems import Problem

__all__ = [
    "CODES",
    "chart_words",
    "date_long",
    "dateline",
    "describe_chart",
    "kind_name",
    "number",
    "number_style",
    "unit_caption",
    "weekday_name",
    "word",
    "words",
]

Params = Mapping[str, object]


# Numbers ----------------------------------------------------------------------------------


def _in_vietnamese() -> bool:
    """Whether the active language (the portal's ``LANGUAGE_CODE`` when none is) is
    Vietnamese."""
    language = (get_language() or settings.LANGUAGE_CODE or "vi").lower()
    return language.split("-")[0] == "vi"


def number_style() -> NumberStyle:
    """How the active language (the portal's ``LANGUAGE_CODE`` when none is) writes
    numbers: Vietnamese ``1.234,5`` whatever the format settings, another language as
    Django's formats for it say (``1,234.5`` in English)."""
    if _in_vietnamese():
        return VIETNAMESE
    return NumberStyle(
        thousands=str(get_format("THOUSAND_SEPARATOR")),
        decimal=str(get_format("DECIMAL_SEPARATOR")),
    )


def number(value: int | float | Decimal | str, decimals: int | None = None) -> str:
    """A figure in the active language's style: ``3.192`` / ``3,192``; ``95,94`` / ``95.94``.

    Raises :class:`~wagtail_dangvu.pure.numbers.FormatError` for what is not a number.
    """
    return format_number(value, decimals, number_style())


def data_value(value) -> str:
    """A figure for machines (``<data value>``): "3192", "95.94", never localised; "" for
    what is not a number."""
    if value in (None, ""):
        return ""
    try:
        figure = Decimal(str(value)).normalize()
    except (InvalidOperation, ValueError):
        return ""
    return format(figure, "f")


def _count(params: Params, name: str) -> str:
    return number(params[name])


# Symbols ----------------------------------------------------------------------------------


def _symbol_wording() -> dict[str, Callable[[Params], str]]:
    code = symbols.Code
    return {
        code.EMPTY: lambda p: gettext("Enter the document's number and symbol."),
        code.NUMBER_OUT_OF_RANGE: lambda p: (
            gettext("The document number must be from 1 to 999999, not %(number)s.") % p
        ),
        code.NUMBER_ZERO: lambda p: (
            gettext("The document number must be greater than 0: “%(text)s”.") % p
        ),
        code.NO_NUMBER: lambda p: gettext("The document number is missing: “%(text)s”.") % p,
        code.NO_CODES: lambda p: (
            gettext(
                "The symbol is missing (the document type and the issuing body, e.g. "
                "21-KL/TW): “%(text)s”."
            )
            % p
        ),
        code.IS_A_DATE: lambda p: (
            gettext("“%(text)s” is a date, not a document number and symbol.") % p
        ),
        code.UNREADABLE: lambda p: gettext("Not a document symbol: “%(text)s”.") % p,
        code.EXTRA_BEFORE: lambda p: (
            gettext("Not a document symbol: “%(text)s” (“%(extra)s” before it is not part of it).")
            % p
        ),
        code.EXTRA_AFTER: lambda p: (
            gettext("Not a document symbol: “%(text)s” (“%(extra)s” after it is not part of it).")
            % p
        ),
        code.STATE_SHAPE: lambda p: (
            gettext(
                "Not a document symbol: “%(text)s” (State documents are written "
                "number/TYPE-BODY, e.g. 1034/QĐ-TTg)."
            )
            % p
        ),
        code.BAD_TYPE: lambda p: gettext("Invalid document type: “%(code)s”.") % p,
        code.BAD_ISSUER: lambda p: gettext("Invalid issuing body: “%(code)s”.") % p,
        code.BAD_CODES: lambda p: gettext("Invalid document symbol: “%(codes)s”.") % p,
        code.PARTY_WITH_YEAR: lambda p: gettext("A Party document's symbol carries no year."),
        code.BAD_YEAR: lambda p: gettext("Invalid year of issue: %(year)s.") % p,
        code.STATE_TYPE_IN_PARTY: lambda p: (
            gettext("“%(code)s” is a State document type, not used in Party symbols.") % p
        ),
        code.STATE_BODY_AS_PARTY_TYPE: lambda p: (
            gettext("“%(code)s” is the code of a State body, not a Party document type.") % p
        ),
        code.UNKNOWN_PARTY_TYPE: lambda p: (
            gettext("The document type “%(code)s” is not in the list of Party documents.") % p
        ),
        code.PARTY_NO_ISSUER: lambda p: gettext(
            "The issuing body after the “/” is missing (e.g. 21-KL/TW)."
        ),
        code.STATE_BODY_IN_PARTY: lambda p: (
            gettext("“%(code)s” is a State body, not a Party committee or body.") % p
        ),
        code.UNKNOWN_PARTY_ISSUER: lambda p: (
            gettext("The issuing body “%(code)s” is not in the list of Party bodies.") % p
        ),
        code.YEAR_WITHOUT_SLASH: lambda p: (
            gettext("The “/” between the year %(year)s and “%(codes)s” is missing.") % p
        ),
        code.UNLIKELY_YEAR: lambda p: gettext("The year of issue %(year)s is unlikely.") % p,
        code.LAW_WITHOUT_YEAR: lambda p: gettext(
            "The year of issue is missing (e.g. 17/2008/QH12)."
        ),
        code.STATE_NO_ISSUER: lambda p: gettext("The issuing body is missing (e.g. 1034/QĐ-TTg)."),
        code.UNKNOWN_STATE_ISSUER: lambda p: (
            gettext("The issuing body “%(code)s” is not in the list of State bodies.") % p
        ),
        code.LOOKS_LIKE_PARTY: lambda p: (
            gettext(
                "“%(symbol)s” looks like a Party symbol, which is written number-TYPE/BODY "
                "(e.g. 21-KL/TW)."
            )
            % p
        ),
        code.UNKNOWN_STATE_CODE: lambda p: (
            gettext("“%(code)s” is neither a known document type nor a known issuing body.") % p
        ),
        code.LEAD_TYPE_MISMATCH: lambda p: (
            gettext("“%(written)s” does not match the document type “%(code)s”.") % p
        ),
    }


# Formats ----------------------------------------------------------------------------------


def weekday_name(weekday: int) -> str:
    """The name of a ``date.weekday()`` (Monday is 0), capitalised: "Thứ bảy", "Saturday"."""
    return (
        pgettext("weekday", "Monday"),
        pgettext("weekday", "Tuesday"),
        pgettext("weekday", "Wednesday"),
        pgettext("weekday", "Thursday"),
        pgettext("weekday", "Friday"),
        pgettext("weekday", "Saturday"),
        pgettext("weekday", "Sunday"),
    )[weekday]


def dateline(value, tz: dates.TimeZone = dates.DEFAULT_TIMEZONE) -> str:
    """The dateline in the active language, in zone ``tz``: "Thứ bảy - 03/12/2022 07:43",
    "Saturday - 03/12/2022 07:43"; a plain date without the time."""
    if _in_vietnamese():
        return dates.vi_dateline(value, tz)
    return dates.dateline(value, tz, tuple(weekday_name(day) for day in range(7)))


def date_long(value, place: str | None = None, *, tz: dates.TimeZone = dates.DEFAULT_TIMEZONE):
    """The formal date line in the active language: "Long Bình, ngày 03 tháng 12 năm 2022",
    "Long Bình, 3 December 2022"."""
    if _in_vietnamese():
        return dates.vi_date_long(value, place, tz=tz)
    line = date_format(dates.in_zone(value, tz), "j F Y")
    place = (place or "").strip()
    return f"{place}, {line}" if place else line


def _number_wording() -> dict[str, Callable[[Params], str]]:
    code = numbers.Code
    return {
        code.NOT_A_NUMBER: lambda p: gettext('"%(value)s" is not a number') % p,
        code.NOT_FINITE: lambda p: gettext('"%(value)s" is not a finite number') % p,
        code.OUT_OF_RANGE: lambda p: gettext('"%(value)s" is too large or too small to show') % p,
        code.BAD_DECIMALS: lambda p: (
            gettext(
                "The number of decimal places must be a whole number from 0 to %(maximum)s, "
                'not "%(value)s"'
            )
            % p
        ),
        code.BAD_WIDTH: lambda p: (
            gettext('The width must be a whole number from 0 to %(maximum)s, not "%(value)s"') % p
        ),
        code.ZERO_WHOLE: lambda p: gettext("No percentage can be worked out of a total of 0"),
        code.COUNT_NOT_WHOLE: lambda p: (
            gettext('A count must be a whole number, not "%(value)s"') % p
        ),
        code.COUNT_NEGATIVE: lambda p: gettext('A count cannot be negative: "%(value)s"') % p,
    }


def _date_wording() -> dict[str, Callable[[Params], str]]:
    code = dates.Code
    return {
        code.UNKNOWN_ZONE: lambda p: gettext('There is no time zone "%(value)s"') % p,
        code.NOT_A_DATE: lambda p: gettext('"%(value)s" is not a date') % p,
        code.NO_TIME: lambda p: gettext('"%(value)s" has no time') % p,
        code.NOT_TEXT: lambda p: gettext('"%(value)s" is not a date and time written as text') % p,
        code.EMPTY: lambda p: gettext("Enter a date"),
        code.UNREADABLE: lambda p: gettext('Cannot read the date and time "%(text)s"') % p,
        code.NO_DATE: lambda p: gettext('There is no date in "%(text)s"') % p,
        code.SEVERAL_DATES: lambda p: gettext('"%(text)s" has more than one date') % p,
        code.SEVERAL_WEEKDAYS: lambda p: (
            gettext('"%(text)s" has more than one day of the week') % p
        ),
        code.SEVERAL_TIMES: lambda p: gettext('"%(text)s" has more than one time') % p,
        code.SEVERAL_SESSIONS: lambda p: (
            gettext('"%(text)s" has more than one part of the day') % p
        ),
        code.NO_SUCH_DATE: lambda p: gettext("The date %(date)s does not exist") % p,
        code.WRONG_WEEKDAY: lambda p: (
            gettext("%(date)s is a %(weekday)s, not a %(written)s")
            % {
                "date": p["date"],
                "weekday": weekday_name(p["weekday"]),
                "written": weekday_name(p["written"]),
            }
        ),
        code.NOT_MORNING: lambda p: gettext("%(clock)s is not in the morning") % p,
        code.BAD_TIME: lambda p: gettext("%(clock)s is not a time of day") % p,
    }


# Charts -----------------------------------------------------------------------------------


def kind_name(kind: charts.ChartKind | str) -> str:
    """A chart type's name, capitalised: "Column chart", "Biểu đồ cột"."""
    return {
        charts.ChartKind.BAR: gettext("Bar chart"),
        charts.ChartKind.COLUMN: gettext("Column chart"),
        charts.ChartKind.LINE: gettext("Line chart"),
        charts.ChartKind.PIE: gettext("Pie chart"),
    }[charts.ChartKind(kind)]


def _place(place: charts.Place) -> str:
    """A series or a category: “its name”, or "no. 2" without one."""
    if place.name:
        return f"“{place.name}”"
    return pgettext("a series or a category of a chart", "no. %(position)s") % {
        "position": place.position
    }


def _cells(message: str, p: Params) -> str:
    return message % {"series": _place(p["series"]), "cells": ", ".join(map(_place, p["cells"]))}


def _chart_wording() -> dict[str, Callable[[Params], str]]:
    code = charts.Code
    return {
        code.BAD_KIND: lambda p: gettext("Invalid chart type: “%(kind)s”.") % p,
        code.NO_CATEGORIES: lambda p: gettext("A chart needs at least one category."),
        code.TOO_MANY_CATEGORIES: lambda p: (
            gettext("%(chart)s shows at most %(limit)s categories clearly (it has %(count)s).")
            % {
                "chart": kind_name(p["kind"]),
                "limit": _count(p, "limit"),
                "count": _count(p, "count"),
            }
        ),
        code.NO_SERIES: lambda p: gettext("A chart needs at least one series of figures."),
        code.PIE_SEVERAL_SERIES: lambda p: (
            gettext(
                "A pie chart has a single series of figures (this one has %(count)s); choose a "
                "column chart to compare several series."
            )
            % {"count": _count(p, "count")}
        ),
        code.TOO_MANY_SERIES: lambda p: (
            gettext(
                "A chart tells at most %(limit)s series of figures apart clearly (this one has "
                "%(count)s)."
            )
            % {"limit": _count(p, "limit"), "count": _count(p, "count")}
        ),
        code.LENGTH_MISMATCH: lambda p: (
            gettext("Series %(series)s has %(values)s but the chart has %(categories)s.")
            % {
                "series": _place(p["series"]),
                "values": ngettext("%(count)s value", "%(count)s values", p["values"])
                % {"count": _count(p, "values")},
                "categories": _categories(p["categories"]),
            }
        ),
        code.NOT_FINITE: lambda p: _cells(
            ngettext(
                "Series %(series)s: cell %(cells)s is not a finite number.",
                "Series %(series)s: cells %(cells)s are not finite numbers.",
                len(p["cells"]),
            ),
            p,
        ),
        code.TOO_LARGE: lambda p: _cells(
            ngettext(
                "Series %(series)s: cell %(cells)s is too large to draw.",
                "Series %(series)s: cells %(cells)s are too large to draw.",
                len(p["cells"]),
            ),
            p,
        ),
        code.PIE_MISSING: lambda p: _cells(
            ngettext(
                "Series %(series)s: cell %(cells)s is empty (a pie chart needs every figure).",
                "Series %(series)s: cells %(cells)s are empty (a pie chart needs every figure).",
                len(p["cells"]),
            ),
            p,
        ),
        code.PIE_NEGATIVE: lambda p: _cells(
            ngettext(
                "Series %(series)s: cell %(cells)s is negative (a pie chart cannot show "
                "negative figures).",
                "Series %(series)s: cells %(cells)s are negative (a pie chart cannot show "
                "negative figures).",
                len(p["cells"]),
            ),
            p,
        ),
        code.PIE_ZERO_TOTAL: lambda p: gettext(
            "The figures of the pie chart add up to 0, so it cannot be divided into shares."
        ),
    }


def _categories(count: int) -> str:
    return ngettext("%(count)s category", "%(count)s categories", count) % {"count": number(count)}


def describe_chart(description: charts.Description) -> str:
    """The automatic description of a chart: "Column chart with 3 categories and 2 series
    (2023; 2024), unit: sessions."."""
    n = description.categories
    if not description.series:
        message = (
            ngettext(
                "%(chart)s with %(count)s category, unit: %(unit)s.",
                "%(chart)s with %(count)s categories, unit: %(unit)s.",
                n,
            )
            if description.unit
            else ngettext(
                "%(chart)s with %(count)s category.", "%(chart)s with %(count)s categories.", n
            )
        )
    elif not description.series_names:
        message = (
            ngettext(
                "%(chart)s with %(count)s category and %(series)s series, unit: %(unit)s.",
                "%(chart)s with %(count)s categories and %(series)s series, unit: %(unit)s.",
                n,
            )
            if description.unit
            else ngettext(
                "%(chart)s with %(count)s category and %(series)s series.",
                "%(chart)s with %(count)s categories and %(series)s series.",
                n,
            )
        )
    else:
        message = (
            ngettext(
                "%(chart)s with %(count)s category and %(series)s series (%(names)s), unit: "
                "%(unit)s.",
                "%(chart)s with %(count)s categories and %(series)s series (%(names)s), unit: "
                "%(unit)s.",
                n,
            )
            if description.unit
            else ngettext(
                "%(chart)s with %(count)s category and %(series)s series (%(names)s).",
                "%(chart)s with %(count)s categories and %(series)s series (%(names)s).",
                n,
            )
        )
    return message % {
        "chart": kind_name(description.kind),
        "count": number(n),
        "series": number(description.series),
        "names": "; ".join(description.series_names),
        "unit": description.unit,
    }


def unit_caption(unit: str) -> str:
    """The line above a chart's plot: "Unit: sessions"."""
    return gettext("Unit: %(unit)s") % {"unit": unit}


def chart_words() -> charts.Words:
    """What a chart says, in the active language (for :func:`charts.render_svg`)."""
    return charts.Words(
        kind_name=kind_name,
        description=describe_chart,
        unit_caption=unit_caption,
        numbers=number_style(),
    )


# Every code -----------------------------------------------------------------------------------

#: Every code the pure modules can emit.
CODES: frozenset[str] = frozenset((*symbols.Code, *numbers.Code, *dates.Code, *charts.Code))

# Code -> its wording; each looks its message up in the catalogue when it is called.
_WORDING: dict[str, Callable[[Params], str]] = {
    **_symbol_wording(),
    **_number_wording(),
    **_date_wording(),
    **_chart_wording(),
}


def word(problem: Problem) -> str:
    """The problem as a sentence in the active language."""
    return _WORDING[problem.code](problem.params)


def words(problems: Iterable[Problem]) -> list[str]:
    """:func:`word` for each problem, in order."""
    return [word(problem) for problem in problems]


def indicator_figure(
    value, aggregation: str, unit: str = "", style: NumberStyle | None = None
) -> str:
    """A rolled-up figure as a reader expects it: a rate in percent to two places
    ("111,33%"), an unweighted mean to two places, a count without decimals when whole
    ("224 cuộc", never "224,00 cuộc"), each followed by the indicator's unit (a rate by
    "%" alone). ``style``: the numbers' style, the active language's by default."""
    number_ = Decimal(value)
    style = style or number_style()
    if aggregation == "ratio":
        return format_number(number_, 2, style) + "%"
    whole = number_ == number_.to_integral_value()
    if aggregation == "average" or not whole:
        text = format_number(number_, 2, style)
    else:
        text = format_number(number_.to_integral_value(), None, style)
    return f"{text} {unit}" if unit else text
