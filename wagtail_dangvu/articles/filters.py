"""The filters and facets of an article index, declared with django-filter.

An index declares a :class:`ArticleFilterSet` subclass (its filters, each optional, read
from the query string) and a tuple of facets naming some of those filters. The rules are
the same on every index:

- A filter whose value cannot be read is ignored; the others still apply; the reader is
  told which one was ignored, with a 400 (:meth:`ArticleFilterSet.error_response` for
  feeds).
- Links (facets, pagination, feeds) are built from the filters that were understood,
  never from the raw query string, so a shared URL carries valid filters only.
- A facet counts, for each of its values, the articles matching every *other* active
  filter plus that value (one aggregate query per facet), so "Kinh tế (4)" is what a
  reader gets by clicking it.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from wagtail_dangvu.pure.facets import Facet, build_facet

FIRST_YEAR = 1930
LAST_YEAR = 2100


class TagFilter(django_filters.Filter):
    """Articles bearing the tag whose slug is given (``?tag=kinh-te``)."""

    field_class = forms.SlugField

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Tag"))
        super().__init__(allow_unicode=True, max_length=100, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        through = qs.model.tags.through
        return qs.filter(pk__in=through.objects.filter(tag__slug=value).values("content_object_id"))


class YearFilter(django_filters.Filter):
    """Articles whose ``field_name`` falls in the year given: a date or a year column."""

    field_class = forms.IntegerField

    def __init__(self, field_name, *, is_date=True, **kwargs):
        kwargs.setdefault("label", _("Year"))
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(
            field_name=field_name, lookup_expr="year" if is_date else "exact", **kwargs
        )
        self.is_date = is_date


class ArticleFilterSet(django_filters.FilterSet):
    """Base of an index's filters. Declare them in display order, e.g. ``tag = TagFilter()``
    last; every filter is optional.

    ``page`` is the index page; a subclass reads it in ``__init__`` to narrow the
    choices of a filter to the index's language (see the reports' document filter).
    """

    def __init__(self, data=None, queryset=None, *, page=None, **kwargs):
        self.page = page
        super().__init__(data, queryset=queryset, **kwargs)
        if page is not None:
            # Filters whose choices depend on the index (the commune filter's units).
            for declared in self.filters.values():
                if hasattr(declared, "bind_to_page"):
                    declared.bind_to_page(page)

    def active_filters(self) -> dict:
        """The filters that were read, by name: valid and not empty, in declared order."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 -- validates the form, filling cleaned_data
        cleaned = self.form.cleaned_data
        return {
            name: cleaned[name]
            for name in self.filters
            if name in cleaned and cleaned[name] not in (None, "")
        }

    def params(self) -> dict[str, str]:
        """The active filters as query string values (a slug for a chosen object)."""
        return {
            name: str(self.form.fields[name].prepare_value(value))
            for name, value in self.active_filters().items()
        }

    def queryset_without(self, skip: str):
        """The index's articles narrowed by every active filter but ``skip``."""
        queryset = self.queryset.all()
        for name, value in self.active_filters().items():
            if name != skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def ignored(self) -> list[tuple[str, str]]:
        """(label, message) for each filter that could not be read."""
        return [
            (str(self.form[name].label), " ".join(errors))
            for name, errors in self.errors.items()
            if name in self.form.fields
        ]

    def error_response(self) -> HttpResponse:
        """A feed's answer to a query string it cannot read: which filter, and why."""
        lines = [f"{label}: {message}" for label, message in self.ignored()]
        return HttpResponse("\n".join(lines), status=400, content_type="text/plain; charset=utf-8")


# Facets --------------------------------------------------------------------------------


def _counts(filterset, name: str, value) -> dict[str, int]:
    """{value: articles} over the index's articles, counting those that match every other
    active filter. ``value`` is the expression giving an article's value."""
    others = [other for other in filterset.active_filters() if other != name]
    if others:
        count = Count("pk", filter=Q(pk__in=filterset.queryset_without(name).values("pk")))
    else:
        count = Count("pk")
    rows = filterset.queryset.order_by().values(facet_value=value).annotate(n=count)
    return {
        str(row["facet_value"]): row["n"] for row in rows if row["facet_value"] not in (None, "")
    }


class ChoiceFacet:
    """A facet over a choice filter's choices, counted on ``column``."""

    def __init__(self, name: str, column: str | None = None):
        self.name = name
        self.column = column or name

    def options(self, filterset):
        return [
            (value, label)
            for value, label in filterset.form.fields[self.name].choices
            if value not in (None, "")
        ]

    def build(self, index, filterset) -> Facet:
        counts = _counts(filterset, self.name, F(self.column))
        return build_facet(
            self.name,
            str(filterset.filters[self.name].label),
            filterset.params(),
            self.options(filterset),
            counts,
        )


class YearFacet(ChoiceFacet):
    """A facet over the years the index's articles have in the year filter's column."""

    def build(self, index, filterset) -> Facet:
        year_filter = filterset.filters[self.name]
        column = year_filter.field_name
        value = ExtractYear(column) if year_filter.is_date else F(column)
        counts = _counts(filterset, self.name, value)
        years = sorted(counts, reverse=True)
        return build_facet(
            self.name,
            str(year_filter.label),
            filterset.params(),
            [(year, year) for year in years],
            counts,
        )


class TagFacet(ChoiceFacet):
    """The tags of the index's articles that would show something (a portal has many)."""

    def __init__(self, name: str = "tag"):
        super().__init__(name)

    def build(self, index, filterset) -> Facet:
        through = filterset.queryset.model.tags.through
        rows = (
            through.objects.filter(
                content_object_id__in=filterset.queryset_without(self.name).values("pk")
            )
            .values("tag__slug", "tag__name")
            .annotate(n=Count("content_object_id", distinct=True))
            .order_by("tag__name")
        )
        options, counts = [], {}
        for row in rows:
            options.append((row["tag__slug"], row["tag__name"]))
            counts[row["tag__slug"]] = row["n"]
        return build_facet(
            self.name, str(filterset.filters[self.name].label), filterset.params(), options, counts
        )


class RelatedFacet(ChoiceFacet):
    """A facet over every object a model-choice filter offers (none left out, 0 included,
    so one added in the snippets shows at once), counted through ``related_name``."""

    def __init__(self, name: str, related_name: str):
        super().__init__(name)
        self.related_name = related_name

    def build(self, index, filterset) -> Facet:
        field = filterset.form.fields[self.name]
        matching = filterset.queryset_without(self.name).values("pk")
        objects = field.queryset.annotate(
            facet_count=Count(
                self.related_name, filter=Q(**{f"{self.related_name}__pk__in": matching})
            )
        )
        options, counts = [], {}
        for obj in objects:
            value = str(field.prepare_value(obj))
            options.append((value, str(obj)))
            counts[value] = obj.facet_count
        return build_facet(
            self.name, str(filterset.filters[self.name].label), filterset.params(), options, counts
        )
