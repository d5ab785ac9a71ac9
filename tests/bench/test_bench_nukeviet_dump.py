"""Reading a NukeViet dump: memory stays flat, whatever the dump's size (not part of the
default run; needs MariaDB):

    .venv/bin/python -m pytest tests/bench/test_bench_nukeviet_dump.py -o addopts="" -s \\
        -p no:cacheprovider

The fixture portal (layout 4.5) is grown inside MariaDB to about 20 MB of article bodies,
dumped with the real mariadb-dump, then grown to about 200 MB and dumped again. Each
dump is opened (the whole-file check) and every row of every table read, under
tracemalloc: the peak for the large dump against the small one's is the ratio that must
stay near 1. Rows per second are measured without tracemalloc, against the same rows read
from the server through MySQLSource in the same run.
"""

from __future__ import annotations

import time
import tracemalloc

import pytest

from tests.importers.nukeviet.conftest import fresh_database, mariadb_server  # noqa: F401
from tests.importers.nukeviet.portal import TRICKY, _connect, dump_database, load_portal
from wagtail_dangvu.importers.nukeviet.sources import DumpSource, MySQLSource

pytestmark = pytest.mark.bench

SMALL, LARGE = 20 << 20, 200 << 20
# About 10 KB of article body: Vietnamese paragraphs, quotes, backslashes, newlines, emoji.
PARAGRAPH = (
    "<p>Hội nghị quán triệt, triển khai thực hiện Nghị quyết của Đảng bộ xã; đồng chí Bí thư"
    " nhấn mạnh yêu cầu &quot;dân vận khéo&quot; trong từng thôn, tổ dân phố.</p>\n"
)
BODY = (PARAGRAPH * 24 + TRICKY) * 2


def _size(cursor) -> int:
    cursor.execute("SELECT COALESCE(SUM(LENGTH(bodyhtml)), 0) FROM nv4_vi_news_detail")
    return int(cursor.fetchone()[0])


def grow(url: str, target: int) -> None:
    """Copy the portal's articles (rows and details) inside MariaDB until their bodies
    hold ``target`` bytes."""
    connection = _connect(url, url.rsplit("/", 1)[1])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE nv4_vi_news_detail SET bodyhtml = CONCAT(bodyhtml, %s)"
            " WHERE LENGTH(bodyhtml) < %s",
            [BODY, len(BODY)],
        )
        columns = {}
        for table in ("nv4_vi_news_rows", "nv4_vi_news_detail"):
            cursor.execute(f"SHOW COLUMNS FROM {table}")
            columns[table] = [name for name, *_ in cursor.fetchall()]
        while (size := _size(cursor)) < target:
            cursor.execute("SELECT MAX(id), COUNT(*) FROM nv4_vi_news_rows")
            top, count = cursor.fetchone()
            wanted = max(1, min(count, (target - size) * count // max(size, 1) + 1))
            for table, names in columns.items():
                others = ", ".join(f"`{name}`" for name in names if name != "id")
                cursor.execute(
                    f"INSERT INTO {table} (id, {others}) SELECT id + {top}, {others}"
                    f" FROM {table} ORDER BY id LIMIT {wanted}"
                )
    connection.close()


def read_everything(source) -> int:
    count = 0
    for table in sorted(source.tables()):
        for _row in source.rows(table):
            count += 1
    return count


def peak_memory(path) -> tuple[int, int]:
    tracemalloc.start()
    source = DumpSource(path)
    rows = read_everything(source)
    source.close()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, rows


def rows_per_second(open_source) -> float:
    started = time.perf_counter()
    source = open_source()
    rows = read_everything(source)
    source.close()
    return rows / (time.perf_counter() - started)


def test_reading_a_dump_keeps_memory_flat(fresh_database, tmp_path):  # noqa: F811
    load_portal(fresh_database, "4.5")
    figures = {}
    for name, target in (("small", SMALL), ("large", LARGE)):
        grow(fresh_database, target)
        path = dump_database(fresh_database, tmp_path / f"{name}.sql")
        peak, rows = peak_memory(path)
        figures[name] = {"bytes": path.stat().st_size, "peak": peak, "rows": rows}
    large = figures["large"]
    dump_speed = rows_per_second(lambda: DumpSource(tmp_path / "large.sql"))
    server_speed = rows_per_second(lambda: MySQLSource(fresh_database))
    ratio = large["peak"] / figures["small"]["peak"]
    print()
    for name, figure in figures.items():
        print(
            f"{name}: dump {figure['bytes'] / 2**20:.0f} MiB, {figure['rows']} rows,"
            f" peak memory {figure['peak'] / 2**20:.2f} MiB"
        )
    print(f"peak memory, large dump / small dump: {ratio:.2f}")
    print(
        f"rows per second: dump {dump_speed:,.0f}, server {server_speed:,.0f}"
        f" (dump / server {dump_speed / server_speed:.2f});"
        f" {large['bytes'] / 2**20 / (large['rows'] / dump_speed):.0f} MiB/s of dump"
    )
    assert large["bytes"] > 8 * figures["small"]["bytes"]
    assert ratio < 1.5
    assert large["peak"] < 32 << 20
