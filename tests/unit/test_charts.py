"""Tests for :mod:`wagtail_dangvu.pure.charts`: validation, geometry, SVG safety and accessibility.

The module words nothing: validation gives codes, and a chart's few words come from the
caller (``WORDS`` here; ``tests/integration/test_wording`` checks the real wording).
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wagtail_dangvu.pure.charts import (
    MAX_CATEGORIES,
    MAX_PIE_CATEGORIES,
    MAX_SERIES,
    PALETTE,
    ChartData,
    ChartError,
    ChartKind,
    Code,
    Description,
    Place,
    Series,
    Words,
    bar_extent,
    describe,
    nice_ticks,
    pie_angles,
    pie_percentages,
    render_svg,
    scale,
    series_style,
    strip_xml_illegal,
    table_rows,
    to_csv,
    validate,
)
from wagtail_dangvu.pure.numbers import NumberStyle
from wagtail_dangvu.pure.problems import Problem

D = Decimal
SVG = "{http://www.w3.org/2000/svg}"
ALL_KINDS = list(ChartKind)
HOSTILE = (
    "</title><script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "&amp; &lt;b&gt; &#x3C;",
    "Kiểm tra, giám sát",
    "]]><![CDATA[ x",
    "' onmouseover='alert(1)",
)

# ----------------------------------------------------------------------------- helpers


def make_data(
    *,
    title: str = "Kết quả kiểm tra, giám sát năm 2024",
    description: str = "",
    categories: tuple[str, ...] = ("Kiểm tra", "Giám sát", "Kỷ luật"),
    series: tuple[Series, ...] | None = None,
    unit: str = "cuộc",
) -> ChartData:
    if series is None:
        series = (Series("Năm 2023", (D(14), D("95.94"), D(3192))),)
    return ChartData(title, description, categories, series, unit)


def pie_data(values=(14, 9, 3), categories=("Đạt", "Chưa đạt", "Không xếp loại")) -> ChartData:
    return make_data(categories=categories, series=(Series("Xếp loại", tuple(values)),))


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def tag(element: ET.Element) -> str:
    return element.tag.removeprefix(SVG)


def find_all(root: ET.Element, name: str) -> list[ET.Element]:
    return list(root.iter(SVG + name))


def shown_texts(root: ET.Element) -> set[str]:
    """What each ``<text>`` shows (wrapped lines joined by a space) and each tooltip says."""
    texts = set()
    for element in find_all(root, "text"):
        spans = element.findall(SVG + "tspan")
        if spans:
            texts.add(" ".join(span.text or "" for span in spans))
        else:
            texts.add(element.text or "")
        texts.update(title.text or "" for title in element.findall(SVG + "title"))
    return texts


def all_ids(root: ET.Element) -> list[str]:
    return [element.get("id") for element in root.iter() if element.get("id")]


def assert_safe(root: ET.Element) -> None:
    for element in root.iter():
        assert tag(element).lower() not in {"script", "foreignobject", "style", "image", "a"}
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "href" not in name.lower(), name
            assert "javascript:" not in value.lower()


def contrast_with_white(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


def kind_name(kind: ChartKind) -> str:
    return f"[{kind.value} chart]"


def description(facts: Description) -> str:
    return f"[{facts.kind.value}: {facts.categories}, {facts.series}, {facts.series_names}]"


#: Words a caller gives a chart: recognisable stand-ins, Vietnamese numbers.
WORDS = Words(kind_name=kind_name, description=description, unit_caption="[unit {}]".format)


def render(data: ChartData, kind: ChartKind | str, prefix: str = "chart-1") -> ET.Element:
    root = parse(render_svg(data, kind, id_prefix=prefix, words=WORDS))
    assert_safe(root)
    return root


# ----------------------------------------------------------------------------- data model


def test_series_normalises_numbers_to_decimal():
    series = Series("A", (1, 2.5, D("3.10"), None))
    assert series.values == (D(1), D("2.5"), D("3.10"), None)
    assert all(isinstance(v, Decimal) for v in series.values if v is not None)


@pytest.mark.parametrize("bad", [True, "12", object()])
def test_series_rejects_non_numbers(bad):
    with pytest.raises(TypeError):
        Series("A", (bad,))


def test_chart_data_rejects_non_series():
    with pytest.raises(TypeError):
        ChartData("t", "", ("a",), (("A", (1,)),))  # type: ignore[arg-type]


def test_xml_illegal_characters_are_stripped_on_construction():
    data = ChartData(
        "Báo\x00cáo\x1b\ufffe",
        "mô\ud800tả\x0b",
        ("a\x01b", "\uffffc"),
        (Series("tên\x08", (1, 2)),),
        unit="\x7fcuộc\x85",  # DEL and C1 controls: legal XML, but never text
    )
    assert data.title == "Báocáo"
    assert data.description == "môtả"
    assert data.categories == ("ab", "c")
    assert data.series[0].name == "tên"
    assert data.unit == "cuộc"
    assert strip_xml_illegal("\t\n\r ok \U0001f600") == "\t\n\r ok \U0001f600"


# ----------------------------------------------------------------------------- validation


def test_valid_data_has_no_errors_for_every_kind():
    for kind in ALL_KINDS:
        assert validate(make_data(), kind) == []


def test_no_categories_and_no_series():
    errors = validate(make_data(categories=(), series=()), ChartKind.BAR)
    assert errors == [Problem(Code.NO_CATEGORIES), Problem(Code.NO_SERIES)]


def test_ragged_rows_are_reported_with_the_series_name():
    data = make_data(series=(Series("Năm 2023", (1, 2)), Series("", (1, 2, 3))))
    (error,) = validate(data, "column")
    assert error == Problem(
        Code.LENGTH_MISMATCH, {"series": Place("Năm 2023", 1), "values": 2, "categories": 3}
    )


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity"), D("-Infinity"), D("sNaN"), math.nan])
def test_non_finite_values_are_reported_with_the_cell(bad):
    data = make_data(series=(Series("S", (1, bad, 3)),))
    (error,) = validate(data, ChartKind.LINE)
    assert error == Problem(
        Code.NOT_FINITE, {"series": Place("S", 1), "cells": (Place("Giám sát", 2),)}
    )


def test_unnamed_series_and_cells_are_told_by_their_position():
    data = make_data(
        categories=("A", " ", "C"), series=(Series("A", (1, 2, 3)), Series(" ", (1, D("NaN"), 3)))
    )
    (error,) = validate(data, "bar")
    assert error.params == {"series": Place("", 2), "cells": (Place("", 2),)}


def test_implausibly_large_values_are_rejected():
    data = make_data(series=(Series("S", (1, D("1e16"), D("-1e17"))),))
    (error,) = validate(data, "bar")
    assert error.code == Code.TOO_LARGE
    assert error.params["cells"] == (Place("Giám sát", 2), Place("Kỷ luật", 3))
    assert validate(make_data(series=(Series("S", (1, D("1e15"), 3)),)), "bar") == []


def test_negative_values_are_fine_in_bars_but_not_in_a_pie():
    data = pie_data(values=(5, -2, 3))
    assert validate(data, "bar") == []
    (error,) = validate(data, "pie")
    assert error == Problem(
        Code.PIE_NEGATIVE, {"series": Place("Xếp loại", 1), "cells": (Place("Chưa đạt", 2),)}
    )


def test_pie_takes_exactly_one_series():
    data = make_data(series=(Series("A", (1, 2, 3)), Series("B", (1, 2, 3))))
    assert validate(data, "column") == []
    assert validate(data, "pie") == [Problem(Code.PIE_SEVERAL_SERIES, {"count": 2})]


def test_pie_needs_every_cell():
    (error,) = validate(pie_data(values=(1, None, 3)), "pie")
    assert (error.code, error.params["cells"]) == (Code.PIE_MISSING, (Place("Chưa đạt", 2),))


def test_pie_with_zero_total():
    assert validate(pie_data(values=(0, 0, 0)), "pie") == [Problem(Code.PIE_ZERO_TOTAL)]


def test_too_many_series():
    series = tuple(Series(f"S{i}", (1, 2, 3)) for i in range(MAX_SERIES + 1))
    assert validate(make_data(series=series[:-1]), "line") == []
    assert validate(make_data(series=series), "line") == [
        Problem(Code.TOO_MANY_SERIES, {"limit": MAX_SERIES, "count": MAX_SERIES + 1})
    ]


@pytest.mark.parametrize(
    ("kind", "limit"),
    [
        ("bar", MAX_CATEGORIES),
        ("column", MAX_CATEGORIES),
        ("line", MAX_CATEGORIES),
        ("pie", MAX_PIE_CATEGORIES),
    ],
)
def test_too_many_categories(kind, limit):
    def data(count):
        categories = tuple(f"Chi bộ {i}" for i in range(count))
        return make_data(categories=categories, series=(Series("S", (1,) * count),))

    assert validate(data(limit), kind) == []
    assert validate(data(limit + 1), kind) == [
        Problem(
            Code.TOO_MANY_CATEGORIES, {"kind": ChartKind(kind), "limit": limit, "count": limit + 1}
        )
    ]


def test_unknown_kind_is_a_problem_not_a_crash():
    assert validate(make_data(), "donut") == [Problem(Code.BAD_KIND, {"kind": "donut"})]
    with pytest.raises(ChartError):
        render_svg(make_data(), "donut", id_prefix="c", words=WORDS)


def test_render_raises_chart_error_with_the_validation_problems():
    data = pie_data(values=(1, -1, None))
    with pytest.raises(ChartError) as caught:
        render_svg(data, "pie", id_prefix="c", words=WORDS)
    assert isinstance(caught.value, ValueError)
    assert list(caught.value.problems) == validate(data, "pie")
    assert [p.code for p in caught.value.problems] == [Code.PIE_MISSING, Code.PIE_NEGATIVE]


@pytest.mark.parametrize("prefix", ["", "1chart", "a b", 'x"y', "c<1>"])
def test_id_prefix_must_be_an_xml_name(prefix):
    with pytest.raises(ValueError) as caught:
        render_svg(make_data(), "bar", id_prefix=prefix, words=WORDS)
    assert not isinstance(caught.value, ChartError)  # a programming error, not bad data


# ----------------------------------------------------------------------------- nice ticks


def test_nice_ticks_examples():
    assert nice_ticks(0, 3327) == [D(0), D(1000), D(2000), D(3000), D(4000)]
    assert nice_ticks(0, 115) == [D(v) for v in (0, 25, 50, 75, 100, 125)]
    assert nice_ticks(0, D("0.9")) == [D(v) / 5 for v in range(6)]
    assert nice_ticks(-5, D("2.5")) == [D(v) for v in (-6, -4, -2, 0, 2, 4)]
    assert nice_ticks(0, 0) == [D(v) / 5 for v in range(6)]
    assert nice_ticks(5, 5) == [D(4), D(5), D(6)]
    assert nice_ticks(100, 0) == nice_ticks(0, 100)


def test_nice_ticks_rejects_a_bad_count():
    with pytest.raises(ValueError):
        nice_ticks(0, 1, 0)


bounded_decimals = st.decimals(
    min_value=D("-1e12"), max_value=D("1e12"), allow_nan=False, allow_infinity=False, places=4
)


@given(bounded_decimals, bounded_decimals, st.integers(min_value=1, max_value=12))
def test_nice_ticks_properties(a, b, count):
    low, high = min(a, b), max(a, b)
    ticks = nice_ticks(low, high, count)
    assert len(ticks) >= 2
    assert ticks[0] <= low and ticks[-1] >= high
    steps = {second - first for first, second in itertools.pairwise(ticks)}
    assert len(steps) == 1
    (step,) = steps
    assert step > 0
    mantissa = step.scaleb(-step.adjusted()).normalize()
    assert mantissa in {D(1), D(2), D("2.5"), D(5)}
    assert all(tick % step == 0 for tick in ticks)
    if low < high:
        assert len(ticks) - 1 <= count + 2
    if low <= 0 <= high:
        assert D(0) in ticks


# ----------------------------------------------------------------------------- geometry

positive = st.decimals(min_value=D("0.01"), max_value=D("1e9"), places=2)
non_negative = st.decimals(min_value=D(0), max_value=D("1e9"), places=2)
spans = st.tuples(
    st.floats(min_value=0, max_value=500), st.floats(min_value=10, max_value=1000)
).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(non_negative, min_size=1, max_size=24), spans)
def test_bar_lengths_are_proportional_and_inside_the_plot(values, span):
    ticks = nice_ticks(0, max(values))
    domain = (ticks[0], ticks[-1])
    length = span[1] - span[0]
    for value in values:
        start, bar = bar_extent(value, domain, span)
        assert start == pytest.approx(span[0])
        assert span[0] - 1e-9 <= start and start + bar <= span[1] + 1e-9
        assert bar == pytest.approx(float(value / domain[1]) * length, abs=1e-6)


@given(st.lists(bounded_decimals, min_size=1, max_size=24), spans)
def test_bars_with_negative_values_stay_inside_the_plot(values, span):
    ticks = nice_ticks(min(min(values), 0), max(max(values), 0))
    domain = (ticks[0], ticks[-1])
    zero = scale(D(0), domain, span)
    for value in values:
        start, bar = bar_extent(value, domain, span)
        assert bar >= 0
        assert span[0] - 1e-6 <= start and start + bar <= span[1] + 1e-6
        assert (start == pytest.approx(zero)) or (start + bar == pytest.approx(zero))


def test_bar_extent_clamps_values_outside_the_domain():
    assert bar_extent(D(50), (D(0), D(10)), (0.0, 100.0)) == (0.0, 100.0)
    assert bar_extent(D(-5), (D(0), D(10)), (0.0, 100.0)) == (0.0, 0.0)


def test_scale_runs_backwards_for_screen_y():
    assert scale(D(0), (D(0), D(10)), (200.0, 0.0)) == 200.0
    assert scale(D(10), (D(0), D(10)), (200.0, 0.0)) == 0.0
    assert scale(D(5), (D(5), D(5)), (3.0, 7.0)) == 3.0


@given(st.lists(non_negative, min_size=1, max_size=12).filter(any))
def test_pie_angles_sum_to_a_full_turn_and_are_proportional(values):
    angles = pie_angles(values)
    total = sum(values)
    assert angles[0][0] == 0
    assert angles[-1][1] == pytest.approx(math.tau, abs=1e-12)
    assert sum(end - start for start, end in angles) == pytest.approx(math.tau, abs=1e-9)
    for (start, end), value in zip(angles, values, strict=True):
        assert end >= start
        assert end - start == pytest.approx(math.tau * float(value / total), abs=1e-9)
    for (_, end), (start, _) in itertools.pairwise(angles):
        assert end == start


@pytest.mark.parametrize("values", [[], [D(0)], [D(1), D(-1), D(5)]])
def test_pie_angles_reject_impossible_pies(values):
    with pytest.raises(ValueError):
        pie_angles(values)
    with pytest.raises(ValueError):
        pie_percentages(values)


def test_pie_percentages_add_up_to_exactly_100():
    assert pie_percentages([D(14), D(9), D(3)]) == [D("53.9"), D("34.6"), D("11.5")]
    assert pie_percentages([D(1), D(1), D(1)]) == [D("33.4"), D("33.3"), D("33.3")]
    assert pie_percentages([D(1), D(0)], decimals=0) == [D(100), D(0)]


@given(st.lists(non_negative, min_size=1, max_size=12).filter(any), st.integers(0, 3))
def test_pie_percentages_properties(values, decimals):
    percentages = pie_percentages(values, decimals)
    unit = Fraction(1, 10**decimals)
    assert sum(percentages) == 100
    total = sum(values)
    for percent, value in zip(percentages, values, strict=True):
        exact = Fraction(value) * 100 / Fraction(total)
        assert abs(Fraction(percent) - exact) < unit
        assert -percent.as_tuple().exponent == decimals or percent == 0
        if value == 0:
            assert percent == 0


# ----------------------------------------------------------------------------- SVG structure


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_svg_is_labelled_by_its_title_and_description(kind):
    root = render(make_data(description="Tăng 14 cuộc so với năm trước."), kind, "muc-3")
    assert tag(root) == "svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "muc-3-title muc-3-desc"
    first, second = list(root)[:2]
    assert (tag(first), first.get("id"), first.text) == (
        "title",
        "muc-3-title",
        "Kết quả kiểm tra, giám sát năm 2024",
    )
    assert (tag(second), second.get("id"), second.text) == (
        "desc",
        "muc-3-desc",
        "Tăng 14 cuộc so với năm trước.",
    )
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox"))
    assert root.get("class").split() == ["dangvu-chart", f"dangvu-chart--{kind}"]


def test_blank_title_and_description_get_fallbacks():
    data = make_data(
        title=" ",
        series=(Series("Năm 2023", (1, 2, 3)), Series("Năm 2024", (2, 3, 4))),
    )
    root = render(data, "column")
    assert find_all(root, "title")[0].text == "[column chart]"
    desc = find_all(root, "desc")[0].text
    assert describe(data, "column") == Description(
        kind=ChartKind.COLUMN,
        categories=3,
        series=2,
        series_names=("Năm 2023", "Năm 2024"),
        unit="cuộc",
    )
    assert desc == "[column: 3, 2, ('Năm 2023', 'Năm 2024')]"


@pytest.mark.parametrize(
    ("kind", "series", "expected"),
    [
        ("pie", (Series("Năm 2023", (1, 2, 3)),), (0, ())),  # a pie has one series: not told
        ("bar", (Series("Năm 2023", (1, 2, 3)),), (0, ())),  # one series: not told
        ("line", (Series("A", (1, 2, 3)), Series(" ", (1, 2, 3))), (2, ("A",))),
        ("line", (Series("", (1, 2, 3)), Series(" ", (1, 2, 3))), (2, ())),
    ],
)
def test_the_description_counts_series_only_when_several_are_drawn(kind, series, expected):
    facts = describe(make_data(series=series, unit=" "), kind)
    assert (facts.series, facts.series_names) == expected
    assert facts.unit == ""


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_ids_are_unique_and_every_reference_resolves(kind):
    data = make_data(series=(Series("A", (1, 2, 3)),))
    if kind is not ChartKind.PIE:
        data = make_data(series=tuple(Series(f"S{i}", (1, 2, 3)) for i in range(MAX_SERIES)))
    first, second = render(data, kind, "a-1"), render(data, kind, "a-2")
    ids_first, ids_second = all_ids(first), all_ids(second)
    assert len(ids_first) == len(set(ids_first))
    assert not set(ids_first) & set(ids_second)
    assert all(i.startswith("a-1-") for i in ids_first)
    references = {
        match
        for element in first.iter()
        for value in element.attrib.values()
        for match in re.findall(r"url\(#([^)]+)\)", value)
    }
    assert references <= set(ids_first)


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_no_script_styles_or_external_resources(kind):
    data = pie_data() if kind is ChartKind.PIE else make_data()
    svg = render_svg(data, kind, id_prefix="c", words=WORDS)
    assert "<script" not in svg and "<style" not in svg
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]
    classes = {c for e in parse(svg).iter() for c in (e.get("class") or "").split()}
    assert classes and all(c.startswith("dangvu-chart") for c in classes)


def test_palette_contrast_against_white():
    assert all(contrast_with_white(colour) >= 4.5 for colour in PALETTE)


def test_series_styles_differ_in_every_channel():
    styles = [series_style(i) for i in range(MAX_SERIES)]
    for channel in ("colour", "pattern", "marker", "dash"):
        assert len({getattr(s, channel) for s in styles}) == MAX_SERIES
    patterns = {series_style(i).pattern for i in range(MAX_PIE_CATEGORIES)}
    assert len(patterns) == MAX_PIE_CATEGORIES


@pytest.mark.parametrize("kind", [ChartKind.BAR, ChartKind.COLUMN])
def test_bars_use_one_distinct_pattern_per_series(kind):
    series = tuple(Series(f"Năm {2019 + i}", (1, 2, 3)) for i in range(MAX_SERIES))
    root = render(make_data(series=series), kind, "c")
    patterns = find_all(root, "pattern")
    assert len(patterns) == MAX_SERIES
    bodies = {ET.tostring(p).decode().split(">", 1)[1] for p in patterns}
    assert len(bodies) == MAX_SERIES  # visually different, not just differently named
    fills = [r.get("fill") for r in find_all(root, "rect") if "url(" in (r.get("fill") or "")]
    # three bars per series plus one legend swatch
    for index in range(MAX_SERIES):
        assert fills.count(f"url(#c-fill-{index})") == 3 + 1
    assert {f"Năm {2019 + i}" for i in range(MAX_SERIES)} <= shown_texts(root)


def test_bar_chart_labels_values_vietnamese_style():
    root = render(make_data(), "bar")
    texts = shown_texts(root)
    assert {"14", "95,94", "3.192"} <= texts
    assert {"0", "1.000", "2.000", "3.000", "4.000"} <= texts  # axis ticks
    assert "[unit cuộc]" in texts


def test_decimal_ticks_keep_a_constant_number_of_places():
    data = make_data(series=(Series("Tỉ lệ", (D("0.25"), D("0.5"), D("0.9"))),))
    texts = shown_texts(render(data, "column"))
    assert {"0,0", "0,2", "0,4", "0,6", "0,8", "1,0"} <= texts


def test_missing_values_are_marked_not_drawn_as_zero():
    data = make_data(series=(Series("S", (D(14), None, D(0))),))
    root = render(data, "bar")
    assert "\u2013" in shown_texts(root)
    bars = [r for r in find_all(root, "rect") if r.get("fill") == "url(#chart-1-fill-0)"]
    assert len(bars) == 2 + 1  # 14 and 0 (the missing cell has none) and the legend swatch


def data_lines(root: ET.Element, colour: str) -> list[ET.Element]:
    """The series' line paths, leaving out its legend sample (a horizontal ``H`` segment)."""
    return [
        p for p in find_all(root, "path") if p.get("stroke") == colour and "H" not in p.get("d")
    ]


