"""Both sources on the fixture portal in MariaDB: the same rows from the server and from
its real dumps, in every NukeViet layout; the layout and settings found; the sources
refused; and random text through MariaDB and mariadb-dump read back as MariaDB holds it."""

from __future__ import annotations

import gzip
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wagtail_dangvu.importers.nukeviet.sources import (
    DumpSource,
    MySQLSource,
    NotNukeViet,
    find_module,
    open_source,
)

from .portal import ARTICLES, LAYOUT_RELEASES, NFD_VIETNAMESE, TRICKY, _connect, dump_database


def test_server_and_dump_give_the_same_rows(nukeviet_mysql, nukeviet_dump):
    server = open_source(mysql=nukeviet_mysql)
    dump = open_source(dump=nukeviet_dump)
    try:
        assert server.tables() == dump.tables()
        for table in sorted(server.tables()):
            assert list(server.rows(table)) == list(dump.rows(table)), table
    finally:
        server.close()
        dump.close()


@pytest.mark.parametrize("nukeviet_layout", ["4.0", "4.5"])
@pytest.mark.parametrize(
    "options",
    [
        ["--hex-blob", "--complete-insert"],
        ["--skip-extended-insert"],
        ["--compatible=ansi", "--skip-opt", "--net-buffer-length=4096"],
        ["--skip-comments"],
    ],
    ids=["hex-blob-complete-insert", "one-insert-a-row", "ansi-skip-opt", "no-comments"],
)
def test_dumps_made_with_other_options_read_the_same(nukeviet_mysql, tmp_path, options):
    path = dump_database(nukeviet_mysql, tmp_path / "other.sql", options=options)
    if "--skip-comments" in options:
        # Without comments there is no header nor "Dump completed" line: nothing tells
        # such a file from one cut short, and it is refused.
        with pytest.raises(NotNukeViet, match="not a dump"):
            DumpSource(path)
        return
    server, dump = MySQLSource(nukeviet_mysql), DumpSource(path)
    for table in sorted(server.tables()):
        assert list(server.rows(table)) == list(dump.rows(table)), table
    server.close()
    dump.close()


@pytest.mark.parametrize("nukeviet_dump_format", ["gzip"])
def test_the_module_found_in_each_layout(nukeviet_mysql, nukeviet_dump, nukeviet_layout):
    for source in (open_source(mysql=nukeviet_mysql), open_source(dump=nukeviet_dump)):
        news = find_module(source)
        assert (news.layout, news.version) == (nukeviet_layout, LAYOUT_RELEASES[nukeviet_layout])
        assert news.table("rows") == "nv4_vi_news_rows"
        assert news.config["per_page"] == "20"
        assert news.config["allowed_rating"] == "1"
        rows = {row["id"]: row for row in source.rows(news.table("rows"))}
        assert sorted(rows) == sorted(article.id for article in ARTICLES)
        assert rows[1]["title"] == "Hội nghị &quot;Dân vận khéo&quot; năm 2024"
        assert (rows[1]["total_rating"], rows[1]["click_rating"]) == (21, 5)
        assert rows[15]["title"] == NFD_VIETNAMESE
        assert unicodedata.is_normalized("NFD", rows[15]["title"])
        assert rows[12]["hometext"] == ""
        bodies = {row["id"]: row["bodyhtml"] for row in news.details()}
        assert bodies[16] == TRICKY
        assert bodies == {article.id: article.bodyhtml for article in ARTICLES}
        assert news.body_html(2001) == "<p>Mã số 2001.</p>"
        assert news.body_html(16) == TRICKY
        assert news.body_html(999) is None
        if nukeviet_layout == "4.0":
            assert news.body_tables() == ["nv4_vi_news_bodyhtml_1", "nv4_vi_news_bodyhtml_2"]
        else:
            assert news.body_tables() == ["nv4_vi_news_detail"]
            assert news.detail(1)["files"] == "2024_05/bao-cao-tong-ket.pdf"
        source.close()


