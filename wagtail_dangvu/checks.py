"""System checks for the ``WAGTAIL_DANGVU`` setting and the app's other settings (ids
``wagtail_dangvu.E0xx`` for errors, ``W0xx`` for warnings)."""

from __future__ import annotations

import re
import zoneinfo

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from .conf import DEFAULTS, get_settings

RATE_RE = re.compile(r"^\s*(?P<count>[1-9]\d*)\s*/\s*(?P<unit>[smhd])\s*$")


@register(Tags.compatibility)
def check_settings(app_configs=None, **kwargs):
    errors = []
    user = getattr(settings, "WAGTAIL_DANGVU", None)
    if user is not None and not isinstance(user, dict):
        return [
            Error(
                "WAGTAIL_DANGVU must be a dict.",
                hint="See the Configuration section of the README.",
                id="wagtail_dangvu.E001",
            )
        ]
    user = user or {}
    for key in user:
        if key not in DEFAULTS:
            errors.append(
                Error(
                    f"WAGTAIL_DANGVU has an unknown key {key!r}.",
                    hint="Known keys: " + ", ".join(sorted(DEFAULTS)),
                    id="wagtail_dangvu.E002",
                )
            )
    conf = get_settings()
    try:
        zoneinfo.ZoneInfo(str(conf["TIME_ZONE"]))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        errors.append(
            Error(
                f"WAGTAIL_DANGVU['TIME_ZONE'] is not a known time zone: {conf['TIME_ZONE']!r}.",
                hint="Use an IANA name such as 'Asia/Ho_Chi_Minh'.",
                id="wagtail_dangvu.E003",
            )
        )
    per_page = conf["PER_PAGE"]
    if not isinstance(per_page, int) or isinstance(per_page, bool) or per_page < 1:
        errors.append(
            Error(
                "WAGTAIL_DANGVU['PER_PAGE'] must be a positive integer.",
                id="wagtail_dangvu.E004",
            )
        )
    ratings = conf["RATINGS"]
    if not isinstance(ratings, dict):
        errors.append(Error("WAGTAIL_DANGVU['RATINGS'] must be a dict.", id="wagtail_dangvu.E005"))
        return errors
    for key in ratings:
        if key not in DEFAULTS["RATINGS"]:
            errors.append(
                Error(
                    f"WAGTAIL_DANGVU['RATINGS'] has an unknown key {key!r}.",
                    hint="Known keys: " + ", ".join(sorted(DEFAULTS["RATINGS"])),
                    id="wagtail_dangvu.E006",
                )
            )
    if not isinstance(ratings.get("RATE"), str) or not RATE_RE.match(ratings["RATE"]):
        errors.append(
            Error(
                f"WAGTAIL_DANGVU['RATINGS']['RATE'] is not a rate: {ratings.get('RATE')!r}.",
                hint="Write it as '<count>/<unit>' with unit s, m, h or d, e.g. '10/m'.",
                id="wagtail_dangvu.E007",
            )
        )
    minimum = ratings.get("MIN_AVERAGE")
    if not isinstance(minimum, int | float) or isinstance(minimum, bool) or not 0 <= minimum <= 5:
        errors.append(
            Error(
                "WAGTAIL_DANGVU['RATINGS']['MIN_AVERAGE'] must be a number from 0 to 5.",
                id="wagtail_dangvu.E008",
            )
        )
    return errors


@register(Tags.templates)
def check_base_template(app_configs=None, **kwargs):
    name = get_settings()["BASE_TEMPLATE"]
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return [
            Error(
                f"The base template {name!r} named by WAGTAIL_DANGVU['BASE_TEMPLATE'] "
                "does not exist.",
                hint="Point BASE_TEMPLATE at the portal's base template.",
                id="wagtail_dangvu.E009",
            )
        ]
    return []


PUBLISHING_MIDDLEWARE = "wagtail_dangvu.middleware.PublishingRefusedMiddleware"


@register(Tags.compatibility)
def check_publishing_middleware(app_configs=None, **kwargs):
    if PUBLISHING_MIDDLEWARE in (getattr(settings, "MIDDLEWARE", None) or ()):
        return []
    return [
        Warning(
            f"{PUBLISHING_MIDDLEWARE} is not in MIDDLEWARE.",
            hint=(
                "Without it, a moderator who approves a page naming a classified document "
                "from the dashboard gets a server error instead of the reason (the page is "
                "not published either way). Add it after MessageMiddleware."
            ),
            id="wagtail_dangvu.W001",
        )
    ]
