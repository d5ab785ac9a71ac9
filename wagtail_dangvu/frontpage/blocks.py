"""Front page blocks: a portal's home page built from the lists of
:mod:`wagtail_dangvu.frontpage.lists`, each with an optional heading and how many to show.

``FrontPageBlock`` is the StreamBlock a host portal puts on its home page::

    body = StreamField(FrontPageBlock(), blank=True)

The same lists are template tags (``{% load dangvu_frontpage %}``) for a home page
written as a template.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Locale

from wagtail_dangvu.frontpage import lists

INDEX_TYPES = [
    "wagtail_dangvu.NewsIndexPage",
    "wagtail_dangvu.DirectiveReportIndexPage",
    "wagtail_dangvu.SeminarEventIndexPage",
    "wagtail_dangvu.DanVanKheoIndexPage",
]


def page_locale(parent_context):
    """The language of the page the block is on, or the one being read."""
    page = (parent_context or {}).get("page")
    return getattr(page, "locale", None) or Locale.get_active()


class FrontPageListBlock(blocks.StructBlock):
    """A titled list: the heading the editor writes, or the block's own."""

    heading = blocks.CharBlock(
        label=pgettext_lazy("front page list", "Heading"),
        required=False,
        max_length=100,
        help_text=_("Left empty, the list's usual heading is shown."),
    )
    count = blocks.IntegerBlock(
        label=_("How many"), default=5, min_value=1, max_value=lists.MAX_ITEMS
    )

    default_heading = ""

    class Meta:
        template = "wagtail_dangvu/frontpage/articles.html"

    def items(self, value, locale):
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = value.get("heading") or str(self.default_heading)
        context["items"] = self.items(value, page_locale(parent_context))
        return context


class LatestArticlesBlock(FrontPageListBlock):
    indexes = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=INDEX_TYPES, label=pgettext_lazy("front page", "Index")),
        label=_("From these indexes"),
        default=[],
        help_text=_("Left empty, the newest articles of the whole portal."),
    )

    default_heading = _("Latest news")

    class Meta:
        icon = "list-ul"
        label = _("Latest articles")

    def items(self, value, locale):
        return lists.latest_articles(
            indexes=value.get("indexes") or (), count=value["count"], locale=locale
        )


class FeaturedArticlesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=pgettext_lazy("front page list", "Heading"), required=False, max_length=100
    )
    articles = blocks.ListBlock(
        blocks.PageChooserBlock(label=pgettext_lazy("front page", "Article")),
        label=pgettext_lazy("front page", "Articles"),
        min_num=1,
        max_num=lists.MAX_ITEMS,
    )

    class Meta:
        icon = "pick"
        label = _("Featured articles")
        template = "wagtail_dangvu/frontpage/articles.html"

    def clean(self, value):
        value = super().clean(value)
        from wagtail_dangvu.articles.models import AbstractArticlePage

        refused = [
            index
            for index, page in enumerate(value["articles"])
            if page is not None and not issubclass(page.specific_class, AbstractArticlePage)
        ]
        if refused:
            message = gettext("Choose an article: a news article, report, event or story.")
            raise StructBlockValidationError(
                block_errors={
                    "articles": ListBlockValidationError(
                        block_errors={index: ValidationError(message) for index in refused}
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = value.get("heading") or gettext("Featured news")
        context["items"] = lists.featured_articles(
            value["articles"], locale=page_locale(parent_context)
        )
        context["featured"] = True
        return context


class UpcomingEventsBlock(FrontPageListBlock):
    index = blocks.PageChooserBlock(
        page_type="wagtail_dangvu.SeminarEventIndexPage",
        label=_("From this index"),
        required=False,
    )

    default_heading = _("Upcoming events")

    class Meta:
        icon = "date"
        label = _("Upcoming events")
        template = "wagtail_dangvu/frontpage/events.html"

    def items(self, value, locale):
        return lists.upcoming_events(index=value.get("index"), count=value["count"], locale=locale)


class RecentStoriesBlock(FrontPageListBlock):
    index = blocks.PageChooserBlock(
        page_type="wagtail_dangvu.DanVanKheoIndexPage",
        label=_("From this index"),
        required=False,
    )

    default_heading = _("Dân vận khéo")

    class Meta:
        icon = "group"
        label = _("Recent dân vận khéo stories")
        template = "wagtail_dangvu/frontpage/stories.html"

    def items(self, value, locale):
        return lists.recent_stories(index=value.get("index"), count=value["count"], locale=locale)


class MostReadBlock(FrontPageListBlock):
    default_heading = _("Most read")

    class Meta:
        icon = "view"
        label = _("Most read articles of the last 30 days")

    def items(self, value, locale):
        return lists.most_read(count=value["count"], locale=locale)


class BestRatedBlock(FrontPageListBlock):
    default_heading = _("Best rated")

    class Meta:
        icon = "pick"
        label = _("Best rated articles of the last 30 days")

    def items(self, value, locale):
        return lists.best_rated(count=value["count"], locale=locale)


class NewestDocumentsBlock(FrontPageListBlock):
    default_heading = _("New documents")

    class Meta:
        icon = "doc-full"
        label = _("Newest documents of the register")
        template = "wagtail_dangvu/frontpage/documents.html"

    def items(self, value, locale):
        return lists.newest_documents(count=value["count"], locale=locale)


class FrontPageBlock(blocks.StreamBlock):
    featured = FeaturedArticlesBlock()
    latest = LatestArticlesBlock()
    events = UpcomingEventsBlock()
    stories = RecentStoriesBlock()
    most_read = MostReadBlock()
    best_rated = BestRatedBlock()
    documents = NewestDocumentsBlock()
