"""Dates in the admin read day first everywhere: every date the editor fills (a report's
period, a story's start, the register's issue date, an event's days, Wagtail's go-live
and expiry dates) takes dd/mm/yyyy, d/m/yyyy and ISO, shows dd/mm/yyyy, and an impossible
date is named on its field in Vietnamese. Through the admin's own views."""

import datetime
from contextlib import contextmanager
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings
from django.urls import reverse
from django.utils import formats, translation
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from tests.factories import (
    make_event,
    make_event_index,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
    report_form_data,
    story_form_data,
)
from wagtail_dangvu.checks import check_date_formats
from wagtail_dangvu.models import PartyDocument

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
NO_FORMAT_SETTINGS = {
    "FORMAT_MODULE_PATH": None,
    "WAGTAIL_DATE_FORMAT": "%Y-%m-%d",
    "WAGTAIL_DATETIME_FORMAT": "%Y-%m-%d %H:%M",
}


@contextmanager
def portal_settings(**settings):
    """The portal's settings changed (Django does not empty its cache of formats when
    FORMAT_MODULE_PATH changes: done here, on the way in and out)."""
    with override_settings(**settings):
        formats.reset_format_cache()
        try:
            yield
        finally:
            formats.reset_format_cache()
    formats.reset_format_cache()


