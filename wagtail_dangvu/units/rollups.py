"""Roll-ups by administrative unit: what a province's dashboard shows for one year.

Every figure a live, public page reports (:class:`~wagtail_dangvu.models.IndicatorValue`)
belongs to the unit whose section is the page's nearest ancestor-or-self. For the
dashboard's unit (the province, or a commune in its own view) the figures are gathered
per *member*: each of its current child units (the communes), with the figures of their
former units (merged ones) credited to them, and the figures of sub-units to the member
above them. Pages of the dashboard's unit itself (a provincial report "toàn tỉnh …") are
its *own* figures: shown, but never added to the members' total, which they would count
twice. The arithmetic is :mod:`wagtail_dangvu.rollup`'s; this module only reads rows.

A fixed number of queries whatever the number of communes, pages or figures: the unit
that owns the section, the province's units, the public pages' restrictions, the years,
the figures with their pages' paths, the indicators, and the titles of the pages a
commune's own view links to.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Page

from wagtail_dangvu.pure.rollup import (
    Aggregation,
    Figure,
    Total,
    UnitFigure,
    combine_units,
    unit_figures,
)
from wagtail_dangvu.pure.symbols import fold
from wagtail_dangvu.statistics.models import Indicator, IndicatorValue

from .models import AdministrativeUnit

STEP = Page.steplen


@dataclass(frozen=True)
class UnitInfo:
    """What a roll-up needs to know of a unit, read in one query for the whole table."""

    pk: int
    code: str
    name: str
    parent_id: int | None
    successor_id: int | None
    section_path: str | None
    current: bool
    section_id: int | None = None


@dataclass
class Cell:
    """One unit's figure for one indicator, and the former units it comes from."""

    figure: UnitFigure
    former_names: tuple[str, ...] = ()


@dataclass
class MemberRow:
    unit: UnitInfo
    cells: dict[int, Cell] = field(default_factory=dict)  # by indicator pk

    @property
    def reported(self) -> bool:
        return bool(self.cells)


@dataclass
class IndicatorTotal:
    indicator: Indicator
    total: Total
    pages: int
    uncombinable: tuple[tuple[str, str], ...] = ()  # (unit or page name, problem code)


@dataclass
class UnitsRollup:
    """A year's figures over the dashboard's unit: its total, its members, its own."""

    unit: UnitInfo | None
    year: int | None
    years: tuple[int, ...]
    indicators: list[Indicator]
    totals: dict[int, IndicatorTotal]
    members: list[MemberRow]
    own: dict[int, Cell]
    sources: dict[int, Page] = field(default_factory=dict)

    @property
    def missing(self) -> list[UnitInfo]:
        """The members that reported no figure at all for the year."""
        return [row.unit for row in self.members if not row.reported]

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def sorted_members(self, key: str = "name", descending: bool = False) -> list[MemberRow]:
        """Members by name (folded, so "Đ" sorts with "D"), or by an indicator's figure,
        those without it last whatever the order."""
        if key == "name":
            return sorted(self.members, key=lambda r: fold(r.unit.name), reverse=descending)
        indicator = self.indicator(key)
        if indicator is None:
            raise KeyError(key)
        have = [r for r in self.members if _value(r, indicator.pk) is not None]
        lack = [r for r in self.members if _value(r, indicator.pk) is None]
        have.sort(key=lambda r: fold(r.unit.name))
        have.sort(key=lambda r: _value(r, indicator.pk), reverse=descending)
        return have + sorted(lack, key=lambda r: fold(r.unit.name))


def _value(row: MemberRow, indicator_pk: int):
    cell = row.cells.get(indicator_pk)
    return None if cell is None or cell.figure.problem else cell.figure.value


def load_units() -> dict[int, UnitInfo]:
    """Every unit, in one query. A unit is current unless merged into a successor or
    ended (``valid_until`` before today)."""
    today = timezone.localdate()
    rows = AdministrativeUnit.objects.values_list(
        "pk",
        "code",
        "name",
        "parent_id",
        "successor_id",
        "section__path",
        "section_id",
        "valid_until",
    )
    return {
        pk: UnitInfo(
            pk,
            code,
            name,
            parent,
            successor,
            path,
            successor is None and (until is None or until >= today),
            section,
        )
        for pk, code, name, parent, successor, path, section, until in rows
    }


def former_sections(unit: UnitInfo, units: dict[int, UnitInfo]) -> list[tuple[int, str]]:
    """(page pk, path) of the sections of the units merged into ``unit``, at any remove."""
    found: dict[int, UnitInfo] = {}
    frontier = {unit.pk}
    while frontier:
        merged = [
            u
            for u in units.values()
            if u.successor_id in frontier and u.pk not in found and u.pk != unit.pk
        ]
        found.update((u.pk, u) for u in merged)
        frontier = {u.pk for u in merged}
    return [(u.section_id, u.section_path) for u in found.values() if u.section_path]


