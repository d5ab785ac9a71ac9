"""Benchmark: the example portal's front page with every block, over 20,000 articles.

Run it with ``make bench`` or::

    python -m pytest tests/bench/test_bench_frontpage.py -o addopts="" -s -p no:cacheprovider

(with ``DATABASE_URL`` for PostgreSQL). The baseline is the same front page measured in
the same run with 20 articles of each type; then 5,000 articles of each of the four types
are written in bulk (:mod:`tests.bench.tools`) and the page is measured again. The
query count must not grow.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.models import Page

from tests.bench.tools import RUNS, bulk_pages, measure
from tests.factories import (
    make_document,
    make_event,
    make_event_index,
    make_news,
    make_news_index,
    make_register,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
    publish,
    story_field,
)
from wagtail_dangvu.frontpage.blocks import FrontPageBlock
from wagtail_dangvu.models import (
    ArticleViewCount,
    DanVanKheoStoryPage,
    DirectiveReportPage,
    NewsArticlePage,
    SeminarEventPage,
)
from wagtail_dangvu.ratings.models import Rating

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

LARGE = 20_000
BASELINE = 20


def test_front_page_over_20000_articles(client, home):
    news = make_news_index(home)
    reports = make_report_index(home)
    events = make_event_index(home)
    stories = make_story_index(home)
    make_register(home)
    featured = []
    for number in range(BASELINE):
        article = make_news(news, title=f"Tin {number}")
        Rating.objects.import_counters(article, total=4 + number % 2, count=1)
        ArticleViewCount.objects.import_total(article, 100 + number)
        featured.append(article)
        make_report(reports, title=f"Báo cáo {number}")
        soon = timezone.localdate() + datetime.timedelta(days=number + 1)
        make_event(events, title=f"Hội nghị {number}", start_date=soon)
        make_story(stories, title=f"Mô hình {number}")
        make_document(f"{number + 1}-KL/TW")
    home.body = StreamValue(
        FrontPageBlock(),
        [
            ("featured", {"heading": "", "articles": featured[:4]}),
            ("latest", {"heading": "", "count": 10, "indexes": []}),
            ("latest", {"heading": "Tin tức", "count": 10, "indexes": [news]}),
            ("events", {"heading": "", "count": 5, "index": None}),
            ("stories", {"heading": "", "count": 5, "index": None}),
            ("most_read", {"heading": "", "count": 5}),
            ("best_rated", {"heading": "", "count": 5}),
            ("documents", {"heading": "", "count": 5}),
        ],
    )
    publish(home)
    baseline = measure(client, home.url)

    # 5,000 articles of each type, published a minute apart, newest first.
    past = datetime.date(2020, 1, 1)
    field = story_field("kinh-te")
    own_fields = {
        news: (NewsArticlePage, lambda n: {"summary": "Tin hoạt động."}),
        reports: (
            DirectiveReportPage,
            lambda n: {
                "period_start": past,
                "period_end": past,
                "committee": "Đảng ủy xã Long Bình",
            },
        ),
        events: (
            SeminarEventPage,
            lambda n: {
                "start_date": past,
                "all_day": True,
                "starts_at": timezone.make_aware(datetime.datetime(2020, 1, 1)),
                "ends_at": timezone.make_aware(datetime.datetime(2020, 1, 2)),
                "place": "Hội trường",
                "organiser": "Đảng ủy xã",
            },
        ),
        stories: (
            DanVanKheoStoryPage,
            lambda n: {"field": field, "unit": "Chi hội", "place": "ấp", "registration_year": 2020},
        ),
    }
    for index, (model, fields) in own_fields.items():
        bulk_pages(index, model, LARGE // 4, fields, title=f"{model.__name__} số")
    assert Page.find_problems() == ([], [], [], [], [])
    large = measure(client, home.url)

    ratio = large["median_ms"] / baseline["median_ms"]
    print(
        "\n".join(
            [
                "",
                f"Front page with every block on {connection.vendor}, median of {RUNS} renders "
                "(test client, routing and base template included)",
                f"{'articles':>9} {'median ms':>10} {'min ms':>8} {'SQL ms':>8} {'queries':>8}",
                *(
                    f"{count:>9} {figures['median_ms']:>10.1f} {figures['min_ms']:>8.1f} "
                    f"{figures['sql_ms']:>8.1f} {figures['queries']:>8}"
                    for count, figures in ((BASELINE * 4, baseline), (LARGE + BASELINE * 4, large))
                ),
                f"time {LARGE + BASELINE * 4}/{BASELINE * 4} articles: x{ratio:.2f}",
            ]
        )
    )
    assert large["queries"] == baseline["queries"]
    # The newest of the 20,000 lead the latest news (numbered after the 20 already there).
    assert f"NewsArticlePage số {BASELINE}" in large["response"].content.decode()
    assert large["median_ms"] < 3000
