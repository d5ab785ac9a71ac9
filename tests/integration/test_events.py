"""Seminar events: the page, its admin validation and gate, the index, RSS, iCalendar, API,
JSON-LD and the demo seminar of 02/12/2022."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from django.core.cache import cache
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from example_site.urls import urlpatterns as example_urlpatterns
from tests.factories import (
    make_dashboard,
    make_event,
    make_event_index,
    make_indicator,
    make_report,
    make_report_index,
    statistic,
)
from tests.queries import count_queries
from wagtail_dangvu.demo.builder import DemoBuilder
from wagtail_dangvu.models import (
    DocumentMention,
    IndicatorValue,
    SeminarEventIndexPage,
    SeminarEventPage,
)
from wagtail_dangvu.pure.dates import vi_dateline

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
HOSTILE = '</script><script>alert(1)</script>\n;,\\"'
DATELINE_RE = re.compile(
    r'<p class="dangvu-dateline"><time datetime="[^"]+">'
    r"(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật) - \d\d/\d\d/\d{4} \d\d:\d\d</time></p>"
)

# The API, mounted for the tests of api_fields (``pytest.mark.urls(__name__)``).
api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
urlpatterns = [path("api/v2/", api_router.urls), *example_urlpatterns]


@pytest.fixture
def index(home):
    return make_event_index(home)


def today():
    return timezone.localtime(timezone.now(), HCM).date()


def days_from_today(days):
    return today() + datetime.timedelta(days=days)


def json_ld_of(html, schema_type="Event"):
    for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(script)
        if data.get("@type") == schema_type:
            return data
    raise AssertionError(f"no {schema_type} JSON-LD in the page")


def translated(message):
    """``message`` as the admin shows it: in Vietnamese, the default admin language."""
    with translation.override("vi"):
        return gettext(message)


def unescape_text(raw):
    """An iCalendar TEXT value as written (RFC 5545 3.3.11), read back."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], raw)


def read_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def chairs(*people):
    return [{"type": "chair", "value": {"name": n, "title": t, "role": r}} for n, t, r in people]


def contributions(count):
    return [
        {
            "type": "contribution",
            "value": {
                "presenter": f"Bí thư Chi bộ {number}",
                "unit": f"Chi bộ ấp {number}",
                "topic": f"Chủ đề {number}",
            },
        }
        for number in range(1, count + 1)
    ]


def conclusions(**counts):
    value = {name: [] for name in ("strengths", "limitations", "causes", "lessons")}
    value |= {"solutions": [], "recommendations": []}
    for name, count in counts.items():
        value[name] = [f"{name} {number}" for number in range(1, count + 1)]
    return [{"type": "findings", "value": value}]


def photo(title="Tọa đàm"):
    image = Image.objects.create(title=title, file=get_test_image_file())
    return [
        {
            "type": "photo",
            "value": {
                "image": {"image": image.pk, "alt_text": "Quang cảnh", "decorative": False},
                "caption": "Quang cảnh buổi tọa đàm",
            },
        }
    ]


