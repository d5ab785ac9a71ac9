"""The province dashboard: a figure per commune, totals by each indicator's rule (#13)."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import (
    make_dashboard,
    make_indicator,
    make_report,
    make_report_index,
    statistic,
)
from tests.html_structure import html_problems
from wagtail_dangvu.models import AdministrativeUnit, IndicatorValue

pytestmark = pytest.mark.django_db

HOSTILE_NAME = '=HYPERLINK("http://x")<script>alert(1)</script>'


def progress(indicator, achieved, target):
    return {
        "type": "target_progress",
        "value": {
            "indicator": indicator.pk,
            "label": "",
            "achieved": str(achieved),
            "target": str(target),
            "unit": "",
        },
    }


def ended(year):
    return {"period_start": datetime.date(year, 1, 1), "period_end": datetime.date(year, 12, 31)}


class Province:
    """A province (its section: the site's home) with communes, each a section of its own."""

    def __init__(self, home):
        self.home = home
        self.unit = AdministrativeUnit.objects.create(
            code="80", name="tỉnh Minh Họa", kind="tinh", section=home
        )
        self.inspections = make_indicator("inspections", name="Cuộc kiểm tra", unit="cuộc")
        self.progress = make_indicator(
            "new-members", name="Phát triển đảng viên", unit="%", aggregation="ratio"
        )
        self.communes = {}

    def commune(self, code, name, **fields):
        section = make_report_index(self.home, slug=f"xa-{code}")
        unit = AdministrativeUnit.objects.create(
            code=code, name=name, kind="xa", parent=self.unit, section=section, **fields
        )
        self.communes[code] = (unit, section)
        return unit

    def report(self, code, *body, year=2025, **fields):
        section = self.communes[code][1] if code else self.home
        return make_report(section, body=list(body), **{**ended(year), **fields})

    def dashboard(self):
        return make_dashboard(self.home, title="Thống kê toàn tỉnh", slug="thong-ke")


@pytest.fixture
def province(home):
    return Province(home)


def rows(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def page(client, url, **params):
    with translation.override("vi"):
        response = client.get(url, params)
    return response.status_code, response.content.decode()


def html_of(client, url, **params):
    status, html = page(client, url, **params)
    assert status == 200
    return html


def test_a_rate_adds_up_its_parts_and_its_wholes(client, province):
    province.commune("26734", "xã Một")
    province.commune("26735", "xã Hai")
    province.report("26734", progress(province.progress, 115, 100))
    province.report("26735", progress(province.progress, 52, 50))
    dashboard = province.dashboard()

    status, html = page(client, dashboard.url)
    assert status == 200
    assert "111,33%" in html and "109,5" not in html  # never the mean of 115% and 104%
    total = [r for r in rows(client, dashboard.csv_url()) if r["unit_code"] == "80"]
    assert [(r["value"], r["numerator"], r["denominator"], r["pages"]) for r in total] == [
        ("111.33", "167", "150", "2")
    ]


def test_a_commune_counts_once_with_its_most_recent_report(client, province):
    province.commune("26734", "xã Một")
    province.commune("26735", "xã Hai")
    province.report(
        "26734",
        statistic(province.inspections, 14),
        period_end=datetime.date(2025, 6, 30),
        period_start=datetime.date(2025, 1, 1),
    )
    province.report("26734", statistic(province.inspections, 20))
    province.report("26735", statistic(province.inspections, 204))
    dashboard = province.dashboard()

    html = html_of(client, dashboard.url)
    assert '<data value="224">224 cuộc</data>' in html  # 20 + 204, not 14 + 20 + 204
    by_unit = {r["unit_code"]: r for r in rows(client, dashboard.csv_url())}
    assert by_unit["26734"]["value"] == "20" and by_unit["26734"]["pages"] == "2"
    assert by_unit["80"]["value"] == "224" and by_unit["80"]["unit_name"] == "tỉnh Minh Họa"
    assert list(rows(client, dashboard.csv_url())[0]) == [
        "unit_code",
        "unit_name",
        "code",
        "indicator",
        "unit",
        "aggregation",
        "year",
        "value",
        "numerator",
        "denominator",
        "pages",
    ]


def test_communes_that_have_not_reported_are_named(client, province):
    province.commune("26734", "xã Một")
    province.commune("26735", "xã Chưa Báo Cáo")
    province.report("26734", statistic(province.inspections, 3))
    html = html_of(client, province.dashboard().url)
    missing = html.split("dangvu-dashboard__missing", 1)[1].split("</section>", 1)[0]
    assert "xã Chưa Báo Cáo" in missing and "xã Một" not in missing


def test_a_merged_communes_figures_count_for_its_successor(client, province):
    successor = province.commune("26740", "xã Mới")
    province.commune("26741", "xã Cũ", successor=successor, valid_until=datetime.date(2025, 6, 30))
    province.report("26741", statistic(province.inspections, 9), year=2024)
    dashboard = province.dashboard()

    html = html_of(client, dashboard.url, year="2024")
    members = html.split("dangvu-dashboard__members", 1)[1].split("</table>", 1)[0]
    assert "xã Mới" in members and "xã Cũ" in members  # shown as coming from the former
    assert '<th scope="row">xã Cũ' not in members  # not a row of its own
    by_unit = {r["unit_code"]: r["value"] for r in rows(client, dashboard.csv_url(), year="2024")}
    assert by_unit == {"26740": "9", "80": "9"}
    # The successor's own view counts them too, though they sit in the former's section.
    html = html_of(client, dashboard.url, year="2024", unit="26740")
    assert "9 cuộc" in html and "xã Cũ" in html


def test_the_provinces_own_reports_are_shown_but_not_added(client, province):
    province.commune("26734", "xã Một")
    province.report("26734", statistic(province.inspections, 5))
    province.report(None, statistic(province.inspections, 500), title="Báo cáo toàn tỉnh")
    dashboard = province.dashboard()
    html = html_of(client, dashboard.url)
    own = html.split("dangvu-dashboard__own", 1)[1]
    assert "Báo cáo toàn tỉnh" in own and "500 cuộc" in own
    assert {r["unit_code"]: r["value"] for r in rows(client, dashboard.csv_url())} == {
        "26734": "5",
        "80": "5",
    }


def test_a_rate_without_its_whole_is_listed_not_averaged(client, province):
    province.commune("26734", "xã Một")
    province.commune("26735", "xã Thiếu")
    province.report("26734", progress(province.progress, 115, 100))
    province.report("26735", statistic(province.progress, 104))  # no "out of", no target
    dashboard = province.dashboard()
    html = html_of(client, dashboard.url)
    assert "115,00%" in html
    uncombined = html.split('class="dangvu-dashboard__uncombined"', 1)[1]
    assert "xã Thiếu" in uncombined.split("</tr>", 1)[0]
    total = [r for r in rows(client, dashboard.csv_url()) if r["unit_code"] == "80"]
    assert total[0]["value"] == "115" and total[0]["pages"] == "1"


def test_a_communes_own_view_drills_down_to_its_pages(client, province):
    province.commune("26734", "xã Một")
    province.commune("26735", "xã Hai")
    older = province.report(
        "26734",
        statistic(province.inspections, 1),
        period_end=datetime.date(2025, 3, 31),
        title="Quý I",
    )
    newer = province.report("26734", statistic(province.inspections, 7), title="Cả năm")
    province.report("26735", statistic(province.inspections, 99))
    dashboard = province.dashboard()

    status, html = page(client, dashboard.url)
    assert "?year=2025&amp;unit=26734" in html
    status, html = page(client, dashboard.url, unit="26734")
    assert status == 200 and "xã Một" in html
    assert newer.url in html and older.url not in html and "99 cuộc" not in html
    assert {
        r["unit_code"]: r["value"] for r in rows(client, dashboard.csv_url(), unit="26734")
    } == {"26734": "7"}


def test_the_table_sorts_and_the_chart_ranks_the_communes(client, province):
    for code, name, value in [("1", "xã An", 5), ("2", "xã Bình", 50), ("3", "xã Cường", 20)]:
        province.commune(code, name)
        province.report(code, statistic(province.inspections, value))
    dashboard = province.dashboard()
    html = html_of(client, dashboard.url, sort="inspections")
    table = html.split("dangvu-dashboard__members", 1)[1].split("</tbody>", 1)[0]
    assert table.index("xã Bình") < table.index("xã Cường") < table.index("xã An")
    assert 'aria-sort="descending"' in html
    html = html_of(client, dashboard.url, sort="inspections", order="asc")
    table = html.split("dangvu-dashboard__members", 1)[1].split("</tbody>", 1)[0]
    assert table.index("xã An") < table.index("xã Cường") < table.index("xã Bình")
    ranking = html.split("dangvu-dashboard__ranking", 1)[1]
    assert "<svg" in ranking and 'role="img"' in ranking and "<table" in ranking
    assert html_problems(html) == []


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"year": "abc"}, "năm"),
        ({"year": "1999"}, "1999"),
        ({"year": "2025\x00"}, "năm"),
        ({"unit": "khong-co"}, "khong-co"),
        ({"unit": "80'; DROP TABLE x"}, "DROP"),
        ({"sort": "<script>"}, "&lt;script&gt;"),
        ({"rank": "no-such"}, "no-such"),
        ({"order": "sideways"}, "asc"),
    ],
)
def test_bad_queries_get_a_400_in_vietnamese_never_a_500(client, province, params, words):
    province.commune("26734", "xã Một")
    province.report("26734", statistic(province.inspections, 5))
    dashboard = province.dashboard()
    count = IndicatorValue.objects.count()
    status, html = page(client, dashboard.url, **params)
    assert status == 400 and words in html and 'role="alert"' in html
    assert "<script>" not in html
    with translation.override("vi"):
        response = client.get(dashboard.csv_url(), params)
    assert response.status_code == 400 and response["Content-Type"].startswith("text/plain")
    assert IndicatorValue.objects.count() == count


