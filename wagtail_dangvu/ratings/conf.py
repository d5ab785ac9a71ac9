"""The ratings' part of the ``WAGTAIL_DANGVU`` setting (``WAGTAIL_DANGVU["RATINGS"]``).

The defaults and their validation live with the rest of the setting in
:mod:`wagtail_dangvu.conf` and :mod:`wagtail_dangvu.checks`. Every vote reads several of
them, so the merged values are kept until the setting changes (as tests change it).
"""

from functools import cache
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver

from wagtail_dangvu.conf import get_setting


@cache
def _ratings_settings() -> dict[str, Any]:
    return get_setting("RATINGS")


def ratings_setting(name: str) -> Any:
    return _ratings_settings()[name]


@receiver(setting_changed)
def _forget_ratings_settings(*, setting, **kwargs):
    if setting == "WAGTAIL_DANGVU":
        _ratings_settings.cache_clear()
