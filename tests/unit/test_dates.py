"""Tests for wagtail_dangvu.pure.dates: the portals' own examples first, then properties."""

import ast
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wagtail_dangvu.pure.dates
from wagtail_dangvu.pure.dates import (
    WEEKDAYS,
    Code,
    DateError,
    parse_vi_datetime,
    vi_date,
    vi_date_long,
    vi_dateline,
    vi_time,
    vi_weekday,
)
from wagtail_dangvu.pure.problems import Problem

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
A_MONDAY = date(2022, 11, 28)


# Module hygiene ---------------------------------------------------------------------------


def test_public_api_is_exported():
    module = wagtail_dangvu.pure.dates
    for name in module.__all__:
        assert hasattr(module, name), name


def test_imports_only_the_standard_library_modules_it_is_allowed():
    tree = ast.parse(Path(wagtail_dangvu.pure.dates.__file__).read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            modules.add(node.module)
    standard = {"__future__", "datetime", "enum", "re", "unicodedata"}
    assert modules <= standard | {"zoneinfo", "wagtail_dangvu.pure.problems"}


# Dates: examples --------------------------------------------------------------------------


def test_weekdays_of_one_week():
    week = [vi_weekday(A_MONDAY + timedelta(days=offset)) for offset in range(7)]
    assert week == [
        "Thứ hai",
        "Thứ ba",
        "Thứ tư",
        "Thứ năm",
        "Thứ sáu",
        "Thứ bảy",
        "Chủ nhật",
    ]


def test_weekday_of_an_aware_datetime_is_the_local_one():
    late_saturday_utc = datetime(2022, 12, 3, 17, 30, tzinfo=UTC)  # 00:30 Sunday in Hà Nội
    assert vi_weekday(late_saturday_utc) == "Chủ nhật"
    assert vi_weekday(late_saturday_utc, "UTC") == "Thứ bảy"
    assert vi_weekday(datetime(2022, 12, 3, 23, 30)) == "Thứ bảy"


@pytest.mark.parametrize(
    ("value", "tz", "expected"),
    [
        (
            datetime(2022, 12, 3, 0, 43, tzinfo=UTC),
            "Asia/Ho_Chi_Minh",
            "Thứ bảy - 03/12/2022 07:43",
        ),
        (datetime(2022, 12, 3, 7, 43, 59), "Asia/Ho_Chi_Minh", "Thứ bảy - 03/12/2022 07:43"),
        (
            datetime(2022, 12, 3, 7, 43, tzinfo=HCM),
            "Asia/Ho_Chi_Minh",
            "Thứ bảy - 03/12/2022 07:43",
        ),
        (date(2022, 12, 3), "Asia/Ho_Chi_Minh", "Thứ bảy - 03/12/2022"),
        (datetime(2022, 12, 3, 0, 43, tzinfo=UTC), "UTC", "Thứ bảy - 03/12/2022 00:43"),
        (
            datetime(2022, 12, 3, 0, 43, tzinfo=UTC),
            timezone(timedelta(hours=7)),
            "Thứ bảy - 03/12/2022 07:43",
        ),
        (datetime(2022, 12, 3, 20, 5, tzinfo=UTC), HCM, "Chủ nhật - 04/12/2022 03:05"),
    ],
)
def test_vi_dateline(value, tz, expected):
    assert vi_dateline(value, tz) == expected


def test_vi_dateline_defaults_to_ho_chi_minh_city():
    assert vi_dateline(datetime(2022, 12, 3, 0, 43, tzinfo=UTC)) == "Thứ bảy - 03/12/2022 07:43"


@pytest.mark.parametrize(
    ("value", "tz", "problem"),
    [
        ("2022-12-03", "Asia/Ho_Chi_Minh", Problem(Code.NOT_A_DATE, {"value": "2022-12-03"})),
        (None, "Asia/Ho_Chi_Minh", Problem(Code.NOT_A_DATE, {"value": "None"})),
        (
            datetime(2022, 12, 3, tzinfo=UTC),
            "Mars/Olympus",
            Problem(Code.UNKNOWN_ZONE, {"value": "Mars/Olympus"}),
        ),
    ],
)
def test_vi_dateline_rejects_what_is_not_a_date(value, tz, problem):
    with pytest.raises(ValueError) as raised:
        vi_dateline(value, tz)
    assert raised.value.problem == problem


@pytest.mark.parametrize(
    ("value", "place", "expected"),
    [
        (date(2022, 12, 3), None, "ngày 03 tháng 12 năm 2022"),
        (date(2022, 12, 3), "Gò Công Tây", "Gò Công Tây, ngày 03 tháng 12 năm 2022"),
        (date(2018, 4, 3), None, "ngày 03 tháng 4 năm 2018"),
        (date(2022, 1, 15), None, "ngày 15 tháng 01 năm 2022"),
        (date(2020, 2, 25), None, "ngày 25 tháng 02 năm 2020"),
        (date(2021, 10, 25), None, "ngày 25 tháng 10 năm 2021"),
        (date(2021, 10, 25), "  ", "ngày 25 tháng 10 năm 2021"),
        (datetime(2022, 12, 31, 18, 0, tzinfo=UTC), None, "ngày 01 tháng 01 năm 2023"),
        (datetime(2022, 12, 31, 18, 0), None, "ngày 31 tháng 12 năm 2022"),
    ],
)
def test_vi_date_long(value, place, expected):
    assert vi_date_long(value, place) == expected


def test_vi_date_long_in_another_zone():
    new_year_utc = datetime(2022, 12, 31, 18, 0, tzinfo=UTC)
    assert vi_date_long(new_year_utc, tz="UTC") == "ngày 31 tháng 12 năm 2022"


def test_vi_date_and_vi_time():
    assert vi_date(date(2021, 10, 25)) == "25/10/2021"
    assert vi_date(datetime(2021, 10, 24, 20, 0, tzinfo=UTC)) == "25/10/2021"
    assert vi_time(datetime(2022, 12, 3, 7, 43, 59)) == "07:43"
    assert vi_time(datetime(2022, 12, 3, 0, 43, tzinfo=UTC)) == "07:43"
    assert vi_time(time(14, 0)) == "14:00"
    with pytest.raises(ValueError) as raised:
        vi_time(date(2022, 12, 3))
    assert raised.value.problem == Problem(Code.NO_TIME, {"value": "2022-12-03"})


# Parsing: examples ------------------------------------------------------------------------


def at(*args, tz=HCM) -> datetime:
    return datetime(*args, tzinfo=tz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02/12/2022", date(2022, 12, 2)),
        ("2/12/2022 7h30", at(2022, 12, 2, 7, 30)),
        ("2/12/2022 7h", at(2022, 12, 2, 7, 0)),
        ("7 giờ 30 ngày 02/12/2022", at(2022, 12, 2, 7, 30)),
        ("7 giờ 30 phút, ngày 02/12/2022", at(2022, 12, 2, 7, 30)),
        ("Thứ Sáu, 02/12/2022", date(2022, 12, 2)),
        ("Thứ bảy - 03/12/2022 07:43", at(2022, 12, 3, 7, 43)),
        ("Thứ bảy \u2013 03/12/2022 07:43", at(2022, 12, 3, 7, 43)),
        ("ngày 03 tháng 12 năm 2022", date(2022, 12, 3)),
        ("Ngày 3 tháng 12, năm 2022", date(2022, 12, 3)),
        ("02-12-2022", date(2022, 12, 2)),
        ("02.12.2022", date(2022, 12, 2)),
        ("2022-12-02", date(2022, 12, 2)),
        ("2022-12-02T07:30:15", at(2022, 12, 2, 7, 30, 15)),
        ("14:00 02/12/2022", at(2022, 12, 2, 14, 0)),
        ("2 giờ chiều 02/12/2022", at(2022, 12, 2, 14, 0)),
        ("14 giờ chiều 02/12/2022", at(2022, 12, 2, 14, 0)),
        ("9 giờ sáng 02/12/2022", at(2022, 12, 2, 9, 0)),
        ("1 giờ trưa 02/12/2022", at(2022, 12, 2, 13, 0)),
        ("7 giờ tối 02/12/2022", at(2022, 12, 2, 19, 0)),
        ("Sáng 02/12/2022", date(2022, 12, 2)),
        ("0 giờ 02/12/2022", at(2022, 12, 2, 0, 0)),
        ("lúc 7g30 ngày 02/12/2022", at(2022, 12, 2, 7, 30)),
        ("THỨ SÁU, 02/12/2022", date(2022, 12, 2)),
        (unicodedata.normalize("NFD", "Thứ Sáu, 02/12/2022"), date(2022, 12, 2)),
        ("  Thứ   sáu ,   02/12/2022  ", date(2022, 12, 2)),
        ("Thu sau 02/12/2022", date(2022, 12, 2)),
        ("Thứ 6, 02/12/2022", date(2022, 12, 2)),
        ("T6 02/12/2022", date(2022, 12, 2)),
        ("Thứ bẩy 03/12/2022", date(2022, 12, 3)),
        ("CN, 04/12/2022", date(2022, 12, 4)),
        ("Chủ nhựt 04/12/2022", date(2022, 12, 4)),
        ("Thứ năm, ngày 01 tháng 12 năm 2022", date(2022, 12, 1)),
    ],
)
def test_parse_vi_datetime(text, expected):
    result = parse_vi_datetime(text)
    assert type(result) is type(expected)
    assert result == expected
    if isinstance(result, datetime):
        assert result.tzinfo == HCM


