"""Tests for wagtail_dangvu.pure.symbols: the written forms met in the wild, then properties."""

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wagtail_dangvu.pure.problems import Problem
from wagtail_dangvu.pure.symbols import (
    FORMER_PARTY_ISSUERS,
    ISSUERS,
    TYPE_NAMES,
    Code,
    DocumentSymbol,
    InvalidSymbol,
    SymbolMatch,
    find_symbols,
    fold,
    parse_symbol,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def found(text: str) -> list[tuple[str, str]]:
    """(text as written, canonical symbol) for each symbol found in ``text``."""
    return [(match.text, str(match.symbol)) for match in find_symbols(text)]


# --------------------------------------------------------------------------------------
# parse_symbol: every written form of DOMAIN.md
# --------------------------------------------------------------------------------------

WILD_FORMS = [
    # The plain Party form.
    ("21-KL/TW", "21-KL/TW"),
    ("44-KH/HU", "44-KH/HU"),
    ("25-KH/ĐU", "25-KH/ĐU"),
    ("05-HD/BTCTU", "05-HD/BTCTU"),
    ("37-QĐ/TW", "37-QĐ/TW"),
    # Spaces and every kind of dash.
    ("37 – QĐ/TW", "37-QĐ/TW"),
    ("100 - KL/TW", "100-KL/TW"),
    ("94- KH/BTGDVTW", "94-KH/BTGDVTW"),
    ("25 -KH/ĐU", "25-KH/ĐU"),
    ("05 – HD/BTCTU", "05-HD/BTCTU"),
    ("21—KL/TW", "21-KL/TW"),  # em dash
    ("21\u2212KL/TW", "21-KL/TW"),  # minus sign
    ("21\u2011KL/TW", "21-KL/TW"),  # non-breaking hyphen
    ("21\u2012KL/TW", "21-KL/TW"),  # figure dash
    ("21\u2010KL/TW", "21-KL/TW"),  # hyphen
    ("21\uff0dKL/TW", "21-KL/TW"),  # full-width hyphen-minus
    ("37\u00a0–\u00a0QĐ/TW", "37-QĐ/TW"),  # non-breaking spaces
    ("  21 -  KL / TW  ", "21-KL/TW"),
    ("21-KL\uff0fTW", "21-KL/TW"),  # full-width solidus
    # A leading type word or code, repeated.
    ("CT 05 –CT/TW", "05-CT/TW"),
    ("Chỉ thị 05-CT/TW", "05-CT/TW"),
    ("Kết luận số 21-KL/TW", "21-KL/TW"),
    ("Quy định 37 – QĐ/TW", "37-QĐ/TW"),
    ("Quyết định số 37-QĐ/TW", "37-QĐ/TW"),
    ("Hướng dẫn số: 36-HD/VPTW", "36-HD/VPTW"),
    # "Số" with or without a colon.
    ("Số 36-HD/VPTW", "36-HD/VPTW"),
    ("Số: 36-HD/VPTW", "36-HD/VPTW"),
    ("số:36-HD/VPTW", "36-HD/VPTW"),
    # Leading zeros, at least two digits shown; case.
    ("5-CT/TW", "05-CT/TW"),
    ("05-CT/TW", "05-CT/TW"),
    ("005-CT/TW", "05-CT/TW"),
    ("5-ct/tw", "05-CT/TW"),
    ("102-QĐ/TW", "102-QĐ/TW"),
    ("25-kh/đu", "25-KH/ĐU"),
    # Known mixed-case codes keep their spelling.
    ("01-CTr/TU", "01-CTr/TU"),
    ("01-CTR/TU", "01-CTr/TU"),
    ("12-TTr/ThU", "12-TTr/ThU"),
    ("12-ttr/thu", "12-TTr/ThU"),
    ("08-QĐI/TW", "08-QĐi/TW"),
    ("08-qđi/tw", "08-QĐi/TW"),
    ("03-KH/TXU", "03-KH/TxU"),
    # Ð (U+00D0, eth) typed for Đ, and decomposed text.
    ("25-KH/\u00d0U", "25-KH/ĐU"),
    ("37-Q\u00d0/TW", "37-QĐ/TW"),
    ("25-kh/\u00f0u", "25-KH/ĐU"),
    (nfd("Chỉ thị 05-CT/TW"), "05-CT/TW"),
    (nfd("Số: 25 – KH/ĐU"), "25-KH/ĐU"),
    # End-of-document mark and trailing punctuation.
    ("21-KL/TW./.", "21-KL/TW"),
    ("21-KL/TW.", "21-KL/TW"),
    # State forms.
    ("1034/QĐ-TTg", "1034/QĐ-TTg"),
    ("1034/QĐ-Ttg", "1034/QĐ-TTg"),
    ("1034/qđ-ttg", "1034/QĐ-TTg"),
    ("Quyết định số 1034/QĐ-TTg", "1034/QĐ-TTg"),
    ("3241/SNV-TT", "3241/SNV-TT"),
    ("15/2023/NĐ-CP", "15/2023/NĐ-CP"),
    ("Nghị định 42/2022/NĐ-CP", "42/2022/NĐ-CP"),
    ("8/2022/NĐ-CP", "08/2022/NĐ-CP"),
    ("17/2008/QH12", "17/2008/QH12"),
    ("Luật số 17/2008/qh12", "17/2008/QH12"),
    ("01/2016/TTLT-BTC-BNV", "01/2016/TTLT-BTC-BNV"),
    ("1034 / QĐ – TTg", "1034/QĐ-TTg"),
    ("15/2023/N\u00d0-CP", "15/2023/NĐ-CP"),
]


@pytest.mark.parametrize(("written", "canonical"), WILD_FORMS)
def test_every_written_form_reads_as_its_canonical_symbol(written, canonical):
    symbol = parse_symbol(written)
    assert str(symbol) == canonical
    assert symbol == parse_symbol(canonical)
    assert not symbol.warnings


def test_party_symbol_fields():
    symbol = parse_symbol("37 – QĐ/TW")
    assert (symbol.number, symbol.type_code, symbol.issuer) == (37, "QĐ", "TW")
    assert (symbol.year, symbol.system, symbol.warnings) == (None, "party", ())


@pytest.mark.parametrize(
    ("written", "fields"),
    [
        ("1034/QĐ-TTg", (1034, "QĐ", "TTg", None)),
        ("3241/SNV-TT", (3241, "", "SNV-TT", None)),  # official letter: agency and unit
        ("15/2023/NĐ-CP", (15, "NĐ", "CP", 2023)),
        ("17/2008/QH12", (17, "", "QH12", 2008)),  # law: National Assembly, 12th legislature
        ("01/2016/TTLT-BTC-BNV", (1, "TTLT", "BTC-BNV", 2016)),  # joint circular
    ],
)
def test_state_symbol_fields(written, fields):
    symbol = parse_symbol(written)
    assert (symbol.number, symbol.type_code, symbol.issuer, symbol.year) == fields
    assert symbol.system == "state"


def test_party_and_state_symbols_never_meet():
    assert parse_symbol("21-KL/TW") != parse_symbol("21/KL-TW")
    assert parse_symbol("21/KL-TW").system == "state"


# --------------------------------------------------------------------------------------
# Doubtful forms parse, with warnings; unreadable ones raise
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical", "warning"),
    [
        ("03-HD", "03-HD", Problem(Code.PARTY_NO_ISSUER)),
        ("Hướng dẫn 03-hd", "03-HD", Problem(Code.PARTY_NO_ISSUER)),
        ("12-KH/XYZ", "12-KH/XYZ", Problem(Code.UNKNOWN_PARTY_ISSUER, {"code": "XYZ"})),
        ("12-KH/UBND", "12-KH/UBND", Problem(Code.STATE_BODY_IN_PARTY, {"code": "UBND"})),
        ("12-NĐ/TW", "12-NĐ/TW", Problem(Code.STATE_TYPE_IN_PARTY, {"code": "NĐ"})),
        ("12-TTg/TW", "12-TTg/TW", Problem(Code.STATE_BODY_AS_PARTY_TYPE, {"code": "TTg"})),
        ("12-XY/TW", "12-XY/TW", Problem(Code.UNKNOWN_PARTY_TYPE, {"code": "XY"})),
        (
            "06/2021QĐ-UBND",
            "06/2021/QĐ-UBND",
            Problem(Code.YEAR_WITHOUT_SLASH, {"year": "2021", "codes": "QĐ-UBND"}),
        ),
        ("1034/QĐ-XYZ", "1034/QĐ-XYZ", Problem(Code.UNKNOWN_STATE_ISSUER, {"code": "XYZ"})),
        ("12/KL-TW", "12/KL-TW", Problem(Code.LOOKS_LIKE_PARTY, {"symbol": "12/KL-TW"})),
        ("12/XY-TW", "12/XY-TW", Problem(Code.UNKNOWN_STATE_CODE, {"code": "XY"})),
        ("17/QH12", "17/QH12", Problem(Code.LAW_WITHOUT_YEAR)),
        ("12/1800/NĐ-CP", "12/1800/NĐ-CP", Problem(Code.UNLIKELY_YEAR, {"year": 1800})),
        (
            "Chỉ thị 21-KL/TW",
            "21-KL/TW",
            Problem(Code.LEAD_TYPE_MISMATCH, {"written": "Chỉ thị", "code": "KL"}),
        ),
        (
            "KH 21-KL/TW",
            "21-KL/TW",
            Problem(Code.LEAD_TYPE_MISMATCH, {"written": "KH", "code": "KL"}),
        ),
    ],
)
def test_doubtful_forms_parse_with_a_warning(written, canonical, warning):
    symbol = parse_symbol(written)
    assert str(symbol) == canonical
    assert warning in symbol.warnings, symbol.warnings


