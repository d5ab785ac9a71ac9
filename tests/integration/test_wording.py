"""The pure modules' codes, worded in the reader's language (wagtail_dangvu.wording).

The Vietnamese wording is exactly what the pure modules wrote before they returned codes;
the English is new. Pages and the admin follow the active language: an English page's
chart describes itself in English, an English editor reads English messages.
"""

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.test.utils.form_data import streamfield
from wagtail.users.models import UserProfile

from tests.factories import make_report, make_report_index, report_form_data, statistic
from wagtail_dangvu import wording
from wagtail_dangvu.models import PartyDocument
from wagtail_dangvu.pure import charts, dates, numbers, symbols
from wagtail_dangvu.pure.dates import parse_vi_datetime, vi_dateline, vi_time
from wagtail_dangvu.pure.numbers import vi_count, vi_number, vi_percent
from wagtail_dangvu.pure.problems import Problem
from wagtail_dangvu.templatetags.dangvu import number as number_filter

D = Decimal


def symbol_problems(text):
    try:
        return list(symbols.parse_symbol(text).warnings)
    except symbols.InvalidSymbol as error:
        return list(error.problems)


def construct_problems(*args, **kwargs):
    with pytest.raises(symbols.InvalidSymbol) as caught:
        symbols.DocumentSymbol(*args, **kwargs)
    return list(caught.value.problems)


def format_problems(function, *args):
    with pytest.raises((numbers.FormatError, dates.DateError)) as caught:
        function(*args)
    return list(caught.value.problems)


def chart_data(categories=("Kiểm tra", "Giám sát", "Kỷ luật"), series=None, unit="cuộc"):
    if series is None:
        series = (charts.Series("Năm 2023", (1, 2, 3)),)
    return charts.ChartData("T", "", categories, series, unit)


S = charts.Series
CHARTS = {
    "no_categories": (chart_data(categories=()), "bar"),
    "nothing": (chart_data(categories=(), series=()), "bar"),
    "bad_kind": (chart_data(), "donut"),
    "too_many_categories": (
        chart_data(categories=tuple(f"Chi bộ {i}" for i in range(25)), series=(S("S", (1,) * 25),)),
        "column",
    ),
    "pie_several": (chart_data(series=(S("A", (1, 2, 3)), S("B", (1, 2, 3)))), "pie"),
    "too_many_series": (
        chart_data(series=tuple(S(f"S{i}", (1, 2, 3)) for i in range(7))),
        "line",
    ),
    "mismatch": (chart_data(series=(S("Năm 2023", (1, 2)),)), "column"),
    "mismatch_one": (chart_data(categories=("A",), series=(S("", (1, 2)),)), "column"),
    "not_finite": (chart_data(series=(S("S", (1, D("NaN"), D("Infinity"))),)), "line"),
    "too_large": (chart_data(series=(S("", (1, D("1e16"), 3)),)), "bar"),
    "pie_missing_negative": (
        chart_data(categories=("Đạt", " ", "C"), series=(S("Xếp loại", (1, None, -3)),)),
        "pie",
    ),
    "pie_zero": (chart_data(series=(S("Xếp loại", (0, 0, 0)),)), "pie"),
}


def chart_problems(name):
    data, kind = CHARTS[name]
    return charts.validate(data, kind)


