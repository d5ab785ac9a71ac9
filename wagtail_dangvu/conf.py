"""The ``WAGTAIL_DANGVU`` setting: defaults, lookup and validation.

A portal configures the app with one dictionary::

    WAGTAIL_DANGVU = {
        "BASE_TEMPLATE": "base.html",
        "TIME_ZONE": "Asia/Ho_Chi_Minh",
        "RATINGS": {"ENABLED": True, "ANONYMOUS": True, "RATE": "10/m"},
    }

Missing keys take the defaults below. Misconfiguration is reported by the system
checks in :mod:`wagtail_dangvu.checks`, never by a crash at request time. The ratings
app (:mod:`wagtail_dangvu.ratings`) stands alone: ``RATINGS`` and ``BASE_TEMPLATE``,
which it reads too, have their defaults and checks there, and this module takes them
from it (the ratings app never imports this one).
"""

from __future__ import annotations

import copy
from typing import Any

from django.conf import settings

from .ratings import conf as ratings_conf

DEFAULTS: dict[str, Any] = {
    # The host portal's base template that every page template of the app extends.
    # It must define the blocks ``title``, ``extra_css``, ``content`` and ``extra_js``,
    # as the base template of a project made by ``wagtail start`` does.
    "BASE_TEMPLATE": ratings_conf.BASE_TEMPLATE,
    # The portal's own time zone, used for datelines whatever the server's TIME_ZONE.
    "TIME_ZONE": "Asia/Ho_Chi_Minh",
    # Items per page on index pages and the documents register.
    "PER_PAGE": 10,
    # Where the files of withheld register entries (classified or internal) are kept,
    # out of every web server's reach: None for a folder beside MEDIA_ROOT
    # ("<MEDIA_ROOT>-private"), or the alias of an entry in Django's STORAGES, e.g. a
    # private S3 bucket. Never the storage that serves MEDIA_URL.
    "PRIVATE_STORAGE": None,
    # The NukeViet importer (manage.py dangvu_import_nukeviet): an old category's alias
    # mapped to the article page type its articles become, e.g.
    # {"bao-cao": "wagtail_dangvu.DirectiveReportPage"}; other categories become news.
    "NUKEVIET_PAGE_TYPES": {},
    # The star rating's, when wagtail_dangvu.ratings is installed: its defaults are
    # the ratings app's own, as is their validation (wagtail_dangvu.ratings.checks).
    "RATINGS": ratings_conf.DEFAULTS,
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
