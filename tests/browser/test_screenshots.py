"""Full-page screenshots of the demo's pages at a phone's and a desktop's width.

Written to ``screenshots/`` at the root of the repository (ignored by git) on every run,
for reviewers, the README and release notes: ``report-phone.png``, ``report-desktop.png``…
The test also checks what a reader would notice first on a phone: nothing is wider than
the screen (no sideways scrolling of the page, WCAG 1.4.10 Reflow).
"""

from tests.browser.chromium import DESKTOP, PHONE, browser_test

pytestmark = browser_test

# name -> address; written as <name>-phone.png and <name>-desktop.png
SHOTS = {
    "home": lambda demo: demo.home.url,
    "report": lambda demo: demo.report.url,
    "seminar": lambda demo: demo.seminar.url,
    "story": lambda demo: demo.story.url,
    "register": lambda demo: demo.register.url,
    "dashboard": lambda demo: demo.dashboard.url,
    "reports": lambda demo: demo.reports.url,
    "events": lambda demo: demo.events.url,
    "stories": lambda demo: demo.stories.url,
    "document": lambda demo: demo.register.document_url(demo.document("21-KL/TW")),
    "search": lambda demo: "/tim-kiem/?q=bao+cao+so+ket",
    # The English versions of the page types the demo translates.
    "report-en": lambda demo: demo.translation(demo.report).url,
    "seminar-en": lambda demo: demo.translation(demo.seminar).url,
    "story-en": lambda demo: demo.translation(demo.story).url,
    "home-en": lambda demo: demo.translation(demo.home).url,
}


def test_screenshots_at_phone_and_desktop_width(demo, new_context, screenshots_dir):
    too_wide = []
    for width, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = new_context(viewport=viewport).new_page()
        for name, address in SHOTS.items():
            page.goto(address(demo))
            if name in ("report", "seminar", "story", "report-en", "seminar-en", "story-en"):
                # The stars as rating.js leaves them, with the rating line, in the picture.
                page.locator(".dangvu-rating.is-enhanced").wait_for()
            target = screenshots_dir / f"{name}-{width}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000, target
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > viewport["width"]:
                too_wide.append(f"{name} at {width} width: {scroll_width}px")
    assert not too_wide, f"pages wider than the screen: {too_wide}"