class TestEventPage:
    def test_shows_when_where_who_what_was_said_and_concluded(
        self, client, register, index, conclusion
    ):
        event = make_event(
            index,
            title="Tọa đàm giải pháp thực hiện Kết luận 21-KL/TW",
            occasion="Kỷ niệm 78 năm Ngày thành lập Quân đội nhân dân Việt Nam",
            participants="Bí thư, Phó Bí thư các chi bộ trực thuộc",
            delegates=1250,
            chairs=chairs(
                ("Nguyễn Thị Kim Ngọc", "Huyện ủy viên, Bí thư Đảng ủy xã", "Phát biểu tổng kết")
            ),
            documents=[conclusion],
            contributions=contributions(16),
            conclusions=conclusions(strengths=8, limitations=6, recommendations=5, solutions=6),
        )
        html = client.get(event.url).content.decode()
        # The portal's dateline of the article, and the event's own time with its session.
        assert DATELINE_RE.search(html)
        assert (
            '<time datetime="2022-12-02T07:30:00+07:00">Thứ sáu - 02/12/2022 07:30</time>' in html
        )
        assert '<time datetime="2022-12-02T11:00:00+07:00">11:00</time>' in html
        with translation.override("vi"):
            assert event.session_label in html
            assert event.contributions_heading() in html
            assert event.conclusions_value.summary() in html
        assert event.session == "morning"
        assert event.contributions_heading().startswith("16 ")
        assert event.conclusions_value.summary().startswith("08 ")
        assert "Nguyễn Thị Kim Ngọc – Huyện ủy viên, Bí thư Đảng ủy xã" in html
        assert "1.250" in html
        assert "Chủ đề 16" in html
        assert register.document_url(conclusion) in html
        assert f'type="text/calendar" title="{event.title}" href="{event.url}ical/"' in html

    @pytest.mark.parametrize(
        ("start_time", "session"),
        [("07:30", "morning"), ("12:15", "noon"), ("14:00", "afternoon"), ("19:00", "evening")],
    )
    def test_the_session_follows_the_start_time(self, index, start_time, session):
        hour, minute = map(int, start_time.split(":"))
        event = make_event(index, start_time=datetime.time(hour, minute), end_time=None)
        assert event.session == session

    def test_an_all_day_event_over_two_days(self, client, index):
        event = make_event(
            index,
            all_day=True,
            start_date=datetime.date(2022, 12, 2),
            end_date=datetime.date(2022, 12, 3),
        )
        assert event.starts_at == datetime.datetime(2022, 12, 2, tzinfo=HCM)
        assert event.ends_at == datetime.datetime(2022, 12, 4, tzinfo=HCM)
        html = client.get(event.url).content.decode()
        assert '<time datetime="2022-12-02">Thứ sáu - 02/12/2022</time>' in html
        assert '<time datetime="2022-12-03">Thứ bảy - 03/12/2022</time>' in html
        data = json_ld_of(html)
        assert (data["startDate"], data["endDate"]) == ("2022-12-02", "2022-12-03")

    def test_json_ld_is_a_schema_org_event(self, client, index):
        event = make_event(
            index,
            title="Tọa đàm",
            summary="Bàn giải pháp thực hiện Kết luận.",
            place="Hội trường Đảng ủy xã",
            address="xã Long Bình, huyện Gò Công Tây",
            photos=photo(),
        )
        data = json_ld_of(client.get(event.url).content.decode())
        assert data["@context"] == "https://schema.org"
        assert data["name"] == "Tọa đàm"
        assert data["startDate"] == "2022-12-02T07:30:00+07:00"
        assert data["endDate"] == "2022-12-02T11:00:00+07:00"
        assert data["eventStatus"] == "https://schema.org/EventScheduled"
        assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
        assert data["location"] == {
            "@type": "Place",
            "name": "Hội trường Đảng ủy xã",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "xã Long Bình, huyện Gò Công Tây",
                "addressCountry": "VN",
            },
        }
        assert data["organizer"] == {"@type": "Organization", "name": "Đảng ủy xã Long Bình"}
        assert data["description"] == "Bàn giải pháp thực hiện Kết luận."
        assert data["url"] == event.full_url
        (image,) = data["image"]
        assert image.startswith("http://") and ".width-1200." in image
        assert "headline" not in data  # an Article property, not an Event's

    def test_a_photo_whose_file_is_missing_does_not_break_the_page(self, client, index):
        event = make_event(index, photos=photo())
        Image.objects.get().file.delete(save=False)
        cache.clear()  # renditions of an earlier test's image with the same id
        response = client.get(event.url)
        assert response.status_code == 200
        assert "image" not in json_ld_of(response.content.decode())

    def test_hostile_text_stays_text_in_html_json_ld_ics_and_rss(self, client, index):
        event = make_event(
            index,
            title=HOSTILE,
            place=HOSTILE,
            summary=HOSTILE,
            organiser=HOSTILE,
            slug="x",
            start_date=days_from_today(3),
        )
        html = client.get(event.url).content.decode()
        assert "<script>alert(1)" not in html
        data = json_ld_of(html)
        assert data["name"] == HOSTILE
        assert data["location"]["name"] == HOSTILE
        assert data["description"] == HOSTILE

        component = read_calendar(client.get(event.url + "ical/")).events[0]
        assert str(component["SUMMARY"]) == HOSTILE
        assert str(component["LOCATION"]) == HOSTILE
        assert HOSTILE in str(component["DESCRIPTION"])

        index.title = HOSTILE
        index.intro = f"<p>{escape(HOSTILE)}</p>"  # as the rich text editor stores it
        index.save_revision().publish()
        calendar = read_calendar(client.get(index.url + "ical/"))
        assert str(calendar["DESCRIPTION"]) == HOSTILE
        # The library keeps properties it has no type for as written: unescape them here.
        for name in ("NAME", "X-WR-CALNAME", "X-WR-CALDESC"):
            assert unescape_text(str(calendar[name])) == HOSTILE

        html = client.get(index.url).content.decode()
        assert "<script>alert(1)" not in html
        response = client.get(index.feed_url())
        assert b"<script>" not in response.content
        feed = feedparser.parse(response.content)
        assert not feed.bozo
        (entry,) = feed.entries
        assert "alert(1)" in entry.title
        assert vi_dateline(event.start) in entry.summary

    def test_figures_roll_up_in_the_year_of_the_event(self, index):
        indicator = make_indicator("seminar-contributions", name="Ý kiến tham luận", unit="ý kiến")
        event = make_event(
            index,
            start_date=datetime.date(2022, 12, 2),
            statistics=[statistic(indicator, 16)],
            first_published_at=datetime.datetime(2023, 1, 5, tzinfo=HCM),
        )
        value = IndicatorValue.objects.get(page=event, indicator=indicator)
        assert (value.year, value.value, value.observed_on) == (
            2022,
            16,
            datetime.date(2022, 12, 2),
        )

    def test_documents_discussed_enter_the_reverse_index(self, index, conclusion):
        event = make_event(index, documents=[conclusion], summary="Theo Kế hoạch 44-KH/HU.")
        assert set(DocumentMention.objects.filter(page=event).values_list("symbol", "linked")) == {
            ("21-KL/TW", True),
            ("44-KH/HU", False),
        }