def test_a_symbol_without_issuer_is_incomplete():
    symbol = parse_symbol("03-HD")
    assert (symbol.number, symbol.type_code, symbol.issuer) == (3, "HD", "")
    assert not symbol.is_complete
    assert parse_symbol("03-HD/TW").is_complete


def test_qd_for_either_quyet_dinh_or_quy_dinh_raises_no_doubt():
    assert not parse_symbol("Quy định 37-QĐ/TW").warnings
    assert not parse_symbol("Quyết định 37-QĐ/TW").warnings


@pytest.mark.parametrize(
    ("written", "code", "params"),
    [
        ("", Code.EMPTY, {}),
        ("   ", Code.EMPTY, {}),
        ("QĐ-Ttg", Code.NO_NUMBER, {"text": "QĐ-Ttg"}),
        ("KL/TW", Code.NO_NUMBER, {"text": "KL/TW"}),
        ("Kết luận số 21", Code.NO_CODES, {"text": "Kết luận số 21"}),
        ("21-", Code.NO_CODES, {"text": "21-"}),
        ("25/10/2021", Code.IS_A_DATE, {"text": "25/10/2021"}),
        ("0-KL/TW", Code.NUMBER_ZERO, {"text": "0-KL/TW"}),
        (
            "21-KL/TW ngày 25/10/2021",
            Code.EXTRA_AFTER,
            {"text": "21-KL/TW ngày 25/10/2021", "extra": "ngày 25/10/2021"},
        ),
        (
            "21-KL/TW, 22-KL/TW",
            Code.EXTRA_AFTER,
            {"text": "21-KL/TW, 22-KL/TW", "extra": ", 22-KL/TW"},
        ),
        ("Tỉnh ủy 21-KL/TW", Code.EXTRA_BEFORE, {"text": "Tỉnh ủy 21-KL/TW", "extra": "Tỉnh ủy"}),
        ("19/WHO", Code.STATE_SHAPE, {"text": "19/WHO"}),
        ("21-KL/TW/2021", Code.UNREADABLE, {"text": "21-KL/TW/2021"}),
        ("https://x.vn/21-KL/TW", Code.UNREADABLE, {"text": "https://x.vn/21-KL/TW"}),
        ("1000000-KL/TW", Code.UNREADABLE, {"text": "1000000-KL/TW"}),
    ],
)
def test_unreadable_text_raises_a_problem(written, code, params):
    with pytest.raises(InvalidSymbol) as caught:
        parse_symbol(written)
    assert caught.value.problems == (Problem(code, params),)
    assert isinstance(caught.value, ValueError)
    assert caught.value.text == written


