"""
Vietnamese formats for numbers, percentages and counts.

The conventions are those of the Party committees' portals:

* Numbers: ``.`` groups thousands and ``,`` is the decimal mark (``3.192``, ``95,56``).
  Arithmetic is done in ``Decimal`` and rounding is half-up, away from zero (``2,5`` ->
  ``3``, ``-2,5`` -> ``-3``). A float is read through ``str()``, so ``0.1`` stays ``0,1``.
* Small counts in official prose are zero-padded: ``08 nhiệm vụ``, ``01 năm``.

Everything that cannot be formatted raises :class:`FormatError` (a ``ValueError``)
carrying a :class:`~wagtail_dangvu.pure.problems.Problem`: a :class:`Code` and its
parameters, which :mod:`wagtail_dangvu.wording` words in the reader's language.

Numbers can also be written in another language's style (:class:`NumberStyle`,
:func:`format_number`): ``1,234.5`` in English. Dates and times are in
:mod:`wagtail_dangvu.pure.dates`.

This module is pure Python and imports nothing from Django: template filters of the same
names wrap these functions, so each takes the value first and at most one optional argument.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from enum import StrEnum

from wagtail_dangvu.pure.problems import Problem, ProblemError

__all__ = [
    "VIETNAMESE",
    "Code",
    "FormatError",
    "NumberStyle",
    "format_number",
    "percent",
    "round_half_up",
    "vi_count",
    "vi_number",
    "vi_percent",
]

Number = int | float | Decimal | str

# Largest decimal exponent (either way) accepted. format(Decimal("1E+999999999"), "f")
# would build a string of a billion digits; nothing on a portal needs more than this.
_MAX_EXPONENT = 1000


class Code(StrEnum):
    """What cannot be formatted; :mod:`wagtail_dangvu.wording` words each one.

    ``value`` is what was given, as text.
    """

    NOT_A_NUMBER = "format.not_a_number"  # value
    NOT_FINITE = "format.not_finite"  # value
    OUT_OF_RANGE = "format.out_of_range"  # value
    BAD_DECIMALS = "format.bad_decimals"  # value, maximum
    BAD_WIDTH = "format.bad_width"  # value, maximum
    ZERO_WHOLE = "format.zero_whole"
    COUNT_NOT_WHOLE = "format.count_not_whole"  # value
    COUNT_NEGATIVE = "format.count_negative"  # value


class FormatError(ProblemError):
    """A value that cannot be formatted as a number: :attr:`problem`."""

    def __init__(self, code: Code, **params: object) -> None:
        super().__init__(Problem(code, params))


@dataclass(frozen=True)
class NumberStyle:
    """How a language writes numbers: the thousands separator and the decimal mark."""

    thousands: str
    decimal: str


#: ``3.192``, ``95,56``.
VIETNAMESE = NumberStyle(thousands=".", decimal=",")


def _to_decimal(value: Number) -> Decimal:
    """Return ``value`` as a finite Decimal; a float goes through ``str()``."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise FormatError(Code.NOT_A_NUMBER, value=str(value))
    try:
        number = Decimal(str(value).strip() if isinstance(value, float | str) else value)
    except InvalidOperation:
        raise FormatError(Code.NOT_A_NUMBER, value=str(value)) from None
    if not number.is_finite():
        raise FormatError(Code.NOT_FINITE, value=str(value))
    exponent = number.as_tuple().exponent
    if abs(number.adjusted()) > _MAX_EXPONENT or abs(exponent) > _MAX_EXPONENT:
        raise FormatError(Code.OUT_OF_RANGE, value=str(value))
    return number


