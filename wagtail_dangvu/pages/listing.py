"""What the app's listings share: pagination, the RSS feed classes, and the listing page
of the document register (article indexes are in :mod:`wagtail_dangvu.articles.models`)."""

from __future__ import annotations

from django import forms
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.functional import cached_property
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale

from wagtail_dangvu.conf import get_setting
from wagtail_dangvu.pages.base import DangvuPage
from wagtail_dangvu.portal_time import in_portal_zone
from wagtail_dangvu.pure.text import remove_control_characters


class IndexFilterForm(forms.Form):
    """Base of the filter forms: every field optional, values read from the query string."""

    def __init__(self, data=None, **kwargs):
        data = {key: value for key, value in (data or {}).items() if key in self.base_fields}
        super().__init__(data, **kwargs)

    def active_filters(self) -> dict:
        """The filters that could be read; one that could not is left out (and named to
        the reader), the others still apply."""
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}


def _xml_text(value):
    """A feed's value with the characters XML 1.0 cannot carry removed."""
    if isinstance(value, str):
        return remove_control_characters(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_text(item) for item in value)
    return value


class PortalRssFeed(Rss201rev2Feed):
    """RSS 2.0 that writes any text it is given.

    Django's XML writer refuses control characters with an exception, so one vertical
    tab pasted into a summary would take the whole feed down. Whatever a page holds
    (content saved before the app cleaned text on save, a tag, the site's name), every
    value is cleaned here, as it is written.
    """

    def write(self, outfile, encoding):
        self.feed = {key: _xml_text(value) for key, value in self.feed.items()}
        self.items = [{key: _xml_text(value) for key, value in item.items()} for item in self.items]
        super().write(outfile, encoding)


class ArticleFeed(Feed):
    """RSS 2.0 of the app's pages: what each item says, whatever the feed lists."""

    feed_type = PortalRssFeed
    request = None

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.feed_summary()

    def item_link(self, item):
        return item.get_url(self.request)

    # In the portal's zone: "Sat, 03 Dec 2022 07:43:00 +0700" whatever the server's.
    def item_pubdate(self, item):
        return in_portal_zone(item.first_published_at)

    def item_updateddate(self, item):
        return in_portal_zone(item.last_published_at)

    @cached_property
    def _language_codes(self) -> dict[int, str]:
        return dict(Locale.objects.values_list("pk", "language_code"))

    def item_guid(self, item):
        # Stable across edits and moves; one query for every item's language.
        return f"{item.translation_key}:{self._language_codes[item.locale_id]}"

    item_guid_is_permalink = False


class PageFeed(ArticleFeed):
    """An RSS 2.0 feed of an index page's items."""

    def __init__(self, index_page, request):
        super().__init__()
        self.index_page = index_page
        self.request = request

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.search_description or self.index_page.title

    def items(self):
        return self.index_page.feed_items(self.request)[:50]


def paginate(request, queryset):
    """The page of ``queryset`` the query string asks for; the last or first one when the
    number is out of range or not a number."""
    return Paginator(queryset, get_setting("PER_PAGE")).get_page(request.GET.get("page"))


class ListingPage(RoutablePageMixin, DangvuPage):
    """An index page: filters from the query string, pages of results, an RSS feed."""

    filter_form_class = IndexFilterForm
    feed_class = PageFeed
    listing_template = None

    class Meta:
        abstract = True

    def listing_queryset(self, request):
        """The items of the listing before filtering."""
        raise NotImplementedError

    def filter_queryset(self, queryset, filters: dict):
        return queryset

    def feed_items(self, request):
        return self.listing_queryset(request).order_by("-first_published_at")

    def paginate(self, request, queryset):
        return paginate(request, queryset)

    def listing_context(self, request, form, queryset) -> dict:
        return {}

    @path("")
    def index_view(self, request):
        form = self.filter_form_class(request.GET, **self.filter_form_kwargs(request))
        status = 200
        if request.GET and not form.is_valid():
            # A malformed query string: tell the reader what is wrong, never a 500.
            status = 400
        queryset = self.filter_queryset(self.listing_queryset(request), form.active_filters())
        items = self.paginate(request, queryset)
        context = self.get_context(request)
        context.update(
            filter_form=form,
            active_filters=form.active_filters(),
            items=items,
            querystring=self.querystring_without_page(request),
        )
        context.update(self.listing_context(request, form, queryset))
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def filter_form_kwargs(self, request) -> dict:
        return {}

    @staticmethod
    def querystring_without_page(request) -> str:
        params = request.GET.copy()
        params.pop("page", None)
        return params.urlencode()

    @path("rss/", name="rss")
    def rss_view(self, request):
        return self.feed_class(self, request)(request)

    def feed_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("rss")

    def serve_preview(self, request, mode_name):
        return self.index_view(request)
