"""Settings of the example portal: a commune portal that installs wagtail-dangvu.

SQLite by default; set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to use
PostgreSQL, and REDIS_URL to use Redis as the cache. DEBUG is off unless DJANGO_DEBUG=1.
"""

import os
from pathlib import Path

import dj_database_url

from wagtail_dangvu.locale_vi import JAVASCRIPT_LOCALE_PATH

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-portal-not-secret-change-me")
# Off unless asked for (DJANGO_DEBUG=1, as `make demo` does): a visitor gets the portal's
# 404 and 500 pages (templates/), never a traceback.
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "example_site.home",
    "wagtail_dangvu",
    "wagtail_dangvu.ratings",
    "wagtail_dangvu.locale_vi",  # Vietnamese for Wagtail's admin: before Wagtail's apps
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail_dangvu.middleware.PublishingRefusedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0
    )
}

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Vietnamese first; English as the second content language through wagtail-localize.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Wagtail's sign-in form labels its password field in English (wagtail_dangvu.locale_vi).
WAGTAILADMIN_USER_LOGIN_FORM = "wagtail_dangvu.locale_vi.forms.LoginForm"
TIME_ZONE = "Asia/Ho_Chi_Minh"
LOCALE_PATHS = [
    BASE_DIR / "locale",  # the example portal's own strings
    JAVASCRIPT_LOCALE_PATH,  # Vietnamese for the admin's JavaScript (wagtail_dangvu.locale_vi)
]
USE_I18N = True
USE_TZ = True
# Dates day first in every form of the admin (wagtail_dangvu.locale_formats): Django's
# Vietnamese has no input formats and would read "01/02/2026" as 2 January; Wagtail's
# pickers (go-live and expiry dates among them) write and show dd/mm/yyyy.
FORMAT_MODULE_PATH = ["wagtail_dangvu.locale_formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "assets"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"

WAGTAIL_SITE_NAME = "Cổng thông tin Đảng bộ xã Long Bình"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend, handed the words of a query only (no 500 on a quote).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail_dangvu.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "zip"]

WAGTAIL_DANGVU = {
    "BASE_TEMPLATE": "base.html",
    "TIME_ZONE": "Asia/Ho_Chi_Minh",
}