def test_parse_vi_datetime_in_another_zone():
    assert parse_vi_datetime("02/12/2022 07:30", tz="UTC") == at(2022, 12, 2, 7, 30, tz=UTC)
    plus_seven = timezone(timedelta(hours=7))
    assert parse_vi_datetime("02/12/2022 07:30", plus_seven).tzinfo is plus_seven


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("31/02/2022", Problem(Code.NO_SUCH_DATE, {"date": "31/02/2022"})),
        ("29/02/2023", Problem(Code.NO_SUCH_DATE, {"date": "29/02/2023"})),
        ("1/13/2022", Problem(Code.NO_SUCH_DATE, {"date": "01/13/2022"})),
        ("ngày 32 tháng 1 năm 2022", Problem(Code.NO_SUCH_DATE, {"date": "32/01/2022"})),
        ("02/12/2022 25:00", Problem(Code.BAD_TIME, {"clock": "25:00"})),
        ("02/12/2022 07:60", Problem(Code.BAD_TIME, {"clock": "07:60"})),
        ("24h 02/12/2022", Problem(Code.BAD_TIME, {"clock": "24:00"})),
        (
            "Thứ hai, 02/12/2022",
            Problem(Code.WRONG_WEEKDAY, {"date": "02/12/2022", "weekday": 4, "written": 0}),
        ),
        (
            "CN 02/12/2022",
            Problem(Code.WRONG_WEEKDAY, {"date": "02/12/2022", "weekday": 4, "written": 6}),
        ),
        ("14 giờ sáng 02/12/2022", Problem(Code.NOT_MORNING, {"clock": "14:00"})),
        ("abc", Problem(Code.UNREADABLE, {"text": "abc"})),
        ("02/12/2022 abc", Problem(Code.UNREADABLE, {"text": "02/12/2022 abc"})),
        ("02/12/22", Problem(Code.UNREADABLE, {"text": "02/12/22"})),
        ("20221202", Problem(Code.UNREADABLE, {"text": "20221202"})),
        ("7h30", Problem(Code.NO_DATE, {"text": "7h30"})),
        ("Thứ sáu", Problem(Code.NO_DATE, {"text": "Thứ sáu"})),
        ("", Problem(Code.EMPTY)),
        ("   ", Problem(Code.EMPTY)),
        (
            "02/12/2022 - 05/12/2022",
            Problem(Code.SEVERAL_DATES, {"text": "02/12/2022 - 05/12/2022"}),
        ),
        (
            "Thứ 6 Thứ 6 02/12/2022",
            Problem(Code.SEVERAL_WEEKDAYS, {"text": "Thứ 6 Thứ 6 02/12/2022"}),
        ),
        ("7h 8h 02/12/2022", Problem(Code.SEVERAL_TIMES, {"text": "7h 8h 02/12/2022"})),
        (
            "sáng chiều 7h 02/12/2022",
            Problem(Code.SEVERAL_SESSIONS, {"text": "sáng chiều 7h 02/12/2022"}),
        ),
        (None, Problem(Code.NOT_TEXT, {"value": "None"})),
    ],
)
def test_parse_vi_datetime_rejects(text, problem):
    with pytest.raises(ValueError) as raised:
        parse_vi_datetime(text)
    assert raised.value.problems == (problem,)


