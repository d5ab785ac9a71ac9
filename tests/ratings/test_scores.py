"""The arithmetic of the stars: no database, no Django."""

from decimal import Decimal
from fractions import Fraction
from math import floor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.ratings.scores import Tally, average, counters_are_consistent, parse_score


@pytest.mark.parametrize(
    ("total", "count", "shown"),
    [
        (21, 5, "4.2"),  # the portal's own example
        (17, 4, "4.3"),  # 4.25: half-up, as PHP's round()
        (5, 1, "5.0"),
        (1, 1, "1.0"),
        (10, 3, "3.3"),
        (11, 3, "3.7"),
        (9, 2, "4.5"),
        (449, 100, "4.5"),  # 4.49
        (445, 100, "4.5"),  # 4.45, where a float rounds down
        (435, 100, "4.4"),  # 4.35
    ],
)
def test_average_is_rounded_half_up_to_one_decimal(total, count, shown):
    assert str(average(total, count)) == shown
    assert isinstance(average(total, count), Decimal)


def test_there_is_no_average_before_the_first_vote():
    assert average(0, 0) is None
    assert Tally().average is None


@given(
    st.integers(min_value=1, max_value=10**6).flatmap(
        lambda count: st.tuples(st.integers(min_value=count, max_value=5 * count), st.just(count))
    )
)
def test_average_matches_exact_half_up_rounding(counters):
    total, count = counters
    exact = Fraction(total, count)
    expected = Fraction(floor(exact * 10 + Fraction(1, 2)), 10)
    assert Fraction(average(total, count)) == expected
    assert 1 <= average(total, count) <= 5
    assert average(total, count).as_tuple().exponent == -1


@pytest.mark.parametrize("value", ["1", "2", "3", "4", "5"])
def test_a_score_is_one_digit_from_one_to_five(value):
    assert parse_score([value]) == int(value)


@pytest.mark.parametrize(
    "values",
    [
        [],
        ["0"],
        ["6"],
        ["abc"],
        ["4.5"],
        ["04"],
        [" 4"],
        ["4 "],
        [""],
        ["-1"],
        ["٤"],
        ["4", "5"],
        ["4", "4"],
        ["+4"],
        ["4\n"],
    ],
)
def test_anything_else_is_not_a_score(values):
    assert parse_score(values) is None


@given(st.lists(st.text(max_size=4), max_size=3))
def test_parse_score_accepts_exactly_the_five_scores(values):
    score = parse_score(values)
    if values in (["1"], ["2"], ["3"], ["4"], ["5"]):
        assert score == int(values[0])
    else:
        assert score is None


def test_the_line_is_shown_from_the_minimum_average_up():
    tally = Tally(total=7, count=2)  # 3.5
    assert tally.is_shown(0)
    assert tally.is_shown(3.5)
    assert not tally.is_shown(3.6)
    assert not Tally().is_shown(0)


@pytest.mark.parametrize(
    ("total", "count", "lit"), [(0, 0, 0), (21, 5, 4), (9, 2, 5), (7, 2, 4), (6, 4, 2), (5, 5, 1)]
)
def test_the_average_lights_stars_rounded_half_up(total, count, lit):
    assert Tally(total, count).stars_lit() == lit


@pytest.mark.parametrize(
    ("total", "count", "consistent"),
    [
        (0, 0, True),
        (21, 5, True),
        (5, 5, True),
        (25, 5, True),
        (4, 5, False),
        (26, 5, False),
        (1, 0, False),
        (0, -1, False),
    ],
)
def test_counters_are_consistent_when_votes_can_add_up(total, count, consistent):
    assert counters_are_consistent(total, count) is consistent
