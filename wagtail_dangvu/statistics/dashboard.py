"""Roll-up of indicator figures across the live pages of a section of the portal."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_dangvu.compat import PAGE_MODEL
from wagtail_dangvu.downloads import content_disposition
from wagtail_dangvu.pages.base import DangvuPage
from wagtail_dangvu.pure import charts
from wagtail_dangvu.pure.csvsafe import neutralise
from wagtail_dangvu.pure.rollup import Aggregation, Observation, combine
from wagtail_dangvu.statistics.models import Indicator, IndicatorValue
from wagtail_dangvu.wording import chart_words


@dataclass(frozen=True)
class RollupRow:
    indicator: Indicator
    values: tuple[Decimal | None, ...]  # one per year of the roll-up, in order
    page_counts: tuple[int, ...]


@dataclass(frozen=True)
class Rollup:
    years: tuple[int, ...]
    rows: tuple[RollupRow, ...]

    def chart_data(self, row: RollupRow) -> charts.ChartData:
        return charts.ChartData(
            title=row.indicator.name,
            description="",
            categories=tuple(str(year) for year in self.years),
            series=(charts.Series(name=row.indicator.name, values=row.values),),
            unit=row.indicator.unit,
        )

    def charts(self) -> list[dict]:
        """Per indicator: its chart as SVG (empty if it cannot be drawn) and its table."""
        result = []
        for index, row in enumerate(self.rows):
            data = self.chart_data(row)
            try:
                svg = charts.render_svg(
                    data, "column", id_prefix=f"dangvu-rollup-{index}", words=chart_words()
                )
            except charts.ChartError:
                svg = ""
            result.append({"row": row, "data": data, "svg": svg})
        return result

    def to_csv(self) -> str:
        """The roll-up as CSV: one row per indicator and year, plain numbers."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["code", "indicator", "unit", "aggregation", "year", "value", "pages"])
        for row in self.rows:
            for year, value, count in zip(self.years, row.values, row.page_counts, strict=True):
                if value is None:
                    continue
                writer.writerow(
                    [
                        row.indicator.code,
                        neutralise(row.indicator.name),
                        neutralise(row.indicator.unit),
                        row.indicator.aggregation,
                        year,
                        format(value.normalize(), "f"),
                        count,
                    ]
                )
        return buffer.getvalue()


def counted_pages(root):
    """The pages whose figures a roll-up over ``root`` adds up: live and public ones below it.

    A page behind a view restriction (its own or an ancestor's, added before or after it
    was published) is left out, so a dashboard never reveals a figure, or the existence of
    an indicator, that only a signed-in reader may see. Restrictions are read when the
    roll-up is computed, in one query however many there are.
    """
    return Page.objects.descendant_of(root).live().public()


def compute_rollup(root, indicators=None) -> Rollup:
    """Each indicator per year over the live, public pages below ``root``, in three queries.

    Rows are read as tuples and combined by :func:`wagtail_dangvu.pure.rollup.combine`, in
    Decimal, so a sum is exact on every database.
    """
    values = IndicatorValue.objects.filter(page__in=counted_pages(root).values("pk"))
    if indicators is not None:
        values = values.filter(indicator__in=indicators)
    observations: dict[int, dict[int, list[Observation]]] = defaultdict(lambda: defaultdict(list))
    years = set()
    for indicator_id, year, value, observed_on in values.values_list(
        "indicator_id", "year", "value", "observed_on"
    ):
        observations[indicator_id][year].append(Observation(value=value, when=observed_on))
        years.add(year)
    years = tuple(sorted(years))
    catalogue = Indicator.objects.filter(pk__in=observations).order_by("name", "pk")
    rows = []
    for indicator in catalogue:
        by_year = observations[indicator.pk]
        method = Aggregation(indicator.aggregation)
        rows.append(
            RollupRow(
                indicator=indicator,
                values=tuple(combine(method, by_year.get(year, [])) for year in years),
                page_counts=tuple(len(by_year.get(year, [])) for year in years),
            )
        )
    return Rollup(years=years, rows=tuple(rows))


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

    def rollup(self) -> Rollup:
        return compute_rollup(self.rollup_root())

    @property
    def rollup_api(self):
        rollup = self.rollup()
        return {
            "years": list(rollup.years),
            "indicators": [
                {
                    "code": row.indicator.code,
                    "name": row.indicator.name,
                    "unit": row.indicator.unit,
                    "aggregation": row.indicator.aggregation,
                    "values": {
                        str(year): (float(value) if value is not None else None)
                        for year, value in zip(rollup.years, row.values, strict=True)
                    },
                }
                for row in rollup.rows
            ],
        }

    @path("")
    def dashboard_view(self, request):
        return self.render(request, context_overrides={"rollup": self.rollup()})

    @path("csv/", name="csv")
    def csv_view(self, request):
        response = HttpResponse(
            "\ufeff" + self.rollup().to_csv(), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = content_disposition(f"{self.slug}.csv")
        return response

    def csv_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("csv")
