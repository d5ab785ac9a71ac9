"""The ratings' panel on the admin dashboard: the most rated and the best rated pages."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .models import Rating


class RatingsPanel(Component):
    name = "dangvu_ratings"
    template_name = "wagtail_dangvu/ratings/admin/dashboard_panel.html"
    order = 260

    def __init__(self, limit: int = 5):
        self.limit = limit

    def get_context_data(self, parent_context=None):
        ratings = Rating.objects.in_current_mode().filter(page__isnull=False)
        ratings = ratings.select_related("page")
        return {
            "most_rated": list(ratings.most_rated()[: self.limit]),
            "best_rated": list(ratings.best_rated()[: self.limit]),
            "listing_url": reverse(Rating.snippet_viewset.get_url_name("list")),
        }
