"""
Vietnamese formats for dates and times, and a reader of the dates editors write.

Dates are in Asia/Ho_Chi_Minh (UTC+7, no daylight saving) on a 24-hour clock. The
portal's dateline reads ``Thứ bảy - 03/12/2022 07:43``; the formal date line reads
``Gò Công Tây, ngày 03 tháng 12 năm 2022``, where a day below 10 and the months 1 and 2
take a leading zero and the other months do not.

Date formatters take a ``date`` or a ``datetime``. An aware datetime is converted to the
requested zone (``tz``, a zone name or a ``tzinfo``); a naive one is taken as already local.

Everything that cannot be formatted or read raises :class:`DateError` (a ``ValueError``)
carrying a :class:`~wagtail_dangvu.pure.problems.Problem`: a :class:`Code` and its
parameters, which :mod:`wagtail_dangvu.wording` words in the reader's language.

The weekday names and the formal date line (``ngày 03 tháng 12 năm 2022``) are the
Vietnamese formats themselves, not messages.

This module is pure Python and imports nothing from Django: template filters of the same
names wrap these functions, so each takes the value first and at most one optional argument.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wagtail_dangvu.pure.problems import Problem, ProblemError

__all__ = [
    "DEFAULT_TIMEZONE",
    "WEEKDAYS",
    "Code",
    "DateError",
    "dateline",
    "in_zone",
    "parse_vi_datetime",
    "vi_date",
    "vi_date_long",
    "vi_dateline",
    "vi_time",
    "vi_weekday",
]

TimeZone = str | tzinfo

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"

# Indexed by date.weekday(): Monday is 0.
WEEKDAYS: tuple[str, ...] = (
    "Thứ hai",
    "Thứ ba",
    "Thứ tư",
    "Thứ năm",
    "Thứ sáu",
    "Thứ bảy",
    "Chủ nhật",
)


class Code(StrEnum):
    """What cannot be formatted or read; :mod:`wagtail_dangvu.wording` words each one.

    ``value`` and ``text`` are what was given, as text; ``date`` is dd/mm/yyyy, ``clock``
    hh:mm; ``weekday`` and ``written`` are weekdays as ``date.weekday()`` numbers.
    """

    UNKNOWN_ZONE = "format.unknown_zone"  # value
    NOT_A_DATE = "format.not_a_date"  # value
    NO_TIME = "format.no_time"  # value
    NOT_TEXT = "format.not_text"  # value
    EMPTY = "format.empty"
    UNREADABLE = "format.unreadable"  # text
    NO_DATE = "format.no_date"  # text
    SEVERAL_DATES = "format.several_dates"  # text
    SEVERAL_WEEKDAYS = "format.several_weekdays"  # text
    SEVERAL_TIMES = "format.several_times"  # text
    SEVERAL_SESSIONS = "format.several_sessions"  # text
    NO_SUCH_DATE = "format.no_such_date"  # date
    WRONG_WEEKDAY = "format.wrong_weekday"  # date, weekday, written
    NOT_MORNING = "format.not_morning"  # clock
    BAD_TIME = "format.bad_time"  # clock


class DateError(ProblemError):
    """A date or time that cannot be formatted, or text that cannot be read as one:
    :attr:`problem`."""

    def __init__(self, code: Code, **params: object) -> None:
        super().__init__(Problem(code, params))


def _zone(tz: TimeZone) -> tzinfo:
    if isinstance(tz, tzinfo):
        return tz
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise DateError(Code.UNKNOWN_ZONE, value=str(tz)) from None


def in_zone(value: date, tz: TimeZone = DEFAULT_TIMEZONE) -> date:
    """Return ``value`` in zone ``tz`` if an aware datetime, otherwise unchanged."""
    if isinstance(value, datetime):
        if value.utcoffset() is not None:
            return value.astimezone(_zone(tz))
        return value
    if isinstance(value, date):
        return value
    raise DateError(Code.NOT_A_DATE, value=str(value))


def _numeric_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _clock(moment: datetime | time) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def vi_weekday(value: date, tz: TimeZone = DEFAULT_TIMEZONE) -> str:
    """``date(2022, 12, 3)`` -> ``"Thứ bảy"``."""
    return WEEKDAYS[in_zone(value, tz).weekday()]


def vi_date(value: date, tz: TimeZone = DEFAULT_TIMEZONE) -> str:
    """Short form for running text: ``date(2021, 10, 25)`` -> ``"25/10/2021"``."""
    return _numeric_date(in_zone(value, tz))


def vi_time(value: datetime | time, tz: TimeZone = DEFAULT_TIMEZONE) -> str:
    """24-hour clock: ``datetime(2022, 12, 3, 7, 43)`` -> ``"07:43"``."""
    if isinstance(value, datetime):
        value = in_zone(value, tz)
    elif not isinstance(value, time):
        raise DateError(Code.NO_TIME, value=str(value))
    return _clock(value)


def vi_dateline(value: date, tz: TimeZone = DEFAULT_TIMEZONE) -> str:
    """
    The portal's dateline: ``"Thứ bảy - 03/12/2022 07:43"``.

    A plain date gives ``"Thứ bảy - 03/12/2022"``. Seconds are dropped, not rounded.
    """
    return dateline(value, tz, WEEKDAYS)


def dateline(value: date, tz: TimeZone, weekdays: tuple[str, ...]) -> str:
    """The dateline with the weekday names of a language (indexed by ``date.weekday()``):
    ``"Saturday - 03/12/2022 07:43"`` with the English ones."""
    local = in_zone(value, tz)
    line = f"{weekdays[local.weekday()]} - {_numeric_date(local)}"
    return f"{line} {_clock(local)}" if isinstance(local, datetime) else line


def vi_date_long(value: date, place: str | None = None, *, tz: TimeZone = DEFAULT_TIMEZONE) -> str:
    """
    The formal date line: ``"ngày 03 tháng 12 năm 2022"``, or with a place
    ``"Gò Công Tây, ngày 03 tháng 12 năm 2022"``.

    A day below 10 and the months 1 and 2 take a leading zero; the other months do not
    (``"ngày 03 tháng 4 năm 2018"``, ``"ngày 15 tháng 01 năm 2022"``).
    """
    day = in_zone(value, tz)
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    line = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    place = (place or "").strip()
    return f"{place}, {line}" if place else line


# Parsing ---------------------------------------------------------------------------------
#
# The text is first folded: NFD, combining marks removed, "đ" -> "d", case-folded, dashes
# unified and spaces collapsed, so "Thứ Sáu", "THỨ SÁU", NFD input and unaccented "thu sau"
# all read the same. Dates, weekdays, times and sessions are then cut out one kind after
# another (dates first, so "năm" in "năm 2022" is never read as Thursday); what remains
# must be punctuation and filler words.

# Unicode dashes and minus sign -> "-".
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))

# ISO 8601 "T" between a date and a time: "2022-12-02t07:30".
_ISO_T_RE = re.compile(r"(?<=\d)t(?=\d)")

# "ngày 03 tháng 12 năm 2022" (folded to "ngay 03 thang 12 nam 2022").
_LONG_DATE_RE = re.compile(
    r"\bngay\s*(?P<day>\d{1,2})[\s,]*thang\s*(?P<month>\d{1,2})[\s,]*nam\s*(?P<year>\d{4})\b"
)

# "02/12/2022", "2-12-2022", "02.12.2022": day first, the same separator twice.
_DMY_RE = re.compile(
    r"(?<!\d)(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"
)

# ISO "2022-12-02" (also with "/" or "."): year first.
_YMD_RE = re.compile(
    r"(?<!\d)(?P<year>\d{4})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"
)

# "Thứ hai" … "Thứ bảy" (and "bẩy"), "Thứ 2" … "Thứ 7", "T2" … "T7", "Chủ nhật" (and the
# southern "Chủ nhựt"), "CN".
_WEEKDAY_RE = re.compile(
    r"""
    \b(?:
        thu\s*(?P<name>hai|ba|tu|nam|sau|bay)
      | (?:thu\s*|t\.?)(?P<number>[2-7])
      | (?P<sunday>chu\s*nh[au]t|cn)
    )\b
    """,
    re.VERBOSE,
)
_WEEKDAY_NAMES = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}

# "7 giờ", "7 giờ 30", "7 giờ 30 phút".
_TIME_WORDS_RE = re.compile(
    r"(?<!\d)(?P<hour>\d{1,2})\s*gio(?:\s*(?P<minute>\d{1,2})(?:\s*phut)?)?\b"
)

# "7h", "7h30", "7 h 30", "7g30" (g for giờ).
_TIME_H_RE = re.compile(r"(?<!\d)(?P<hour>\d{1,2})\s*[hg]\s*(?P<minute>\d{1,2})?(?:\s*phut)?\b")

# "07:43", "14:00", "07:43:15".
_TIME_COLON_RE = re.compile(
    r"(?<!\d)(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?!\d)"
)

# The session of the day, which moves "2 giờ chiều" to 14:00.
_SESSION_RE = re.compile(r"\b(?P<session>sang|trua|chieu|toi)\b")

# What may be left over: punctuation and filler words ("ngày", "lúc", "vào").
_FILLER_RE = re.compile(r"\b(?:ngay|luc|vao)\b|[\s,;:.()/-]")


def _fold(text: str) -> str:
    """'  Thứ  SÁU,  02/12/2022 ' -> 'thu sau, 02/12/2022'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_DASHES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    folded = " ".join(bare.replace("đ", "d").replace("Đ", "d").casefold().split())
    return _ISO_T_RE.sub(" ", folded)


