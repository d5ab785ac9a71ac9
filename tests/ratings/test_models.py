"""Ratings and votes as stored: translations, imported counters, constraints, deletions."""

import pytest
from django.db import IntegrityError, transaction
from wagtail.models import Page

from wagtail_dangvu.ratings.models import Rating, Vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(article, locale_en):
    page = article.copy_for_translation(locale_en, copy_parents=True)
    page.save_revision().publish()
    return page


def test_translations_share_one_rating_by_default(article, english, reader, reader_factory):
    reader_factory().vote(article, 5)
    reader_factory().vote(english, 3)

    assert reader.get(article).json()["total"] == 8
    assert reader.get(english).json()["total"] == 8
    rating = Rating.objects.get()
    assert rating.locale is None
    assert rating.translation_key == article.translation_key


def test_one_reader_rates_an_article_once_in_every_language(article, english, reader):
    assert reader.vote(article, 5).status_code == 201

    response = reader.vote(english, 1)

    assert response.status_code == 409
    assert response.json()["error"] == "You have already rated this article"
    assert response.json()["score"] == 5


def test_per_locale_each_translation_counts_its_own(
    article, english, reader, reader_factory, ratings_settings
):
    ratings_settings(PER_LOCALE=True)

    assert reader.vote(article, 5).status_code == 201
    assert reader.vote(english, 1).status_code == 201
    reader_factory().vote(english, 3)

    assert reader.get(article).json()["total"] == 5
    assert reader.get(english).json()["total"] == 4
    assert set(Rating.objects.values_list("locale__language_code", flat=True)) == {"vi", "en"}


def test_switching_the_mode_leaves_the_other_modes_ratings_as_they_were(
    article, english, reader_factory, ratings_settings
):
    reader_factory().vote(article, 5)
    reader_factory().vote(english, 3)

    ratings_settings(PER_LOCALE=True)
    assert reader_factory().get(article).json()["count"] == 0
    reader_factory().vote(article, 1)
    assert reader_factory().get(article).json()["count"] == 1

    ratings_settings(PER_LOCALE=False)
    assert reader_factory().get(english).json()["total"] == 8
    assert Rating.objects.count() == 2


def test_imported_counters_are_kept_and_shown(article, reader):
    Rating.objects.import_counters(article, total=21, count=5)

    state = reader.get(article).json()

    assert (state["total"], state["count"], state["average"]) == (21, 5, "4.2")
    assert state["summary"] == "Tổng số điểm của bài viết là: 21 trong 5 đánh giá"


def test_importing_again_replaces_the_import_and_keeps_the_votes(article, reader):
    Rating.objects.import_counters(article, total=21, count=5)
    Rating.objects.import_counters(article, total=21, count=5)
    assert reader.get(article).json()["total"] == 21

    reader.vote(article, 5)
    rating = Rating.objects.import_counters(article, total=21, count=5)
    assert (rating.total, rating.count) == (26, 6)

    rating = Rating.objects.import_counters(article, total=30, count=7)
    assert (rating.total, rating.count) == (35, 8)
    assert (rating.imported_total, rating.imported_count) == (30, 7)
    assert Rating.objects.count() == 1


@pytest.mark.parametrize(
    ("total", "count", "error"),
    [
        (30, 5, ValueError),
        (4, 5, ValueError),
        (1, 0, ValueError),
        (21.0, 5, TypeError),
        (21, True, TypeError),
    ],
)
def test_impossible_counters_are_not_imported(article, total, count, error):
    with pytest.raises(error):
        Rating.objects.import_counters(article, total=total, count=count)

    assert not Rating.objects.exists()


def test_a_score_outside_one_to_five_is_refused_by_the_database(article):
    rating = Rating.objects.import_counters(article, total=0, count=0)

    for score in (0, 6):
        with pytest.raises(IntegrityError), transaction.atomic():
            Vote.objects.create(rating=rating, score=score, voter_key=f"test:{score}")


def test_counters_that_votes_cannot_add_up_to_are_refused_by_the_database(article):
    rating = Rating.objects.import_counters(article, total=0, count=0)

    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.filter(pk=rating.pk).update(total=6, count=1)


def test_one_vote_per_reader_is_enforced_by_the_database(article):
    rating = Rating.objects.import_counters(article, total=0, count=0)
    Vote.objects.create(rating=rating, score=4, voter_key="anon:x")

    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(rating=rating, score=5, voter_key="anon:x")


def test_one_rating_per_article_is_enforced_by_the_database(article, english):
    Rating.objects.create(page=article)

    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(page=english)


def test_a_reset_deletes_the_votes_and_zeroes_the_counters(article, reader_factory):
    Rating.objects.import_counters(article, total=21, count=5)
    reader_factory().vote(article, 4)
    rating = Rating.objects.get()

    before = rating.reset()

    assert (before.total, before.count) == (25, 6)
    assert (rating.total, rating.count, rating.imported_total, rating.imported_count) == (
        0,
        0,
        0,
        0,
    )
    assert not Vote.objects.exists()


def test_when_the_rated_translation_is_deleted_the_rating_passes_to_another(
    article, english, reader_factory
):
    reader_factory().vote(article, 5)

    Page.objects.get(pk=article.pk).delete()

    rating = Rating.objects.get()
    assert rating.page_id == english.pk
    assert rating.count == 1


def test_when_the_last_translation_is_deleted_the_rating_goes_with_it(article, reader_factory):
    reader_factory().vote(article, 5)

    article.get_parent().specific.get_children().get(pk=article.pk).delete()

    assert not Rating.objects.exists()
    assert not Vote.objects.exists()


def test_a_per_locale_rating_goes_with_its_translation(
    article, english, reader_factory, ratings_settings
):
    ratings_settings(PER_LOCALE=True)
    reader_factory().vote(article, 5)
    reader_factory().vote(english, 4)

    Page.objects.get(pk=english.pk).delete()

    assert list(Rating.objects.values_list("page_id", "count")) == [(article.pk, 1)]


def test_a_rating_reads_as_its_page(article):
    rating = Rating.objects.import_counters(article, total=17, count=4)

    assert str(rating) == article.title
    assert str(rating.average) == "4.3"