@pytest.mark.parametrize("nukeviet_layout", ["4.4"])
def test_4_3_and_4_4_without_a_version_are_told_by_the_voices_table(nukeviet_mysql):
    connection = _connect(nukeviet_mysql, nukeviet_mysql.rsplit("/", 1)[1])
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM nv4_config WHERE config_name = 'version'")
        source = MySQLSource(nukeviet_mysql)
        assert find_module(source).layout == "4.4"  # 4.4.08 has the _voices table
        cursor.execute("DROP TABLE nv4_vi_news_voices")
        source = MySQLSource(nukeviet_mysql)
        assert find_module(source).layout == "4.3"
    connection.close()


@pytest.mark.parametrize("nukeviet_layout", ["4.5"])
@pytest.mark.parametrize("nukeviet_dump_format", ["plain"])
def test_refusals_name_what_is_wrong(nukeviet_mysql, nukeviet_dump):
    for source in (MySQLSource(nukeviet_mysql), DumpSource(nukeviet_dump)):
        with pytest.raises(NotNukeViet, match=r"no NukeViet module 'news'.*prefix 'nv5'"):
            find_module(source, prefix="nv5")
        with pytest.raises(NotNukeViet, match=r"no NukeViet module 'tintuc'"):
            find_module(source, module="tintuc")
        with pytest.raises(NotNukeViet, match=r"language 'en'"):
            find_module(source, lang="en")
    connection = _connect(nukeviet_mysql, nukeviet_mysql.rsplit("/", 1)[1])
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE nv4_vi_news_cat")
        cursor.execute("DROP TABLE nv4_vi_news_detail")
    connection.close()
    with pytest.raises(NotNukeViet, match="missing nv4_vi_news_cat, nv4_vi_news_detail"):
        find_module(MySQLSource(nukeviet_mysql))


def test_an_unreachable_or_wrong_server_is_refused(mariadb_server):
    with pytest.raises(NotNukeViet, match=r"Cannot read MySQL root@127\.0\.0\.1:1/nv"):
        MySQLSource("mysql://root:secret@127.0.0.1:1/nv")
    with pytest.raises(NotNukeViet, match=r"Cannot read .*nowhere_at_all"):
        MySQLSource(mariadb_server + "/nowhere_at_all")
    with pytest.raises(NotNukeViet, match=r"Not a MySQL address: postgres://u:\*\*\*@h/d"):
        MySQLSource("postgres://u:pw@h/d")
    with pytest.raises(ValueError):
        open_source()


def test_the_description_names_no_password(fresh_database):
    source = MySQLSource(fresh_database.replace("root@", "root:@"))
    assert source.description.startswith("MySQL root@127.0.0.1:3306/test_nukeviet_")
    assert ":@" not in source.description
    source.close()


# Text MariaDB stores in utf8mb4 (no lone surrogates) and bytes of every value.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("'\"\\\n\r\t\x00\x1a;,()%_ `"),
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from("😀𠀧ệ"),
    ),
    max_size=60,
)
ROW = st.fixed_dictionaries(
    {
        "s": st.one_of(st.none(), TEXT),
        "v": TEXT.map(lambda text: text[:20]),
        "b": st.one_of(st.none(), st.binary(max_size=40)),
        "i": st.integers(min_value=-(2**63), max_value=2**63 - 1),
        "d": st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False),
    }
)


