"""Tests for :mod:`wagtail_dangvu.units.csvfile`: a sound file read, every problem named
with its line."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.problems import ProblemError
from wagtail_dangvu.units.csvfile import HEADER, KINDS, Code, decode, read_units

HEAD = ",".join(HEADER)


def csv_text(*lines: str, bom: bool = False) -> str:
    return ("\ufeff" if bom else "") + "\n".join([HEAD, *lines]) + "\n"


def problems_of(text, known=None):
    with pytest.raises(ProblemError) as error:
        read_units(text, known)
    return [(problem.params["line"], problem.code) for problem in error.value.problems]


def test_a_sound_file_is_read_with_its_dates_and_links():
    rows = read_units(
        csv_text(
            "82,tỉnh Minh Họa,tinh,,2025-07-01,,",
            '28001,"xã Một, mới",xa,82,2025-07-01,,',
            "",  # a blank line is skipped
            "27001,xã Cũ,xa,,,2025-06-30,28001",
            bom=True,
        )
    )
    assert [row.code for row in rows] == ["82", "28001", "27001"]
    assert [row.line for row in rows] == [2, 3, 5]
    assert rows[1].name == "xã Một, mới" and rows[1].parent_code == "82"
    assert rows[0].valid_from == datetime.date(2025, 7, 1) and rows[0].valid_until is None
    assert rows[2].successor_code == "28001"


def test_every_problem_is_named_with_its_line():
    text = csv_text(
        "82,tỉnh Minh Họa,tinh,,,,",
        "28001,xã Một,huyện,82,,,",  # a kind must be the CSV's value, not the word
        "28001,xã Hai,xa,99,2025-02-30,,",
        ",xã Ba,xa,82,,,",
        "28004,,xa,82,,2025-07-01,",
        "28005,xã Năm,xa,82,2025-07-01,2025-06-30,",
        "28006,xã Sáu,xa,82,01/07/2025,,",
        "28007,xã Bảy,xa,82,,,",
        "28008,xã\x00Tám,xa,82,,,",
        "<b>x</b>,xã Chín,xa,82,,,",
        "28010,xã Mười,xa,,,,28010",
        "too,few,columns",
    )
    assert problems_of(text) == [
        (3, Code.BAD_KIND),
        (4, Code.DUPLICATE_CODE),
        (4, Code.BAD_DATE),
        (4, Code.UNKNOWN_CODE),
        (5, Code.NO_CODE),
        (6, Code.NO_NAME),
        (7, Code.ENDS_BEFORE_START),
        (8, Code.BAD_DATE),
        (10, Code.CONTROL_CHARACTERS),
        (11, Code.BAD_CODE),
        (12, Code.CYCLE),
        (13, Code.BAD_COLUMNS),
    ]


def test_a_loop_of_parents_or_successors_is_refused_where_it_starts():
    assert problems_of(csv_text("1,xã A,xa,2,,,", "2,xã B,xa,3,,,", "3,xã C,xa,1,,,")) == [
        (2, Code.CYCLE)
    ]
    assert problems_of(csv_text("1,xã A,xa,,,,2", "2,xã B,xa,,,,1")) == [(2, Code.CYCLE)]


def test_a_loop_through_the_stored_units_is_refused_too():
    # Stored: 2 was merged into 1. The file says 1 was merged into 2.
    known = {"1": ("", ""), "2": ("", "1")}
    with pytest.raises(ProblemError) as error:
        read_units(csv_text("1,xã A,xa,,,,2"), known)
    assert error.value.problem.code == Code.CYCLE
    assert error.value.problem.params["codes"] == "1 → 2 → 1"
    # A stored code is a known parent.
    assert read_units(csv_text("3,xã C,xa,2,,,"), known)[0].parent_code == "2"


def test_a_file_without_the_header_is_refused_on_line_1():
    assert problems_of("code,name,kind\n1,A,xa\n") == [(1, Code.BAD_HEADER)]
    assert problems_of("") == [(1, Code.BAD_HEADER)]


def test_broken_quotes_are_refused_with_their_line():
    assert problems_of(csv_text("1,xã A,xa,,,,", '2,"xã B,xa,,,,')) == [(3, Code.BAD_CSV)]


def test_bytes_that_are_not_utf8_are_refused_with_their_line():
    data = (csv_text("1,xã A,xa,,,,") + "2,x").encode() + b"\xff\n"
    with pytest.raises(ProblemError) as error:
        decode(data)
    assert error.value.problem.code == Code.NOT_UTF8 and error.value.problem.params["line"] == 3
    assert decode(b"\xef\xbb\xbf" + HEAD.encode()) == HEAD


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40
).filter(lambda name: name.strip() == name and name)
units = st.lists(st.tuples(st.sampled_from(KINDS), names), min_size=1, max_size=20)


def quoted(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


@given(units, st.booleans())
def test_any_sound_file_reads_back_what_was_written(listed, bom):
    lines = []
    for index, (kind, name) in enumerate(listed):
        parent = str(index) if index else ""  # each unit under the one before it
        lines.append(f"{index + 1},{quoted(name)},{kind},{parent},2025-07-01,,")
    rows = read_units(csv_text(*lines, bom=bom))
    assert [(row.kind, row.name) for row in rows] == listed
    assert [row.parent_code for row in rows] == [""] + [str(i) for i in range(1, len(listed))]


@given(units, st.data())
def test_one_bad_kind_anywhere_is_found_on_its_line(listed, data):
    lines = [f"{index + 1},{quoted(name)},{kind},,,," for index, (kind, name) in enumerate(listed)]
    broken = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
    lines[broken] = f"{broken + 1},{quoted(listed[broken][1])},county,,,,"
    assert problems_of(csv_text(*lines)) == [(broken + 2, Code.BAD_KIND)]
