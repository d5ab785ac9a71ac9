"""The portal's everyday news: news articles ("Tin bài") in nestable sections ("Chuyên mục").

A section lists its own articles and those of its sub-sections, newest first, so the
section "Tin tức" shows what "Hoạt động cơ sở" beneath it publishes. The other article
types (reports, events, stories) keep their own indexes for their own content.
"""

from __future__ import annotations

from django import forms
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from wagtail_dangvu.articles.blocks import ArticleBodyBlock
from wagtail_dangvu.articles.filters import (
    ArticleFilterSet,
    TagFacet,
    TagFilter,
    YearFacet,
    YearFilter,
)
from wagtail_dangvu.articles.models import AbstractArticleIndexPage, AbstractArticlePage
from wagtail_dangvu.documents.blocks import document_stream

# The picture beside an article in a section's list.
LIST_THUMBNAIL = "fill-320x200"


class NewsArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_dangvu.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(AbstractArticlePage):
    """A news article: a headline, its opening, a picture, the text, the documents named."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the article and beside it in lists."),
    )
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))
    documents = document_stream(
        verbose_name=pgettext_lazy("party documents", "documents"),
        help_text=_("The Party documents this article is about, e.g. 21-KL/TW."),
    )
    tags = ClusterTaggableManager(through=NewsArticlePageTag, blank=True, verbose_name=_("tags"))
    # Sections that list this article besides the one it lives in (NukeViet's listcatid).
    also_listed_in = ParentalManyToManyField(
        "wagtail_dangvu.NewsIndexPage",
        blank=True,
        verbose_name=_("also listed in"),
        related_name="+",
        help_text=_("Other news sections that list this article besides its own."),
    )

    parent_page_types = ["wagtail_dangvu.NewsIndexPage"]
    subpage_types = []
    template = "wagtail_dangvu/news_article_page.html"
    schema_type = "NewsArticle"

    content_panels = [
        *AbstractArticlePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("author"),
        FieldPanel("tags"),
        FieldPanel("also_listed_in", widget=forms.CheckboxSelectMultiple),
        *AbstractArticlePage.reading_panels,
    ]

    api_fields = [
        *AbstractArticlePage.api_fields,
        APIField("image"),
        APIField("body"),
        APIField("documents"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def image_url(self) -> str:
        if self.image is None:
            return ""
        try:
            return self.image.get_rendition("width-1200").full_url
        except OSError:  # wagtail.images SourceImageIOError: the file is missing
            return ""

    def json_ld(self) -> dict:
        data = super().json_ld()
        if image_url := self.image_url():
            data["image"] = [image_url]
        if documents := self.public_documents:
            data["about"] = [
                {"@type": "CreativeWork", "name": f"{document.type_name} {document.symbol}"}
                for document in documents
            ]
        return data


class NewsFilterSet(ArticleFilterSet):
    year = YearFilter("first_published_at")
    tag = TagFilter()


class NewsIndexPage(AbstractArticleIndexPage):
    """A news section: its articles and those of its sub-sections, newest first, and the
    articles of other sections that name it as a section they are also listed in."""

    article_model = NewsArticlePage
    filterset_class = NewsFilterSet
    facets = (YearFacet("year"), TagFacet())
    include_descendants = True

    subpage_types = ["wagtail_dangvu.NewsArticlePage", "wagtail_dangvu.NewsIndexPage"]
    template = "wagtail_dangvu/news_index_page.html"

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    @cached_property
    def _public_articles(self):
        # The live, public articles beneath this section or also listed in it.
        articles = NewsArticlePage.objects.live().public()
        listed_here = NewsArticlePage.also_listed_in.through.objects.filter(
            newsindexpage_id=self.pk
        ).values("newsarticlepage_id")
        return articles.filter(
            Q(path__startswith=self.path, depth__gt=self.depth) | Q(pk__in=listed_here)
        )

    def listing_queryset(self, queryset):
        # Each article's picture with its list thumbnail: two queries for the whole page.
        images = get_image_model().objects.prefetch_renditions(LIST_THUMBNAIL)
        return super().listing_queryset(queryset).prefetch_related(Prefetch("image", images))

    def sections(self):
        """The sections directly beneath this one, for the reader's navigation."""
        return NewsIndexPage.objects.child_of(self).live().public().order_by("path")
