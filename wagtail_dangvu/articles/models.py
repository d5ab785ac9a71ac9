"""The article core: what every article page and every article index of the app share.

An article type is a pair declared against these two abstract pages, the way
``wagtail.contrib.forms`` builds ``AbstractForm`` on ``FormMixin``:

- :class:`AbstractArticlePage` holds the summary, the author, the documents stream, the
  feed text, the JSON-LD and the search text; a concrete article adds its own fields and
  declares ``tags`` with its own tag model (django-taggit needs one per page type).
- :class:`AbstractArticleIndexPage` lists its articles through a django-filter
  ``FilterSet`` (:class:`ArticleFilterSet`) and declares its facets
  (:mod:`wagtail_dangvu.articles.filters`). One rule for a query string everywhere:
  a filter that cannot be read is ignored and named to the reader with a 400, the valid
  ones are kept; the RSS feed follows the same filters; every facet and tag link keeps
  the other filters.

Every article has the reading features below it (``reading_features``): its source,
attachments, the newer and older articles of its index, its topics and related articles
(:mod:`wagtail_dangvu.articles.reading`), the share bar (Facebook, Zalo, copy the link),
the print view at ``<article URL>print/`` and the view
counter (:mod:`wagtail_dangvu.articles.view_counts`). The print view renders the type's own
template with the print layout as its base template: each article template wraps its
article in ``{% block dangvu_article %}`` inside ``content``, and the print layout
(``wagtail_dangvu/print.html``) shows that block alone.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock as FileChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from wagtail_dangvu.articles.api import AttachmentsField, SourceField, TopicsField
from wagtail_dangvu.articles.filters import ArticleFilterSet
from wagtail_dangvu.articles.forms import ArticlePageForm
from wagtail_dangvu.articles.reading import ArticleReading, hidden_attachments
from wagtail_dangvu.articles.view_counts import ArticleViewCount
from wagtail_dangvu.documents.actions import PublishingRefused
from wagtail_dangvu.importers.nukeviet.panels import ImportRecordPanel
from wagtail_dangvu.pages.base import DangvuPage
from wagtail_dangvu.pages.listing import PageFeed, paginate
from wagtail_dangvu.pure.facets import Facets, querystring
from wagtail_dangvu.units.display import PROVINCE_KINDS, attach_units, unit_name
from wagtail_dangvu.units.lookup import unit_of

#: Where the share links lead. Zalo documents no share URL for the web; this is the one its
#: share plugin opens, which Vietnamese portals link to.
FACEBOOK_SHARE_URL = "https://www.facebook.com/sharer/sharer.php"
ZALO_SHARE_URL = "https://sp.zalo.me/share_inline"
PRINT_TEMPLATE = "wagtail_dangvu/print.html"


class AbstractArticlePage(RoutablePageMixin, DangvuPage):
    """An article of the portal: a report, an event, a story, a news article.

    Concrete subclasses declare ``tags = ClusterTaggableManager(through=<their tag
    model>)`` and ``parent_page_types``. Their template wraps the article in
    ``{% block dangvu_article %}`` inside ``{% block content %}``, for the print view.
    """

    portal_feed = True  # listed in the portal-wide RSS feed
    rateable = True  # shows the star rating and takes votes (wagtail_dangvu.ratings)
    # The share bar, the print view and the view counter; False turns them all off.
    reading_features = True
    # Topics and sources offered in the page's language (wagtail_dangvu.articles.forms).
    base_form_class = ArticlePageForm

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("The opening paragraph shown in lists and feeds.")
    )
    author = models.CharField(_("author"), max_length=255, blank=True)
    # What a reader finds under the article (wagtail_dangvu.articles.reading).
    source = models.ForeignKey(
        "wagtail_dangvu.Source",
        verbose_name=_("news source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    attachments = StreamField(
        [("file", FileChooserBlock(label=_("file")))],
        blank=True,
        verbose_name=_("attachments"),
        help_text=_(
            "Files listed under the article with their type and size. A restricted "
            "document is never listed, and a page attaching one is not published."
        ),
    )
    topics = ParentalManyToManyField(
        "wagtail_dangvu.Topic",
        blank=True,
        verbose_name=_("topics"),
        related_name="+",
        help_text=_("The running stories this article belongs to (Theo dòng sự kiện)."),
    )

    text_fields = ("summary", "author")

    # The editor's panels for the fields above: every article type's content_panels
    # include them, so they are declared once.
    reading_panels = [FieldPanel("source"), FieldPanel("topics"), FieldPanel("attachments")]

    # An imported article's old id and address (wagtail_dangvu.importers.nukeviet).
    settings_panels = [*DangvuPage.settings_panels, ImportRecordPanel()]

    is_article = True

    search_fields = [*DangvuPage.search_fields, index.SearchField("summary")]

    def search_text_parts(self) -> list[str]:
        """The page's words and its type's name in Vietnamese and English ("báo cáo sơ kết,
        tổng kết", "tọa đàm, hội nghị", "mô hình, điển hình dân vận khéo"): a type's name
        finds its articles, never an index, the register or a dashboard."""
        names = []
        for language in ("vi", "en"):
            with translation.override(language):
                names.append(str(self._meta.verbose_name))
        return [*super().search_text_parts(), *dict.fromkeys(names)]

    # The reading features in the API (wagtail_dangvu.articles.api), read for a whole
    # listing at once by the pages endpoint (wagtail_dangvu.api): every article type's
    # api_fields include them.
    reading_api_fields = [
        APIField("source", serializer=SourceField(read_only=True)),
        APIField("topics", serializer=TopicsField()),
        APIField("attachments", serializer=AttachmentsField()),
    ]

    api_fields = [
        APIField("summary"),
        APIField("author"),
        APIField("tag_names"),
        *reading_api_fields,
    ]

    class Meta:
        abstract = True

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]

    def feed_summary(self) -> str:
        return self.summary or super().feed_summary()

    def feed_categories(self) -> list[str]:
        """The categories of this article's item in RSS feeds: its tags, and its unit."""
        return [*self.tag_names, *self.unit_categories()]

    # The unit ------------------------------------------------------------------------------

    @cached_property
    def owning_unit(self):
        """The administrative unit this article belongs to (``unit_of``), or None.

        Listings fill it for a whole page of items at once (``attach_units``).
        """
        return unit_of(self)

    @property
    def commune(self):
        """The article's unit when it is a commune (xã, phường, đặc khu, or a former
        one), the unit that tells a province's articles apart; None for the province's
        own articles and outside any unit."""
        unit = self.owning_unit
        return unit if unit is not None and unit.kind not in PROVINCE_KINDS else None

    @property
    def unit_name(self) -> str:
        """The commune's name, added to places and locations; "" without a commune."""
        return unit_name(self.commune)

    def unit_categories(self) -> list[str]:
        """The commune as a feed category (RSS, iCalendar): none without a commune."""
        return [self.unit_name] if self.commune is not None else []

    def json_ld(self) -> dict:
        data = super().json_ld()
        if self.author:
            data["author"] = {"@type": "Person", "name": self.author}
        if tags := self.tag_names:
            data["keywords"] = ", ".join(tags)
        return data

    def check_publishable(self, *, ignore=()) -> None:
        """The gate on documents (see DangvuPage), and on attachments: a page attaching a
        restricted file (withheld by the register, or in a collection with a view
        restriction) is not published."""
        errors = {}
        try:
            super().check_publishable(ignore=ignore)
        except PublishingRefused as refusal:
            errors = refusal.message_dict
        if hidden := hidden_attachments(self):
            errors.setdefault("attachments", []).extend(
                attachment_refusal(document) for document in hidden
            )
        if errors:
            raise PublishingRefused(self, errors)

    @cached_property
    def index_page(self):
        """The index this article is listed in (its parent), or None."""
        parent = self.get_parent()
        parent = parent.specific if parent is not None else None
        return parent if isinstance(parent, AbstractArticleIndexPage) else None

    # Reading features ----------------------------------------------------------------------

    @path("print/", name="print")
    def print_view(self, request):
        """The article alone, for paper: the type's own template on the print layout.

        Routed, so Wagtail's serve rules apply: live pages only, and a private page asks
        for its password or login first.
        """
        if not self.reading_features:
            raise Http404
        context = self.get_context(request)
        site = self.get_site()
        context.update(
            dangvu_base_template=PRINT_TEMPLATE,
            portal_name=(site.site_name or site.root_page.localized.title) if site else "",
            article_url=self.get_full_url(request),
        )
        return TemplateResponse(request, self.get_template(request), context)

    def reading_context(self, request) -> dict:
        """The share links, the print link and the counter's URL, for the share bar."""
        url = self.get_full_url(request)
        try:
            counter_url = reverse("dangvu:view_count", kwargs={"page_id": self.pk})
        except NoReverseMatch:  # wagtail_dangvu.urls not mounted: no counter
            counter_url = None
        return {
            "url": url,
            "facebook": f"{FACEBOOK_SHARE_URL}?{urlencode({'u': url})}",
            "zalo": f"{ZALO_SHARE_URL}?{urlencode({'url': url})}",
            "print": self.get_url(request) + self.reverse_subpage("print"),
            "counter_url": counter_url,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.reading_features:
            # What follows the article, read lazily by the includes under it, in a fixed
            # number of queries; and the share bar's links.
            context["reading"] = ArticleReading(self, request)
            context["dangvu_reading"] = self.reading_context(request)
        return context

    @cached_property
    def view_total(self) -> int:
        """How many times the article has been read (as of this render)."""
        return ArticleViewCount.objects.total_for(self.pk)


def attachment_refusal(document) -> str:
    """Why a page attaching ``document`` (a restricted file) is not published; its title
    only to whoever may see withheld documents."""
    from wagtail_dangvu.documents.models import may_see_withheld
    from wagtail_dangvu.documents.viewer import current_viewer, viewer_is_declared

    if not viewer_is_declared() or may_see_withheld(current_viewer()):
        return gettext(
            "The attached file “%(title)s” is a restricted document and cannot be "
            "published. Remove it from the attachments or save a draft."
        ) % {"title": document.title}
    return gettext(
        "A file attached here is a restricted document and cannot be published. "
        "Remove it from the attachments or save a draft."
    )


class ArticleFeed(PageFeed):
    """An index's RSS: the articles its query string selects, newest first."""

    def __init__(self, index_page, request, articles):
        super().__init__(index_page, request)
        self.articles = articles

    def items(self):
        # Each item carries its unit as a category: the units of all 50 in one query.
        return attach_units(self.articles[:50], self.request)

    def item_categories(self, item):
        return item.feed_categories()


class AbstractArticleIndexPage(RoutablePageMixin, DangvuPage):
    """A list of articles of one type, filtered from the query string, with an RSS feed.

    Declare ``article_model`` (the article page class), ``filterset_class`` (a subclass
    of :class:`ArticleFilterSet`) and ``facets`` (instances of the facet classes of
    :mod:`~wagtail_dangvu.articles.filters`, in display order).
    """

    intro = RichTextField(_("introduction"), blank=True)
    list_communes = models.BooleanField(
        _("list the communes' articles"),
        default=True,
        help_text=_(
            "On a province's index: list the articles of this type of every commune "
            "below the province too, with a commune facet."
        ),
    )

    article_model: type[AbstractArticlePage] | None = None
    filterset_class = ArticleFilterSet
    facets: tuple = ()
    feed_class = ArticleFeed
    # List the articles of sub-indexes too (a news section and its sub-sections).
    include_descendants = False

    content_panels = [*DangvuPage.content_panels, FieldPanel("intro")]
    settings_panels = [
        *DangvuPage.settings_panels,
        FieldPanel("list_communes"),
        ImportRecordPanel(),
    ]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    # The unit ----------------------------------------------------------------------------

    @cached_property
    def index_unit(self):
        """The administrative unit of this index (``unit_of``), or None."""
        return unit_of(self)

    @cached_property
    def listing_unit(self):
        """The province whose communes' articles this index lists too, or None: the
        index's unit when it is a province (or a centrally governed city) with a
        section, and the editor left ``list_communes`` on."""
        unit = self.index_unit
        if (
            self.list_communes
            and unit is not None
            and unit.kind in PROVINCE_KINDS
            and getattr(unit, "section_path", None)
        ):
            return unit
        return None

    @property
    def unit_scope_path(self) -> str | None:
        """The section under which the commune filter offers units: the province's, on a
        province's index; None (no commune filter) elsewhere."""
        unit = self.listing_unit
        return unit.section_path if unit is not None else None

    # The articles ------------------------------------------------------------------------

    def articles(self):
        """The live, public articles of this index, unordered."""
        return self._public_articles.all()

    @cached_property
    def _public_articles(self):
        # public() reads the view restrictions when it is called: once per page instance
        # (one per request) rather than once for the listing and again per facet.
        articles = self.article_model.objects.live().public()
        if self.listing_unit is not None:
            # A province's index: every article of its type in the province's section.
            return articles.filter(path__startswith=self.listing_unit.section_path)
        if self.include_descendants:
            return articles.descendant_of(self)
        return articles.child_of(self)

    def order_listing(self, queryset):
        """The listing's order; newest first unless an index knows better."""
        return queryset.order_by("-first_published_at", "-pk")

    def listing_queryset(self, queryset):
        """What the listing needs of each article beyond its own columns."""
        return queryset.select_related("locale")

    def order_feed(self, queryset):
        return queryset.order_by("-first_published_at", "-pk")

    # Filters -----------------------------------------------------------------------------

    def filterset(self, request):
        """The index's filters read from ``request``'s query string."""
        return self.filterset_class(request.GET or None, queryset=self.articles(), page=self)

    def facet_list(self, filterset) -> Facets:
        return Facets(facet.build(self, filterset) for facet in self.facets)

    # Views -------------------------------------------------------------------------------

    @path("")
    def index_view(self, request):
        filterset = self.filterset(request)
        # A filter that cannot be read is ignored and named; the valid ones are kept.
        status = 400 if filterset.is_bound and filterset.errors else 200
        params = filterset.params()
        items = paginate(request, self.listing_queryset(self.order_listing(filterset.qs)))
        # Each item's unit (its commune), for the whole page of items in one query.
        items.object_list = attach_units(items.object_list, request)
        context = self.get_context(request)
        context.update(
            filterset=filterset,
            filter_form=filterset.form,
            active_filters=filterset.active_filters(),
            filter_params=params,
            facets=self.facet_list(filterset),
            items=items,
            # Pagination and the feed carry the understood filters only.
            querystring=querystring(params),
            filtered_feed_url=self.filtered_feed_url(params, request),
        )
        context.update(self.listing_context(request, filterset))
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def listing_context(self, request, filterset) -> dict:
        """What a concrete index adds to its listing's context."""
        return {}

    @path("rss/", name="rss")
    def rss_view(self, request):
        """The RSS feed, following the listing's filters: ``rss/?tag=kinh-te``."""
        filterset = self.filterset(request)
        if filterset.is_bound and filterset.errors:
            return filterset.error_response()
        articles = self.order_feed(filterset.qs).select_related("locale")
        return self.feed_class(self, request, articles.prefetch_related("tags"))(request)

    def feed_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("rss")

    def filtered_feed_url(self, params: dict[str, str], request=None) -> str:
        query = querystring(params)
        return self.feed_url(request) + (f"?{query}" if query else "")

    def serve_preview(self, request, mode_name):
        return self.index_view(request)

    def no_items_message(self) -> str:
        return gettext("No articles match these filters.")
