"""The rating API as a script (or anyone) sees it: JSON bodies, status codes, stored rows."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageViewRestriction

from tests.portal.models import NewsPage, NoticePage
from wagtail_dangvu.ratings.models import Rating, Vote

pytestmark = pytest.mark.django_db

INVALID = {"error": "Đánh giá không hợp lệ"}


def snapshot():
    """Everything the app stores, to show that a refused request wrote nothing."""
    return (
        list(Rating.objects.order_by("pk").values()),
        list(Vote.objects.order_by("pk").values()),
    )


def cast(page, scores, reader_factory):
    for score in scores:
        assert reader_factory().vote(page, score).status_code == 201


def test_before_the_first_vote_there_is_nothing_to_show(reader, article):
    response = reader.get(article)

    assert response.status_code == 200
    assert response.json() == {
        "page": article.pk,
        "total": 0,
        "count": 0,
        "average": None,
        "summary": None,
        "voted": False,
        "score": None,
    }


def test_the_state_is_per_reader_so_never_cached_and_brings_a_csrf_token(reader, article):
    response = reader.get(article)

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]
    assert len(response["X-CSRFToken"]) == 64


def test_reading_the_state_creates_no_rating(reader, article):
    reader.get(article)
    reader.get(article)

    assert not Rating.objects.exists()


def test_a_vote_is_counted_and_answered_with_the_new_line(reader, article):
    response = reader.vote(article, 4)

    assert response.status_code == 201
    assert response.json() == {
        "page": article.pk,
        "total": 4,
        "count": 1,
        "average": "4.0",
        "summary": "Tổng số điểm của bài viết là: 4 trong 1 đánh giá",
        "voted": True,
        "score": 4,
    }
    rating = Rating.objects.get()
    assert (rating.page_id, rating.total, rating.count) == (article.pk, 4, 1)
    assert rating.last_vote_at is not None
    assert Vote.objects.get().score == 4


def test_the_portals_own_example_reads_the_same(article, reader_factory):
    cast(article, [5, 4, 4, 4, 4], reader_factory)

    state = reader_factory().get(article).json()

    assert state["total"] == 21
    assert state["count"] == 5
    assert state["average"] == "4.2"
    assert state["summary"] == "Tổng số điểm của bài viết là: 21 trong 5 đánh giá"


def test_the_average_is_rounded_half_up_as_the_portal_does(article, reader_factory):
    cast(article, [5, 4, 4, 4], reader_factory)

    assert reader_factory().get(article).json()["average"] == "4.3"


def test_the_reader_sees_their_own_vote_afterwards(reader, article):
    reader.vote(article, 2)

    state = reader.get(article).json()

    assert state["voted"] is True
    assert state["score"] == 2


def test_a_repeat_vote_is_refused_with_the_totals_unchanged(reader, article, reader_factory):
    cast(article, [5], reader_factory)
    reader.vote(article, 4)
    before = snapshot()

    response = reader.vote(article, 1)

    assert response.status_code == 409
    assert response.json() == {
        "error": "Bạn đã đánh giá bài viết này rồi",
        "page": article.pk,
        "total": 9,
        "count": 2,
        "average": "4.5",
        "summary": "Tổng số điểm của bài viết là: 9 trong 2 đánh giá",
        "voted": True,
        "score": 4,
    }
    assert snapshot() == before


@pytest.mark.parametrize(
    "data",
    [
        {"score": "0"},
        {"score": "6"},
        {"score": "abc"},
        {"score": "4.5"},
        {"score": ""},
        {"score": "-1"},
        {"score": " 4"},
        {"score": ["4", "5"]},
        {"score": ["4", "4"]},
        {},
        {"stars": "4"},
    ],
    ids=repr,
)
def test_a_bad_score_is_refused_and_nothing_is_written(reader, article, data):
    reader.vote(article, 3)
    before = snapshot()

    response = reader_with_fresh_cookie(reader).post(article, data)

    assert response.status_code == 400
    assert response.json() == INVALID
    assert snapshot() == before


def reader_with_fresh_cookie(reader):
    reader.client.cookies.pop("dangvu_voter", None)
    return reader


def test_a_vote_needs_the_csrf_token(reader, article):
    response = reader.post(article, {"score": "4"}, token=False)

    assert response.status_code == 403
    assert not Rating.objects.exists()
    assert not Vote.objects.exists()


def unpublished(article):
    article.unpublish()
    return article.pk


def private(article):
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    return article.pk


def below_a_private_page(article):
    child = article.add_child(instance=NewsPage(title="Tham luận"))
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    return child.pk


def switched_off(article):
    Rating.objects.create(page=article, enabled=False)
    return article.pk


def unknown(article):
    return article.pk + 1000


def beyond_any_id_column(article):
    return 2**63 + 5


def of_a_type_without_stars(article):
    """A live, public page whose type has not opted in (no ``rateable = True``)."""
    return article.get_parent().add_child(instance=NoticePage(title="Thông báo")).pk


def the_home_page(article):
    return article.get_parent().pk


def the_root(article):
    return Page.get_first_root_node().pk


@pytest.mark.parametrize(
    "make_page",
    [
        unknown,
        beyond_any_id_column,
        unpublished,
        private,
        below_a_private_page,
        switched_off,
        of_a_type_without_stars,
        the_home_page,
        the_root,
    ],
)
def test_only_live_public_pages_that_show_the_stars_can_be_rated(reader, article, make_page):
    page_id = make_page(article)
    other = article.get_parent().add_child(instance=NewsPage(title="Tin tức"))
    before = snapshot()

    assert reader.get(page_id).status_code == 404
    reader.get(other)  # a CSRF token from a page that can be rated
    assert reader.vote(page_id, 4).status_code == 404
    assert reader.client.get(f"{reader.url(page_id)}vote/?score=4").status_code == 404
    assert snapshot() == before


def test_a_sibling_of_a_private_page_stays_public(reader, article, home):
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    sibling = home.add_child(instance=NewsPage(title="Tin tức"))

    assert reader.vote(sibling, 5).status_code == 201


def test_ratings_can_be_switched_off_site_wide(reader, article, ratings_settings):
    ratings_settings(ENABLED=False)

    assert reader.get(article).status_code == 404
    assert reader.vote(article, 4).status_code in (403, 404)  # no token to be had
    assert not Vote.objects.exists()


def test_an_anonymous_reader_is_a_keyed_hash_of_a_cookie_and_no_address(reader, article):
    response = reader.vote(article, 5)

    cookie = response.cookies["dangvu_voter"]
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", cookie.value)
    assert cookie["path"] == "/dangvu/ratings/"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 365 * 86400
    voter_key = Vote.objects.get().voter_key
    assert re.fullmatch(r"anon:[0-9a-f]{64}", voter_key)
    assert cookie.value not in voter_key
    stored = repr(snapshot())
    assert cookie.value not in stored
    assert reader.address not in stored


def test_a_reader_without_the_cookie_is_a_new_reader(reader, article):
    reader.vote(article, 5)
    reader.client.cookies.pop("dangvu_voter")

    assert reader.vote(article, 4).status_code == 201
    assert Vote.objects.count() == 2


def test_a_forged_cookie_is_replaced_by_a_real_one(reader, article):
    reader.client.cookies["dangvu_voter"] = "'; DROP TABLE votes; --"

    response = reader.vote(article, 5)

    assert response.status_code == 201
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", response.cookies["dangvu_voter"].value)


def test_a_signed_in_reader_is_their_user_id_on_any_device(article, reader_factory):
    user = get_user_model().objects.create_user("ban-doc", password="x")

    assert reader_factory(user).vote(article, 5).status_code == 201
    assert reader_factory(user).vote(article, 3).status_code == 409
    assert Vote.objects.get().voter_key == f"user:{user.pk}"
    assert "dangvu_voter" not in reader_factory(user).vote(article, 3).cookies


def test_anonymous_voting_can_be_switched_off(article, reader, reader_factory, ratings_settings):
    ratings_settings(ANONYMOUS=False)
    user = get_user_model().objects.create_user("dang-vien", password="x")

    response = reader.vote(article, 4)

    assert response.status_code == 403
    assert response.json() == {"error": "Đăng nhập để đánh giá bài viết"}
    assert not Vote.objects.exists()
    assert reader.get(article).status_code == 200
    assert reader_factory(user).vote(article, 4).status_code == 201


def test_over_the_rate_the_reader_is_asked_to_wait(article, reader, ratings_settings):
    ratings_settings(RATE="2/m")
    assert reader.vote(article, 5).status_code == 201
    reader.client.cookies.pop("dangvu_voter")
    assert reader.vote(article, 4).status_code == 201
    reader.client.cookies.pop("dangvu_voter")
    before = snapshot()

    response = reader.vote(article, 3)

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json() == {"error": "Bạn đã đánh giá quá nhiều lần, vui lòng thử lại sau"}
    assert snapshot() == before


def test_the_rate_is_counted_per_client_address(article, reader_factory, ratings_settings):
    ratings_settings(RATE="1/h")
    first, second = reader_factory(), reader_factory()

    assert first.vote(article, 5).status_code == 201
    assert second.vote(article, 5).status_code == 201
    assert first.vote(article, 5).status_code == 429


def test_a_proxy_header_is_trusted_only_when_named(article, reader_factory, ratings_settings):
    ratings_settings(RATE="1/h")
    behind_proxy = [reader_factory() for _ in range(2)]
    for reader in behind_proxy:
        reader.address = "127.0.0.1"

    # Not named: both readers are the proxy's address.
    assert behind_proxy[0].vote(article, 5, HTTP_X_REAL_IP="203.0.113.1").status_code == 201
    assert behind_proxy[1].vote(article, 5, HTTP_X_REAL_IP="203.0.113.2").status_code == 429

    ratings_settings(RATE="1/h", CLIENT_IP_HEADER="HTTP_X_REAL_IP")
    assert behind_proxy[1].vote(article, 5, HTTP_X_REAL_IP="203.0.113.2").status_code == 201


def test_reading_the_state_takes_at_most_two_queries(
    article, reader, reader_factory, django_assert_max_num_queries
):
    cast(article, [5, 4], reader_factory)
    reader.vote(article, 3)

    with django_assert_max_num_queries(2):
        response = reader.get(article)

    assert response.json()["voted"] is True
    with django_assert_max_num_queries(2):
        reader_factory().get(article)


def test_a_vote_takes_a_handful_of_queries(
    article, reader, reader_factory, django_assert_max_num_queries
):
    cast(article, [5], reader_factory)
    reader.get(article)

    # page; rating; insert vote; increment counters; read them back (+ savepoint in tests)
    with django_assert_max_num_queries(7):
        assert reader.vote(article, 4).status_code == 201


def test_the_answers_speak_the_language_of_the_page(reader_factory, article, locale_en):
    english = article.copy_for_translation(locale_en, copy_parents=True)
    english.save_revision().publish()
    cast(english, [4], reader_factory)

    state = reader_factory().get(english).json()

    assert state["summary"] == "Total score of this article: 4 from 1 rating"
    assert reader_factory().get(article).json()["summary"] == (
        "Tổng số điểm của bài viết là: 4 trong 1 đánh giá"
    )


def test_the_minimum_average_hides_the_line(article, reader_factory, ratings_settings):
    ratings_settings(MIN_AVERAGE=3)
    cast(article, [2], reader_factory)

    state = reader_factory().get(article).json()

    assert state["average"] == "2.0"
    assert state["summary"] is None