def test_line_chart_breaks_at_missing_values_and_marks_points():
    data = make_data(
        categories=("Q1", "Q2", "Q3", "Q4", "Q5"),
        series=(
            Series("Đảng viên mới", (D(3), D(4), None, D(6), D(4))),
            Series("Chuyển sinh hoạt", (D(1), None, D(2), None, D(3))),
        ),
    )
    root = render(data, "line")
    (first,) = data_lines(root, PALETTE[0])
    assert first.get("d").count("M") == 2  # two pieces: Q1-Q2 and Q4-Q5
    assert first.get("d").count("L") == 2
    assert first.get("stroke-dasharray") is None
    assert data_lines(root, PALETTE[1]) == []  # no two neighbours are known: markers only
    assert len(find_all(root, "circle")) == 4 + 1  # four points and the legend sample
    squares = [r for r in find_all(root, "rect") if r.get("fill") == PALETTE[1]]
    assert len(squares) == 3 + 1
    (sample,) = [p for p in find_all(root, "path") if p.get("stroke") == PALETTE[1]]
    assert sample.get("stroke-dasharray")  # the second series is dashed


def test_isolated_points_are_markers_without_a_line():
    data = make_data(series=(Series("S", (D(1), None, D(2))),))
    root = render(data, "line")
    assert data_lines(root, PALETTE[0]) == []
    assert len(find_all(root, "circle")) == 2 + 1


