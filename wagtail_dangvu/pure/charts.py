"""Accessible charts as inline SVG, rendered on the server.

Editors enter a small table of figures ("14 cuộc kiểm tra", "đạt 115%", "3.192/3.327 đảng
viên"); this module turns it into a self-contained ``<svg>`` for a bar (horizontal),
column (vertical), line or pie chart. It is pure Python (standard library only, no Django),
so it can be tested in isolation and reused outside requests.

Accessibility (WCAG 2.1 AA)
    The ``<svg>`` has ``role="img"`` and is labelled by its own ``<title>`` and ``<desc>``
    (an automatic summary when the editor left the description blank). Series never rely on
    colour alone: every bar or slice gets a colour *and* a pattern fill, every line a colour,
    a marker shape *and* a dash style, and an in-SVG legend repeats them next to each name.
    Colours have at least 4.5:1 contrast against white, values are labelled in the reader's
    style ("3.192", "95,94" in Vietnamese) and everything is drawn with SVG fills and
    strokes, so charts survive printing without background colours. There is no
    JavaScript, no external resource and no ``<style>``; the root only carries
    ``dangvu-chart*`` class names for optional styling.
    A chart does not replace the data table: render :func:`table_rows` next to it.

Safety
    Every editor-provided string is escaped and only ever placed in text nodes. Characters
    that XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are stripped when
    :class:`ChartData` and :class:`Series` are built, so rendering never produces ill-formed
    markup. :func:`to_csv` neutralises spreadsheet formulas.

Words
    This module words nothing itself. :func:`validate` returns
    :class:`~wagtail_dangvu.pure.problems.Problem` values (a :class:`Code` and its parameters);
    :func:`render_svg` raises :class:`ChartError` (a ``ValueError``) carrying the same
    problems, which templates catch so a page never fails because of a chart. The few words
    a chart shows (its type as a fallback title, the automatic :class:`Description`, the
    unit's caption) and the style of its numbers come from the caller, as :class:`Words`:
    :func:`wagtail_dangvu.wording.chart_words` gives them in the reader's language.

The geometry (:func:`nice_ticks`, :func:`scale`, :func:`bar_extent`, :func:`pie_angles`,
:func:`pie_percentages`) is exposed as pure functions and property-tested.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import partial
from xml.sax.saxutils import escape, quoteattr

from wagtail_dangvu.pure.csvsafe import neutralise
from wagtail_dangvu.pure.numbers import VIETNAMESE, NumberStyle, format_number
from wagtail_dangvu.pure.problems import Problem, ProblemError
from wagtail_dangvu.pure.text import remove_control_characters

__all__ = [
    "DASHES",
    "MARKERS",
    "MAX_ABS_VALUE",
    "MAX_CATEGORIES",
    "MAX_PIE_CATEGORIES",
    "MAX_SERIES",
    "PALETTE",
    "PATTERNS",
    "ChartData",
    "ChartError",
    "ChartKind",
    "Code",
    "Description",
    "Place",
    "Series",
    "SeriesStyle",
    "TableCell",
    "TableRow",
    "Words",
    "bar_extent",
    "describe",
    "nice_ticks",
    "pie_angles",
    "pie_percentages",
    "render_svg",
    "scale",
    "series_style",
    "strip_xml_illegal",
    "table_rows",
    "to_csv",
    "validate",
]

#: More series than this cannot be told apart reliably (palette, patterns, markers).
MAX_SERIES = 6
#: Most categories a bar, column or line chart shows legibly at portal widths.
MAX_CATEGORIES = 24
#: Most slices a pie shows legibly; each slice gets a pattern of its own.
MAX_PIE_CATEGORIES = 12
#: Largest magnitude accepted; beyond it figures are typing mistakes, not statistics.
MAX_ABS_VALUE = Decimal("1e15")

#: Series colours, each with at least 4.5:1 contrast against white.
PALETTE = ("#1f5fa8", "#b3261e", "#2e7d32", "#9a4f00", "#6a3d9a", "#00707a")
#: Pattern fills for bars and slices; the first six serve series, all twelve serve pie slices.
PATTERNS = (
    "solid",
    "diagonal",
    "dots",
    "crosshatch",
    "horizontal",
    "vertical",
    "backdiagonal",
    "grid",
    "checker",
    "rings",
    "zigzag",
    "triangles",
)
#: Marker shapes for line charts.
MARKERS = ("circle", "square", "triangle", "diamond", "triangle-down", "cross")
#: ``stroke-dasharray`` values for line charts ("" is a solid line).
DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 4", "12 3 3 3 3 3")

_XML_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")

_WIDTH = 640
_MARGIN = 12
_FONT_SIZE = 13
_LINE_HEIGHT = 20
_TSPAN_HEIGHT = 15
_TEXT = "#1a1a1a"
_AXIS = "#555555"
_GRID = "#d4d4d4"
_MISSING = "\u2013"  # en dash


class ChartKind(StrEnum):
    """The chart types editors can choose; :class:`Words` names them."""

    BAR = "bar"
    COLUMN = "column"
    LINE = "line"
    PIE = "pie"


class Code(StrEnum):
    """Why figures cannot be drawn; :mod:`wagtail_dangvu.wording` words each one.

    ``series`` is a :class:`Place`, ``cells`` a tuple of them (the categories of the cells),
    ``kind`` a :class:`ChartKind`, the other parameters integers.
    """

    BAD_KIND = "chart.bad_kind"  # kind (as given, a str)
    NO_CATEGORIES = "chart.no_categories"
    TOO_MANY_CATEGORIES = "chart.too_many_categories"  # kind, limit, count
    NO_SERIES = "chart.no_series"
    PIE_SEVERAL_SERIES = "chart.pie_several_series"  # count
    TOO_MANY_SERIES = "chart.too_many_series"  # limit, count
    LENGTH_MISMATCH = "chart.length_mismatch"  # series, values, categories
    NOT_FINITE = "chart.not_finite"  # series, cells
    TOO_LARGE = "chart.too_large"  # series, cells
    PIE_MISSING = "chart.pie_missing"  # series, cells
    PIE_NEGATIVE = "chart.pie_negative"  # series, cells
    PIE_ZERO_TOTAL = "chart.pie_zero_total"


@dataclass(frozen=True)
class Place:
    """A series or a category in a message: its name, or its position (from 1) without one."""

    name: str
    position: int


class ChartError(ProblemError):
    """The data cannot be drawn as the requested chart; :attr:`problems` says why."""


@dataclass(frozen=True)
class Description:
    """What the automatic description of a chart says, for :class:`Words` to word.

    ``series`` counts the series when the description names them (several, and not a pie),
    else is 0; ``series_names`` are their names, the blank ones left out.
    """

    kind: ChartKind
    categories: int
    series: int
    series_names: tuple[str, ...]
    unit: str


@dataclass(frozen=True)
class Words:
    """What a chart says, in the reader's language, given by the caller.

    ``kind_name`` names a chart type (the title when the editor wrote none),
    ``description`` words a :class:`Description` (the ``<desc>`` when the editor wrote
    none), ``unit_caption`` words the unit line above the plot, and figures are written in
    ``numbers``' style.
    """

    kind_name: Callable[[ChartKind], str]
    description: Callable[[Description], str]
    unit_caption: Callable[[str], str]
    numbers: NumberStyle = VIETNAMESE


def strip_xml_illegal(text: str) -> str:
    """Remove the characters XML 1.0 cannot represent (even escaped), and other controls.

    The app's one rule for control characters (:mod:`wagtail_dangvu.pure.text`), so a chart
    says what the page around it says.
    """
    return remove_control_characters(text)


def _coerce_value(value: object) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"chart values must be Decimal, int, float or None, not {value!r}")
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


@dataclass(frozen=True)
class Series:
    """One named row of figures; ``None`` marks a missing cell.

    Values are normalised to ``Decimal`` (ints and floats are accepted for convenience; a
    float NaN or infinity becomes a non-finite Decimal that :func:`validate` reports).
    """

    name: str
    values: tuple[Decimal | None, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", strip_xml_illegal(self.name))
        object.__setattr__(self, "values", tuple(_coerce_value(v) for v in self.values))


@dataclass(frozen=True)
class ChartData:
    """A table of figures: one column per category, one row per :class:`Series`.

    Text fields are stripped of XML-illegal characters on construction, so what is stored
    here is exactly what the SVG, CSV and table show.
    """

    title: str
    description: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""

    def __post_init__(self) -> None:
        for name in ("title", "description", "unit"):
            object.__setattr__(self, name, strip_xml_illegal(getattr(self, name)))
        object.__setattr__(self, "categories", tuple(strip_xml_illegal(c) for c in self.categories))
        object.__setattr__(self, "series", tuple(self.series))
        for item in self.series:
            if not isinstance(item, Series):
                raise TypeError(f"series must be Series instances, not {item!r}")


# --------------------------------------------------------------------------- validation


def _coerce_kind(kind: ChartKind | str) -> ChartKind:
    try:
        return ChartKind(kind)
    except ValueError:
        raise ChartError(Problem(Code.BAD_KIND, {"kind": str(kind)})) from None


def _place(names: Sequence[str], position: int) -> Place:
    name = names[position] if position < len(names) else ""
    return Place(name if name.strip() else "", position + 1)


def _series_errors(data: ChartData, kind: ChartKind, index: int) -> list[Problem]:
    series = data.series[index]
    place = _place([s.name for s in data.series], index)
    errors = []
    if len(series.values) != len(data.categories):
        errors.append(
            Problem(
                Code.LENGTH_MISMATCH,
                {"series": place, "values": len(series.values), "categories": len(data.categories)},
            )
        )
    cells = list(enumerate(series.values))
    checks: list[tuple[Callable[[Decimal | None], bool], Code]] = [
        (lambda v: v is not None and not v.is_finite(), Code.NOT_FINITE),
        (lambda v: v is not None and v.is_finite() and abs(v) > MAX_ABS_VALUE, Code.TOO_LARGE),
    ]
    if kind is ChartKind.PIE:
        checks += [
            (lambda v: v is None, Code.PIE_MISSING),
            (lambda v: v is not None and v.is_finite() and v < 0, Code.PIE_NEGATIVE),
        ]
    for check, code in checks:
        positions = [p for p, value in cells if check(value)]
        if positions:
            places = tuple(_place(data.categories, p) for p in positions)
            errors.append(Problem(code, {"series": place, "cells": places}))
    return errors


def validate(data: ChartData, kind: ChartKind | str) -> list[Problem]:
    """Return the problems that keep ``data`` from being drawn; empty when fine."""
    try:
        kind = _coerce_kind(kind)
    except ChartError as error:
        return list(error.problems)
    errors = []
    count = len(data.categories)
    limit = MAX_PIE_CATEGORIES if kind is ChartKind.PIE else MAX_CATEGORIES
    if not count:
        errors.append(Problem(Code.NO_CATEGORIES))
    elif count > limit:
        errors.append(
            Problem(Code.TOO_MANY_CATEGORIES, {"kind": kind, "limit": limit, "count": count})
        )
    if not data.series:
        errors.append(Problem(Code.NO_SERIES))
    elif kind is ChartKind.PIE and len(data.series) > 1:
        errors.append(Problem(Code.PIE_SEVERAL_SERIES, {"count": len(data.series)}))
    elif len(data.series) > MAX_SERIES:
        errors.append(
            Problem(Code.TOO_MANY_SERIES, {"limit": MAX_SERIES, "count": len(data.series)})
        )
    for index in range(len(data.series)):
        errors.extend(_series_errors(data, kind, index))
    if kind is ChartKind.PIE and not errors and not any(data.series[0].values):
        errors.append(Problem(Code.PIE_ZERO_TOTAL))
    return errors


# --------------------------------------------------------------------------- geometry

_NICE_MANTISSAS = ((1, 0), (2, 0), (25, -1), (5, 0))


def _decimal(mantissa: int, exponent: int) -> Decimal:
    """Build ``mantissa * 10**exponent`` exactly, whatever the decimal context precision."""
    if exponent >= 0:
        return Decimal(mantissa * 10**exponent)
    return Decimal(f"{mantissa}E{exponent}")


def _nice_step(raw: Fraction) -> tuple[int, int]:
    """Smallest nice step ``m * 10**e >= raw``, as ``(m, e)``; ``2.5`` is ``(25, e - 1)``."""
    exponent = Decimal(raw.numerator).adjusted() - Decimal(raw.denominator).adjusted()
    while Fraction(10) ** exponent > raw:
        exponent -= 1
    while Fraction(10) ** (exponent + 1) <= raw:
        exponent += 1
    for mantissa, shift in _NICE_MANTISSAS:
        if mantissa * Fraction(10) ** (exponent + shift) >= raw:
            return mantissa, exponent + shift
    return 1, exponent + 1


def nice_ticks(minimum: Decimal | int, maximum: Decimal | int, count: int = 5) -> list[Decimal]:
    """Evenly spaced, round axis ticks covering ``[minimum, maximum]``.

    The step is 1, 2, 2.5 or 5 times a power of ten, chosen so there are about ``count``
    intervals (never more than ``count + 2``); every tick is a multiple of the step, so zero
    is a tick whenever the range includes it. At least two ticks are returned, also for an
    empty range. Arithmetic is exact: ticks are ``Decimal`` values such as ``Decimal("0.25")``.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    low, high = sorted((Fraction(Decimal(minimum)), Fraction(Decimal(maximum))))
    if low == high == 0:
        high = Fraction(1)
    span = (high - low) or abs(low)
    mantissa, exponent = _nice_step(span / count)
    step = mantissa * Fraction(10) ** exponent
    first, last = math.floor(low / step), math.ceil(high / step)
    if first == last:
        first, last = first - 1, last + 1
    return [_decimal(k * mantissa, exponent) for k in range(first, last + 1)]


