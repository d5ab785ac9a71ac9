"""The rating URLs. A portal includes them under a prefix of its choice::

path("dangvu/ratings/", include("wagtail_dangvu.ratings.urls")),
"""

from django.urls import path

from .views import RatingView, VotePageView

app_name = "dangvu_ratings"
urlpatterns = [
    path("<int:page_id>/", RatingView.as_view(), name="rating"),
    path("<int:page_id>/vote/", VotePageView.as_view(), name="vote"),
]
