"""Reading a NukeViet 4 news module: from a live MySQL/MariaDB database or from a dump file.

Two sources give the same rows (column name -> ``None``, ``int``, ``Decimal``, ``float``,
``str`` for text columns, ``bytes`` for binary ones), one table at a time and streaming:

- ``MySQLSource`` asks the server through PyMySQL with an unbuffered cursor (``SSCursor``),
  ``SELECT *`` as mysqldump does, so rows come in the order of a dump of the database.
- ``DumpSource`` reads a mysqldump/mariadb-dump file (plain or gzipped, told apart by the
  gzip magic bytes) without a server. Opening it reads it through once: it must be a dump
  (the ``-- MySQL dump``/``-- MariaDB dump`` header), complete (the ``-- Dump completed``
  trailer, every statement closed, no string left open) and in UTF-8; the table
  definitions and where each table's INSERT statements lie are noted then. Reading a table
  seeks there and parses values as they come: memory holds one read buffer and one row,
  whatever the size of the file or of a table.

No Django here: this module is plain Python.

NukeViet's layouts, from its own schemas (``modules/news/action_mysql.php`` at the release
tags of github.com/nukeviet/nukeviet), and what ``find_module`` tells them by:

- "4.0": no ``_detail`` table; bodies in ``<prefix>_<lang>_<module>_bodyhtml_N`` tables
  (article ``id`` in ``N = ceil(id / 2000)``), plain text in ``_bodytext``. NukeViet
  4.0.00 to 4.0.21 (2014-2015); 4.0.22 moved bodies to ``_detail``. (Issue #14 counts
  these "older bodies" among the 4.3 layouts; no 4.3 release has them.)
- "4.3": ``_detail`` and no ``_author``/``_authorlist`` tables. ``files`` and
  ``layout_func`` came into ``_detail`` with 4.3.00, ``keywords`` with 4.3.01; 4.0.22 to
  4.2.x read the same, without them. The news tables of 4.3.x and 4.4.x are the same,
  column for column, up to 4.4.05 (4.4.06 added ``_detail.voicedata`` and a ``_voices``
  table): "4.3" and "4.4" are told apart by the version NukeViet keeps in
  ``<prefix>_config`` (lang ``sys``, module ``global``, config_name ``version``), else by
  the ``_voices`` table; without either, "4.3". Both read the same way.
- "4.4": as "4.3", version 4.4.x (or ``_voices``).
- "4.5": the ``_author`` and ``_authorlist`` tables (internal authors; 4.5.00 on, which
  also gave ``_tags`` a ``title`` column), or version 4.5.x; bodies in ``_detail``.
"""

from __future__ import annotations

import functools
import gzip
import math
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO, Protocol
from urllib.parse import unquote, urlsplit

LAYOUTS = ("4.0", "4.3", "4.4", "4.5")

# The tables every layout has; the importer needs them. (_topics, _block, _block_cat, _tags,
# _tags_id and _sources too: NukeViet creates all of them with the module.)
NEWS_TABLES = ("cat", "rows", "sources", "tags", "tags_id", "topics", "block", "block_cat")


class NotNukeViet(Exception):
    """The source is not (or not all of) a NukeViet news module; the message says why."""


class Source(Protocol):
    description: str

    def tables(self) -> set[str]: ...

    def rows(self, table: str) -> Iterator[dict[str, object]]: ...

    def lookup(self, table: str, column: str, value: object) -> Iterator[dict[str, object]]: ...

    def close(self) -> None: ...


# --------------------------------------------------------------------------- MySQL


