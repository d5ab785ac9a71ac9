"""What a reader finds under every article, on every article type: the print view (the
article alone, for paper) and the share bar (Facebook, Zalo, copy the link).
"""

import html
import re
from urllib.parse import quote

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import make_news

pytestmark = pytest.mark.django_db

KINDS = ["report", "event", "story", "news"]


# The print view -----------------------------------------------------------------------------

TYPE_CLASS = {
    "report": "dangvu-report",
    "event": "dangvu-event",
    "story": "dangvu-story",
    "news": "dangvu-news-article",
}


@pytest.mark.parametrize("kind", KINDS)
def test_the_print_view_shows_the_article_alone_with_the_portal_and_its_address(
    client, site, articles, kind
):
    page = articles[kind]
    site.site_name = "Cổng thông tin Đảng bộ xã Long Bình"
    site.save()

    response = client.get(page.url + "print/")

    assert response.status_code == 200
    text = response.content.decode()
    # The article as its own page shows it: its type's content, title, dateline, summary.
    assert f'<article class="dangvu-article {TYPE_CLASS[kind]}">' in text
    assert f"<h1>{page.title}</h1>" in text
    assert 'class="dangvu-dateline"' in text
    assert page.summary in text
    # The portal's name and the article's full address, not indexed by search engines.
    assert "Cổng thông tin Đảng bộ xã Long Bình" in text
    assert f"http://localhost{page.url}" in text
    assert '<meta name="robots" content="noindex">' in text
    assert "wagtail_dangvu/print.css" in text
    # Nothing of the portal's page around it, nor what follows the article.
    for absent in (
        "site-header",
        "site-footer",
        "<nav",
        "dangvu-rating",
        "dangvu-share",
        "dangvu-views",
        "reading.js",
    ):
        assert absent not in text, absent


def test_the_print_view_names_the_portal_by_its_home_page_without_a_site_name(
    client, site, articles
):
    site.site_name = ""
    site.save()

    text = client.get(articles["news"].url + "print/").content.decode()

    assert f'<p class="dangvu-print__portal">{html.escape(site.root_page.title)}</p>' in text


def test_the_print_view_of_a_draft_or_private_article_is_not_served(client, home, articles):
    draft = make_news(articles["news"].get_parent(), title="Bản nháp", publish_it=False)
    assert client.get(f"{articles['news'].get_parent().url}{draft.slug}/print/").status_code == 404

    report = articles["report"]
    PageViewRestriction.objects.create(page=report, restriction_type="login")
    response = client.get(report.url + "print/")
    assert response.status_code == 302 and "login" in response["Location"]

    story = articles["story"]
    PageViewRestriction.objects.create(page=story, restriction_type="password", password="mk")
    response = client.get(story.url + "print/")
    assert "Mô hình hay" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_the_event_keeps_its_calendar_route(client, articles):
    response = client.get(articles["event"].url + "ical/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")


# The share bar ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_the_share_bar_links_the_articles_full_address(client, articles, kind):
    page = articles[kind]
    full_url = f"http://localhost{page.url}"

    text = client.get(page.url).content.decode()

    bar = re.search(r'<section class="dangvu-share".*?</section>', text, re.S).group(0)
    encoded = quote(full_url, safe="")
    assert (
        f'href="https://www.facebook.com/sharer/sharer.php?u={encoded}" target="_blank"'
        ' rel="noopener">Facebook</a>' in bar
    )
    assert (
        f'href="https://sp.zalo.me/share_inline?url={encoded}" target="_blank"'
        ' rel="noopener">Zalo</a>' in bar
    )
    # The copy button waits for reading.js; without it, the address is there to select.
    assert re.search(r"<button[^>]*data-dangvu-copy hidden>Sao chép liên kết</button>", bar)
    assert f'readonly value="{full_url}"' in bar
    assert f'href="{page.url}print/" rel="nofollow">Bản in</a>' in bar
    assert 'data-copied="Đã sao chép liên kết"' in bar
    assert 'aria-live="polite"' in bar
    assert "onclick" not in text and "<script>" not in text


def test_share_addresses_are_encoded_and_escaped(articles):
    page = articles["news"]
    # An address with characters that mean something in a query string or in HTML.
    page.get_full_url = lambda request=None: 'http://localhost/tin-tuc/a?b=1&c="d"/'
    links = page.reading_context(None)
    assert links["facebook"].endswith(
        "?u=http%3A%2F%2Flocalhost%2Ftin-tuc%2Fa%3Fb%3D1%26c%3D%22d%22%2F"
    )
    assert links["zalo"].endswith(
        "?url=http%3A%2F%2Flocalhost%2Ftin-tuc%2Fa%3Fb%3D1%26c%3D%22d%22%2F"
    )
