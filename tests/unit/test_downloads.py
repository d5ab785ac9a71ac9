"""Tests for :mod:`wagtail_dangvu.downloads`: the name a downloaded file gets (RFC 6266)."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.downloads import ascii_filename, content_disposition


def fallback_of(header: str) -> str:
    """The name an old client, reading only ``filename``, saves the file as."""
    return re.search(r'; filename="([^"]*)"', header).group(1)


def filename_read_by_a_client(header: str) -> str:
    """The name a client that follows RFC 6266 (``filename*`` first) saves the file as."""
    extended = re.search(r"; filename\*=UTF-8''([^;\s]*)$", header)
    return unquote(extended.group(1)) if extended else fallback_of(header)


def test_a_vietnamese_slug_gets_its_own_name_and_an_ascii_one():
    header = content_disposition("bảng-số-liệu.csv")

    assert header == (
        'attachment; filename="bang-so-lieu.csv"; '
        "filename*=UTF-8''b%E1%BA%A3ng-s%E1%BB%91-li%E1%BB%87u.csv"
    )
    assert filename_read_by_a_client(header) == "bảng-số-liệu.csv"


def test_an_ascii_name_is_given_once():
    assert content_disposition("thong-ke.csv") == 'attachment; filename="thong-ke.csv"'
    assert content_disposition("su-kien.ics", attachment=False) == 'inline; filename="su-kien.ics"'


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("Đảng-ủy-xã.csv", "dang-uy-xa.csv"),
        ("tọa-đàm.ics", "toa-dam.ics"),
        ("ratings", "ratings"),
        ("đánh giá.xlsx", "danh-gia.xlsx"),
        ("会议.csv", "download.csv"),
        ('"; filename="evil.exe', "filenameevil.exe"),
    ],
)
def test_the_ascii_fallback(filename, expected):
    assert ascii_filename(filename) == expected


def test_the_fallback_stem_can_be_named():
    assert ascii_filename("会议.ics", fallback="calendar") == "calendar.ics"


@given(st.text(min_size=1))
def test_any_name_makes_one_safe_header_line_that_gives_the_name_back(filename):
    header = content_disposition(filename)

    assert header.isascii()
    assert "\r" not in header and "\n" not in header
    assert re.fullmatch(r"[a-z0-9_-]+(\.[a-z0-9_-]+)?", fallback_of(header))
    assert filename_read_by_a_client(header) == filename