# (the problems, in Vietnamese as the pure modules wrote them before, in English)
CASES = [
    (
        symbol_problems(""),
        ["Chưa nhập số và ký hiệu văn bản."],
        ["Enter the document's number and symbol."],
    ),
    (
        symbol_problems("QĐ-Ttg"),
        ["Thiếu số văn bản: “QĐ-Ttg”."],
        ["The document number is missing: “QĐ-Ttg”."],
    ),
    (
        symbol_problems("Kết luận số 21"),
        [
            "Thiếu ký hiệu văn bản (loại văn bản và cơ quan ban hành, ví dụ 21-KL/TW): “Kết luận "
            "số 21”."
        ],
        [
            "The symbol is missing (the document type and the issuing body, e.g. 21-KL/TW): “Kết "
            "luận số 21”."
        ],
    ),
    (
        symbol_problems("25/10/2021"),
        ["“25/10/2021” là ngày tháng, không phải số và ký hiệu văn bản."],
        ["“25/10/2021” is a date, not a document number and symbol."],
    ),
    (
        symbol_problems("0-KL/TW"),
        ["Số văn bản phải lớn hơn 0: “0-KL/TW”."],
        ["The document number must be greater than 0: “0-KL/TW”."],
    ),
    (
        symbol_problems("21-KL/TW ngày 25/10/2021"),
        [
            "Không nhận ra ký hiệu văn bản: “21-KL/TW ngày 25/10/2021” (thừa “ngày 25/10/2021” ở "
            "cuối)."
        ],
        [
            "Not a document symbol: “21-KL/TW ngày 25/10/2021” (“ngày 25/10/2021” after it is not "
            "part of it)."
        ],
    ),
    (
        symbol_problems("Tỉnh ủy 21-KL/TW"),
        ["Không nhận ra ký hiệu văn bản: “Tỉnh ủy 21-KL/TW” (thừa “Tỉnh ủy” ở đầu)."],
        ["Not a document symbol: “Tỉnh ủy 21-KL/TW” (“Tỉnh ủy” before it is not part of it)."],
    ),
    (
        symbol_problems("19/WHO"),
        [
            "Không nhận ra ký hiệu văn bản: “19/WHO” (văn bản Nhà nước ghi số/LOẠI-CƠ QUAN, ví dụ "
            "1034/QĐ-TTg)."
        ],
        [
            "Not a document symbol: “19/WHO” (State documents are written number/TYPE-BODY, e.g. "
            "1034/QĐ-TTg)."
        ],
    ),
    (
        symbol_problems("21-KL/TW/2021"),
        ["Không nhận ra ký hiệu văn bản: “21-KL/TW/2021”."],
        ["Not a document symbol: “21-KL/TW/2021”."],
    ),
    (
        construct_problems(0, "KL", "TW"),
        ["Số văn bản phải từ 1 đến 999999, không phải 0."],
        ["The document number must be from 1 to 999999, not 0."],
    ),
    (
        construct_problems(21, "K L", "TW"),
        ["Loại văn bản không hợp lệ: “K L”."],
        ["Invalid document type: “K L”."],
    ),
    (
        construct_problems(21, "KL", "T1"),
        ["Cơ quan ban hành không hợp lệ: “T1”."],
        ["Invalid issuing body: “T1”."],
    ),
    (
        construct_problems(21, "KL", "TW", year=2021),
        ["Ký hiệu văn bản của Đảng không ghi năm."],
        ["A Party document's symbol carries no year."],
    ),
    (
        construct_problems(21, "QĐ 1", "", system="state"),
        ["Ký hiệu văn bản không hợp lệ: “QĐ 1”."],
        ["Invalid document symbol: “QĐ 1”."],
    ),
    (
        construct_problems(21, "QĐ", "TTg", year=99, system="state"),
        ["Năm ban hành không hợp lệ: 99."],
        ["Invalid year of issue: 99."],
    ),
    (
        symbol_problems("03-HD"),
        ["Thiếu cơ quan ban hành sau dấu “/” (ví dụ 21-KL/TW)."],
        ["The issuing body after the “/” is missing (e.g. 21-KL/TW)."],
    ),
    (
        symbol_problems("12-KH/XYZ"),
        ["Cơ quan ban hành “XYZ” không có trong danh mục của Đảng."],
        ["The issuing body “XYZ” is not in the list of Party bodies."],
    ),
    (
        symbol_problems("12-KH/UBND"),
        ["“UBND” là cơ quan Nhà nước, không phải cấp ủy hay cơ quan Đảng."],
        ["“UBND” is a State body, not a Party committee or body."],
    ),
    (
        symbol_problems("12-NĐ/TW"),
        ["“NĐ” là loại văn bản của Nhà nước, không dùng trong ký hiệu của Đảng."],
        ["“NĐ” is a State document type, not used in Party symbols."],
    ),
    (
        symbol_problems("12-TTg/TW"),
        ["“TTg” là ký hiệu cơ quan Nhà nước, không phải loại văn bản của Đảng."],
        ["“TTg” is the code of a State body, not a Party document type."],
    ),
    (
        symbol_problems("12-XY/TW"),
        ["Loại văn bản “XY” không có trong danh mục văn bản của Đảng."],
        ["The document type “XY” is not in the list of Party documents."],
    ),
    (
        symbol_problems("06/2021QĐ-UBND"),
        ["Thiếu dấu “/” giữa năm 2021 và “QĐ-UBND”."],
        ["The “/” between the year 2021 and “QĐ-UBND” is missing."],
    ),
    (
        symbol_problems("1034/QĐ-XYZ"),
        ["Cơ quan ban hành “XYZ” không có trong danh mục cơ quan Nhà nước."],
        ["The issuing body “XYZ” is not in the list of State bodies."],
    ),
    (
        symbol_problems("12/KL-TW"),
        ["“12/KL-TW” giống ký hiệu của Đảng, viết số-LOẠI/CƠ QUAN (ví dụ 21-KL/TW)."],
        [
            "“12/KL-TW” looks like a Party symbol, which is written number-TYPE/BODY (e.g. "
            "21-KL/TW)."
        ],
    ),
    (
        symbol_problems("12/XY-TW"),
        ["Không nhận ra loại văn bản hay cơ quan ban hành “XY”."],
        ["“XY” is neither a known document type nor a known issuing body."],
    ),
    (
        symbol_problems("17/QH12"),
        ["Thiếu năm ban hành (ví dụ 17/2008/QH12)."],
        ["The year of issue is missing (e.g. 17/2008/QH12)."],
    ),
    (
        symbol_problems("12/1800/NĐ-CP"),
        ["Năm ban hành 1800 không hợp lý."],
        ["The year of issue 1800 is unlikely."],
    ),
    (
        symbol_problems("Chỉ thị 21-KL/TW"),
        ["“Chỉ thị” không khớp loại văn bản “KL”."],
        ["“Chỉ thị” does not match the document type “KL”."],
    ),
    (
        symbol_problems("1034/QĐ"),
        ["Thiếu cơ quan ban hành (ví dụ 1034/QĐ-TTg)."],
        ["The issuing body is missing (e.g. 1034/QĐ-TTg)."],
    ),
    (
        format_problems(parse_vi_datetime, "31/02/2022"),
        ["Ngày 31/02/2022 không tồn tại"],
        ["The date 31/02/2022 does not exist"],
    ),
    (
        format_problems(parse_vi_datetime, "02/12/2022 25:00"),
        ["Giờ 25:00 không hợp lệ"],
        ["25:00 is not a time of day"],
    ),
    (
        format_problems(parse_vi_datetime, "Thứ hai, 02/12/2022"),
        ["Ngày 02/12/2022 là Thứ sáu, không phải Thứ hai"],
        ["02/12/2022 is a Friday, not a Monday"],
    ),
    (
        format_problems(parse_vi_datetime, "CN 02/12/2022"),
        ["Ngày 02/12/2022 là Thứ sáu, không phải Chủ nhật"],
        ["02/12/2022 is a Friday, not a Sunday"],
    ),
    (
        format_problems(parse_vi_datetime, "14 giờ sáng 02/12/2022"),
        ["Giờ 14:00 không thuộc buổi sáng"],
        ["14:00 is not in the morning"],
    ),
    (
        format_problems(parse_vi_datetime, "02/12/2022 abc"),
        ['Không đọc được ngày giờ "02/12/2022 abc"'],
        ['Cannot read the date and time "02/12/2022 abc"'],
    ),
    (
        format_problems(parse_vi_datetime, "7h30"),
        ['Không thấy ngày trong "7h30"'],
        ['There is no date in "7h30"'],
    ),
    (format_problems(parse_vi_datetime, ""), ["Chưa nhập ngày giờ"], ["Enter a date"]),
    (
        format_problems(parse_vi_datetime, "02/12/2022 - 05/12/2022"),
        ['"02/12/2022 - 05/12/2022" có nhiều hơn một ngày'],
        ['"02/12/2022 - 05/12/2022" has more than one date'],
    ),
    (
        format_problems(parse_vi_datetime, "Thứ 6 Thứ 6 02/12/2022"),
        ['"Thứ 6 Thứ 6 02/12/2022" có nhiều hơn một thứ'],
        ['"Thứ 6 Thứ 6 02/12/2022" has more than one day of the week'],
    ),
    (
        format_problems(parse_vi_datetime, "7h 8h 02/12/2022"),
        ['"7h 8h 02/12/2022" có nhiều hơn một giờ'],
        ['"7h 8h 02/12/2022" has more than one time'],
    ),
    (
        format_problems(parse_vi_datetime, "sáng chiều 7h 02/12/2022"),
        ['"sáng chiều 7h 02/12/2022" có nhiều hơn một buổi'],
        ['"sáng chiều 7h 02/12/2022" has more than one part of the day'],
    ),
    (
        format_problems(parse_vi_datetime, None),
        ['"None" không phải là ngày giờ viết bằng chữ'],
        ['"None" is not a date and time written as text'],
    ),
    (format_problems(vi_number, "abc"), ['"abc" không phải là số'], ['"abc" is not a number']),
    (
        format_problems(vi_number, float("inf")),
        ['"inf" không phải là một số hữu hạn'],
        ['"inf" is not a finite number'],
    ),
    (
        format_problems(vi_time, date(2022, 12, 3)),
        ['"2022-12-03" không có giờ'],
        ['"2022-12-03" has no time'],
    ),
    (
        format_problems(vi_dateline, datetime(2022, 12, 3, tzinfo=UTC), "Mars/Olympus"),
        ['Múi giờ "Mars/Olympus" không tồn tại'],
        ['There is no time zone "Mars/Olympus"'],
    ),
    (
        format_problems(vi_number, "1E+999999999"),
        ['"1E+999999999" quá lớn hoặc quá nhỏ để hiển thị'],
        ['"1E+999999999" is too large or too small to show'],
    ),
    (
        format_problems(vi_number, 1, -1),
        ['Số chữ số thập phân phải là số nguyên từ 0 đến 1000, không phải "-1"'],
        ['The number of decimal places must be a whole number from 0 to 1000, not "-1"'],
    ),
    (
        format_problems(vi_count, 1, -1),
        ['Độ dài phải là số nguyên từ 0 đến 1000, không phải "-1"'],
        ['The width must be a whole number from 0 to 1000, not "-1"'],
    ),
    (
        format_problems(vi_count, 2.5),
        ['Số lượng phải là số nguyên, không phải "2.5"'],
        ['A count must be a whole number, not "2.5"'],
    ),
    (
        format_problems(vi_count, -1),
        ['Số lượng không được âm: "-1"'],
        ['A count cannot be negative: "-1"'],
    ),
    (
        format_problems(vi_percent, 1, 0),
        ["Không tính được tỷ lệ phần trăm khi tổng số bằng 0"],
        ["No percentage can be worked out of a total of 0"],
    ),
    (format_problems(vi_dateline, "x"), ['"x" không phải là ngày tháng'], ['"x" is not a date']),
    (
        chart_problems("no_categories"),
        [
            "Biểu đồ cần ít nhất một danh mục.",
            "Chuỗi số liệu “Năm 2023” có 3 giá trị nhưng biểu đồ có 0 danh mục.",
        ],
        [
            "A chart needs at least one category.",
            "Series “Năm 2023” has 3 values but the chart has 0 categories.",
        ],
    ),
    (
        chart_problems("nothing"),
        ["Biểu đồ cần ít nhất một danh mục.", "Biểu đồ cần ít nhất một chuỗi số liệu."],
        ["A chart needs at least one category.", "A chart needs at least one series of figures."],
    ),
    (
        chart_problems("bad_kind"),
        ["Loại biểu đồ không hợp lệ: “donut”."],
        ["Invalid chart type: “donut”."],
    ),
    (
        chart_problems("too_many_categories"),
        ["Biểu đồ cột chỉ hiển thị rõ tối đa 24 danh mục (đang có 25)."],
        ["Column chart shows at most 24 categories clearly (it has 25)."],
    ),
    (
        chart_problems("pie_several"),
        [
            "Biểu đồ tròn chỉ có một chuỗi số liệu (đang có 2); hãy chọn biểu đồ cột để so sánh "
            "nhiều chuỗi."
        ],
        [
            "A pie chart has a single series of figures (this one has 2); choose a column chart "
            "to compare several series."
        ],
    ),
    (
        chart_problems("too_many_series"),
        ["Biểu đồ chỉ phân biệt rõ tối đa 6 chuỗi số liệu (đang có 7)."],
        ["A chart tells at most 6 series of figures apart clearly (this one has 7)."],
    ),
    (
        chart_problems("mismatch"),
        ["Chuỗi số liệu “Năm 2023” có 2 giá trị nhưng biểu đồ có 3 danh mục."],
        ["Series “Năm 2023” has 2 values but the chart has 3 categories."],
    ),
    (
        chart_problems("mismatch_one"),
        ["Chuỗi số liệu thứ 1 có 2 giá trị nhưng biểu đồ có 1 danh mục."],
        ["Series no. 1 has 2 values but the chart has 1 category."],
    ),
    (
        chart_problems("not_finite"),
        ["Chuỗi số liệu “S”: ô “Giám sát”, “Kỷ luật” không phải là số hữu hạn."],
        ["Series “S”: cells “Giám sát”, “Kỷ luật” are not finite numbers."],
    ),
    (
        chart_problems("too_large"),
        ["Chuỗi số liệu thứ 1: ô “Giám sát” có giá trị quá lớn để vẽ biểu đồ."],
        ["Series no. 1: cell “Giám sát” is too large to draw."],
    ),
    (
        chart_problems("pie_missing_negative"),
        [
            "Chuỗi số liệu “Xếp loại”: ô thứ 2 còn trống (biểu đồ tròn cần đủ số liệu).",
            "Chuỗi số liệu “Xếp loại”: ô “C” là số âm (biểu đồ tròn không biểu diễn được số âm).",
        ],
        [
            "Series “Xếp loại”: cell no. 2 is empty (a pie chart needs every figure).",
            "Series “Xếp loại”: cell “C” is negative (a pie chart cannot show negative figures).",
        ],
    ),
    (
        chart_problems("pie_zero"),
        ["Tổng các giá trị của biểu đồ tròn bằng 0 nên không chia được tỷ lệ."],
        ["The figures of the pie chart add up to 0, so it cannot be divided into shares."],
    ),
]


