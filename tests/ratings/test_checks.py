"""Misconfigured ratings are reported by system checks, not found out at request time."""

import pytest

from wagtail_dangvu.ratings.checks import check_rateable_page_types, check_ratings_settings
from wagtail_dangvu.ratings.pages import rateable_page_models


def ids(errors):
    return sorted(error.id for error in errors)


def test_the_example_settings_pass():
    assert check_ratings_settings() == []


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"PER_LOCALE": "yes"}, ["wagtail_dangvu.E101"]),
        ({"ENABLED": 1, "ANONYMOUS": None}, ["wagtail_dangvu.E101", "wagtail_dangvu.E101"]),
        ({"CACHE": "redis"}, ["wagtail_dangvu.E102"]),
        ({"CLIENT_IP_HEADER": "X-Real-IP"}, ["wagtail_dangvu.E104"]),
        ({"CLIENT_IP_HEADER": "HTTP_X_REAL_IP"}, []),
        ({"COOKIE_NAME": "dangvu voter"}, ["wagtail_dangvu.E105"]),
    ],
)
def test_bad_values_are_reported(ratings_settings, values, expected):
    ratings_settings(**values)

    assert ids(check_ratings_settings()) == expected


def test_a_dummy_cache_leaves_votes_unlimited(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    assert ids(check_ratings_settings()) == ["wagtail_dangvu.W103"]


def test_a_site_where_no_page_type_shows_the_stars_is_warned(monkeypatch):
    for model in rateable_page_models():
        monkeypatch.setattr(model, "rateable", False)

    assert ids(check_rateable_page_types()) == ["wagtail_dangvu.W106"]


def test_no_warning_while_ratings_are_switched_off(monkeypatch, ratings_settings):
    ratings_settings(ENABLED=False)
    for model in rateable_page_models():
        monkeypatch.setattr(model, "rateable", False)

    assert check_rateable_page_types() == []
