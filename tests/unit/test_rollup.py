"""Tests for :mod:`wagtail_dangvu.pure.rollup`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.pure.rollup import (
    Aggregation,
    Code,
    Figure,
    Observation,
    combine,
    combine_units,
    current_unit,
    unit_figures,
)

D = Decimal

figures = st.decimals(min_value=D("-1e12"), max_value=D("1e12"), places=4)
figure_lists = st.lists(figures, max_size=30)
PLAIN = [method for method in Aggregation if method is not Aggregation.RATIO]


# ----------------------------------------------------------------------------- examples


def test_each_method_on_a_small_example():
    values = [D(14), D("95.94"), D(3192)]
    assert combine(Aggregation.SUM, values) == D("3301.94")
    assert combine(Aggregation.MAX, values) == D(3192)
    assert combine(Aggregation.LATEST, values) == D(3192)
    assert combine(Aggregation.AVERAGE, [D(3192), D(3327)]) == D("3259.5")


@pytest.mark.parametrize("method", [m for m in Aggregation if m is not Aggregation.RATIO])
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
    for method in PLAIN:
        assert combine(method, values) == combine(method, [Observation(v) for v in values])


def test_min_is_the_smallest_value():
    assert combine("min", [D(3), D("-0.5"), D(7)]) == D("-0.5")


def test_a_ratio_is_not_combined_from_plain_values():
    with pytest.raises(ValueError):
        combine("ratio", [D(1)])


# ----------------------------------------------------------------------------- units


def test_a_ratio_is_the_sum_of_numerators_over_the_sum_of_denominators():
    total = combine_units("ratio", [Figure("a", None, 115, 100), Figure("b", None, 52, 50)])
    assert (total.numerator, total.denominator) == (D(167), D(150))
    assert round(total.value, 2) == D("111.33")  # never (115 + 104) / 2 = 109.5
    assert total.units == ("a", "b") and total.uncombinable == ()


def test_a_rate_without_its_denominator_is_listed_not_averaged():
    figures = [Figure("a", None, 115, 100), Figure("b", D("104"))]
    per_unit = unit_figures("ratio", figures)
    assert per_unit["b"].problem is Code.NO_DENOMINATOR
    total = combine_units("ratio", per_unit.values())
    assert total.value == D(115) and total.units == ("a",)
    assert total.uncombinable == (("b", Code.NO_DENOMINATOR),)


def test_nothing_combinable_gives_no_value():
    total = combine_units("ratio", [Figure("b", D("104"))])
    assert total.value is None and total.uncombinable == (("b", Code.NO_DENOMINATOR),)
    assert combine_units("sum", []).value is None


def test_a_unit_counts_once_with_its_most_recent_page():
    figures = [
        Figure("xa-a", D(14), when=date(2025, 6, 30), source=1),
        Figure("xa-a", D(20), when=date(2025, 12, 31), source=2),
        Figure("xa-a", D(14), when=date(2025, 3, 31), source=3),
        Figure("xa-b", D(10), when=date(2025, 12, 31), source=4),
    ]
    per_unit = unit_figures("sum", figures)
    assert per_unit["xa-a"].value == D(20) and per_unit["xa-a"].sources == (2,)
    assert per_unit["xa-a"].pages == 3
    assert combine_units("sum", per_unit.values()).value == D(30)


def test_each_rule_over_units():
    figures = [
        Figure("a", D(5), when=date(2025, 1, 1)),
        Figure("b", D(9), when=date(2024, 1, 1)),
        Figure("c", D(1), when=date(2023, 1, 1)),
    ]
    expected = {"sum": 15, "max": 9, "min": 1, "latest": 5, "average": 5}
    for method, value in expected.items():
        assert combine_units(method, unit_figures(method, figures).values()).value == value


def test_merged_units_count_for_their_successor():
    successor_of = {"old-1": "new", "old-2": "new", "older": "old-1"}
    figures = [
        Figure("old-1", D(4), source=1),
        Figure("old-2", D(6), source=2),
        Figure("older", D(1), source=3),
        Figure("other", D(2), source=4),
    ]
    per_unit = unit_figures("sum", figures, successor_of)
    assert set(per_unit) == {"new", "other"}
    assert per_unit["new"].value == D(11)
    assert set(per_unit["new"].former) == {"old-1", "old-2", "older"}
    assert per_unit["new"].pages == 3


def test_a_successors_own_figure_stands_for_its_whole_territory():
    figures = [Figure("old", D(4)), Figure("new", D(9))]
    per_unit = unit_figures("sum", figures, {"old": "new"})
    assert per_unit["new"].value == D(9) and per_unit["new"].former == ()
    assert per_unit["new"].pages == 2


def test_a_successor_cycle_does_not_loop():
    # A cycle (the units' import refuses them) leaves each unit counting for itself.
    assert current_unit("a", {"a": "b", "b": "a"}) == "a"
    assert current_unit("a", {"a": "b", "b": "c"}) == "c"
    assert current_unit("a", {}) == "a"


def test_figures_refuse_odd_numbers():
    with pytest.raises(TypeError):
        Figure("a", 1.5)
    with pytest.raises(TypeError):
        Figure("a", D(1), when="2025")


units = st.sampled_from([f"xa-{n}" for n in range(6)])
counts = st.decimals(min_value=0, max_value=D("1e9"), places=0)
positive = st.decimals(min_value=1, max_value=D("1e6"), places=0)
dated_figures = st.lists(
    st.builds(
        Figure,
        unit=units,
        value=counts,
        when=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    ),
    max_size=25,
)
rates = st.lists(
    st.builds(Figure, unit=units, value=st.none(), numerator=counts, denominator=positive),
    max_size=25,
)


@given(dated_figures, st.randoms(use_true_random=False))
def test_a_units_figure_is_its_latest_whatever_the_order(figures, random):
    per_unit = unit_figures("sum", figures)
    for unit, counted in per_unit.items():
        own = [figure for figure in figures if figure.unit == unit]
        assert counted.when == max(figure.when for figure in own)
        assert counted.pages == len(own)
    shuffled = list(figures)
    random.shuffle(shuffled)
    again = unit_figures("sum", shuffled)
    assert {unit: counted.when for unit, counted in again.items()} == {
        unit: counted.when for unit, counted in per_unit.items()
    }


@given(dated_figures)
def test_repeating_an_older_page_never_changes_the_total(figures):
    total = combine_units("sum", unit_figures("sum", figures).values()).value
    older = [replace_when(figure, date(2019, 1, 1)) for figure in figures]
    assert combine_units("sum", unit_figures("sum", older + figures).values()).value == total


def replace_when(figure, when):
    return Figure(figure.unit, figure.value, figure.numerator, figure.denominator, when)


@given(rates)
def test_a_ratio_lies_between_its_units_rates_and_ignores_grouping(figures):
    per_unit = list(unit_figures("ratio", figures).values())
    total = combine_units("ratio", per_unit)
    if not per_unit:
        assert total.value is None
        return
    rates_ = [figure.value for figure in per_unit]
    assert min(rates_) - D("1e-20") <= total.value <= max(rates_) + D("1e-20")
    assert total.numerator == sum(figure.numerator for figure in per_unit)
    assert total.denominator == sum(figure.denominator for figure in per_unit)
    halves = [per_unit[: len(per_unit) // 2], per_unit[len(per_unit) // 2 :]]
    parts = [combine_units("ratio", half) for half in halves if half]
    regrouped = combine_units(
        "ratio", [Figure(n, None, part.numerator, part.denominator) for n, part in enumerate(parts)]
    )
    assert regrouped.value == total.value


@given(dated_figures, st.dictionaries(units, units, max_size=3))
def test_merging_units_keeps_a_sums_total_when_successors_report_nothing(figures, successor_of):
    reporting = {figure.unit for figure in figures}
    successor_of = {
        old: new for old, new in successor_of.items() if old != new and new not in reporting
    }
    successor_of = {old: new for old, new in successor_of.items() if new not in successor_of}
    plain = combine_units("sum", unit_figures("sum", figures).values()).value
    merged = unit_figures("sum", figures, successor_of)
    assert not set(merged) & set(successor_of)
    assert combine_units("sum", merged.values()).value == plain


@given(st.lists(st.builds(Figure, unit=units, value=st.one_of(st.none(), counts)), max_size=20))
def test_uncombinable_figures_never_change_the_result(figures):
    for method in ("sum", "max", "min", "average"):
        per_unit = unit_figures(method, figures)
        total = combine_units(method, per_unit.values())
        good = [figure for figure in per_unit.values() if figure.problem is None]
        assert total.value == combine_units(method, good).value
        assert {unit for unit, _ in total.uncombinable} == {
            unit for unit, figure in per_unit.items() if figure.problem is not None
        }
