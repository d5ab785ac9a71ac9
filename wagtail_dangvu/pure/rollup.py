"""Roll-up arithmetic for indicators.

An indicator ("số cuộc kiểm tra", "số đảng viên mới", "tỉ lệ hoàn thành") is observed per unit
and period; a parent (a district over its communes, a year over its quarters) combines the
observations of its children with one :class:`Aggregation`:

``sum``
    The exact total: additions never round, whatever the decimal context, so summing parts
    and then the part totals gives the same result as summing everything at once.
``average``
    The arithmetic mean: the exact total divided by the count in the current decimal
    context (28 significant digits by default). It is deliberately *not* rounded to two
    places here; rounding is a presentation concern (``numbers.vi_number(value, 2)``).
``latest``
    The value observed last: the observation with the greatest ``when`` wins, and among
    equal ``when`` values the one given last. Observations without a ``when`` count as
    older than any dated one, so when none is dated the last one given wins.
``max``, ``min``
    The largest, the smallest value.
``ratio``
    A rate: each figure carries a numerator and a denominator (115 achieved of a target of
    100), and figures combine as the sum of the numerators over the sum of the denominators,
    as a percentage (115/100 and 52/50 give 167/150, 111.33...%), never as the mean of the
    percentages. :func:`combine` works on plain values and refuses it; units combine through
    :func:`combine_units`.

Every method returns ``None`` for no observations: "no data" is not zero. Missing figures
must be filtered out by the caller, as there is no sensible "missing" value to combine.

Units (communes under a province) report figures on pages; :func:`unit_figures` keeps
one figure per unit, the one of its most recent page, credits the figures of merged units
to their successor, and :func:`combine_units` combines the units by the indicator's rule,
listing the figures that the rule cannot combine (a rate without its denominator) instead
of guessing.

Pure Python, no Django: the models and the reporting code call :func:`combine` and
:func:`unit_figures` / :func:`combine_units`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Decimal, localcontext
from enum import StrEnum

__all__ = [
    "Aggregation",
    "Code",
    "Figure",
    "Observation",
    "Total",
    "UnitFigure",
    "When",
    "combine",
    "combine_units",
    "current_unit",
    "unit_figures",
]

#: When an observation was made: a date, a datetime or an ordinal period key (2024, 202403).
When = date | int


class Aggregation(StrEnum):
    """How observations of an indicator combine into one figure.

    The admin names them in the editor's language (``Indicator.aggregation``'s choices).
    """

    SUM = "sum"
    AVERAGE = "average"
    LATEST = "latest"
    MAX = "max"
    MIN = "min"
    RATIO = "ratio"


def _as_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(
            f"observation values must be Decimal or int, not {value!r} "
            "(convert floats with Decimal(str(x)))"
        )
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"observation values must be finite, not {value!r}")
    return number


@dataclass(frozen=True)
class Observation:
    """One figure of an indicator, optionally with when it was observed."""

    value: Decimal
    when: When | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", _as_decimal(self.value))
        if self.when is not None and (
            isinstance(self.when, bool) or not isinstance(self.when, date | int)
        ):
            raise TypeError(
                f"Observation.when must be a date, datetime, int or None, not {self.when!r}"
            )


def _observation(item: Observation | Decimal | int) -> Observation:
    return item if isinstance(item, Observation) else Observation(_as_decimal(item))


def _exact_sum(values: Iterable[Decimal]) -> Decimal:
    """Sum without rounding (the precision grows as needed instead)."""
    with localcontext() as context:
        context.prec, context.Emax, context.Emin = MAX_PREC, MAX_EMAX, MIN_EMIN
        return sum(values, Decimal(0))


def _when_kind(when: When) -> str:
    if isinstance(when, datetime):
        return "naive datetime" if when.utcoffset() is None else "aware datetime"
    return "date" if isinstance(when, date) else "int"


def _latest(observations: Sequence[Observation]) -> Decimal:
    dated = [(o.when, o.value) for o in observations if o.when is not None]
    if not dated:
        return observations[-1].value
    kinds = {_when_kind(when) for when, _ in dated}
    if len(kinds) > 1:
        raise TypeError(f"cannot order observations whose 'when' mixes {sorted(kinds)}")
    latest_when, latest = dated[0]
    for when, value in dated[1:]:
        if when >= latest_when:  # ">=": on a tie the observation given last wins
            latest_when, latest = when, value
    return latest


def _average(observations: Sequence[Observation]) -> Decimal:
    return _exact_sum(o.value for o in observations) / len(observations)


_COMBINE: dict[Aggregation, Callable[[Sequence[Observation]], Decimal]] = {
    Aggregation.SUM: lambda observations: _exact_sum(o.value for o in observations),
    Aggregation.AVERAGE: _average,
    Aggregation.LATEST: _latest,
    Aggregation.MAX: lambda observations: max(o.value for o in observations),
    Aggregation.MIN: lambda observations: min(o.value for o in observations),
}


def combine(
    method: Aggregation | str, observations: Iterable[Observation | Decimal | int]
) -> Decimal | None:
    """Combine ``observations`` with ``method``; ``None`` when there are none.

    Plain numbers are accepted as undated observations. An unknown ``method`` raises
    ``ValueError``, and so does ``ratio``, which needs numerators and denominators
    (:func:`combine_units`); ``latest`` raises ``TypeError`` if ``when`` values cannot be compared
    (a date with a datetime, naive with aware datetimes, or a date with an int).
    """
    aggregation = Aggregation(method)
    if aggregation is Aggregation.RATIO:
        raise ValueError("a ratio combines numerators and denominators: use combine_units()")
    items = [_observation(item) for item in observations]
    if not items:
        return None
    return _COMBINE[aggregation](items)


# ----------------------------------------------------------------------------- units


class Code(StrEnum):
    """Why a unit's figure cannot be combined under its indicator's rule."""

    NO_DENOMINATOR = "rollup.no_denominator"  # a rate without its numerator and denominator
    NO_VALUE = "rollup.no_value"  # a count without a value


def _optional_decimal(value: object) -> Decimal | None:
    return None if value is None else _as_decimal(value)


@dataclass(frozen=True)
class Figure:
    """What one page of one unit reports for an indicator and period.

    ``unit`` and ``source`` are the caller's keys (a unit's code, a page's id). ``when`` is
    the page's reference date: of several figures of one unit, the latest counts. A rate
    carries its ``numerator`` and ``denominator``; ``value`` is then its percentage.
    """

    unit: object
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    when: When | None = None
    source: object = None

    def __post_init__(self) -> None:
        for name in ("value", "numerator", "denominator"):
            object.__setattr__(self, name, _optional_decimal(getattr(self, name)))
        if self.when is not None and (
            isinstance(self.when, bool) or not isinstance(self.when, date | int)
        ):
            raise TypeError(f"Figure.when must be a date, int or None, not {self.when!r}")

    def problem(self, method: Aggregation) -> Code | None:
        """Why this figure cannot be combined by ``method``, or None when it can."""
        if method is Aggregation.RATIO:
            if self.numerator is None or self.denominator is None or self.denominator <= 0:
                return Code.NO_DENOMINATOR
            return None
        return Code.NO_VALUE if self.value is None else None


@dataclass(frozen=True)
class UnitFigure:
    """A unit's figure for one indicator and period, as it counts in a roll-up.

    ``sources`` are the figures' sources that count (one page, or one per former unit);
    ``pages`` how many figures the unit and its former units reported in all (those not
    counting were older ones); ``former`` the merged units whose figures stand in for the
    unit's own; ``problem`` why the figure cannot be combined, if it cannot.
    """

    unit: object
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    when: When | None
    sources: tuple
    pages: int
    former: tuple = ()
    problem: Code | None = None


@dataclass(frozen=True)
class Total:
    """Units combined: the ``value`` (None when no unit could be combined), a rate's
    ``numerator`` and ``denominator``, the ``units`` counted and the ``uncombinable`` ones
    (each with its :class:`Code`), in the order given."""

    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    units: tuple
    uncombinable: tuple[tuple[object, Code], ...] = ()


def _later(candidate: When | None, current: When | None) -> bool:
    """Does ``candidate`` count as at least as late as ``current`` (ties: the later given)?"""
    if candidate is None:
        return current is None
    if current is None:
        return True
    if _when_kind(candidate) != _when_kind(current):
        raise TypeError(
            f"cannot order figures whose 'when' mixes {_when_kind(candidate)} and "
            f"{_when_kind(current)}"
        )
    return candidate >= current


def _ratio(numerator: Decimal, denominator: Decimal) -> Decimal:
    return numerator * 100 / denominator


def current_unit(unit: object, successor_of: dict) -> object:
    """The unit ``unit``'s figures count for: its successor's successor's ... In a cycle
    (which the units' import refuses) a unit counts for itself."""
    start, seen = unit, {unit}
    while successor_of.get(unit) is not None:
        unit = successor_of[unit]
        if unit in seen:
            return start
        seen.add(unit)
    return unit


def _merged(method: Aggregation, unit: object, parts: list[UnitFigure]) -> UnitFigure:
    """The figures of a unit's former units, standing in for its own."""
    total = combine_units(method, parts)
    whens = [part.when for part in parts if part.when is not None]
    latest = None
    for when in whens:
        if _later(when, latest):
            latest = when
    problem = None
    if total.value is None:
        problem = total.uncombinable[0][1] if total.uncombinable else Code.NO_VALUE
    return UnitFigure(
        unit=unit,
        value=total.value,
        numerator=total.numerator,
        denominator=total.denominator,
        when=latest,
        sources=tuple(source for part in parts for source in part.sources),
        pages=sum(part.pages for part in parts),
        former=tuple(part.unit for part in parts),
        problem=problem,
    )


def unit_figures(
    method: Aggregation | str,
    figures: Iterable[Figure],
    successor_of: dict | None = None,
) -> dict[object, UnitFigure]:
    """One figure per unit for one indicator and period, by unit, in the order first seen.

    Of a unit's figures the one with the latest ``when`` counts (on a tie the one given
    last, so give them oldest published first); the others are only counted in ``pages``.
    A merged unit's figure counts for its successor (``successor_of`` maps a unit to the
    unit it was merged into): when the successor reported a figure of its own for the
    period, that one counts, as its report covers its whole territory; otherwise its former
    units' figures are combined by ``method`` and stand in for it, listed in ``former``.
    """
    aggregation = Aggregation(method)
    successor_of = successor_of or {}
    latest: dict[object, Figure] = {}
    counts: dict[object, int] = {}
    for figure in figures:
        counts[figure.unit] = counts.get(figure.unit, 0) + 1
        if figure.unit not in latest or _later(figure.when, latest[figure.unit].when):
            latest[figure.unit] = figure
    own: dict[object, UnitFigure] = {}
    inherited: dict[object, list[UnitFigure]] = {}
    for unit, figure in latest.items():
        value = figure.value
        if aggregation is Aggregation.RATIO and figure.problem(aggregation) is None:
            value = _ratio(figure.numerator, figure.denominator)
        counted = UnitFigure(
            unit=unit,
            value=value,
            numerator=figure.numerator,
            denominator=figure.denominator,
            when=figure.when,
            sources=(figure.source,),
            pages=counts[unit],
            problem=figure.problem(aggregation),
        )
        successor = current_unit(unit, successor_of)
        if successor == unit:
            own[unit] = counted
        else:
            inherited.setdefault(successor, []).append(counted)
    result: dict[object, UnitFigure] = {}
    for unit in [*own, *(unit for unit in inherited if unit not in own)]:
        if unit in own:
            mine = own[unit]
            hidden = sum(part.pages for part in inherited.get(unit, ()))
            result[unit] = replace(mine, pages=mine.pages + hidden)
        else:
            result[unit] = _merged(aggregation, unit, inherited[unit])
    return result


def combine_units(method: Aggregation | str, figures: Iterable[UnitFigure | Figure]) -> Total:
    """Combine one figure per unit by ``method``.

    ``sum``, ``max``, ``min``, ``average`` (the unweighted mean of the units' figures) and
    ``latest`` (the figure with the latest ``when``) work on values; ``ratio`` on
    numerators and denominators, as the sum of the numerators over the sum of the
    denominators, in percent. A figure the rule cannot combine is left out and listed in
    ``uncombinable`` with its :class:`Code`, never guessed.
    """
    aggregation = Aggregation(method)
    counted: list[UnitFigure | Figure] = []
    uncombinable = []
    for figure in figures:
        problem = figure.problem if isinstance(figure, UnitFigure) else None
        if problem is None:
            problem = Figure(
                unit=figure.unit,
                value=figure.value,
                numerator=figure.numerator,
                denominator=figure.denominator,
            ).problem(aggregation)
        if problem is None:
            counted.append(figure)
        else:
            uncombinable.append((figure.unit, problem))
    units = tuple(figure.unit for figure in counted)
    if not counted:
        return Total(None, None, None, units, tuple(uncombinable))
    if aggregation is Aggregation.RATIO:
        numerator = _exact_sum(figure.numerator for figure in counted)
        denominator = _exact_sum(figure.denominator for figure in counted)
        return Total(
            _ratio(numerator, denominator), numerator, denominator, units, tuple(uncombinable)
        )
    observations = [Observation(figure.value, figure.when) for figure in counted]
    return Total(combine(aggregation, observations), None, None, units, tuple(uncombinable))
