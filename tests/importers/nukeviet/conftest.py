"""The fixture portal in MariaDB and as dump files, in each of NukeViet's layouts.

``nukeviet_layout`` is parametrised over the layouts; a test that wants one only says
``@pytest.mark.parametrize("nukeviet_layout", ["4.5"])``. ``nukeviet_mysql`` is the URL of
a fresh database holding the portal (dropped afterwards); ``nukeviet_dump`` a real
``mariadb-dump`` of it, plain and gzipped (``nukeviet_dump_format``).

The server is ``NUKEVIET_TEST_MYSQL`` (default ``mysql://root@127.0.0.1:3306``). Where it
cannot be reached the tests that need it are skipped, saying why; under CI (``CI=true``,
where .ci/run starts MariaDB) they fail instead.
"""

from __future__ import annotations

import os
import uuid

import pytest

from .portal import LAYOUTS, create_database, drop_database, dump_database, load_portal

SERVER = os.environ.get("NUKEVIET_TEST_MYSQL", "mysql://root@127.0.0.1:3306")


def mariadb_unreachable() -> str | None:
    """Why the test server cannot be used, or None."""
    try:
        import pymysql
    except ImportError:
        return "PyMySQL is not installed (pip install -e '.[test]')"
    from .portal import _connect

    try:
        _connect(SERVER).close()
    except pymysql.err.MySQLError as error:
        return f"MariaDB at {SERVER} cannot be reached: {error}"
    return None


@pytest.fixture(scope="session")
def mariadb_server() -> str:
    """The URL of the MariaDB server (without a database)."""
    reason = mariadb_unreachable()
    if reason is not None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{reason} (CI must run MariaDB: .ci/run starts it)")
        pytest.skip(reason)
    return SERVER


@pytest.fixture
def fresh_database(mariadb_server):
    """A new empty database on the server, dropped after the test: its URL."""
    name = f"test_nukeviet_{uuid.uuid4().hex[:12]}"
    url = create_database(mariadb_server, name)
    yield url
    drop_database(mariadb_server, name)


@pytest.fixture(params=LAYOUTS)
def nukeviet_layout(request) -> str:
    return request.param


@pytest.fixture
def nukeviet_mysql(fresh_database, nukeviet_layout) -> str:
    """The URL of a database holding the fixture portal in ``nukeviet_layout``."""
    load_portal(fresh_database, nukeviet_layout)
    return fresh_database


@pytest.fixture(params=["plain", "gzip"])
def nukeviet_dump_format(request) -> str:
    return request.param


@pytest.fixture
def nukeviet_dump(nukeviet_mysql, nukeviet_dump_format, tmp_path):
    """A mariadb-dump of ``nukeviet_mysql``: ``portal.sql`` or ``portal.sql.gz``."""
    compress = nukeviet_dump_format == "gzip"
    path = tmp_path / ("portal.sql.gz" if compress else "portal.sql")
    return dump_database(nukeviet_mysql, path, compress=compress)
