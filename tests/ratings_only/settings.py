"""A portal that installs the star rating alone: the settings of a project made by
``wagtail start``, plus what docs/ratings.md ("Install") tells a developer to add, and
nothing else of wagtail-dangvu (neither ``wagtail_dangvu`` nor ``locale_vi``).

Read from the environment, so that a test runs it in a subprocess:

- ``DANGVU_RATINGS_ONLY_DATABASE_URL``: the database (required; a throwaway one).
- ``DANGVU_RATINGS_ONLY_SETTING``: ``WAGTAIL_DANGVU`` as JSON (optional; without it the
  project has no ``WAGTAIL_DANGVU`` at all and runs on the defaults).
"""

import json
import os
import tempfile
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent

SECRET_KEY = "ratings-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

INSTALLED_APPS = [
    "tests.ratings_only.news",
    # docs/ratings.md, "Install":
    "wagtail_dangvu.ratings",
    # `wagtail start` (wagtail.snippets, sessions and messages among them):
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "tests.ratings_only.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(os.environ["DANGVU_RATINGS_ONLY_DATABASE_URL"])}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# docs/ratings.md uses Redis, shared between processes; one process needs no more.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(tempfile.gettempdir()) / "dangvu-ratings-only-static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(tempfile.gettempdir()) / "dangvu-ratings-only-media"

WAGTAIL_SITE_NAME = "Cổng thông tin của riêng một đảng bộ"
WAGTAILADMIN_BASE_URL = "http://testserver"

if os.environ.get("DANGVU_RATINGS_ONLY_SETTING"):
    WAGTAIL_DANGVU = json.loads(os.environ["DANGVU_RATINGS_ONLY_SETTING"])
