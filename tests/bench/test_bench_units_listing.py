"""Benchmark: a province's report index with its commune facet, and a commune's index, at
10 and at 100 communes of 200 reports each (2,000 and 20,000 live pages), in one run.

Run it with ``make bench`` or::

    DATABASE_URL=postgres://… python -m pytest tests/bench/test_bench_units_listing.py \\
        -o addopts="" -s -p no:cacheprovider

It prints render times and query counts at both sizes, and the ratio of the 100-commune
time to the 10-commune one, measured in the same run; it asserts that the query counts
do not grow with the number of communes or reports. The communes' homes, indexes and
reports are written in bulk (:func:`tests.bench.tools.bulk_pages`).
"""

from __future__ import annotations

import datetime
import time

import pytest
from django.db import connection
from wagtail.models import Page

from tests.bench.tools import RUNS, bulk_pages, measure
from tests.factories import make_report_index
from wagtail_dangvu.models import AdministrativeUnit, DirectiveReportIndexPage, DirectiveReportPage

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

SMALL = 10
LARGE = 100
REPORTS = 200


def add_communes(home, province, start: int, count: int) -> list[DirectiveReportIndexPage]:
    """``count`` communes under ``province``: a home each (the home page's type) holding a
    report index of ``REPORTS`` reports; returns their indexes."""
    home_ids = bulk_pages(home, type(home), count, lambda number: {}, title="Xã số")
    AdministrativeUnit.objects.bulk_create(
        [
            AdministrativeUnit(
                code=f"9{start + number:04d}",
                name=f"xã Số {start + number:03d}",
                kind="xa",
                parent=province,
                section_id=pk,
            )
            for number, pk in enumerate(home_ids)
        ]
    )
    day = datetime.date(2024, 6, 30)
    indexes = []
    for pk in home_ids:
        commune_home = Page.objects.get(pk=pk)
        (index_id,) = bulk_pages(
            commune_home,
            DirectiveReportIndexPage,
            1,
            lambda number: {"intro": "", "list_communes": True},
            title="Báo cáo",
        )
        index = DirectiveReportIndexPage.objects.get(pk=index_id)
        bulk_pages(
            index,
            DirectiveReportPage,
            REPORTS,
            lambda number: {
                "period_start": day - datetime.timedelta(days=180 + number),
                "period_end": day - datetime.timedelta(days=number),
                "committee": "",
                "summary": "Báo cáo sơ kết của Đảng ủy xã.",
            },
            title="Báo cáo số",
        )
        indexes.append(index)
    return indexes


def test_province_and_commune_indexes_at_10_and_100_communes(client, home):
    province = AdministrativeUnit.objects.create(
        code="9", name="tỉnh Thử Nghiệm", kind="tinh", section=home
    )
    province_index = make_report_index(home)
    results, built = {}, {}
    indexes = []
    for total in (SMALL, LARGE):
        started = time.perf_counter()
        indexes += add_communes(home, province, len(indexes), total - len(indexes))
        built[total] = time.perf_counter() - started
        if total == LARGE:
            assert Page.find_problems() == ([], [], [], [], [])
        first_code = "90000"
        results[total, "province"] = measure(client, province_index.url)
        results[total, "province ?unit="] = measure(
            client, province_index.url, {"unit": first_code}
        )
        results[total, "commune"] = measure(client, indexes[0].url)

        # What a reader gets is right at both sizes.
        response = results[total, "province"]["response"]
        assert response.context["items"].paginator.count == total * REPORTS
        counts = {value.value: value.count for value in response.context["facets"]["unit"].values}
        assert len(counts) == total and set(counts.values()) == {REPORTS}
        response = results[total, "province ?unit="]["response"]
        assert response.context["items"].paginator.count == REPORTS
        html = response.content.decode()
        assert '<p class="dangvu-article__unit">Đảng ủy xã Số 000</p>' in html
        assert results[total, "commune"]["response"].context["items"].paginator.count == REPORTS

    lines = [
        "",
        f"Report indexes of a province on {connection.vendor}, median of {RUNS} renders "
        "(test client, routing and base template included)",
        f"{'communes':>8} {'reports':>8} {'page':>16} {'median ms':>10} {'min ms':>8} "
        f"{'SQL ms':>8} {'queries':>8} {'built in s':>10}",
    ]
    for (total, label), figures in results.items():
        lines.append(
            f"{total:>8} {total * REPORTS:>8} {label:>16} {figures['median_ms']:>10.1f} "
            f"{figures['min_ms']:>8.1f} {figures['sql_ms']:>8.1f} {figures['queries']:>8} "
            f"{built[total]:>10.2f}"
        )
    for label in ("province", "province ?unit=", "commune"):
        ratio = results[LARGE, label]["median_ms"] / results[SMALL, label]["median_ms"]
        lines.append(f"time {LARGE}/{SMALL} communes, {label}: x{ratio:.2f}")
    print("\n".join(lines))

    for label in ("province", "province ?unit=", "commune"):
        # The query count grows with neither the communes nor the reports.
        assert results[LARGE, label]["queries"] == results[SMALL, label]["queries"], label
        # A generous bound: a render that takes seconds is a regression, whatever the machine.
        assert results[LARGE, label]["median_ms"] < 3000, label
