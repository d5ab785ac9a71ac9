"""Facets of a filtered list: the values of each filter, with how many items each would show.

Pure Python: the page computes the counts (one aggregate query per facet) and hands them
here to become links. A facet's counts follow the usual faceted-search rule: each value
counts the items that match every *other* active filter plus that value, so "Kinh tế (4)"
is what a reader gets by clicking it.

Links are query strings built on the server from the filters that were understood, never
from the raw request, so a shared URL carries only valid filters and no page number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    active: bool
    query: str  # the query string selecting this value (or clearing it, when active)

    @property
    def selectable(self) -> bool:
        """Worth a link: it would show something, or it is the active value to clear."""
        return self.active or self.count > 0


@dataclass(frozen=True)
class Facet:
    name: str  # the GET parameter
    label: str
    values: tuple[FacetValue, ...]
    clear_query: str  # the query string with this facet removed

    @property
    def active(self) -> bool:
        return any(value.active for value in self.values)


class Facets(tuple):
    """An index's facets in display order, each also found by its name:
    ``facets["field"]`` in Python, ``facets.field`` in a template."""

    def __getitem__(self, key):
        if isinstance(key, str):
            for facet in self:
                if facet.name == key:
                    return facet
            raise KeyError(key)
        return super().__getitem__(key)


def querystring(params: Mapping[str, str], **changes: str | None) -> str:
    """``params`` with ``changes`` applied (None removes a key), URL-encoded in key order.

    Keys keep the order of ``params``, new keys go last, so the same filters always give
    the same URL.
    """
    merged = dict(params)
    for key, value in changes.items():
        if value is None or value == "":
            merged.pop(key, None)
        else:
            merged[key] = value
    return urlencode([(key, value) for key, value in merged.items() if value not in (None, "")])


def build_facet(
    name: str,
    label: str,
    params: Mapping[str, str],
    options: Iterable[tuple[str, str]],
    counts: Mapping[str, int],
) -> Facet:
    """A facet over ``options`` ((value, label) pairs, in display order).

    ``params`` are the active filters as query string values; ``counts`` the number of
    items per value. The active value is kept even when nothing matches it, so the reader
    can always clear it.
    """
    active_value = params.get(name)
    values = []
    seen = set()
    for value, option_label in options:
        value = str(value)
        if value in seen:
            continue
        seen.add(value)
        active = value == active_value
        values.append(
            FacetValue(
                value=value,
                label=option_label,
                count=counts.get(value, 0),
                active=active,
                query=querystring(params, **{name: None if active else value}),
            )
        )
    if active_value and active_value not in seen:
        values.append(
            FacetValue(
                value=active_value,
                label=active_value,
                count=counts.get(active_value, 0),
                active=True,
                query=querystring(params, **{name: None}),
            )
        )
    return Facet(
        name=name,
        label=label,
        values=tuple(values),
        clear_query=querystring(params, **{name: None}),
    )
