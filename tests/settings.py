"""Test settings: the example portal with fast hashing and throwaway media."""

import tempfile

from example_site.settings import *  # noqa: F403

# A portal's own page types beside the app's (tests/portal).
INSTALLED_APPS = ["tests.portal", *INSTALLED_APPS]  # noqa: F405

DEBUG = False
SECRET_KEY = "tests-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="dangvu-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Wagtail 7.0's django-tasks (0.7) updates the search and reference indexes when the
# transaction commits, which never happens inside a test; run them at once, as the
# django-tasks of Wagtail 7.1 and newer does (it ignores ENQUEUE_ON_COMMIT).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}
