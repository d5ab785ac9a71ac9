"""One RSS feed for all of the app's articles in the reader's language."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site, get_page_models

from .models import DangvuPage

FEED_LENGTH = 50


def article_models():
    """The page types whose pages are articles: every app page type but indexes."""
    return [
        model
        for model in get_page_models()
        if issubclass(model, DangvuPage) and getattr(model, "portal_feed", False)
    ]


class PortalFeed(Feed):
    """Reports, events and stories together, newest first (``dangvu:feed``)."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

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

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.feed_summary()

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return f"{item.translation_key}:{item.locale_id}"

    item_guid_is_permalink = False


portal_feed = PortalFeed()