class TestEditorValidation:
    """What an editor sees in the page editor: a message on the field, never a 500."""

    def edit_data(self, page, **overrides):
        data = {
            "title": page.title,
            "slug": page.slug,
            "kind": "seminar",
            "summary": "",
            "start_date": "2022-12-02",
            "start_time": "07:30",
            "end_date": "",
            "end_time": "11:00",
            "place": "Hội trường Đảng ủy xã",
            "address": "",
            "organiser": "Đảng ủy xã Long Bình",
            "occasion": "",
            "chairs": streamfield([]),
            "participants": "",
            "delegates": "",
            "documents": streamfield([]),
            "source": "",
            "attachments": streamfield([]),
            "body": streamfield([]),
            "contributions": streamfield([]),
            "conclusions": streamfield([]),
            "statistics": streamfield([]),
            "photos": streamfield([]),
            "tags": "",
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
        data.update(overrides)
        return nested_form_data(data)

    def post(self, admin_client, page, *, publish=False, **overrides):
        data = self.edit_data(page, **overrides)
        if publish:
            data["action-publish"] = "action-publish"
        return admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    @pytest.fixture
    def draft(self, index):
        return make_event(index, publish_it=False, title="Tọa đàm")

    def test_the_editor_opens_for_a_new_and_an_existing_event(self, admin_client, index, draft):
        add_url = reverse(
            "wagtailadmin_pages:add", args=("wagtail_dangvu", "seminareventpage", index.pk)
        )
        assert admin_client.get(add_url).status_code == 200
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        assert response.status_code == 200
        assert 'value="02/12/2022"' in response.content.decode()  # day first

    def test_a_valid_event_is_published(self, admin_client, draft):
        response = self.post(admin_client, draft, publish=True, end_time="11:30")
        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.live
        assert draft.ends_at == datetime.datetime(2022, 12, 2, 11, 30, tzinfo=HCM)

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"end_time": "07:00"}, "end_time"),
            ({"end_date": "2022-12-01", "end_time": "11:00"}, "end_date"),
            ({"all_day": "on", "end_time": ""}, "start_time"),
            ({"all_day": "on", "start_time": ""}, "end_time"),
            ({"start_time": ""}, "start_time"),
            ({"end_date": "2022-12-03", "end_time": ""}, "end_time"),
            ({"start_date": "2022-02-30"}, "start_date"),
            ({"start_date": "30/02/2023"}, "start_date"),
            ({"start_date": "2022-13-01"}, "start_date"),
            ({"start_date": "02/12/2022 07:30"}, "start_date"),
            ({"end_date": "31/04/2023"}, "end_date"),
            ({"start_date": "9999-12-31"}, "start_date"),
            ({"start_time": "25:00"}, "start_time"),
        ],
    )
    def test_bad_dates_and_times_are_refused_on_their_field(
        self, admin_client, draft, overrides, field
    ):
        response = self.post(admin_client, draft, publish=True, **overrides)
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert field in errors, errors
        draft.refresh_from_db()
        assert not draft.live

    def test_the_messages_say_what_is_wrong(self, admin_client, draft):
        with translation.override("vi"):
            errors = self.post(admin_client, draft, start_date="30/02/2023").context["form"].errors
        assert errors["start_date"] == ["Ngày 30/02/2023 không tồn tại"]
        errors = self.post(admin_client, draft, end_time="07:00").context["form"].errors
        assert errors["end_time"] == [translated("The event cannot end before it starts.")]
        errors = self.post(admin_client, draft, all_day="on").context["form"].errors
        assert errors["start_time"] == [
            translated("An all-day event has no times. Clear this time, or untick “all day”.")
        ]

    def test_dates_written_the_vietnamese_way_are_read_day_first(self, admin_client, draft):
        response = self.post(
            admin_client,
            draft,
            publish=True,
            start_date="02/12/2022",
            end_date="ngày 03 tháng 12 năm 2022",
            end_time="11:00",
        )
        assert response.status_code == 302
        draft.refresh_from_db()
        assert (draft.start_date, draft.end_date) == (
            datetime.date(2022, 12, 2),
            datetime.date(2022, 12, 3),
        )

    def test_publishing_an_event_that_discusses_a_classified_document_is_refused(
        self, admin_client, draft, secret
    ):
        response = self.post(
            admin_client, draft, publish=True, documents=streamfield([("document", secret.pk)])
        )
        assert response.status_code == 200
        assert any("09-BC/ĐU" in str(e) for e in response.context["form"].errors["documents"])
        draft.refresh_from_db()
        assert not draft.live
        # Named in the summary, it is refused on the summary.
        response = self.post(admin_client, draft, publish=True, summary="Theo Báo cáo 09-BC/ĐU.")
        assert any("09-BC/ĐU" in str(e) for e in response.context["form"].errors["summary"])
        # A draft can still be saved.
        response = self.post(admin_client, draft, documents=streamfield([("document", secret.pk)]))
        assert response.status_code == 302


