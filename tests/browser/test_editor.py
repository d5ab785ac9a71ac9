"""An editor at work in the Wagtail admin, in Vietnamese: publishing a seminar with its
figures and a document chosen from the register, and being stopped by the confidentiality
gate when a report links a classified document."""

import re

import icalendar
import pytest
from playwright.sync_api import expect

from tests.browser.chromium import browser_test

pytestmark = browser_test

# The editor's tabs, as a Vietnamese editor reads them (their ids follow the heading's
# language, so they are found by what they say).
PROMOTE_TAB = "Hiển thị và tìm kiếm"
CONTENT_TAB = "Nội dung"


def open_tab(page, name):
    page.get_by_role("tab", name=name, exact=True).click()


@pytest.fixture(autouse=True)
def _one_request_at_a_time_on_sqlite(settings):
    """On SQLite the test database lives in memory, and every request thread of the live
    server shares its one connection: Wagtail's editor requests in the background
    (autosave, editing-session pings) then collide with the editor's own ("database table
    is locked"). There, they are switched off; on PostgreSQL the editor runs as shipped.
    """
    from django.db import connection

    if connection.vendor == "sqlite":
        settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
        settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000


SEMINAR_TITLE = "Tọa đàm nâng cao chất lượng sinh hoạt chi bộ năm 2026"
SEMINAR_SLUG = "toa-dam-sinh-hoat-chi-bo-2026"


def add_block(page, field, block_label=None):
    """Insert a block at the end of the StreamField ``field``; choose its type by its label
    when the field offers several. Returns the new block's element."""
    stream = page.locator(f"#{field}-root")
    before = stream.locator(
        ":scope > [data-streamfield-stream-container] > [data-streamfield-child]"
    )
    count = before.count()
    stream.locator("button.c-sf-add-button").last.click()
    if block_label is not None:
        page.get_by_role("option", name=block_label, exact=True).click()
    expect(before).to_have_count(count + 1)
    return before.nth(count)


def choose_document(page, block, symbol):
    """Open the document chooser of ``block``, search the register, pick ``symbol``."""
    block.locator("[data-chooser-action-choose]").click()
    modal = page.locator(".modal[role=dialog]")
    expect(modal).to_be_visible()
    modal.locator("input[name=q]").fill(symbol)
    choice = modal.locator("a[data-chooser-modal-choice]", has_text=symbol)
    expect(choice).to_have_count(1)
    choice.click()
    expect(modal).to_be_hidden()
    expect(block.locator("[data-chooser-title]")).to_contain_text(symbol)


def publish(page):
    """The footer's "Publish" action, in the dropdown beside "Save draft"."""
    footer = page.locator("footer")
    footer.locator(".w-dropdown__toggle").first.click()
    footer.locator("button[name=action-publish]").click()


def test_an_editor_publishes_a_seminar_with_figures_and_a_document(
    portal, new_context, sign_in, live_server
):
    from wagtail_dangvu.models import SeminarEventPage

    page = sign_in(new_context().new_page())
    expect(page.locator("html")).to_have_attribute("lang", "vi")

    # From the events index, "add a child page": the only kind there is a seminar.
    page.goto(f"/admin/pages/{portal.events.pk}/add_subpage/")
    page.wait_for_url(re.compile(r"/admin/pages/add/wagtail_dangvu/seminareventpage/"))
    page.locator("#id_title").fill(SEMINAR_TITLE)
    page.locator("#id_kind").select_option("seminar")
    page.locator("#id_summary").fill("Các chi bộ trao đổi kinh nghiệm sinh hoạt chi bộ.")
    page.locator("#id_start_date").fill("15/12/2026")  # as Vietnamese editors write it
    page.locator("#id_start_time").fill("08:00")
    page.locator("#id_end_time").fill("11:00")
    page.locator("#id_place").fill("Hội trường Đảng ủy xã Long Bình")
    page.locator("#id_organiser").fill("Đảng ủy xã Long Bình")

    # A figure: the statistics field offers several kinds of block; a "Số liệu" (statistic).
    statistic = add_block(page, "statistics", "Số liệu")
    statistic.locator("input[name$='-value-label']").fill("Ý kiến tham luận")
    statistic.locator("input[name$='-value-value']").fill("12")
    statistic.locator("input[name$='-value-unit']").fill("ý kiến")

    # A document of the register, through the chooser.
    document = add_block(page, "documents")
    choose_document(page, document, "21-KL/TW")

    # The address, on the "Promote" tab: an ASCII slug, as the portal's addresses are.
    open_tab(page, PROMOTE_TAB)
    page.locator("#id_slug").fill(SEMINAR_SLUG)
    open_tab(page, CONTENT_TAB)

    publish(page)
    # Back to the explorer of the events index, with Wagtail's success message.
    page.wait_for_url(re.compile(rf"/admin/pages/{portal.events.pk}/$"))
    expect(page.locator(".messages")).to_contain_text(SEMINAR_TITLE)

    event = SeminarEventPage.objects.get(title=SEMINAR_TITLE)
    assert event.live and not event.has_unpublished_changes
    assert event.slug == SEMINAR_SLUG
    assert event.get_parent().pk == portal.events.pk
    assert [block.value.symbol for block in event.documents] == ["21-KL/TW"]
    assert event.statistics[0].value["value"] == 12

    # A reader sees it on the index, among the upcoming events, and on its page.
    reader = new_context().new_page()
    reader.goto(portal.events.url)
    upcoming = reader.locator(".dangvu-events__group--upcoming")
    expect(upcoming.get_by_role("link", name=SEMINAR_TITLE)).to_be_visible()
    upcoming.get_by_role("link", name=SEMINAR_TITLE).click()
    expect(reader.locator("h1")).to_have_text(SEMINAR_TITLE)
    expect(reader.locator(".dangvu-article__documents")).to_contain_text("21-KL/TW")
    expect(reader.locator(".dangvu-event__statistics")).to_contain_text("12")

    # And in the index's calendar feed.
    response = reader.request.get(f"{portal.events.url}ical/")
    assert response.ok
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.body())
    events = {str(item["SUMMARY"]): item for item in calendar.walk("VEVENT")}
    assert SEMINAR_TITLE in events
    item = events[SEMINAR_TITLE]
    start = item.decoded("DTSTART")
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2026, 12, 15, 8, 0)
    assert start.utcoffset().total_seconds() == 7 * 3600
    assert "Hội trường Đảng ủy xã Long Bình" in str(item["LOCATION"])