# --------------------------------------------------------------------------------------
# The value
# --------------------------------------------------------------------------------------


def test_equality_and_hashing_follow_the_canonical_form():
    spellings = ["37 – QĐ/TW", "37-QĐ/TW", "Quy định 37-qđ/tw", "037\u2011Q\u00d0/TW"]
    symbols = {parse_symbol(text) for text in spellings}
    assert len(symbols) == 1
    assert parse_symbol("03-HD") == DocumentSymbol(3, "HD")  # warnings play no part
    assert DocumentSymbol(3241, "SNV", "TT", system="state") == parse_symbol("3241/SNV-TT")
    assert parse_symbol("21-KL/TW") != "21-KL/TW"


def test_construction_respells_codes_and_checks_the_shape():
    assert str(DocumentSymbol(5, "ct", "tw")) == "05-CT/TW"
    assert str(DocumentSymbol(1034, "qđ", "ttg", system="state")) == "1034/QĐ-TTg"
    with pytest.raises(InvalidSymbol) as caught:
        DocumentSymbol(0, "KL", "TW")
    assert caught.value.problem == Problem(Code.NUMBER_OUT_OF_RANGE, {"number": 0})
    with pytest.raises(InvalidSymbol) as caught:
        DocumentSymbol(21, "K L", "TW")
    assert caught.value.problem == Problem(Code.BAD_TYPE, {"code": "K L"})
    with pytest.raises(InvalidSymbol) as caught:
        DocumentSymbol(21, "KL", "T1", system="party")
    assert caught.value.problem == Problem(Code.BAD_ISSUER, {"code": "T1"})
    with pytest.raises(InvalidSymbol) as caught:
        DocumentSymbol(21, "KL", "TW", year=2021)
    assert caught.value.problem == Problem(Code.PARTY_WITH_YEAR)
    with pytest.raises(InvalidSymbol) as caught:
        DocumentSymbol(21, "QĐ 1", "", system="state")
    assert caught.value.problem == Problem(Code.BAD_CODES, {"codes": "QĐ 1"})
    with pytest.raises(InvalidSymbol) as caught:
        DocumentSymbol(21, "QĐ", "TTg", year=99, system="state")
    assert caught.value.problem == Problem(Code.BAD_YEAR, {"year": 99})
    with pytest.raises(ValueError, match="system"):
        DocumentSymbol(21, "KL", "TW", system="province")  # type: ignore[arg-type]