def _to_count(value: int | str, code: Code) -> int:
    """Return ``value`` as an int in 0.._MAX_EXPONENT (a filter argument may be a str)."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_EXPONENT:
        raise FormatError(code, value=str(value), maximum=_MAX_EXPONENT)
    return value


def _group_thousands(digits: str, separator: str = ".") -> str:
    """'1234567' -> '1.234.567'."""
    head = len(digits) % 3 or 3
    groups = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    return separator.join(groups)


def _format_decimal(number: Decimal, keep_places: bool, style: NumberStyle = VIETNAMESE) -> str:
    """Write ``number`` in ``style``, never in scientific notation."""
    integer, _, fraction = format(number.copy_abs(), "f").partition(".")
    if not keep_places:
        fraction = fraction.rstrip("0")
    sign = "-" if number.is_signed() and not number.is_zero() else ""
    text = sign + _group_thousands(integer, style.thousands)
    return f"{text}{style.decimal}{fraction}" if fraction else text


def round_half_up(value: Number, decimals: int) -> Decimal:
    """
    Round ``value`` half-up (away from zero) to exactly ``decimals`` places.

    ``round_half_up("1.005", 2) == Decimal("1.01")``, ``round_half_up(2.5, 0) == Decimal("3")``.
    """
    number = _to_decimal(value)
    places = _to_count(decimals, Code.BAD_DECIMALS)
    # Enough precision for every integer digit, the places and a carry: quantize() refuses
    # (rather than rounds) a result longer than the context precision.
    context = Context(prec=max(number.adjusted(), 0) + places + 2, rounding=ROUND_HALF_UP)
    return number.quantize(Decimal(1).scaleb(-places), context=context)


def vi_number(value: Number, decimals: int | None = None) -> str:
    """
    Format a number: ``3192`` -> ``"3.192"``, ``Decimal("95.56")`` -> ``"95,56"``.

    Without ``decimals`` the value is written exactly, trailing zeros dropped
    (``Decimal("10.00")`` -> ``"10"``); with ``decimals`` it is rounded half-up to exactly
    that many places (``vi_number("1.005", 2) == "1,01"``).
    """
    return format_number(value, decimals, VIETNAMESE)


def format_number(
    value: Number, decimals: int | None = None, style: NumberStyle = VIETNAMESE
) -> str:
    """:func:`vi_number` in the given style: ``format_number(3192.5, None, english)`` is
    ``"3,192.5"`` for ``english = NumberStyle(",", ".")``."""
    if decimals is None:
        return _format_decimal(_to_decimal(value), False, style)
    return _format_decimal(round_half_up(value, decimals), True, style)


def percent(part: Number, whole: Number, decimals: int = 2) -> Decimal:
    """
    Return ``part / whole * 100`` rounded half-up to ``decimals`` places.

    ``percent(3192, 3327) == Decimal("95.94")``.
    """
    numerator = _to_decimal(part)
    denominator = _to_decimal(whole)
    places = _to_count(decimals, Code.BAD_DECIMALS)
    if denominator.is_zero():
        raise FormatError(Code.ZERO_WHOLE)
    # Half-up rounding only looks at the digit after the last kept place, so a quotient
    # truncated (not rounded) anywhere below that digit rounds exactly like the true one.
    # The precision keeps the product exact and the quotient's digits down to that place.
    precision = (
        len(numerator.as_tuple().digits)
        + max(numerator.adjusted() - denominator.adjusted(), 0)
        + places
        + 6
    )
    context = Context(prec=precision, rounding=ROUND_DOWN)
    ratio = context.divide(context.multiply(numerator, 100), denominator)
    return round_half_up(ratio, places)


def vi_percent(part: Number, whole: Number, decimals: int = 2) -> str:
    """
    Format ``part`` as a percentage of ``whole``, to at most ``decimals`` places.

    ``vi_percent(3192, 3327) == "95,94%"``, ``vi_percent(1, 8) == "12,5%"``,
    ``vi_percent(5, 5) == "100%"``.
    """
    return _format_decimal(percent(part, whole, decimals), keep_places=False) + "%"


def vi_count(n: Number, pad: int = 2) -> str:
    """
    Format a count as official prose writes it: ``8`` -> ``"08"``, ``126`` -> ``"126"``.

    Counts shorter than ``pad`` digits are zero-padded; longer ones are grouped like
    ``vi_number`` (``3192`` -> ``"3.192"``).
    """
    number = _to_decimal(n)
    width = _to_count(pad, Code.BAD_WIDTH)
    if number != number.to_integral_value():
        raise FormatError(Code.COUNT_NOT_WHOLE, value=str(n))
    if number < 0:
        raise FormatError(Code.COUNT_NEGATIVE, value=str(n))
    digits = str(int(number))
    return digits.zfill(width) if len(digits) < width else _group_thousands(digits)
