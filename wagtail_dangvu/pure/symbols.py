"""Document numbers and symbols (số và ký hiệu) of Party and State documents.

A Party document is cited by ``NUMBER-TYPE/ISSUER``: ``21-KL/TW`` is conclusion (Kết luận)
number 21 of the Central Committee. State documents turn the separators around:
``1034/QĐ-TTg`` (NUMBER/TYPE-ISSUER), ``15/2023/NĐ-CP`` for legal-normative documents
(NUMBER/YEAR/TYPE-ISSUER), ``17/2008/QH12`` for laws (NUMBER/YEAR/QH + legislature) and
``3241/SNV-TT`` for official letters (NUMBER/AGENCY-UNIT, no type code).

Symbols typed by hand or pasted from a word processor arrive in many spellings, all
meaning the same document: ``37 – QĐ/TW``, ``CT 05 –CT/TW``, ``Số: 36-HD/VPTW``,
``5-ct/tw``, an Icelandic eth (Ð) typed for Đ, decomposed (NFD) Vietnamese, any of a
dozen dashes and spaces. This module reads them into one value with one spelling::

    >>> str(parse_symbol("Chỉ thị 5 – ct/tw"))
    '05-CT/TW'
    >>> [m.text for m in find_symbols("Thực hiện Kết luận 21-KL/TW ngày 25/10/2021")]
    ['21-KL/TW']

Canonical form, as ``str(symbol)`` writes it:

* Numbers have at least two digits, for Party *and* State symbols: both registers count
  from 01 and documents print ``05-CT/TW`` and ``08/2022/NĐ-CP``. ``102-QĐ/TW`` and
  ``1034/QĐ-TTg`` keep their digits, leading zeros beyond two are dropped.
* Codes are upper case, except the known mixed-case codes, which keep their registered
  spelling whatever the case typed (``TTg``, ``TTr``, ``CTr``, ``QĐi``, ``QyĐ``, ``TxU``,
  ``ThU``): ``QĐ-Ttg`` reads as ``QĐ-TTg``.
* One ASCII hyphen and one slash, no spaces: ``37-QĐ/TW``, ``15/2023/NĐ-CP``.

Equality and hashing follow the canonical form, so ``parse_symbol("37 – QĐ/TW") ==
parse_symbol("37-QĐ/TW")``. Identity of a *document* needs more than its symbol
(numbers restart with each committee term); that is the register's business.

Text that cannot be a symbol raises :class:`InvalidSymbol`, carrying a
:class:`~wagtail_dangvu.pure.problems.Problem`: a :class:`Code` and its parameters, which
:mod:`wagtail_dangvu.wording` words in the reader's language for a form. A symbol that is
readable but doubtful (no issuer, an issuer not in the tables, a State code in a Party
symbol, ``06/2021QĐ-UBND`` without its slash) parses, with the doubts in
:attr:`DocumentSymbol.warnings`, as problems too.

The names in the code tables (``TYPE_NAMES``, ``ISSUERS``) are domain data, not
messages: the Vietnamese names of Vietnamese documents and bodies, as the documents
themselves print them, in whatever language the page around them is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Literal

from wagtail_dangvu.pure.problems import Problem, ProblemError

__all__ = [
    "FORMER_PARTY_ISSUERS",
    "ISSUERS",
    "TYPE_NAMES",
    "Code",
    "DocumentSymbol",
    "InvalidSymbol",
    "SymbolMatch",
    "System",
    "find_symbols",
    "fold",
    "parse_symbol",
]

System = Literal["party", "state"]


# --------------------------------------------------------------------------------------
# Code tables
# --------------------------------------------------------------------------------------

_PARTY_TYPES = {
    "NQ": ("Nghị quyết",),
    "QĐ": ("Quyết định", "Quy định"),  # one code for both: store the type name separately
    "QĐi": ("Quy định",),  # the 2018 series
    "CT": ("Chỉ thị",),
    "KL": ("Kết luận",),
    "QC": ("Quy chế",),
    "HD": ("Hướng dẫn",),
    "TB": ("Thông báo",),
    "KH": ("Kế hoạch",),
    "CV": ("Công văn",),
    "BS": ("Bản sao",),
    "BC": ("Báo cáo",),
    "TT": ("Thông tri",),  # State TT is Thông tư
    "TTr": ("Tờ trình",),
    "CTr": ("Chương trình",),
    "ĐA": ("Đề án",),
    "PA": ("Phương án",),
    "DA": ("Dự án",),
    "QH": ("Quy hoạch",),  # State QH is the National Assembly
    "BB": ("Biên bản",),
}

# Decree 30/2020/NĐ-CP (administrative documents) and the legal-normative types.
_STATE_TYPES = {
    "NĐ": ("Nghị định",),
    "TT": ("Thông tư",),
    "TTLT": ("Thông tư liên tịch",),
    "NQLT": ("Nghị quyết liên tịch",),
    "NQ": ("Nghị quyết",),
    "QĐ": ("Quyết định",),
    "CT": ("Chỉ thị",),
    "L": ("Lệnh",),
    "QC": ("Quy chế",),
    "QyĐ": ("Quy định",),
    "TC": ("Thông cáo",),
    "TB": ("Thông báo",),
    "HD": ("Hướng dẫn",),
    "CTr": ("Chương trình",),
    "KH": ("Kế hoạch",),
    "PA": ("Phương án",),
    "ĐA": ("Đề án",),
    "DA": ("Dự án",),
    "BC": ("Báo cáo",),
    "BB": ("Biên bản",),
    "TTr": ("Tờ trình",),
    "HĐ": ("Hợp đồng",),
    "CĐ": ("Công điện",),
    "GN": ("Bản ghi nhớ",),
    "TTh": ("Bản thỏa thuận",),
    "GUQ": ("Giấy ủy quyền",),
    "GM": ("Giấy mời",),
    "GGT": ("Giấy giới thiệu",),
    "GNP": ("Giấy nghỉ phép",),
    "PG": ("Phiếu gửi",),
    "PC": ("Phiếu chuyển",),
    "PB": ("Phiếu báo",),
    "CV": ("Công văn",),  # not in Decree 30, still met in the wild
}

_PARTY_ISSUERS = {
    "TW": "Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư",
    "VPTW": "Văn phòng Trung ương Đảng",
    "BTCTW": "Ban Tổ chức Trung ương",
    "UBKTTW": "Ủy ban Kiểm tra Trung ương",
    "QUTW": "Quân ủy Trung ương",
    "ĐUQSTW": "Đảng ủy Quân sự Trung ương",
    "BTGDVTW": "Ban Tuyên giáo và Dân vận Trung ương",  # since 2025
    "BTGTW": "Ban Tuyên giáo Trung ương",  # before 2025
    "BDVTW": "Ban Dân vận Trung ương",  # before 2025
    "TU": "Tỉnh ủy",
    "BTCTU": "Ban Tổ chức Tỉnh ủy",
    "BTGTU": "Ban Tuyên giáo Tỉnh ủy",
    "BDVTU": "Ban Dân vận Tỉnh ủy",
    "BTGDVTU": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "UBKTTU": "Ủy ban Kiểm tra Tỉnh ủy",
    "VPTU": "Văn phòng Tỉnh ủy",
    "ĐUK": "Đảng ủy Khối",
    "HU": "Huyện ủy",  # district level abolished 1 July 2025
    "QU": "Quận ủy",
    "TxU": "Thị ủy",
    "ThU": "Thành ủy",
    "VPQU": "Văn phòng Quận ủy",
    "VPHU": "Văn phòng Huyện ủy",
    "BTCHU": "Ban Tổ chức Huyện ủy",
    "UBKTHU": "Ủy ban Kiểm tra Huyện ủy",
    "ĐU": "Đảng ủy",
    "UBKTĐU": "Ủy ban Kiểm tra Đảng ủy",
    "CB": "Chi bộ",
}

_STATE_ISSUERS = {
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "KTNN": "Kiểm toán nhà nước",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "BNV": "Bộ Nội vụ",
    "BTC": "Bộ Tài chính",
    "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BNG": "Bộ Ngoại giao",
    "BTP": "Bộ Tư pháp",
    "BCT": "Bộ Công Thương",
    "BXD": "Bộ Xây dựng",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BGTVT": "Bộ Giao thông vận tải",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "UBDT": "Ủy ban Dân tộc",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "SNV": "Sở Nội vụ",
    "STC": "Sở Tài chính",
    "SYT": "Sở Y tế",
    "SGDĐT": "Sở Giáo dục và Đào tạo",
    "STP": "Sở Tư pháp",
    "SXD": "Sở Xây dựng",
    "SCT": "Sở Công Thương",
    "SKHCN": "Sở Khoa học và Công nghệ",
    "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch",
    "SNNMT": "Sở Nông nghiệp và Môi trường",
}

#: Vietnamese names each type code stands for, per system, most common first.
#: ``TYPE_NAMES["party"]["QĐ"] == ("Quyết định", "Quy định")``; Party TT is Thông tri,
#: State TT is Thông tư, hence one table per system.
TYPE_NAMES: Mapping[System, Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {"party": MappingProxyType(_PARTY_TYPES), "state": MappingProxyType(_STATE_TYPES)}
)

#: Issuing bodies per system: ``ISSUERS["party"]["HU"] == "Huyện ủy"``.
ISSUERS: Mapping[System, Mapping[str, str]] = MappingProxyType(
    {"party": MappingProxyType(_PARTY_ISSUERS), "state": MappingProxyType(_STATE_ISSUERS)}
)

#: Party issuers of the three-level system, gone since 1 July 2025: the district level
#: (Huyện ủy, Quận ủy, Thị ủy, Thành ủy of a provincial city and their offices) and the two
#: central boards merged into the Ban Tuyên giáo và Dân vận. Their documents still parse,
#: without a warning, as history (:attr:`DocumentSymbol.issued_before_two_levels`).
FORMER_PARTY_ISSUERS: frozenset[str] = frozenset(
    {"HU", "QU", "TxU", "ThU", "VPQU", "VPHU", "BTCHU", "UBKTHU", "BTGTW", "BDVTW"}
)

# Every known code keyed by its upper-case form, so "ttg", "TTG" and "Ttg" all read "TTg".
_CANONICAL_CODES = {
    code.upper(): code
    for table in (_PARTY_TYPES, _STATE_TYPES, _PARTY_ISSUERS, _STATE_ISSUERS)
    for code in table
}

# Laws and ordinances: the National Assembly or its Standing Committee and its legislature.
_LEGISLATURE_RE = re.compile(r"(?P<body>QH|UBTVQH)(?P<term>\d{1,2})")

_LETTER_CODE_RE = re.compile(r"[^\W\d_]+")
_STATE_CODE_RE = re.compile(r"[^\W\d_]+\d{0,2}")


def _canonical_code(code: str) -> str:
    upper = code.upper()
    return _CANONICAL_CODES.get(upper, upper)


def _canonical_codes(codes: str) -> str:
    """Canonical spelling of hyphen-joined codes: ``"qđ-ttg"`` -> ``"QĐ-TTg"``."""
    return "-".join(_canonical_code(code) for code in codes.split("-")) if codes else ""


def _is_known_code(code: str) -> bool:
    return code.upper() in _CANONICAL_CODES or bool(_LEGISLATURE_RE.fullmatch(code.upper()))


# --------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------


class Code(StrEnum):
    """What can be wrong with a symbol; :mod:`wagtail_dangvu.wording` words each one.

    The parameters, by code: ``text`` is the text as read (cleaned), ``code`` a type or
    issuer code, ``codes`` the codes after the number, ``number`` and ``year`` integers.
    """

    # Errors: the text is not a symbol.
    EMPTY = "symbol.empty"
    NUMBER_OUT_OF_RANGE = "symbol.number_out_of_range"  # number
    NUMBER_ZERO = "symbol.number_zero"  # text
    NO_NUMBER = "symbol.no_number"  # text
    NO_CODES = "symbol.no_codes"  # text
    IS_A_DATE = "symbol.is_a_date"  # text
    UNREADABLE = "symbol.unreadable"  # text
    EXTRA_BEFORE = "symbol.extra_before"  # text, extra
    EXTRA_AFTER = "symbol.extra_after"  # text, extra
    STATE_SHAPE = "symbol.state_shape"  # text
    BAD_TYPE = "symbol.bad_type"  # code
    BAD_ISSUER = "symbol.bad_issuer"  # code
    BAD_CODES = "symbol.bad_codes"  # codes
    PARTY_WITH_YEAR = "symbol.party_with_year"
    BAD_YEAR = "symbol.bad_year"  # year
    # Warnings: the symbol reads, but something in it is doubtful.
    STATE_TYPE_IN_PARTY = "symbol.state_type_in_party"  # code
    STATE_BODY_AS_PARTY_TYPE = "symbol.state_body_as_party_type"  # code
    UNKNOWN_PARTY_TYPE = "symbol.unknown_party_type"  # code
    PARTY_NO_ISSUER = "symbol.party_no_issuer"
    STATE_BODY_IN_PARTY = "symbol.state_body_in_party"  # code
    UNKNOWN_PARTY_ISSUER = "symbol.unknown_party_issuer"  # code
    YEAR_WITHOUT_SLASH = "symbol.year_without_slash"  # year, codes
    UNLIKELY_YEAR = "symbol.unlikely_year"  # year
    LAW_WITHOUT_YEAR = "symbol.law_without_year"
    STATE_NO_ISSUER = "symbol.state_no_issuer"
    UNKNOWN_STATE_ISSUER = "symbol.unknown_state_issuer"  # code
    LOOKS_LIKE_PARTY = "symbol.looks_like_party"  # symbol
    UNKNOWN_STATE_CODE = "symbol.unknown_state_code"  # code
    LEAD_TYPE_MISMATCH = "symbol.lead_type_mismatch"  # written, code


class InvalidSymbol(ProblemError):
    """Text that cannot be read as a document symbol: :attr:`problem` says why."""

    def __init__(
        self, code: Code, params: Mapping[str, object] | None = None, text: str = ""
    ) -> None:
        super().__init__(Problem(code, params or {}))
        self.text = text  # what was given to read


@dataclass(frozen=True, eq=False)
class DocumentSymbol:
    """A document's number and symbol (số và ký hiệu), in canonical spelling.

    ``str()`` gives the canonical form (see the module docstring); equality and hashing
    follow it, ``warnings`` play no part. Codes are respelled canonically on
    construction, so ``DocumentSymbol(5, "ct", "tw")`` is ``05-CT/TW``.

    State symbols: ``type_code`` is empty for official letters (``3241/SNV-TT``: issuer
    ``SNV-TT``, the agency then its drafting unit) and laws (``17/2008/QH12``: issuer
    ``QH12``, the National Assembly and its legislature). Joint documents hyphen-join
    their issuers (``TTLT-BTC-BNV``: issuer ``BTC-BNV``).
    """

    number: int
    type_code: str
    issuer: str = ""
    year: int | None = None
    system: System = "party"
    warnings: tuple[Problem, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.system not in ("party", "state"):
            raise ValueError(f"system must be 'party' or 'state', not {self.system!r}")
        if not 0 < self.number < 1_000_000:
            raise InvalidSymbol(Code.NUMBER_OUT_OF_RANGE, {"number": self.number})
        set_field = object.__setattr__  # frozen: respell the codes once, here
        set_field(self, "type_code", _canonical_codes(self.type_code))
        set_field(self, "issuer", _canonical_codes(self.issuer))
        set_field(self, "warnings", tuple(self.warnings))
        if self.system == "party":
            self._check_party_shape()
        else:
            self._check_state_shape()

    def _check_party_shape(self) -> None:
        if not re.fullmatch(r"[^\W\d_]{1,6}", self.type_code):
            raise InvalidSymbol(Code.BAD_TYPE, {"code": self.type_code})
        if self.issuer and not all(map(_LETTER_CODE_RE.fullmatch, self.issuer.split("-"))):
            raise InvalidSymbol(Code.BAD_ISSUER, {"code": self.issuer})
        if self.year is not None:
            raise InvalidSymbol(Code.PARTY_WITH_YEAR)

    def _check_state_shape(self) -> None:
        codes = "-".join(filter(None, (self.type_code, self.issuer)))
        if not codes or not all(map(_STATE_CODE_RE.fullmatch, codes.split("-"))):
            raise InvalidSymbol(Code.BAD_CODES, {"codes": codes})
        if self.year is not None and not 1000 <= self.year <= 9999:
            raise InvalidSymbol(Code.BAD_YEAR, {"year": self.year})

    def __str__(self) -> str:
        number = f"{self.number:02d}"
        if self.system == "party":
            issuer = f"/{self.issuer}" if self.issuer else ""
            return f"{number}-{self.type_code}{issuer}"
        year = [] if self.year is None else [str(self.year)]
        codes = "-".join(filter(None, (self.type_code, self.issuer)))
        return "/".join([number, *year, codes])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DocumentSymbol):
            return NotImplemented
        return str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    @property
    def is_complete(self) -> bool:
        """Whether the symbol names its issuer (``03-HD`` does not)."""
        return bool(self.issuer)

    @property
    def search_key(self) -> str:
        """The canonical form in upper-case ASCII letters and digits: ``21KLTW``."""
        return re.sub(r"[^0-9a-z]", "", fold(str(self))).upper()

    @property
    def type_names(self) -> tuple[str, ...]:
        """Names the type may stand for, most common first; () when unknown.

        ``QĐ`` gives ``("Quyết định", "Quy định")``: let an editor choose.
        """
        if self.type_code:
            return TYPE_NAMES[self.system].get(self.type_code, ())
        legislature = _LEGISLATURE_RE.fullmatch(self.issuer)
        if legislature:
            return _LAW_NAMES if legislature["body"] == "QH" else _ORDINANCE_NAMES
        return _LETTER_NAMES

    @property
    def issuer_name(self) -> str | None:
        """Name of the issuing body (bodies, for joint documents), or None if unknown."""
        legislature = _LEGISLATURE_RE.fullmatch(self.issuer)
        if legislature:
            body = _STATE_ISSUERS[legislature["body"]]
            return f"{body} khóa {_roman(int(legislature['term']))}"
        codes = self.issuer.split("-") if self.issuer else []
        if self.system == "state" and not self.type_code:
            codes = codes[:1]  # an official letter: the agency, then its drafting unit
        names = [ISSUERS[self.system].get(code, "") for code in codes]
        return ", ".join(names) if names and all(names) else None

    @property
    def issued_before_two_levels(self) -> bool:
        """Whether an issuer is a body of the system before 1 July 2025 (``44-KH/HU``)."""
        return self.system == "party" and any(
            code in FORMER_PARTY_ISSUERS for code in self.issuer.split("-")
        )


@dataclass(frozen=True)
class SymbolMatch:
    """A symbol found in text: ``text[start:end]`` as written there, and its reading."""

    start: int
    end: int
    symbol: DocumentSymbol
    text: str


def _roman(number: int) -> str:
    numerals = ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    digits = []
    for value, numeral in numerals:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


# --------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------

_DASHES = (
    "\u02d7"  # modifier letter minus
    "\u2010\u2011\u2012\u2013\u2014\u2015"  # hyphen, non-breaking hyphen, figure/en/em dash, bar
    "\u2043\u2212"  # hyphen bullet, minus sign
    "\ufe58\ufe63\uff0d"  # small em dash, small and full-width hyphen-minus
)
_SLASHES = "\u2044\u2215\uff0f"  # fraction slash, division slash, full-width solidus
_SPACES = (
    "\t\u00a0\u1680\u202f\u205f\u3000"  # tab, no-break, ogham, narrow no-break, math, ideographic
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"  # en quad ... hair space
    "\u200b\u2060\ufeff"  # zero-width space, word joiner, BOM
)

# One character for one character, so that offsets survive the translation.
_CHAR_MAP = str.maketrans(
    {
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_SLASHES, "/"),
        **dict.fromkeys(_SPACES, " "),
        "\u00d0": "\u0110",  # Ð (eth) typed for Đ
        "\u00f0": "\u0111",  # ð for đ
        "\u0189": "\u0110",  # Ɖ (African D) for Đ
        "\u0256": "\u0111",  # ɖ for đ
    }
)

_D_WITH_STROKE = str.maketrans("ĐđÐðƉɖ", "DdDdDd")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its Vietnamese diacritics, đ included.

    For diacritic-insensitive search: ``fold("Kết luận Đảng ủy") == "ket luan dang uy"``.
    The result may be shorter than ``text`` when ``text`` is decomposed (NFD).
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_WITH_STROKE))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare).lower()


def _clean(text: str) -> str:
    """NFC, dashes and slashes unified, Đ for its look-alikes, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_CHAR_MAP).split())


