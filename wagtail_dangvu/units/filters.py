"""The commune facet of any index: ``?unit=<code>`` and how many items each commune has.

An article index declares ``unit = UnitFilter()`` in its FilterSet and ``UnitFacet()``
among its facets. The filter offers the units whose section lies within the index's
scope (the index's own unit and every unit with a section below it), keyed by their
official code; an unknown code is named to the reader with a 400 and the other filters
are kept, as for every filter. The facet lists the units below the index's unit, with
the number of articles in each one's section, counted in one query per depth of
section in the tree (one, in a portal whose communes' homes sit side by side).
"""

from __future__ import annotations

from collections import defaultdict

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, F
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail_dangvu.pure.facets import build_facet

from .models import AdministrativeUnit

UNKNOWN_UNIT = _("There is no commune with this code here.")


def units_within(section_path: str | None):
    """The units whose section is ``section_path`` or lies below it, with their section's
    path (``section_path``), in the order of their names."""
    if not section_path:
        return AdministrativeUnit.objects.none()
    return (
        AdministrativeUnit.objects.filter(section__path__startswith=section_path)
        .annotate(section_path=F("section__path"))
        .order_by("name", "code")
    )


class UnitChoiceField(forms.ModelChoiceField):
    """A unit by its code; a value no code can be (too long, a NUL) is refused before
    the database sees it."""

    def __init__(self, queryset=None, **kwargs):
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("error_messages", {"invalid_choice": UNKNOWN_UNIT})
        if queryset is None:
            queryset = AdministrativeUnit.objects.none()
        super().__init__(queryset, **kwargs)

    def to_python(self, value):
        if (
            isinstance(value, str)
            and value
            and (
                "\x00" in value
                or len(value) > AdministrativeUnit._meta.get_field("code").max_length
            )
        ):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class UnitFilter(django_filters.ModelChoiceFilter):
    """Articles in the section of the unit whose code is given (``?unit=80001``)."""

    field_class = UnitChoiceField

    def __init__(self, **kwargs):
        kwargs.setdefault("label", pgettext_lazy("administrative unit", "Commune"))
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(
            queryset=AdministrativeUnit.objects.none(), method=self.filter_unit, **kwargs
        )
        self.scope_path = None

    def bind_to_page(self, page) -> None:
        """Offer the units within ``page``'s scope (``page.unit_scope_path``); an index
        without one (a commune's) has no commune to choose, and no field to show."""
        self.scope_path = getattr(page, "unit_scope_path", None)
        self.queryset = units_within(self.scope_path)
        if not self.scope_path:
            self.extra["widget"] = forms.HiddenInput

    def filter_unit(self, queryset, name, unit):
        return queryset.filter(path__startswith=unit.section_path)


class UnitFacet:
    """The units below the index's own, each with how many articles it would show."""

    def __init__(self, name: str = "unit"):
        self.name = name

    def build(self, index, filterset):
        unit_filter = filterset.filters[self.name]
        scope = unit_filter.scope_path or ""
        field = filterset.form.fields[self.name]
        units = [unit for unit in field.queryset if len(unit.section_path) > len(scope)]
        counts = section_counts(filterset.queryset_without(self.name), units)
        return build_facet(
            self.name,
            str(unit_filter.label),
            filterset.params(),
            [(unit.code, unit.name) for unit in units],
            counts,
        )


def section_counts(pages, units) -> dict[str, int]:
    """{unit code: pages of ``pages`` in the unit's section}, one query per path length."""
    by_length = defaultdict(list)
    for unit in units:
        by_length[len(unit.section_path)].append(unit)
    counts: dict[str, int] = {}
    for length, group in by_length.items():
        rows = pages.order_by().annotate(dangvu_section=Substr("path", 1, length))
        found = {
            row["dangvu_section"]: row["n"]
            for row in rows.values("dangvu_section").annotate(n=Count("pk"))
        }
        for unit in group:
            counts[unit.code] = found.get(unit.section_path, 0)
    return counts


__all__ = ["UnitFacet", "UnitFilter", "section_counts", "units_within"]
