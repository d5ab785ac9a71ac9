from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet

from .dashboard import RatingsPanel
from .models import Rating
from .viewsets import RatingViewSet
from .wording import ranking_line

register_snippet(RatingViewSet)

#: What a user needs to see ratings in the admin.
ADMIN_PERMISSIONS = {"add", "change", "delete", "reset"}


@hooks.register("register_log_actions")
def register_rating_log_actions(actions):
    actions.register_action(
        "wagtail_dangvu_ratings.reset", gettext_lazy("Reset rating"), gettext_lazy("Rating reset")
    )


@hooks.register("construct_homepage_panels")
def add_ratings_panel(request, panels):
    policy = Rating.snippet_viewset.permission_policy
    if policy.user_has_any_permission(request.user, ADMIN_PERMISSIONS):
        panels.append(RatingsPanel())


@hooks.register("register_page_header_buttons")
def rating_header_button(page, user, view_name, next_url=None):
    """In the editor of any page type: the page's rating, linking to it in the admin."""
    if view_name != "edit":
        return []
    policy = Rating.snippet_viewset.permission_policy
    if not policy.user_has_permission(user, "change"):
        return []
    rating = Rating.objects.for_page(page).first()
    if rating is None or not rating.count:
        return []
    return [
        Button(
            ranking_line(rating.tally),
            url=reverse(Rating.snippet_viewset.get_url_name("edit"), args=[quote(rating.pk)]),
            icon_name="pick",
            priority=80,
        )
    ]
