"""System checks for the ``WAGTAIL_DANGVU`` setting, the files of withheld entries and
the app's other settings (ids ``wagtail_dangvu.E0xx`` for errors, ``W0xx`` for warnings).

The ratings app checks ``WAGTAIL_DANGVU["RATINGS"]`` itself (:mod:`wagtail_dangvu.ratings.checks`),
where it is installed, and the two things both apps read (E001, E009)."""

from __future__ import annotations

import datetime
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.files.storage import storages
from django.db import DatabaseError, router

from .conf import DEFAULTS, get_settings
from .ratings.checks import SHARED_CHECKS

# What the ratings app reads too: it checks them wherever it is installed, this app as
# well (the same functions, so each is reported once).
for _check, _tag in SHARED_CHECKS:
    register(_check, _tag)


@register(Tags.compatibility)
def check_settings(app_configs=None, **kwargs):
    errors = []
    user = getattr(settings, "WAGTAIL_DANGVU", None) or {}
    if not isinstance(user, dict):
        return []  # wagtail_dangvu.E001 (check_setting_type)
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
    # RATINGS: wagtail_dangvu.ratings.checks (E005 to E008 and E101 up).
    return errors


# --- the files of withheld register entries -------------------------------------------


def _inside(path, roots) -> bool:
    path = Path(path).resolve()
    return any(root and path.is_relative_to(Path(root).resolve()) for root in roots)


@register(Tags.compatibility)
def check_private_storage(app_configs=None, **kwargs):
    """WAGTAIL_DANGVU['PRIVATE_STORAGE'] names a storage that no URL maps to."""
    from wagtail_dangvu.documents.files import default_private_location

    alias = get_settings()["PRIVATE_STORAGE"]
    public_roots = [settings.MEDIA_ROOT, getattr(settings, "STATIC_ROOT", None)]
    hint = (
        "The files of withheld register entries need a storage of their own: None for a "
        "folder beside MEDIA_ROOT, or the alias of a private entry in STORAGES."
    )
    if alias is None:
        if not settings.MEDIA_ROOT:
            return [
                Error(
                    "WAGTAIL_DANGVU['PRIVATE_STORAGE'] is None, which puts the files of "
                    "withheld entries beside MEDIA_ROOT, but MEDIA_ROOT is not set.",
                    hint=hint,
                    id="wagtail_dangvu.E020",
                )
            ]
        location = default_private_location()
    else:
        storages_setting = getattr(settings, "STORAGES", {}) or {}
        if not isinstance(alias, str) or not alias:
            return [
                Error(
                    "WAGTAIL_DANGVU['PRIVATE_STORAGE'] must be None or the alias of a "
                    f"storage in STORAGES, not {alias!r}.",
                    hint=hint,
                    id="wagtail_dangvu.E021",
                )
            ]
        if alias not in storages_setting:
            return [
                Error(
                    f"WAGTAIL_DANGVU['PRIVATE_STORAGE'] names {alias!r}, which is not in STORAGES.",
                    hint=hint,
                    id="wagtail_dangvu.E021",
                )
            ]
        public = {name for name in ("default", "staticfiles") if name in storages_setting}
        if alias in public or any(
            storages_setting[alias] == storages_setting[name] for name in public
        ):
            return [
                Error(
                    f"WAGTAIL_DANGVU['PRIVATE_STORAGE'] names {alias!r}, a storage that "
                    "serves the site's public files.",
                    hint=hint,
                    id="wagtail_dangvu.E022",
                )
            ]
        location = getattr(storages[alias], "location", None)
    if location is not None and _inside(location, public_roots):
        return [
            Error(
                f"The private storage of withheld files ({location}) is inside MEDIA_ROOT "
                "or STATIC_ROOT, where the web server serves it.",
                hint=hint,
                id="wagtail_dangvu.E022",
            )
        ]
    return []