def test_parse_vi_datetime_rejects_an_unknown_zone():
    with pytest.raises(DateError) as raised:
        parse_vi_datetime("02/12/2022", tz="Nowhere/City")
    assert raised.value.problem == Problem(Code.UNKNOWN_ZONE, {"value": "Nowhere/City"})


# Dates: properties ------------------------------------------------------------------------

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
aware_datetimes = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2100, 12, 31, 23, 59, 59),
    timezones=st.timezones(),
)


def is_ambiguous(local: datetime) -> bool:
    return local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()


@given(moment=aware_datetimes)
def test_dateline_parses_back_to_the_same_minute(moment):
    local = moment.astimezone(HCM).replace(second=0, microsecond=0)
    parsed = parse_vi_datetime(vi_dateline(moment))
    assert parsed.replace(tzinfo=None) == local.replace(tzinfo=None)
    if not is_ambiguous(local):  # a wall time repeated by a clock change reads as the first
        assert parsed.astimezone(UTC) == local.astimezone(UTC)


@given(moment=aware_datetimes, zone=st.timezones())
def test_dateline_in_any_zone_parses_back_in_that_zone(moment, zone):
    local = moment.astimezone(zone).replace(second=0, microsecond=0)
    parsed = parse_vi_datetime(vi_dateline(moment, zone), zone)
    assert parsed.replace(tzinfo=None) == local.replace(tzinfo=None)