def _cut(patterns: tuple[re.Pattern[str], ...], text: str) -> tuple[list[re.Match[str]], str]:
    """Find every match of ``patterns`` in turn, removing each from the text."""
    found: list[re.Match[str]] = []
    for pattern in patterns:
        found.extend(pattern.finditer(text))
        text = pattern.sub(" ", text)
    return found, text


def _only(matches: list[re.Match[str]], code: Code, text: str) -> re.Match[str] | None:
    if len(matches) > 1:
        raise DateError(code, text=text)
    return matches[0] if matches else None


def _date_from(match: re.Match[str]) -> date:
    day, month, year = (int(match[key]) for key in ("day", "month", "year"))
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(Code.NO_SUCH_DATE, date=f"{day:02d}/{month:02d}/{year:04d}") from None


def _weekday_from(match: re.Match[str]) -> int:
    if match["name"]:
        return _WEEKDAY_NAMES[match["name"]]
    if match["number"]:
        return int(match["number"]) - 2
    return 6


def _time_from(match: re.Match[str], session: str | None) -> time:
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    second = int(match.groupdict().get("second") or 0)
    clock = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    if session == "sang" and hour > 12:
        raise DateError(Code.NOT_MORNING, clock=clock)
    if (session in ("chieu", "toi") and hour < 12) or (session == "trua" and hour < 11):
        hour += 12
    try:
        return time(hour, minute, second)
    except ValueError:
        raise DateError(Code.BAD_TIME, clock=clock) from None


