"""Readers rate a report (21 points from 5 votes, as the old portal left it) as they would
on the portal: one with the mouse, another with the keyboard alone, a third without
JavaScript, each in a browser of their own, and each tries a second time. The lines are
the portal's."""

import re

from playwright.sync_api import expect

from tests.browser.chromium import browser_test

pytestmark = browser_test

ALREADY_RATED = "Bạn đã đánh giá bài viết này rồi"
THANKS = "Cảm ơn bạn đã đánh giá bài viết"


def summary(total, count):
    return f"Tổng số điểm của bài viết là: {total} trong {count} đánh giá"


def ranking(average, count):
    return f"Xếp hạng: {average} - {count} phiếu bầu"


def open_widget(page, report):
    """The report, with the widget enhanced by rating.js (the stars a radio group)."""
    page.goto(report.url)
    widget = page.locator(".dangvu-rating")
    expect(widget).to_have_class(re.compile(r"\bis-enhanced\b"))
    return widget


def watch_errors(page, errors):
    """Collect the page's uncaught JavaScript errors into ``errors``."""
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    return page


def api_state(context, report):
    response = context.request.get(
        f"/dangvu/ratings/{report.pk}/", headers={"Accept": "application/json"}
    )
    assert response.ok, response.status
    return response.json()


def test_readers_vote_with_the_mouse_with_the_keyboard_and_without_javascript(portal, new_context):
    from wagtail_dangvu.ratings.models import Rating

    errors = []
    # The first reader clicks the fourth star.
    mouse = watch_errors(new_context().new_page(), errors)
    widget = open_widget(mouse, portal.report)
    expect(widget.locator(".dangvu-rating__summary")).to_have_text(summary(21, 5))
    expect(widget.locator(".dangvu-rating__ranking")).to_have_text(ranking("4.2", 5))
    star = widget.locator("label.dangvu-rating__star").nth(3)
    expect(star).to_have_attribute("title", "Bài viết tốt")
    star.hover()
    expect(widget.locator("label.dangvu-rating__star.is-lit")).to_have_count(4)
    star.click()
    # The line updates in place, and the status region says so.
    expect(widget.locator(".dangvu-rating__summary")).to_have_text(summary(25, 6))
    expect(widget.locator(".dangvu-rating__ranking")).to_have_text(ranking("4.2", 6))
    expect(widget.locator("[role=status]")).to_have_text(f"{THANKS}. {summary(25, 6)}")
    assert mouse.url.endswith(portal.report.url)  # no page load

    # A second click is a repeat vote: refused, and nothing counted. (The voted widget's
    # fieldset is aria-disabled, which Playwright honours; a reader's mouse does not.)
    widget.locator("label.dangvu-rating__star").nth(4).click(force=True)
    expect(widget.locator("[role=status]")).to_have_text(ALREADY_RATED)
    # So it is after a reload: the widget knows this reader has voted, and so does the server.
    widget = open_widget(mouse, portal.report)
    expect(widget).to_have_class(re.compile(r"\bis-voted\b"))
    expect(widget.locator("input[name=score]").nth(3)).to_be_checked()
    widget.locator("label.dangvu-rating__star").nth(0).click(force=True)
    expect(widget.locator("[role=status]")).to_have_text(ALREADY_RATED)
    state = api_state(mouse.context, portal.report)
    assert (state["total"], state["count"], state["voted"], state["score"]) == (25, 6, True, 4)

    # Another reader, in a browser of their own, uses the keyboard alone: Tab to the stars,
    # arrows to choose, Enter to vote.
    keyboard = watch_errors(new_context().new_page(), errors)
    widget = open_widget(keyboard, portal.report)
    expect(widget.locator(".dangvu-rating__summary")).to_have_text(summary(25, 6))
    for _ in range(200):
        keyboard.keyboard.press("Tab")
        if keyboard.evaluate("document.activeElement.matches('.dangvu-rating input[name=score]')"):
            break
    else:
        raise AssertionError("Tab never reached the stars")
    inputs = widget.locator("input[name=score]")
    expect(inputs.nth(0)).to_be_focused()
    # The "Rate" button shows while the keyboard is in the stars.
    submit = widget.locator(".dangvu-rating__submit")
    assert submit.bounding_box()["width"] > 10
    for _ in range(4):
        keyboard.keyboard.press("ArrowRight")
    expect(inputs.nth(4)).to_be_focused()
    expect(inputs.nth(4)).to_be_checked()
    expect(widget.locator("label.dangvu-rating__star.is-lit")).to_have_count(5)
    keyboard.keyboard.press("Enter")
    expect(widget.locator(".dangvu-rating__summary")).to_have_text(summary(30, 7))
    expect(widget.locator(".dangvu-rating__ranking")).to_have_text(ranking("4.3", 7))
    expect(widget.locator("[role=status]")).to_have_text(f"{THANKS}. {summary(30, 7)}")

    # Again, from the "Rate" button with Space: a repeat vote.
    keyboard.keyboard.press("Tab")
    expect(submit).to_be_focused()
    keyboard.keyboard.press("Space")
    expect(widget.locator("[role=status]")).to_have_text(ALREADY_RATED)

    state = api_state(keyboard.context, portal.report)
    assert (state["total"], state["count"], state["score"]) == (30, 7, 5)

    # A third reader has JavaScript off.
    context = new_context(javascript=False)
    page = context.new_page()
    page.goto(portal.report.url)
    widget = page.locator(".dangvu-rating")
    expect(widget).not_to_have_class(re.compile(r"\bis-enhanced\b"))
    expect(widget.locator(".dangvu-rating__summary")).to_have_text(summary(30, 7))
    # Each star is a link to the rating page, with its choice made.
    widget.locator("a.dangvu-rating__star").nth(3).click()
    page.wait_for_url(re.compile(rf"/dangvu/ratings/{portal.report.pk}/vote/\?score=4$"))
    form = page.locator("form.dangvu-rating-page__form")
    expect(form.locator("input[name=score][value='4']")).to_be_checked()
    form.get_by_role("button", name="Đánh giá").click()

    # Back on the article, at its stars, with the portal's line counting the vote.
    page.wait_for_url(
        re.compile(rf"{re.escape(portal.report.url)}#dangvu-rating-{portal.report.pk}$")
    )
    expect(page.locator(".messages")).to_contain_text(THANKS)
    expect(widget.locator(".dangvu-rating__summary")).to_have_text(summary(34, 8))
    # 34 / 8 = 4.25, rounded half up as the portal does.
    expect(widget.locator(".dangvu-rating__ranking")).to_have_text(ranking("4.3", 8))
    state = api_state(context, portal.report)
    assert (state["total"], state["count"], state["voted"], state["score"]) == (34, 8, True, 4)

    # A second try: the rating page says the reader has rated already, and offers no form.
    page.goto(f"/dangvu/ratings/{portal.report.pk}/vote/?score=1")
    expect(page.locator(".dangvu-rating-page__voted")).to_have_text(ALREADY_RATED)
    expect(page.locator("form.dangvu-rating-page__form")).to_have_count(0)
    assert api_state(context, portal.report)["count"] == 8

    # Three votes, and only them, were recorded; and no script failed on the way.
    rating = Rating.objects.for_page(portal.report).get()
    assert rating.votes.count() == 3
    assert not errors
