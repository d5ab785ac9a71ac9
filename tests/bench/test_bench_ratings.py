"""Benchmarks of the star rating on PostgreSQL (not part of the default run).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python -m pytest tests/bench/test_bench_ratings.py -o addopts="" -s \\
        -p no:cacheprovider

Every request goes through the whole Django stack (middleware, CSRF, sessions, the view)
with autocommit, as in production. The floor is a bare Django view that does one INSERT
on the same database behind the same middleware. A table of figures is printed at the end.
"""

import os
import socket
import statistics
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
import requests
from django.db import connection
from django.db.models import Count, F, Sum
from django.http import JsonResponse
from django.test import Client
from django.urls import path, reverse
from django.utils.crypto import get_random_string

from example_site.urls import urlpatterns as example_urlpatterns
from tests.portal.models import NewsPage
from tests.queries import count_queries
from wagtail_dangvu.ratings.models import Rating, Vote

pytestmark = [
    pytest.mark.bench,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="benchmarks run on PostgreSQL (DATABASE_URL)"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REPO = Path(__file__).resolve().parents[2]
VOTES = 500
FIGURES = []


def floor_view(request):
    """The least a vote can cost: one INSERT of a vote-sized row, answered in JSON."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO dangvu_bench_floor (page_id, score, voter_key, created_at)"
            " VALUES (%s, %s, %s, now())",
            [int(request.POST["page"]), int(request.POST["score"]), get_random_string(69)],
        )
    return JsonResponse({"ok": True}, status=201)


urlpatterns = [path("bench/floor/", floor_view), *example_urlpatterns]


def figure(name, value, unit=""):
    FIGURES.append((name, value, unit))


@pytest.fixture(scope="module", autouse=True)
def _print_figures():
    yield
    width = max(len(name) for name, _, _ in FIGURES) if FIGURES else 10
    print("\n\nStar rating benchmark (PostgreSQL" + (", Redis)" if redis_url() else ")"))
    print("-" * (width + 24))
    for name, value, unit in FIGURES:
        shown = f"{value:,.1f}" if isinstance(value, float) else str(value)
        print(f"{name:<{width}}  {shown:>12} {unit}")
    print("-" * (width + 24))


def redis_url():
    return os.environ.get("REDIS_URL")


@pytest.fixture(autouse=True)
def bench_settings(settings):
    settings.WAGTAIL_DANGVU = {**settings.WAGTAIL_DANGVU, "RATINGS": {"RATE": "10000000/m"}}
    settings.ROOT_URLCONF = __name__
    if redis_url():
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url(),
            }
        }


@pytest.fixture
def floor_table():
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE dangvu_bench_floor (id bigserial PRIMARY KEY, page_id integer,"
            " score smallint, voter_key varchar(80), created_at timestamptz)"
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE dangvu_bench_floor")


class Reader:
    """A browser of its own, holding a CSRF cookie and token as after its first GET."""

    def __init__(self):
        self.client = Client(enforce_csrf_checks=True)
        self.token = get_random_string(32)
        self.client.cookies["csrftoken"] = self.token

    def get(self, page):
        url = reverse("dangvu_ratings:rating", kwargs={"page_id": page.pk})
        return self.client.get(url, HTTP_ACCEPT="application/json")

    def vote(self, page, score):
        return self.client.post(
            reverse("dangvu_ratings:rating", kwargs={"page_id": page.pk}),
            {"score": score},
            HTTP_X_CSRFTOKEN=self.token,
            HTTP_ACCEPT="application/json",
        )


def median_ms(latencies):
    return statistics.median(latencies) * 1000


def per_second(latencies):
    return 1 / statistics.median(latencies)


class Floor:
    """Requests to the bare INSERT view, through the same middleware as the votes."""

    def __init__(self, page):
        self.reader = Reader()
        self.page = page

    def __call__(self):
        return self.reader.client.post(
            "/bench/floor/",
            {"page": self.page.pk, "score": 4},
            HTTP_X_CSRFTOKEN=self.reader.token,
            HTTP_ACCEPT="application/json",
        ).status_code


def interleaved(rounds, **calls):
    """Latencies of each kind of call, taken in turns so that load on the machine hits all
    alike; ``calls`` map a name to a function of the round number."""
    latencies = {name: [] for name in calls}
    for i in range(rounds):
        for name, call in calls.items():
            started = time.perf_counter()
            status = call(i)
            latencies[name].append(time.perf_counter() - started)
            assert status in (200, 201), (name, status)
    return latencies


def queries_of(call):
    with count_queries() as queries:
        call()
    return queries.sql


@pytest.fixture
def article(home):
    return home.add_child(instance=NewsPage(title="Sơ kết 01 năm thực hiện Kết luận 21-KL/TW"))


def test_votes_and_reads_against_a_bare_insert(article, floor_table):
    floor = Floor(article)
    voters = [Reader() for _ in range(VOTES)]
    reader = Reader()
    reader.vote(article, 5)

    latencies = interleaved(
        VOTES,
        floor=lambda i: floor(),
        vote=lambda i: voters[i].vote(article, 1 + i % 5).status_code,
        read=lambda i: reader.get(article).status_code,
    )
    vote_sql = queries_of(lambda: Reader().vote(article, 4))
    read_sql = queries_of(lambda: reader.get(article))

    ratio = statistics.median(latencies["vote"]) / statistics.median(latencies["floor"])
    figure("floor: bare INSERT view, requests/s", per_second(latencies["floor"]))
    figure("votes/s through the whole stack", per_second(latencies["vote"]))
    figure("vote time / floor time", ratio, "x")
    figure("vote, median latency", median_ms(latencies["vote"]), "ms")
    figure("queries per vote (with BEGIN/COMMIT)", len(vote_sql))
    figure("state reads (GET)/s", per_second(latencies["read"]))
    figure("state read, median latency", median_ms(latencies["read"]), "ms")
    figure("queries per state read", len(read_sql))
    print("\nThe statements of one vote:\n" + "\n".join(f"  {q[:100]}" for q in vote_sql))
    rating = Rating.objects.get()
    assert (rating.count, rating.total) == (VOTES + 2, 5 + sum(1 + i % 5 for i in range(VOTES)) + 4)
    assert len(read_sql) <= 2
    assert ratio < 10


def test_a_vote_costs_the_same_with_a_hundred_thousand_votes(home, floor_table):
    """Each phase is timed against the floor, taken in turns, so that the ratio compares the
    vote's own cost, whatever else the machine is doing."""
    page = home.add_child(instance=NewsPage(title="Nghị quyết Đại hội Đảng bộ xã"))
    floor = Floor(page)
    runs = 300

    def phase():
        voters = [Reader() for _ in range(runs)]
        latencies = interleaved(
            runs,
            floor=lambda i: floor(),
            vote=lambda i: voters[i].vote(page, 1 + i % 5).status_code,
        )
        relative = statistics.median(latencies["vote"]) / statistics.median(latencies["floor"])
        return relative, latencies, queries_of(lambda: Reader().vote(page, 3))

    empty, empty_latencies, empty_sql = phase()

    rating = Rating.objects.get()
    Vote.objects.bulk_create(
        (Vote(rating=rating, score=1 + i % 5, voter_key=f"bench:{i}") for i in range(100_000)),
        batch_size=10_000,
    )
    Rating.objects.filter(pk=rating.pk).update(
        total=F("total") + 300_000, count=F("count") + 100_000
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    crowded, crowded_latencies, crowded_sql = phase()

    figure("floor, empty vote table, median", median_ms(empty_latencies["floor"]), "ms")
    figure("vote, empty vote table, median", median_ms(empty_latencies["vote"]), "ms")
    figure("vote time / floor time, empty vote table", empty, "x")
    figure("floor, 100,000 votes on the page, median", median_ms(crowded_latencies["floor"]), "ms")
    figure("vote time / floor time, 100,000 votes", crowded, "x")
    figure("vote, 100,000 votes on the page, median", median_ms(crowded_latencies["vote"]), "ms")
    figure("cost ratio 100,000 / empty (each vs floor)", crowded / empty, "x")
    figure("queries per vote, empty / 100,000", f"{len(empty_sql)} / {len(crowded_sql)}")
    assert len(crowded_sql) == len(empty_sql) == 2, crowded_sql
    assert not [sql for sql in crowded_sql if "SAVEPOINT" in sql.upper()]
    assert crowded / empty < 2
    # Issue #18 aims at 1.5x; measured 2.1x and 2.2x on a shared 2-core machine (was 3.4x
    # and 5.2x), the rest being the view's own Python work. The bound catches a regression.
    assert empty < 3 and crowded < 3
    rating.refresh_from_db()
    points = 2 * sum(1 + i % 5 for i in range(runs)) + 2 * 3 + 300_000
    assert (rating.total, rating.count) == (points, 2 * runs + 2 + 100_000)
    assert Vote.objects.count() == rating.count


class RoundTrips:
    """Counts what is sent to Redis: one packed send per command or pipeline."""

    def __init__(self):
        self.count = 0

    def __enter__(self):
        import redis.connection

        self.cls = redis.connection.AbstractConnection
        self.original = self.cls.send_packed_command
        counter = self

        def counted(connection, *args, **kwargs):
            counter.count += 1
            return counter.original(connection, *args, **kwargs)

        self.cls.send_packed_command = counted
        return self

    def __exit__(self, *exc):
        self.cls.send_packed_command = self.original


@pytest.mark.skipif(not redis_url(), reason="needs Redis (REDIS_URL)")
def test_the_rate_limit_costs_one_round_trip_to_redis(article):
    reader = Reader()
    reader.vote(article, 2)  # the window's counter exists from here on
    with RoundTrips() as first:
        assert Reader().vote(article, 3).status_code == 201
    with RoundTrips() as repeat:
        assert reader.vote(article, 4).status_code == 409
    figure("cache round trips per vote", first.count)
    assert first.count == 1
    assert repeat.count == 1


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def two_servers(tmp_path, live_database_url):
    """Two `manage.py runserver` processes on the test database and the shared cache."""
    (tmp_path / "bench_settings.py").write_text(
        textwrap.dedent(
            """
            from example_site.settings import *  # noqa: F403

            INSTALLED_APPS = ["tests.portal", *INSTALLED_APPS]  # the rated page type
            DEBUG = False
            WAGTAIL_DANGVU = {**WAGTAIL_DANGVU, "RATINGS": {"RATE": "10000000/m"}}
            """
        )
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)]),
        "DATABASE_URL": live_database_url,
    }
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for(f"http://127.0.0.1:{port}/")
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture
def live_database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise TimeoutError(url)