class MySQLSource:
    """A live database, ``mysql://user:password@host:port/dbname`` (``mariadb://`` too)."""

    def __init__(self, url: str):
        try:
            import pymysql
            import pymysql.converters
            import pymysql.cursors
            from pymysql.constants import FIELD_TYPE
        except ImportError as error:  # pragma: no cover - the extra is not installed
            raise NotNukeViet(
                "Reading a MySQL database needs PyMySQL: pip install 'wagtail-dangvu[nukeviet]'"
            ) from error
        parts = urlsplit(url)
        if parts.scheme not in ("mysql", "mariadb") or not parts.path.strip("/"):
            raise NotNukeViet(
                f"Not a MySQL address: {self._safe(url)} "
                "(expected mysql://user:password@host:port/dbname)"
            )
        self.database = unquote(parts.path.strip("/"))
        user = unquote(parts.username or "root")
        host = parts.hostname or "127.0.0.1"
        try:
            port = parts.port or 3306
        except ValueError as error:
            raise NotNukeViet(f"Not a port number in {self._safe(url)}") from error
        self.description = f"MySQL {user}@{host}:{port}/{self.database}"
        # Dates and times stay text, as a dump writes them; the rest as PyMySQL decodes it.
        conv = dict(pymysql.converters.conversions)
        for kind in (FIELD_TYPE.DATE, FIELD_TYPE.DATETIME, FIELD_TYPE.TIMESTAMP, FIELD_TYPE.TIME):
            conv[kind] = pymysql.converters.through
        settings = {
            "host": host,
            "port": port,
            "user": user,
            "password": unquote(parts.password or ""),
            "database": self.database,
            "charset": "utf8mb4",
            "conv": conv,
            "cursorclass": pymysql.cursors.SSCursor,
            "connect_timeout": 10,
            # TIMESTAMP columns in UTC, as mysqldump writes them.
            "init_command": "SET time_zone = '+00:00'",
        }

        def connect():
            try:
                return pymysql.connect(**settings)
            except pymysql.err.MySQLError as error:
                raise NotNukeViet(f"Cannot read {self.description}: {error.args[-1]}") from error

        self._connect = connect
        self._connection = connect()
        self._streaming = False  # a result is being read from self._connection
        self._tables: set[str] | None = None

    @staticmethod
    def _safe(url: str) -> str:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
        return parts._replace(netloc=netloc).geturl()

    def tables(self) -> set[str]:
        if self._tables is None:
            with self._connection.cursor() as cursor:
                cursor.execute("SHOW TABLES")
                self._tables = {name for (name,) in cursor.fetchall()}
        return self._tables

    def _select(self, sql: str, table: str, args=()) -> Iterator[dict[str, object]]:
        if table not in self.tables():
            raise NotNukeViet(f"No table {table} in {self.description}")
        return self._stream(sql, args)

    def _stream(self, sql: str, args) -> Iterator[dict[str, object]]:
        # An unbuffered result holds its connection until it is read: a table read while
        # another is (an article's body while reading the articles) gets a connection of
        # its own.
        own = self._streaming
        connection = self._connect() if own else self._connection
        if not own:
            self._streaming = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, args)
                names = [column[0] for column in cursor.description]
                for values in cursor:
                    yield dict(zip(names, values, strict=True))
        finally:
            if own:
                connection.close()
            else:
                self._streaming = False

    def rows(self, table: str) -> Iterator[dict[str, object]]:
        return self._select(f"SELECT * FROM `{table}`", table)

    def lookup(self, table: str, column: str, value: object) -> Iterator[dict[str, object]]:
        if not re.fullmatch(r"\w+", column):
            raise ValueError(column)
        return self._select(f"SELECT * FROM `{table}` WHERE `{column}` = %s", table, (value,))

    def close(self) -> None:
        self._connection.close()


# --------------------------------------------------------------------------- dump file

_CHUNK = 1 << 20
_WINDOW = 1 << 14
_HEAD_SIZE = 1 << 16  # what a statement's start (INSERT INTO `t` (`a`, ...) VALUES) takes
_MAX_TOKEN = 1 << 30  # MySQL's largest max_allowed_packet: no value is longer

# A quoted string as MySQL reads it: backslash escapes and doubled quotes (unrolled loop, so
# that a long string is one pass of the regex engine, not one Python step per character).
_SQ = rb"'[^'\\]*(?:(?:\\.|'')[^'\\]*)*'"
_DQ = rb'"[^"\\]*(?:(?:\\.|"")[^"\\]*)*"'
_BQ = rb"`[^`]*(?:``[^`]*)*`"

# Everything up to the next semicolon, comment or unfinished token, strings skipped whole.
# Each token must see the character after it (a string followed by a quote goes on; a dash
# followed by "- " starts a comment): at the end of the read buffer the last, undecided
# token is left for the next read, so that the buffer never has to hold a whole statement.
_SKIP = re.compile(
    rb"(?:[^'\";`/#\-]+|"
    + _SQ
    + rb"(?=[^'])|"
    + _DQ
    + rb'(?=[^"])|'
    + _BQ
    + rb"(?=[^`])|-(?=[^-])|-(?=-[^ \t\r\n])|/(?=[^*]))*",
    re.S,
)
# Between statements: blanks and comments.
_GAP = re.compile(rb"\s+")
_LINE_COMMENT = re.compile(rb"(?:--[ \t\r]|--(?=\n)|#)[^\n]*(?:\n|\Z)")
_BLOCK_COMMENT = re.compile(rb"/\*.*?\*/", re.S)
_COMMENT_START = re.compile(rb"--[ \t\r\n]|#|/\*(?!!)")  # /*!...*/ starts a statement
_INNER_COMMENT_START = re.compile(rb"--[ \t\r\n]|#|/\*")  # and is one inside a statement