def _clusters(text: str) -> Iterator[tuple[int, int]]:
    """Spans of each base character together with the combining marks after it."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            yield start, index
            start = index


@dataclass(frozen=True)
class _SearchText:
    """Text normalised for searching, and the way back to the original offsets.

    ``starts[i]``/``ends[i]`` bound the original characters that became ``text[i]``; both
    are None when normalising changed no offset (text already NFC).
    """

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    @classmethod
    def of(cls, original: str) -> _SearchText:
        if unicodedata.is_normalized("NFC", original):
            return cls(original.translate(_CHAR_MAP))
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for start, end in _clusters(original):
            piece = unicodedata.normalize("NFC", original[start:end])
            pieces.append(piece)
            starts += [start] * len(piece)
            ends += [end] * len(piece)
        return cls("".join(pieces).translate(_CHAR_MAP), starts, ends)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


# --------------------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------------------

# A symbol, in text already passed through _CHAR_MAP: every dash is "-", every slash "/",
# every space on the line " ". "[^\W\d_]" is any letter, Đ included.
_SYMBOL_RE = re.compile(
    r"""
    (?<![\w./-])                           # clear of words, numbers, ratios, paths
    (?:
        # Party: 21-KL/TW, "37 – QĐ/TW", 05-HD/BTCTU, 03-HD (no issuer)
        (?P<p_number>0*\d{1,6})
        [ ]{0,3} - [ ]{0,3}                 # the dash, often spaced in the wild
        (?P<p_type>[^\W\d_]{1,6})
        (?:
            [ ]{0,3} / [ ]{0,3}
            (?P<p_issuer>[^\W\d_]+(?:-[^\W\d_]+)*)    # TW, BTCTU, joint BTCTW-BNV
        )?
    |
        # State: 1034/QĐ-TTg, 3241/SNV-TT, 15/2023/NĐ-CP, 17/2008/QH12, 06/2021QĐ-UBND
        (?P<s_number>0*\d{1,6})
        [ ]{0,3} / [ ]{0,3}
        (?:
            (?P<s_year>\d{4})
            [ ]{0,3} (?P<s_year_slash>/)? [ ]{0,3}      # the slash is sometimes forgotten
        )?
        (?P<s_codes>[^\W\d_]+\d{0,2}(?:-[^\W\d_]+\d{0,2})*)  # QĐ-TTg, TTLT-BTC-BNV, QH12
    )
    (?![\w/]|-\w)                          # and ends there: not 21-KL/TW/abc, not 21-KLX
    """,
    re.VERBOSE,
)

# Stretches of text that are not prose: a symbol-like run inside them is no symbol.
# Each branch starts only where a run of its characters starts, which keeps the scan linear.
_NOT_PROSE_RE = re.compile(
    r"""
        (?<![\w.+/-]) [\w.+/-]+ @ [\w-]+ (?:\.[\w-]+)+   # e-mail ("/" is legal before @)
    |   (?<![\w.+-]) (?:[a-z][\w+.-]*:// | www\.) \S*     # URL with a scheme, or www.
    |   (?<![\w.-]) [\w-]+ (?:\.[\w-]+)* \.[a-z]{2,} / \S*   # domain and path: dang.vn/21-kl/tw
    |   (?<!\S) (?-i: / [a-z0-9_~-]*[a-z][a-z0-9_~-]* / ) \S*  # site path: /tin-tuc/21-kl/tw
    """,
    re.VERBOSE | re.IGNORECASE,
)

# "QĐ - TTg" in a form field; never in prose, where "QĐ-TTg - Thủ tướng" would run on.
_SPACED_CODE_DASH_RE = re.compile(r"(?<=[^\W\d_])\s*-\s*(?=[^\W\d_])")

_DATE_RE = re.compile(r"^\D*\d{1,2}/\d{1,2}/\d{4}\D*$")  # "25/10/2021", "ngày 25/10/2021"

_SYMBOL_TAIL = " .,;/"  # what may follow a symbol in a form field: "21-KL/TW./."

# Names of document types for the State symbols that carry none.
_LAW_NAMES = ("Luật", "Bộ luật", "Nghị quyết")
_ORDINANCE_NAMES = ("Pháp lệnh", "Nghị quyết")
_LETTER_NAMES = ("Công văn",)


def _lead_words() -> dict[str, frozenset[str]]:
    """Words that may precede a symbol, folded, with the type codes each one names."""
    generic = ("Số", "Văn bản", *_LAW_NAMES, *_ORDINANCE_NAMES)
    words: dict[str, frozenset[str]] = {fold(word): frozenset() for word in generic}
    for table in (_PARTY_TYPES, _STATE_TYPES):
        for code, names in table.items():
            for word in map(fold, (*names, code)):
                words[word] = words.get(word, frozenset()) | {code}
    return words


_LEAD_WORDS = _lead_words()
_LEAD_WORD_PATTERN = "|".join(
    re.escape(word) for word in sorted(_LEAD_WORDS, key=len, reverse=True)
)
# "Số", "Số:", "Chỉ thị", "CT", "Kết luận số" ... in folded text.
_LEAD_WORD_RE = re.compile(rf"(?P<word>{_LEAD_WORD_PATTERN})\b\s*[:.]?\s*")
_LEAD_RE = re.compile(rf"\s*(?:{_LEAD_WORD_RE.pattern})*")


# --------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------


def parse_symbol(text: str) -> DocumentSymbol:
    """Read one document symbol, in any of the spellings met in the wild.

    Accepts a leading ``Số``/``Số:``, a type name or code (``Chỉ thị 05-CT/TW``,
    ``CT 05 –CT/TW``) and trailing ``.``/``./.``. Raises :class:`InvalidSymbol` when the
    text holds no symbol or more than one.
    """
    cleaned = _clean(text)
    if not cleaned:
        raise InvalidSymbol(Code.EMPTY, text=text)
    match = _SYMBOL_RE.search(_SPACED_CODE_DASH_RE.sub("-", cleaned))
    if match is None:
        raise InvalidSymbol(_why_unreadable(cleaned), {"text": cleaned}, text)
    lead, tail = match.string[: match.start()], match.string[match.end() :]
    if not _LEAD_RE.fullmatch(fold(lead)):
        raise InvalidSymbol(Code.EXTRA_BEFORE, {"text": cleaned, "extra": lead.strip()}, text)
    if tail.strip(_SYMBOL_TAIL):
        raise InvalidSymbol(Code.EXTRA_AFTER, {"text": cleaned, "extra": tail.strip()}, text)
    symbol = _symbol_from(match, text)
    return _add_warnings(symbol, _lead_type_warnings(lead, symbol))


def find_symbols(text: str) -> list[SymbolMatch]:
    """Every document symbol in running text, in order, never overlapping.

    Spans are offsets into ``text`` as given (decomposed or not) and cover the symbol
    alone: ``05 –CT/TW`` in ``CT 05 –CT/TW``, ``21-KL/TW`` in ``Kết luận số 21-KL/TW``.
    Dates, ratios, times, URLs, paths and e-mail addresses are never read as symbols.

    Prose is ambiguous where a form field is not, so three rules apply on top of
    :func:`parse_symbol`: a code written in lower case must be a known one (``5-ct/tw``
    yes, ``2-ca/đêm`` no); a Party symbol without issuer (``03-HD``) is found only when
    its type is a known code written in capitals; and the dash between two codes takes no
    spaces (``1034/QĐ - TTg`` parses, but is not found).
    """
    searchable = _SearchText.of(text)
    not_prose = [match.span() for match in _NOT_PROSE_RE.finditer(searchable.text)]
    found = []
    for match in _SYMBOL_RE.finditer(searchable.text):
        if _overlaps(match.span(), not_prose) or not _reads_as_symbol_in_prose(match):
            continue
        try:
            symbol = _symbol_from(match, match.group())
        except InvalidSymbol:
            continue
        start, end = searchable.original_span(*match.span())
        found.append(SymbolMatch(start, end, symbol, text[start:end]))
    return found


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in others)


def _reads_as_symbol_in_prose(match: re.Match[str]) -> bool:
    if match["p_number"] and not match["p_issuer"]:
        code = match["p_type"]
        return _is_known_code(code) and code in (code.upper(), _canonical_code(code))
    codes = [match["p_type"], *(match["p_issuer"] or match["s_codes"]).split("-")]
    return all(_is_known_code(code) or code == code.upper() for code in codes if code)


def _why_unreadable(cleaned: str) -> Code:
    first_digit = re.search(r"\d", cleaned)
    if first_digit is None:
        return Code.NO_NUMBER
    if _DATE_RE.search(cleaned):
        return Code.IS_A_DATE
    if not any(char.isalpha() for char in cleaned[first_digit.start() :]):
        return Code.NO_CODES
    return Code.UNREADABLE


def _symbol_from(match: re.Match[str], text: str) -> DocumentSymbol:
    if match["p_number"]:
        return _party_symbol(match["p_number"], match["p_type"], match["p_issuer"] or "", text)
    return _state_symbol(
        match["s_number"], match["s_year"], bool(match["s_year_slash"]), match["s_codes"], text
    )


def _number(digits: str, text: str) -> int:
    if int(digits) == 0:
        raise InvalidSymbol(Code.NUMBER_ZERO, {"text": text}, text)
    return int(digits)


def _add_warnings(symbol: DocumentSymbol, warnings: list[Problem]) -> DocumentSymbol:
    return replace(symbol, warnings=(*symbol.warnings, *warnings)) if warnings else symbol


def _party_symbol(number: str, type_code: str, issuer: str, text: str) -> DocumentSymbol:
    symbol = DocumentSymbol(_number(number, text), type_code, issuer, system="party")
    return _add_warnings(symbol, [*_party_type_warnings(symbol), *_party_issuer_warnings(symbol)])


def _party_type_warnings(symbol: DocumentSymbol) -> list[Problem]:
    code = symbol.type_code
    if code in _PARTY_TYPES:
        return []
    if code in _STATE_TYPES:
        return [Problem(Code.STATE_TYPE_IN_PARTY, {"code": code})]
    if code in _STATE_ISSUERS:
        return [Problem(Code.STATE_BODY_AS_PARTY_TYPE, {"code": code})]
    return [Problem(Code.UNKNOWN_PARTY_TYPE, {"code": code})]


def _party_issuer_warnings(symbol: DocumentSymbol) -> list[Problem]:
    if not symbol.issuer:
        return [Problem(Code.PARTY_NO_ISSUER)]
    warnings = []
    for code in symbol.issuer.split("-"):
        if code in _PARTY_ISSUERS:
            continue
        if code in _STATE_ISSUERS:
            warnings.append(Problem(Code.STATE_BODY_IN_PARTY, {"code": code}))
        else:
            warnings.append(Problem(Code.UNKNOWN_PARTY_ISSUER, {"code": code}))
    return warnings


def _state_symbol(
    number: str, year: str | None, year_slash: bool, codes: str, text: str
) -> DocumentSymbol:
    first, *rest = _canonical_codes(codes).split("-")
    legislature = _LEGISLATURE_RE.fullmatch(first) if not rest else None
    if not rest and not (legislature or first in _STATE_ISSUERS or first in _STATE_TYPES):
        raise InvalidSymbol(Code.STATE_SHAPE, {"text": _clean(text)}, text)
    if first in _STATE_TYPES:
        type_code, issuer = first, "-".join(rest)
    else:
        type_code, issuer = "", codes
    symbol = DocumentSymbol(
        _number(number, text),
        type_code,
        issuer,
        year=int(year) if year else None,
        system="state",
    )
    warnings = []
    if year and not year_slash:
        warnings.append(Problem(Code.YEAR_WITHOUT_SLASH, {"year": year, "codes": codes}))
    if symbol.year is not None and not 1945 <= symbol.year <= 2100:
        warnings.append(Problem(Code.UNLIKELY_YEAR, {"year": symbol.year}))
    if legislature and symbol.year is None:
        warnings.append(Problem(Code.LAW_WITHOUT_YEAR))
    return _add_warnings(symbol, warnings + _state_issuer_warnings(symbol))


def _state_issuer_warnings(symbol: DocumentSymbol) -> list[Problem]:
    if not symbol.issuer:
        return [Problem(Code.STATE_NO_ISSUER)]
    agency = symbol.issuer.split("-")[0]
    if agency in _STATE_ISSUERS or _LEGISLATURE_RE.fullmatch(agency):
        return []
    if symbol.type_code:
        return [Problem(Code.UNKNOWN_STATE_ISSUER, {"code": agency})]
    if agency in _PARTY_TYPES:
        return [Problem(Code.LOOKS_LIKE_PARTY, {"symbol": str(symbol)})]
    return [Problem(Code.UNKNOWN_STATE_CODE, {"code": agency})]


def _lead_type_warnings(lead: str, symbol: DocumentSymbol) -> list[Problem]:
    """Warn when the words before a symbol name another type: ``Chỉ thị 21-KL/TW``."""
    if not symbol.type_code:
        return []
    folded = fold(lead)
    warnings = []
    for word in _LEAD_WORD_RE.finditer(folded):
        codes = _LEAD_WORDS[word["word"]]
        if codes and symbol.type_code not in codes:
            written = lead[word.start("word") : word.end("word")]
            if len(folded) != len(lead):  # folding changed the offsets: show it folded
                written = word["word"]
            warnings.append(
                Problem(Code.LEAD_TYPE_MISMATCH, {"written": written, "code": symbol.type_code})
            )
    return warnings
