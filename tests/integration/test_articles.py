"""The article core, on every article type: the filter rule, feeds that follow the filters,
facet and tag links that keep the other filters, the index's rich text introduction, the
author; and the news article ("Tin bài") in nestable sections ("Chuyên mục")."""

from __future__ import annotations

import datetime
import importlib
import json
import re
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import feedparser
import pytest
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import (
    make_event,
    make_event_index,
    make_news,
    make_news_index,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
    tag,
)
from tests.queries import count_queries
from wagtail_dangvu.models import NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def aware(year, month=6, day=1):
    return timezone.make_aware(datetime.datetime(year, month, day, 9, 0))


# Each article type: an index and an article dated in a given year, with the given tags.
def report_in(index, year, tags, title):
    report = make_report(
        index,
        title=title,
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 11, 30),
    )
    return tag(report, *tags) if tags else report


def event_in(index, year, tags, title):
    event = make_event(index, title=title, start_date=datetime.date(year, 12, 2))
    return tag(event, *tags) if tags else event


def story_in(index, year, tags, title):
    return make_story(index, title=title, registration_year=year, tags=tags)


def news_in(index, year, tags, title):
    return make_news(index, title=title, tags=tags, first_published_at=aware(year))


TYPES = {
    "reports": (make_report_index, report_in),
    "events": (make_event_index, event_in),
    "stories": (make_story_index, story_in),
    "news": (make_news_index, news_in),
}


@pytest.fixture(params=sorted(TYPES))
def listing(request, home):
    """An index of each type with three articles: 2023 tagged kinh-te, 2023 tagged
    van-hoa, 2024 tagged kinh-te."""
    make_index, make_article = TYPES[request.param]
    index = make_index(home)
    make_article(index, 2023, ["Kinh tế"], "Bài A 2023 kinh tế")
    make_article(index, 2023, ["Văn hóa"], "Bài B 2023 văn hóa")
    make_article(index, 2024, ["Kinh tế"], "Bài C 2024 kinh tế")
    return index


# The tags' slugs, as django-taggit makes them from the Vietnamese names.
KT, VH = "kinh-tế", "văn-hóa"


def titles(response):
    return sorted(re.findall(r"Bài [ABC] \d{4} [^<]+?(?=</a>)", response.content.decode()))


def query_of(href):
    return {key: values[0] for key, values in parse_qs(urlsplit(unescape(href)).query).items()}


class TestTheFilterRule:
    def test_valid_filters_select_articles(self, client, listing):
        response = client.get(listing.url, {"tag": KT, "year": "2023"})
        assert response.status_code == 200
        assert titles(response) == ["Bài A 2023 kinh tế"]

    def test_a_bad_filter_is_named_the_valid_ones_are_kept_and_the_answer_is_400(
        self, client, listing
    ):
        response = client.get(listing.url, {"tag": KT, "year": "hai nghìn"})
        assert response.status_code == 400
        html = response.content.decode()
        alert = re.search(r'<div class="dangvu-message[^"]*" role="alert">(.*?)</div>', html, re.S)
        assert alert, "the reader is told a filter was ignored"
        year_label = str(response.context["filterset"].form["year"].label)
        assert f'id="id_year_error">{year_label}:' in alert.group(1)
        # The tag filter still applies.
        assert titles(response) == ["Bài A 2023 kinh tế", "Bài C 2024 kinh tế"]
        # Links carry the understood filter only.
        assert response.context["querystring"] == urlencode({"tag": KT})
        assert response.context["filtered_feed_url"].endswith("rss/?" + urlencode({"tag": KT}))

    def test_unknown_parameters_are_not_filters(self, client, listing):
        response = client.get(listing.url, {"utm_source": "zalo", "fbclid": "x"})
        assert response.status_code == 200
        assert len(titles(response)) == 3


class TestFeedsFollowTheFilters:
    def test_the_feed_carries_what_the_filters_select(self, client, listing):
        response = client.get(listing.url + "rss/", {"tag": KT, "year": "2024"})
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == ["Bài C 2024 kinh tế"]
        assert {"Kinh tế"} <= {term.term for term in feed.entries[0].tags}

    def test_the_feed_without_filters_carries_every_article(self, client, listing):
        feed = feedparser.parse(client.get(listing.url + "rss/").content)
        assert len(feed.entries) == 3

    def test_a_feed_it_cannot_read_says_which_filter(self, client, listing):
        response = client.get(listing.url + "rss/", {"year": "1800", "tag": KT})
        assert response.status_code == 400
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        filterset = listing.filterset_class(queryset=listing.articles(), page=listing)
        label = str(filterset.form["year"].label)
        assert response.content.decode().startswith(f"{label}: ")

    def test_the_index_links_its_filtered_feed(self, client, listing):
        html = client.get(listing.url, {"tag": VH}).content.decode()
        hrefs = re.findall(r'<a href="([^"]*rss/[^"]*)">', html)
        assert hrefs and all(query_of(href) == {"tag": VH} for href in hrefs)
        alternate = re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*>', html)
        assert alternate and "rss/?" + urlencode({"tag": VH}) in alternate.group(0)


