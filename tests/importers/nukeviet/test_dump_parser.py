"""The dump reader on dumps written by hand: every form mysqldump and mariadb-dump write,
read with the usual buffer and with a buffer of a few bytes (so that every token is cut
somewhere); and the files it must refuse."""

from __future__ import annotations

import gzip
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.importers.nukeviet import sources
from wagtail_dangvu.importers.nukeviet.sources import DumpSource, NotNukeViet, unquote_sql

HEADER = (
    b"/*M!999999\\- enable the sandbox mode */ \n"
    b"-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)\n"
    b"--\n-- Host: 127.0.0.1    Database: nv\n"
    b"-- ------------------------------------------------------\n"
    b"/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n"
    b"/*!40101 SET NAMES utf8mb4 */;\n"
    b"/*!40103 SET TIME_ZONE='+00:00' */;\n\n"
)
TRAILER = b"/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;\n\n-- Dump completed on 2026-12-01 23:00:00\n"

CREATE = b"""--
-- Table structure for table `t`
--

DROP TABLE IF EXISTS `t`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `t` (
  `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
  `s` text DEFAULT NULL,
  `v` varchar(20) NOT NULL DEFAULT 'x,y)',
  `b` blob DEFAULT NULL,
  `d` decimal(8,2) DEFAULT 0.00,
  `f` double DEFAULT NULL,
  `bits` bit(12) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `v` (`v`(10))
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='a; b';
/*!40101 SET character_set_client = @saved_cs_client */;

"""


def dump(*statements: bytes) -> bytes:
    return HEADER + CREATE + b"\n".join(statements) + b"\n" + TRAILER


@pytest.fixture(params=[sources._CHUNK, 7], ids=["1MiB-buffer", "7-byte-buffer"])
def chunk(request, monkeypatch):
    monkeypatch.setattr(sources, "_CHUNK", request.param)
    return request.param


def read(tmp_path, data: bytes, name="x.sql", table="t"):
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    source = DumpSource(path)
    try:
        return list(source.rows(table))
    finally:
        source.close()


def row(id, s=None, v="x,y)", b=None, d=Decimal("0.00"), f=None, bits=None):
    return {"id": id, "s": s, "v": v, "b": b, "d": d, "f": f, "bits": bits}


def test_every_escape_mysqldump_writes(tmp_path, chunk):
    rows = read(
        tmp_path,
        dump(
            b"INSERT INTO `t` VALUES (1,'\\0\\'\\\"\\b\\n\\r\\t\\Z\\\\ and '' and \\% \\_ \\x',"
            b"'',NULL,1.50,-2.5e-3,NULL);"
        ),
    )
    assert rows == [
        row(
            1,
            s="\x00'\"\x08\n\r\t\x1a\\ and ' and \\% \\_ x",
            v="",
            d=Decimal("1.50"),
            f=-0.0025,
        )
    ]


def test_doubled_quotes_as_mysql_reads_them(tmp_path, chunk):
    statement = b"INSERT INTO `t` VALUES (1,'it''s \"\"quoted\"\"','''',NULL,0.00,NULL,NULL);"
    rows = read(tmp_path, dump(statement))
    assert (rows[0]["s"], rows[0]["v"]) == ('it\'s ""quoted""', "'")


def test_extended_inserts_over_several_statements_and_lines(tmp_path, chunk):
    rows = read(
        tmp_path,
        dump(
            b"LOCK TABLES `t` WRITE;",
            b"/*!40000 ALTER TABLE `t` DISABLE KEYS */;",
            b"INSERT INTO `t` VALUES\n(1,'a;b','),(',NULL,0.00,NULL,NULL),\n"
            b"(2,'line one\nline two','v',NULL,1.00,1,NULL);",
            b"INSERT INTO `t` VALUES (3,'\xf0\x9f\x98\x80 Vi\xe1\xbb\x87t \xf0\xa0\x80\xa7',"
            b"'w',NULL,-3.10,0,NULL);",
            b"/*!40000 ALTER TABLE `t` ENABLE KEYS */;",
            b"UNLOCK TABLES;",
        ),
    )
    assert rows == [
        row(1, s="a;b", v="),("),
        row(2, s="line one\nline two", v="v", d=Decimal("1.00"), f=1.0),
        row(3, s="😀 Việt 𠀧", v="w", d=Decimal("-3.10"), f=0.0),
    ]