def section_unit(root: Page, units: dict[int, UnitInfo]) -> UnitInfo | None:
    """The unit whose section is ``root``'s nearest ancestor-or-self (no query)."""
    by_path = {u.section_path: u for u in units.values() if u.section_path}
    for depth in range(len(root.path) // STEP, 0, -1):
        unit = by_path.get(root.path[: depth * STEP])
        if unit is not None:
            return unit
    return None


def _member_of(unit: UnitInfo, top: UnitInfo | None, units: dict[int, UnitInfo], members):
    """The member ``unit``'s figures count for, ``top`` for the top unit's own, or None.

    A former unit counts for its successor; a unit below a member for that member.
    """
    seen = set()
    while unit is not None and unit.pk not in seen:
        seen.add(unit.pk)
        if top is not None and unit.pk == top.pk:
            return top
        if unit.pk in members:
            return unit
        if unit.successor_id is not None and unit.successor_id in units:
            unit = units[unit.successor_id]
        elif unit.parent_id is not None:
            unit = units.get(unit.parent_id)
        else:
            return None
    return None


def members_of(top: UnitInfo | None, root: Page, units: dict[int, UnitInfo]) -> list[UnitInfo]:
    """The units a dashboard lists: the top unit's current children; without a top unit,
    the outermost units whose sections lie below ``root``."""
    if top is not None:
        return [u for u in units.values() if u.parent_id == top.pk and u.current]
    below = {
        u.pk: u
        for u in units.values()
        if u.current and u.section_path and u.section_path.startswith(root.path)
    }
    outermost = []
    for unit in below.values():
        parent, nested = units.get(unit.parent_id), False
        while parent is not None and not nested:
            nested = parent.pk in below
            parent = units.get(parent.parent_id)
        if not nested:
            outermost.append(unit)
    return outermost


def available_years(scope) -> tuple[int, ...]:
    """The years with figures in ``scope`` (a condition on the figures)."""
    years = IndicatorValue.objects.filter(scope).values_list("year", flat=True)
    return tuple(sorted(set(years.distinct().order_by())))


def compute_units_rollup(
    root: Page,
    scope,
    year: int | None,
    unit: UnitInfo | None = None,
    units: dict[int, UnitInfo] | None = None,
    years: tuple[int, ...] | None = None,
) -> UnitsRollup:
    """The figures of ``year`` in ``scope`` (which figures count: a condition on them,
    ``models.dashboard.counted_figures``) over the section of ``root``, by unit.

    ``unit`` is the dashboard's unit (by default the one owning ``root``'s section); with
    no unit anywhere each page counts as its own reporter, as before units existed.
    """
    units = load_units() if units is None else units
    top = unit if unit is not None else section_unit(root, units)
    members = {u.pk: u for u in members_of(top, root, units)}
    years = available_years(scope) if years is None else years
    values = IndicatorValue.objects.filter(scope, year=year).order_by(
        "observed_on", "page__last_published_at", "page_id"
    )
    rows = values.values_list(
        "indicator_id", "value", "numerator", "denominator", "observed_on", "page_id", "page__path"
    )
    by_path = {u.section_path: u for u in units.values() if u.section_path}
    figures: dict[int, dict[object, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    successor_of: dict[object, object] = {}
    legacy = top is None and not members
    for indicator_id, value, numerator, denominator, when, page_id, path in rows:
        if legacy:
            key = ("page", page_id)
        else:
            owner = None
            for depth in range(len(path) // STEP, 0, -1):
                owner = by_path.get(path[: depth * STEP])
                if owner is not None:
                    break
            counted = _member_of(owner, top, units, members) if owner is not None else None
            if counted is None:
                counted = top  # a page of the section that no member owns
            target = counted.pk if counted is not None else ("section",)
            key = target
            if owner is not None and not owner.current:
                # A merged unit: its figure stands in for its successor's when that one
                # reported none itself (rollup.unit_figures), shown as such.
                key = owner.pk
                successor_of[key] = target
        figures[indicator_id][key].append(
            Figure(key, value, numerator, denominator, when=when, source=page_id)
        )
    indicators = list(Indicator.objects.filter(pk__in=figures).order_by("name", "pk"))
    top_key = top.pk if top is not None else ("section",)
    totals, own = {}, {}
    rows_by_member = {pk: MemberRow(unit=u) for pk, u in members.items()}
    for indicator in indicators:
        method = Aggregation(indicator.aggregation)
        flat = [f for per_key in figures[indicator.pk].values() for f in per_key]
        per_unit = unit_figures(method, flat, successor_of)
        member_figures = []
        for key, figure in per_unit.items():
            cell = Cell(figure, tuple(units[k].name for k in figure.former if k in units))
            if key in rows_by_member:
                rows_by_member[key].cells[indicator.pk] = cell
                member_figures.append(figure)
            elif key == top_key:
                own[indicator.pk] = cell
            else:  # legacy: every page is a reporter of its own
                member_figures.append(figure)
        if not rows_by_member and not legacy and indicator.pk in own:
            member_figures = [own[indicator.pk].figure]
        total = combine_units(method, member_figures)
        counted = set(total.units)
        totals[indicator.pk] = IndicatorTotal(
            indicator=indicator,
            total=total,
            pages=sum(f.pages for f in member_figures if f.unit in counted),
        )
    # The pages a reader may follow: those of the unit's own figures, and in a section
    # without units the pages whose figure could not be combined; one query.
    wanted = {source for cell in own.values() for source in cell.figure.sources}
    wanted |= {key[1] for t in totals.values() for key, _ in t.total.uncombinable if legacy}
    sources = Page.objects.filter(pk__in=wanted).in_bulk() if wanted else {}
    for item in totals.values():
        item.uncombinable = tuple(
            (_name(key, units, sources), code) for key, code in item.total.uncombinable
        )
    return UnitsRollup(
        unit=top,
        year=year,
        years=years,
        indicators=indicators,
        totals=totals,
        members=list(rows_by_member.values()),
        own=own,
        sources=sources,
    )


def _name(key, units: dict[int, UnitInfo], pages: dict[int, Page]) -> str:
    if isinstance(key, tuple) and key[0] == "page" and key[1] in pages:
        return pages[key[1]].title
    unit = units.get(key) if isinstance(key, int) else None
    return unit.name if unit is not None else ""