class TestEventCalendar:
    def test_an_event_as_icalendar(self, client, index):
        event = make_event(
            index,
            title="Tọa đàm “Kết luận 21-KL/TW”; chi bộ, cơ quan",
            place="Hội trường Đảng ủy xã",
            address="xã Long Bình",
            summary="Đảng ủy xã tổ chức tọa đàm.\nCó 16 ý kiến tham luận.",
            occasion="Kỷ niệm 78 năm Ngày thành lập Quân đội nhân dân Việt Nam",
            chairs=chairs(("Nguyễn Thị Kim Ngọc", "Bí thư Đảng ủy xã", "")),
        )
        event.tags.add("xây dựng Đảng")
        event.save_revision().publish()
        event.refresh_from_db()
        response = client.get(event.url + "ical/")
        calendar = read_calendar(response)
        assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
        assert str(calendar["VERSION"]) == "2.0"
        assert "wagtail-dangvu" in str(calendar["PRODID"])
        (component,) = calendar.events
        assert str(component["UID"]) == f"{event.translation_key}-vi@localhost"
        assert component.start == datetime.datetime(2022, 12, 2, 7, 30, tzinfo=HCM)
        assert component["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
        assert component.end == datetime.datetime(2022, 12, 2, 11, tzinfo=HCM)
        assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Ho_Chi_Minh"]
        assert calendar.get_missing_tzids() == set()
        revised = event.last_published_at.replace(microsecond=0)
        stamp, modified = component.DTSTAMP, component.LAST_MODIFIED
        assert stamp == revised and modified == revised
        assert stamp.utcoffset() == datetime.timedelta(0)
        assert str(component["SUMMARY"]) == event.title
        assert str(component["LOCATION"]) == "Hội trường Đảng ủy xã, xã Long Bình"
        description = str(component["DESCRIPTION"])
        assert "Thứ sáu - 02/12/2022 07:30 – 11:00" in description
        assert "Đảng ủy xã tổ chức tọa đàm.\nCó 16 ý kiến tham luận." in description
        assert "Nguyễn Thị Kim Ngọc – Bí thư Đảng ủy xã" in description
        assert "Kỷ niệm 78 năm" in description
        assert str(component["URL"]) == event.full_url
        assert "xây dựng Đảng" in component.categories
        # Folded lines stay under 75 octets and never split a Vietnamese letter.
        assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))

    def test_the_uid_survives_edits_and_moves(self, client, home, index):
        event = make_event(index)
        uid = read_calendar(client.get(event.url + "ical/")).events[0]["UID"]
        event.title = "Tọa đàm (dời lịch)"
        event.start_time = datetime.time(8, 0)
        event.save_revision().publish()
        other = make_event_index(home, slug="su-kien-khac")
        event.move(other, pos="last-child")
        event = SeminarEventPage.objects.get(pk=event.pk)
        component = read_calendar(client.get(event.url + "ical/")).events[0]
        assert component["UID"] == uid
        assert str(component["SUMMARY"]) == "Tọa đàm (dời lịch)"
        assert component.start.hour == 8

    def test_each_language_of_an_event_has_its_own_uid(self, client, index, locale_en):
        event = make_event(index)
        english = event.copy_for_translation(locale_en, copy_parents=True)
        english.title = "Seminar"
        english.save_revision().publish()
        english.refresh_from_db()
        component = read_calendar(client.get(english.url + "ical/")).events[0]
        assert english.url.startswith("/en/")
        assert str(component["UID"]) == f"{event.translation_key}-en@localhost"
        assert str(component["SUMMARY"]) == "Seminar"
        assert component.start == event.start

    def test_an_all_day_event_has_date_values_and_an_exclusive_end(self, client, index):
        event = make_event(
            index,
            all_day=True,
            start_date=datetime.date(2022, 12, 2),
            end_date=datetime.date(2022, 12, 3),
        )
        component = read_calendar(client.get(event.url + "ical/")).events[0]
        assert component["DTSTART"].to_ical() == b"20221202"
        assert component["DTEND"].to_ical() == b"20221204"
        assert component.start == datetime.date(2022, 12, 2)
        assert component.end == datetime.date(2022, 12, 4)

    def test_an_event_without_an_end_time_has_no_dtend(self, client, index):
        event = make_event(index, end_time=None)
        component = read_calendar(client.get(event.url + "ical/")).events[0]
        assert "DTEND" not in component
        assert component.start == datetime.datetime(2022, 12, 2, 7, 30, tzinfo=HCM)

    def test_drafts_private_and_unpublished_events_are_not_served(self, client, index):
        draft = make_event(index, publish_it=False)
        assert client.get(draft.url + "ical/").status_code == 404
        private = make_event(index)
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        response = client.get(private.url + "ical/")
        assert response.status_code == 302 and "login" in response["Location"]
        withdrawn = make_event(index)
        url = withdrawn.url
        withdrawn.unpublish()
        assert client.get(url + "ical/").status_code == 404

    def test_the_subscribable_feed(self, client, home, index):
        soon = make_event(index, title="Hội nghị sắp tới", start_date=days_from_today(7))
        later = make_event(
            index,
            title="Hội thảo hai ngày",
            all_day=True,
            start_date=days_from_today(30),
            end_date=days_from_today(31),
        )
        recent = make_event(index, title="Tọa đàm tháng trước", start_date=days_from_today(-30))
        old = make_event(index, title="Hội nghị hai năm trước", start_date=days_from_today(-730))
        draft = make_event(index, title="Bản nháp", start_date=days_from_today(3), publish_it=False)
        private = make_event(index, title="Nội bộ", start_date=days_from_today(4))
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        withdrawn = make_event(index, title="Đã gỡ", start_date=days_from_today(5))
        withdrawn.unpublish()
        elsewhere = make_event(
            make_event_index(home, slug="khac"), title="Trang khác", start_date=days_from_today(6)
        )

        response = client.get(index.url + "ical/")
        calendar = read_calendar(response)
        assert response["Content-Disposition"] == 'inline; filename="su-kien.ics"'
        assert str(calendar["X-WR-CALNAME"]) == "Sự kiện"
        assert str(calendar["NAME"]) == "Sự kiện"
        assert str(calendar["SOURCE"]) == index.full_url + "ical/"
        assert calendar["REFRESH-INTERVAL"].dt == datetime.timedelta(hours=2)
        summaries = [str(component["SUMMARY"]) for component in calendar.events]
        assert summaries == [recent.title, soon.title, later.title]
        for page in (old, draft, private, withdrawn, elsewhere):
            assert page.title not in summaries
        uids = {str(component["UID"]) for component in calendar.events}
        assert len(uids) == 3
        assert calendar.get_missing_tzids() == set()

    def test_the_feed_takes_the_index_filters(self, client, index):
        make_event(index, title="Tọa đàm", start_date=days_from_today(7))
        make_event(index, title="Hội thảo", kind="workshop", start_date=days_from_today(8))
        calendar = read_calendar(client.get(index.url + "ical/", {"kind": "workshop"}))
        assert [str(c["SUMMARY"]) for c in calendar.events] == ["Hội thảo"]
        response = client.get(index.url + "ical/", {"month": "13", "year": "2022"})
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/plain")

    def test_a_unicode_slug_gives_an_ascii_filename_and_the_real_one(self, client, index):
        event = make_event(index, slug="tọa-đàm")
        response = client.get(event.url + "ical/")
        assert response["Content-Disposition"] == (
            "attachment; filename=\"toa-dam.ics\"; filename*=UTF-8''t%E1%BB%8Da-%C4%91%C3%A0m.ics"
        )


