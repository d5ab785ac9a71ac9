"""Tests for :mod:`wagtail_dangvu.pure.rollup`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.pure.rollup import Aggregation, Observation, combine

D = Decimal

figures = st.decimals(min_value=D("-1e12"), max_value=D("1e12"), places=4)
figure_lists = st.lists(figures, max_size=30)


# ----------------------------------------------------------------------------- examples


def test_each_method_on_a_small_example():
    values = [D(14), D("95.94"), D(3192)]
    assert combine(Aggregation.SUM, values) == D("3301.94")
    assert combine(Aggregation.MAX, values) == D(3192)
    assert combine(Aggregation.LATEST, values) == D(3192)
    assert combine(Aggregation.AVERAGE, [D(3192), D(3327)]) == D("3259.5")


@pytest.mark.parametrize("method", list(Aggregation))
def test_no_observations_is_no_data_not_zero(method):
    assert combine(method, []) is None
    assert combine(method, iter(())) is None


def test_methods_may_be_given_as_strings():
    assert combine("sum", [1, 2]) == 3
    assert Aggregation("average") is Aggregation.AVERAGE
    with pytest.raises(ValueError):
        combine("median", [1])


def test_average_keeps_full_precision():
    assert combine("average", [1, 2, 2]) == D(5) / D(3)
    assert combine("average", [D("0.1"), D("0.2")]) == D("0.15")


def test_sum_is_exact_whatever_the_magnitudes():
    assert combine("sum", [D("1e30"), D("1e-30"), D("-1e30")]) == D("1e-30")
    assert combine("sum", [D("1.50"), D(2)]) == D("3.50")


def test_max_with_negative_values():
    assert combine("max", [D(-5), D("-0.5"), D(-7)]) == D("-0.5")


# ----------------------------------------------------------------------------- latest


def test_latest_takes_the_greatest_when():
    observations = [
        Observation(D(10), date(2024, 3, 1)),
        Observation(D(30), date(2024, 12, 31)),
        Observation(D(20), date(2024, 6, 30)),
    ]
    assert combine("latest", observations) == D(30)


def test_latest_with_integer_period_keys():
    observations = [Observation(D(1), 202403), Observation(D(2), 202312)]
    assert combine("latest", observations) == D(1)


def test_latest_tie_goes_to_the_last_given():
    observations = [Observation(D(1), 2024), Observation(D(2), 2024), Observation(D(0), 2023)]
    assert combine("latest", observations) == D(2)


def test_latest_undated_observations_count_as_older():
    observations = [Observation(D(1), 2023), Observation(D(2)), D(3)]
    assert combine("latest", observations) == D(1)
    assert combine("latest", [Observation(D(1)), D(2), 7]) == D(7)


@pytest.mark.parametrize(
    "whens",
    [
        (date(2024, 1, 1), datetime(2024, 1, 2)),
        (datetime(2024, 1, 1), datetime(2024, 1, 2, tzinfo=UTC)),
        (date(2024, 1, 1), 2024),
    ],
)
def test_latest_refuses_incomparable_whens(whens):
    with pytest.raises(TypeError):
        combine("latest", [Observation(D(i), when) for i, when in enumerate(whens)])


def test_latest_with_aware_datetimes():
    observations = [
        Observation(D(1), datetime(2024, 1, 1, 12, tzinfo=UTC)),
        Observation(D(2), datetime(2024, 1, 1, 11, tzinfo=UTC)),
    ]
    assert combine("latest", observations) == D(1)


# ----------------------------------------------------------------------------- observations


def test_observation_normalises_ints():
    assert Observation(3).value == D(3)  # type: ignore[arg-type]
    assert isinstance(Observation(3).value, Decimal)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.5, True, "3", None])
def test_observation_rejects_non_decimal_values(bad):
    with pytest.raises(TypeError):
        Observation(bad)
    with pytest.raises(TypeError):
        combine("sum", [bad])


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity"), D("-Infinity"), D("sNaN")])
def test_observation_rejects_non_finite_values(bad):
    with pytest.raises(ValueError):
        Observation(bad)


@pytest.mark.parametrize("bad", [True, "2024", 2024.0])
def test_observation_rejects_odd_whens(bad):
    with pytest.raises(TypeError):
        Observation(D(1), bad)


# ----------------------------------------------------------------------------- properties


@given(figure_lists, figure_lists)
def test_sum_of_concatenation_is_sum_of_sums(first, second):
    def total(values):
        return combine("sum", values) or D(0)

    assert total(first + second) == total(first) + total(second)
    assert total(first + second) == combine("sum", [total(first), total(second)])


@given(figure_lists.filter(bool))
def test_max_is_an_upper_bound_and_one_of_the_values(values):
    largest = combine("max", values)
    assert all(largest >= value for value in values)
    assert largest in values


@given(figure_lists.filter(bool))
def test_average_lies_between_min_and_max(values):
    average = combine("average", values)
    assert min(values) <= average <= max(values)


@given(figures, st.integers(min_value=1, max_value=10))
def test_average_of_equal_values_is_that_value(value, count):
    assert combine("average", [value] * count) == value


@given(
    st.lists(
        st.tuples(figures, st.integers(min_value=1900, max_value=2100)),
        min_size=1,
        max_size=20,
        unique_by=lambda pair: pair[1],
    ),
    st.randoms(use_true_random=False),
)
def test_latest_does_not_depend_on_order_when_whens_are_distinct(pairs, random):
    observations = [Observation(value, when) for value, when in pairs]
    expected = max(pairs, key=lambda pair: pair[1])[0]
    assert combine("latest", observations) == expected
    random.shuffle(observations)
    assert combine("latest", observations) == expected


@given(figure_lists.filter(bool))
def test_plain_values_and_undated_observations_agree(values):
    for method in Aggregation:
        assert combine(method, values) == combine(method, [Observation(v) for v in values])
