"""The front page: its lists as blocks and template tags, on the example portal's home."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from tests.factories import (
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
    publish,
)
from tests.queries import count_queries
from wagtail_dangvu.frontpage.blocks import FeaturedArticlesBlock, FrontPageBlock
from wagtail_dangvu.models import ArticleViewCount, SecrecyLevel
from wagtail_dangvu.ratings.models import Rating

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>alert(1)</script>"'


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def section(html, modifier):
    """The HTML of the front page list ``dangvu-front--<modifier>`` (or the plain list)."""
    found = re.search(
        rf'<section class="dangvu-front{" dangvu-front--" + modifier if modifier else ""}">'
        r"(.*?)</section>",
        html,
        re.S,
    )
    return found.group(1) if found else ""


def titles_in(fragment):
    return re.findall(r'<h3 class="dangvu-front__title"><a href="[^"]*">([^<]*)</a>', fragment)


@pytest.fixture
def portal(home):
    """A portal with news (a section and a sub-section), a report, events, a story, and
    documents, some of which a reader must never see on the front page."""
    news = make_news_index(home)
    local = make_news_index(news, slug="co-so", title="Hoạt động cơ sở")
    reports = make_report_index(home)
    events = make_event_index(home)
    stories = make_story_index(home)
    make_register(home)
    make_news(news, title="Tin cũ", first_published_at=ago(40))
    make_news(local, title="Tin cơ sở", first_published_at=ago(3))
    make_news(news, title="Tin nháp", publish_it=False)
    private = make_news(news, title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_report(reports, title="Báo cáo mới", first_published_at=ago(1))
    make_event(
        events,
        title="Hội nghị sắp tới",
        start_date=timezone.localdate() + datetime.timedelta(days=5),
    )
    make_event(events, title="Hội nghị đã qua", start_date=datetime.date(2022, 12, 2))
    make_story(stories, title="Tuyến đường hoa")
    make_document("21-KL/TW", issue_date=datetime.date(2021, 10, 25))
    make_document("25-KH/ĐU", issue_date=datetime.date(2022, 1, 10))
    make_document("99-KL/TW", issue_date=datetime.date(2023, 1, 1), secrecy=SecrecyLevel.SECRET)
    return {"news": news, "local": local, "reports": reports, "events": events, "stories": stories}


class TestTheDefaultFrontPage:
    def test_it_shows_every_list_and_nothing_a_reader_may_not_see(self, client, home, portal):
        html = client.get(home.url).content.decode()
        # Newest first, every article type: the story and events were published last.
        assert titles_in(section(html, "")) == [
            "Tuyến đường hoa",
            "Hội nghị đã qua",
            "Hội nghị sắp tới",
            "Báo cáo mới",
            "Tin cơ sở",
            "Tin cũ",
        ]
        for hidden in ("Tin nháp", "Tin nội bộ"):
            assert hidden not in html
        assert titles_in(section(html, "events")) == ["Hội nghị sắp tới"]
        assert titles_in(section(html, "stories")) == ["Tuyến đường hoa"]
        documents = section(html, "documents")
        assert "25-KH/ĐU" in documents and "21-KL/TW" in documents
        assert documents.index("25-KH/ĐU") < documents.index("21-KL/TW")
        assert "99-KL/TW" not in html

    def test_hostile_titles_stay_text(self, client, home, portal):
        make_news(portal["news"], title=HOSTILE, summary=HOSTILE)
        html = client.get(home.url).content.decode()
        assert "<script>alert(1)" not in html
        assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;" in html

    def test_an_english_front_page_lists_english_articles(self, client, home, portal, locale_en):
        english_home = home.copy_for_translation(locale_en)
        publish(english_home)
        html = client.get(english_home.url).content.decode()
        assert "Tin cơ sở" not in html and "Báo cáo mới" not in html


class TestBestRated:
    def test_articles_of_the_last_30_days_by_average_then_votes(self, client, home, portal):
        news = portal["news"]
        top = make_news(news, title="Năm sao", first_published_at=ago(2))
        many = make_news(news, title="Bốn sao nhiều phiếu", first_published_at=ago(2))
        few = make_news(news, title="Bốn sao ít phiếu", first_published_at=ago(2))
        old = make_news(news, title="Bài cũ được chấm", first_published_at=ago(45))
        for page, total, count in ((top, 10, 2), (many, 40, 10), (few, 8, 2), (old, 50, 10)):
            Rating.objects.import_counters(page, total=total, count=count)
        html = client.get(home.url).content.decode()
        with translation.override("vi"):
            heading = gettext("Best rated")
        best = re.search(
            rf'<h2 class="dangvu-front__heading">{heading}</h2>(.*?)</section>',
            html,
            re.S,
        )
        assert titles_in(best.group(1)) == ["Năm sao", "Bốn sao nhiều phiếu", "Bốn sao ít phiếu"]


class TestMostRead:
    def test_articles_of_the_last_30_days_by_views(self, client, home, portal):
        news = portal["news"]
        for title, views, days in (
            ("Đọc nhiều", 1500, 2),
            ("Đọc ít", 20, 2),
            ("Chưa ai đọc", 0, 2),
            ("Bài cũ đọc nhiều", 9000, 45),
        ):
            page = make_news(news, title=title, first_published_at=ago(days))
            if views:
                ArticleViewCount.objects.import_total(page, views)
        html = client.get(home.url).content.decode()
        with translation.override("vi"):
            heading = gettext("Most read")
        most = re.search(
            rf'<h2 class="dangvu-front__heading">{heading}</h2>(.*?)</section>', html, re.S
        ).group(1)
        assert titles_in(most) == ["Đọc nhiều", "Đọc ít"]
        assert "Lượt xem: 1.500" in most


class TestBlocks:
    def test_featured_articles_keep_the_editors_order_and_drop_what_is_not_live(
        self, client, home, portal
    ):
        first = make_news(portal["news"], title="Nổi bật 1")
        second = make_report(portal["reports"], title="Nổi bật 2")
        draft = make_news(portal["news"], title="Nổi bật nháp", publish_it=False)
        home.body = [("featured", {"heading": "", "articles": [second, draft, first]})]
        publish(home)
        html = client.get(home.url).content.decode()
        assert titles_in(section(html, "featured")) == ["Nổi bật 2", "Nổi bật 1"]

    def test_only_articles_can_be_featured(self, portal):
        block = FeaturedArticlesBlock()
        value = block.to_python({"heading": "", "articles": [portal["news"].pk]})
        with pytest.raises(StructBlockValidationError) as raised:
            block.clean(value)
        assert "articles" in raised.value.block_errors

    def test_latest_of_chosen_indexes_includes_their_sub_sections(self, client, home, portal):
        home.body = [("latest", {"heading": "Tin tức", "count": 5, "indexes": [portal["news"]]})]
        publish(home)
        html = client.get(home.url).content.decode()
        assert titles_in(section(html, "")) == ["Tin cơ sở", "Tin cũ"]
        assert '<h2 class="dangvu-front__heading">Tin tức</h2>' in html

    def test_the_front_page_takes_a_fixed_number_of_queries(self, client, home, portal):
        image = Image.objects.create(title="Ảnh", file=get_test_image_file())
        home.body = StreamValue(
            FrontPageBlock(),
            [
                ("featured", {"heading": "", "articles": [portal["news"].get_children().first()]}),
                ("latest", {"heading": "", "count": 10, "indexes": []}),
                ("events", {"heading": "", "count": 5, "index": None}),
                ("stories", {"heading": "", "count": 5, "index": None}),
                ("most_read", {"heading": "", "count": 5}),
                ("best_rated", {"heading": "", "count": 5}),
                ("documents", {"heading": "", "count": 5}),
            ],
        )
        publish(home)

        def queries():
            client.get(home.url)
            with count_queries() as captured:
                assert client.get(home.url).status_code == 200
            return len(captured)

        def add(number):
            """One more of everything: the newest ten articles stay of all four types."""
            article = make_news(portal["news"], title=f"Tin {number}", image=image)
            Rating.objects.import_counters(article, total=4, count=1)
            ArticleViewCount.objects.import_total(article, 10 + number)
            make_report(portal["reports"], title=f"Báo cáo {number}")
            soon = timezone.localdate() + datetime.timedelta(days=number + 1)
            make_event(portal["events"], title=f"Hội nghị {number}", start_date=soon)
            make_story(portal["stories"], title=f"Mô hình {number}")
            make_document(f"{number + 100}-KL/TW")

        add(0)
        before = queries()
        for number in range(1, 11):
            add(number)
        assert queries() == before