def _tick_decimals(ticks: Sequence[Decimal]) -> int:
    return max(0, -min(int(t.as_tuple().exponent) for t in ticks))


def scale(value: Decimal, domain: tuple[Decimal, Decimal], span: tuple[float, float]) -> float:
    """Map ``value`` linearly from ``domain`` onto the pixel ``span`` (which may run backwards)."""
    low, high = (Fraction(d) for d in domain)
    if high == low:
        return span[0]
    ratio = (Fraction(value) - low) / (high - low)
    return span[0] + float(ratio) * (span[1] - span[0])


def bar_extent(
    value: Decimal, domain: tuple[Decimal, Decimal], span: tuple[float, float]
) -> tuple[float, float]:
    """``(start, length)`` in pixels of a bar drawn from zero to ``value``.

    Both ends are clamped to ``domain``, so the bar always lies inside ``span``.
    """
    low, high = domain

    def clamp(number: Decimal) -> Decimal:
        return min(max(number, low), high)

    zero = scale(clamp(Decimal(0)), domain, span)
    end = scale(clamp(value), domain, span)
    return min(zero, end), abs(end - zero)


def pie_angles(values: Sequence[Decimal]) -> list[tuple[float, float]]:
    """``(start, end)`` angles in radians, clockwise from 12 o'clock, one per value.

    Boundaries are computed from exact cumulative fractions, so the sweeps add up to exactly
    2π and each is proportional to its (non-negative) value.
    """
    total = sum((Fraction(v) for v in values), Fraction(0))
    if total <= 0 or any(v < 0 for v in values):
        raise ValueError("pie values must be non-negative with a positive total")
    angles, cumulative = [], Fraction(0)
    for value in values:
        start = cumulative
        cumulative += Fraction(value)
        angles.append((float(start / total) * math.tau, float(cumulative / total) * math.tau))
    return angles


