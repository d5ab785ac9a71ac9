"""The view counter is exact under concurrent readers, on PostgreSQL.

100 readers open the same article at once, each request in a thread of its own with its
own database connection, released together by a barrier: 70 different readers, and 30
who are one of them again (signed in on a second device, so the same reader key). The
total is the number of different readers, and there is one daily row each.

PostgreSQL's ``max_connections`` is often 100, shared with other clients: the threads
take a connection each, at most as many at once as the server has free (less a margin),
and the test prints how many that was.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from tests.factories import make_news, make_news_index
from wagtail_dangvu.articles import counter as views_counter
from wagtail_dangvu.models import ArticleView, ArticleViewCount

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency is tested on PostgreSQL (set DATABASE_URL); SQLite serialises writers",
    ),
    # Like every transactional test here: the database is restored for the tests after it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

READERS = 100
DISTINCT = 70


def free_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('max_connections')::int")
        (limit,) = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
        )
        (used,) = cursor.fetchone()
    return limit - used


def test_concurrent_readers_are_counted_exactly(home, django_user_model, monkeypatch):
    monkeypatch.setattr(views_counter, "RATE", "1000/m")
    page = make_news(make_news_index(home))
    users = [django_user_model.objects.create_user(f"reader-{n}") for n in range(DISTINCT)]
    # Every reader's request from a client of its own; the last 30 are readers again.
    clients = []
    for number in range(READERS):
        client = Client()
        client.force_login(users[number % DISTINCT])
        clients.append(client)
    url = reverse("dangvu:view_count", kwargs={"page_id": page.pk})
    at_once = min(READERS, free_connections() - 10)
    assert at_once >= 20, f"only {at_once} free PostgreSQL connections"
    slots = threading.BoundedSemaphore(at_once)
    barrier = threading.Barrier(READERS)

    def read(client):
        barrier.wait()
        with slots:
            try:
                response = client.post(url, HTTP_ACCEPT="application/json")
                return response.status_code, response.json()["counted"]
            finally:
                connections.close_all()

    with ThreadPoolExecutor(max_workers=READERS) as pool:
        results = list(pool.map(read, clients))

    print(f"\n{READERS} readers, {at_once} requests at once")
    assert [status for status, _counted in results] == [200] * READERS
    assert sum(counted for _status, counted in results) == DISTINCT
    assert ArticleViewCount.objects.get(page=page).total == DISTINCT
    assert ArticleView.objects.filter(page=page).count() == DISTINCT
