"""The public register of documents: a list to search and filter, a page per document."""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.db.models import Count, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
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
from wagtail_dangvu.pure.facets import Facet, Facets, build_facet, querystring
from wagtail_dangvu.units.filters import UnitChoiceField
from wagtail_dangvu.units.lookup import unit_of
from wagtail_dangvu.units.models import AdministrativeUnit
from wagtail_dangvu.units.tree import group_of, register_scope


class RegisterFilterForm(IndexFilterForm):
    q = SearchQueryField(required=False, max_length=200, label=_("Symbol or words"))
    type = forms.CharField(required=False, max_length=16, label=pgettext_lazy("document", "Type"))
    issuer = forms.CharField(required=False, max_length=24, label=_("Issuer"))
    year = forms.IntegerField(required=False, min_value=1930, max_value=2100, label=_("Year"))
    unit = UnitChoiceField(required=False, label=pgettext_lazy("administrative unit", "Commune"))

    def __init__(self, data=None, *, units=None, **kwargs):
        super().__init__(data, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units


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

    # The register's unit ---------------------------------------------------------------

    @cached_property
    def register_unit(self):
        """The administrative unit of this register (``unit_of``), or None."""
        return unit_of(self)

    @cached_property
    def _unit_links(self) -> tuple[dict, dict]:
        """Every unit's parent and successor, by id: one query."""
        rows = AdministrativeUnit.objects.values_list("pk", "parent_id", "successor_id")
        parent_of, successor_of = {}, {}
        for pk, parent_id, successor_id in rows:
            parent_of[pk] = parent_id
            successor_of[pk] = successor_id
        return parent_of, successor_of

    @cached_property
    def issuing_scope(self) -> set | None:
        """The issuing units whose documents this register lists, or None for all.

        Documents without an issuing unit (the province's and higher levels') are in
        every register; a commune's own documents are in its register and in those of
        the units above it, never in another commune's.
        """
        unit = self.register_unit
        if unit is None:
            return None
        return register_scope(*self._unit_links, unit.pk)

    def documents(self):
        """The public documents of this register's language and unit.

        The confidentiality gate comes first (``public()``), the unit after it.
        """
        documents = PartyDocument.objects.public().filter(locale_id=self.locale_id)
        scope = self.issuing_scope
        if scope is not None:
            documents = documents.filter(
                Q(issuing_unit__isnull=True) | Q(issuing_unit_id__in=scope)
            )
        return documents

    def filter_units(self):
        """The units ``?unit=`` may name here: those of the register's scope."""
        scope = self.issuing_scope
        if not scope:
            return AdministrativeUnit.objects.none()
        return AdministrativeUnit.objects.filter(pk__in=scope).order_by("name", "code")

    def filter_form_kwargs(self, request) -> dict:
        return {"units": self.filter_units()}

    def listing_queryset(self, request):
        return self.documents().select_related("file")

    def feed_items(self, request):
        return []

    def unit_facet(self, form, filters) -> Facet | None:
        """The communes below this register's unit, each with its documents (those of
        its own, of the units below it and of the units merged into it) that match the
        other filters; None where the register's unit has none below it."""
        unit = self.register_unit
        if unit is None:
            return None
        parent_of, successor_of = self._unit_links
        below = [pk for pk, parent in parent_of.items() if parent == unit.pk]
        if not below:
            return None
        units = {
            found.pk: found
            for found in AdministrativeUnit.objects.filter(pk__in=below).order_by("name", "code")
        }
        others = {name: value for name, value in filters.items() if name != "unit"}
        rows = (
            self.filter_queryset(self.documents(), others)
            .order_by()
            .values("issuing_unit_id")
            .annotate(n=Count("pk"))
        )
        by_issuer = {row["issuing_unit_id"]: row["n"] for row in rows}
        counts = {
            found.code: sum(
                by_issuer.get(member, 0) for member in group_of(parent_of, successor_of, pk)
            )
            for pk, found in units.items()
        }
        return build_facet(
            "unit",
            str(form.fields["unit"].label),
            self.filter_params(form, filters),
            [(found.code, found.name) for found in units.values()],
            counts,
        )

    @staticmethod
    def filter_params(form, filters) -> dict[str, str]:
        """The understood filters as query string values, in the form's order."""
        return {
            name: str(form.fields[name].prepare_value(filters[name]))
            for name in form.fields
            if name in filters
        }

    def filter_queryset(self, queryset, filters):
        if filters.get("unit"):
            parent_of, successor_of = self._unit_links
            queryset = queryset.filter(
                issuing_unit_id__in=group_of(parent_of, successor_of, filters["unit"].pk)
            )
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
        filters = form.active_filters()
        facet = self.unit_facet(form, filters)
        return {
            "facets": Facets([facet]) if facet is not None else Facets(),
            "querystring": querystring(self.filter_params(form, filters)),
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
        # Articles only (never an index, the register or a dashboard), in the register's
        # language: the reader's.
        article_types = [m for m in apps.get_models() if getattr(m, "is_article", False)]
        mentioning_pages = (
            Page.objects.live()
            .public()
            .type(*article_types)
            .filter(
                locale_id=self.locale_id,
                pk__in=DocumentMention.objects.pages_naming(document.symbol),
            )
            .order_by("-first_published_at")
            if article_types
            else Page.objects.none()
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
