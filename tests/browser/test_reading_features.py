"""A reader opens the demo report in Chromium: reading.js counts the view and shows the new
total, a second visit the same day does not count again, and the copy button copies the
address and says so. Without JavaScript the address is a field to select."""

import re

from playwright.sync_api import expect

from tests.browser.chromium import browser_test

pytestmark = browser_test


def test_the_view_counter_moves_once_a_day_and_the_link_is_copied(demo, new_context, live_server):
    from wagtail_dangvu.models import ArticleViewCount

    ArticleViewCount.objects.import_total(demo.report, 1234)
    errors = []
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    reader = context.new_page()
    reader.on("pageerror", lambda error: errors.append(str(error)))

    reader.goto(demo.report.url)
    views = reader.locator(".dangvu-views")
    expect(views).to_have_text("Lượt xem: 1.235")
    assert ArticleViewCount.objects.get(page=demo.report).total == 1235

    reader.reload()
    expect(views).to_have_text("Lượt xem: 1.235")  # rendered 1.235, and not counted again
    reader.wait_for_load_state("networkidle")
    assert ArticleViewCount.objects.get(page=demo.report).total == 1235

    share = reader.locator(".dangvu-share")
    expect(share.locator(".dangvu-share__url")).to_be_hidden()
    share.get_by_role("button", name="Sao chép liên kết").click()
    expect(share.get_by_role("status")).to_have_text("Đã sao chép liên kết")
    copied = reader.evaluate("navigator.clipboard.readText()")
    assert copied == demo.report.full_url  # the address of the site, as the share links use
    assert errors == []

    # Another reader, without JavaScript: the address to select, no button, no count.
    plain = new_context(javascript=False).new_page()
    plain.goto(demo.report.url)
    expect(plain.locator(".dangvu-share__url")).to_have_value(re.compile(r"/long-binh-01-"))
    expect(plain.get_by_role("button", name="Sao chép liên kết")).to_be_hidden()
    expect(plain.locator(".dangvu-views")).to_have_text("Lượt xem: 1.235")
    assert ArticleViewCount.objects.get(page=demo.report).total == 1235


def test_the_print_view_is_the_article_alone(demo, page):
    page.goto(demo.report.url + "print/")

    expect(page.locator("h1")).to_have_text(demo.report.title)
    expect(page.locator(".site-header")).to_have_count(0)
    expect(page.locator(".dangvu-rating")).to_have_count(0)
    page.emulate_media(media="print")
    link = page.locator(".dangvu-article a[href]").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after
