"""Reading a province's list of administrative units from CSV, every line checked.

Pure Python (no Django). The file has the header
``code,name,kind,parent_code,valid_from,valid_until,successor_code``; dates are
``YYYY-MM-DD`` or empty. :func:`read_units` returns the rows when the whole file is
sound, and otherwise raises :class:`~wagtail_dangvu.problems.ProblemError` with every
problem found, each naming its line (``line``) and what is wrong: the importer writes
nothing from a file with a single problem. The codes are worded in
:mod:`wagtail_dangvu.wording`.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from ..problems import Problem, ProblemError
from .graph import find_cycle

__all__ = ["HEADER", "KINDS", "Code", "UnitRow", "read_units"]


class Code(StrEnum):
    """What can be wrong with a file; :mod:`wagtail_dangvu.units.wording` words each one.

    Every problem has ``line``; the other parameters, by code, follow the comments.
    """

    NOT_UTF8 = "units.not_utf8"
    BAD_CSV = "units.bad_csv"
    BAD_HEADER = "units.bad_header"  # expected
    BAD_COLUMNS = "units.bad_columns"  # found, expected
    NO_CODE = "units.no_code"
    BAD_CODE = "units.bad_code"  # code, max
    DUPLICATE_CODE = "units.duplicate_code"  # code, first
    NO_NAME = "units.no_name"
    LONG_NAME = "units.long_name"  # max
    CONTROL_CHARACTERS = "units.control_characters"  # column
    BAD_KIND = "units.bad_kind"  # kind, kinds
    BAD_DATE = "units.bad_date"  # column, value
    ENDS_BEFORE_START = "units.ends_before_start"
    UNKNOWN_CODE = "units.unknown_code"  # column, code
    CYCLE = "units.cycle"  # column, codes


HEADER = ("code", "name", "kind", "parent_code", "valid_from", "valid_until", "successor_code")
KINDS = (
    "tinh",
    "thanh_pho_tw",
    "xa",
    "phuong",
    "dac_khu",
    "huyen",
    "quan",
    "thi_xa",
    "thanh_pho_thuoc_tinh",
)
CODE_MAX = 16
NAME_MAX = 255
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Codes are the official ones: digits as the General Statistics Office writes them,
# letters allowed for a province's own (former) units, nothing that could be markup.
CODE_RE = re.compile(r"^[0-9A-Za-z_.-]+$")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class UnitRow:
    line: int
    code: str
    name: str
    kind: str
    parent_code: str
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    successor_code: str


def _date(value: str, column: str, line: int, problems: list) -> datetime.date | None:
    if not value:
        return None
    if DATE_RE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(Problem(Code.BAD_DATE, {"line": line, "column": column, "value": value}))
    return None


def _rows(text: str, problems: list) -> Iterable[tuple[int, list[str]]]:
    """(line number, cells) of each record after the header; blank lines are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None or tuple(cell.strip() for cell in header) != HEADER:
            problems.append(Problem(Code.BAD_HEADER, {"line": 1, "expected": ",".join(HEADER)}))
            return
        line = reader.line_num
        for cells in reader:
            start = line + 1
            line = reader.line_num
            if not cells or cells == [""]:
                continue
            yield start, cells
    except csv.Error:
        problems.append(Problem(Code.BAD_CSV, {"line": reader.line_num}))


def decode(data: bytes) -> str:
    """The text of a file in UTF-8, with or without a byte order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ProblemError(Problem(Code.NOT_UTF8, {"line": line})) from error


def read_units(text: str, known: Mapping[str, tuple[str, str]] | None = None) -> list[UnitRow]:
    """The units of a CSV file's text, or :class:`ProblemError` naming every problem.

    ``known`` maps the codes already in the database to their (parent code, successor
    code), "" for none: a row may name them as its parent or successor, and a link the
    file makes must not close a loop through them. A leading byte order mark is ignored.
    """
    known = dict(known or {})
    problems: list[Problem] = []
    rows: list[UnitRow] = []
    first_line: dict[str, int] = {}
    references: list[tuple[int, str, str]] = []
    for line, cells in _rows(text.removeprefix("\ufeff"), problems):
        if len(cells) != len(HEADER):
            problems.append(
                Problem(
                    "units.bad_columns",
                    {"line": line, "found": len(cells), "expected": len(HEADER)},
                )
            )
            continue
        code, name, kind, parent, valid_from, valid_until, successor = (
            cell.strip() for cell in cells
        )
        before = len(problems)
        references += [(line, "parent_code", parent), (line, "successor_code", successor)]
        if not code:
            problems.append(Problem(Code.NO_CODE, {"line": line}))
        elif len(code) > CODE_MAX or not CODE_RE.match(code):
            problems.append(Problem(Code.BAD_CODE, {"line": line, "code": code, "max": CODE_MAX}))
        elif code in first_line:
            problems.append(
                Problem(
                    Code.DUPLICATE_CODE, {"line": line, "code": code, "first": first_line[code]}
                )
            )
        else:
            first_line[code] = line
        if not name:
            problems.append(Problem(Code.NO_NAME, {"line": line}))
        elif CONTROL_RE.search(name):
            problems.append(Problem(Code.CONTROL_CHARACTERS, {"line": line, "column": "name"}))
        elif len(name) > NAME_MAX:
            problems.append(Problem(Code.LONG_NAME, {"line": line, "max": NAME_MAX}))
        if kind not in KINDS:
            problems.append(
                Problem(Code.BAD_KIND, {"line": line, "kind": kind, "kinds": ", ".join(KINDS)})
            )
        start = _date(valid_from, "valid_from", line, problems)
        end = _date(valid_until, "valid_until", line, problems)
        if start and end and end < start:
            problems.append(Problem(Code.ENDS_BEFORE_START, {"line": line}))
        if len(problems) == before:
            rows.append(UnitRow(line, code, name, kind, parent, start, end, successor))

    codes = set(first_line) | set(known)
    for line, column, target in references:
        if target and target not in codes:
            problems.append(
                Problem(Code.UNKNOWN_CODE, {"line": line, "column": column, "code": target})
            )
    for column, index in (("parent_code", 0), ("successor_code", 1)):
        # The file's rows first, so that the loop found is one the file makes.
        links = {row.code: getattr(row, column) or None for row in rows}
        for code, pair in known.items():
            links.setdefault(code, pair[index] or None)
        cycle = find_cycle(links)
        in_file = [code for code in cycle or () if code in first_line]
        if in_file:
            problems.append(
                Problem(
                    "units.cycle",
                    {
                        "line": first_line[in_file[0]],
                        "column": column,
                        "codes": " → ".join([*cycle, cycle[0]]),
                    },
                )
            )
    if problems:
        problems.sort(key=lambda problem: problem.params["line"])
        raise ProblemError(problems)
    return rows
