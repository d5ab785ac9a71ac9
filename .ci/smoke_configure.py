"""Add wagtail-dangvu to a project made by `wagtail start`, as the README tells a developer."""

import re
import sys
from pathlib import Path

settings_path, urls_path = (Path(arg) for arg in sys.argv[1:3])

settings = settings_path.read_text()
settings = settings.replace(
    "INSTALLED_APPS = [\n",
    "INSTALLED_APPS = [\n"
    '    "wagtail_dangvu",\n'
    '    "wagtail_dangvu.ratings",\n'
    '    "wagtail.contrib.routable_page",\n',
    1,
)
middleware = '    "django.contrib.messages.middleware.MessageMiddleware",\n'
assert middleware in settings, "the project's settings changed shape"
settings = settings.replace(
    middleware,
    middleware + '    "wagtail_dangvu.middleware.PublishingRefusedMiddleware",\n',
    1,
)
settings = re.sub(r'LANGUAGE_CODE = ".*"', 'LANGUAGE_CODE = "vi"', settings)
settings = re.sub(r'TIME_ZONE = ".*"', 'TIME_ZONE = "Asia/Ho_Chi_Minh"', settings)
settings += (
    '\nFORMAT_MODULE_PATH = ["wagtail_dangvu.locale_formats"]\n'
    'WAGTAIL_DATE_FORMAT = "%d/%m/%Y"\n'
    'WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"\n'
    'WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]\n'
)
settings_path.write_text(settings)

urls = urls_path.read_text()
urls = urls.replace(
    "urlpatterns = [\n",
    'urlpatterns = [\n    path("dangvu/ratings/", include("wagtail_dangvu.ratings.urls")),\n',
    1,
)
# The app's search and portal feed, before Wagtail's catch-all.
urls = urls.replace(
    '    path("", include(wagtail_urls)),',
    '    path("", include("wagtail_dangvu.urls")),\n    path("", include(wagtail_urls)),',
    1,
)
assert 'include("wagtail_dangvu.urls")' in urls, "the project's urls.py changed shape"
urls_path.write_text(urls)