def worded(problems, language):
    with translation.override(language):
        return wording.words(problems)


@pytest.mark.parametrize(("problems", "vietnamese", "english"), CASES)
def test_each_problem_reads_in_the_active_language(problems, vietnamese, english):
    assert worded(problems, "vi") == vietnamese
    assert worded(problems, "en") == english


def test_every_code_the_pure_modules_emit_has_a_wording_and_an_example():
    assert {*symbols.Code, *numbers.Code, *dates.Code, *charts.Code} == wording.CODES
    shown = {problem.code for problems, _vi, _en in CASES for problem in problems}
    assert shown == wording.CODES
    for code in wording.CODES:
        assert code in wording._WORDING, code


def test_a_code_without_a_wording_is_a_programming_error():
    with pytest.raises(KeyError):
        wording.word(Problem("symbol.nonsense"))


any_text = st.text(  # anything but "%", which would look like a placeholder left unfilled
    st.sampled_from(list("0123456789-/– .:,KLTWQĐHUCTDPNkltwqhuđ"))
    | st.characters(exclude_characters="%"),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_whatever_an_editor_types_is_worded_whole_in_both_languages(text):
    problems = symbol_problems(text)
    try:
        parse_vi_datetime(text)
    except dates.DateError as error:
        problems += list(error.problems)
    for language in ("vi", "en"):
        for message in worded(problems, language):
            assert message and "%(" not in message


# The automatic chart description ------------------------------------------------------------

DESCRIPTIONS = [
    (
        "column_names_unit",
        "Biểu đồ cột gồm 3 danh mục và 2 chuỗi số liệu (Năm 2023; Năm 2024), đơn vị: cuộc.",
        "Column chart with 3 categories and 2 series (Năm 2023; Năm 2024), unit: cuộc.",
    ),
    (
        "column_names",
        "Biểu đồ cột gồm 3 danh mục và 2 chuỗi số liệu (Năm 2023; Năm 2024).",
        "Column chart with 3 categories and 2 series (Năm 2023; Năm 2024).",
    ),
    (
        "line_series_unit",
        "Biểu đồ đường gồm 3 danh mục và 2 chuỗi số liệu, đơn vị: hộ.",
        "Line chart with 3 categories and 2 series, unit: hộ.",
    ),
    (
        "line_series",
        "Biểu đồ đường gồm 3 danh mục và 2 chuỗi số liệu.",
        "Line chart with 3 categories and 2 series.",
    ),
    (
        "pie_unit",
        "Biểu đồ tròn gồm 3 danh mục, đơn vị: %.",
        "Pie chart with 3 categories, unit: %.",
    ),
    ("bar_one", "Biểu đồ thanh gồm 1 danh mục.", "Bar chart with 1 category."),
]

DESCRIBED = {
    "column_names_unit": (
        charts.ChartData(
            "",
            "",
            ("Kiểm tra", "Giám sát", "Kỷ luật"),
            (S("Năm 2023", (1, 2, 3)), S("Năm 2024", (2, 3, 4))),
            "cuộc",
        ),
        "column",
    ),
    "column_names": (
        charts.ChartData(
            "",
            "",
            ("Kiểm tra", "Giám sát", "Kỷ luật"),
            (S("Năm 2023", (1, 2, 3)), S("Năm 2024", (2, 3, 4))),
            "",
        ),
        "column",
    ),
    "line_series_unit": (
        charts.ChartData(
            "", "", ("Kiểm tra", "Giám sát", "Kỷ luật"), (S("", (1, 2, 3)), S(" ", (1, 2, 3))), "hộ"
        ),
        "line",
    ),
    "line_series": (
        charts.ChartData(
            "", "", ("Kiểm tra", "Giám sát", "Kỷ luật"), (S("", (1, 2, 3)), S(" ", (1, 2, 3))), ""
        ),
        "line",
    ),
    "pie_unit": (
        charts.ChartData("", "", ("Kiểm tra", "Giám sát", "Kỷ luật"), (S("X", (1, 2, 3)),), "%"),
        "pie",
    ),
    "bar_one": (charts.ChartData("", "", ("A",), (S("X", (1,)),), ""), "bar"),
}


@pytest.mark.parametrize(("name", "vietnamese", "english"), DESCRIPTIONS)
def test_the_automatic_description_reads_in_the_active_language(name, vietnamese, english):
    data, kind = DESCRIBED[name]
    facts = charts.describe(data, kind)
    for language, expected in (("vi", vietnamese), ("en", english)):
        with translation.override(language):
            assert wording.describe_chart(facts) == expected
            svg = charts.render_svg(data, kind, id_prefix="c", words=wording.chart_words())
            assert f'<desc id="c-desc">{expected.replace("&", "&amp;")}</desc>' in svg


# Numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"), [("vi", "1.234,5"), ("en", "1,234.5"), ("vi-vn", "1.234,5")]
)
def test_figures_follow_the_active_language(language, expected):
    with translation.override(language):
        assert wording.number(D("1234.5")) == expected