# Blanks and comments where a statement's words may have them (not between values: no
# dump writes comments there).
_SP = rb"(?:\s+|/\*(?:[^*]|\*(?!/))*\*/|--[ \t][^\n]*\n|\#[^\n]*\n)"
_HEAD = re.compile(
    rb"(?:(?P<insert>(?:INSERT|REPLACE)(?:"
    + _SP
    + rb"+(?:IGNORE|DELAYED|LOW_PRIORITY|HIGH_PRIORITY))*"
    rb"" + _SP + rb"+(?:INTO" + _SP + rb"+)?)|(?P<create>CREATE" + _SP + rb"+TABLE" + _SP + rb"+"
    rb"(?:IF" + _SP + rb"+NOT" + _SP + rb"+EXISTS" + _SP + rb"+)?))"
    rb"(?P<name>" + _BQ + rb"|" + _DQ + rb"|(?!INTO\b)\w+)",
    re.I,
)
_ROWS_STATEMENT = re.compile(rb"(?:INSERT|REPLACE)\b", re.I)
_INSERT_COLUMNS = re.compile(
    _SP + rb"*\(((?:" + _SP + rb"*(?:" + _BQ + rb"|" + _DQ + rb"|\w+)" + _SP + rb"*,?)*)\)", re.S
)
_VALUES = re.compile(_SP + rb"*VALUES?" + _SP + rb"*", re.I)
_NAME = re.compile(_BQ + rb"|" + _DQ + rb"|\w+")
# MariaDB 10.11.8 and later open a dump with a line that puts the client in sandbox mode.
_DUMP_HEADER = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:/\*M![^\n]*\*/[ \t]*\r?\n)?-- (?:MySQL|MariaDB) dump"
)
_SET_NAMES = re.compile(rb"SET\s+NAMES\s+'?(\w+)", re.I)

# One value of a VALUES tuple and what follows it.
_VALUE = re.compile(
    rb"\s*(?:(?P<str>" + _SQ + rb")|(?P<null>NULL)\b|_binary\s*(?P<bin>" + _SQ + rb")"
    rb"|0x(?P<hex>[0-9A-Fa-f]*)|[xX]'(?P<xhex>[0-9A-Fa-f]*)'|[bB]'(?P<bits>[01]*)'"
    rb"|(?P<num>[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)|(?P<word>\w+))"
    rb"\s*(?P<end>[,)])",
    re.S,
)
# One value as mysqldump writes it, for reading a whole row with one regex match.
_FAST_VALUE = (
    rb"(" + _SQ + rb"|NULL|-?\d[\d.eE+\-]*|_binary ?" + _SQ + rb"|0x[0-9A-Fa-f]*|[xXbB]'\w*')"
)
_STRING_AHEAD = re.compile(rb"\s*(?:'|_binary\s*')")
_OPEN = re.compile(_SP + rb"*\(")
_AFTER_ROW = re.compile(_SP + rb"*([,;])")
_BACKSLASH = re.compile(rb"\\(.)", re.S)
_ESCAPE = re.compile(rb"\\(.)|''", re.S)  # in a '-quoted string ("" is two quotes there)
_ESCAPES = {
    b"0": b"\x00",
    b"b": b"\x08",
    b"n": b"\n",
    b"r": b"\r",
    b"t": b"\t",
    b"Z": b"\x1a",
    b"%": b"\\%",
    b"_": b"\\_",
}


def _unescape_match(match: re.Match) -> bytes:
    char = match.group(1)
    if char is None:
        return match.group(0)[:1]
    return _ESCAPES.get(char, char)


def _unescape(body: bytes) -> bytes:
    if b"''" in body:
        return _ESCAPE.sub(_unescape_match, body)
    # Backslash escapes only, as mysqldump writes: split at them (in C) and map the
    # escaped characters, rather than call back into Python for each.
    pieces = _BACKSLASH.split(body)
    pieces[1::2] = [_ESCAPES.get(char, char) for char in pieces[1::2]]
    return b"".join(pieces)


def unquote_sql(token: bytes) -> bytes:
    """The bytes a quoted SQL string literal stands for (quotes included in ``token``)."""
    body = token[1:-1]
    if b"\\" in body or b"''" in body:
        return _unescape(body)
    return body


@functools.cache
def _row_pattern(count: int) -> re.Pattern:
    """A whole VALUES tuple of ``count`` values, each value a group."""
    return re.compile(_SP + rb"*\(" + rb",".join([_FAST_VALUE] * count) + rb"\)(?=\s*[,;])", re.S)


def _ident(token: bytes) -> str:
    if token[:1] == b"`":
        token = token[1:-1].replace(b"``", b"`")
    elif token[:1] == b'"':  # ANSI_QUOTES, as --compatible=ansi writes
        token = token[1:-1].replace(b'""', b'"')
    return token.decode("utf-8")


