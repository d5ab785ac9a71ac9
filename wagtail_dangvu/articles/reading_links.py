"""Links to pages from their ``url_path``: what ``{% pageurl %}`` gives, computed cheaply.

Wagtail's ``Page.get_url`` walks the site root paths, reverses ``wagtail_serve`` under the
page's language and finds the current site, for every page. A list of links under an
article shares all of that: :class:`PageLinks` looks the site root paths and the current
site up once, reverses the serve view once per site root, and then only joins strings.
"""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.urls.resolvers import RFC3986_SUBDELIMS
from django.utils import translation
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Site

from wagtail_dangvu.portal_time import iso
from wagtail_dangvu.pure import dates

from ..conf import get_setting


class ReadingLink:
    """A page in a list under an article: its title, URL and first publication."""

    __slots__ = ("date_iso", "date_text", "first_published_at", "pk", "title", "url")

    def __init__(self, pk, title, url, first_published_at, tz):
        self.pk = pk
        self.title = title
        self.url = url
        self.first_published_at = first_published_at
        if first_published_at is None:
            self.date_iso = self.date_text = ""
        else:
            # A moment in the portal's zone, to the second, as every <time> of the app.
            self.date_iso = iso(first_published_at)
            self.date_text = dates.vi_date(first_published_at, tz)

    def __repr__(self):
        return f"<ReadingLink {self.pk} {self.title!r}>"


class PageLinks:
    """The URLs of pages, given their ``url_path``, as seen from ``request``."""

    def __init__(self, page, request=None):
        # Wagtail caches the site root paths on the request (or the page without one).
        self.roots = page._get_site_root_paths(request)
        site = Site.find_for_request(request) if request is not None else None
        self.current_site_id = site.pk if site is not None else None
        self.single_site = len({root.site_id for root in self.roots}) == 1
        self.prefixes: dict = {}
        self.tz = get_setting("TIME_ZONE")

    def _prefix(self, root) -> str | None:
        """The serve view's address of the site root ``root``, in its language."""
        if root in self.prefixes:
            return self.prefixes[root]
        language = root.language_code
        try:
            if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                active = translation.get_language()
                try:
                    if get_supported_content_language_variant(active) == language:
                        language = active
                except LookupError:
                    pass
                with translation.override(language):
                    prefix = reverse("wagtail_serve", args=("",))
            else:
                prefix = reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            prefix = None
        self.prefixes[root] = prefix
        return prefix

    def url(self, url_path: str) -> str | None:
        """The page's URL, relative to the current site when it is on it, or None when
        no site serves it."""
        for root in self.roots:
            if url_path.startswith(root.root_path):
                break
        else:
            return None
        prefix = self._prefix(root)
        if prefix is None:
            return None
        path = prefix + quote(url_path[len(root.root_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
        if not WAGTAIL_APPEND_SLASH and path != "/":
            path = path.rstrip("/")
        if self.single_site or root.site_id == self.current_site_id:
            return path
        return root.root_url + path

    def link(self, pk, title, url_path, first_published_at) -> ReadingLink | None:
        url = self.url(url_path)
        if url is None:
            return None
        return ReadingLink(pk, title, url, first_published_at, self.tz)
