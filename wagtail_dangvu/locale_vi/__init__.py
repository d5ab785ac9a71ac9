"""Vietnamese for the whole Wagtail admin: Wagtail, wagtail-localize, django-taggit and the
messages of Django itself that the admin shows (validation errors, timesince, auth).

A Django app with no models that only carries catalogues. Listed before Wagtail's apps in
``INSTALLED_APPS``, its ``locale/vi/LC_MESSAGES/django.mo`` completes (and where needed
corrects) the upstream Vietnamese catalogues, since Django merges app catalogues so that an
earlier app wins. Wagtail and wagtail-localize serve their JavaScript strings through
``JavaScriptCatalog(packages=[...])`` views that read only their own package's folder and
``settings.LOCALE_PATHS``, so the ``djangojs`` catalogue lives in a folder of its own,
:data:`JAVASCRIPT_LOCALE_PATH`, which a portal adds to ``LOCALE_PATHS``.

This module is imported from settings files: it must not import Django or the rest of
``wagtail_dangvu``.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

#: The folder of the ``django`` domain catalogue, found through ``INSTALLED_APPS``.
LOCALE_PATH = HERE / "locale"

#: The folder of the ``djangojs`` catalogue alone, for ``settings.LOCALE_PATHS``. It holds
#: no ``django.mo``, so listing it changes nothing but the admin's JavaScript strings.
JAVASCRIPT_LOCALE_PATH = HERE / "locale_js"

#: The apps whose Vietnamese this app completes, by the start of their module path. It
#: also completes Django's own catalogue, which every app outranks wherever it is listed.
COMPLETED_APPS = (
    "wagtail",
    "wagtail_localize",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
)