def test_inserts_with_a_column_list_take_the_defaults_of_the_others(tmp_path, chunk):
    rows = read(
        tmp_path,
        dump(
            b"INSERT INTO `t` (`id`, `s`) VALUES (1,'one'),(2,'two');",
            b"INSERT IGNORE INTO t (id,v,d) VALUES (3,'z',2.25);",
            b"REPLACE INTO `t` (`v`,`id`) VALUES ('q',4);",
        ),
    )
    assert rows == [
        row(1, s="one"),
        row(2, s="two"),
        row(3, v="z", d=Decimal("2.25")),
        row(4, v="q"),
    ]


def test_binary_values_in_every_form(tmp_path, chunk):
    rows = read(
        tmp_path,
        dump(
            b"INSERT INTO `t` VALUES (1,NULL,'a',_binary '\\0\xff\\'\\\\',0.00,NULL,b'101'),"
            b"(2,NULL,'b',0x00FF27,0.00,NULL,b'111111111111'),"
            b"(3,NULL,'c',X'6869',0.00,NULL,NULL),(4,NULL,'d','',0.00,NULL,b'0');"
        ),
    )
    assert [(r["b"], r["bits"]) for r in rows] == [
        (b"\x00\xff'\\", b"\x00\x05"),
        (b"\x00\xff'", b"\x0f\xff"),
        (b"hi", None),
        (b"", b"\x00\x00"),
    ]


def test_comments_between_and_inside_statements(tmp_path, chunk):
    rows = read(
        tmp_path,
        dump(
            b"-- a comment; with a semicolon\n# another ' with a quote\n"
            b"/* a block; comment ' */\n"
            b"INSERT /* inside */ INTO `t` -- here\n VALUES /* c */ "
            b"(1,'-- not a comment','# nor this',NULL,0.00,NULL,NULL);"
        ),
    )
    assert rows == [row(1, s="-- not a comment", v="# nor this")]


def test_gzipped_dump_is_read_the_same(tmp_path, chunk):
    data = dump(b"INSERT INTO `t` VALUES (1,'gz',''';',NULL,0.00,NULL,NULL);")
    assert read(tmp_path, data, "x.sql.gz") == read(tmp_path, data) == [row(1, s="gz", v="';")]


def test_tables_and_description(tmp_path):
    path = tmp_path / "backup.sql"
    path.write_bytes(dump())
    source = DumpSource(path)
    assert source.tables() == {"t"}
    assert source.description == "dump file backup.sql"
    assert list(source.rows("t")) == []
    with pytest.raises(NotNukeViet, match="No table nv4_vi_news_rows"):
        source.rows("nv4_vi_news_rows")
    source.close()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a dump"),
        (b"hello world\n", "not a dump"),
        (b"-- phpMyAdmin SQL Dump\n-- version 5.2\n", "not a dump"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not a dump"),
        (HEADER + CREATE, "incomplete"),
        (dump(b"INSERT INTO `t` VALUES (1,'a','b',NULL,0.00,NULL,NULL)")[:-60], "incomplete"),
        (HEADER + CREATE + b"INSERT INTO `t` VALUES (1,'never closed);\n" + TRAILER, "incomplete"),
        (HEADER + b"INSERT INTO `u` VALUES (1);\n" + TRAILER, "before its CREATE TABLE"),
        (HEADER.replace(b"utf8mb4", b"latin1") + TRAILER, "latin1"),
    ],
    ids=[
        "empty",
        "text",
        "phpmyadmin",
        "binary",
        "no-trailer",
        "cut-in-insert",
        "open-string",
        "rows-before-table",
        "latin1",
    ],
)
def test_refused_files(tmp_path, data, message):
    path = tmp_path / "x.sql"
    path.write_bytes(data)
    with pytest.raises(NotNukeViet, match=message):
        DumpSource(path)