class TestIndex:
    def test_upcoming_soonest_first_then_past_latest_first(self, client, index):
        past_old = make_event(index, title="Sự kiện cũ", start_date=days_from_today(-60))
        past_recent = make_event(index, title="Sự kiện vừa qua", start_date=days_from_today(-2))
        later = make_event(index, title="Sự kiện tháng sau", start_date=days_from_today(40))
        soon = make_event(index, title="Sự kiện tuần sau", start_date=days_from_today(7))
        draft = make_event(index, title="Bản nháp", publish_it=False, start_date=days_from_today(1))
        private = make_event(index, title="Nội bộ", start_date=days_from_today(2))
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        html = client.get(index.url).content.decode()
        order = [soon, later, past_recent, past_old]
        positions = [html.index(event.title) for event in order]
        assert positions == sorted(positions)
        assert html.index("dangvu-events__group--upcoming") < positions[0]
        assert positions[1] < html.index("dangvu-events__group--past") < positions[2]
        assert draft.title not in html and private.title not in html
        assert vi_dateline(soon.start) in html
        assert 'type="text/calendar"' in html and 'type="application/rss+xml"' in html
        assert f'href="webcal://localhost{index.url}ical/"' in html

    def test_an_event_of_today_stays_upcoming_until_it_ends(self, client, index):
        now = timezone.localtime(timezone.now(), HCM)
        if now.hour < 1 or now.hour >= 23:
            pytest.skip("too close to midnight")
        ongoing = make_event(
            index,
            start_date=now.date(),
            start_time=(now - datetime.timedelta(hours=1)).time(),
            end_time=(now + datetime.timedelta(minutes=50)).time(),
        )
        ended = make_event(
            index,
            start_date=now.date(),
            start_time=(now - datetime.timedelta(hours=1)).time(),
            end_time=(now - datetime.timedelta(minutes=10)).time(),
        )
        open_ended = make_event(
            index,
            start_date=now.date(),
            start_time=(now - datetime.timedelta(hours=1)).time(),
            end_time=None,
        )
        assert ongoing.is_upcoming() and open_ended.is_upcoming()
        assert not ended.is_upcoming()
        html = client.get(index.url, {"when": "upcoming"}).content.decode()
        assert ongoing.url in html and open_ended.url in html and ended.url not in html

    def test_filters_by_when_year_month_kind_and_tag(self, client, index):
        december = make_event(
            index, title="Tọa đàm tháng 12", start_date=datetime.date(2022, 12, 2)
        )
        march = make_event(
            index,
            title="Hội nghị tháng 3",
            kind="interim_review",
            start_date=datetime.date(2022, 3, 18),
        )
        upcoming = make_event(
            index, title="Hội thảo sắp tới", kind="workshop", start_date=days_from_today(9)
        )
        upcoming.tags.add("sinh hoạt chi bộ")
        upcoming.save_revision().publish()

        def titles(**params):
            html = client.get(index.url, params).content.decode()
            return {e.title for e in (december, march, upcoming) if e.title in html}

        assert titles(when="upcoming") == {upcoming.title}
        assert titles(when="past") == {december.title, march.title}
        assert titles(year="2022") == {december.title, march.title}
        assert titles(year="2022", month="3") == {march.title}
        assert titles(kind="interim_review") == {march.title}
        assert titles(tag=upcoming.tags.get().slug) == {upcoming.title}

    @pytest.mark.parametrize(
        "query",
        [
            "when=tomorrow",
            "year=abc",
            "year=99999",
            "month=13&year=2022",
            "month=3",
            "kind=party",
            "tag=%00",
            "page=-1",
            "page=abc",
            "zzz=1",
        ],
    )
    def test_bad_query_strings_are_a_400_page_or_ignored(self, client, index, query):
        make_event(index, title="Tọa đàm")
        response = client.get(index.url + "?" + query)
        assert response.status_code in (200, 400)
        assert "Tọa đàm" in response.content.decode()
        if query.startswith(("when", "year", "month", "kind")):
            assert response.status_code == 400
            assert 'role="alert"' in response.content.decode()

    def test_pagination(self, client, index, settings):
        settings.WAGTAIL_DANGVU = {"PER_PAGE": 2}
        for number in range(5):
            make_event(index, title=f"Sự kiện số {number}", start_date=days_from_today(number + 1))
        html = client.get(index.url, {"page": "3", "when": "upcoming"}).content.decode()
        assert "Sự kiện số 4" in html and "Sự kiện số 0" not in html
        assert 'rel="prev"' in html and "when=upcoming&amp;page=2" in html

    def test_rss_items_say_when_and_where(self, client, index):
        event = make_event(index, title="Tọa đàm", place="Hội trường Đảng ủy xã")
        event.tags.add("xây dựng Đảng")
        event.save_revision().publish()
        feed = feedparser.parse(client.get(index.feed_url()).content)
        assert not feed.bozo
        (entry,) = feed.entries
        assert entry.title == "Tọa đàm"
        assert "Thứ sáu - 02/12/2022 07:30 – 11:00" in entry.summary
        assert "Hội trường Đảng ủy xã" in entry.summary
        assert "xây dựng Đảng" in {tag.term for tag in entry.tags}

    @pytest.mark.parametrize("route", ["", "rss/", "ical/"])
    def test_a_fixed_number_of_queries_however_many_events(self, client, index, route):
        def add_events(count):
            for number in range(count):
                event = make_event(
                    index,
                    start_date=days_from_today(number % 20 - 5),
                    chairs=chairs(("Nguyễn Văn A", "Bí thư", "")),
                )
                event.tags.add(f"chủ đề {number % 3}")
                event.save_revision().publish()

        add_events(3)
        url = index.url + route
        assert client.get(url).status_code == 200  # warm the site and template caches
        with count_queries() as few:
            assert client.get(url).status_code == 200
        add_events(27)
        with count_queries() as many:
            assert client.get(url).status_code == 200
        assert len(many) <= len(few), many.sql


