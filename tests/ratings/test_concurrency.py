"""No lost votes, no repeat votes, no stray writes: under load on PostgreSQL, in turn on SQLite.

Each test runs twice: with requests from many threads at once (PostgreSQL only: SQLite
serialises all writers on one file lock, so threads would prove nothing there), and with
the same requests one after the other (every database).
"""

import threading

import pytest
from django.db import connection
from django.utils.crypto import get_random_string

from tests.portal.models import NewsPage
from wagtail_dangvu.ratings.models import Rating, Vote

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORKERS = 40

modes = pytest.mark.parametrize(
    "concurrently",
    [
        pytest.param(
            True,
            id="threads",
            marks=pytest.mark.skipif(
                connection.vendor != "postgresql",
                reason="SQLite serialises writers on one file lock; run with PostgreSQL",
            ),
        ),
        pytest.param(False, id="sequential"),
    ],
)


def run(calls, *, concurrently):
    """Make every call, from WORKERS threads let loose at once, or in turn."""
    if not concurrently:
        return [call() for call in calls]
    results = [None] * len(calls)
    queue = list(enumerate(calls))
    lock = threading.Lock()
    start = threading.Barrier(WORKERS)
    errors = []

    def worker():
        try:
            start.wait()
            while True:
                with lock:
                    if not queue:
                        return
                    index, call = queue.pop()
                results[index] = call()
        except Exception as error:  # surfaced below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def ready(reader):
    """Give a reader a CSRF cookie and token without a request, as a browser would hold."""
    secret = get_random_string(32)
    reader.client.cookies["csrftoken"] = secret
    reader.token = secret
    return reader


def snapshot():
    return (
        list(Rating.objects.order_by("pk").values()),
        list(Vote.objects.order_by("pk").values()),
    )


@pytest.fixture
def page(home):
    return home.add_child(instance=NewsPage(title="Tổng kết công tác dân vận năm 2022"))


@modes
def test_two_hundred_readers_at_once_lose_no_vote(page, reader_factory, concurrently):
    readers = [ready(reader_factory()) for _ in range(200)]
    scores = [1 + i % 5 for i in range(200)]
    calls = [
        lambda reader=reader, score=score: reader.vote(page, score).status_code
        for reader, score in zip(readers, scores, strict=True)
    ]

    statuses = run(calls, concurrently=concurrently)

    assert statuses == [201] * 200
    rating = Rating.objects.get()  # the first votes raced to create it: one row
    assert (rating.total, rating.count) == (sum(scores), 200) == (600, 200)
    assert Vote.objects.count() == 200
    assert readers[0].get(page).json()["average"] == "3.0"


@modes
def test_fifty_votes_by_one_reader_at_once_count_once(
    page, reader_factory, ratings_settings, concurrently
):
    ratings_settings(RATE="1000/m")
    reader = ready(reader_factory())
    reader.client.cookies["dangvu_voter"] = get_random_string(43)
    calls = [lambda score=1 + i % 5: reader.vote(page, score) for i in range(50)]

    responses = run(calls, concurrently=concurrently)

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201] + [409] * 49
    [accepted] = [r for r in responses if r.status_code == 201]
    vote = Vote.objects.get()
    assert vote.score == accepted.json()["score"]
    rating = Rating.objects.get()
    assert (rating.total, rating.count) == (vote.score, 1)
    for refused in responses:
        if refused.status_code == 409:
            assert refused.json()["score"] == vote.score


@modes
def test_no_bad_request_writes_anything(page, home, reader_factory, ratings_settings, concurrently):
    ratings_settings(RATE="3/h")
    voters = [ready(reader_factory()) for _ in range(5)]
    for voter in voters:
        assert voter.vote(page, 4).status_code == 201
    switched_off = home.add_child(instance=NewsPage(title="Lịch công tác tuần"))
    Rating.objects.create(page=switched_off, enabled=False)
    before = snapshot()

    def bad_score(value):
        return lambda: ready(reader_factory()).post(page, {"score": value}).status_code

    calls = [
        *(bad_score(value) for value in ["0", "6", "abc", "4.5", "", ["4", "5"]] * 10),
        *(lambda: ready(reader_factory()).post(page, {}).status_code for _ in range(10)),
        *(lambda v=v: v.vote(page, 1).status_code for v in voters * 4),  # repeats
        *(lambda: reader_factory().vote(page, 5, token=False).status_code for _ in range(10)),
        *(lambda: ready(reader_factory()).vote(switched_off, 5).status_code for _ in range(10)),
        *(lambda: ready(reader_factory()).vote(page.pk + 1000, 5).status_code for _ in range(10)),
    ]
    limited = ready(reader_factory())
    for _ in range(3):
        limited.client.cookies.pop("dangvu_voter", None)
        limited.vote(switched_off, 5)  # uses up the rate, writes nothing
    calls += [lambda: limited.vote(page, 5).status_code for _ in range(10)]

    statuses = run(calls, concurrently=concurrently)

    assert sorted(set(statuses)) == [400, 403, 404, 409, 429]
    assert snapshot() == before
