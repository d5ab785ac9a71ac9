"""Tests for wagtail_dangvu.pure.numbers: the portals' own examples first, then properties."""

import ast
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from math import floor
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import wagtail_dangvu.pure.numbers
from wagtail_dangvu.pure.numbers import (
    Code,
    FormatError,
    NumberStyle,
    format_number,
    percent,
    round_half_up,
    vi_count,
    vi_number,
    vi_percent,
)
from wagtail_dangvu.pure.problems import Problem

# A Vietnamese number as vi_number writes it: grouped integer part, optional fraction.
VI_NUMBER_RE = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?")


def from_vi(text: str) -> Decimal:
    """Read back what vi_number wrote: '1.234,5' -> Decimal('1234.5')."""
    return Decimal(text.replace(".", "").replace(",", "."))


def exact_half_up(value: Fraction, decimals: int) -> Fraction:
    """Independent oracle: round a rational half-up (away from zero) to ``decimals`` places."""
    scale = 10**decimals
    magnitude = Fraction(floor(abs(value) * scale + Fraction(1, 2)), scale)
    return -magnitude if value < 0 else magnitude


# Module hygiene ---------------------------------------------------------------------------


def test_public_api_is_exported():
    module = wagtail_dangvu.pure.numbers
    for name in module.__all__:
        assert hasattr(module, name), name


def test_imports_only_the_standard_library_modules_it_is_allowed():
    tree = ast.parse(Path(wagtail_dangvu.pure.numbers.__file__).read_text(encoding="utf-8"))
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            modules.add(node.module)
    standard = {"__future__", "dataclasses", "decimal", "enum"}
    assert modules <= standard | {"wagtail_dangvu.pure.problems"}


# Numbers: examples ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (3192, None, "3.192"),
        (Decimal("95.56"), None, "95,56"),
        (Decimal("1234567.5"), None, "1.234.567,5"),
        (-12, None, "-12"),
        (0, None, "0"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        ("1.005", 2, "1,01"),
        (1.005, 2, "1,01"),
        (Decimal("95.50"), None, "95,5"),
        (Decimal("10.00"), None, "10"),
        (Decimal("1E+3"), None, "1.000"),
        (Decimal("-0"), None, "0"),
        (-0.001, 2, "0,00"),
        (0.1, None, "0,1"),
        (1e20, None, "100.000.000.000.000.000.000"),
        (1e-7, None, "0,0000001"),
        (Decimal("95.5"), 2, "95,50"),
        (999.995, 2, "1.000,00"),
        (Decimal("1234.5678"), 2, "1.234,57"),
        (123, "1", "123,0"),
        ("  42 ", None, "42"),
        (100, None, "100"),
        (1000, None, "1.000"),
    ],
)
def test_vi_number(value, decimals, expected):
    assert vi_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        ("abc", Code.NOT_A_NUMBER, "abc"),
        ("3,5", Code.NOT_A_NUMBER, "3,5"),
        ("", Code.NOT_A_NUMBER, ""),
        (None, Code.NOT_A_NUMBER, "None"),
        (True, Code.NOT_A_NUMBER, "True"),
        ([1], Code.NOT_A_NUMBER, "[1]"),
        (float("nan"), Code.NOT_FINITE, "nan"),
        (float("inf"), Code.NOT_FINITE, "inf"),
        (Decimal("NaN"), Code.NOT_FINITE, "NaN"),
        ("-Infinity", Code.NOT_FINITE, "-Infinity"),
        ("1E+999999999", Code.OUT_OF_RANGE, "1E+999999999"),
    ],
)
def test_vi_number_rejects_what_is_not_a_finite_number(value, code, shown):
    with pytest.raises(ValueError) as raised:
        vi_number(value)
    assert raised.value.problems == (Problem(code, {"value": shown}),)


@pytest.mark.parametrize("decimals", [-1, 1.5, "x", True, 10**6])
def test_vi_number_rejects_bad_decimals(decimals):
    with pytest.raises(FormatError) as raised:
        vi_number(1, decimals)
    assert raised.value.problem == Problem(
        Code.BAD_DECIMALS, {"value": str(decimals), "maximum": 1000}
    )


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (3192, None, "3,192"),
        (Decimal("95.56"), None, "95.56"),
        ("-1234567.891", 2, "-1,234,567.89"),
        (Decimal("10.00"), None, "10"),
    ],
)
def test_format_number_in_another_style(value, decimals, expected):
    assert format_number(value, decimals, NumberStyle(",", ".")) == expected


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, max_value=10**12, min_value=-(10**12)
    )
)
def test_another_style_swaps_the_marks_and_nothing_else(value):
    english = format_number(value, None, NumberStyle(",", "."))
    swapped = vi_number(value).translate(str.maketrans(".,", ",."))
    assert english == swapped


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        ("1.005", 2, Decimal("1.01")),
        (2.5, 0, Decimal("3")),
        (-2.5, 0, Decimal("-3")),
        (Decimal("0.125"), 2, Decimal("0.13")),
        (Decimal("0.124999"), 2, Decimal("0.12")),
        (Decimal("1E+3"), 1, Decimal("1000.0")),
        (Decimal("9.99"), 1, Decimal("10.0")),
        (Decimal(f"{10**40}.5"), 0, Decimal(10**40 + 1)),
    ],
)
def test_round_half_up(value, decimals, expected):
    result = round_half_up(value, decimals)
    assert result == expected
    assert result.as_tuple().exponent == -decimals