@given(day=dates, place=st.sampled_from([None, "Gò Công Tây", "Hà Nội"]))
def test_date_long_follows_the_padding_rule(day, place):
    text = vi_date_long(day, place)
    parts = re.fullmatch(r"(?:(.+), )?ngày (\d+) tháng (\d+) năm (\d+)", text)
    assert parts, text
    written_place, written_day, written_month, written_year = parts.groups()
    assert written_place == place
    assert written_day.startswith("0") == (day.day < 10)
    assert written_month.startswith("0") == (day.month in (1, 2))
    assert (int(written_day), int(written_month), int(written_year)) == (
        day.day,
        day.month,
        day.year,
    )
    if place is None:
        assert parse_vi_datetime(text) == day


@given(day=dates, shift=st.integers(min_value=1, max_value=6))
def test_weekday_agrees_with_the_calendar(day, shift):
    name = vi_weekday(day)
    assert name == WEEKDAYS[day.weekday()]
    assert WEEKDAYS.index(name) == (day - A_MONDAY).days % 7
    assert parse_vi_datetime(f"{name}, {vi_date(day)}") == day
    written = (day.weekday() + shift) % 7
    with pytest.raises(DateError) as raised:
        parse_vi_datetime(f"{WEEKDAYS[written]}, {vi_date(day)}")
    assert raised.value.problem == Problem(
        Code.WRONG_WEEKDAY, {"date": vi_date(day), "weekday": day.weekday(), "written": written}
    )


spellings = st.sampled_from(
    [
        str.upper,
        str.lower,
        str.title,
        lambda text: unicodedata.normalize("NFD", text),
        lambda text: "  " + text.replace(" ", "   ") + "  ",
    ]
)


@given(
    moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)),
    spell=spellings,
)
def test_parsing_ignores_case_normalisation_and_spacing(moment, spell):
    expected = moment.replace(second=0, microsecond=0, tzinfo=HCM)
    assert parse_vi_datetime(spell(vi_dateline(moment))) == expected
