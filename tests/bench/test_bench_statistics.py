"""Benchmarks of figures as data (run with `make bench`, not part of `make test`).

1. A report with 50 statistic blocks and 5 charts, against the same report with its figures
   written as plain paragraphs: render time within 1.3x, at most one query more.
2. The statistics dashboard over 1,000 pages x 10 indicators, against 10 pages x 10
   indicators measured in the same run: render time and query count.
"""

import datetime
import statistics
import time
from decimal import Decimal

import pytest

from tests.factories import (
    add_page,
    make_dashboard,
    make_indicator,
    make_report,
    make_report_index,
    paragraph,
    statistic,
)
from tests.queries import count_queries
from wagtail_dangvu.models import DirectiveReportPage, IndicatorValue

pytestmark = [pytest.mark.django_db, pytest.mark.bench]

ROUNDS = 15


def measure(client, url):
    """Median render time in ms and query count of GET url (after one warm-up)."""
    client.get(url)
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with count_queries() as queries:
        client.get(url)
    return statistics.median(times), len(queries)


def measure_side_by_side(client, urls):
    """measure() for several pages, their requests taken in turn, so that a load on the
    shared machine weighs on each page alike rather than on whichever ran second."""
    for url in urls:
        client.get(url)
    times = {url: [] for url in urls}
    for _ in range(ROUNDS):
        for url in urls:
            start = time.perf_counter()
            response = client.get(url)
            times[url].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    counts = {}
    for url in urls:
        with count_queries() as queries:
            client.get(url)
        counts[url] = len(queries)
    return [(statistics.median(times[url]), counts[url]) for url in urls]


def chart(number):
    return {
        "type": "chart",
        "value": {
            "kind": ["bar", "column", "line", "pie", "column"][number],
            "title": f"Biểu đồ {number}",
            "description": "",
            "unit": "cuộc",
            "categories": [f"Ấp {i}" for i in range(6)],
            "series": [{"name": "2022", "values": [str(10 + i) for i in range(6)]}],
        },
    }


def report(table, title, slug):
    print(f"\n{title}")
    print(f"{'':<28}{'median ms':>12}{'queries':>10}")
    for name, (ms, queries) in table.items():
        print(f"{name:<28}{ms:>12.1f}{queries:>10}")


def test_report_with_figures_as_blocks_against_plain_paragraphs(client, home):
    indicators = [make_indicator(f"indicator-{i}", name=f"Chỉ tiêu {i}") for i in range(10)]
    index = make_report_index(home)
    blocks = [statistic(indicators[i % 10], 100 + i, target="120") for i in range(50)]
    blocks += [chart(i) for i in range(5)]
    plain = [paragraph(f"<p>Chỉ tiêu {i % 10}: {100 + i} cuộc, đạt 83,33%.</p>") for i in range(50)]
    plain += [paragraph("<p>Ấp 0: 10; Ấp 1: 11; Ấp 2: 12; Ấp 3: 13.</p>") for i in range(5)]
    with_blocks = make_report(index, title="Báo cáo có số liệu", body=blocks)
    with_paragraphs = make_report(index, title="Báo cáo văn xuôi", body=plain)

    baseline, measured = measure_side_by_side(client, [with_paragraphs.url, with_blocks.url])
    figures = {"plain paragraphs (baseline)": baseline, "50 statistics + 5 charts": measured}
    report(figures, "Report render", "report")
    base_ms, base_queries = figures["plain paragraphs (baseline)"]
    ms, queries = figures["50 statistics + 5 charts"]
    print(f"time ratio {ms / base_ms:.2f}x, extra queries {queries - base_queries}")
    # Figures at the speed of text: statistics are written without a template render each,
    # charts come from the cache after the first drawing, and the indicators of all the
    # blocks are fetched in one query.
    assert ms <= 1.3 * base_ms
    assert queries <= base_queries + 1


def build_dashboard(home, pages, indicators):
    index = make_report_index(home, slug=f"bao-cao-{pages}")
    catalogue = [
        make_indicator(f"i{pages}-{i}", name=f"Chỉ tiêu {i}", aggregation=("sum", "average")[i % 2])
        for i in range(indicators)
    ]
    created = []
    for number in range(pages):
        created.append(
            add_page(
                index,
                DirectiveReportPage,
                publish_it=False,
                live=True,
                title=f"Báo cáo xã {number}",
                period_start=datetime.date(2021, 1, 1),
                period_end=datetime.date(2021 + number % 3, 12, 31),
                committee=f"Đảng ủy xã {number}",
            )
        )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            page=page,
            indicator=indicator,
            year=page.period_end.year,
            value=Decimal(number % 50 + i),
            observed_on=page.period_end,
        )
        for number, page in enumerate(created)
        for i, indicator in enumerate(catalogue)
    )
    return make_dashboard(index, title=f"Thống kê {pages}", slug=f"thong-ke-{pages}")


def test_dashboard_over_1000_pages_and_10_indicators(client, home):
    small = build_dashboard(home, 10, 10)
    large = build_dashboard(home, 1000, 10)
    figures = {
        "10 pages x 10 (baseline)": measure(client, small.url),
        "1,000 pages x 10": measure(client, large.url),
    }
    report(figures, "Dashboard render", "dashboard")
    (base_ms, base_queries), (ms, queries) = figures.values()
    print(f"time ratio {ms / base_ms:.2f}x, queries {base_queries} -> {queries}")
    assert queries == base_queries
