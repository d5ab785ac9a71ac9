"""Communes on the pages (#13, parts 3 and 5): the unit a reader sees on a report, an
event and a story; a province's indexes listing every commune's articles with a commune
facet, in their RSS and iCalendar feeds too; the register's documents by issuing unit."""

import datetime

import feedparser
import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    add_page,
    make_document,
    make_event,
    make_event_index,
    make_register,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
)
from wagtail_dangvu.models import AdministrativeUnit, SecrecyLevel

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>alert("x")</script> & <b>"\'; a, b\\c'


def add_commune(home, province, code, name, kind="xa"):
    section = add_page(home, type(home), title=name, slug=f"don-vi-{code}")
    return AdministrativeUnit.objects.create(
        code=code, name=name, kind=kind, parent=province, section=section
    )


@pytest.fixture
def province(home):
    return AdministrativeUnit.objects.create(
        code="80", name="tỉnh Thử Nghiệm", kind="tinh", section=home
    )


@pytest.fixture
def an_phu(home, province):
    return add_commune(home, province, "80001", "xã An Phú")


@pytest.fixture
def binh_minh(home, province):
    return add_commune(home, province, "80002", "phường Bình Minh", kind="phuong")


def section(unit):
    return unit.section.specific


def facet_counts(response, name="unit"):
    return {value.value: value.count for value in response.context["facets"][name].values}


def listed_titles(response):
    return [article.title for article in response.context["items"]]


# Part 3: the unit where a reader expects it ------------------------------------------


