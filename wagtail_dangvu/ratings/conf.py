"""The ratings' part of the ``WAGTAIL_DANGVU`` setting: ``WAGTAIL_DANGVU["RATINGS"]``.

The ratings app stands alone: a portal may install it without ``wagtail_dangvu``, so its
defaults live here, and its checks in :mod:`wagtail_dangvu.ratings.checks`. The content
app builds its own defaults on these (it may import the ratings app; the ratings app
never imports it). Of the rest of the setting the ratings app reads one key,
``BASE_TEMPLATE``, which the no-JavaScript vote page extends.

Every vote reads several values, so the merged ones are kept until the setting changes
(as tests change it).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

#: The name of the setting, shared with the content app.
SETTING = "WAGTAIL_DANGVU"

#: The portal template that the vote page (and every page of the content app) extends.
BASE_TEMPLATE = "base.html"

#: ``WAGTAIL_DANGVU["RATINGS"]``: missing keys take these values.
DEFAULTS: dict[str, Any] = {
    # Site-wide switch, as on the old portals.
    "ENABLED": True,
    # Whether readers who are not signed in may vote.
    "ANONYMOUS": True,
    # Votes allowed per client address: "<count>/<s|m|h|d>".
    "RATE": "10/m",
    # The summary line is hidden while the average is below this (0 shows it always).
    "MIN_AVERAGE": 0,
    # A request header holding the client address, set only by a trusted proxy,
    # e.g. "HTTP_X_REAL_IP". None means REMOTE_ADDR.
    "CLIENT_IP_HEADER": None,
    # Count votes per translation group (one score in every language) or per locale.
    "PER_LOCALE": False,
    # Name of the long-lived cookie that identifies an anonymous reader.
    "COOKIE_NAME": "dangvu_voter",
    # The cache alias used for the rate limit.
    "CACHE": "default",
}


def project_setting() -> dict[str, Any]:
    """The project's ``WAGTAIL_DANGVU``, or ``{}`` when unset or not a dict (a check
    reports that: ``wagtail_dangvu.E001``)."""
    user = getattr(settings, SETTING, None)
    return user if isinstance(user, dict) else {}


def ratings_settings() -> Any:
    """``WAGTAIL_DANGVU["RATINGS"]`` over the defaults; the project's value as it is when
    it is not a dict (``wagtail_dangvu.E005``), for the checks to report."""
    user = project_setting().get("RATINGS", {})
    return {**DEFAULTS, **user} if isinstance(user, dict) else user


def base_template() -> str:
    return project_setting().get("BASE_TEMPLATE", BASE_TEMPLATE)


@cache
def _valid_ratings_settings() -> dict[str, Any]:
    merged = ratings_settings()
    return merged if isinstance(merged, dict) else dict(DEFAULTS)


def ratings_setting(name: str) -> Any:
    return _valid_ratings_settings()[name]


@receiver(setting_changed)
def _forget_ratings_settings(*, setting, **kwargs):
    if setting == SETTING:
        _valid_ratings_settings.cache_clear()