def pie_percentages(values: Sequence[Decimal], decimals: int = 1) -> list[Decimal]:
    """Shares of the total in percent, rounded so that they add up to exactly 100.

    Uses the largest remainder method: each share is the exact percentage rounded down to
    ``decimals`` places, then the leftover units go to the largest remainders (earlier
    slices win ties). Every result is within one unit of the exact share.
    """
    total = sum((Fraction(v) for v in values), Fraction(0))
    if total <= 0 or any(v < 0 for v in values):
        raise ValueError("pie values must be non-negative with a positive total")
    units = 100 * 10**decimals
    exact = [Fraction(v) * units / total for v in values]
    floors = [math.floor(share) for share in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: floors[i] - exact[i])
    for index in by_remainder[: units - sum(floors)]:
        floors[index] += 1
    return [_decimal(units_, -decimals) for units_ in floors]


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class SeriesStyle:
    """How the series (or pie slice) at a given position is drawn."""

    colour: str
    pattern: str
    marker: str
    dash: str


def series_style(index: int) -> SeriesStyle:
    """Style for the ``index``-th series or slice; the first six differ in every respect."""
    return SeriesStyle(
        colour=PALETTE[index % len(PALETTE)],
        pattern=PATTERNS[index % len(PATTERNS)],
        marker=MARKERS[index % len(MARKERS)],
        dash=DASHES[index % len(DASHES)],
    )


