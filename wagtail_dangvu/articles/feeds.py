"""One RSS feed for all of the app's articles in the reader's language."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site, get_page_models

from wagtail_dangvu.pages.base import DangvuPage
from wagtail_dangvu.pages.listing import ArticleFeed

FEED_LENGTH = 50


def article_models():
    """The page types whose pages are articles: every app page type but indexes."""
    return [
        model
        for model in get_page_models()
        if issubclass(model, DangvuPage) and getattr(model, "portal_feed", False)
    ]


class PortalFeed(ArticleFeed):
    """Reports, events and stories together, newest first (``dangvu:feed``)."""

    def __init__(self, request):
        super().__init__()
        self.request = request

    def title(self):
        site = Site.find_for_request(self.request)
        name = site.site_name if site and site.site_name else ""
        return f"{name} – {gettext('Articles')}" if name else gettext("Articles")

    def link(self):
        return reverse("dangvu:feed")

    def description(self):
        return gettext("Reports, events and stories, newest first.")

    def items(self):
        return (
            Page.objects.live()
            .public()
            .type(*article_models())
            .filter(locale=Locale.get_active())
            .order_by("-first_published_at")
            .specific()[:FEED_LENGTH]
        )


def portal_feed(request):
    """The view: a feed object per request, since it holds the request."""
    return PortalFeed(request)(request)