def test_damaged_or_cut_gzip_is_refused(tmp_path):
    data = gzip.compress(dump(b"INSERT INTO `t` VALUES (1,'a','b',NULL,0.00,NULL,NULL);"))
    path = tmp_path / "x.sql.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(NotNukeViet, match="damaged or cut short"):
        DumpSource(path)
    path.write_bytes(data[:10] + b"\x00" * 40 + data[50:])
    with pytest.raises(NotNukeViet):
        DumpSource(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(NotNukeViet, match="No such file"):
        DumpSource(tmp_path / "nowhere.sql")


COMPLETE = dump(
    b"INSERT INTO `t` VALUES (1,'a;b\\n','),(',_binary 'x',1.00,2,b'1'),(2,NULL,'',NULL,0.00,"
    b"NULL,NULL);",
    b"INSERT INTO `t` (`id`) VALUES (3);",
)


@given(cut=st.integers(min_value=0, max_value=len(COMPLETE) - 1))
def test_every_cut_short_dump_is_refused(tmp_path_factory, cut):
    """A dump cut anywhere (a copy or download that stopped) is refused, never half read."""
    path = tmp_path_factory.mktemp("cut") / "x.sql"
    path.write_bytes(COMPLETE[:cut].rstrip() if cut % 2 else COMPLETE[:cut])
    if cut >= COMPLETE.index(b"-- Dump completed") + len(b"-- Dump completed"):
        return  # cut inside the trailer's date: every statement is there
    with pytest.raises(NotNukeViet):
        DumpSource(path)


def test_the_whole_dump_of_the_cut_test_reads(tmp_path):
    assert read(tmp_path, COMPLETE)[2] == row(3)


@given(st.binary(max_size=200))
def test_unquote_reverses_mysql_escaping(raw):
    escaped = (
        raw.replace(b"\\", b"\\\\")
        .replace(b"\x00", b"\\0")
        .replace(b"'", b"\\'")
        .replace(b"\n", b"\\n")
        .replace(b"\r", b"\\r")
        .replace(b"\x1a", b"\\Z")
    )
    assert unquote_sql(b"'" + escaped + b"'") == raw
    assert unquote_sql(b"'" + raw.replace(b"\\", b"\\\\").replace(b"'", b"''") + b"'") == raw


def _quote(value: bytes) -> bytes:
    """A string literal as mysqldump writes it (mysql_real_escape_string's escapes)."""
    for raw, escaped in [
        (b"\\", b"\\\\"),
        (b"\x00", b"\\0"),
        (b"\n", b"\\n"),
        (b"\r", b"\\r"),
        (b"'", b"\\'"),
        (b'"', b'\\"'),
        (b"\x1a", b"\\Z"),
    ]:
        value = value.replace(raw, escaped)
    return b"'" + value + b"'"


VALUE_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("'\"\\\n\r\t\x00\x1a;,()`-#/*"), st.characters(blacklist_categories=["Cs"])
    ),
    max_size=30,
)
GENERATED_ROW = st.tuples(
    st.one_of(st.none(), VALUE_TEXT),
    VALUE_TEXT,
    st.one_of(st.none(), st.binary(max_size=20)),
    st.decimals(min_value=-999999, max_value=999999, places=2, allow_nan=False),
    st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False)),
)


@given(
    rows=st.lists(GENERATED_ROW, max_size=12),
    split=st.integers(min_value=1, max_value=5),
    separator=st.sampled_from([b",", b",\n", b", "]),
    hex_blob=st.booleans(),
    buffer=st.sampled_from([3, 7, 64, 1 << 20]),
)
def test_generated_dumps_read_back(tmp_path_factory, rows, split, separator, hex_blob, buffer):
    """Random values written as mysqldump writes them, in statements of ``split`` rows,
    read back equal through read buffers of a few bytes to a megabyte."""
    tuples = []
    for number, (s, v, b, d, f) in enumerate(rows, 1):
        blob = b"NULL" if b is None else (b"0x" + b.hex().encode() if hex_blob else _quote(b))
        values = [
            str(number).encode(),
            b"NULL" if s is None else _quote(s.encode()),
            _quote(v.encode()),
            blob,
            str(d).encode(),
            b"NULL" if f is None else repr(f).encode(),
            b"NULL",
        ]
        tuples.append(b"(" + b",".join(values) + b")")
    statements = [
        b"INSERT INTO `t` VALUES " + separator.join(tuples[i : i + split]) + b";"
        for i in range(0, len(tuples), split)
    ]
    path = tmp_path_factory.mktemp("generated") / "x.sql"
    path.write_bytes(dump(*statements))
    chunk = sources._CHUNK
    sources._CHUNK = buffer
    try:
        read_back = list(DumpSource(path).rows("t"))
    finally:
        sources._CHUNK = chunk
    assert read_back == [
        row(n, s=s, v=v, b=b, d=Decimal(str(d)), f=f) for n, (s, v, b, d, f) in enumerate(rows, 1)
    ]


def test_a_row_that_cannot_be_read_is_refused_naming_the_column(tmp_path, chunk):
    filler = b"INSERT INTO `t` VALUES (9,'x','y',NULL,0.00,NULL,NULL);\n" * 3000
    data = dump(b"INSERT INTO `t` VALUES (1,'a',CURRENT_USER(),NULL,0.00,NULL,NULL);", filler)
    with pytest.raises(NotNukeViet, match=r"a row of t cannot be read \(at the value of v\)"):
        read(tmp_path, data)
