"""Implementation reports (báo cáo sơ kết / tổng kết) on Party directives, and their index."""

from __future__ import annotations

import django_filters
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import ArticleBodyBlock, DocumentChooserBlock, FindingsBlock
from .article_filters import ArticleFilterSet, TagFacet, TagFilter, YearFacet, YearFilter
from .articles import AbstractArticleIndexPage, AbstractArticlePage
from .documents import PartyDocument
from .mentions import DocumentMention


class ReportKind(models.TextChoices):
    INTERIM = "interim", _("Interim review (sơ kết)")
    FINAL = "final", _("Final review (tổng kết)")
    OTHER = "other", _("Other report")


def document_stream(**kwargs):
    return StreamField([("document", DocumentChooserBlock())], blank=True, **kwargs)


class DirectiveReportPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_dangvu.DirectiveReportPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DirectiveReportPage(AbstractArticlePage):
    """A report on implementing Party documents over a period."""

    kind = models.CharField(
        _("kind of report"), max_length=20, choices=ReportKind.choices, default=ReportKind.INTERIM
    )
    documents = document_stream(
        verbose_name=_("documents reported on"),
        help_text=_("The documents whose implementation this report reviews, e.g. 21-KL/TW."),
    )
    plans = document_stream(
        verbose_name=_("implementing plans"),
        help_text=_("The plans that put them into practice, e.g. 44-KH/HU and 25-KH/ĐU."),
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    committee = models.CharField(
        _("reporting committee"), max_length=255, help_text=_("e.g. Đảng ủy xã Long Bình.")
    )
    place = models.CharField(
        _("place"), max_length=100, blank=True, help_text=_("For the date line, e.g. Long Bình.")
    )
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))
    findings = StreamField(
        [("findings", FindingsBlock())], blank=True, max_num=1, verbose_name=_("assessment")
    )
    tags = ClusterTaggableManager(
        through=DirectiveReportPageTag, blank=True, verbose_name=_("tags")
    )

    parent_page_types = ["wagtail_dangvu.DirectiveReportIndexPage"]
    subpage_types = []
    template = "wagtail_dangvu/directive_report_page.html"
    text_fields = ("summary", "committee", "author")

    content_panels = [
        *AbstractArticlePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldRowPanel([FieldPanel("committee"), FieldPanel("place")]),
                FieldPanel("author"),
            ],
            heading=_("Report"),
        ),
        FieldPanel("documents"),
        FieldPanel("plans"),
        FieldPanel("body"),
        FieldPanel("findings"),
        FieldPanel("tags"),
        *AbstractArticlePage.reading_panels,
    ]

    search_fields = [
        *AbstractArticlePage.search_fields,
        index.SearchField("committee"),
        index.FilterField("period_end"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("summary"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("committee"),
        APIField("place"),
        APIField("author"),
        APIField("documents"),
        APIField("plans"),
        APIField("body"),
        APIField("findings"),
        APIField("tag_names"),
        *AbstractArticlePage.reading_api_fields,
    ]

    class Meta:
        verbose_name = _("directive implementation report")
        verbose_name_plural = _("directive implementation reports")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": gettext("The period cannot end before it starts.")}
            )

    def reference_date(self):
        return self.period_end

    def json_ld(self) -> dict:
        data = super().json_ld()
        data["publisher"] = {"@type": "Organization", "name": self.committee}
        data["about"] = [
            {"@type": "CreativeWork", "name": f"{document.type_name} {document.symbol}"}
            for document in self.public_documents
        ]
        return data

    @property
    def findings_value(self):
        return self.findings[0].value if self.findings else None


class ReportFilterSet(ArticleFilterSet):
    document = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("party document", "Document"),
        queryset=PartyDocument.objects.none(),
        method="filter_document",
    )
    year = YearFilter("period_end")
    tag = TagFilter()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.page is not None:
            self.filters["document"].queryset = PartyDocument.objects.public().filter(
                locale_id=self.page.locale_id
            )

    def filter_document(self, queryset, name, document):
        return queryset.filter(pk__in=DocumentMention.objects.pages_naming(document.symbol))


class DirectiveReportIndexPage(AbstractArticleIndexPage):
    """The reports, newest period first, filtered by document, year and tag."""

    article_model = DirectiveReportPage
    filterset_class = ReportFilterSet
    facets = (YearFacet("year"), TagFacet())

    subpage_types = ["wagtail_dangvu.DirectiveReportPage"]
    template = "wagtail_dangvu/directive_report_index_page.html"

    class Meta:
        verbose_name = _("directive report index")
        verbose_name_plural = _("directive report indexes")

    def order_listing(self, queryset):
        return queryset.order_by("-period_end", "-first_published_at", "-pk")

    def order_feed(self, queryset):
        return self.order_listing(queryset)