def test_symbols_are_frozen():
    symbol = parse_symbol("21-KL/TW")
    with pytest.raises(AttributeError):
        symbol.number = 22  # type: ignore[misc]


@pytest.mark.parametrize(
    ("written", "names"),
    [
        ("37-QĐ/TW", ("Quyết định", "Quy định")),
        ("08-QĐi/TW", ("Quy định",)),
        ("21-KL/TW", ("Kết luận",)),
        ("05-TT/TW", ("Thông tri",)),
        ("05/2023/TT-BNV", ("Thông tư",)),
        ("3241/SNV-TT", ("Công văn",)),
        ("17/2008/QH12", ("Luật", "Bộ luật", "Nghị quyết")),
        ("02/2022/UBTVQH15", ("Pháp lệnh", "Nghị quyết")),
        ("12-XY/TW", ()),
    ],
)
def test_type_names(written, names):
    assert parse_symbol(written).type_names == names


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("44-KH/HU", "Huyện ủy"),
        ("05-HD/BTCTU", "Ban Tổ chức Tỉnh ủy"),
        ("25-KH/ĐU", "Đảng ủy"),
        ("1034/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("3241/SNV-TT", "Sở Nội vụ"),
        ("17/2008/QH12", "Quốc hội khóa XII"),
        ("30/2021/QH15", "Quốc hội khóa XV"),
        ("01/2016/TTLT-BTC-BNV", "Bộ Tài chính, Bộ Nội vụ"),
        ("12-KH/XYZ", None),
        ("03-HD", None),
    ],
)
def test_issuer_name(written, name):
    assert parse_symbol(written).issuer_name == name