class TestFacets:
    def test_counts_follow_the_other_filters(self, client, listing):
        response = client.get(listing.url, {"year": "2023"})
        tags = {value.value: value.count for value in response.context["facets"]["tag"].values}
        assert tags == {KT: 1, VH: 1}
        years = {value.value: value.count for value in response.context["facets"]["year"].values}
        assert years == {"2023": 2, "2024": 1}

    def test_tag_and_year_links_keep_the_other_filters_and_drop_the_page(self, client, listing):
        html = client.get(listing.url, {"year": "2023", "page": "1"}).content.decode()
        facets = re.search(r'<nav class="dangvu-facets".*?</nav>', html, re.S).group(0)
        links = [query_of(href) for href in re.findall(r'href="(\?[^"]*)"', facets)]
        assert {"year": "2023", "tag": VH} in links
        assert {"year": "2024"} in links
        assert {} in links  # the active year, cleared
        assert not any("page" in link for link in links)

    def test_the_article_tag_link_filters_its_index(self, client, listing):
        article = listing.articles().get(title="Bài B 2023 văn hóa").specific
        html = client.get(article.url).content.decode()
        href = re.search(r'<a href="([^"]+)" rel="tag">Văn hóa</a>', html).group(1)
        response = client.get(unescape(href))
        assert titles(response) == ["Bài B 2023 văn hóa"]


class TestIntroductionAndAuthor:
    def test_the_introduction_is_rich_text_on_every_index(self, client, listing):
        listing.intro = '<p>Giới thiệu <a href="https://example.org/">chuyên mục</a>.</p>'
        listing.save_revision().publish()
        html = client.get(listing.url).content.decode()
        assert '<p>Giới thiệu <a href="https://example.org/">chuyên mục</a>.</p>' in html

    def test_the_author_shows_on_every_article_type(self, client, listing):
        article = listing.articles().first().specific
        article.author = "Nguyễn Văn <A>"
        article.save_revision().publish()
        html = client.get(article.url).content.decode()
        assert "Nguyễn Văn &lt;A&gt;" in html
        assert "Nguyễn Văn <A>" not in html


class TestTheIntroMigration:
    migration = importlib.import_module("wagtail_dangvu.migrations.0004_article_core_news")

    @pytest.mark.parametrize(
        ("text", "html"),
        [
            ("", ""),
            ("Một dòng", "<p>Một dòng</p>"),
            ("Dòng 1\nDòng 2\n\nĐoạn 2", "<p>Dòng 1<br/>Dòng 2</p><p>Đoạn 2</p>"),
            ("<b> & 'x'", "<p>&lt;b&gt; &amp; &#x27;x&#x27;</p>"),
            ("<p>Đã là HTML</p>", "<p>Đã là HTML</p>"),
        ],
    )
    def test_plain_text_becomes_paragraphs_and_comes_back(self, text, html):
        assert self.migration.text_to_html(text) == html
        if not text.startswith("<p>"):
            assert self.migration.html_to_text(html) == text


# News -----------------------------------------------------------------------------------


@pytest.fixture
def image():
    return Image.objects.create(title="Ảnh minh họa", file=get_test_image_file())


class TestNews:
    def test_a_section_lists_the_articles_of_its_sub_sections(self, client, home):
        news = make_news_index(home)
        local = make_news_index(news, slug="co-so", title="Hoạt động cơ sở")
        make_news(news, title="Tin chung")
        make_news(local, title="Tin cơ sở")
        html = client.get(news.url).content.decode()
        assert "Tin chung" in html and "Tin cơ sở" in html
        assert f'<a href="{local.url}">Hoạt động cơ sở</a>' in html
        sub = client.get(local.url).content.decode()
        assert "Tin cơ sở" in sub and "Tin chung" not in sub

    def test_sections_nest_and_take_news_articles_only(self):
        assert NewsIndexPage.allowed_subpage_models() == [NewsArticlePage, NewsIndexPage]
        assert NewsArticlePage.allowed_parent_page_models() == [NewsIndexPage]

    def test_the_article_page(self, client, home, image):
        news = make_news_index(home)
        article = make_news(
            news,
            title="Hội nghị </script><b>x</b>",
            summary="Tóm tắt",
            author="Phóng viên",
            image=image,
            body=[{"type": "paragraph", "value": "<p>Nội dung bài.</p>"}],
            tags=["Kinh tế"],
        )
        response = client.get(article.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1>Hội nghị &lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</h1>" in html
        assert "<p>Nội dung bài.</p>" in html
        assert re.search(r'<img [^>]*alt="Ảnh minh họa"', html)
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = json.loads(script.group(1))
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == "Hội nghị </script><b>x</b>"
        assert data["author"] == {"@type": "Person", "name": "Phóng viên"}
        assert data["keywords"] == "Kinh tế"
        assert data["image"][0].endswith(".png")

    def test_a_section_renders_in_a_fixed_number_of_queries(self, client, home, image):
        news = make_news_index(home)

        def queries():
            client.get(news.url)  # warm caches (site root, locales)
            with count_queries() as captured:
                assert client.get(news.url).status_code == 200
            return len(captured)

        make_news(news, image=image, tags=["Kinh tế"])
        few = queries()
        for number in range(9):
            other = Image.objects.create(title=f"Ảnh {number}", file=get_test_image_file())
            make_news(news, image=other, tags=[f"Chủ đề {number}"])
        assert queries() == few