def test_a_commune_outside_the_dashboard_is_refused(client, province, home):
    province.commune("26734", "xã Một")
    elsewhere = AdministrativeUnit.objects.create(code="99", name="tỉnh Khác", kind="tinh")
    assert elsewhere.section is None
    status, _html = page(client, province.dashboard().url, unit="99")
    assert status == 400


def test_hostile_names_are_escaped_in_html_and_csv(client, province):
    province.commune("26734", HOSTILE_NAME)
    province.report("26734", statistic(province.inspections, 5))
    dashboard = province.dashboard()
    html = html_of(client, dashboard.url)
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    names = {r["unit_name"] for r in rows(client, dashboard.csv_url())}
    assert "'" + HOSTILE_NAME in names


def test_an_unweighted_mean_says_so(client, province):
    mean = make_indicator("mean-score", name="Điểm bình quân", unit="điểm", aggregation="average")
    province.commune("1", "xã An")
    province.report("1", statistic(mean, "7.5"))
    html = html_of(client, province.dashboard().url)
    assert "7,50 điểm" in html and "không tính trọng số" in html


def test_queries_do_not_grow_with_communes_or_pages(client, province):
    def queries(url, **params):
        client.get(url, params)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, params).status_code == 200
        return len(captured.captured_queries)

    dashboard = province.dashboard()
    for code in ("1", "2"):
        province.commune(code, f"xã {code}")
        province.report(code, statistic(province.inspections, 1), progress(province.progress, 1, 2))
    before = [
        queries(dashboard.url),
        queries(dashboard.csv_url()),
        queries(dashboard.url, unit="1"),
    ]
    for code in ("3", "4", "5", "6"):
        province.commune(code, f"xã {code}")
        for _ in range(2):
            province.report(
                code, statistic(province.inspections, 3), progress(province.progress, 1, 4)
            )
    after = [queries(dashboard.url), queries(dashboard.csv_url()), queries(dashboard.url, unit="1")]
    assert after == before
