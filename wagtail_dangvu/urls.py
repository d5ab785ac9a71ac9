"""Public URLs of the app outside the page tree: the portal search, the portal feed, the
articles' view counter and the pages of topics.

Mount them inside ``i18n_patterns`` so each language gets its own::

    path("", include("wagtail_dangvu.urls")),  # /tim-kiem/, /rss/, /luot-xem/<id>/, /chu-de/<slug>/
"""

from django.urls import path

from wagtail_dangvu.articles.counter import view_count
from wagtail_dangvu.articles.feeds import portal_feed
from wagtail_dangvu.articles.topic_views import topic_view

from .views import search_view

app_name = "dangvu"

urlpatterns = [
    path("tim-kiem/", search_view, name="search"),
    path("rss/", portal_feed, name="feed"),
    path("luot-xem/<int:page_id>/", view_count, name="view_count"),
    path("chu-de/<slug:slug>/", topic_view, name="topic"),
]
