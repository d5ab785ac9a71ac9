"""Pages that read right (#15 part 5): symbols kept on one line, the portal named in the
home page's title, Open Graph locales a reader's platform understands."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from wagtail.models import Locale

from tests.factories import (
    make_dashboard,
    make_document,
    make_event,
    make_event_index,
    make_news,
    make_news_index,
    make_register,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
    paragraph,
)
from wagtail_dangvu.search import search_portal
from wagtail_dangvu.templatetags.dangvu import og_locale

pytestmark = pytest.mark.django_db


def test_a_symbol_in_an_article_never_breaks_across_lines(client, home):
    make_register(home)
    make_document()
    news = make_news(
        make_news_index(home),
        body=[paragraph("<p>Thực hiện Kết luận 21-KL/TW và Chỉ thị 05-CT/TW.</p>")],
    )
    html = client.get(news.url).content.decode()
    assert re.search(r'<a class="dangvu-symbol" href="[^"]+">21-KL/TW</a>', html)
    assert '<span class="dangvu-symbol">05-CT/TW</span>' in html
    css = Path(finders.find("wagtail_dangvu/dangvu.css")).read_text(encoding="utf-8")
    assert re.search(r"\.dangvu-symbol \{[^}]*white-space: nowrap", css)


def test_a_documents_own_page_keeps_its_symbol_whole(client, home):
    register = make_register(home)
    document = make_document()
    html = client.get(f"{register.url}{document.pk}/").content.decode()
    assert '<dd><span class="dangvu-symbol">21-KL/TW</span></dd>' in html


def test_the_home_pages_title_names_the_portal(client, home):
    html = client.get(home.url).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith("Cổng thông tin điện tử ") and home.title in title


def test_og_locale_is_language_and_territory(client, home):
    news = make_news(make_news_index(home), title="Tin")
    html = client.get(news.url).content.decode()
    assert '<meta property="og:locale" content="vi_VN">' in html
    assert og_locale("en") == "en_US" and og_locale("en-gb") == "en_GB"


@pytest.mark.parametrize(
    ("query", "kind"),
    [("dan van kheo", "story"), ("bao cao so ket", "report"), ("toa dam", "event")],
)
def test_a_types_name_finds_its_articles_only(home, query, kind):
    pages = {
        "story": make_story(make_story_index(home), title="Nhóm Zalo khu phố"),
        "report": make_report(make_report_index(home), title="Kết quả sáu tháng"),
        "event": make_event(make_event_index(home), title="Gặp mặt đảng viên trẻ"),
        "news": make_news(make_news_index(home), title="Tin hoạt động"),
    }
    found = {page.pk for page in search_portal(query, locale=Locale.get_default()).pages}
    # The type's articles, not the others' (an index titled with the type's name may show).
    assert found & {page.pk for page in pages.values()} == {pages[kind].pk}


def test_the_articles_that_mention_a_document_are_articles_only(client, home):
    register = make_register(home)
    document = make_document()
    news = make_news(make_news_index(home), title="Quán triệt Kết luận 21-KL/TW")
    dashboard = make_dashboard(home, title="Thống kê thực hiện Kết luận 21-KL/TW")
    html = client.get(f"{register.url}{document.pk}/").content.decode()
    section = html.split("Bài viết nhắc đến văn bản này", 1)[1].split("</section>", 1)[0]
    assert news.title in section
    assert dashboard.title not in section
