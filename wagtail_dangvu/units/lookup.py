"""Which unit a page belongs to: the unit whose section is its nearest ancestor-or-self."""

from __future__ import annotations

from django.db.models import F
from wagtail.models import Page

from .models import AdministrativeUnit

# Wagtail's materialised path: a fixed number of characters per level (treebeard's steplen).
STEPLEN = Page.steplen
_CACHE_ATTRIBUTE = "_dangvu_units_by_section_path"


def ancestor_paths(path: str) -> list[str]:
    """The tree paths of a page's ancestors and its own, from the root down."""
    return [path[:end] for end in range(STEPLEN, len(path) + 1, STEPLEN)]


def units_of(pages, request=None) -> dict:
    """``{page.pk: unit or None}`` for ``pages``, in one query whatever their number.

    With a ``request``, the units found are kept on it by section path, so that the
    listings of one response ask the database once for the sections they share.
    """
    pages = [page for page in pages if getattr(page, "path", None)]
    cache = getattr(request, _CACHE_ATTRIBUTE, None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            setattr(request, _CACHE_ATTRIBUTE, cache)
    wanted = {path for page in pages for path in ancestor_paths(page.path)} - cache.keys()
    if wanted:
        found = {
            unit.section_path: unit
            for unit in AdministrativeUnit.objects.filter(section__path__in=wanted).annotate(
                section_path=F("section__path")
            )
        }
        for path in wanted:
            cache[path] = found.get(path)
    result = {}
    for page in pages:
        result[page.pk] = next(
            (
                cache[path]
                for path in reversed(ancestor_paths(page.path))
                if cache[path] is not None
            ),
            None,
        )
    return result


def unit_of(page, request=None) -> AdministrativeUnit | None:
    """The unit whose section is the nearest ancestor-or-self of ``page``, or None.

    At most one query; none when ``request`` already holds the sections it needs.
    """
    if page is None or not getattr(page, "path", None):
        return None
    return units_of([page], request=request)[page.pk]
