"""Public URLs of the app outside the page tree: the portal search, the portal feed and
the pages of topics.

Mount them inside ``i18n_patterns`` so each language gets its own::

    path("", include("wagtail_dangvu.urls")),  # /tim-kiem/ and /rss/, before Wagtail's
"""

from django.urls import path

from .feeds import portal_feed
from .topic_views import topic_view
from .views import search_view

app_name = "dangvu"

urlpatterns = [
    path("tim-kiem/", search_view, name="search"),
    path("rss/", portal_feed, name="feed"),
    path("chu-de/<slug:slug>/", topic_view, name="topic"),
]