def test_pie_shows_shares_that_add_up_to_100():
    root = render(pie_data(), "pie")
    texts = shown_texts(root)
    assert {"53,9%", "34,6%", "11,5%"} <= texts
    assert "Đạt: 53,9% (14 cuộc)" in texts
    assert "Không xếp loại: 11,5% (3 cuộc)" in texts
    assert len(find_all(root, "pattern")) == 3


def test_pie_with_a_single_non_zero_slice_is_a_full_circle():
    root = render(pie_data(values=(0, 7, 0)), "pie")
    circles = [c for c in find_all(root, "circle") if c.get("r") == "120"]
    assert len(circles) == 1
    assert circles[0].get("fill") == "url(#chart-1-fill-1)"
    assert "Đạt: 0,0% (0 cuộc)" in shown_texts(root)


def test_long_labels_are_shortened_with_the_full_text_as_tooltip():
    long_name = "Ban Tuyên giáo và Dân vận Huyện ủy " * 3
    data = make_data(
        categories=(long_name, "Ngắn", "Hai từ"),
        series=(Series(long_name, (1, 2, 3)), Series("B", (1, 2, 3))),
    )
    for kind in ("bar", "column", "line"):
        root = render(data, kind)
        tooltips = [t.text for t in find_all(root, "title")[1:]]
        assert tooltips.count(long_name) == 2  # the category label and the legend entry


