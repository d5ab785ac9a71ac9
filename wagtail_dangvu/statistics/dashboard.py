"""The statistics dashboard: a year's figures over a province and its communes.

The figures are those of the live, public pages below the dashboard's section, one per
unit, indicator and year (:mod:`wagtail_dangvu.units.rollups`), combined by each
indicator's rule (:mod:`wagtail_dangvu.rollup`).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from urllib.parse import quote

from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction

from wagtail_dangvu.compat import PAGE_MODEL
from wagtail_dangvu.downloads import content_disposition
from wagtail_dangvu.pages.base import DangvuPage
from wagtail_dangvu.pure import charts
from wagtail_dangvu.pure.csvsafe import neutralise
from wagtail_dangvu.pure.numbers import format_number
from wagtail_dangvu.wording import chart_words, indicator_figure, number_style

CSV_COLUMNS = (
    "unit_code",
    "unit_name",
    "code",
    "indicator",
    "unit",
    "aggregation",
    "year",
    "value",
    "numerator",
    "denominator",
    "pages",
)


class DashboardQueryError(ValueError):
    """A dashboard query a reader cannot get an answer to, with the words to tell them."""


def restricted_paths() -> list[str]:
    """The paths of the pages under a view restriction, in one query."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def counted_figures(sections, restricted: list[str]) -> Q:
    """Which figures a roll-up reads: those of live pages in ``sections`` ((path, depth,
    inclusive) each) outside every restricted section.

    A page behind a view restriction (its own or an ancestor's, added before or after it
    was published) is left out, so a dashboard never reveals a figure, or the existence of
    an indicator, that only a signed-in reader may see; ``restricted`` is read when the
    roll-up is computed. The condition is on the figures' pages, joined from the figures,
    so the database reads the figures of a year, not every page of the province.
    """
    within = Q(pk__in=[])
    for section_path, depth, inclusive in sections:
        within |= Q(
            page__path__startswith=section_path,
            page__depth__gte=depth if inclusive else depth + 1,
        )
    scope = within & Q(page__live=True)
    for restricted_path in restricted:
        scope &= ~Q(page__path__startswith=restricted_path)
    return scope