def test_tables():
    assert TYPE_NAMES["party"]["QĐ"] == ("Quyết định", "Quy định")
    assert TYPE_NAMES["party"]["TT"] == ("Thông tri",)
    assert TYPE_NAMES["state"]["TT"] == ("Thông tư",)
    assert ISSUERS["party"]["TW"].startswith("Ban Chấp hành Trung ương")
    assert ISSUERS["state"]["TTg"] == "Thủ tướng Chính phủ"
    # A State code names either a type or an agency, never both.
    assert not set(TYPE_NAMES["state"]) & set(ISSUERS["state"])
    # One canonical spelling per code, whatever the table.
    spellings: dict[str, str] = {}
    for table in (*TYPE_NAMES.values(), *ISSUERS.values()):
        for code in table:
            assert spellings.setdefault(code.upper(), code) == code


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("21-KL/TW", "21KLTW"),
        ("25 – KH/ĐU", "25KHDU"),
        ("5-ct/tw", "05CTTW"),
        ("1034/QĐ-TTg", "1034QDTTG"),
        ("15/2023/NĐ-CP", "152023NDCP"),
    ],
)
def test_search_key(written, key):
    assert parse_symbol(written).search_key == key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Kết luận", "ket luan"),
        ("Đảng ủy xã", "dang uy xa"),
        ("\u00d0ẢNG", "dang"),
        (nfd("Thường vụ Huyện ủy"), "thuong vu huyen uy"),
        ("QĐ-TTg", "qd-ttg"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


# --------------------------------------------------------------------------------------
# find_symbols
# --------------------------------------------------------------------------------------

# From the article this product was modelled on (content/long-binh-kl21.txt).
ARTICLE = """\
Xã Long Bình qua 01 năm thực hiện kết luận số 21-KL/TW ngày 25/10/2021 của BCH Trung \
ương Đảng (Khóa XIII)

Thứ bảy - 03/12/2022 07:43
Thực hiện Kế hoạch 44-KH/HU ngày 14/3/2022 của Ban Thường vụ Huyện ủy Gò Công Tây về thực \
hiện Kết luận 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về đẩy mạnh xây \
dựng, chỉnh đốn Đảng và hệ thống chính trị đã đặt ra 08 nhiệm vụ trọng tâm.

Ban Thường vụ Đảng ủy xã đã cụ thể hóa thành Kế hoạch 25 -KH/ĐU ngày 18/3/2022, đã tổ \
chức triển khai ở 100% chi bộ, cơ quan, đơn vị. Kết luận 01-KL/TW ngày 18/5/2021 của Bộ \
Chính trị về tiếp tục thực hiện CT 05 –CT/TW của Bộ Chính trị; Kết luận 21-KL/TW; Quy \
định 37 – QĐ/TW về những điều đảng viên không được làm; các Nghị quyết về phát triển kinh \
tế - xã hội, bảo đảm quốc phòng - an ninh.

Vào ngày 02/12/2022 Đảng ủy xã đã tổ chức tọa đàm “Giải pháp thực hiện Kết luận số \
21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương” nhân kỷ niệm 78 năm ngày thành lập \
quân đội nhân dân Việt Nam (22/12/1944 – 22/12/2022). Theo Hướng dẫn 05 – HD/BTCTU ngày \
01/11/2018 của Ban Tổ chức Tỉnh ủy; 08 nội dung ưu điểm; 06 hạn chế; 05 kiến nghị - đề \
xuất; 3.192/3.327 đảng viên, đạt 95,94%; phát triển đảng viên đạt 115%.

Tổng số điểm của bài viết là: 21 trong 5 đánh giá
Xếp hạng: 4.2 - 5 phiếu bầu
"""

ARTICLE_SYMBOLS = [
    ("21-KL/TW", "21-KL/TW"),
    ("44-KH/HU", "44-KH/HU"),
    ("21-KL/TW", "21-KL/TW"),
    ("25 -KH/ĐU", "25-KH/ĐU"),
    ("01-KL/TW", "01-KL/TW"),
    ("05 –CT/TW", "05-CT/TW"),
    ("21-KL/TW", "21-KL/TW"),
    ("37 – QĐ/TW", "37-QĐ/TW"),
    ("21-KL/TW", "21-KL/TW"),
    ("05 – HD/BTCTU", "05-HD/BTCTU"),
]


def test_find_every_symbol_of_the_article():
    assert found(ARTICLE) == ARTICLE_SYMBOLS


def test_find_keeps_the_offsets_of_decomposed_text():
    text = nfd(ARTICLE)
    matches = find_symbols(text)
    assert [(unicodedata.normalize("NFC", m.text), str(m.symbol)) for m in matches] == (
        ARTICLE_SYMBOLS
    )
    assert all(text[m.start : m.end] == m.text for m in matches)


def test_a_match_covers_the_symbol_itself():
    text = "tiếp tục thực hiện CT 05 –CT/TW của Bộ Chính trị"
    (match,) = find_symbols(text)
    assert match == SymbolMatch(19 + 3, 19 + 12, parse_symbol("05-CT/TW"), "05 –CT/TW")
    assert text[match.start : match.end] == match.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quyết định số 1034/QĐ-TTg ngày 01/01/2020", [("1034/QĐ-TTg", "1034/QĐ-TTg")]),
        (
            "theo Nghị định 42/2022/NĐ-CP, Luật số 17/2008/QH12.",
            [
                ("42/2022/NĐ-CP", "42/2022/NĐ-CP"),
                ("17/2008/QH12", "17/2008/QH12"),
            ],
        ),
        ("Công văn 3241/SNV-TT của Sở Nội vụ", [("3241/SNV-TT", "3241/SNV-TT")]),
        ("Quyết định 06/2021QĐ-UBND", [("06/2021QĐ-UBND", "06/2021/QĐ-UBND")]),
        ("Chỉ thị 5-ct/tw", [("5-ct/tw", "05-CT/TW")]),
        ("Số: 36-HD/VPTW", [("36-HD/VPTW", "36-HD/VPTW")]),
        ("Số:36-HD/VPTW", [("36-HD/VPTW", "36-HD/VPTW")]),
        ("Hướng dẫn 03-HD ngày 01/02/2023", [("03-HD", "03-HD")]),
        (
            "các văn bản 21-KL/TW,22-KL/TW và 37-QĐ/TW",
            [
                ("21-KL/TW", "21-KL/TW"),
                ("22-KL/TW", "22-KL/TW"),
                ("37-QĐ/TW", "37-QĐ/TW"),
            ],
        ),
        ("(21-KL/TW)", [("21-KL/TW", "21-KL/TW")]),
        ("“21-KL/TW”", [("21-KL/TW", "21-KL/TW")]),
        ("Kế hoạch 25-KH/\u00d0U", [("25-KH/\u00d0U", "25-KH/ĐU")]),
        ("hệ thống chính trị 21-KL/TW./.", [("21-KL/TW", "21-KL/TW")]),
    ],
)
def test_find_in_prose(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ngày 25/10/2021",  # dates
        "ngày 02/12/2022",
        "(22/12/1944 – 22/12/2022)",
        "Thứ bảy - 03/12/2022 07:43",  # dateline and time
        "lúc 7h30 ngày 14/3/2022",
        "3.192/3.327 đảng viên, đạt 95,94%",  # ratio
        "14/14 chi bộ",
        "kinh tế - xã hội, quốc phòng - an ninh, giai đoạn 2021-2025",
        "Xếp hạng: 4.2 - 5 phiếu bầu",
        "https://x.vn/21-KL/TW/abc",  # URLs and paths
        "xem https://tinhuy.vn/van-ban/21-KL/TW",
        "http://x.vn/tin-tuc?so=21-KL/TW",
        "www.dangcongsan.vn/21-kl/tw",
        "dangcongsan.vn/21-kl/tw",
        "/tin-tuc/21-kl/tw",
        "xem tại /tin-tuc/21-kl/tw.html",
        "21-KL/TW@dang.vn",  # e-mail addresses
        "gửi vp.21-kl/tw@tinhuy.gov.vn",
        "COVID-19, U23-VN, F0/F1",
        "2-ca/đêm, 3 lần/ngày",  # lower-case words are no unknown codes
        "hướng dẫn 03-hd",  # an issuer-less symbol is only found in capitals
        "Kết luận số 21",
        "QĐ-Ttg",
        "0-KL/TW",
    ],
)
def test_find_ignores_what_is_not_a_symbol(text):
    assert find_symbols(text) == []