class TestDatelines:
    def test_every_page_type_shows_the_portals_dateline(self, client, home, register):
        reports = make_report_index(home)
        pages = [
            register,
            reports,
            make_report(reports),
            make_dashboard(home, slug="thong-ke"),
            (events := make_event_index(home)),
            make_event(events),
        ]
        for page in pages:
            html = client.get(page.url).content.decode()
            assert DATELINE_RE.search(html), page.specific_class.__name__


@pytest.mark.urls(__name__)
class TestAPI:
    def test_api_fields(self, client, index, conclusion):
        indicator = make_indicator("seminar-contributions", name="Ý kiến tham luận")
        event = make_event(
            index,
            documents=[conclusion],
            contributions=contributions(16),
            statistics=[statistic(indicator, 16)],
            delegates=52,
            conclusions=conclusions(strengths=8, solutions=6),
        )
        event.tags.add("xây dựng Đảng")
        event.save_revision().publish()
        response = client.get(f"/api/v2/pages/{event.pk}/", {"fields": "*"})
        assert response.status_code == 200
        data = response.json()
        assert data["start"] == "2022-12-02T07:30:00+07:00"
        assert data["end"] == "2022-12-02T11:00:00+07:00"
        assert data["all_day"] is False
        assert data["session"] == "morning"
        assert data["delegates"] == 52
        assert data["contributions_count"] == 16
        assert data["contributions"][0]["value"]["topic"] == "Chủ đề 1"
        assert data["documents"][0]["value"]["symbol"] == "21-KL/TW"
        assert data["statistics"][0]["value"]["value"] == 16
        assert data["conclusions"][0]["value"]["counts"] == {"strengths": 8, "solutions": 6}
        assert data["tag_names"] == ["xây dựng Đảng"]

    def test_all_day_dates_are_plain_dates(self, client, index):
        event = make_event(index, all_day=True, start_date=datetime.date(2022, 12, 2))
        data = client.get(f"/api/v2/pages/{event.pk}/", {"fields": "start,end"}).json()
        assert (data["start"], data["end"]) == ("2022-12-02", "2022-12-02")


