"""Every time the app shows is the portal's (``WAGTAIL_DANGVU["TIME_ZONE"]``), on a server
whose ``TIME_ZONE`` is UTC as ``wagtail start`` leaves it; a translation carries its
original's date, and an English page writes its datelines and dates in English."""

import calendar
import datetime
import io
import json
import re
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from django.core.management import call_command

from wagtail_dangvu.models import DirectiveReportPage, SeminarEventPage
from wagtail_dangvu.translation import translate

from ..factories import make_event, make_event_index, make_report, make_report_index

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
# The seed article's dateline: "Thứ bảy - 03/12/2022 07:43", i.e. 00:43 UTC.
PUBLISHED = datetime.datetime(2022, 12, 3, 7, 43, tzinfo=HCM)


@pytest.fixture(autouse=True)
def server_in_utc(settings):
    settings.TIME_ZONE = "UTC"


def json_ld_of(html, schema_type):
    for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(script)
        if data.get("@type") == schema_type:
            return data
    raise AssertionError(f"no {schema_type} JSON-LD in the page")


def dateline_of(html):
    match = re.search(r'<p class="dangvu-dateline"><time datetime="([^"]+)">([^<]+)</time>', html)
    assert match, "no dateline on the page"
    return match[1], match[2]


@pytest.fixture
def report(home):
    return make_report(
        make_report_index(home),
        title="Xã Long Bình qua 01 năm thực hiện Kết luận 21-KL/TW",
        summary="Một năm thực hiện.",
        place="Long Bình",
        first_published_at=PUBLISHED,
    )


def to_english(text):
    return f"[en] {text}"


@pytest.fixture
def english_report(report, locale_en, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(report, locale_en, to_english)
    translated.refresh_from_db()
    return translated


def test_the_dateline_reads_the_portals_clock_on_a_utc_server(client, report):
    html = client.get(report.url).content.decode()
    assert dateline_of(html) == ("2022-12-03T07:43:00+07:00", "Thứ bảy - 03/12/2022 07:43")
    assert "Long Bình, ngày 03 tháng 12 năm 2022" in html
    data = json_ld_of(html, "Article")
    assert data["datePublished"] == "2022-12-03T07:43:00+07:00"
    assert datetime.datetime.fromisoformat(data["datePublished"]) == PUBLISHED
    listing = client.get(report.get_parent().url).content.decode()
    assert "Thứ bảy - 03/12/2022 07:43" in listing


@pytest.mark.parametrize("feed", ["portal", "index"])
def test_feeds_date_items_by_the_portals_clock(client, report, feed):
    url = "/rss/" if feed == "portal" else report.get_parent().url + "rss/"
    parsed = feedparser.parse(client.get(url).content)
    assert not parsed.bozo
    (entry,) = parsed.entries
    assert entry.published == "Sat, 03 Dec 2022 07:43:00 +0700"
    # The same moment, as a reader converts it.
    assert calendar.timegm(entry.published_parsed) == PUBLISHED.timestamp()


def test_a_translation_carries_the_originals_date(client, report, english_report):
    assert english_report.first_published_at == report.first_published_at
    html = client.get(english_report.url).content.decode()
    assert dateline_of(html) == ("2022-12-03T07:43:00+07:00", "Saturday - 03/12/2022 07:43")
    assert "Long Bình, 3 December 2022" in html
    assert "ngày 03 tháng 12" not in html and "Thứ bảy" not in html
    assert json_ld_of(html, "Article")["datePublished"] == "2022-12-03T07:43:00+07:00"
    listing = client.get(english_report.get_parent().url).content.decode()
    assert "Saturday - 03/12/2022 07:43" in listing
    (entry,) = feedparser.parse(client.get("/en/rss/").content).entries
    assert entry.published == "Sat, 03 Dec 2022 07:43:00 +0700"


def test_publishing_the_translation_again_keeps_the_originals_date(report, english_report):
    english_report.title = "[en] Edited"
    english_report.save_revision().publish()
    english_report.refresh_from_db()
    assert english_report.first_published_at == PUBLISHED


def test_an_original_published_later_than_its_translation_keeps_its_own_date(home, locale_en):
    """The earliest date of the group is the original's: a later one is never carried."""
    report = make_report(make_report_index(home), first_published_at=PUBLISHED)
    translated = translate(report, locale_en, to_english)
    translated.refresh_from_db()
    assert translated.first_published_at == PUBLISHED
    report.save_revision().publish()
    report.refresh_from_db()
    assert report.first_published_at == PUBLISHED


def test_an_event_reads_the_portals_clock_in_each_language(client, home, locale_en):
    event = make_event(make_event_index(home), title="Tọa đàm", first_published_at=PUBLISHED)
    html = client.get(event.url).content.decode()
    assert '<time datetime="2022-12-02T07:30:00+07:00">Thứ sáu - 02/12/2022 07:30</time>' in html
    data = json_ld_of(html, "Event")
    assert (data["startDate"], data["endDate"]) == (
        "2022-12-02T07:30:00+07:00",
        "2022-12-02T11:00:00+07:00",
    )
    component = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content).events[0]
    start = component.decoded("dtstart")
    assert (start.hour, start.minute, str(start.tzinfo)) == (7, 30, "Asia/Ho_Chi_Minh")

    english = translate(event, locale_en, to_english)
    english.refresh_from_db()
    html = client.get(english.url).content.decode()
    assert "Friday - 02/12/2022 07:30" in html and "Thứ sáu" not in html
    assert dateline_of(html) == ("2022-12-03T07:43:00+07:00", "Saturday - 03/12/2022 07:43")


def test_the_demo_stores_its_times_in_the_portals_zone(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("dangvu_demo", stdout=io.StringIO())
    slug = "long-binh-01-nam-thuc-hien-ket-luan-21"
    report = DirectiveReportPage.objects.get(slug=slug, locale__language_code="vi")
    assert dateline_of(client.get(report.url).content.decode())[1] == "Thứ bảy - 03/12/2022 07:43"
    english = report.get_translation(report.get_translations().get().locale)
    assert dateline_of(client.get(english.url).content.decode())[1] == (
        "Saturday - 03/12/2022 07:43"
    )
    seminar = SeminarEventPage.objects.get(locale__language_code="en")
    source = seminar.get_translation(report.locale)
    assert seminar.first_published_at == source.first_published_at