def test_the_gate_stops_a_report_that_links_a_classified_document(
    portal, new_context, sign_in, screenshots_dir
):
    from wagtail.models import PageLogEntry

    from wagtail_dangvu.models import DirectiveReportPage

    report = portal.report
    secret = portal.document("09-BC/ĐU")
    live_revision = report.live_revision_id
    published = PageLogEntry.objects.filter(page=report, action="wagtail.publish").count()

    page = sign_in(new_context().new_page())
    page.goto(f"/admin/pages/{report.pk}/edit/")
    document = add_block(page, "documents")
    choose_document(page, document, "09-BC/ĐU")
    publish(page)

    # The editor stays on the form, told which document and why, on the field naming it.
    page.wait_for_url(re.compile(rf"/admin/pages/{report.pk}/edit/$"))
    error = page.locator("[data-contentpath='documents'] .help-critical")
    expect(error).to_have_count(1)
    expect(error).to_contain_text("Báo cáo 09-BC/ĐU")
    expect(page.locator(".messages")).to_be_visible()
    error.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots_dir / "admin-gate-desktop.png"))

    # Nothing was published: the same live revision and live content. (Where Wagtail 8
    # autosaves the editor's work as a draft revision as it goes, on PostgreSQL here, that
    # draft is allowed; publishing is not.)
    report = DirectiveReportPage.objects.get(pk=report.pk)
    assert report.live
    assert report.live_revision_id == live_revision
    assert PageLogEntry.objects.filter(page=report, action="wagtail.publish").count() == published
    assert secret.pk not in [block.value.pk for block in report.documents]

    # Readers see the report as it was: no trace of the classified document.
    reader = new_context().new_page()
    reader.goto(report.url)
    expect(reader.locator("main")).not_to_contain_text("09-BC/ĐU")


@pytest.fixture
def indexes(live_server):
    """A report index and an event index under the home page (no need for the whole demo)."""
    from wagtail.models import Site

    from wagtail_dangvu.models import DirectiveReportIndexPage, SeminarEventIndexPage

    home = Site.objects.get(is_default_site=True).root_page
    return {
        "directivereportpage": home.add_child(
            instance=DirectiveReportIndexPage(title="Báo cáo", slug="bao-cao")
        ),
        "seminareventpage": home.add_child(
            instance=SeminarEventIndexPage(title="Sự kiện", slug="su-kien")
        ),
    }


@pytest.mark.parametrize(
    "page_type",
    [
        "directivereportpage",
        "seminareventpage",
    ],
)
def test_the_title_proposes_the_slug(indexes, new_context, sign_in, page_type):
    page = sign_in(new_context().new_page())
    page.goto(f"/admin/pages/add/wagtail_dangvu/{page_type}/{indexes[page_type].pk}/")
    page.locator("#id_title").fill("Tọa đàm năm 2026")
    page.locator("#id_title").blur()
    open_tab(page, PROMOTE_TAB)
    expect(page.locator("#id_slug")).to_have_value(re.compile(r"^t.*-2026$"), timeout=3_000)
    assert " " not in page.locator("#id_slug").input_value()


@pytest.mark.parametrize("typed", ["15/12/2026", "ngày 15 tháng 12 năm 2026"])
def test_dates_typed_the_vietnamese_way_stay_as_typed(indexes, new_context, sign_in, typed):
    """The README: editors may type dates as they write them, always read day first."""
    page = sign_in(new_context().new_page())
    page.goto(f"/admin/pages/add/wagtail_dangvu/seminareventpage/{indexes['seminareventpage'].pk}/")
    page.locator("#id_start_date").fill(typed)
    page.locator("#id_title").click()
    page.keyboard.press("Escape")
    expect(page.locator("#id_start_date")).to_have_value(typed, timeout=2_000)
