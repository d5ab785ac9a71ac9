"""Benchmark: a news article with its reading features against the same page without them.

Run it with ``make bench`` or::

    python -m pytest tests/bench/test_bench_reading.py -o addopts="" -s -p no:cacheprovider

(with ``DATABASE_URL`` for PostgreSQL). The same article is rendered through the test
client with every reading feature the app has, each with something to show (its source,
two attached files, two topics with other articles on them, related articles by a shared
document and shared tags, the newer and older articles of its index, the share bar, the
print link, the view counter, below the star rating) and with ``reading_features``
switched off on its class, alternately, 15 times each after a warm-up; it prints the
median times, their ratio and the query counts, and asserts that the features add a fixed
number of queries (the same for an article with 3 tags as for one with 30, in an index of 5
or of 60 articles) and at most a fifth of the time.
"""

from __future__ import annotations

import statistics
import time

import pytest
from django.db import connection
from django.test import Client

from tests.factories import (
    attachments,
    make_article,
    make_document,
    make_file,
    make_news,
    make_news_index,
    make_register,
    make_report_index,
    make_source,
    make_topic,
    paragraph,
)
from tests.queries import count_queries
from wagtail_dangvu.documents import files as document_files
from wagtail_dangvu.models import ArticleViewCount, NewsArticlePage

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

RUNS = 15
# The view total; the source; the attachments' files and the collections under a view
# restriction; the article's topics and their translations; one statement for the newer,
# the older, the topics' latest and the related articles.
EXTRA_QUERIES = 7


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    document_files._pending_moves().clear()
    yield
    document_files._pending_moves().clear()


def measure(client, url):
    started = time.perf_counter()
    with count_queries() as queries:
        response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200
    return elapsed, len(queries), response.content.decode()


def compare(client, url, monkeypatch):
    """Median seconds and queries with the features and without, measured alternately."""
    figures = {True: [], False: []}
    queries = {}
    for _warm_up in range(2):
        for enabled in (True, False):
            monkeypatch.setattr(NewsArticlePage, "reading_features", enabled)
            measure(client, url)
    for _run in range(RUNS):
        for enabled in (True, False):
            monkeypatch.setattr(NewsArticlePage, "reading_features", enabled)
            elapsed, count, text = measure(client, url)
            figures[enabled].append(elapsed)
            queries[enabled] = count
            assert ("dangvu-share" in text) is enabled
    return {enabled: statistics.median(times) for enabled, times in figures.items()}, queries


def build(home, slug, articles, tags, document):
    """A news article in the middle of an index of ``articles``, with ``tags`` tags, a
    source, two topics, two attached files and ``document``; as many reports sharing its
    topics, two of its tags and (every other one) the document."""
    index = make_news_index(home, slug=slug)
    reports = make_report_index(home, slug=f"{slug}-bao-cao")
    tag_names = [f"thẻ {number}" for number in range(tags)]
    topics = [make_topic(f"Chủ đề {slug} {number}") for number in range(2)]

    def others(numbers):
        for number in numbers:
            make_news(index, title=f"Tin {number}", slug=f"{slug}-{number}")
            make_article(
                reports,
                title=f"Báo cáo {number}",
                tags=tag_names[:2],
                topics=topics,
                documents=[document] if number % 2 else (),
            )

    others(range(articles // 2))
    page = make_article(
        index,
        title="Bài có đủ tính năng đọc",
        tags=tag_names,
        topics=topics,
        documents=[document],
        body=[paragraph(f"<p>Đoạn {number} của bài viết.</p>") for number in range(20)],
        source=make_source(f"Báo Long An {slug}", url="https://baolongan.vn/"),
        attachments=attachments(
            *(make_file(f"Tệp {number}", f"tep-{number}.pdf", size=2000) for number in range(2))
        ),
    )
    others(range(articles // 2, articles - 1))
    ArticleViewCount.objects.import_total(page, 12345)
    return page


def test_reading_features_cost_little_and_a_fixed_number_of_queries(home, monkeypatch):
    client = Client()
    make_register(home)
    document = make_document("21-KL/TW")
    rows = []
    extra = set()
    for slug, articles, tags in (("nho", 5, 3), ("lon", 60, 30)):
        page = build(home, slug, articles, tags, document)
        monkeypatch.setattr(NewsArticlePage, "reading_features", True)
        html = client.get(page.url).content.decode()
        for feature in (
            "dangvu-source",
            "dangvu-attachments",
            "dangvu-topics",
            "dangvu-newer",
            "dangvu-older",
            "dangvu-related",
            "dangvu-views",
        ):
            assert feature in html, feature
        medians, queries = compare(client, page.url, monkeypatch)
        ratio = medians[True] / medians[False]
        extra.add(queries[True] - queries[False])
        rows.append((f"{articles} articles, {tags} tags", medians, queries, ratio))

    print(f"\nArticle page, median of {RUNS} renders each ({connection.vendor}):")
    print(f"{'':28} {'with (ms)':>10} {'without':>10} {'ratio':>6} {'queries':>12}")
    for label, medians, queries, ratio in rows:
        print(
            f"{label:28} {medians[True] * 1000:10.1f} {medians[False] * 1000:10.1f}"
            f" {ratio:6.2f} {queries[True]:5} vs {queries[False]:<4}"
        )
    assert extra == {EXTRA_QUERIES}
    assert all(ratio <= 1.2 for *_rest, ratio in rows), rows