@pytest.fixture
def scratch_table(fresh_database):
    connection = _connect(fresh_database, fresh_database.rsplit("/", 1)[1])
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE t (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, s longtext,"
            " v varchar(20) NOT NULL DEFAULT '', b blob, i bigint NOT NULL, d decimal(10,3))"
            " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
        )
    yield fresh_database, connection
    connection.close()


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(ROW, min_size=1, max_size=6))
def test_random_values_through_mariadb_dump_read_back_as_mariadb_holds_them(
    scratch_table, tmp_path, rows
):
    url, connection = scratch_table
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE TABLE t")
        cursor.executemany(
            "INSERT INTO t (s, v, b, i, d) VALUES (%s, %s, %s, %s, %s)",
            [(r["s"], r["v"], r["b"], r["i"], r["d"]) for r in rows],
        )
    path = dump_database(url, tmp_path / "random.sql")
    server, dump = MySQLSource(url), DumpSource(path)
    stored = list(server.rows("t"))
    assert list(dump.rows("t")) == stored
    assert [r["s"] for r in stored] == [r["s"] for r in rows]
    assert [r["b"] for r in stored] == [r["b"] for r in rows]
    assert all(isinstance(r["d"], Decimal) for r in stored)
    server.close()
    dump.close()


@pytest.mark.parametrize("nukeviet_layout", ["4.3"])
def test_tables_read_inside_one_another(nukeviet_mysql, nukeviet_dump):
    """An importer reads an article's body, tags and categories while reading the
    articles: each source gives every table whole however the reads are nested."""
    for source in (MySQLSource(nukeviet_mysql), DumpSource(nukeviet_dump)):
        news = find_module(source)
        seen = []
        for article in source.rows(news.table("rows")):
            body = news.body_html(article["id"])
            categories = [c["catid"] for c in source.rows(news.table("cat"))]
            seen.append((article["id"], body, len(categories)))
        assert seen == [(a.id, a.bodyhtml, 4) for a in ARTICLES]
        source.close()


@pytest.mark.parametrize("nukeviet_layout", ["4.5"])
def test_a_real_dump_cut_short_is_refused_before_any_row(nukeviet_dump, tmp_path):
    """A backup copied or downloaded only in part, plain or gzipped, cut in the rows of
    the articles, at the last statement or in the trailer's line itself."""
    data = nukeviet_dump.read_bytes()
    plain = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    rows_at = plain.index(b"INSERT INTO `nv4_vi_news_rows`")
    trailer_at = plain.index(b"-- Dump completed")
    for cut in (rows_at + 500, trailer_at - 1, trailer_at + 5):
        part = plain[:cut]
        path = tmp_path / ("cut.sql.gz" if data[:2] == b"\x1f\x8b" else "cut.sql")
        path.write_bytes(gzip.compress(part) if path.suffix == ".gz" else part)
        with pytest.raises(NotNukeViet, match="incomplete"):
            open_source(dump=path)
    if data[:2] == b"\x1f\x8b":
        path = tmp_path / "cut-gzip.sql.gz"
        path.write_bytes(data[: len(data) * 2 // 3])
        with pytest.raises(NotNukeViet, match="damaged or cut short"):
            open_source(dump=path)
    path = tmp_path / "portal.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + plain[:1000])
    with pytest.raises(NotNukeViet, match="not a dump"):
        open_source(dump=path)


def test_dates_and_timestamps_read_the_same_from_server_and_dump(fresh_database, tmp_path):
    connection = _connect(fresh_database, fresh_database.rsplit("/", 1)[1])
    with connection.cursor() as cursor:
        cursor.execute("SET time_zone = '+07:00'")
        cursor.execute(
            "CREATE TABLE t (id int PRIMARY KEY, at timestamp NULL, day date, moment datetime,"
            " f double, y year)"
        )
        cursor.execute(
            "INSERT INTO t VALUES (1, '2024-05-06 08:30:00', '2024-05-06',"
            " '2024-05-06 08:30:00', 0.1, 2024), (2, NULL, NULL, NULL, NULL, NULL)"
        )
    connection.close()
    server = MySQLSource(fresh_database)
    dump = DumpSource(dump_database(fresh_database, tmp_path / "dates.sql"))
    rows = list(server.rows("t"))
    assert rows == list(dump.rows("t"))
    assert rows[0] == {
        "id": 1,
        "at": "2024-05-06 01:30:00",  # UTC, whatever the session's time zone
        "day": "2024-05-06",
        "moment": "2024-05-06 08:30:00",
        "f": 0.1,
        "y": 2024,
    }
    server.close()