# --------------------------------------------------------------------------- SVG helpers


def _num(number: float) -> str:
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attrs(attributes: dict[str, object]) -> str:
    parts = []
    for name, value in attributes.items():
        if value is None:
            continue
        text = _num(value) if isinstance(value, float | int) else str(value)
        parts.append(f" {name.rstrip('_').replace('_', '-')}={quoteattr(text)}")
    return "".join(parts)


def _el(tag: str, content: str | None = None, **attributes: object) -> str:
    """An element; ``content`` is markup (escape text with :func:`_esc` first)."""
    if content is None:
        return f"<{tag}{_attrs(attributes)}/>"
    return f"<{tag}{_attrs(attributes)}>{content}</{tag}>"


def _esc(text: str) -> str:
    # ``\r`` is escaped because XML parsers would otherwise normalise it to ``\n``.
    return escape(text, {"\r": "&#13;"})


def _text_width(text: str, size: float = _FONT_SIZE) -> float:
    """Rough rendered width; no font metrics on the server, so err on the wide side."""
    return len(text) * size * 0.6


def _clip(text: str, max_chars: int) -> str:
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def _word_wrap(text: str, max_chars: int) -> list[str]:
    """Greedy word wrap; a word longer than ``max_chars`` gets a line of its own."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [text]


def _wrap(text: str, max_chars: int, max_lines: int) -> list[str]:
    """At most ``max_lines`` lines of ``max_chars``; overflow is clipped with an ellipsis."""
    lines = _word_wrap(text, max_chars)
    if len(lines) > max_lines:
        lines[max_lines - 1 :] = [" ".join(lines[max_lines - 1 :])]
    return [_clip(line, max_chars) for line in lines]


def _fits(text: str, max_chars: int, max_lines: int) -> bool:
    lines = _word_wrap(text, max_chars)
    return len(lines) <= max_lines and all(len(line) <= max_chars for line in lines)


def _label(text: str, max_chars: int, max_lines: int = 1, **attributes: object) -> str:
    """A ``<text>`` showing ``text``, wrapped or shortened as needed.

    When what is shown differs from ``text``, the full text becomes a tooltip (``<title>``).
    Wrapped lines are ``<tspan>`` elements centred on ``y``.
    """
    if max_lines == 1:
        lines = [_clip(text, max_chars)]
        content = _esc(lines[0])
    else:
        lines = _wrap(text, max_chars, max_lines)
        x, first = attributes.get("x", 0), -(len(lines) - 1) / 2 * _TSPAN_HEIGHT
        content = "".join(
            _el("tspan", _esc(line), x=x, dy=first if i == 0 else _TSPAN_HEIGHT)
            for i, line in enumerate(lines)
        )
    if " ".join(lines) != text:
        content += _el("title", _esc(text))
    return _el("text", content, **attributes)


def _halo_label(text: str, **attributes: object) -> str:
    """A value label with a white outline so it stays legible over patterns and gridlines."""
    return _el(
        "text",
        _esc(text),
        fill=_TEXT,
        stroke="#ffffff",
        stroke_width=3,
        stroke_linejoin="round",
        paint_order="stroke",
        **attributes,
    )


def _value_text(value: Decimal | None, style: NumberStyle, unit: str = "") -> str:
    if value is None:
        return _MISSING
    return f"{format_number(value, None, style)} {unit}".strip()


_PATTERN_SHAPES = {
    "diagonal": '<path d="M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6" stroke="{c}" stroke-width="2"/>',
    "backdiagonal": '<path d="M-2,6 L2,10 M0,0 L8,8 M6,-2 L10,2" stroke="{c}" stroke-width="2"/>',
    "dots": '<circle cx="2" cy="2" r="1.6" fill="{c}"/><circle cx="6" cy="6" r="1.6" fill="{c}"/>',
    "crosshatch": (
        '<path d="M0,0 L8,8 M8,0 L0,8 M-2,2 L2,-2 M6,10 L10,6 M-2,6 L2,10 M6,-2 L10,2" '
        'stroke="{c}" stroke-width="1.2"/>'
    ),
    "horizontal": '<path d="M0,4 H8" stroke="{c}" stroke-width="2.5"/>',
    "vertical": '<path d="M4,0 V8" stroke="{c}" stroke-width="2.5"/>',
    "grid": '<path d="M0,4 H8 M4,0 V8" stroke="{c}" stroke-width="1.2"/>',
    "checker": '<rect width="4" height="4" fill="{c}"/><rect x="4" y="4" width="4" height="4" '
    'fill="{c}"/>',
    "rings": '<circle cx="4" cy="4" r="2.4" fill="none" stroke="{c}" stroke-width="1.2"/>',
    "zigzag": '<path d="M0,6 L2,2 L4,6 L6,2 L8,6" fill="none" stroke="{c}" stroke-width="1.4"/>',
    "triangles": '<path d="M4,1 L7,7 H1 Z" fill="{c}"/>',
}


def _pattern_def(pattern_id: str, style: SeriesStyle) -> str:
    if style.pattern == "solid":
        shapes = f'<rect width="8" height="8" fill="{style.colour}"/>'
    else:
        shapes = '<rect width="8" height="8" fill="#ffffff"/>' + _PATTERN_SHAPES[
            style.pattern
        ].format(c=style.colour)
    return _el("pattern", shapes, id=pattern_id, width=8, height=8, patternUnits="userSpaceOnUse")


def _marker(shape: str, x: float, y: float, colour: str, size: float = 4.5) -> str:
    common = {"fill": colour, "stroke": "#ffffff", "stroke_width": 1}
    if shape == "circle":
        return _el("circle", cx=x, cy=y, r=size, **common)
    if shape == "square":
        side = size * 1.7
        return _el("rect", x=x - side / 2, y=y - side / 2, width=side, height=side, **common)
    if shape == "cross":
        d = size * 0.9
        path = f"M{_num(x - d)},{_num(y - d)} L{_num(x + d)},{_num(y + d)} "
        path += f"M{_num(x - d)},{_num(y + d)} L{_num(x + d)},{_num(y - d)}"
        return _el("path", d=path, fill="none", stroke=colour, stroke_width=2.5)
    points = {
        "triangle": [(0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
        "triangle-down": [(0, 1.2), (1.1, -0.8), (-1.1, -0.8)],
        "diamond": [(0, -1.3), (1.1, 0), (0, 1.3), (-1.1, 0)],
    }[shape]
    path = "M" + " L".join(f"{_num(x + dx * size)},{_num(y + dy * size)}" for dx, dy in points)
    return _el("path", d=path + " Z", **common)


@dataclass(frozen=True)
class _Canvas:
    """Ids, shared defs and words for one chart."""

    prefix: str
    words: Words

    @property
    def numbers(self) -> NumberStyle:
        return self.words.numbers

    @property
    def title_id(self) -> str:
        return f"{self.prefix}-title"

    @property
    def desc_id(self) -> str:
        return f"{self.prefix}-desc"

    def fill_id(self, index: int) -> str:
        return f"{self.prefix}-fill-{index}"

    def fill(self, index: int) -> str:
        return f"url(#{self.fill_id(index)})"

    def pattern_defs(self, count: int) -> str:
        return "".join(_pattern_def(self.fill_id(i), series_style(i)) for i in range(count))


def _swatch(canvas: _Canvas, index: int, x: float, y: float) -> tuple[str, float]:
    style = series_style(index)
    markup = _el(
        "rect",
        x=x,
        y=y - 7,
        width=14,
        height=14,
        fill=canvas.fill(index),
        stroke=style.colour,
        stroke_width=1.5,
    )
    return markup, 14


def _line_sample(index: int, x: float, y: float) -> tuple[str, float]:
    style = series_style(index)
    line = _el(
        "path",
        d=f"M{_num(x)},{_num(y)} H{_num(x + 28)}",
        stroke=style.colour,
        stroke_width=2.5,
        stroke_dasharray=style.dash or None,
        fill="none",
    )
    return line + _marker(style.marker, x + 14, y, style.colour), 28


_Swatch = Callable[[float, float], tuple[str, float]]


def _legend(entries: Sequence[tuple[_Swatch, str, str]], top: float) -> tuple[str, float]:
    """Lay out ``(swatch, name, suffix)`` entries in rows; return markup and bottom edge.

    Long names are shortened (the full text becomes a tooltip); the suffix, such as a pie
    slice's share, is always shown in full.
    """
    items, x, y = [], float(_MARGIN), top + _LINE_HEIGHT / 2
    for draw, name, suffix in entries:
        shown = _clip(name, 48) + suffix
        width = 28 + 6 + _text_width(shown)
        if x > _MARGIN and x + width > _WIDTH - _MARGIN:
            x, y = float(_MARGIN), y + _LINE_HEIGHT
        swatch, swatch_width = draw(x, y)
        content = _esc(shown)
        if shown != name + suffix:
            content += _el("title", _esc(name + suffix))
        label = _el("text", content, x=x + swatch_width + 6, y=y, dominant_baseline="central")
        items.append(_el("g", swatch + label))
        x += swatch_width + 6 + _text_width(shown) + 18
    markup = _el("g", "".join(items), class_="dangvu-chart-legend", fill=_TEXT)
    return markup, y + _LINE_HEIGHT / 2


def _series_legend(
    data: ChartData, kind: ChartKind, canvas: _Canvas, top: float
) -> tuple[str, float]:
    if len(data.series) == 1 and not data.series[0].name.strip():
        return "", top
    entries = []
    for index, series in enumerate(data.series):
        if kind is ChartKind.LINE:
            draw = partial(_line_sample, index)
        else:
            draw = partial(_swatch, canvas, index)
        entries.append((draw, series.name, ""))
    return _legend(entries, top)


def _unit_caption(data: ChartData, canvas: _Canvas, top: float) -> tuple[str, float]:
    if not data.unit.strip():
        return "", top
    caption = canvas.words.unit_caption(data.unit)
    text = _label(caption, 80, x=_MARGIN, y=top + 14, fill=_TEXT)
    return text, top + _LINE_HEIGHT


def describe(data: ChartData, kind: ChartKind | str) -> Description:
    """What a plain-language summary says (the ``<desc>`` when the editor wrote none)."""
    kind = _coerce_kind(kind)
    several = kind is not ChartKind.PIE and len(data.series) > 1
    return Description(
        kind=kind,
        categories=len(data.categories),
        series=len(data.series) if several else 0,
        series_names=tuple(s.name for s in data.series if s.name.strip()) if several else (),
        unit=data.unit if data.unit.strip() else "",
    )


def _document(
    data: ChartData, kind: ChartKind, canvas: _Canvas, height: float, defs: str, body: str
) -> str:
    words = canvas.words
    title = data.title if data.title.strip() else words.kind_name(kind)
    desc = data.description if data.description.strip() else words.description(describe(data, kind))
    head = _el("title", _esc(title), id=canvas.title_id) + _el(
        "desc", _esc(desc), id=canvas.desc_id
    )
    return _el(
        "svg",
        head + (_el("defs", defs) if defs else "") + body,
        xmlns="http://www.w3.org/2000/svg",
        class_=f"dangvu-chart dangvu-chart--{kind.value}",
        role="img",
        aria_labelledby=f"{canvas.title_id} {canvas.desc_id}",
        viewBox=f"0 0 {_WIDTH} {_num(math.ceil(height))}",
        font_size=_FONT_SIZE,
    )


# --------------------------------------------------------------------------- renderers


def _present(data: ChartData) -> list[Decimal]:
    return [v for s in data.series for v in s.values if v is not None]


def _value_ticks(data: ChartData, zero_based: bool) -> list[Decimal]:
    values = _present(data) or [Decimal(0)]
    low, high = min(values), max(values)
    if zero_based:
        low, high = min(low, Decimal(0)), max(high, Decimal(0))
    return nice_ticks(low, high, 5)


def _tick_labels(ticks: Sequence[Decimal], style: NumberStyle) -> list[str]:
    decimals = _tick_decimals(ticks)
    return [format_number(t, decimals, style) for t in ticks]


def _render_bar(data: ChartData, canvas: _Canvas) -> str:
    legend, top = _series_legend(data, ChartKind.BAR, canvas, _MARGIN)
    unit, top = _unit_caption(data, canvas, top)
    ticks = _value_ticks(data, zero_based=True)
    domain = (ticks[0], ticks[-1])
    label_chars = 28
    label_width = 8 + max(
        _text_width(line) for c in data.categories for line in _wrap(c, label_chars, 2)
    )
    value_width = 8 + min(  # capped so that absurdly long figures cannot squeeze out the plot
        max(_text_width(_value_text(v, canvas.numbers)) for s in data.series for v in s.values), 140
    )
    tick_width = max(_text_width(t) for t in _tick_labels(ticks, canvas.numbers)) / 2
    left = _MARGIN + max(label_width, tick_width)
    if ticks[0] < 0:
        left += value_width  # room for the labels of negative bars
    right = _WIDTH - _MARGIN - max(value_width, tick_width)
    bar_height = 20 if len(data.series) == 1 else 14
    band = len(data.series) * bar_height + 10
    plot_top = top + 8
    plot_bottom = plot_top + band * len(data.categories)
    parts = [legend, unit]
    for tick, text in zip(ticks, _tick_labels(ticks, canvas.numbers), strict=True):
        x = scale(tick, domain, (left, right))
        colour = _AXIS if tick == 0 else _GRID
        parts.append(
            _el(
                "path",
                d=f"M{_num(x)},{_num(plot_top)} V{_num(plot_bottom)}",
                stroke=colour,
                stroke_width=1,
            )
        )
        parts.append(
            _el("text", _esc(text), x=x, y=plot_bottom + 16, text_anchor="middle", fill=_TEXT)
        )
    for position, category in enumerate(data.categories):
        band_top = plot_top + position * band + 5
        group = [
            _label(
                category,
                label_chars,
                2,
                x=left - 8,
                y=band_top + band / 2 - 5,
                text_anchor="end",
                dominant_baseline="central",
                fill=_TEXT,
            )
        ]
        for index, series in enumerate(data.series):
            y = band_top + index * bar_height
            value = series.values[position]
            label_y = y + bar_height / 2
            if value is None:
                group.append(
                    _halo_label(
                        _MISSING,
                        x=scale(Decimal(0), domain, (left, right)) + 4,
                        y=label_y,
                        dominant_baseline="central",
                    )
                )
                continue
            start, length = bar_extent(value, domain, (left, right))
            group.append(
                _el(
                    "rect",
                    x=start,
                    y=y + 1,
                    width=length,
                    height=bar_height - 2,
                    fill=canvas.fill(index),
                    stroke=series_style(index).colour,
                    stroke_width=1.5,
                )
            )
            negative = value < 0
            group.append(
                _halo_label(
                    _value_text(value, canvas.numbers),
                    x=start - 4 if negative else start + length + 4,
                    y=label_y,
                    dominant_baseline="central",
                    text_anchor="end" if negative else "start",
                )
            )
        parts.append(_el("g", "".join(group)))
    body = "".join(parts)
    return _document(
        data,
        ChartKind.BAR,
        canvas,
        plot_bottom + 24 + _MARGIN,
        canvas.pattern_defs(len(data.series)),
        body,
    )


@dataclass(frozen=True)
class _VerticalFrame:
    """Plot area of a column or line chart: categories across, values up."""

    left: float
    right: float
    top: float
    bottom: float
    domain: tuple[Decimal, Decimal]
    count: int

    @property
    def slot(self) -> float:
        return (self.right - self.left) / self.count

    def centre(self, position: int) -> float:
        return self.left + (position + 0.5) * self.slot

    def y(self, value: Decimal) -> float:
        return scale(value, self.domain, (self.bottom, self.top))


_PLOT_HEIGHT = 220
_ROTATION = 40


def _vertical_axes(
    data: ChartData, frame_top: float, ticks: list[Decimal], numbers: NumberStyle
) -> tuple[_VerticalFrame, str, float]:
    """Frame, gridlines, tick and category labels; returns the frame, markup and height."""
    tick_labels = _tick_labels(ticks, numbers)
    left = _MARGIN + max(_text_width(t) for t in tick_labels) + 8
    slot = (_WIDTH - _MARGIN - left) / len(data.categories)
    chars = max(int((slot - 4) / _text_width("x")), 1)
    rotate = not all(_fits(c, chars, 2) for c in data.categories)
    if rotate:
        chars = 20
        overhang = _text_width(_clip(max(data.categories, key=len), chars))
        left = max(left, _MARGIN + overhang * math.cos(math.radians(_ROTATION)) - slot / 2)
    frame = _VerticalFrame(
        left=left,
        right=_WIDTH - _MARGIN,
        top=frame_top,
        bottom=frame_top + _PLOT_HEIGHT,
        domain=(ticks[0], ticks[-1]),
        count=len(data.categories),
    )
    parts = []
    for tick, text in zip(ticks, tick_labels, strict=True):
        y = frame.y(tick)
        parts.append(
            _el(
                "path",
                d=f"M{_num(frame.left)},{_num(y)} H{_num(frame.right)}",
                stroke=_AXIS if tick == 0 else _GRID,
                stroke_width=1,
            )
        )
        parts.append(
            _el(
                "text",
                _esc(text),
                x=frame.left - 6,
                y=y,
                text_anchor="end",
                dominant_baseline="central",
                fill=_TEXT,
            )
        )
    label_y = frame.bottom + 16
    for position, category in enumerate(data.categories):
        x = frame.centre(position)
        if rotate:
            transform = f"rotate(-{_ROTATION} {_num(x)} {_num(label_y)})"
            label = _label(
                category, chars, x=x, y=label_y, fill=_TEXT, text_anchor="end", transform=transform
            )
        else:
            lines = len(_wrap(category, chars, 2))
            y = label_y + (lines - 1) / 2 * _TSPAN_HEIGHT
            label = _label(category, chars, 2, x=x, y=y, fill=_TEXT, text_anchor="middle")
        parts.append(label)
    if rotate:
        longest = max(_text_width(_clip(c, chars)) for c in data.categories)
        label_height = longest * math.sin(math.radians(_ROTATION)) + 20
    else:
        lines = max(len(_wrap(c, chars, 2)) for c in data.categories)
        label_height = 10.0 + lines * _TSPAN_HEIGHT
    return frame, _el("g", "".join(parts), class_="dangvu-chart-axes"), label_height


def _render_column(data: ChartData, canvas: _Canvas) -> str:
    legend, top = _series_legend(data, ChartKind.COLUMN, canvas, _MARGIN)
    unit, top = _unit_caption(data, canvas, top)
    ticks = _value_ticks(data, zero_based=True)
    frame, axes, label_height = _vertical_axes(data, top + 20, ticks, canvas.numbers)
    group_width = frame.slot * 0.8
    bar_width = group_width / len(data.series)
    labels = [_value_text(v, canvas.numbers) for s in data.series for v in s.values]
    show_values = max(_text_width(t) for t in labels) <= bar_width + 4
    parts = [legend, unit, axes]
    for index, series in enumerate(data.series):
        style = series_style(index)
        bars = []
        for position, value in enumerate(series.values):
            x = frame.centre(position) - group_width / 2 + index * bar_width
            if value is not None:
                start, length = bar_extent(value, frame.domain, (frame.bottom, frame.top))
                bars.append(
                    _el(
                        "rect",
                        x=x + 1,
                        y=start,
                        width=max(bar_width - 2, 1.0),
                        height=length,
                        fill=canvas.fill(index),
                        stroke=style.colour,
                        stroke_width=1.5,
                    )
                )
            if show_values:
                if value is None or value >= 0:
                    y = (frame.y(value) if value is not None else frame.y(Decimal(0))) - 5
                else:
                    y = frame.y(value) + 15
                bars.append(
                    _halo_label(
                        _value_text(value, canvas.numbers),
                        x=x + bar_width / 2,
                        y=y,
                        text_anchor="middle",
                    )
                )
        parts.append(_el("g", "".join(bars)))
    height = frame.bottom + label_height + _MARGIN
    defs = canvas.pattern_defs(len(data.series))
    return _document(data, ChartKind.COLUMN, canvas, height, defs, "".join(parts))


def _runs(values: Sequence[Decimal | None]) -> list[list[int]]:
    """Positions of consecutive known values; a missing value ends a run."""
    runs: list[list[int]] = [[]]
    for position, value in enumerate(values):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(position)
    return [run for run in runs if run]


def _line_path(frame: _VerticalFrame, values: Sequence[Decimal | None]) -> str:
    """Path data joining consecutive known values; isolated points only get a marker."""
    subpaths = []
    for run in _runs(values):
        if len(run) > 1:
            points = (f"{_num(frame.centre(p))},{_num(frame.y(values[p]))}" for p in run)
            subpaths.append("M" + " L".join(points))
    return " ".join(subpaths)


def _render_line(data: ChartData, canvas: _Canvas) -> str:
    legend, top = _series_legend(data, ChartKind.LINE, canvas, _MARGIN)
    unit, top = _unit_caption(data, canvas, top)
    ticks = _value_ticks(data, zero_based=False)
    frame, axes, label_height = _vertical_axes(data, top + 12, ticks, canvas.numbers)
    parts = [legend, unit, axes]
    for index, series in enumerate(data.series):
        style = series_style(index)
        path = _line_path(frame, series.values)
        markup = []
        if path:
            markup.append(
                _el(
                    "path",
                    d=path,
                    fill="none",
                    stroke=style.colour,
                    stroke_width=2.5,
                    stroke_dasharray=style.dash or None,
                    stroke_linejoin="round",
                )
            )
        for position, value in enumerate(series.values):
            if value is not None:
                x, y = frame.centre(position), frame.y(value)
                markup.append(_marker(style.marker, x, y, style.colour))
        parts.append(_el("g", "".join(markup)))
    height = frame.bottom + label_height + _MARGIN
    return _document(data, ChartKind.LINE, canvas, height, "", "".join(parts))


def _arc_point(cx: float, cy: float, radius: float, angle: float) -> tuple[float, float]:
    return cx + radius * math.sin(angle), cy - radius * math.cos(angle)


def _slice_path(cx: float, cy: float, radius: float, start: float, end: float) -> str:
    x0, y0 = _arc_point(cx, cy, radius, start)
    x1, y1 = _arc_point(cx, cy, radius, end)
    large = 1 if end - start > math.pi else 0
    return (
        f"M{_num(cx)},{_num(cy)} L{_num(x0)},{_num(y0)} "
        f"A{_num(radius)},{_num(radius)} 0 {large} 1 {_num(x1)},{_num(y1)} Z"
    )


def _render_pie(data: ChartData, canvas: _Canvas) -> str:
    values = [v for v in data.series[0].values if v is not None]  # validated: none missing
    angles = pie_angles(values)
    percentages = pie_percentages(values)
    radius = 120.0
    cx, cy = _WIDTH / 2, _MARGIN + radius + 4
    slices, labels = [], []
    for index, ((start, end), percent) in enumerate(zip(angles, percentages, strict=True)):
        style = {"fill": canvas.fill(index), "stroke": "#333333", "stroke_width": 1.5}
        if end - start >= math.tau - 1e-9:
            slices.append(_el("circle", cx=cx, cy=cy, r=radius, **style))
        elif end > start:
            slices.append(_el("path", d=_slice_path(cx, cy, radius, start, end), **style))
        if end - start >= 0.35:
            x, y = _arc_point(cx, cy, radius * 0.62, (start + end) / 2)
            text = f"{format_number(percent, 1, canvas.numbers)}%"
            labels.append(
                _halo_label(
                    text,
                    x=x,
                    y=y,
                    text_anchor="middle",
                    dominant_baseline="central",
                    font_weight="bold",
                )
            )
    entries = [
        (
            partial(_swatch, canvas, index),
            category,
            f": {format_number(percent, 1, canvas.numbers)}% "
            f"({_value_text(value, canvas.numbers, data.unit)})",
        )
        for index, (category, value, percent) in enumerate(
            zip(data.categories, values, percentages, strict=True)
        )
    ]
    legend, bottom = _legend(entries, cy + radius + 16)
    body = _el("g", "".join(slices)) + _el("g", "".join(labels)) + legend
    defs = canvas.pattern_defs(len(values))
    return _document(data, ChartKind.PIE, canvas, bottom + _MARGIN, defs, body)


_RENDERERS: dict[ChartKind, Callable[[ChartData, _Canvas], str]] = {
    ChartKind.BAR: _render_bar,
    ChartKind.COLUMN: _render_column,
    ChartKind.LINE: _render_line,
    ChartKind.PIE: _render_pie,
}


def render_svg(data: ChartData, kind: ChartKind | str, *, id_prefix: str, words: Words) -> str:
    """Render ``data`` as an accessible inline ``<svg>`` string, saying ``words``.

    ``id_prefix`` keeps ids unique when several charts share a page; it must be an XML name
    (a letter or underscore, then letters, digits, ``-``, ``_`` or ``.``), e.g.
    ``f"chart-{block.id}"``. A bad prefix is a programming error and raises ``ValueError``;
    data that cannot be drawn raises :class:`ChartError` with the messages of
    :func:`validate`.
    """
    if not _XML_NAME.match(id_prefix):
        raise ValueError(f"id_prefix must be an XML name, not {id_prefix!r}")
    chart_kind = _coerce_kind(kind)
    errors = validate(data, chart_kind)
    if errors:
        raise ChartError(errors)
    return _RENDERERS[chart_kind](data, _Canvas(id_prefix, words))


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class TableCell:
    """One figure: ``value`` for machines (``None`` if missing), ``display`` for people."""

    value: Decimal | None
    display: str


@dataclass(frozen=True)
class TableRow:
    """One category of the data table, with a cell per series (in series order)."""

    label: str
    cells: tuple[TableCell, ...]


def table_rows(data: ChartData, numbers: NumberStyle = VIETNAMESE) -> list[TableRow]:
    """Rows for the HTML data table accompanying a chart (column headers: series names).

    Missing cells display as an en dash. Rows and cells follow the data even if it is
    ragged; a short series yields missing cells.
    """
    rows = []
    for position, category in enumerate(data.categories):
        cells = []
        for series in data.series:
            value = series.values[position] if position < len(series.values) else None
            cells.append(TableCell(value=value, display=_value_text(value, numbers)))
        rows.append(TableRow(label=category, cells=tuple(cells)))
    return rows


def _csv_number(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def to_csv(data: ChartData) -> str:
    """The figures as CSV: a header of unit and series names, then one row per category.

    Numbers are plain machine-readable decimals (``3192``, ``95.94``, ``-5``); missing cells
    are empty. Text cells starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return get
    a leading apostrophe so spreadsheets do not evaluate them. Lines end with CRLF
    (RFC 4180); callers serving Excel users may prepend a UTF-8 BOM.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(data.unit), *(neutralise(s.name) for s in data.series)])
    for row in table_rows(data):
        writer.writerow([neutralise(row.label), *(_csv_number(cell.value) for cell in row.cells)])
    return buffer.getvalue()
