"""Public URLs of the app that live outside the page tree: the portal search."""

from django.urls import path

from .views import search_view

app_name = "dangvu"

urlpatterns = [
    path("", search_view, name="search"),
]