class TestDemo:
    def test_the_seminar_of_02_12_2022_and_two_upcoming_events(self, client, home):
        DemoBuilder().build()
        again = DemoBuilder().build().created
        # A second run creates nothing (the ratings step is the ratings app's business).
        assert [line for line in again if not line.startswith("rating:")] == []

        # The province's index (each demo commune has its own below it).
        index = SeminarEventIndexPage.objects.get(slug="su-kien", depth=3)
        seminar = SeminarEventPage.objects.get(slug="toa-dam-giai-phap-thuc-hien-ket-luan-21")
        assert seminar.live and seminar.start_date == datetime.date(2022, 12, 2)
        assert seminar.session == "morning"
        assert seminar.contributions_count == 16
        # The article names who presented the báo cáo đề dẫn and who summed up, never who
        # chaired: the demo names no chair.
        assert list(seminar.chairs) == []
        counts = {group["name"]: group["count"] for group in seminar.conclusions_value.groups()}
        assert counts == {"strengths": 8, "limitations": 6, "solutions": 6, "recommendations": 5}
        assert "22/12/1944 – 22/12/2022" in seminar.occasion
        assert {document.symbol for document in seminar.public_documents} >= {"21-KL/TW"}
        value = IndicatorValue.objects.get(page=seminar, indicator__code="seminar-contributions")
        assert (value.year, value.value) == (2022, 16)

        # The province's own two; the index lists the communes' events too.
        upcoming = [event for event in index.events().child_of(index) if event.is_upcoming()]
        assert len(upcoming) == 2
        assert len([event for event in index.events() if event.is_upcoming()]) == 5
        assert any(event.all_day for event in upcoming)

        assert client.get(seminar.url).status_code == 200
        html = client.get(index.url).content.decode()
        assert seminar.title in html
        calendar = read_calendar(client.get(index.url + "ical/"))
        assert {str(c["SUMMARY"]) for c in calendar.events} >= {e.title for e in upcoming}