# ----------------------------------------------------------------------------- escaping


@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_strings_are_escaped_and_round_trip(kind, hostile):
    data = ChartData(
        title=hostile,
        description=hostile + " (mô tả)",
        categories=(hostile, "Giám sát"),
        series=(Series(hostile, (D(3), D(4))),),
        unit=hostile,
    )
    svg = render_svg(data, kind, id_prefix="x", words=WORDS)
    root = parse(svg)
    assert_safe(root)
    assert find_all(root, "title")[0].text == hostile
    assert find_all(root, "desc")[0].text == hostile + " (mô tả)"
    texts = shown_texts(root)
    if kind is ChartKind.PIE:
        assert f"{hostile}: 42,9% (3 {hostile})" in texts
    else:
        assert {hostile, f"[unit {hostile}]"} <= texts
    assert "<script" not in svg
    assert "<svg onload" not in svg


def test_carriage_returns_survive_the_round_trip():
    data = make_data(title="Dòng 1\r\nDòng 2\r", description="a\rb")
    root = render(data, "bar")
    assert find_all(root, "title")[0].text == "Dòng 1\r\nDòng 2\r"
    assert find_all(root, "desc")[0].text == "a\rb"


xml_text = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"),
    max_size=40,
)
any_text = st.text(st.characters(exclude_categories=()), max_size=40)
values = st.one_of(st.none(), st.decimals(min_value=D(0), max_value=D("1e6"), places=2))