@pytest.mark.parametrize(
    ("language", "value", "decimals", "expected"),
    [
        ("vi", D("3192.5"), None, "3.192,5"),
        ("en", D("3192.5"), None, "3,192.5"),
        ("en", "95.944", "2", "95.94"),
        ("en", "abc", None, "abc"),  # what is not a figure is shown as it is
        ("en", None, None, ""),
    ],
)
def test_the_number_filter_writes_a_figure_as_the_page_language_does(
    language, value, decimals, expected
):
    with translation.override(language):
        assert number_filter(value, decimals) == expected


def test_counts_in_messages_follow_the_language_too():
    data = chart_data(categories=tuple(f"C{i}" for i in range(1500)), series=(S("S", (1,) * 1500),))
    problems = charts.validate(data, "bar")
    assert worded(problems, "en") == [
        "Bar chart shows at most 24 categories clearly (it has 1,500)."
    ]
    assert worded(problems, "vi") == [
        "Biểu đồ thanh chỉ hiển thị rõ tối đa 24 danh mục (đang có 1.500)."
    ]


# On pages -------------------------------------------------------------------------------------


def chart_block(**fields):
    return {
        "type": "chart",
        "value": {
            "kind": "column",
            "title": "Kiểm tra, giám sát",
            "description": "",
            "unit": "cuộc",
            "categories": ["Đảng ủy", "Chi bộ"],
            "series": [
                {"name": "2022", "values": ["14", "1126.5"]},
                {"name": "2023", "values": ["16", "1200"]},
            ],
            **fields,
        },
    }