# --------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------

DASHES = ["-", "–", "—", "\u2212", "\u2011", "\u2012", "\u2010"]
SPACES = ["", "", " ", "\u00a0"]
UNITS = ["TT", "VP", "VX", "KT", "TCCB", "NSNN"]  # drafting units of official letters
KNOWN = {code.upper() for table in (*TYPE_NAMES.values(), *ISSUERS.values()) for code in table}

PROSE_BEFORE = [
    "",
    "Thực hiện Kết luận số ",
    "Ban Thường vụ Đảng ủy xã đã cụ thể hóa thành Kế hoạch ",
    "ngày 25/10/2021 (lúc 7h30, 07:43) có văn bản ",
    "liên hệ vp@dang.vn, xem https://x.vn/21-KL/TW/abc về ",
    "đạt 3.192/3.327 đảng viên; ",
    "Thứ bảy - 03/12/2022 07:43\n",
    "(",
    "“",
]
PROSE_AFTER = [
    "",
    " ngày 25/10/2021 của Bộ Chính trị, ",
    ".",
    "./.",
    ", 3.192/3.327 đảng viên đạt 95,94%",
    ")",
    "”",
    "; lúc 7h30",
    " – kinh tế - xã hội",
    "\n/tin-tuc/21-kl/tw",
]