@pytest.mark.parametrize(
    ("part", "whole", "decimals", "expected"),
    [
        (3192, 3327, 2, "95,94%"),
        (115, 100, 2, "115%"),
        (1, 8, 2, "12,5%"),
        (5, 5, 2, "100%"),
        (1, 3, 2, "33,33%"),
        (2, 3, 2, "66,67%"),
        (2, 3, 0, "67%"),
        (1, 16, 2, "6,25%"),
        (1, 16, 1, "6,3%"),
        (-1, 8, 2, "-12,5%"),
        (0, 7, 2, "0%"),
        (Decimal("0.5"), 2, 2, "25%"),
        ("1", "3", "4", "33,3333%"),
        (31920, 100, 2, "31.920%"),
    ],
)
def test_vi_percent(part, whole, decimals, expected):
    assert vi_percent(part, whole, decimals) == expected


def test_percent_returns_the_rounded_decimal():
    assert percent(3192, 3327) == Decimal("95.94")
    assert percent(1, 8).as_tuple().exponent == -2
    assert percent(2, 3, 0) == Decimal("67")


def test_percent_is_exact_where_a_28_digit_quotient_would_round_up():
    # 100 * part / whole = 12.4999…9 (38 nines): a default-precision division gives 12.5.
    assert percent(125 * 10**37 - 1, 10**40, 0) == Decimal("12")
    assert vi_percent(125 * 10**37 - 1, 10**40, 0) == "12%"


@pytest.mark.parametrize("whole", [0, "0", Decimal("0.000"), 0.0])
def test_percent_of_nothing_is_refused(whole):
    with pytest.raises(ValueError) as raised:
        vi_percent(1, whole)
    assert raised.value.problem == Problem(Code.ZERO_WHOLE)


@pytest.mark.parametrize(
    ("n", "pad", "expected"),
    [
        (8, 2, "08"),
        (16, 2, "16"),
        (126, 2, "126"),
        (0, 2, "00"),
        (1, 2, "01"),
        (3192, 2, "3.192"),
        (8, 3, "008"),
        (8, 0, "8"),
        (Decimal("8.0"), 2, "08"),
        ("8", 2, "08"),
        (8, "3", "008"),
    ],
)
def test_vi_count(n, pad, expected):
    assert vi_count(n, pad) == expected


@pytest.mark.parametrize(
    ("n", "code"),
    [
        (-1, Code.COUNT_NEGATIVE),
        (2.5, Code.COUNT_NOT_WHOLE),
        (Decimal("-0.5"), Code.COUNT_NOT_WHOLE),
        ("abc", Code.NOT_A_NUMBER),
    ],
)
def test_vi_count_rejects_negative_and_fractional_counts(n, code):
    with pytest.raises(ValueError) as raised:
        vi_count(n)
    assert raised.value.problem == Problem(code, {"value": str(n)})


def test_vi_count_rejects_a_bad_width():
    with pytest.raises(FormatError) as raised:
        vi_count(1, -1)
    assert raised.value.problem == Problem(Code.BAD_WIDTH, {"value": "-1", "maximum": 1000})


# Numbers: properties ----------------------------------------------------------------------

numbers = st.one_of(
    st.integers(min_value=-(10**18), max_value=10**18),
    st.decimals(
        allow_nan=False, allow_infinity=False, places=6, min_value=-(10**12), max_value=10**12
    ),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
)


def as_decimal(value) -> Decimal:
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


@given(value=numbers, decimals=st.integers(min_value=0, max_value=8))
def test_vi_number_round_trips_to_the_rounded_value(value, decimals):
    text = vi_number(value, decimals)
    assert VI_NUMBER_RE.fullmatch(text), text
    assert from_vi(text) == round_half_up(value, decimals)
    assert len(text.partition(",")[2]) == decimals
    assert Fraction(round_half_up(value, decimals)) == exact_half_up(
        Fraction(as_decimal(value)), decimals
    )


@given(value=numbers)
def test_vi_number_without_decimals_is_exact(value):
    text = vi_number(value)
    assert VI_NUMBER_RE.fullmatch(text), text
    assert from_vi(text) == as_decimal(value)
    assert not text.endswith(",") and not (("," in text) and text.endswith("0"))
    assert "E" not in text and "e" not in text


@given(
    part=st.integers(min_value=-(10**12), max_value=10**12),
    whole=st.integers(min_value=-(10**12), max_value=10**12).filter(bool),
    decimals=st.integers(min_value=0, max_value=6),
)
def test_percent_matches_decimal_arithmetic_half_up(part, whole, decimals):
    with localcontext() as context:
        context.prec = 200
        expected = (Decimal(part) * 100 / Decimal(whole)).quantize(
            Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
        )
    assert percent(part, whole, decimals) == expected
    assert vi_percent(part, whole, decimals) == vi_number(expected) + "%"


@given(
    part=st.decimals(allow_nan=False, allow_infinity=False, places=4, max_value=10**9),
    whole=st.decimals(allow_nan=False, allow_infinity=False, places=4, max_value=10**9),
    decimals=st.integers(min_value=0, max_value=4),
)
def test_percent_of_decimals_is_exact(part, whole, decimals):
    assume(whole != 0)
    expected = exact_half_up(Fraction(part) * 100 / Fraction(whole), decimals)
    assert Fraction(percent(part, whole, decimals)) == expected


@given(n=st.integers(min_value=0, max_value=10**9), pad=st.integers(min_value=0, max_value=4))
def test_vi_count_reads_back(n, pad):
    text = vi_count(n, pad)
    assert int(text.replace(".", "")) == n
    assert len(text) >= pad