@pytest.fixture
def report_in_both_languages(db, home, locale_en):
    report = make_report(
        make_report_index(home),
        title="Báo cáo kiểm tra",
        body=[
            chart_block(),
            statistic(None, "3192", label="Đảng viên", denominator="3327", unit="đảng viên"),
        ],
    )
    english = report.copy_for_translation(locale_en, copy_parents=True)
    english.title = "Inspection report"
    english.save_revision().publish()
    english.refresh_from_db()
    return report, english


def test_a_vietnamese_page_describes_its_chart_in_vietnamese(client, report_in_both_languages):
    report, _english = report_in_both_languages
    html = client.get(report.url).content.decode()
    assert (
        "Biểu đồ cột gồm 2 danh mục và 2 chuỗi số liệu (2022; 2023), đơn vị: cuộc.</desc>" in html
    )
    assert ">Đơn vị: cuộc<" in html
    assert '<th scope="row">Chi bộ</th><td>1.126,5</td><td>1.200</td>' in html
    assert ">1.000<" in html  # an axis tick
    assert "đạt 95,94%" in html
    assert '<data value="3192">3.192</data>/<data value="3327">3.327</data>' in html


def test_an_english_page_describes_its_chart_in_english(client, report_in_both_languages):
    _report, english = report_in_both_languages
    assert english.url.startswith("/en/")
    html = client.get(english.url).content.decode()
    assert "Column chart with 2 categories and 2 series (2022; 2023), unit: cuộc.</desc>" in html
    assert ">Unit: cuộc<" in html
    assert "Đơn vị" not in html and "Biểu đồ" not in html
    assert '<th scope="row">Chi bộ</th><td>1,126.5</td><td>1,200</td>' in html
    assert ">1,000<" in html
    assert "achieved 95.94%" in html
    assert '<data value="3192">3,192</data>/<data value="3327">3,327</data>' in html


