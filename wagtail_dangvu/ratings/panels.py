"""``RatingPanel``: a page's rating, read-only, in the page editor.

Add it to any page type's panels::

    from wagtail_dangvu.ratings.panels import RatingPanel

    class ArticlePage(Page):
        promote_panels = [*Page.promote_panels, RatingPanel()]
"""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .conf import ratings_setting
from .models import Rating
from .scores import Tally

HEADING = _("Rating")


class RatingPanel(Panel):
    def __init__(self, heading=HEADING, **kwargs):
        super().__init__(heading=heading, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_dangvu/ratings/admin/rating_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            rating = Rating.objects.for_page(page).first() if page.pk else None
            policy = Rating.snippet_viewset.permission_policy
            user = self.request.user
            links = {}
            if rating is not None and policy.user_has_permission(user, "change"):
                links["edit_url"] = reverse(
                    Rating.snippet_viewset.get_url_name("edit"), args=[quote(rating.pk)]
                )
            if rating is not None and rating.count and policy.user_has_permission(user, "reset"):
                links["reset_url"] = reverse(
                    Rating.snippet_viewset.get_url_name("reset"), args=[quote(rating.pk)]
                )
            context.update(
                rating=rating,
                tally=rating.tally if rating else Tally(),
                site_enabled=ratings_setting("ENABLED"),
                **links,
            )
            return context
