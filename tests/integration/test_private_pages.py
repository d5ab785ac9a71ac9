"""Pages behind a view restriction stay out of every public surface, as an anonymous reader
meets them: roll-ups (dashboard, CSV, API), index listings, facet counts, RSS and iCalendar
feeds, "articles that mention this document" and the search.

Restrictions are added after the pages were published, on the page itself or on an
ancestor, because that is how they happen: an editor closes a section that was open.
"""

import csv
import datetime
import io

import feedparser
import icalendar
import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import (
    make_dashboard,
    make_document,
    make_event,
    make_event_index,
    make_indicator,
    make_register,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
    paragraph,
    statistic,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

PUBLIC = "Công khai"
PRIVATE = "Nội bộ"


def soon(days=5):
    return timezone.localdate() + datetime.timedelta(days=days)


def restrict(page, kind="login"):
    if kind == "password":
        return PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="mat-khau"
        )
    return PageViewRestriction.objects.create(page=page, restriction_type=kind)


@pytest.fixture
def portal(home):
    """A public and a private page of each type, all naming 21-KL/TW and reporting figures.

    The private report is closed on its own page; ``section`` is a report index closed
    with a password, whose report is private through its ancestor.
    """
    register = make_register(home)
    conclusion = make_document("21-KL/TW")
    inspections = make_indicator("inspections", name="Cuộc kiểm tra", unit="cuộc")
    secret_count = make_indicator("hidden-count", name="Chỉ tiêu riêng", unit="người")
    naming = [paragraph("<p>Thực hiện Kết luận số 21-KL/TW.</p>")]

    reports = make_report_index(home)
    public_report = make_report(
        reports, title=f"Báo cáo {PUBLIC}", body=[*naming, statistic(inspections, 14)]
    )
    public_report.tags.add("cong-khai")
    public_report.save_revision().publish()
    private_report = make_report(
        reports,
        title=f"Báo cáo {PRIVATE}",
        body=[*naming, statistic(inspections, 777), statistic(secret_count, 5)],
    )
    private_report.tags.add("rieng-tu")
    private_report.save_revision().publish()

    section = make_report_index(home, slug="noi-bo")
    section_report = make_report(
        section, title=f"Báo cáo chi bộ {PRIVATE}", body=[*naming, statistic(inspections, 300)]
    )

    events = make_event_index(home)
    public_event = make_event(events, title=f"Tọa đàm {PUBLIC}", start_date=soon())
    private_event = make_event(events, title=f"Hội nghị {PRIVATE}", start_date=soon(6), body=naming)

    stories = make_story_index(home)
    public_story = make_story(stories, title=f"Mô hình {PUBLIC}")
    private_story = make_story(
        stories, title=f"Mô hình {PRIVATE}", field="van-hoa-xa-hoi", registration_year=2021
    )

    dashboard = make_dashboard(home, title="Thống kê", slug="thong-ke")

    restrictions = [
        restrict(private_report),
        restrict(section, "password"),
        restrict(private_event),
        restrict(private_story, "groups"),
    ]
    return {
        "register": register,
        "conclusion": conclusion,
        "reports": reports,
        "events": events,
        "stories": stories,
        "dashboard": dashboard,
        "private": [private_report, section_report, private_event, private_story],
        "public": [public_report, public_event, public_story],
        "restrictions": restrictions,
    }


