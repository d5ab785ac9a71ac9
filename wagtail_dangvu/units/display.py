"""A page's unit as readers see it: the committee line, and units for whole listings.

Pages ask for their unit through ``page.owning_unit`` (one query, kept on the page);
a listing calls :func:`attach_units` on the page of items it shows, so that every item
has its unit from one query (:func:`wagtail_dangvu.units.units_of`) rather than one each.
"""

from __future__ import annotations

from django.utils.translation import pgettext

from .lookup import units_of
from .naming import committee_of

# Units whose index pages list the articles of every commune below them.
PROVINCE_KINDS = frozenset({"tinh", "thanh_pho_tw"})

OWNING_UNIT = "owning_unit"  # the cached_property of AbstractArticlePage


def committee_name(unit) -> str:
    """The name of ``unit``'s Party committee: "Đảng ủy xã Long Bình", "Tỉnh ủy …"."""
    if unit is None:
        return ""
    level, place = committee_of(unit.kind, unit.name)
    if level == "province":
        return pgettext("party committee", "Provincial Party Committee of %(place)s") % {
            "place": place
        }
    if level in ("city", "provincial_city"):
        return pgettext("party committee", "City Party Committee of %(place)s") % {"place": place}
    if level == "district":
        return pgettext("party committee", "District Party Committee of %(place)s") % {
            "place": place
        }
    if level == "urban_district":
        return pgettext("party committee", "Urban District Party Committee of %(place)s") % {
            "place": place
        }
    if level == "town":
        return pgettext("party committee", "Town Party Committee of %(place)s") % {"place": place}
    return pgettext("party committee", "Party Committee of %(unit)s") % {"unit": place}


def unit_name(unit) -> str:
    return unit.name if unit is not None else ""


def attach_units(pages, request=None):
    """Give every page of ``pages`` its unit (``page.owning_unit``) from one query."""
    pages = list(pages)
    found = units_of(pages, request=request)
    for page in pages:
        page.__dict__[OWNING_UNIT] = found.get(page.pk)
    return pages


def names_in_line(*parts: str) -> str:
    """The non-empty parts joined by commas, leaving out a part already written in an
    earlier one ("ấp Long Hòa, xã Long Bình" and the unit "xã Long Bình")."""
    kept: list[str] = []
    for part in parts:
        part = (part or "").strip()
        if part and not any(part.casefold() in earlier.casefold() for earlier in kept):
            kept.append(part)
    return ", ".join(kept)
