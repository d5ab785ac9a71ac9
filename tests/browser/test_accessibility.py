"""axe-core (WCAG 2.0 and 2.1, levels A and AA) finds nothing on any page a reader sees.

Readers are anonymous here, as on the portal: Wagtail's userbar, which only signed-in
editors get, is not on these pages. Each page is checked at a phone's and at a desktop's
width, since the layout differs (what overflows and scrolls, what wraps), and so is the
rating widget once a reader has voted. All of it in one test, on one build of the demo:
the failure lists every violation of every page, rule by rule, with the elements.
"""

from playwright.sync_api import expect

from tests.browser.axe import describe_violations, run_axe
from tests.browser.chromium import DESKTOP, PHONE, browser_test

pytestmark = browser_test

# What a reader can open, by name: a function of the demo giving the page's address.
PAGES = {
    "home": lambda demo: demo.home.url,
    "register": lambda demo: demo.register.url,
    "register-search": lambda demo: f"{demo.register.url}?q=21-KL%2FTW&year=2021",
    "document": lambda demo: f"{demo.register.url}{demo.document('21-KL/TW').pk}/",
    "report-index-filtered": lambda demo: f"{demo.reports.url}?year=2022",
    "report": lambda demo: demo.report.url,
    "report-en": lambda demo: demo.translation(demo.report).url,
    "event-index-filtered": lambda demo: f"{demo.events.url}?kind=seminar&year=2022",
    "event-index-upcoming": lambda demo: f"{demo.events.url}?when=upcoming",
    "event": lambda demo: demo.seminar.url,
    "story-index-filtered": lambda demo: f"{demo.stories.url}?field=kinh-te&kind=collective",
    "story": lambda demo: demo.story.url,
    "story-en": lambda demo: demo.translation(demo.story).url,
    "dashboard": lambda demo: demo.dashboard.url,
    "search": lambda demo: "/tim-kiem/?q=ket+luan+21",
    "vote-page-no-js": lambda demo: f"/dangvu/ratings/{demo.report.pk}/vote/",
    "bad-filter-400": lambda demo: f"{demo.stories.url}?year=abc",
}

MISSING_REFERENCES = """
[...document.querySelectorAll("[aria-describedby], [aria-labelledby], [aria-controls]")]
  .flatMap(element => ["aria-describedby", "aria-labelledby", "aria-controls"]
    .flatMap(name => (element.getAttribute(name) || "").split(/\\s+/).filter(Boolean)
      .filter(id => !document.getElementById(id))
      .map(id => `${element.tagName.toLowerCase()}[${name}=${id}]`)))
"""

# Pages whose charts (server-drawn SVG with their table of figures) must be there to check.
# The dashboard ranks the demo province's communes in one chart (horizontal bars).
CHARTS = {"report": 1, "dashboard": 1}


def test_no_violations_on_any_page_at_phone_and_desktop_width(demo, new_context):
    found = []

    def check(page, label):
        violations = run_axe(page)
        if violations:
            found.append(f"{label} ({page.url}):\n{describe_violations(violations)}")

    for width, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = new_context(viewport=viewport).new_page()
        for name, address in PAGES.items():
            response = page.goto(address(demo))
            expected = 400 if name == "bad-filter-400" else 200
            assert response.status == expected, f"{name}: {response.status} at {page.url}"
            # The stylesheets loaded: contrast is judged on the portal's real colours.
            assert page.evaluate("[...document.styleSheets].every(s => s.cssRules.length)")
            if name in CHARTS:
                assert page.locator(".dangvu-chart svg").count() >= CHARTS[name], name
            check(page, f"{name}, {width}")
            # axe only "needs review" when aria-describedby names a missing element.
            missing = page.evaluate(MISSING_REFERENCES)
            assert not missing, f"{name}: ARIA references to no element: {missing}"

        # The rating widget, enhanced by rating.js, after a vote (a reader of each width
        # votes once: each context is a reader of its own).
        page.goto(demo.report.url)
        widget = page.locator(".dangvu-rating.is-enhanced")
        widget.locator("label.dangvu-rating__star").nth(3).click()
        expect(widget.locator("[role=status]")).to_contain_text("đánh giá")
        check(page, f"rating widget after a vote, {width}")
        # And with the keyboard in the stars, where the "Rate" button shows.
        widget.locator("input[name=score]").nth(3).focus()
        check(page, f"rating widget with the keyboard in the stars, {width}")

    assert not found, "axe found violations:\n\n" + "\n\n".join(found)
