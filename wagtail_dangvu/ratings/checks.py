"""System checks for ``WAGTAIL_DANGVU["RATINGS"]`` beyond those of :mod:`wagtail_dangvu.checks`.

Ids ``wagtail_dangvu.E101`` and up, so they never collide with the content app's.
"""

import re

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from wagtail_dangvu.conf import get_settings

from .pages import rateable_page_models

_COOKIE_NAME_RE = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


@register(Tags.compatibility)
def check_ratings_settings(app_configs=None, **kwargs):
    ratings = get_settings()["RATINGS"]
    if not isinstance(ratings, dict):
        return []  # reported as wagtail_dangvu.E005
    errors = []
    for key in ("ENABLED", "ANONYMOUS", "PER_LOCALE"):
        if not isinstance(ratings.get(key), bool):
            errors.append(
                Error(
                    f"WAGTAIL_DANGVU['RATINGS']['{key}'] must be True or False.",
                    id="wagtail_dangvu.E101",
                )
            )
    cache = ratings.get("CACHE")
    if cache not in getattr(settings, "CACHES", {"default": None}):
        errors.append(
            Error(
                f"WAGTAIL_DANGVU['RATINGS']['CACHE'] names no cache in CACHES: {cache!r}.",
                hint="The rate limit counts votes in this cache; use Redis in production.",
                id="wagtail_dangvu.E102",
            )
        )
    elif settings.CACHES[cache]["BACKEND"].endswith("DummyCache"):
        errors.append(
            Warning(
                "The cache of WAGTAIL_DANGVU['RATINGS']['CACHE'] is a DummyCache: "
                "votes are not rate-limited.",
                id="wagtail_dangvu.W103",
            )
        )
    header = ratings.get("CLIENT_IP_HEADER")
    if header is not None and not (isinstance(header, str) and header.startswith("HTTP_")):
        errors.append(
            Error(
                f"WAGTAIL_DANGVU['RATINGS']['CLIENT_IP_HEADER'] is not a request header: "
                f"{header!r}.",
                hint="Name it as in request.META, e.g. 'HTTP_X_REAL_IP', or leave it None.",
                id="wagtail_dangvu.E104",
            )
        )
    name = ratings.get("COOKIE_NAME")
    if not isinstance(name, str) or not _COOKIE_NAME_RE.fullmatch(name):
        errors.append(
            Error(
                f"WAGTAIL_DANGVU['RATINGS']['COOKIE_NAME'] is not a cookie name: {name!r}.",
                id="wagtail_dangvu.E105",
            )
        )
    return errors


@register(Tags.models)
def check_rateable_page_types(app_configs=None, **kwargs):
    """A portal upgrading from a release that rated every page type is told to opt in."""
    ratings = get_settings()["RATINGS"]
    if not isinstance(ratings, dict) or ratings.get("ENABLED") is not True:
        return []
    if rateable_page_models():
        return []
    return [
        Warning(
            "No page type shows the star rating: no page model sets 'rateable = True', so "
            "the stars are never shown and every vote is refused.",
            hint="Set rateable = True on the page types whose template has "
            "{% star_rating page %} (see docs/ratings.md).",
            id="wagtail_dangvu.W106",
        )
    ]
