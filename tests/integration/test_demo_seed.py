"""The demo shows the seed article (Long Bình, 03/12/2022) as what it is: a news article by
its web editor, in its own words, with only its own facts; what the demo adds says
"minh họa" on the page and names no real person.

Each test reads the rendered pages' text, as a reader would."""

import io
import re
from html import unescape

import pytest
from django.core.management import call_command

from wagtail_dangvu.models import DirectiveReportPage, NewsArticlePage, SeminarEventPage

pytestmark = pytest.mark.django_db

SEED_SLUG = "xa-long-binh-qua-01-nam-thuc-hien-ket-luan-21"
SEMINAR_SLUG = "toa-dam-giai-phap-thuc-hien-ket-luan-21"

# The article's facts, as it writes them.
FACTS = (
    "đã đặt ra 08 nhiệm vụ trọng tâm",
    "Kế hoạch 44-KH/HU ngày 14/3/2022",
    "Kế hoạch 25 -KH/ĐU ngày 18/3/2022",
    "thực hiện ở 100% chi bộ, cơ quan, đơn vị",
    "14 chi bộ trực thuộc",
    "01 đảng viên mức 03, 01 đảng viên mức 4 năm 2021",
    "phát triển đảng viên trong năm đạt 115%",
    "thực hiện 14 cuộc kiểm tra, giám sát",
    "được 126 cuộc",
    "đạt 10 mô hình dân vận khéo",
    "có 16 ý kiến phát biểu tham luận",
    "08 nội dung ưu điểm; 06 hạn chế; 05 kiến nghị - đề xuất và 06 giải pháp",
    "đồng chí Đặng Hoàng Thọ - Phó Bí thư Thường trực Đảng ủy xã đã thông qua báo cáo đề dẫn",
)


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("dangvu_demo", stdout=io.StringIO())


def text_of(client, page) -> str:
    """The page's visible text, its tags removed and its spaces collapsed."""
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def seed(locale="vi"):
    return NewsArticlePage.objects.get(locale__language_code=locale, slug=SEED_SLUG)


def seminar():
    return SeminarEventPage.objects.get(locale__language_code="vi", slug=SEMINAR_SLUG)


def test_the_seed_article_is_a_news_article_by_its_web_editor_with_its_own_facts(client, demo):
    article = seed()
    text = text_of(client, article)
    assert article.title.startswith("Xã Long Bình qua 01 năm thực hiện kết luận số 21-KL/TW")
    assert "Thứ bảy - 03/12/2022 07:43" in text
    assert "Huỳnh Thị Diễm Trinh" in text
    for fact in FACTS:
        assert " ".join(fact.split()) in text, fact
    # In the article's order: strengths, limitations, recommendations, then solutions.
    order = [text.index(word) for word in ("ưu điểm", "06 hạn chế", "05 kiến nghị", "06 giải")]
    assert order == sorted(order)


def test_the_seed_article_never_says_tho_chaired(client, demo):
    for page in (seed(), seminar()):
        text = text_of(client, page)
        assert "Đặng Hoàng Thọ" in text
        assert "chủ trì" not in text.lower(), page.url
        assert "Chaired by" not in text


def test_the_photo_is_an_illustration_under_the_articles_caption(client, demo):
    article = seed()
    assert article.image is not None
    html = client.get(article.url).content.decode()
    figure = html[html.index('<figure class="dangvu-article__image">') :]
    figure = figure[: figure.index("</figure>")]
    caption = unescape(re.search(r"<figcaption>(.*?)</figcaption>", figure, re.S)[1])
    assert "Đồng chí Bí thư Đảng ủy xã phát biểu tổng kết buổi tọa đàm" in caption
    assert "Ảnh minh họa" in caption


def test_the_article_and_the_seminar_link_to_each_other(client, demo):
    article, event = seed(), seminar()
    assert f'href="{event.url}"' in client.get(article.url).content.decode()
    assert f'href="{article.url}"' in client.get(event.url).content.decode()


def test_what_the_demo_adds_says_minh_hoa_and_names_no_real_person(client, demo):
    event = seminar()
    assert "minh họa" in text_of(client, event)
    html = client.get(event.url).content.decode()
    added = html[html.index('class="dangvu-event__contributions"') :]
    added = added[: added.index("dangvu-article__footer")]  # contributions and conclusions
    assert "dangvu-article__findings" in added
    for name in ("Nguyễn Thị Kim Ngọc", "Đặng Hoàng Thọ", "Huỳnh Thị Diễm Trinh"):
        assert name not in added, name
    report = DirectiveReportPage.objects.get(locale__language_code="vi", slug__startswith="long")
    report_text = text_of(client, report)
    assert "minh họa" in report_text
    assert "Huỳnh Thị Diễm Trinh" not in report_text
    # The plan that set the 08 key tasks is the district's, as the article says.
    assert "44-KH/HU" in report_text[: report_text.index("08 nhiệm vụ trọng tâm")]