COMMENTS = {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            self.values.setdefault(attrs["name"], attrs.get("value"))


def input_value(response, name):
    """The value of the input ``name`` in the page as the editor's browser gets it."""
    assert response.status_code == 200
    parser = _Inputs()
    parser.feed(response.content.decode())
    return parser.values[name]


def field_errors(response, name):
    assert response.status_code == 200, response.status_code
    return [str(error) for error in response.context["form"].errors.get(name, [])]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def draft_of(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def report_data(page, **overrides):
    """The report editor's form (tests.factories), with dates typed day first."""
    fields = {
        "period_start": "01/11/2021",
        "period_end": "30/11/2022",
        "go_live_at": "",
        "expire_at": "",
    }
    return report_form_data(page, **(fields | overrides))


def document_data(**overrides):
    data = {
        "symbol": "21-KL/TW",
        "type_name": "Kết luận",
        "issuer_name": "Ban Chấp hành Trung ương Đảng",
        "term": "XIII",
        "issue_date": "25/10/2021",
        "summary": "Về đẩy mạnh xây dựng, chỉnh đốn Đảng.",
        "secrecy": "normal",
        "circulation": "public",
    }
    data.update(overrides)
    return data


@pytest.fixture
def report(home):
    """A draft report from 1 November 2021 to 30 November 2022."""
    return make_report(make_report_index(home), publish_it=False)


@pytest.fixture
def english_admin(admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_user


# The app's own dates ---------------------------------------------------------------------


class TestReportPeriod:
    def test_the_editor_shows_the_period_day_first(self, admin_client, report):
        response = admin_client.get(edit_url(report))
        assert input_value(response, "period_start") == "01/11/2021"
        assert input_value(response, "period_end") == "30/11/2022"

    @pytest.mark.parametrize(
        "typed",
        [
            "01/02/2022",  # 1 February, never 2 January
            "1/2/2022",
            "2022-02-01",
            "01-02-2022",
            " 01/02/2022 ",
            "ngày 01 tháng 02 năm 2022",
        ],
    )
    def test_a_typed_date_is_read_day_first(self, admin_client, report, typed):
        response = admin_client.post(edit_url(report), report_data(report, period_start=typed))
        assert response.status_code == 302, response.context["form"].errors
        assert draft_of(report).period_start == datetime.date(2022, 2, 1)
        assert input_value(admin_client.get(edit_url(report)), "period_start") == "01/02/2022"

    def test_the_day_month_switch_is_not_mistaken_for_the_american_order(
        self, admin_client, report
    ):
        response = admin_client.post(edit_url(report), report_data(report, period_end="15/12/2022"))
        assert response.status_code == 302
        assert draft_of(report).period_end == datetime.date(2022, 12, 15)

    @pytest.mark.parametrize(
        ("typed", "message"),
        [
            ("31/02/2022", "Ngày 31/02/2022 không tồn tại"),
            ("29/02/2023", "Ngày 29/02/2023 không tồn tại"),
            ("15/13/2022", "Ngày 15/13/2022 không tồn tại"),
            ("2022-02-30", "Ngày 30/02/2022 không tồn tại"),
        ],
    )
    def test_an_impossible_date_is_named_on_its_field(self, admin_client, report, typed, message):
        revisions = report.revisions.count()
        response = admin_client.post(edit_url(report), report_data(report, period_start=typed))
        assert field_errors(response, "period_start") == [message]
        assert report.revisions.count() == revisions
        # What the editor typed is given back to be corrected.
        assert input_value(response, "period_start") == typed

    @pytest.mark.parametrize(
        "typed", ["01/02/2022'; DROP TABLE x", "\x00", "9" * 5000, "01/02", "<b>1/2/2022</b>"]
    )
    def test_hostile_input_is_refused_on_the_field(self, admin_client, report, typed):
        revisions = report.revisions.count()
        response = admin_client.post(edit_url(report), report_data(report, period_start=typed))
        assert field_errors(response, "period_start")
        assert report.revisions.count() == revisions

    def test_the_app_reads_and_shows_day_first_whatever_the_portals_settings(
        self, admin_client, report
    ):
        with portal_settings(**NO_FORMAT_SETTINGS):
            assert input_value(admin_client.get(edit_url(report)), "period_start") == "01/11/2021"
            data = report_data(report, period_start="01/02/2022", period_end="2022-12-15")
            assert admin_client.post(edit_url(report), data).status_code == 302
        draft = draft_of(report)
        assert (draft.period_start, draft.period_end) == (
            datetime.date(2022, 2, 1),
            datetime.date(2022, 12, 15),
        )


class TestOtherDates:
    def test_a_storys_start_date(self, admin_client, home):
        story = make_story(make_story_index(home), publish_it=False)
        response = admin_client.post(edit_url(story), story_form_data(story, start_date="1/2/2020"))
        assert response.status_code == 302, response.context["form"].errors
        assert draft_of(story).start_date == datetime.date(2020, 2, 1)
        assert input_value(admin_client.get(edit_url(story)), "start_date") == "01/02/2020"
        response = admin_client.post(
            edit_url(story), story_form_data(story, start_date="30/02/2020")
        )
        assert field_errors(response, "start_date") == ["Ngày 30/02/2020 không tồn tại"]

    def test_an_events_dates_are_shown_day_first(self, admin_client, home):
        event = make_event(make_event_index(home), publish_it=False, title="Tọa đàm")
        response = admin_client.get(edit_url(event))
        assert input_value(response, "start_date") == event.start_date.strftime("%d/%m/%Y")

    def test_the_registers_issue_date(self, admin_client):
        add = reverse("wagtailsnippets_wagtail_dangvu_partydocument:add")
        response = admin_client.post(add, document_data(issue_date="1/2/2021"))
        assert response.status_code == 302, response.context["form"].errors
        document = PartyDocument.objects.get(symbol="21-KL/TW")
        assert document.issue_date == datetime.date(2021, 2, 1)
        edit = reverse("wagtailsnippets_wagtail_dangvu_partydocument:edit", args=[document.pk])
        assert input_value(admin_client.get(edit), "issue_date") == "01/02/2021"

        response = admin_client.post(edit, document_data(issue_date="2021-10-25"))
        assert response.status_code == 302
        document.refresh_from_db()
        assert document.issue_date == datetime.date(2021, 10, 25)
        assert input_value(admin_client.get(edit), "issue_date") == "25/10/2021"

    def test_an_impossible_issue_date_creates_nothing(self, admin_client):
        add = reverse("wagtailsnippets_wagtail_dangvu_partydocument:add")
        response = admin_client.post(add, document_data(issue_date="31/04/2021"))
        assert field_errors(response, "issue_date") == ["Ngày 31/04/2021 không tồn tại"]
        assert not PartyDocument.objects.exists()


# Wagtail's own dates: go-live and expiry -------------------------------------------------------


class TestPublishingSchedule:
    @pytest.mark.parametrize("typed", ["15/12/2026 08:30", "15/12/2026 8:30", "2026-12-15 08:30"])
    def test_the_go_live_date_is_read_day_first(self, admin_client, report, typed):
        response = admin_client.post(edit_url(report), report_data(report, go_live_at=typed))
        assert response.status_code == 302, response.context["form"].errors
        assert draft_of(report).go_live_at == datetime.datetime(2026, 12, 15, 8, 30, tzinfo=HCM)
        response = admin_client.get(edit_url(report))
        assert input_value(response, "go_live_at") == "15/12/2026 08:30"

    def test_the_expiry_date_is_read_day_first(self, admin_client, report):
        data = report_data(report, expire_at="01/02/2030 17:00")
        assert admin_client.post(edit_url(report), data).status_code == 302
        assert draft_of(report).expire_at == datetime.datetime(2030, 2, 1, 17, 0, tzinfo=HCM)

    def test_an_impossible_go_live_date_is_named_on_its_field(self, admin_client, report):
        with translation.override("vi"):
            expected = translation.gettext("Enter a valid date/time.")
        assert expected == "Vui lòng nhập ngày giờ hợp lệ."
        data = report_data(report, go_live_at="31/02/2026 08:00")
        assert field_errors(admin_client.post(edit_url(report), data), "go_live_at") == [expected]

    def test_a_page_type_of_the_portal_has_it_too(self, admin_client, home):
        data = nested_form_data(
            {
                "title": home.title,
                "slug": home.slug,
                "intro": rich_text(""),
                "body": streamfield([]),
                "go_live_at": "01/02/2030 07:00",
                "expire_at": "",
                "comments": COMMENTS,
            }
        )
        response = admin_client.post(edit_url(home), data)
        assert response.status_code == 302, response.context["form"].errors
        assert draft_of(home).go_live_at == datetime.datetime(2030, 2, 1, 7, 0, tzinfo=HCM)
        assert input_value(admin_client.get(edit_url(home)), "go_live_at") == "01/02/2030 07:00"


# The English admin -------------------------------------------------------------------------


class TestEnglishAdmin:
    """English editors use the same pickers, which write dd/mm/yyyy: read day first too."""

    def test_dates_are_shown_and_read_day_first(self, client, english_admin, report):
        client.force_login(english_admin)
        response = client.get(edit_url(report))
        assert 'lang="en"' in response.content.decode()
        assert input_value(response, "period_start") == "01/11/2021"
        data = report_data(report, period_start="2022-02-01", go_live_at="01/02/2030 07:00")
        assert client.post(edit_url(report), data).status_code == 302
        draft = draft_of(report)
        assert draft.period_start == datetime.date(2022, 2, 1)
        assert draft.go_live_at == datetime.datetime(2030, 2, 1, 7, 0, tzinfo=HCM)

    def test_months_written_in_words_still_read_and_month_first_never(self):
        with translation.override("en"):
            assert forms.DateField().clean("25 October 2021") == datetime.date(2021, 10, 25)
            assert forms.DateField().clean("Oct 25, 2021") == datetime.date(2021, 10, 25)
            with pytest.raises(ValidationError):
                forms.DateField().clean("10/25/2021")

    def test_englishs_own_display_formats_are_kept(self):
        assert formats.get_format("DATE_FORMAT", lang="en") == "N j, Y"
        assert formats.get_format("DECIMAL_SEPARATOR", lang="en") == "."


# The format module and the checks ------------------------------------------------------------


def test_the_vietnamese_format_module_keeps_djangos_and_reads_day_first():
    assert formats.get_format("DATE_INPUT_FORMATS", lang="vi")[0] == "%d/%m/%Y"
    assert formats.get_format("DATETIME_INPUT_FORMATS", lang="vi")[0] == "%d/%m/%Y %H:%M"
    assert formats.get_format("FIRST_DAY_OF_WEEK", lang="vi") == 1
    assert formats.get_format("DECIMAL_SEPARATOR", lang="vi") == ","
    assert formats.get_format("SHORT_DATE_FORMAT", lang="vi") == "d-m-Y"
    with translation.override("vi"):
        assert forms.DateField().clean("01/02/2026") == datetime.date(2026, 2, 1)
        assert forms.DateTimeField().clean("1/2/2026 8:05") == datetime.datetime(
            2026, 2, 1, 8, 5, tzinfo=HCM
        )


def warnings(**settings):
    with portal_settings(**settings):
        return sorted({message.id for message in check_date_formats()})


def test_the_example_portal_has_no_date_warning():
    assert warnings() == []
    call_command("check", "--fail-level", "WARNING", "--tag", "compatibility")


def test_a_vietnamese_admin_that_reads_month_first_is_warned():
    assert warnings(**NO_FORMAT_SETTINGS) == ["wagtail_dangvu.W030"]
    with portal_settings(**NO_FORMAT_SETTINGS), pytest.raises(SystemCheckError) as error:
        call_command("check", "--fail-level", "WARNING", "--tag", "compatibility")
    assert "FORMAT_MODULE_PATH" in str(error.value)


def test_pickers_that_write_what_the_admin_misreads_are_warned():
    # Day-first pickers without the format module: "01/02/2026" read as 2 January.
    assert warnings(FORMAT_MODULE_PATH=None) == ["wagtail_dangvu.W030", "wagtail_dangvu.W031"]
    # Month-first pickers with it: "02/01/2026" written for 1 February, read as 2 January.
    assert warnings(WAGTAIL_DATE_FORMAT="%m/%d/%Y") == ["wagtail_dangvu.W031"]
    # ISO pickers with it: read back as written.
    assert warnings(WAGTAIL_DATE_FORMAT="%Y-%m-%d") == []