@st.composite
def chart_inputs(draw, text=xml_text):
    kind = draw(st.sampled_from(ALL_KINDS))
    limit = MAX_PIE_CATEGORIES if kind is ChartKind.PIE else MAX_CATEGORIES
    categories = tuple(draw(st.lists(text, min_size=1, max_size=limit)))
    series_count = 1 if kind is ChartKind.PIE else draw(st.integers(1, MAX_SERIES))
    if kind is ChartKind.PIE:
        cells = st.decimals(min_value=D(1), max_value=D("1e6"), places=2)
    else:
        cells = values
    series = tuple(
        Series(draw(text), tuple(draw(cells) for _ in categories)) for _ in range(series_count)
    )
    data = ChartData(draw(text), draw(text), categories, series, draw(text))
    return data, kind


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(chart_inputs())
def test_any_xml_text_renders_well_formed_and_round_trips(inputs):
    data, kind = inputs
    root = render(data, kind, "p")
    title, desc = find_all(root, "title")[0], find_all(root, "desc")[0]
    assert (title.text or "") == (data.title if data.title.strip() else kind_name(kind))
    if data.description.strip():
        assert (desc.text or "") == data.description
    else:
        assert desc.text == description(describe(data, kind))
    texts = shown_texts(root)
    for category in data.categories:
        if kind is ChartKind.PIE:
            prefix = f"{category}: "
            assert any(t.startswith(prefix) for t in texts)
        else:
            assert category in texts
    if kind is not ChartKind.PIE and (len(data.series) > 1 or data.series[0].name.strip()):
        assert {s.name for s in data.series} <= texts
    if kind is not ChartKind.PIE and data.unit.strip():
        assert f"[unit {data.unit}]" in texts


