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
from wagtail_dangvu.documents.mentions import DocumentMention
from wagtail_dangvu.documents.models import PartyDocument
from wagtail_dangvu.statistics.findings import FindingsBlock
from wagtail_dangvu.units.display import committee_name
from wagtail_dangvu.units.filters import UnitFacet, UnitFilter
from wagtail_dangvu.units.naming import place_name


class ReportKind(models.TextChoices):
    INTERIM = "interim", _("Interim review (sơ kết)")
    FINAL = "final", _("Final review (tổng kết)")
    OTHER = "other", _("Other report")


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
        _("reporting committee"),
        max_length=255,
        blank=True,
        help_text=_(
            "e.g. Đảng ủy xã Long Bình. Left empty, the committee of the unit whose "
            "section the report is in is shown."
        ),
    )
    place = models.CharField(
        _("place"),
        max_length=100,
        blank=True,
        help_text=_(
            "For the date line, e.g. Long Bình. Left empty, the name of the report's unit."
        ),
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

    @property
    def committee_line(self) -> str:
        """The reporting committee: the editor's, else the committee of the page's unit."""
        return self.committee or committee_name(self.owning_unit)

    @property
    def dateline_place(self) -> str:
        """The place of the formal date line: the editor's, else the unit's own name."""
        if self.place:
            return self.place
        unit = self.owning_unit
        return place_name(unit.kind, unit.name) if unit is not None else ""

    def json_ld(self) -> dict:
        data = super().json_ld()
        if committee := self.committee_line:
            data["publisher"] = {"@type": "Organization", "name": committee}
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
    unit = UnitFilter()
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
    facets = (UnitFacet(), YearFacet("year"), TagFacet())

    subpage_types = ["wagtail_dangvu.DirectiveReportPage"]
    template = "wagtail_dangvu/directive_report_index_page.html"

    class Meta:
        verbose_name = _("directive report index")
        verbose_name_plural = _("directive report indexes")

    def order_listing(self, queryset):
        return queryset.order_by("-period_end", "-first_published_at", "-pk")

    def order_feed(self, queryset):
        return self.order_listing(queryset)