@dataclass
class Column:
    name: str
    kind: str  # "int" | "decimal" | "float" | "text" | "binary" | "bits"
    default: bytes | None = None  # the DEFAULT literal, for INSERTs that leave it out
    bits: int = 0


@dataclass
class _Table:
    columns: list[Column]
    spans: list[tuple[int, int]] = field(default_factory=list)  # INSERT statements' offsets


_COLUMN_KINDS = [
    (re.compile(r"(tiny|small|medium|big)?int(eger)?|year|serial|bool(ean)?"), "int"),
    (re.compile(r"dec(imal)?|numeric|fixed"), "decimal"),
    (re.compile(r"float|double|real"), "float"),
    (re.compile(r"(var)?binary|(tiny|medium|long)?blob|geometry|point|(multi)?polygon"), "binary"),
    (re.compile(r"bit"), "bits"),
]
_KEYWORDS = {
    "PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FULLTEXT", "SPATIAL", "FOREIGN",
    "CHECK", "PERIOD",
}  # fmt: skip


def _split_top(body: bytes) -> list[bytes]:
    """Split a CREATE TABLE body at the commas outside parentheses and quotes."""
    items, depth, start, pos = [], 0, 0, 0
    token = re.compile(_SQ + rb"|" + _DQ + rb"|" + _BQ + rb"|[(),]|[^'\"`(),]+", re.S)
    while pos < len(body):
        match = token.match(body, pos)
        if match is None:
            raise NotNukeViet("A CREATE TABLE statement of the dump cannot be read")
        text = match.group(0)
        if text == b"(":
            depth += 1
        elif text == b")":
            depth -= 1
        elif text == b"," and depth == 0:
            items.append(body[start:pos])
            start = match.end()
        pos = match.end()
    items.append(body[start:])
    return [item.strip() for item in items if item.strip()]


def parse_create_table(statement: bytes, encoding: str = "utf-8") -> list[Column]:
    """The columns of a CREATE TABLE statement, with the kind of value each holds."""
    open_at = statement.index(b"(")
    close_at = statement.rindex(b")")
    columns = []
    for item in _split_top(statement[open_at + 1 : close_at]):
        name_match = _NAME.match(item)
        if name_match is None:
            continue
        name = _ident(name_match.group(0))
        if name_match.group(0)[:1] not in b'`"' and name.upper() in _KEYWORDS:
            continue
        rest = item[name_match.end() :].strip().decode(encoding)
        type_name = re.match(r"\w+", rest)
        type_name = type_name.group(0).lower() if type_name else ""
        kind = "text"
        for pattern, pattern_kind in _COLUMN_KINDS:
            if pattern.fullmatch(type_name):
                kind = pattern_kind
                break
        if kind == "text" and re.search(r"CHARACTER\s+SET\s+binary|\bCHARSET\s+binary", rest, re.I):
            kind = "binary"
        column = Column(name, kind)
        if kind == "bits":
            width = re.match(r"bit\s*\(\s*(\d+)", rest, re.I)
            column.bits = int(width.group(1)) if width else 1
        default = re.search(
            rb"\bDEFAULT\s+(" + _SQ + rb"|NULL\b|[-+]?[\d.]+(?:[eE][-+]?\d+)?|b'[01]*')",
            item[name_match.end() :],
            re.I,
        )
        if default is not None:
            column.default = default.group(1)
        columns.append(column)
    return columns


class _Reader:
    """A buffered byte reader over a (possibly gzipped) stream, at an absolute offset."""

    def __init__(self, stream: BinaryIO, offset: int = 0):
        self.stream = stream
        self.buffer = b""
        self.pos = 0  # in buffer
        self.base = offset  # offset of buffer[0] in the stream
        self.eof = False

    @property
    def offset(self) -> int:
        return self.base + self.pos

    def fill(self, minimum: int = 0) -> bool:
        """Read more; False at the end of the stream."""
        if self.eof:
            return False
        try:
            data = self.stream.read(max(minimum, _CHUNK))
        except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as error:
            raise NotNukeViet(f"The dump file is damaged or cut short ({error})") from error
        if not data:
            self.eof = True
            return False
        self.buffer = self.buffer[self.pos :] + data
        self.base += self.pos
        self.pos = 0
        return True

    def match(self, pattern: re.Pattern, limit: int = _MAX_TOKEN) -> re.Match | None:
        """Match ``pattern`` at the current position, reading on while the match reaches
        the end of the buffer (the token may go on) and while nothing matches (the token
        may be cut by the buffer's end), up to ``limit`` bytes ahead. Patterns used here
        match one token or a few."""
        while True:
            match = pattern.match(self.buffer, self.pos)
            if match is not None and (match.end() < len(self.buffer) or self.eof):
                return match
            if len(self.buffer) - self.pos > limit or not self.fill(
                2 * (len(self.buffer) - self.pos)
            ):
                return pattern.match(self.buffer, self.pos)

    def ensure(self, size: int) -> None:
        """Have ``size`` bytes (or the rest of the stream) ahead in the buffer."""
        while len(self.buffer) - self.pos < size and self.fill(size):
            pass


