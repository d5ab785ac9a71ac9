"""{% star_rating page %}: what a page with the stars carries, and what it must not."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page

from tests.portal.models import NewsPage, NoticePage
from wagtail_dangvu.ratings.models import Rating

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script> & <b>"


def render(page, request=None):
    request = request or RequestFactory().get("/")
    with translation.override("vi"):
        return Template("{% load dangvu_ratings %}{% star_rating page %}").render(
            RequestContext(request, {"page": page})
        )


def json_ld(html):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(script) for script in scripts]


def test_the_widget_shows_the_five_stars_and_the_prompt(article):
    html = render(article)

    for title in (
        "Bài viết rất kém",
        "Bài viết kém",
        "Bài viết đạt",
        "Bài viết tốt",
        "Bài viết rất tốt",
    ):
        assert f'title="{title}"' in html
    assert "Click để đánh giá bài viết" in html
    assert f'data-url="/dangvu/ratings/{article.pk}/"' in html
    assert "rating.js" in html


def test_without_javascript_each_star_leads_to_the_rating_page(article):
    html = render(article)

    for score in range(1, 6):
        assert f'href="/dangvu/ratings/{article.pk}/vote/?score={score}"' in html


def test_the_widget_carries_no_per_reader_state(article, reader_factory):
    for score in (5, 4, 4, 4, 4):
        reader_factory().vote(article, score)
    voter = get_user_model().objects.create_user("ban-doc", password="x")
    signed_in = RequestFactory().get("/", HTTP_COOKIE="dangvu_voter=" + "a" * 43)
    signed_in.user = voter

    anonymous_html = render(article)
    signed_in_html = render(article, signed_in)

    assert anonymous_html == signed_in_html
    assert "csrf" not in anonymous_html.lower()
    assert "ban-doc" not in anonymous_html


def test_rendering_reads_once_and_writes_nothing(article, django_assert_num_queries):
    with django_assert_num_queries(1):
        render(article)

    assert not Rating.objects.exists()


def test_before_the_first_vote_there_is_no_line_and_no_aggregate_rating(article):
    html = render(article)

    assert json_ld(html) == []
    assert "AggregateRating" not in html
    assert '<p class="dangvu-rating__summary" hidden>' in html


def test_after_votes_the_portals_lines_and_aggregate_rating_appear(article, reader_factory):
    for score in (5, 4, 4, 4, 4):
        reader_factory().vote(article, score)

    html = render(article)

    assert "Tổng số điểm của bài viết là: 21 trong 5 đánh giá" in html
    assert "Xếp hạng: 4.2 - 5 phiếu bầu" in html
    assert html.count("dangvu-rating__star is-lit") == 2 * 4  # links and radios
    [data] = json_ld(html)
    assert data == {
        "@context": "https://schema.org",
        "@type": "AggregateRating",
        "itemReviewed": {
            "@type": "CreativeWork",
            "name": article.title,
            "url": article.get_full_url(),
        },
        "ratingValue": 4.2,
        "ratingCount": 5,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_a_hostile_title_cannot_break_out_of_the_json_ld(home, reader):
    page = home.add_child(instance=NewsPage(title=HOSTILE, slug="hostile"))
    reader.vote(page, 5)

    html = render(page)

    assert "<script>alert(1)</script>" not in html
    assert "</script><script>" not in html
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in html
    [data] = json_ld(html)
    assert data["itemReviewed"]["name"] == HOSTILE
    assert html.count("<script") == 2  # the JSON-LD and rating.js, nothing else


def test_a_hostile_title_is_escaped_in_the_markup_too(home, reader):
    page = home.add_child(instance=NewsPage(title=HOSTILE, slug="hostile"))
    reader.vote(page, 5)

    html = render(page)

    assert "<b>" not in html


def test_a_page_switched_off_shows_no_stars(article):
    Rating.objects.create(page=article, enabled=False)

    assert render(article).strip() == ""


def test_ratings_switched_off_site_wide_show_no_stars(article, ratings_settings):
    ratings_settings(ENABLED=False)

    assert render(article).strip() == ""


def test_an_unsaved_page_shows_no_stars(article):
    assert render(NewsPage(title="Bản nháp")).strip() == ""
    assert render(None).strip() == ""


def test_below_the_minimum_average_the_line_and_aggregate_rating_are_hidden(
    article, reader, ratings_settings
):
    ratings_settings(MIN_AVERAGE=3)
    reader.vote(article, 2)

    html = render(article)

    assert "Tổng số điểm" not in html
    assert json_ld(html) == []


def test_the_script_gets_its_words_from_the_markup(article):
    html = render(article)

    assert 'data-ranking-one="Xếp hạng: {average} - {count} phiếu bầu"' in html
    assert 'data-thanks="Cảm ơn bạn đã đánh giá bài viết"' in html
    assert 'data-already-rated="Bạn đã đánh giá bài viết này rồi"' in html
    assert 'role="status" aria-live="polite"' in html


def test_the_radio_group_is_labelled_for_screen_readers(article):
    html = render(article)

    template = html[html.index("<template") : html.index("</template>")]
    assert "<legend" in template
    for score in range(1, 6):
        field_id = f"dangvu-rating-{article.pk}-{score}"
        assert f'type="radio" name="score" value="{score}" id="{field_id}"' in template
        assert f'for="{field_id}"' in template


def test_only_a_page_type_that_opts_in_shows_the_stars(client, home, article):
    # Both templates carry {% star_rating page %}; only NewsPage sets rateable = True.
    notice = home.add_child(instance=NoticePage(title="Thông báo lịch tiếp dân"))

    news_html = client.get(article.url).content.decode()
    notice_html = client.get(notice.url).content.decode()

    assert f'data-url="/dangvu/ratings/{article.pk}/"' in news_html
    assert "Click để đánh giá bài viết" in news_html
    assert "dangvu-rating" not in notice_html
    assert "/dangvu/ratings/" not in notice_html


def test_a_page_given_as_a_plain_page_is_judged_by_its_type(article, home):
    notice = home.add_child(instance=NoticePage(title="Thông báo"))

    assert "Click để đánh giá bài viết" in render(Page.objects.get(pk=article.pk))
    assert render(Page.objects.get(pk=notice.pk)).strip() == ""
    assert render(home).strip() == ""