@FAST
@given(chart_inputs(text=any_text))
def test_control_characters_and_surrogates_are_stripped_not_fatal(inputs):
    data, kind = inputs
    svg = render_svg(data, kind, id_prefix="p", words=WORDS)
    parse(svg)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", svg)


# ----------------------------------------------------------------------------- table and CSV


def test_table_rows_give_raw_and_formatted_values():
    data = make_data(series=(Series("A", (D(3192), None, D("95.94"))), Series("B", (1, 2, 3))))
    rows = table_rows(data)
    assert [row.label for row in rows] == ["Kiểm tra", "Giám sát", "Kỷ luật"]
    first = rows[0].cells
    assert (first[0].value, first[0].display) == (D(3192), "3.192")
    assert (rows[1].cells[0].value, rows[1].cells[0].display) == (None, "\u2013")
    assert rows[2].cells[0].display == "95,94"
    assert [cell.display for cell in rows[2].cells] == ["95,94", "3"]


def test_figures_are_written_in_the_callers_style():
    english = NumberStyle(thousands=",", decimal=".")
    data = make_data(series=(Series("A", (D(3192), None, D("95.94"))),))
    assert [row.cells[0].display for row in table_rows(data, english)] == [
        "3,192",
        "\u2013",
        "95.94",
    ]
    root = parse(
        render_svg(pie_data(), "pie", id_prefix="p", words=replace(WORDS, numbers=english))
    )
    assert {"53.9%", "Đạt: 53.9% (14 cuộc)"} <= shown_texts(root)
    root = parse(render_svg(data, "column", id_prefix="c", words=replace(WORDS, numbers=english)))
    assert {"3,192", "95.94"} <= shown_texts(root)


