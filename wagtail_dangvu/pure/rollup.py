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
``max``
    The largest value.

Every method returns ``None`` for no observations: "no data" is not zero. Missing figures
must be filtered out by the caller, as there is no sensible "missing" value to combine.

Pure Python, no Django: the models and the reporting code call :func:`combine`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Decimal, localcontext
from enum import StrEnum

__all__ = ["Aggregation", "Observation", "When", "combine"]

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
}


def combine(
    method: Aggregation | str, observations: Iterable[Observation | Decimal | int]
) -> Decimal | None:
    """Combine ``observations`` with ``method``; ``None`` when there are none.

    Plain numbers are accepted as undated observations. An unknown ``method`` raises
    ``ValueError``; ``latest`` raises ``TypeError`` if ``when`` values cannot be compared
    (a date with a datetime, naive with aware datetimes, or a date with an int).
    """
    aggregation = Aggregation(method)
    items = [_observation(item) for item in observations]
    if not items:
        return None
    return _COMBINE[aggregation](items)