def counted_unit_figures(unit, units, restricted: list[str]) -> Q:
    """:func:`counted_figures` of a unit's section, itself included, and of the sections
    of its former units, whose figures count for it."""
    from ..units.rollups import former_sections

    sections = [(unit.section_id, unit.section_path), *former_sections(unit, units)]
    return counted_figures(
        [(path_, len(path_) // Page.steplen, True) for _pk, path_ in sections], restricted
    )


class StatisticsDashboardPage(RoutablePageMixin, DangvuPage):
    """Adds up the figures of every live, public page below it (or below a chosen page)."""

    intro = RichTextField(_("introduction"), blank=True)
    root = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("pages to add up"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The section whose pages are added up. Left empty: this page's parent."),
    )

    subpage_types = []
    template = "wagtail_dangvu/statistics_dashboard_page.html"

    content_panels = [*DangvuPage.content_panels, FieldPanel("intro"), FieldPanel("root")]
    api_fields = [APIField("intro"), APIField("rollup_api")]

    class Meta:
        verbose_name = _("statistics dashboard")
        verbose_name_plural = _("statistics dashboards")

    def rollup_root(self):
        return self.root or self.get_parent()

    # Reading the query -------------------------------------------------------------------

    def read_query(self, request, root, units, years) -> dict:
        """The year, unit, sort and ranking a reader asked for, or :class:`DashboardQueryError`.

        The year defaults to the latest with figures; the unit to the section's own.
        """
        from ..units.rollups import section_unit

        query = {
            "root": root,
            "root_title": root.title,
            "unit": section_unit(root, units),
            "unit_chosen": False,
        }
        raw_year = request.GET.get("year", "").strip()
        if raw_year:
            if not raw_year.isascii() or not raw_year.isdigit() or len(raw_year) > 4:
                raise DashboardQueryError(
                    gettext("The year must be written as a number, e.g. 2025.")
                )
            if int(raw_year) not in years:
                raise DashboardQueryError(
                    gettext("There are no figures for %(year)s. Years with figures: %(years)s.")
                    % {"year": raw_year, "years": ", ".join(map(str, years)) or "–"}
                )
            query["year"] = int(raw_year)
        else:
            query["year"] = years[-1] if years else None
        code = request.GET.get("unit", "").strip()
        if code:
            unit = next((u for u in units.values() if u.code == code), None)
            inside = (
                unit is not None
                and unit.section_path is not None
                and (
                    unit.section_path.startswith(root.path)
                    or (query["unit"] is not None and unit.pk == query["unit"].pk)
                )
            )
            if not inside:
                raise DashboardQueryError(
                    gettext("No commune of this dashboard has the code “%(code)s”.")
                    % {"code": code[:40]}
                )
            query["unit"], query["unit_chosen"] = unit, True
            if unit.section_path.startswith(root.path) and unit.section_path != root.path:
                # A commune's own view: the pages of its section (the section's own unit,
                # above or at the root, keeps the root's pages).
                query["root"] = Page(
                    pk=unit.section_id,
                    path=unit.section_path,
                    depth=len(unit.section_path) // Page.steplen,
                )
        query["sort"] = request.GET.get("sort", "name").strip() or "name"
        query["order"] = request.GET.get("order", "").strip()
        if query["order"] not in ("", "asc", "desc"):
            raise DashboardQueryError(gettext("Order the table with “asc” or “desc”."))
        query["rank"] = request.GET.get("rank", "").strip()
        return query

    def rollup_for(self, request):
        """(rollup, query) for the request; raises :class:`DashboardQueryError`."""
        from ..units.rollups import available_years, compute_units_rollup, load_units

        root = self.rollup_root()
        units = load_units()
        restricted = restricted_paths()
        pages = counted_figures([(root.path, root.depth, False)], restricted)
        years = available_years(pages)
        query = self.read_query(request, root, units, years)
        if query["root"].path != root.path:
            pages = counted_unit_figures(query["unit"], units, restricted)
        rollup = compute_units_rollup(
            query["root"], pages, query["year"], query["unit"], units=units, years=years
        )
        for name in ("sort", "rank"):
            if query[name] and query[name] != "name" and rollup.indicator(query[name]) is None:
                raise DashboardQueryError(
                    gettext("No indicator of this year's figures has the code “%(code)s”.")
                    % {"code": query[name][:40]}
                )
        return rollup, query

    # Views -----------------------------------------------------------------------------

    def dashboard_context(self, request, rollup, query) -> dict:
        descending = query["order"] == "desc" or (query["sort"] != "name" and not query["order"])
        members = rollup.sorted_members(query["sort"], descending)
        rank = rollup.indicator(query["rank"] or (query["sort"] if query["sort"] != "name" else ""))
        if rank is None:
            rank = next(
                (i for i in rollup.indicators if any(r.cells.get(i.pk) for r in members)), None
            )
        return {
            "rollup": rollup,
            "query": query,
            "members": members,
            "member_table": member_table(rollup, members),
            "descending": descending,
            "ranking": self.ranking(rollup, rank) if rank is not None else None,
        }

    @staticmethod
    def ranking(rollup, indicator) -> dict | None:
        """The communes ranked on ``indicator``: a horizontal bar chart of the first
        :data:`charts.MAX_CATEGORIES` and its data table."""
        ranked = [
            row
            for row in rollup.sorted_members(indicator.code, True)
            if row.cells.get(indicator.pk) and not row.cells[indicator.pk].figure.problem
        ]
        if not ranked:
            return None
        shown = ranked[: charts.MAX_CATEGORIES]
        unit = "%" if indicator.aggregation == "ratio" else indicator.unit
        data = charts.ChartData(
            title=indicator.name,
            description="",
            categories=tuple(row.unit.name for row in shown),
            series=(
                charts.Series(
                    name=indicator.name,
                    values=tuple(
                        _display_value(row.cells[indicator.pk].figure.value, indicator)
                        for row in shown
                    ),
                ),
            ),
            unit=unit,
        )
        try:
            svg = charts.render_svg(data, "bar", id_prefix="dangvu-ranking", words=chart_words())
        except charts.ChartError:
            svg = ""
        return {
            "indicator": indicator,
            "svg": svg,
            "data": data,
            "rows": [(row, row.cells[indicator.pk]) for row in shown],
            "shown": len(shown),
            "ranked": len(ranked),
        }

    def error_response(self, request, message: str, *, as_csv: bool = False):
        if as_csv:
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        context = self.get_context(request)
        context["dashboard_error"] = message
        return TemplateResponse(request, self.get_template(request), context, status=400)

    @path("")
    def dashboard_view(self, request):
        try:
            rollup, query = self.rollup_for(request)
        except DashboardQueryError as error:
            return self.error_response(request, str(error))
        return self.render(
            request, context_overrides=self.dashboard_context(request, rollup, query)
        )

    @path("csv/", name="csv")
    def csv_view(self, request):
        try:
            rollup, query = self.rollup_for(request)
        except DashboardQueryError as error:
            return self.error_response(request, str(error), as_csv=True)
        response = HttpResponse(
            "\ufeff" + rollup_csv(rollup, query["root_title"]),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = content_disposition(f"{self.slug}.csv")
        return response

    def csv_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("csv")

    @property
    def rollup_api(self):
        """Each year's totals, by indicator (one roll-up per year with figures)."""
        from ..units.rollups import available_years, compute_units_rollup, load_units

        root = self.rollup_root()
        units = load_units()
        pages = counted_figures([(root.path, root.depth, False)], restricted_paths())
        years = available_years(pages)
        indicators = {}
        for year in years:
            rollup = compute_units_rollup(root, pages, year, units=units, years=years)
            for indicator in rollup.indicators:
                entry = indicators.setdefault(
                    indicator.code,
                    {
                        "code": indicator.code,
                        "name": indicator.name,
                        "unit": indicator.unit,
                        "aggregation": indicator.aggregation,
                        "values": {},
                    },
                )
                value = rollup.totals[indicator.pk].total.value
                entry["values"][str(year)] = None if value is None else float(value)
        return {"years": list(years), "indicators": list(indicators.values())}


def member_table(rollup, members) -> list[dict]:
    """The communes' table, worded once here: a row per commune with its cells' HTML (an
    en dash where a commune has no figure), every text escaped, so that the template
    writes a row at a time whatever the number of indicators."""
    style = number_style()
    no_whole = escape(gettext("no whole"))
    table = []
    for row in members:
        cells = []
        for indicator in rollup.indicators:
            cell = row.cells.get(indicator.pk)
            if cell is None:
                cells.append("<td>–</td>")
                continue
            figure = cell.figure
            if figure.problem is not None:
                number_ = escape(format_number(figure.value, None, style))
                shown = f'<span class="dangvu-dashboard__uncombined">{number_} ({no_whole})</span>'
            else:
                text = indicator_figure(figure.value, indicator.aggregation, indicator.unit, style)
                shown = f'<data value="{escape(_plain(figure.value))}">{escape(text)}</data>'
            if cell.former_names:
                former = gettext("from former %(names)s") % {"names": ", ".join(cell.former_names)}
                shown += f"<br><small>{escape(former)}</small>"
            cells.append(f"<td>{shown}</td>")
        table.append(
            {
                "name": row.unit.name,
                "query": quote(row.unit.code) if row.unit.section_id else "",
                "cells": mark_safe("".join(cells)),
            }
        )
    return table


def _display_value(value: Decimal | None, indicator) -> Decimal | None:
    """A figure as shown: a rate or a mean to two places, a count as it is."""
    if value is None:
        return None
    if indicator.aggregation in ("ratio", "average"):
        return value.quantize(Decimal("0.01"))
    return value


def _plain(value: Decimal | None) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return format(value.quantize(Decimal(1)), "f")
    return format(value.normalize(), "f")


def rollup_csv(rollup, section_title: str) -> str:
    """A row per member and indicator, then a row for the dashboard's unit with the total."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)

    def row(code, name, indicator, value, numerator, denominator, pages):
        writer.writerow(
            [
                neutralise(code),
                neutralise(name),
                indicator.code,
                neutralise(indicator.name),
                neutralise(indicator.unit),
                indicator.aggregation,
                rollup.year,
                _plain(_display_value(value, indicator)),
                _plain(numerator),
                _plain(denominator),
                pages,
            ]
        )

    for member in rollup.sorted_members():
        for indicator in rollup.indicators:
            cell = member.cells.get(indicator.pk)
            if cell is not None:
                figure = cell.figure
                row(
                    member.unit.code,
                    member.unit.name,
                    indicator,
                    figure.value,
                    figure.numerator,
                    figure.denominator,
                    figure.pages,
                )
    top = rollup.unit
    for indicator in rollup.indicators:
        item = rollup.totals[indicator.pk]
        if item.total.value is None:
            continue
        row(
            top.code if top else "",
            top.name if top else section_title,
            indicator,
            item.total.value,
            item.total.numerator,
            item.total.denominator,
            item.pages,
        )
    return buffer.getvalue()
