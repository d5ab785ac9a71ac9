"""Public URLs of the app outside the page tree: the portal search and the portal feed.

Mount them inside ``i18n_patterns`` so each language gets its own::

    path("", include("wagtail_dangvu.urls")),  # /tim-kiem/ and /rss/, before Wagtail's
"""

from django.urls import path

from .feeds import portal_feed
from .views import search_view

app_name = "dangvu"

urlpatterns = [
    path("tim-kiem/", search_view, name="search"),
    path("rss/", portal_feed, name="feed"),
]