def test_a_thousand_votes_over_two_server_processes(article, two_servers):
    total_votes, threads_count = 1000, 8
    scores = [1 + i % 5 for i in range(total_votes)]
    statuses, latencies, lock = [], [], threading.Lock()
    work = list(enumerate(scores))

    def voter():
        while True:
            with lock:
                if not work:
                    return
                i, score = work.pop()
            server = two_servers[i % 2]
            session = requests.Session()  # a reader of their own: cookies, CSRF token
            state = session.get(f"{server}/dangvu/ratings/{article.pk}/", timeout=30)
            started = time.perf_counter()
            response = session.post(
                f"{server}/dangvu/ratings/{article.pk}/",
                data={"score": score},
                headers={"X-CSRFToken": state.headers["X-CSRFToken"], "Accept": "application/json"},
                timeout=30,
            )
            with lock:
                statuses.append(response.status_code)
                latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    threads = [threading.Thread(target=voter) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    assert statuses == [201] * total_votes
    rating = Rating.objects.get()
    assert (rating.total, rating.count) == (sum(scores), total_votes) == (3000, 1000)
    stored = Vote.objects.aggregate(n=Count("pk"), points=Sum("score"))
    assert (stored["n"], stored["points"]) == (1000, 3000)
    final = requests.get(f"{two_servers[1]}/dangvu/ratings/{article.pk}/", timeout=30).json()
    assert (final["total"], final["count"], final["average"]) == (3000, 1000, "3.0")
    figure("two servers: 1,000 readers (GET + vote), wall time", elapsed, "s")
    figure("two servers: votes/s, 8 client threads", total_votes / elapsed)
    figure("two servers: vote, median latency", median_ms(latencies), "ms")