def is_known(code: str) -> bool:
    return code.upper() in KNOWN or bool(re.fullmatch(r"(UBTV)?QH\d+", code.upper()))


numbers = st.integers(1, 999)
party_symbols = st.builds(
    DocumentSymbol,
    number=numbers,
    type_code=st.sampled_from(sorted(TYPE_NAMES["party"])),
    issuer=st.sampled_from(sorted(ISSUERS["party"])) | st.just(""),
    system=st.just("party"),
)
state_agencies = st.sampled_from(sorted(ISSUERS["state"]))
years = st.integers(1946, 2030)
state_symbols = st.one_of(
    st.builds(  # 1034/QĐ-TTg, 15/2023/NĐ-CP
        DocumentSymbol,
        number=st.integers(1, 99_999),
        type_code=st.sampled_from(sorted(TYPE_NAMES["state"])),
        issuer=state_agencies,
        year=st.none() | years,
        system=st.just("state"),
    ),
    st.builds(  # 3241/SNV-TT
        DocumentSymbol,
        number=st.integers(1, 99_999),
        type_code=st.just(""),
        issuer=st.builds("{}-{}".format, state_agencies, st.sampled_from(UNITS)),
        system=st.just("state"),
    ),
    st.builds(  # 17/2008/QH12
        DocumentSymbol,
        number=numbers,
        type_code=st.just(""),
        issuer=st.builds("{}{}".format, st.sampled_from(["QH", "UBTVQH"]), st.integers(1, 15)),
        year=years,
        system=st.just("state"),
    ),
)
symbols = party_symbols | state_symbols


@st.composite
def written_symbols(draw) -> tuple[DocumentSymbol, str]:
    """A symbol and one way a person may have written it."""
    symbol = draw(symbols)
    issuerless = symbol.system == "party" and not symbol.issuer

    def recase(code: str) -> str:
        if not is_known(code):
            return code  # unknown codes are only found in running text in capitals
        cases = [str, str.upper] if issuerless else [str, str.upper, str.lower, str.swapcase]
        return draw(st.sampled_from(cases))(code)

    def dash(spaced: bool = False) -> str:
        dash = draw(st.sampled_from(DASHES))
        if spaced:
            return draw(st.sampled_from(SPACES)) + dash + draw(st.sampled_from(SPACES))
        return dash

    number = "0" * draw(st.integers(0, 2)) + str(symbol.number)
    if symbol.system == "party":
        text = number + dash(spaced=True) + recase(symbol.type_code)
        if symbol.issuer:
            text += "/" + dash().join(map(recase, symbol.issuer.split("-")))
    else:
        codes = [symbol.type_code] if symbol.type_code else []
        codes += symbol.issuer.split("-")
        year = "" if symbol.year is None else f"{symbol.year}/"
        text = number + draw(st.sampled_from(["/", " /", "/ "])) + year
        text += dash().join(map(recase, codes))
    if draw(st.booleans()):
        text = text.replace("Đ", "\u00d0").replace("đ", "\u00f0")
    prefixes = ["", "Số ", "Số: ", "số "]
    prefixes += [f"{name} " for name in symbol.type_names]
    prefixes += [f"{name} số " for name in symbol.type_names]
    if symbol.type_code:
        prefixes.append(f"{symbol.type_code} ")
    return symbol, draw(st.sampled_from(prefixes)) + text


@given(symbols)
def test_canonical_form_is_a_fixed_point(symbol):
    canonical = str(symbol)
    assert str(parse_symbol(canonical)) == canonical
    assert parse_symbol(canonical) == symbol
    assert hash(parse_symbol(canonical)) == hash(symbol)


@given(symbols)
def test_case_does_not_matter(symbol):
    assert parse_symbol(str(symbol).lower()) == symbol
    assert parse_symbol(str(symbol).upper()) == symbol


@given(written_symbols(), st.booleans())
def test_every_written_form_parses_to_its_symbol(written, decomposed):
    symbol, text = written
    assert parse_symbol(nfd(text) if decomposed else text) == symbol


@given(symbols)
def test_search_key_is_upper_case_ascii(symbol):
    assert re.fullmatch(r"[0-9A-Z]+", symbol.search_key)
    assert symbol.search_key == parse_symbol(str(symbol).lower()).search_key