# In the admin ---------------------------------------------------------------------------------


def editor_speaking(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def list_block(values):
    items = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(values)
    }
    return {**items, "count": str(len(values))}


def chart_form(categories, series):
    return {
        "kind": "pie",
        "title": "Xếp loại",
        "description": "",
        "unit": "chi bộ",
        "categories": list_block(categories),
        "series": list_block(
            [{"name": name, "values": list_block(values)} for name, values in series]
        ),
    }


def messages_in(error) -> str:
    return json.dumps(error.as_json_data(), ensure_ascii=False)


ADMIN_LANGUAGES = [
    (
        "vi",
        "Chuỗi số liệu “2023”: ô “Chưa đạt” là số âm (biểu đồ tròn không biểu diễn được số âm).",
        "Không nhận ra ký hiệu văn bản: “Chỉ thị số 5 của Trung ương”.",
        "Ngày 31/04/2021 không tồn tại",
    ),
    (
        "en",
        "Series “2023”: cell “Chưa đạt” is negative (a pie chart cannot show negative figures).",
        "Not a document symbol: “Chỉ thị số 5 của Trung ương”.",
        "The date 31/04/2021 does not exist",
    ),
]


@pytest.mark.parametrize(("language", "chart", "_symbol", "_date"), ADMIN_LANGUAGES)
def test_an_editor_reads_why_a_chart_cannot_be_drawn_in_their_language(
    client, admin_user, home, language, chart, _symbol, _date
):
    client.force_login(editor_speaking(admin_user, language))
    report = make_report(make_report_index(home), publish_it=False)
    revisions = report.revisions.count()
    body = streamfield([("chart", chart_form(["Đạt", "Chưa đạt"], [("2023", ["5", "-2"])]))])
    url = reverse("wagtailadmin_pages:edit", args=[report.pk])
    response = client.post(url, report_form_data(report, body=body))
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    assert chart in messages_in(response.context["form"].errors["body"].data[0])
    assert report.revisions.count() == revisions


@pytest.mark.parametrize(("language", "_chart", "symbol", "date"), ADMIN_LANGUAGES)
def test_an_editor_reads_why_a_symbol_or_a_date_is_refused_in_their_language(
    client, admin_user, language, _chart, symbol, date
):
    client.force_login(editor_speaking(admin_user, language))
    url = reverse("wagtailsnippets_wagtail_dangvu_partydocument:add")
    data = {
        "symbol": "Chỉ thị số 5 của Trung ương",
        "type_name": "Chỉ thị",
        "issuer_name": "Ban Bí thư",
        "term": "",
        "issue_date": "31/04/2021",
        "summary": "x",
        "secrecy": "normal",
        "circulation": "public",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["issue_date"] == [date]
    response = client.post(url, {**data, "issue_date": "30/04/2021"})
    assert response.context["form"].errors["symbol"] == [symbol]
    assert not PartyDocument.objects.exists()