def text(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode("utf-8-sig")


def csv_rows(client, dashboard):
    return list(csv.DictReader(io.StringIO(text(client, dashboard.csv_url()))))


def rollup_api(client, dashboard):
    response = client.get(f"/api/v2/pages/{dashboard.pk}/")
    assert response.status_code == 200
    return response.json()["rollup_api"]


class TestDashboard:
    def test_adds_up_public_pages_only_in_the_table_csv_and_api(self, client, portal):
        dashboard = portal["dashboard"]
        html = text(client, dashboard.url)
        assert '<data value="14">14 cuộc</data>' in html  # a count, without decimals
        for hidden in ("777", "791", "314", "1.091", "Chỉ tiêu riêng", "người"):
            assert hidden not in html

        rows = csv_rows(client, dashboard)
        assert [(row["code"], row["value"], row["pages"]) for row in rows] == [
            ("inspections", "14", "1")
        ]

        data = rollup_api(client, dashboard)
        assert [indicator["code"] for indicator in data["indicators"]] == ["inspections"]
        assert data["indicators"][0]["values"] == {"2022": 14.0}

    def test_an_indicator_reported_only_on_a_private_page_is_not_exposed(self, client, portal):
        dashboard = portal["dashboard"]
        everything = (
            text(client, dashboard.url)
            + text(client, dashboard.csv_url())
            + client.get(f"/api/v2/pages/{dashboard.pk}/").content.decode()
        )
        assert "hidden-count" not in everything and "Chỉ tiêu riêng" not in everything

    def test_restrictions_are_read_when_the_figures_are(self, client, portal):
        """Lifting the restrictions counts the pages again, with no republishing."""
        dashboard = portal["dashboard"]
        for restriction in portal["restrictions"]:
            restriction.delete()
        values = {row["code"]: (row["value"], row["pages"]) for row in csv_rows(client, dashboard)}
        assert values == {"inspections": ("1091", "3"), "hidden-count": ("5", "1")}
        restrict(portal["reports"])  # now the public report's index closes too
        values = {row["code"]: (row["value"], row["pages"]) for row in csv_rows(client, dashboard)}
        assert values == {"inspections": ("300", "1")}

    def test_a_dashboard_over_a_private_section_shows_nothing_of_it(self, client, home, portal):
        section = portal["private"][1].get_parent()
        dashboard = make_dashboard(home, title="Thống kê chi bộ", slug="thong-ke-chi-bo")
        dashboard.root = section
        dashboard.save_revision().publish()
        assert csv_rows(client, dashboard) == []
        assert "300" not in text(client, dashboard.url)

    def test_the_number_of_restrictions_does_not_change_the_number_of_queries(
        self, client, home, portal
    ):
        dashboard = portal["dashboard"]

        def queries(url):
            client.get(url)  # warm Wagtail's caches (site root paths)
            with count_queries() as captured:
                assert client.get(url).status_code == 200
            return len(captured)

        before = queries(dashboard.url), queries(dashboard.csv_url())
        reports = portal["reports"]
        for number in range(6):
            restrict(make_report(reports, body=[statistic(None, number)]))
        assert (queries(dashboard.url), queries(dashboard.csv_url())) == before


def assert_public_only(content, portal):
    for page in portal["private"]:
        assert page.title not in content, page.title


class TestListingsAndFeeds:
    def test_index_listings_and_their_filters(self, client, portal):
        reports = text(client, portal["reports"].url)
        assert f"Báo cáo {PUBLIC}" in reports and "cong-khai" in reports
        assert "rieng-tu" not in reports  # the private report's tag is offered nowhere
        events = text(client, portal["events"].url)
        assert f"Tọa đàm {PUBLIC}" in events
        stories = text(client, portal["stories"].url)
        assert f"Mô hình {PUBLIC}" in stories
        for html in (reports, events, stories):
            assert_public_only(html, portal)
        by_tag = text(client, portal["reports"].url, tag="rieng-tu")
        by_document = text(client, portal["reports"].url, document=portal["conclusion"].pk)
        assert f"Báo cáo {PUBLIC}" in by_document
        for html in (by_tag, by_document):
            assert_public_only(html, portal)

    def test_facet_counts(self, client, portal):
        html = text(client, portal["stories"].url)
        assert 'Kinh tế <span class="dangvu-facet__count">(1)</span>' in html
        assert 'Văn hóa – xã hội <span class="dangvu-facet__count">(0)</span>' in html
        assert "2021" not in html  # the private story's year is no facet value

    def test_rss_feeds(self, client, portal):
        private = {page.title for page in portal["private"]}
        for url in [portal[name].feed_url() for name in ("reports", "events", "stories")]:
            parsed = feedparser.parse(client.get(url).content)
            assert not parsed.bozo and parsed.entries, url
            assert not {entry.title for entry in parsed.entries} & private, url
        titles = {entry.title for entry in feedparser.parse(client.get("/rss/").content).entries}
        assert {page.title for page in portal["public"]} <= titles
        assert not titles & private

    def test_icalendar_feed(self, client, portal):
        response = client.get(portal["events"].ical_url())
        assert response.status_code == 200
        calendar = icalendar.Calendar.from_ical(response.content)
        assert [str(event["SUMMARY"]) for event in calendar.events] == [f"Tọa đàm {PUBLIC}"]

    def test_articles_that_mention_a_document(self, client, portal):
        html = text(client, portal["register"].document_url(portal["conclusion"]))
        assert f"Báo cáo {PUBLIC}" in html
        assert_public_only(html, portal)

    def test_search(self, client, portal):
        for query in ("21-KL/TW", "ket luan 21", "bao cao"):
            html = text(client, "/tim-kiem/", q=query)
            assert f"Báo cáo {PUBLIC}" in html, query
            assert_public_only(html, portal)
        for query in ("noi bo", "hoi nghi", "chi bo"):
            assert_public_only(text(client, "/tim-kiem/", q=query), portal)


def test_a_private_translation_is_never_offered_as_an_alternate(client, home, locale_en):
    from wagtail_dangvu.translation import translate

    index = make_report_index(home)
    report = make_report(index, title="Báo cáo sơ kết")
    english = translate(report, locale_en, lambda text: f"EN {text}")
    alternate = f'hreflang="en" href="{english.full_url}"'
    assert alternate in text(client, report.url)

    restrict(english)
    assert alternate not in text(client, report.url)


def test_symbols_never_link_to_a_register_behind_a_restriction(client, home, register, conclusion):
    index = make_report_index(home)
    report = make_report(index, body=[paragraph("<p>Thực hiện Kết luận 21-KL/TW.</p>")])
    link = register.document_url(conclusion)
    assert link in text(client, report.url)

    restrict(register)
    assert link not in text(client, report.url)