@register(Tags.security, Tags.database)
def check_withheld_files(app_configs=None, databases=None, **kwargs):
    """Files of withheld entries are not reachable around Wagtail's document view.

    A database check: Django runs it with the database only in ``migrate`` and
    ``check --database default``; a plain ``check`` (and ``runserver``) gets the warning
    alone.
    """
    from wagtail_dangvu.documents.files import withheld_document_ids
    from wagtail_dangvu.documents.models import PartyDocument
    from wagtail_dangvu.documents.withheld_files import WithheldFile

    direct = getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None) == "direct"
    alias = router.db_for_read(PartyDocument)
    withheld = unmoved = None
    if databases and alias in databases:
        try:
            withheld = PartyDocument.objects.using(alias).withheld().exists()
            unmoved = (
                withheld_document_ids()
                .using(alias)
                .exclude(file_id__in=WithheldFile.objects.values("document_id"))
                .distinct()
                .count()
            )
        except DatabaseError:  # not migrated yet: nothing is withheld
            withheld = unmoved = None
    messages = []
    if direct and withheld:
        messages.append(
            Error(
                "WAGTAILDOCS_SERVE_METHOD is 'direct' and the documents register has "
                "withheld entries: links to their files bypass Wagtail's document view, "
                "which alone lets the register's keepers download them.",
                hint="Use 'serve_view' or 'redirect' (or leave it unset).",
                id="wagtail_dangvu.E023",
            )
        )
    elif direct:
        messages.append(
            Warning(
                "WAGTAILDOCS_SERVE_METHOD is 'direct': document links point at the storage, "
                "bypassing Wagtail's document view. It becomes an error as soon as the "
                "register has a withheld entry (checked by migrate and "
                "'check --database default').",
                hint="Use 'serve_view' or 'redirect' (or leave it unset).",
                id="wagtail_dangvu.W020",
            )
        )
    if unmoved:
        messages.append(
            Warning(
                f"{unmoved} file(s) of withheld register entries are still in the public storage.",
                hint="Run 'manage.py dangvu_withheld_files' to move them.",
                id="wagtail_dangvu.W021",
            )
        )
    return messages


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


# 1 February 2026: month first, "01/02/2026" would be 2 January.
DAY_FIRST_SAMPLE = datetime.datetime(2026, 2, 1, 8, 30)
DATE_FORMATS_HINT = (
    'Set FORMAT_MODULE_PATH = ["wagtail_dangvu.locale_formats"], WAGTAIL_DATE_FORMAT = '
    '"%d/%m/%Y" and WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M" (see "Dates" in the README).'
)


def _read_in(language, field, text):
    """What ``field`` (a Django form field class) reads ``text`` as in ``language``."""
    from django import forms
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override(language):
        try:
            value = field().to_python(text)
        except ValidationError:
            return None
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None) if field is forms.DateTimeField else value
    return value


@register(Tags.compatibility)
def check_date_formats(app_configs=None, **kwargs):
    """Dates in the admin's forms must be read day first, and read back as the pickers
    write them (Wagtail's own check of the latter, wagtailadmin.E003, only runs with the
    USE_L10N setting Django 5 no longer has)."""
    from django import forms

    day_first = [
        (forms.DateField, DAY_FIRST_SAMPLE.strftime("%d/%m/%Y"), DAY_FIRST_SAMPLE.date()),
        (forms.DateTimeField, DAY_FIRST_SAMPLE.strftime("%d/%m/%Y %H:%M"), DAY_FIRST_SAMPLE),
    ]
    messages = []
    for field, text, meant in day_first:
        read = _read_in("vi", field, text)
        if read != meant:
            messages.append(
                Warning(
                    f'The Vietnamese admin reads "{text}" as {read or "no date"}, not day '
                    "first: a plain date field of the portal (Wagtail's go-live and expiry "
                    "dates among them) takes dd/mm/yyyy month first or refuses it.",
                    hint=DATE_FORMATS_HINT,
                    id="wagtail_dangvu.W030",
                )
            )
    pickers = [
        ("WAGTAIL_DATE_FORMAT", "%Y-%m-%d", forms.DateField, DAY_FIRST_SAMPLE.date()),
        ("WAGTAIL_DATETIME_FORMAT", "%Y-%m-%d %H:%M", forms.DateTimeField, DAY_FIRST_SAMPLE),
    ]
    # The languages an editor may choose for the admin (WAGTAILADMIN_PERMITTED_LANGUAGES).
    from wagtail.admin.localization import get_available_admin_languages

    languages = ["vi", *(code for code, _name in get_available_admin_languages())]
    for setting, default, field, meant in pickers:
        written = meant.strftime(getattr(settings, setting, default))
        for language in dict.fromkeys(languages):
            if _read_in(language, field, written) != meant:
                messages.append(
                    Warning(
                        f'Wagtail\'s date pickers write "{written}" ({setting}), which the '
                        f"admin in {language} does not read back as that date: a date "
                        "chosen in a picker would be refused or changed.",
                        hint=DATE_FORMATS_HINT,
                        id="wagtail_dangvu.W031",
                    )
                )
    return messages