@settings(max_examples=300)
@given(
    written_symbols(),
    st.sampled_from(PROSE_BEFORE),
    st.sampled_from(PROSE_AFTER),
    st.booleans(),
)
def test_find_symbols_finds_every_symbol_embedded_in_prose(written, before, after, decomposed):
    symbol, text = written
    parts = [before, text, after]
    if decomposed:
        parts = list(map(nfd, parts))
    prose = "".join(parts)
    (match,) = find_symbols(prose)
    assert match.symbol == parse_symbol(parts[1]) == symbol
    assert prose[match.start : match.end] == match.text
    assert len(parts[0]) <= match.start < match.end <= len(parts[0]) + len(parts[1])
    assert parse_symbol(match.text) == symbol


separators = st.sampled_from([" ", ", ", "; ", " và ", "\n", " – "])


@given(st.lists(st.tuples(written_symbols(), separators), max_size=5), st.booleans())
def test_find_symbols_finds_a_list_of_symbols_in_order(items, decomposed):
    text = "".join(written + separator for (_symbol, written), separator in items)
    text = nfd(text) if decomposed else text
    assert [m.symbol for m in find_symbols(text)] == [symbol for (symbol, _), _ in items]


def check_spans(text: str) -> None:
    previous_end = 0
    for match in find_symbols(text):
        assert previous_end <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        assert parse_symbol(match.text) == match.symbol
        previous_end = match.end


symbolish = st.text(
    alphabet=st.sampled_from(list("0123456789-/– .:,@()KLTWQĐHUCTDPNkltwqhuđÐ\u00a0\u0301\u0323"))
    | st.characters(),
    max_size=60,
)


@given(symbolish)
def test_spans_lie_in_bounds_and_never_overlap(text):
    check_spans(text)
    check_spans(nfd(text))


@given(st.lists(st.one_of(written_symbols().map(lambda pair: pair[1]), symbolish), max_size=6))
def test_spans_in_mixed_text(pieces):
    check_spans(" ".join(pieces))
    check_spans("".join(pieces))


def problems_of(text: str) -> tuple[Problem, ...]:
    """What parsing ``text`` has to say: the error, or the warnings."""
    try:
        return parse_symbol(text).warnings
    except InvalidSymbol as error:
        return error.problems


leads = st.sampled_from(["", "Số:", "Chỉ thị", "KH", "Tỉnh ủy", "ngày"])


@given(
    st.one_of(
        symbolish,
        st.builds(
            lambda lead, pair, tail: f"{lead} {pair[1]}{tail}", leads, written_symbols(), leads
        ),
    )
)
def test_every_problem_is_a_code_with_plain_parameters(text):
    for problem in problems_of(text):
        assert isinstance(problem, Problem) and problem.code in set(Code)
        assert all(isinstance(value, str | int) for value in problem.params.values())


# The issuers of the two-level system (since 1 July 2025) a commune or ward portal cites:
# the Tỉnh ủy and its boards, the commune's Đảng ủy and its inspection committee, its cells.
TWO_LEVEL_ISSUERS = ("TU", "BTCTU", "BTGDVTU", "UBKTTU", "VPTU", "ĐU", "UBKTĐU", "CB", "TW")


@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(sorted(TYPE_NAMES["party"])),
    st.sampled_from(TWO_LEVEL_ISSUERS),
)
def test_two_level_issuers_parse_without_a_warning(number, type_code, issuer):
    symbol = parse_symbol(f"{number:02d}-{type_code}/{issuer}")
    assert symbol.warnings == ()
    assert symbol.issuer_name
    assert not symbol.issued_before_two_levels


@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(sorted(TYPE_NAMES["party"])),
    st.sampled_from(sorted(FORMER_PARTY_ISSUERS)),
)
def test_documents_of_former_issuers_still_parse_as_history(number, type_code, issuer):
    symbol = parse_symbol(f"{number:02d}-{type_code}/{issuer}")
    assert symbol.warnings == ()
    assert symbol.issuer_name == ISSUERS["party"][issuer]
    assert symbol.issued_before_two_levels


def test_the_seed_articles_district_plan_is_history_and_the_communes_is_not():
    assert parse_symbol("44-KH/HU").issued_before_two_levels
    assert not parse_symbol("25-KH/ĐU").issued_before_two_levels
    assert not parse_symbol("1034/QĐ-TTg").issued_before_two_levels