class TestTheUnitOnPages:
    def test_a_report_without_a_committee_names_its_communes_committee(self, client, an_phu):
        index = make_report_index(section(an_phu))
        report = make_report(index, committee="", place="")
        html = client.get(report.url).content.decode()
        assert '<dd class="dangvu-report__committee">Đảng ủy xã An Phú</dd>' in html
        # The formal date line takes the commune's own name.
        assert '<p class="dangvu-dateline-formal">An Phú, ngày' in html

    def test_the_editors_committee_overrides_the_unit(self, client, an_phu):
        report = make_report(make_report_index(section(an_phu)), committee="Đảng ủy Khối X")
        html = client.get(report.url).content.decode()
        assert '<dd class="dangvu-report__committee">Đảng ủy Khối X</dd>' in html
        assert "Đảng ủy xã An Phú" not in html

    def test_a_province_report_names_the_provincial_committee(self, client, province, home):
        report = make_report(make_report_index(home), committee="")
        html = client.get(report.url).content.decode()
        assert '<dd class="dangvu-report__committee">Tỉnh ủy Thử Nghiệm</dd>' in html

    def test_a_page_outside_any_unit_shows_what_the_editor_wrote(self, client, home):
        report = make_report(make_report_index(home), committee="")
        html = client.get(report.url).content.decode()
        assert "dangvu-report__committee" not in html

    def test_an_events_organiser_and_place_come_from_its_commune(self, client, an_phu):
        event = make_event(
            make_event_index(section(an_phu)), organiser="", place="Hội trường", address=""
        )
        html = client.get(event.url).content.decode()
        assert '<dd class="dangvu-event__organiser">Đảng ủy xã An Phú</dd>' in html
        assert '<dd class="dangvu-event__place">Hội trường, xã An Phú</dd>' in html
        calendar = icalendar.Calendar.from_ical(client.get(event.ical_url()).content)
        (component,) = calendar.walk("VEVENT")
        assert str(component["LOCATION"]) == "Hội trường, xã An Phú"
        assert "Đảng ủy xã An Phú" in str(component["DESCRIPTION"])

    def test_an_event_whose_address_names_the_commune_does_not_repeat_it(self, client, an_phu):
        event = make_event(
            make_event_index(section(an_phu)),
            place="Hội trường",
            address="xã An Phú, tỉnh Thử Nghiệm",
        )
        html = client.get(event.url).content.decode()
        assert '<dd class="dangvu-event__place">Hội trường, xã An Phú, tỉnh Thử Nghiệm</dd>' in html

    def test_a_storys_place_carries_its_commune(self, client, an_phu):
        story = make_story(make_story_index(section(an_phu)), place="ấp Long Hòa")
        html = client.get(story.url).content.decode()
        assert '<dd class="dangvu-story__place">ấp Long Hòa, xã An Phú</dd>' in html

    def test_a_hostile_unit_name_is_escaped_on_the_page(self, client, home, province):
        unit = add_commune(home, province, "80009", HOSTILE)
        report = make_report(make_report_index(section(unit)), committee="")
        html = client.get(report.url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;/script&gt;&lt;script&gt;alert" in html


# Part 5: the province's indexes --------------------------------------------------------


@pytest.fixture
def reports(home, province, an_phu, binh_minh):
    """Two reports in An Phú, one in Bình Minh, one of the province's own."""
    made = {}
    for unit, titles in ((an_phu, ("AP 1", "AP 2")), (binh_minh, ("BM 1",))):
        index = make_report_index(section(unit))
        for number, title in enumerate(titles):
            made[title] = make_report(
                index,
                title=title,
                committee="",
                period_end=datetime.date(2022 + number, 11, 30),
            )
    province_index = make_report_index(home)
    made["TỈNH"] = make_report(
        province_index, title="TỈNH", committee="", period_end=datetime.date(2021, 11, 30)
    )
    made["index"] = province_index
    return made


class TestTheProvincesIndex:
    def test_it_lists_every_communes_reports_with_a_commune_facet(self, client, reports):
        response = client.get(reports["index"].url)
        assert response.status_code == 200
        assert listed_titles(response) == ["AP 2", "BM 1", "AP 1", "TỈNH"]
        assert facet_counts(response) == {"80001": 2, "80002": 1}
        html = response.content.decode()
        assert '<p class="dangvu-article__unit">Đảng ủy xã An Phú</p>' in html
        assert '<p class="dangvu-article__unit">Tỉnh ủy Thử Nghiệm</p>' in html

    def test_the_commune_facet_filters_and_keeps_the_other_filters(self, client, reports):
        response = client.get(reports["index"].url, {"unit": "80001", "year": "2022"})
        assert listed_titles(response) == ["AP 1"]
        # Each facet counts what the other filters leave.
        assert facet_counts(response) == {"80001": 1, "80002": 1}
        assert facet_counts(response, "year") == {"2023": 1, "2022": 1, "2021": 0}

    @pytest.mark.parametrize("code", ["99999", "x\x00", "9" * 40])
    def test_an_unknown_commune_is_named_with_a_400_and_the_rest_kept(self, client, reports, code):
        response = client.get(reports["index"].url, {"unit": code, "year": "2022"})
        assert response.status_code == 400
        html = response.content.decode()
        assert "Không có xã, phường nào có mã này ở đây." in html
        assert listed_titles(response) == ["BM 1", "AP 1"]

    def test_a_communes_index_lists_its_own_without_a_facet(self, client, reports, an_phu):
        index = reports["AP 1"].get_parent()
        response = client.get(index.url)
        assert listed_titles(response) == ["AP 2", "AP 1"]
        assert list(response.context["facets"]["unit"].values) == []
        assert 'name="unit"' not in response.content.decode()

    def test_the_editor_can_keep_a_province_index_to_its_own(self, client, reports):
        index = reports["index"]
        index.list_communes = False
        index.save_revision().publish()
        assert listed_titles(client.get(index.url)) == ["TỈNH"]

    def test_its_rss_items_carry_their_commune(self, client, reports):
        feed = feedparser.parse(client.get(reports["index"].feed_url()).content)
        categories = {
            entry.title: {tag.term for tag in entry.get("tags", [])} for entry in feed.entries
        }
        assert categories["AP 1"] == {"xã An Phú"}
        assert categories["BM 1"] == {"phường Bình Minh"}
        # The province's own articles have no commune to carry.
        assert categories["TỈNH"] == set()
        filtered = feedparser.parse(client.get(reports["index"].feed_url() + "?unit=80002").content)
        assert [entry.title for entry in filtered.entries] == ["BM 1"]
        assert client.get(reports["index"].feed_url() + "?unit=nope").status_code == 400

    def test_a_hostile_commune_name_survives_the_feeds(self, client, home, province):
        unit = add_commune(home, province, "80009", HOSTILE)
        make_report(make_report_index(section(unit)), title="H", committee="")
        index = make_report_index(home)
        feed = feedparser.parse(client.get(index.feed_url()).content)
        assert not feed.bozo
        assert {tag.term for tag in feed.entries[0].tags} == {HOSTILE}

    def test_the_events_calendar_carries_the_commune(self, client, home, province, an_phu):
        unit = add_commune(home, province, "80009", HOSTILE)
        soon = datetime.date.today() + datetime.timedelta(days=5)
        make_event(
            make_event_index(section(unit)),
            title="Hội nghị",
            start_date=soon,
            place="Hội trường",
            address="",
        )
        make_event(make_event_index(section(an_phu)), title="Tọa đàm", start_date=soon)
        index = make_event_index(home)
        response = client.get(index.url)
        assert facet_counts(response) == {"80001": 1, "80009": 1}
        calendar = icalendar.Calendar.from_ical(client.get(index.ical_url()).content)
        events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
        assert str(events["Hội nghị"]["LOCATION"]) == f"Hội trường, {HOSTILE}"
        assert HOSTILE in [str(c) for c in events["Hội nghị"]["CATEGORIES"].cats]
        assert "xã An Phú" in [str(c) for c in events["Tọa đàm"]["CATEGORIES"].cats]
        filtered = client.get(index.ical_url() + "?unit=80001")
        summaries = [
            str(event["SUMMARY"])
            for event in icalendar.Calendar.from_ical(filtered.content).walk("VEVENT")
        ]
        assert summaries == ["Tọa đàm"]

    def test_the_stories_index_has_the_commune_facet(self, client, home, province, an_phu):
        make_story(make_story_index(section(an_phu)), title="Mô hình AP", place="ấp Một")
        index = make_story_index(home)
        response = client.get(index.url, {"unit": "80001"})
        assert listed_titles(response) == ["Mô hình AP"]
        assert facet_counts(response) == {"80001": 1}
        assert "ấp Một, xã An Phú" in response.content.decode()

    def test_the_query_count_does_not_grow_with_the_communes(self, client, home, province):
        index = make_report_index(home)

        def queries():
            with CaptureQueriesContext(connection) as captured:
                assert client.get(index.url).status_code == 200
            return len(captured.captured_queries)

        for number in range(2):
            unit = add_commune(home, province, f"8100{number}", f"xã Số {number}")
            make_report(make_report_index(section(unit)), committee="")
        client.get(index.url)
        few = queries()
        for number in range(2, 6):
            unit = add_commune(home, province, f"8100{number}", f"xã Số {number}")
            make_report(make_report_index(section(unit)), committee="")
        assert queries() == few


# The register by issuing unit ------------------------------------------------------------


@pytest.fixture
def registers(home, province, an_phu, binh_minh):
    documents = {
        "central": make_document("21-KL/TW"),
        "province": make_document(
            "10-KH/TU", issue_date=datetime.date(2022, 1, 5), issuing_unit=province
        ),
        "an_phu": make_document(
            "25-KH/ĐU", issue_date=datetime.date(2022, 3, 18), issuing_unit=an_phu
        ),
        "binh_minh": make_document(
            "30-KH/ĐU", issue_date=datetime.date(2022, 4, 2), issuing_unit=binh_minh
        ),
        "secret": make_document(
            "09-BC/ĐU",
            issue_date=datetime.date(2022, 11, 20),
            secrecy=SecrecyLevel.SECRET,
            issuing_unit=an_phu,
        ),
    }
    pages = {
        "province": make_register(home),
        "an_phu": make_register(section(an_phu)),
        "binh_minh": make_register(section(binh_minh)),
    }
    return documents, pages


def listed_symbols(response):
    return sorted(document.symbol for document in response.context["items"])


class TestTheRegisterByIssuingUnit:
    def test_each_register_lists_the_province_and_its_own_documents(self, client, registers):
        _documents, pages = registers
        assert listed_symbols(client.get(pages["an_phu"].url)) == [
            "10-KH/TU",
            "21-KL/TW",
            "25-KH/ĐU",
        ]
        assert listed_symbols(client.get(pages["binh_minh"].url)) == [
            "10-KH/TU",
            "21-KL/TW",
            "30-KH/ĐU",
        ]
        # The confidentiality gate applies first: the secret report is nowhere.
        assert listed_symbols(client.get(pages["province"].url)) == [
            "10-KH/TU",
            "21-KL/TW",
            "25-KH/ĐU",
            "30-KH/ĐU",
        ]

    def test_a_communes_document_has_no_page_in_another_communes_register(self, client, registers):
        documents, pages = registers
        assert client.get(pages["an_phu"].document_url(documents["an_phu"])).status_code == 200
        assert client.get(pages["province"].document_url(documents["an_phu"])).status_code == 200
        assert client.get(pages["binh_minh"].document_url(documents["an_phu"])).status_code == 404
        assert client.get(pages["an_phu"].document_url(documents["secret"])).status_code == 404

    def test_the_provinces_register_has_the_commune_facet(self, client, registers):
        _documents, pages = registers
        response = client.get(pages["province"].url)
        assert facet_counts(response) == {"80001": 1, "80002": 1}
        response = client.get(pages["province"].url, {"unit": "80002", "year": "2022"})
        assert listed_symbols(response) == ["30-KH/ĐU"]
        response = client.get(pages["province"].url, {"unit": "nope", "year": "2022"})
        assert response.status_code == 400
        assert "Không có xã, phường nào có mã này ở đây." in response.content.decode()
        assert listed_symbols(response) == ["10-KH/TU", "25-KH/ĐU", "30-KH/ĐU"]

    def test_a_merged_communes_documents_stay_in_its_successors_register(
        self, client, home, registers, an_phu
    ):
        _documents, pages = registers
        former = AdministrativeUnit.objects.create(
            code="70001",
            name="xã Cũ",
            kind="xa",
            valid_until=datetime.date(2025, 6, 30),
            successor=an_phu,
        )
        make_document("05-NQ/ĐU", issue_date=datetime.date(2020, 5, 5), issuing_unit=former)
        assert "05-NQ/ĐU" in listed_symbols(client.get(pages["an_phu"].url))
        assert "05-NQ/ĐU" not in listed_symbols(client.get(pages["binh_minh"].url))
        assert facet_counts(client.get(pages["province"].url)) == {"80001": 2, "80002": 1}
