"""System checks for ``WAGTAIL_DANGVU["RATINGS"]`` and the rest the ratings app reads.

They run wherever the ratings app is installed, with or without ``wagtail_dangvu``.
Their ids are in the ``wagtail_dangvu`` namespace, so a project silences them under the
names it always has: ``E005`` to ``E008`` and ``E101`` up for the ratings, and ``E001``
(the setting is not a dict) and ``E009`` (no base template), which check what both apps
read. The content app registers those two as well; Django keeps a check function once,
so each is reported once whichever apps are installed. ``E002`` (an unknown key) is the
content app's, which knows every key; without it, this module reports the keys that the
ratings app does not read.

Importing this module registers nothing (the content app imports it without the ratings
app installed): :func:`register_checks` does, from the app's ``ready()``.
"""

import re

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from .conf import DEFAULTS, SETTING, base_template, project_setting, ratings_settings
from .pages import rateable_page_models
from .throttle import RATE_RE

_COOKIE_NAME_RE = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


def check_setting_type(app_configs=None, **kwargs):
    user = getattr(settings, SETTING, None)
    if user is None or isinstance(user, dict):
        return []
    return [
        Error(
            f"{SETTING} must be a dict.",
            hint="See the Configuration section of the README.",
            id="wagtail_dangvu.E001",
        )
    ]


def check_setting_keys(app_configs=None, **kwargs):
    """Without the content app, whose check knows every key (E002), the keys the ratings
    app reads are the only ones that mean anything: a misspelt one is reported."""
    if apps.is_installed("wagtail_dangvu"):
        return []
    known = ("BASE_TEMPLATE", "RATINGS")
    return [
        Error(
            f"{SETTING} has an unknown key {key!r}.",
            hint="Known keys (of the ratings app, installed without wagtail_dangvu): "
            + ", ".join(known),
            id="wagtail_dangvu.E002",
        )
        for key in project_setting()
        if key not in known
    ]


def check_base_template(app_configs=None, **kwargs):
    name = base_template()
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return [
            Error(
                f"The base template {name!r} named by {SETTING}['BASE_TEMPLATE'] does not exist.",
                hint="Point BASE_TEMPLATE at the portal's base template.",
                id="wagtail_dangvu.E009",
            )
        ]
    return []


def check_ratings_settings(app_configs=None, **kwargs):
    ratings = ratings_settings()
    if not isinstance(ratings, dict):
        return [Error(f"{SETTING}['RATINGS'] must be a dict.", id="wagtail_dangvu.E005")]
    errors = [
        Error(
            f"{SETTING}['RATINGS'] has an unknown key {key!r}.",
            hint="Known keys: " + ", ".join(sorted(DEFAULTS)),
            id="wagtail_dangvu.E006",
        )
        for key in ratings
        if key not in DEFAULTS
    ]
    rate = ratings["RATE"]
    if not isinstance(rate, str) or not RATE_RE.match(rate):
        errors.append(
            Error(
                f"{SETTING}['RATINGS']['RATE'] is not a rate: {rate!r}.",
                hint="Write it as '<count>/<unit>' with unit s, m, h or d, e.g. '10/m'.",
                id="wagtail_dangvu.E007",
            )
        )
    minimum = ratings["MIN_AVERAGE"]
    if not isinstance(minimum, int | float) or isinstance(minimum, bool) or not 0 <= minimum <= 5:
        errors.append(
            Error(
                f"{SETTING}['RATINGS']['MIN_AVERAGE'] must be a number from 0 to 5.",
                id="wagtail_dangvu.E008",
            )
        )
    for key in ("ENABLED", "ANONYMOUS", "PER_LOCALE"):
        if not isinstance(ratings[key], bool):
            errors.append(
                Error(
                    f"{SETTING}['RATINGS']['{key}'] must be True or False.",
                    id="wagtail_dangvu.E101",
                )
            )
    cache = ratings["CACHE"]
    if cache not in getattr(settings, "CACHES", {"default": None}):
        errors.append(
            Error(
                f"{SETTING}['RATINGS']['CACHE'] names no cache in CACHES: {cache!r}.",
                hint="The rate limit counts votes in this cache; use Redis in production.",
                id="wagtail_dangvu.E102",
            )
        )
    elif settings.CACHES[cache]["BACKEND"].endswith("DummyCache"):
        errors.append(
            Warning(
                f"The cache of {SETTING}['RATINGS']['CACHE'] is a DummyCache: "
                "votes are not rate-limited.",
                id="wagtail_dangvu.W103",
            )
        )
    header = ratings["CLIENT_IP_HEADER"]
    if header is not None and not (isinstance(header, str) and header.startswith("HTTP_")):
        errors.append(
            Error(
                f"{SETTING}['RATINGS']['CLIENT_IP_HEADER'] is not a request header: {header!r}.",
                hint="Name it as in request.META, e.g. 'HTTP_X_REAL_IP', or leave it None.",
                id="wagtail_dangvu.E104",
            )
        )
    name = ratings["COOKIE_NAME"]
    if not isinstance(name, str) or not _COOKIE_NAME_RE.fullmatch(name):
        errors.append(
            Error(
                f"{SETTING}['RATINGS']['COOKIE_NAME'] is not a cookie name: {name!r}.",
                id="wagtail_dangvu.E105",
            )
        )
    return errors


def check_rateable_page_types(app_configs=None, **kwargs):
    """A portal upgrading from a release that rated every page type is told to opt in."""
    ratings = ratings_settings()
    if not isinstance(ratings, dict) or ratings["ENABLED"] is not True:
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


#: What the content app registers too (see the module's docstring).
SHARED_CHECKS = [
    (check_setting_type, Tags.compatibility),
    (check_base_template, Tags.templates),
]


def register_checks():
    for check, tag in [
        *SHARED_CHECKS,
        (check_setting_keys, Tags.compatibility),
        (check_ratings_settings, Tags.compatibility),
        (check_rateable_page_types, Tags.models),
    ]:
        register(check, tag)