def _open_binary(path: Path) -> BinaryIO:
    """The file's bytes, ungzipped if it is gzipped (by its magic bytes, whatever its name)."""
    raw = open(path, "rb")  # noqa: SIM115 - closed by the caller
    if raw.read(2) == b"\x1f\x8b":
        raw.close()
        return gzip.open(path, "rb")
    raw.seek(0)
    return raw


class DumpSource:
    """A mysqldump or mariadb-dump file, plain or gzipped."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.description = f"dump file {self.path.name}"
        if not self.path.is_file():
            raise NotNukeViet(f"No such file: {self.path}")
        self.encoding = "utf-8"
        self._tables: dict[str, _Table] = {}
        self._builders: dict[tuple, object] = {}
        with _open_binary(self.path) as stream:
            self._index(stream)

    # -- the first pass: is it a whole dump, and where is what

    def _index(self, stream: BinaryIO) -> None:
        reader = _Reader(stream)
        reader.ensure(1000)
        if not _DUMP_HEADER.match(reader.buffer[:1000]):
            raise NotNukeViet(
                f"{self.path.name} is not a dump made by mysqldump or mariadb-dump "
                "(its first line is not '-- MySQL dump' or '-- MariaDB dump')"
            )
        last_comment = b""
        previous_insert: str | None = None  # the table of the statement before, an INSERT
        while True:
            comment = self._skip_gap(reader)
            if comment is not None:
                last_comment = comment
                continue
            if reader.pos >= len(reader.buffer):
                break  # the end of the file
            last_comment = b""
            reader.ensure(_HEAD_SIZE)
            start = reader.offset
            kind = _HEAD.match(reader.buffer, reader.pos)
            if kind is not None and kind.group("insert"):
                table = _ident(kind.group("name"))
                if table not in self._tables:
                    raise NotNukeViet(
                        f"{self.path.name}: rows for table {table} before its CREATE TABLE"
                    )
                self._skip_statement(reader)
                spans = self._tables[table].spans
                if previous_insert == table:
                    spans[-1] = (spans[-1][0], reader.offset)
                else:
                    spans.append((start, reader.offset))
                previous_insert = table
                continue
            previous_insert = None
            if kind is None and _ROWS_STATEMENT.match(reader.buffer, reader.pos):
                raise NotNukeViet(f"{self.path.name}: an INSERT statement cannot be read")
            if kind is not None and kind.group("create"):
                statement = self._read_statement(reader)
                self._tables[_ident(kind.group("name"))] = _Table(parse_create_table(statement))
                continue
            names = _SET_NAMES.search(self._read_statement(reader, keep=2000))
            if names is not None:
                charset = names.group(1).lower()
                if charset not in (b"utf8", b"utf8mb4", b"utf8mb3"):
                    raise NotNukeViet(
                        f"{self.path.name} is written in {charset.decode()}; make the dump with "
                        "--default-character-set=utf8mb4"
                    )
        if not last_comment.startswith(b"-- Dump completed"):
            raise NotNukeViet(
                f"{self.path.name} is incomplete: it does not end with mysqldump's "
                "'-- Dump completed' line (cut short while copying or downloading?)"
            )

    @staticmethod
    def _skip_gap(reader: _Reader) -> bytes | None:
        """Skip blanks; return the comment that follows them (moved past), if one does."""
        while True:
            blank = _GAP.match(reader.buffer, reader.pos)
            if blank is not None:
                reader.pos = blank.end()
            if len(reader.buffer) - reader.pos < 8 and reader.fill():
                continue
            if _COMMENT_START.match(reader.buffer, reader.pos) is None:
                return None
            pattern = _BLOCK_COMMENT if reader.buffer[reader.pos] == ord("/") else _LINE_COMMENT
            comment = reader.match(pattern)
            if comment is None:
                raise NotNukeViet("The dump ends inside a comment: it is incomplete")
            reader.pos = comment.end()
            return comment.group(0).rstrip()

    def _skip_statement(self, reader: _Reader, parts: list[bytes] | None = None, keep=0):
        """Move past the end (the semicolon) of the statement at the reader's position;
        the text read goes to ``parts`` while it is shorter than ``keep``."""
        kept = 0
        window = _WINDOW
        while True:
            # The regex engine keeps state for every token of a match: matching a window
            # at a time keeps that small. A token cut by the window's end is left for the
            # next round, as one cut by the buffer's end is.
            start = reader.pos
            end = min(len(reader.buffer), start + window)
            skipped = _SKIP.match(reader.buffer, start, end)
            reader.pos = skipped.end()
            if parts is not None and kept < keep:
                parts.append(reader.buffer[start : reader.pos])
                kept += reader.pos - start
            if reader.pos > start and reader.pos >= end - 2:
                window = _WINDOW
                continue  # at the window's end: the next round decides
            if reader.pos >= len(reader.buffer):
                if not reader.fill():
                    raise self._truncated()
                continue
            char = reader.buffer[reader.pos]
            if char == ord(";"):
                reader.pos += 1
                return
            if _INNER_COMMENT_START.match(reader.buffer, reader.pos):
                pattern = _BLOCK_COMMENT if char == ord("/") else _LINE_COMMENT
                comment = reader.match(pattern)
                if comment is None:
                    raise self._truncated()
                if parts is not None and kept < keep:
                    parts.append(comment.group(0))
                    kept += len(comment.group(0))
                reader.pos = comment.end()
                continue
            if reader.pos > start or end < len(reader.buffer):
                # A token longer than the window, or cut by it: a wider window.
                window = window * 4 if reader.pos == start else _WINDOW
                continue
            # A token the buffer ends in the middle of (an open string, a last dash): read
            # on, keeping it; at the end of the file the statement is cut short.
            if not reader.fill(2 * (len(reader.buffer) - reader.pos)):
                raise self._truncated()

    def _read_statement(self, reader: _Reader, keep: int = 1 << 24) -> bytes:
        """The text of the statement at the reader's position (at most about ``keep``
        bytes of it), the reader moved past its semicolon."""
        parts: list[bytes] = []
        self._skip_statement(reader, parts, keep)
        return b"".join(parts)

    def _truncated(self) -> NotNukeViet:
        return NotNukeViet(
            f"{self.path.name} is incomplete: its last statement is cut short "
            "(cut short while copying or downloading?)"
        )

    # -- the interface

    def tables(self) -> set[str]:
        return set(self._tables)

    def columns(self, table: str) -> list[Column]:
        return self._tables[table].columns

    def rows(self, table: str) -> Iterator[dict[str, object]]:
        if table not in self._tables:
            raise NotNukeViet(f"No table {table} in {self.description}")
        return self._rows(table)

    def lookup(self, table: str, column: str, value: object) -> Iterator[dict[str, object]]:
        for row in self.rows(table):
            if row.get(column) == value:
                yield row

    def _rows(self, table: str) -> Iterator[dict[str, object]]:
        info = self._tables[table]
        if not info.spans:
            return
        # A stream of its own: tables can be read inside one another.
        with _open_binary(self.path) as stream:
            for start, end in info.spans:
                stream.seek(start)
                reader = _Reader(stream, start)
                reader.fill()
                while reader.offset < end:
                    yield from self._insert(reader, table, info.columns)
                    while self._skip_gap(reader) is not None:
                        pass

    def _insert(self, reader: _Reader, table: str, columns: list[Column]):
        """The rows of the INSERT statement at the reader's position."""
        names = [column.name for column in columns]
        by_name = {column.name: column for column in columns}
        reader.ensure(_HEAD_SIZE)
        head = _HEAD.match(reader.buffer, reader.pos)
        if head is None or not head.group("insert") or _ident(head.group("name")) != table:
            raise NotNukeViet(f"{self.description}: the rows of {table} cannot be read")
        reader.pos = head.end()
        order = columns
        reader.ensure(_HEAD_SIZE)
        listed = _INSERT_COLUMNS.match(reader.buffer, reader.pos)
        if listed is not None:
            order = []
            for name in _NAME.findall(listed.group(1)):
                if _ident(name) not in by_name:
                    raise NotNukeViet(
                        f"{self.description}: no column {_ident(name)} in table {table}"
                    )
                order.append(by_name[_ident(name)])
            reader.pos = listed.end()
        missing = [column for column in columns if column not in order]
        values = _VALUES.match(reader.buffer, reader.pos)
        if values is None:
            raise NotNukeViet(f"{self.description}: an INSERT INTO {table} has no VALUES")
        reader.pos = values.end()
        last = len(order) - 1
        build = self._row_builder(tuple(order))
        fast = _row_pattern(len(order))
        while True:
            match = fast.match(reader.buffer, reader.pos)
            if match is None and len(reader.buffer) - reader.pos < _CHUNK and reader.fill():
                match = fast.match(reader.buffer, reader.pos)
            if match is not None:
                # The common case: the row is in the buffer, written as mysqldump does.
                reader.pos = match.end()
                row = build(match.groups())
            else:
                row = self._slow_row(reader, table, order, last)
            if missing:
                for column in missing:
                    row[column.name] = self._default(column)
                row = {name: row[name] for name in names}
            yield row
            after = reader.match(_AFTER_ROW, _HEAD_SIZE)
            if after is None:
                raise NotNukeViet(f"{self.description}: the rows of {table} cannot be read")
            reader.pos = after.end()
            if after.group(1) == b";":
                return

    def _slow_row(self, reader: _Reader, table: str, order: list[Column], last: int) -> dict:
        """A row read value by value: one longer than the buffer, or written unusually."""
        opening = reader.match(_OPEN, _HEAD_SIZE)
        if opening is None:
            raise NotNukeViet(f"{self.description}: a row of {table} cannot be read")
        reader.pos = opening.end()
        row = {}
        for index, column in enumerate(order):
            # Only a string can be long; anything else that does not match within a few
            # kilobytes will not match at all (a damaged file is not read on to its end).
            reader.ensure(64)
            quoted = _STRING_AHEAD.match(reader.buffer, reader.pos) is not None
            match = reader.match(_VALUE, _MAX_TOKEN if quoted else _HEAD_SIZE)
            if match is None or (match.group("end") == b")") != (index == last):
                raise NotNukeViet(
                    f"{self.description}: a row of {table} cannot be read "
                    f"(at the value of {column.name})"
                )
            reader.pos = match.end()
            row[column.name] = self._convert(match, column)
        return row

    def _row_builder(self, order: tuple[Column, ...]):
        """A function from the texts of a row's values (a regex match's groups) to the
        row, written for these columns: ints and strings, nearly all values, are
        converted inline, the rest by ``_convert``."""
        key = tuple((column.name, column.kind, column.bits) for column in order)
        builder = self._builders.get(key)
        if builder is not None:
            return builder
        encoding = self.encoding

        def text(token: bytes) -> str:
            body = token[1:-1]
            if b"\\" in body or b"''" in body:
                body = _unescape(body)
            return body.decode(encoding)

        def general(column: Column):
            return lambda token: self._convert(_VALUE.match(token + b")"), column)

        convert = [general(column) for column in order]
        items = []
        for index, column in enumerate(order):
            value = f"g[{index}]"
            if column.kind == "int":
                expression = (
                    f"(None if {value} == b'NULL' else int({value}) if {value}[0] != 39"
                    f" else C[{index}]({value}))"
                )
            elif column.kind == "text":
                expression = f"(T({value}) if {value}[0] == 39 else C[{index}]({value}))"
            else:
                expression = f"C[{index}]({value})"
            items.append(f"{column.name!r}: {expression}")
        namespace = {"T": text, "C": convert}
        exec(f"def build(g):\n    return {{{', '.join(items)}}}\n", namespace)
        builder = self._builders[key] = namespace["build"]
        return builder

    def _convert(self, match: re.Match, column: Column):
        kind = column.kind
        text = match.group("str")
        if text is not None:
            raw = unquote_sql(text)
            return self._typed(raw, column)
        if match.group("null") is not None:
            return None
        number = match.group("num")
        if number is not None:
            if kind == "int":
                return int(number)
            if kind == "decimal":
                return Decimal(number.decode())
            if kind == "float":
                return float(number)
            if kind == "binary":
                return number
            if kind == "bits":
                return int(number).to_bytes((column.bits + 7) // 8, "big")
            return number.decode()
        for name in ("hex", "xhex"):
            digits = match.group(name)
            if digits is not None:
                return self._typed(bytes.fromhex(digits.decode()), column)
        binary = match.group("bin")
        if binary is not None:
            return self._typed(unquote_sql(binary), column)
        bits = match.group("bits")
        if bits is not None:
            return int(bits or b"0", 2).to_bytes((column.bits + 7) // 8, "big")
        word = match.group("word").upper()
        if word in (b"TRUE", b"FALSE") and kind == "int":
            return int(word == b"TRUE")
        raise NotNukeViet(f"{self.description}: unexpected {word.decode()} in {column.name}")

    def _typed(self, raw: bytes, column: Column):
        kind = column.kind
        if kind == "binary":
            return raw
        if kind == "bits":
            return raw
        text = raw.decode(self.encoding)
        if kind == "int":
            return int(text)
        if kind == "decimal":
            return Decimal(text)
        if kind == "float":
            return float(text)
        return text

    def _default(self, column: Column):
        default = column.default
        if default is None:
            return None
        match = _VALUE.match(bytes(default) + b")")
        return self._convert(match, column)

    def close(self) -> None:
        """Nothing stays open between reads of a dump."""


def open_source(*, mysql: str | None = None, dump: str | Path | None = None) -> Source:
    """The source named by exactly one of ``mysql`` (an address) or ``dump`` (a file)."""
    if (mysql is None) == (dump is None):
        raise ValueError("Give a MySQL address or a dump file, one of them")
    if mysql is not None:
        return MySQLSource(mysql)
    return DumpSource(dump)


# --------------------------------------------------------------------------- the module


@dataclass
class NewsModule:
    """A news module found in a source: its tables' names, its layout and settings."""

    source: Source
    prefix: str
    lang: str
    module: str
    layout: str
    config: dict[str, str] = field(default_factory=dict)
    version: str = ""

    def table(self, suffix: str) -> str:
        return f"{self.prefix}_{self.lang}_{self.module}_{suffix}"

    def body_tables(self) -> list[str]:
        """The tables holding bodies: ``_detail``, or (4.0) ``_bodyhtml_1``, ``_2``..."""
        if self.layout != "4.0":
            return [self.table("detail")]
        pattern = re.compile(re.escape(self.table("bodyhtml_")) + r"(\d+)")
        found = []
        for name in self.source.tables():
            match = pattern.fullmatch(name)
            if match:
                found.append((int(match.group(1)), name))
        return [name for _number, name in sorted(found)]

    def details(self) -> Iterator[dict[str, object]]:
        """Every article's body row (``id``, ``bodyhtml``, ``sourcetext``, and from 4.3 on
        ``files``, ``keywords``, ...), streaming, table after table."""
        for table in self.body_tables():
            yield from self.source.rows(table)

    def detail(self, article_id: int) -> dict[str, object] | None:
        """One article's body row; a dump is read through for it, so use ``details()``
        for many."""
        if self.layout == "4.0":
            table = self.table(f"bodyhtml_{math.ceil(article_id / 2000)}")
            if table not in self.source.tables():
                return None
        else:
            table = self.table("detail")
        for row in self.source.lookup(table, "id", article_id):
            return row
        return None

    def body_html(self, article_id: int) -> str | None:
        row = self.detail(article_id)
        return None if row is None else row["bodyhtml"]


def _layout(tables: set[str], module: NewsModule, version: str) -> str:
    if module.table("detail") not in tables:
        return "4.0"
    if module.table("author") in tables and module.table("authorlist") in tables:
        return "4.5"
    match = re.match(r"4\.(\d+)", version)
    if match:
        minor = int(match.group(1))
        return "4.5" if minor >= 5 else "4.4" if minor == 4 else "4.3"
    if module.table("voices") in tables:
        return "4.4"
    return "4.3"


def find_module(source: Source, *, prefix="nv4", lang="vi", module="news") -> NewsModule:
    """The news module ``<prefix>_<lang>_<module>_*`` of ``source``; NotNukeViet naming what
    is missing when it is not there."""
    tables = source.tables()
    news = NewsModule(source, prefix, lang, module, layout="")
    stem = f"{prefix}_{lang}_{module}_"
    if not any(name.startswith(stem) for name in tables):
        prefixes = sorted(
            {m.group(1) for name in tables if (m := re.fullmatch(r"(\w+?)_config", name))}
        )
        modules = sorted(
            {
                m.group(1)
                for name in tables
                if (m := re.fullmatch(re.escape(f"{prefix}_{lang}_") + r"(\w+)_rows", name))
            }
        )
        hint = ""
        if f"{prefix}_config" not in tables and prefixes:
            hint = f" Table prefixes found: {', '.join(prefixes)}."
        elif modules:
            hint = f" News-like modules found for {lang}: {', '.join(modules)}."
        raise NotNukeViet(
            f"{source.description} has no NukeViet module '{module}' in language '{lang}' "
            f"with the prefix '{prefix}' (no table {stem}*).{hint}"
        )
    missing = [news.table(suffix) for suffix in NEWS_TABLES if news.table(suffix) not in tables]
    if f"{prefix}_config" not in tables:
        missing.append(f"{prefix}_config")
    has_bodies = news.table("detail") in tables or any(
        re.fullmatch(re.escape(news.table("bodyhtml_")) + r"\d+", name) for name in tables
    )
    if not has_bodies:
        missing.append(news.table("detail"))
    if missing:
        raise NotNukeViet(
            f"{source.description} is not a whole NukeViet news module: "
            f"missing {', '.join(missing)}"
        )
    version = ""
    for row in source.rows(f"{prefix}_config"):
        if row["lang"] == lang and row["module"] == module:
            news.config[row["config_name"]] = row["config_value"] or ""
        elif (row["lang"], row["module"], row["config_name"]) == ("sys", "global", "version"):
            version = row["config_value"] or ""
    news.version = version
    news.layout = _layout(tables, news, version)
    return news


__all__ = [
    "LAYOUTS",
    "DumpSource",
    "MySQLSource",
    "NewsModule",
    "NotNukeViet",
    "Source",
    "find_module",
    "open_source",
]
