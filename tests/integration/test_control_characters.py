"""Control characters pasted from Word: kept out of stored rows, and out of every feed.

A vertical tab in one summary used to take down ``/rss/`` and every index feed: Django's
XML writer refuses it with an exception. The app now removes control characters where
text is saved, and again where it is written as XML or iCalendar, for content stored
before (simulated here with ``QuerySet.update``, which skips the save).
"""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest
from wagtail.models import Page

from tests.factories import (
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
from wagtail_dangvu.models import (
    DanVanKheoField,
    DanVanKheoStoryPage,
    DirectiveReportPage,
    Indicator,
    PartyDocument,
    SeminarEventPage,
)

pytestmark = pytest.mark.django_db

PASTED = "Sơ kết\x0b01 năm\x00 thực hiện\x1f Kết luận\x85 21\ufffe"
CLEAN = "Sơ kết01 năm thực hiện Kết luận 21"
# What a row can hold: PostgreSQL refuses a NUL in any text column.
STORED = PASTED.replace("\x00", "")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def assert_clean(value):
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    assert not CONTROL.search(text), f"control character in {text!r}"
    # json.dumps writes the C0 controls as escapes: look for those too.
    assert not re.search(r"\\u00(0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])", text), text


@pytest.fixture
def portal(home):
    """An index of each kind with one article each, and the register."""
    make_register(home)
    report_index = make_report_index(home)
    event_index = make_event_index(home)
    story_index = make_story_index(home)
    return {
        "report_index": report_index,
        "event_index": event_index,
        "story_index": story_index,
        "report": make_report(report_index, title="Báo cáo sơ kết", summary="Tóm tắt"),
        # Upcoming, so that the index's calendar carries it too.
        "event": make_event(
            event_index,
            title="Tọa đàm",
            summary="Tóm tắt",
            start_date=datetime.date.today() + datetime.timedelta(days=30),
        ),
        "story": make_story(story_index, title="Mô hình", summary="Tóm tắt"),
    }


def paste_into_stored_rows(portal):
    """Control characters in rows saved before the app cleaned text (no save() runs)."""
    for model, page in (
        (DirectiveReportPage, portal["report"]),
        (SeminarEventPage, portal["event"]),
        (DanVanKheoStoryPage, portal["story"]),
    ):
        model.objects.filter(pk=page.pk).update(summary=STORED)
        Page.objects.filter(pk=page.pk).update(title=f"{page.title}\x0b\x1f")
    SeminarEventPage.objects.filter(pk=portal["event"].pk).update(
        place="Hội trường\x0b", organiser="Đảng ủy\x1f"
    )
    portal["report"].tags.add("xây dựng\x0bĐảng")


def feed_urls(portal):
    return [
        "/rss/",
        portal["report_index"].feed_url(),
        portal["event_index"].feed_url(),
        portal["story_index"].feed_url(),
    ]


# ----------------------------------------------------------------------------- on save


def test_a_document_is_stored_without_control_characters(db):
    document = make_document(
        "21-KL/TW",
        summary=PASTED,
        type_name="Kết\x0bluận",
        issuer_name="Ban Chấp hành\x00 Trung ương",
    )
    stored = PartyDocument.objects.get(pk=document.pk)
    assert stored.summary == CLEAN
    assert stored.type_name == "Kếtluận"
    assert stored.issuer_name == "Ban Chấp hành Trung ương"
    assert_clean(stored.search_text)


def test_a_published_page_is_stored_without_control_characters(home):
    index = make_report_index(home)
    indicator = make_indicator(name="Cuộc\x0b kiểm tra")
    report = make_report(
        index,
        title="Sơ kết\x0b Kết luận 21",
        summary=PASTED,
        committee="Đảng ủy\x1f xã",
        body=[
            paragraph("<p>Thực hiện\x0b Kết luận\x00 21-KL/TW</p>"),
            statistic(indicator, "14", label="Số cuộc\x0c"),
        ],
    )
    row = DirectiveReportPage.objects.get(pk=report.pk)
    assert row.title == "Sơ kết Kết luận 21"
    assert row.summary == CLEAN
    assert row.committee == "Đảng ủy xã"
    assert_clean(row.body.get_prep_value())
    assert row.body[0].value.source == "<p>Thực hiện Kết luận 21-KL/TW</p>"
    assert row.body[1].value["label"] == "Số cuộc"
    assert_clean(row.search_text)
    assert Indicator.objects.get(pk=indicator.pk).name == "Cuộc kiểm tra"


def test_a_snippet_name_is_stored_without_control_characters(db):
    field = DanVanKheoField(name="Môi\x0b trường", slug="moi-truong")
    field.full_clean()
    field.save()
    assert DanVanKheoField.objects.get(pk=field.pk).name == "Môi trường"


# ----------------------------------------------------------------------------- on writing


def test_every_feed_reads_back_whatever_is_stored(client, portal):
    paste_into_stored_rows(portal)
    for url in feed_urls(portal):
        response = client.get(url)
        assert response.status_code == 200, url
        ET.fromstring(response.content)  # well-formed XML
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.bozo_exception)
        for entry in feed.entries:
            assert_clean(entry.title)
            assert_clean(entry.summary)
            for tag in entry.get("tags", []):
                assert_clean(tag.term)
        summaries = " ".join(entry.summary for entry in feed.entries)
        assert CLEAN in summaries, url


def test_the_portal_feed_shows_each_article_without_the_characters(client, portal):
    paste_into_stored_rows(portal)
    feed = feedparser.parse(client.get("/rss/").content)
    titles = {entry.title for entry in feed.entries}
    assert {"Báo cáo sơ kết", "Tọa đàm", "Mô hình"} <= titles
    report = next(entry for entry in feed.entries if entry.title == "Báo cáo sơ kết")
    assert report.summary == CLEAN


def test_calendars_carry_no_control_characters(client, portal):
    paste_into_stored_rows(portal)
    event = portal["event"]
    event.tags.add("hội\x0bnghị")
    for url in (event.url + "ical/", portal["event_index"].url + "ical/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_clean(response.content.decode())
        component = icalendar.Calendar.from_ical(response.content).events[0]
        assert str(component["SUMMARY"]) == "Tọa đàm"
        assert str(component["LOCATION"]) == "Hội trường"
        assert CLEAN in str(component["DESCRIPTION"])
        assert "Đảng ủy" in str(component["DESCRIPTION"])


def test_the_sitemap_and_the_pages_still_render(client, portal):
    paste_into_stored_rows(portal)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ET.fromstring(response.content)
    for page in ("report", "event", "story"):
        assert client.get(portal[page].url).status_code == 200
