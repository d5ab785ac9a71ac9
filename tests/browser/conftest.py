"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Playwright never downloads a browser here: it drives ``/usr/bin/chromium`` (``bash
.ci/system-packages`` installs it). Without it every test marked ``browser`` is skipped,
with the reason. A test gets either a small portal of its own (``portal``: a report with its
rating, an event index, a classified document) or, for the tests of the demo's pages as a
whole, the demo content of ``manage.py dangvu_demo`` (``demo``), built in a
transactional database that is emptied after the test and restored from the state the
migrations left (``serialized_rollback``), since the live server reads it from another
thread.
"""

from __future__ import annotations

import datetime
import os
import re
import threading
import time
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS, DESKTOP, SCREENSHOTS

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def pytest_collection_modifyitems(config, items):
    if os.access(CHROMIUM, os.X_OK):
        return
    reason = (
        f"Chromium not found at {CHROMIUM}: run `bash .ci/system-packages` as root "
        "(or `apt-get install chromium`) to run the browser tests"
    )
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if browser_items and os.environ.get("DANGVU_BROWSER_TESTS") == "required":
        # CI (.ci/run) has installed Chromium: the browser tests must run there.
        raise pytest.UsageError(reason)
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason=reason))


# The browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """A headless Chromium for the test module, with a profile of its own (a fresh
    temporary user-data-dir that Playwright makes and removes with the browser).

    Playwright's synchronous API keeps an asyncio event loop running in this thread. Django
    then takes the thread for an async context: it refuses ORM calls there, and asgiref
    gives it a new set of database connections, without the test database's saved state
    (so ``serialized_rollback`` would restore nothing). The tests' ORM calls are plain
    synchronous code: while the browser runs, they are allowed, on the thread's own
    connections.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    own = {alias: connections[alias] for alias in connections}
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, connection in own.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def new_context(browser, live_server):
    """Make a fresh browser context (a reader of its own: no cookies, no storage)."""
    contexts = []

    def make(*, viewport=DESKTOP, javascript=True, **options):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=viewport,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
            java_script_enabled=javascript,
            **options,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    # A page may have had a request in flight (the editor's session ping, a chooser): let
    # the live server finish it before the database is flushed under it.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.fixture
def page(new_context):
    """A page in a fresh context, as an anonymous reader with JavaScript."""
    return new_context().new_page()


# The portal --------------------------------------------------------------------------------


@dataclass
class Portal:
    """A portal's pages that the tests open: an index of reports, a report, an index of events."""

    home: object
    reports: object
    report: object
    events: object

    def document(self, symbol):
        """The register's document with this symbol, in the portal's language."""
        from wagtail_dangvu.models import PartyDocument

        return PartyDocument.objects.get(symbol=symbol, locale=self.home.locale)


@dataclass
class Demo(Portal):
    """The demo content's pages, found by their slugs (ids differ from test to test)."""

    register: object
    seminar: object
    stories: object
    story: object
    dashboard: object

    def translation(self, page, language_code="en"):
        return page.get_translations().get(locale__language_code=language_code)


@pytest.fixture
def demo(live_server):
    """``manage.py dangvu_demo`` in the live server's (transactional) database."""
    from wagtail.models import Site

    from wagtail_dangvu.models import (
        DanVanKheoIndexPage,
        DanVanKheoStoryPage,
        DirectiveReportIndexPage,
        DirectiveReportPage,
        DocumentRegisterPage,
        SeminarEventIndexPage,
        SeminarEventPage,
        StatisticsDashboardPage,
    )

    call_command("dangvu_demo", stdout=StringIO())
    # The rate limit counts votes per address in the cache; every reader here is 127.0.0.1.
    cache.clear()
    home = Site.objects.get(is_default_site=True).root_page.specific

    def find(model, slug):
        # The demo translates some pages into English: same slug, another locale; and its
        # communes have indexes of the same slugs below the province's.
        return model.objects.filter(slug=slug, locale=home.locale).order_by("depth").first()

    return Demo(
        home=home,
        register=find(DocumentRegisterPage, "van-ban"),
        reports=find(DirectiveReportIndexPage, "bao-cao"),
        report=find(DirectiveReportPage, "long-binh-01-nam-thuc-hien-ket-luan-21"),
        events=find(SeminarEventIndexPage, "su-kien"),
        seminar=find(SeminarEventPage, "toa-dam-giai-phap-thuc-hien-ket-luan-21"),
        stories=find(DanVanKheoIndexPage, "dan-van-kheo"),
        story=find(DanVanKheoStoryPage, "tuyen-duong-hoa-nong-thon-moi-ap-long-hoa"),
        dashboard=find(StatisticsDashboardPage, "thong-ke"),
    )


@pytest.fixture
def portal(live_server):
    """A report of Long Bình rated 21 points from 5 votes (as the old portal left it) under
    a report index, an event index, the register, and a classified report in it."""
    from wagtail.models import Site

    from tests.factories import (
        make_document,
        make_event_index,
        make_register,
        make_report,
        make_report_index,
    )
    from wagtail_dangvu.models import Circulation, SecrecyLevel
    from wagtail_dangvu.ratings.models import Rating

    home = Site.objects.get(is_default_site=True).root_page.specific
    make_register(home)
    conclusion = make_document("21-KL/TW", term="XIII")
    make_document(
        "09-BC/ĐU",
        type_name="Báo cáo",
        issuer_name="Ban Thường vụ Đảng ủy xã Long Bình",
        issue_date=datetime.date(2022, 11, 20),
        summary="Báo cáo kết quả kiểm tra, giám sát nội bộ năm 2022.",
        secrecy=SecrecyLevel.SECRET,
        circulation=Circulation.INTERNAL,
    )
    reports = make_report_index(home)
    report = make_report(
        reports,
        title="Xã Long Bình qua 01 năm thực hiện Kết luận số 21-KL/TW",
        slug="long-binh-01-nam-thuc-hien-ket-luan-21",
        documents=[conclusion],
    )
    Rating.objects.import_counters(report, total=21, count=5)
    # The rate limit counts votes per address in the cache; every reader here is 127.0.0.1.
    cache.clear()
    return Portal(home=home, reports=reports, report=report, events=make_event_index(home))


@pytest.fixture
def editor(live_server):
    """A superuser whose Wagtail admin speaks Vietnamese, and their password."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    password = "bien-tap-vien"
    user = get_user_model().objects.create_superuser(
        username="bientap", email="bientap@example.com", password=password
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    return user, password


@pytest.fixture
def sign_in(editor):
    """Sign the editor in through the admin's login form, in ``page``."""
    user, password = editor

    def sign_in(page):
        page.goto("/admin/login/")
        page.locator("input[name=username]").fill(user.username)
        page.locator("input[name=password]").fill(password)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(re.compile(r"/admin/$"))
        return page

    return sign_in


@pytest.fixture(scope="session")
def screenshots_dir():
    """``screenshots/`` at the root of the repository, made if need be."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
