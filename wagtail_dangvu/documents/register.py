"""The public register of documents: a list to search and filter, a page per document."""

from __future__ import annotations

from django import forms
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_dangvu.documents.mentions import DocumentMention
from wagtail_dangvu.documents.models import PartyDocument
from wagtail_dangvu.forms import SearchQueryField
from wagtail_dangvu.pages.listing import IndexFilterForm, ListingPage


class RegisterFilterForm(IndexFilterForm):
    q = SearchQueryField(required=False, max_length=200, label=_("Symbol or words"))
    type = forms.CharField(required=False, max_length=16, label=pgettext_lazy("document", "Type"))
    issuer = forms.CharField(required=False, max_length=24, label=_("Issuer"))
    year = forms.IntegerField(required=False, min_value=1930, max_value=2100, label=_("Year"))


class DocumentRegisterPage(ListingPage):
    """Published documents (văn bản), searchable by symbol in any written form."""

    intro = RichTextField(_("introduction"), blank=True)

    subpage_types = []
    max_count_per_parent = 1
    template = "wagtail_dangvu/document_register_page.html"
    document_template = "wagtail_dangvu/party_document.html"
    filter_form_class = RegisterFilterForm

    content_panels = [*ListingPage.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("documents register")
        verbose_name_plural = _("documents registers")

    @classmethod
    def for_locale(cls, locale_id):
        """The live, public register of a language, if the portal has one.

        A register behind a view restriction is no place to send readers to: pages link
        their document symbols only to a register everyone may open.
        """
        return cls.objects.live().public().filter(locale_id=locale_id).order_by("path").first()

    def documents(self):
        return PartyDocument.objects.public().filter(locale_id=self.locale_id)

    def listing_queryset(self, request):
        return self.documents().select_related("file")

    def feed_items(self, request):
        return []

    def filter_queryset(self, queryset, filters):
        if filters.get("q"):
            queryset = queryset.search(filters["q"])
        if filters.get("type"):
            queryset = queryset.filter(type_code=filters["type"])
        if filters.get("issuer"):
            queryset = queryset.filter(issuer_code=filters["issuer"])
        if filters.get("year"):
            queryset = queryset.filter(issue_date__year=filters["year"])
        return queryset

    def listing_context(self, request, form, queryset):
        documents = self.documents()
        return {
            "types": documents.values_list("type_code", "type_name")
            .distinct()
            .order_by("type_code"),
            "issuers": documents.values_list("issuer_code", flat=True)
            .distinct()
            .order_by("issuer_code"),
            "years": documents.dates("issue_date", "year", order="DESC"),
        }

    def get_sitemap_urls(self, request=None):
        """The register and each public document, for Wagtail's sitemap."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls.extend(
            {
                "location": base + self.reverse_subpage("document", args=[document.pk]),
                "lastmod": self.last_published_at,
            }
            for document in self.documents().only("pk")
        )
        return urls

    def document_url(self, document, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("document", args=[document.pk])

    @path("<int:pk>/", name="document")
    def document_view(self, request, pk):
        documents = self.documents().select_related("file")
        try:
            document = documents.get(pk=pk)
        except PartyDocument.DoesNotExist as error:
            raise Http404 from error
        mentioning_pages = (
            Page.objects.live()
            .public()
            .filter(pk__in=DocumentMention.objects.pages_naming(document.symbol))
            .order_by("-first_published_at")
        )
        implements, implemented_by = document.chain(documents)
        context = self.get_context(request)
        context.update(
            document=document,
            implements=implements,
            implemented_by=implemented_by,
            mentioning_pages=mentioning_pages,
        )
        return TemplateResponse(request, self.document_template, context)