def test_table_rows_tolerate_ragged_data():
    data = make_data(series=(Series("A", (1,)),))
    assert [row.cells[0].value for row in table_rows(data)] == [D(1), None, None]


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_is_machine_readable():
    data = make_data(
        series=(Series("Năm 2023", (D(3192), D("95.94"), None)), Series("Năm 2024", (1, 2, -5)))
    )
    assert read_csv(to_csv(data)) == [
        ["cuộc", "Năm 2023", "Năm 2024"],
        ["Kiểm tra", "3192", "1"],
        ["Giám sát", "95.94", "2"],
        ["Kỷ luật", "", "-5"],
    ]
    assert to_csv(data).endswith("\r\n")
    assert read_csv(to_csv(make_data(unit="")))[0][0] == ""


def test_csv_writes_numbers_without_exponents():
    data = make_data(series=(Series("A", (D("1E+3"), D("1.50"), D("-0.001"))),))
    assert [row[1] for row in read_csv(to_csv(data))[1:]] == ["1000", "1.50", "-0.001"]


@pytest.mark.parametrize("text", ["=SUM(A1:A9)", "+84 912", "-1", "@cmd", "\tx", "\r=1"])
def test_csv_defuses_formulas_in_text_cells(text):
    data = make_data(categories=(text, "b", "c"), series=(Series(text, (1, 2, 3)),), unit=text)
    rows = read_csv(to_csv(data))
    assert rows[0] == ["'" + text, "'" + text]
    assert rows[1][0] == "'" + text


@given(xml_text, st.decimals(min_value=D("-1e9"), max_value=D("1e9"), places=3))
def test_csv_round_trips_text_and_numbers(text, value):
    data = make_data(categories=(text,), series=(Series(text, (value,)),), unit="")
    header, row = read_csv(to_csv(data))
    expected = "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text
    assert header == ["", expected]
    assert row[0] == expected
    assert D(row[1]) == value
