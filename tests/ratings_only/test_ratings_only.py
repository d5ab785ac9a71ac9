"""The ratings app stands alone, as the README promises.

A project that installs ``wagtail_dangvu.ratings`` and not ``wagtail_dangvu`` (nor its
``locale_vi``), in ``tests/ratings_only/``, migrates, passes ``manage.py check`` with the
rating checks, and its readers rate a page of its own. It runs in subprocesses with its
own settings and a throwaway database, so the suite's settings (``tests.settings``) are
left alone and the tests run under pytest-xdist like any other: on SQLite, or on a new
database of the PostgreSQL server that ``DATABASE_URL`` names.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]
SUMMARY = "Tổng số điểm của bài viết là: {total} trong {count} đánh giá"


def on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


def run(*args, database_url, setting=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.ratings_only.settings",
        "DANGVU_RATINGS_ONLY_DATABASE_URL": database_url,
    }
    env.pop("DANGVU_RATINGS_ONLY_SETTING", None)
    if setting is not None:
        env["DANGVU_RATINGS_ONLY_SETTING"] = json.dumps(setting)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


@pytest.fixture
def database_url(tmp_path):
    if not on_postgresql():
        yield f"sqlite:///{tmp_path / 'ratings-only.sqlite3'}"
        return
    import psycopg

    server = os.environ["DATABASE_URL"]
    conf = dj_database_url.parse(server)
    name = f"dangvu_ratings_only_{uuid.uuid4().hex[:12]}"
    maintenance = {
        "dbname": "postgres",
        "user": conf["USER"] or None,
        "password": conf["PASSWORD"] or None,
        "host": conf["HOST"] or None,
        "port": conf["PORT"] or None,
        "autocommit": True,
    }
    with psycopg.connect(**maintenance) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(**maintenance) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_project_with_the_ratings_alone_migrates_checks_and_rates_its_own_page(database_url):
    migrate = run("manage.py", "migrate", "--no-input", database_url=database_url)
    assert migrate.returncode == 0, migrate.stderr
    # The project's own migration is its model's.
    missing = run("manage.py", "makemigrations", "--check", "--dry-run", database_url=database_url)
    assert missing.returncode == 0, missing.stdout + missing.stderr

    check = run("manage.py", "check", "--fail-level", "WARNING", database_url=database_url)
    assert check.returncode == 0, check.stderr
    assert "System check identified no issues" in check.stdout

    rated = run("-m", "tests.ratings_only.rate", database_url=database_url)
    assert rated.returncode == 0, rated.stderr
    seen = json.loads(rated.stdout)

    # The project is the one described: the ratings, without the content app.
    assert seen["database"] == ("postgresql" if on_postgresql() else "sqlite")
    assert "wagtail_dangvu.ratings" in seen["installed"]
    assert not {"wagtail_dangvu", "wagtail_dangvu.locale_vi"} & set(seen["installed"])
    assert seen["tables"] and all(
        table.startswith("wagtail_dangvu_ratings_") for table in seen["tables"]
    )
    # Nothing of the content app was imported on the way; of the package, only the
    # modules that are no part of it.
    outside = {name for name in seen["modules"] if not name.startswith("wagtail_dangvu.ratings")}
    assert outside <= {
        "wagtail_dangvu",
        "wagtail_dangvu.compat",
        "wagtail_dangvu.pure.csvsafe",
        "wagtail_dangvu.downloads",
        "wagtail_dangvu.pure",
        "wagtail_dangvu.pure.problems",
        "wagtail_dangvu.pure.symbols",
    }

    # The article shows the stars and no score before the first vote.
    assert "Click để đánh giá bài viết" in seen["article_before"]
    assert "Tổng số điểm" not in seen["article_before"]
    # A reader with JavaScript votes through the API, once.
    assert seen["vote"]["status"] == 201
    assert seen["vote"]["json"]["summary"] == SUMMARY.format(total=4, count=1)
    assert seen["again"]["status"] == 409
    assert seen["again"]["json"]["error"] == "Bạn đã đánh giá bài viết này rồi"
    # A reader without: the vote page extends the portal's base.html, its form votes and
    # leads back to the article, which thanks them and shows the new score.
    assert seen["vote_page"]["status"] == 200
    assert "<main>" in seen["vote_page"]["html"]
    anchor = f"{seen['article_url']}#dangvu-rating-{seen['vote']['json']['page']}"
    assert seen["plain_vote"]["redirects"] == [[anchor, 303]]
    assert "Cảm ơn bạn đã đánh giá bài viết" in seen["plain_vote"]["html"]
    assert SUMMARY.format(total=9, count=2) in seen["article_after"]
    assert "Xếp hạng: 4.5 - 2 phiếu bầu" in seen["article_after"]
    assert seen["stored"] == {"total": 9, "count": 2, "votes": 2}
    # Wagtail's own page type does not show the stars, so it takes no vote.
    assert seen["home_vote"] == 404
    # The admin lists the rating.
    assert seen["admin"]["status"] == 200
    assert "Ra mắt mô hình dân vận khéo" in seen["admin"]["html"]


def test_the_rating_checks_run_in_a_project_with_the_ratings_alone(tmp_path):
    """A misspelt key, bad ratings and a missing base template are reported by the
    ratings app itself, under the ids the content app's project knows them by."""
    check = run(
        "manage.py",
        "check",
        "--fail-level",
        "WARNING",
        database_url=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        setting={
            "RATINGS": {"RATE": "ten a minute", "ENABLED": "yes", "COOKIE_NAME": "dangvu voter"},
            "RATING": {"ENABLED": False},
            "BASE_TEMPLATE": "portal/base.html",
        },
    )

    assert check.returncode == 1
    for id_ in ("E002", "E007", "E009", "E101", "E105"):
        assert f"(wagtail_dangvu.{id_})" in check.stderr, check.stderr
