"""The ``WAGTAIL_DANGVU`` setting: defaults, lookup and validation.

A portal configures the app with one dictionary::

    WAGTAIL_DANGVU = {
        "BASE_TEMPLATE": "base.html",
        "TIME_ZONE": "Asia/Ho_Chi_Minh",
        "RATINGS": {"ENABLED": True, "ANONYMOUS": True, "RATE": "10/m"},
    }

Missing keys take the defaults below. Misconfiguration is reported by the system
checks in :mod:`wagtail_dangvu.checks`, never by a crash at request time.
"""

from __future__ import annotations

import copy
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # The host portal's base template that every page template of the app extends.
    # It must define the blocks ``title``, ``extra_css``, ``content`` and ``extra_js``,
    # as the base template of a project made by ``wagtail start`` does.
    "BASE_TEMPLATE": "base.html",
    # The portal's own time zone, used for datelines whatever the server's TIME_ZONE.
    "TIME_ZONE": "Asia/Ho_Chi_Minh",
    # Items per page on index pages and the documents register.
    "PER_PAGE": 10,
    # Where the files of withheld register entries (classified or internal) are kept,
    # out of every web server's reach: None for a folder beside MEDIA_ROOT
    # ("<MEDIA_ROOT>-private"), or the alias of an entry in Django's STORAGES, e.g. a
    # private S3 bucket. Never the storage that serves MEDIA_URL.
    "PRIVATE_STORAGE": None,
    "RATINGS": {
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
    },
}


def get_settings() -> dict[str, Any]:
    """Return the effective settings: the project's values over the defaults."""
    merged = copy.deepcopy(DEFAULTS)
    user = getattr(settings, "WAGTAIL_DANGVU", None) or {}
    if not isinstance(user, dict):
        return merged
    for key, value in user.items():
        if isinstance(merged.get(key), dict) and isinstance(value, dict):
            merged[key].update(value)
        else:
            merged[key] = value
    return merged


def get_setting(name: str) -> Any:
    return get_settings()[name]
