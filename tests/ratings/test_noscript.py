"""Voting without JavaScript: the rating page, its plain form, and the 303 back."""

import re

import pytest
from django.contrib.messages import get_messages

from wagtail_dangvu.ratings.models import Vote

pytestmark = pytest.mark.django_db

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def vote_page_url(page):
    return f"/dangvu/ratings/{page.pk}/vote/"


def open_vote_page(reader, page, query=""):
    response = reader.client.get(
        vote_page_url(page) + query, HTTP_ACCEPT=BROWSER_ACCEPT, REMOTE_ADDR=reader.address
    )
    # The token the browser would send back: the form's own.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    reader.token = token and token.group(1)
    return response


def submit_form(reader, page, data):
    """What a browser sends for the plain form: the fields and the token it carried."""
    return reader.client.post(
        f"/dangvu/ratings/{page.pk}/",
        {**data, "csrfmiddlewaretoken": reader.token},
        HTTP_ACCEPT=BROWSER_ACCEPT,
        REMOTE_ADDR=reader.address,
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_rating_page_has_the_form_with_its_csrf_token(reader, article):
    response = open_vote_page(reader, article)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'action="/dangvu/ratings/{article.pk}/"' in html
    assert "Click để đánh giá bài viết" in html
    for title in ("Bài viết rất kém", "Bài viết tốt", "Bài viết rất tốt"):
        assert title in html
    assert html.count('type="radio" name="score"') == 5


def test_the_rating_page_extends_the_portals_base_template_and_is_not_cached(reader, article):
    response = open_vote_page(reader, article)

    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert 'class="site-header"' in html
    assert article.title in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"]


def test_the_star_followed_is_chosen_already(reader, article):
    html = open_vote_page(reader, article, "?score=4").content.decode()

    assert 'value="4" id="dangvu-score-4" checked' in html
    assert 'value="3" id="dangvu-score-3" required' in html


def test_the_plain_form_votes_and_goes_back_to_the_article_with_a_message(reader, article):
    open_vote_page(reader, article)

    response = submit_form(reader, article, {"score": "5"})

    assert response.status_code == 303
    assert response["Location"] == f"{article.url}#dangvu-rating-{article.pk}"
    assert messages_of(response) == ["Cảm ơn bạn đã đánh giá bài viết"]
    assert Vote.objects.get().score == 5
    assert "dangvu_voter" in response.cookies


def test_a_repeat_from_the_plain_form_goes_back_with_a_warning(reader, article):
    open_vote_page(reader, article)
    submit_form(reader, article, {"score": "5"})

    response = submit_form(reader, article, {"score": "1"})

    assert response.status_code == 303
    assert "Bạn đã đánh giá bài viết này rồi" in messages_of(response)
    assert Vote.objects.get().score == 5


def test_after_voting_the_rating_page_says_so_instead_of_the_form(reader, article):
    open_vote_page(reader, article)
    submit_form(reader, article, {"score": "4"})

    html = open_vote_page(reader, article).content.decode()

    assert "Bạn đã đánh giá bài viết này rồi" in html
    assert 'name="score"' not in html
    assert "Tổng số điểm của bài viết là: 4 trong 1 đánh giá" in html
    assert "Xếp hạng: 4.0 - 1 phiếu bầu" in html


def test_a_bad_score_from_the_plain_form_shows_the_form_again_with_the_error(reader, article):
    open_vote_page(reader, article)

    response = submit_form(reader, article, {"score": "9"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Đánh giá không hợp lệ" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert not Vote.objects.exists()


def test_over_the_rate_the_plain_form_says_so(reader, article, ratings_settings):
    ratings_settings(RATE="1/m")
    open_vote_page(reader, article)
    submit_form(reader, article, {"score": "4"})
    reader.client.cookies.pop("dangvu_voter")

    response = submit_form(reader, article, {"score": "4"})

    assert response.status_code == 429
    assert "Retry-After" in response
    assert "Bạn đã đánh giá quá nhiều lần, vui lòng thử lại sau" in response.content.decode()
    assert Vote.objects.count() == 1


def test_without_anonymous_voting_the_rating_page_asks_to_sign_in(
    reader, article, ratings_settings
):
    ratings_settings(ANONYMOUS=False)

    html = open_vote_page(reader, article).content.decode()

    assert "Đăng nhập để đánh giá bài viết" in html
    assert 'name="score"' not in html


def test_the_rating_page_of_an_unknown_page_is_not_found(reader, article):
    response = reader.client.get(f"/dangvu/ratings/{article.pk + 1000}/vote/")

    assert response.status_code == 404