def parse_vi_datetime(text: str, tz: TimeZone = DEFAULT_TIMEZONE) -> date | datetime:
    """
    Read a date, and optionally a time, as editors and old portals write them.

    ``"02/12/2022"`` gives a ``date``; ``"Thứ bảy - 03/12/2022 07:43"``, ``"2/12/2022 7h30"``,
    ``"7 giờ 30 phút, ngày 02/12/2022"`` or ``"2 giờ chiều 02/12/2022"`` give a datetime
    aware in ``tz``. Also read: ``"ngày 03 tháng 12 năm 2022"``, ``"02-12-2022"``, ISO
    ``"2022-12-02"``, weekdays as ``"Thứ Sáu"``, ``"Thứ 6"``, ``"T6"``, ``"CN"``. A weekday
    that contradicts the date is an error, not a hint.
    """
    if not isinstance(text, str):
        raise DateError(Code.NOT_TEXT, value=str(text))
    zone = _zone(tz)
    shown = " ".join(text.split())
    rest = _fold(text)
    if not rest:
        raise DateError(Code.EMPTY)

    dates, rest = _cut((_LONG_DATE_RE, _DMY_RE, _YMD_RE), rest)
    weekdays, rest = _cut((_WEEKDAY_RE,), rest)
    times, rest = _cut((_TIME_WORDS_RE, _TIME_H_RE, _TIME_COLON_RE), rest)
    sessions, rest = _cut((_SESSION_RE,), rest)
    if _FILLER_RE.sub("", rest):
        raise DateError(Code.UNREADABLE, text=shown)

    date_match = _only(dates, Code.SEVERAL_DATES, shown)
    if date_match is None:
        raise DateError(Code.NO_DATE, text=shown)
    day = _date_from(date_match)

    weekday_match = _only(weekdays, Code.SEVERAL_WEEKDAYS, shown)
    if weekday_match is not None and _weekday_from(weekday_match) != day.weekday():
        raise DateError(
            Code.WRONG_WEEKDAY,
            date=_numeric_date(day),
            weekday=day.weekday(),
            written=_weekday_from(weekday_match),
        )

    time_match = _only(times, Code.SEVERAL_TIMES, shown)
    if time_match is None:
        return day
    session_match = _only(sessions, Code.SEVERAL_SESSIONS, shown)
    clock = _time_from(time_match, session_match["session"] if session_match else None)
    return datetime.combine(day, clock, tzinfo=zone)
