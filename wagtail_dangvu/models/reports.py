"""Implementation reports (báo cáo sơ kết / tổng kết) on Party directives, and their index."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import ArticleBodyBlock, DocumentChooserBlock, FindingsBlock
from .base import DangvuPage
from .documents import PartyDocument
from .listing import IndexFilterForm, ListingPage
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


class DirectiveReportPage(DangvuPage):
    """A report on implementing Party documents over a period."""

    portal_feed = True  # listed in the portal-wide RSS feed
    rateable = True  # shows the star rating and takes votes (wagtail_dangvu.ratings)

    kind = models.CharField(
        _("kind of report"), max_length=20, choices=ReportKind.choices, default=ReportKind.INTERIM
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("The opening paragraph shown in lists and feeds.")
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
    author = models.CharField(_("author"), max_length=255, blank=True)
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
        *DangvuPage.content_panels,
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
    ]

    search_fields = [
        *DangvuPage.search_fields,
        index.SearchField("summary"),
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
    ]

    class Meta:
        verbose_name = _("directive implementation report")
        verbose_name_plural = _("directive implementation reports")

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": gettext("The period cannot end before it starts.")}
            )

    def reference_date(self):
        return self.period_end

    def feed_summary(self) -> str:
        return self.summary or super().feed_summary()

    def json_ld(self) -> dict:
        data = super().json_ld()
        if self.author:
            data["author"] = {"@type": "Person", "name": self.author}
        data["publisher"] = {"@type": "Organization", "name": self.committee}
        data["about"] = [
            {"@type": "CreativeWork", "name": f"{document.type_name} {document.symbol}"}
            for document in self.public_documents
        ]
        if tags := self.tag_names:
            data["keywords"] = ", ".join(tags)
        return data

    @property
    def findings_value(self):
        return self.findings[0].value if self.findings else None


class ReportFilterForm(IndexFilterForm):
    document = forms.ModelChoiceField(queryset=PartyDocument.objects.none(), required=False)
    year = forms.IntegerField(required=False, min_value=1930, max_value=2100)
    tag = forms.SlugField(required=False, allow_unicode=True)

    def __init__(self, data=None, *, documents=None, **kwargs):
        super().__init__(data, **kwargs)
        if documents is not None:
            self.fields["document"].queryset = documents
        self.fields["document"].label = pgettext_lazy("party document", "Document")
        self.fields["year"].label = _("Year")
        self.fields["tag"].label = _("Tag")


class DirectiveReportIndexPage(ListingPage):
    """The reports, newest first, filtered by document, year and tag."""

    intro = models.TextField(_("introduction"), blank=True)

    subpage_types = ["wagtail_dangvu.DirectiveReportPage"]
    template = "wagtail_dangvu/directive_report_index_page.html"
    filter_form_class = ReportFilterForm

    content_panels = [*ListingPage.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("directive report index")
        verbose_name_plural = _("directive report indexes")

    def listing_queryset(self, request):
        return (
            DirectiveReportPage.objects.child_of(self)
            .live()
            .public()
            .select_related("locale")
            .order_by("-period_end", "-first_published_at")
        )

    def feed_items(self, request):
        return self.listing_queryset(request)

    def filter_form_kwargs(self, request):
        return {"documents": PartyDocument.objects.public().filter(locale_id=self.locale_id)}

    def filter_queryset(self, queryset, filters):
        document = filters.get("document")
        if document is not None:
            queryset = queryset.filter(pk__in=DocumentMention.objects.pages_naming(document.symbol))
        if filters.get("year"):
            queryset = queryset.filter(period_end__year=filters["year"])
        if filters.get("tag"):
            queryset = queryset.filter(tags__slug=filters["tag"])
        return queryset

    def listing_context(self, request, form, queryset):
        reports = DirectiveReportPage.objects.child_of(self).live().public()
        return {
            "years": reports.dates("period_end", "year", order="DESC"),
            "tags": Tag.objects.filter(
                pk__in=DirectiveReportPageTag.objects.filter(content_object__in=reports).values(
                    "tag_id"
                )
            ).order_by("name"),
        }
