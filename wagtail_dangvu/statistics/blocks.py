"""Figures as data: statistic, grid, target progress, comparison and chart blocks.

Figures sit in number blocks, so wagtail-localize synchronises them and never offers them
to translators; labels, units and titles are text blocks and are translated. Every share
("đạt 115%") is computed here, on the server, from the stored figures.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from urllib.parse import quote

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.template.loader import get_template
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from wagtail_dangvu.pure import charts
from wagtail_dangvu.pure.numbers import percent
from wagtail_dangvu.wording import chart_words, data_value, number, number_style, words

INDICATOR_MODEL = "wagtail_dangvu.Indicator"

#: Bump when chart.html or the chart drawing changes, so cached charts are drawn anew.
CHART_HTML_VERSION = 1
#: A chart's HTML depends only on its content and language, so it may stay long.
CHART_CACHE_SECONDS = 60 * 60 * 24 * 30


def plain_number(value: Decimal | None) -> int | float | None:
    """A figure for JSON: an int when whole, else a float; None stays None."""
    if value is None:
        return None
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return percent(part, whole)


def _positive_figure_error(value) -> str | None:
    if value is not None and value <= 0:
        return gettext("Enter a number greater than zero.")
    return None


class FigureValue(blocks.StructValue):
    """A StructValue whose label and unit fall back on its indicator's."""

    @property
    def indicator_obj(self):
        return self.get("indicator")

    @property
    def label_text(self) -> str:
        indicator = self.indicator_obj
        return self.get("label") or (indicator.name if indicator else "")

    @property
    def unit_text(self) -> str:
        indicator = self.indicator_obj
        return self.get("unit") or (indicator.unit if indicator else "")

    @property
    def unit_is_percent(self) -> bool:
        """A unit written against its figure, as the text writes it: "100%", not "100 %"."""
        return self.unit_text.strip() == "%"


def _check_indicator_sign(indicator, figures: dict[str, Decimal | None]) -> dict[str, str]:
    """Errors for negative figures where the indicator forbids them."""
    if indicator is None or indicator.allow_negative:
        return {}
    message = gettext("%(indicator)s cannot be negative.") % {"indicator": indicator.name}
    return {name: message for name, value in figures.items() if value is not None and value < 0}


def _label_errors(value) -> dict[str, str]:
    """A figure says what it counts: a label of its own or its indicator's name."""
    if not value.get("label") and not value.get("indicator"):
        return {"label": gettext("Enter a label or choose an indicator.")}
    return {}


def _raise_for(errors: dict[str, str]) -> None:
    if errors:
        raise StructBlockValidationError(
            block_errors={name: ErrorList([ValidationError(msg)]) for name, msg in errors.items()}
        )


class StatisticValue(FigureValue):
    @property
    def share_of_denominator(self) -> Decimal | None:
        return _share(self.get("value"), self.get("denominator"))

    @property
    def share_of_target(self) -> Decimal | None:
        return _share(self.get("value"), self.get("target"))

    def html(self) -> str:
        """The figure as HTML, written here rather than by a template: a report carries
        dozens of them, and a template render each costs more than the text around them."""
        figure = format_html(
            '<data value="{}">{}</data>', data_value(self.get("value")), _number(self.get("value"))
        )
        if self.get("denominator"):
            figure += format_html(
                '/<data value="{}">{}</data>',
                data_value(self.get("denominator")),
                _number(self.get("denominator")),
            )
        unit = self.unit_text
        if unit:
            figure += format_html(
                '{}<span class="dangvu-statistic__unit">{}</span>',
                "" if self.unit_is_percent else " ",
                unit,
            )
        shares = ""
        if self.share_of_denominator is not None:
            shares += format_html(
                '\n  <p class="dangvu-statistic__share">{}</p>',
                _translated(
                    gettext("achieved %(share)s%%"), share=_number(self.share_of_denominator)
                ),
            )
        if self.share_of_target is not None:
            shares += format_html(
                '\n  <p class="dangvu-statistic__share">{}</p>',
                _translated(
                    gettext("achieved %(share)s%% of the target of %(target)s"),
                    share=_number(self.share_of_target),
                    target=_number(self.get("target")),
                ),
            )
        return format_html(
            '<div class="dangvu-statistic">\n'
            '  <p class="dangvu-statistic__figure">{}</p>\n'
            '  <p class="dangvu-statistic__label">{}</p>{}\n</div>\n',
            figure,
            self.label_text,
            shares,
        )


def _number(value) -> str:
    """A figure in the active language, as the ``number`` filter writes it."""
    if value in (None, ""):
        return ""
    return number(value)


def _translated(message: str, **params: str) -> str:
    """A translated sentence with its parameters escaped, as ``blocktranslate`` does."""
    return mark_safe(message % {name: conditional_escape(value) for name, value in params.items()})


class StatisticBlock(blocks.StructBlock):
    """One figure: "14 cuộc kiểm tra", "3.192/3.327 đảng viên, đạt 95,94%"."""

    indicator = SnippetChooserBlock(
        INDICATOR_MODEL,
        required=False,
        label=_("Indicator"),
        help_text=_("What this figure counts, so the province can add it up across communes."),
    )
    label = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Label"),
        help_text=_("Leave empty to use the indicator's name."),
    )
    value = blocks.DecimalBlock(label=_("Value"), max_digits=20, decimal_places=4)
    unit = blocks.CharBlock(
        required=False,
        max_length=50,
        label=_("Unit"),
        help_text=_("e.g. cuộc, đảng viên, hộ. Leave empty to use the indicator's unit."),
    )
    denominator = blocks.DecimalBlock(
        required=False,
        max_digits=20,
        decimal_places=4,
        label=_("Out of"),
        help_text=_("The whole this figure is part of, e.g. 3327 for 3.192/3.327."),
    )
    target = blocks.DecimalBlock(
        required=False,
        max_digits=20,
        decimal_places=4,
        label=pgettext_lazy("statistic", "Target"),
        help_text=_("The planned figure; the share achieved is shown as 'đạt …%'."),
    )

    def clean(self, value):
        value = super().clean(value)
        errors = _label_errors(value)
        for name in ("denominator", "target"):
            message = _positive_figure_error(value.get(name))
            if message:
                errors[name] = message
        errors.update(
            _check_indicator_sign(
                value.get("indicator"),
                {"value": value.get("value"), "denominator": value.get("denominator")},
            )
        )
        _raise_for(errors)
        return value

    def render(self, value, context=None):
        return value.html()

    def render_basic(self, value, context=None):
        return value.html()

    def get_api_representation(self, value, context=None):
        indicator = value.get("indicator")
        return {
            "indicator": indicator.code if indicator else None,
            "label": value.label_text,
            "value": plain_number(value.get("value")),
            "unit": value.unit_text,
            "denominator": plain_number(value.get("denominator")),
            "target": plain_number(value.get("target")),
            "share_of_denominator": plain_number(value.share_of_denominator),
            "share_of_target": plain_number(value.share_of_target),
        }

    class Meta:
        icon = "table"
        label = _("Statistic")
        value_class = StatisticValue
        form_classname = "dangvu-statistic-block"


class StatisticsGridBlock(blocks.StructBlock):
    """A titled group of figures, shown side by side."""

    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))
    statistics = blocks.ListBlock(
        StatisticBlock(), min_num=1, label=pgettext_lazy("statistics group", "Figures")
    )

    def get_api_representation(self, value, context=None):
        return {
            "title": value.get("title") or "",
            "statistics": [
                self.child_blocks["statistics"].child_block.get_api_representation(item, context)
                for item in value.get("statistics")
            ],
        }

    class Meta:
        icon = "grip"
        label = _("Group of figures")
        template = "wagtail_dangvu/blocks/statistics_grid.html"


class TargetProgressValue(FigureValue):
    @property
    def share(self) -> Decimal | None:
        return _share(self.get("achieved"), self.get("target"))

    @property
    def meter_value(self) -> Decimal | None:
        """The achieved figure capped at the target, for the <progress> bar."""
        achieved, target = self.get("achieved"), self.get("target")
        if achieved is None or not target:
            return None
        return max(Decimal(0), min(achieved, target))


class TargetProgressBlock(blocks.StructBlock):
    """Achieved against target: "phát triển đảng viên đạt 115%"."""

    indicator = SnippetChooserBlock(INDICATOR_MODEL, required=False, label=_("Indicator"))
    label = blocks.CharBlock(required=False, max_length=200, label=_("Label"))
    achieved = blocks.DecimalBlock(label=_("Achieved"), max_digits=20, decimal_places=4)
    target = blocks.DecimalBlock(
        label=pgettext_lazy("statistic", "Target"), max_digits=20, decimal_places=4
    )
    unit = blocks.CharBlock(required=False, max_length=50, label=_("Unit"))

    def clean(self, value):
        value = super().clean(value)
        errors = _label_errors(value)
        message = _positive_figure_error(value.get("target"))
        if message:
            errors["target"] = message
        errors.update(
            _check_indicator_sign(value.get("indicator"), {"achieved": value.get("achieved")})
        )
        _raise_for(errors)
        return value

    def get_api_representation(self, value, context=None):
        indicator = value.get("indicator")
        return {
            "indicator": indicator.code if indicator else None,
            "label": value.label_text,
            "achieved": plain_number(value.get("achieved")),
            "target": plain_number(value.get("target")),
            "unit": value.unit_text,
            "share": plain_number(value.share),
        }

    class Meta:
        icon = "success"
        label = _("Target progress")
        value_class = TargetProgressValue
        template = "wagtail_dangvu/blocks/target_progress.html"


class ComparisonValue(FigureValue):
    @property
    def change(self) -> Decimal | None:
        current, previous = self.get("current_value"), self.get("previous_value")
        if current is None or previous is None:
            return None
        return current - previous

    @property
    def change_percent(self) -> Decimal | None:
        change, previous = self.change, self.get("previous_value")
        if change is None or not previous:
            return None
        return percent(change, abs(previous))

    @property
    def direction(self) -> str:
        change = self.change
        if not change:
            return "same"
        return "up" if change > 0 else "down"


class ComparisonBlock(blocks.StructBlock):
    """This period against the last, with the change and its sign."""

    indicator = SnippetChooserBlock(INDICATOR_MODEL, required=False, label=_("Indicator"))
    label = blocks.CharBlock(required=False, max_length=200, label=_("Label"))
    unit = blocks.CharBlock(required=False, max_length=50, label=_("Unit"))
    current_period = blocks.CharBlock(max_length=50, label=_("This period"))
    current_value = blocks.DecimalBlock(
        label=_("Value this period"), max_digits=20, decimal_places=4
    )
    previous_period = blocks.CharBlock(max_length=50, label=_("Previous period"))
    previous_value = blocks.DecimalBlock(
        label=_("Value in the previous period"), max_digits=20, decimal_places=4
    )

    def clean(self, value):
        value = super().clean(value)
        errors = _label_errors(value)
        errors.update(
            _check_indicator_sign(
                value.get("indicator"),
                {
                    "current_value": value.get("current_value"),
                    "previous_value": value.get("previous_value"),
                },
            )
        )
        _raise_for(errors)
        return value

    def get_api_representation(self, value, context=None):
        indicator = value.get("indicator")
        return {
            "indicator": indicator.code if indicator else None,
            "label": value.label_text,
            "unit": value.unit_text,
            "current_period": value.get("current_period"),
            "current_value": plain_number(value.get("current_value")),
            "previous_period": value.get("previous_period"),
            "previous_value": plain_number(value.get("previous_value")),
            "change": plain_number(value.change),
            "change_percent": plain_number(value.change_percent),
        }

    class Meta:
        icon = "order"
        label = _("Comparison with the previous period")
        value_class = ComparisonValue
        template = "wagtail_dangvu/blocks/comparison.html"


class ChartSeriesBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=100, label=_("Series name"))
    values = blocks.ListBlock(
        blocks.DecimalBlock(required=False, max_digits=20, decimal_places=4),
        label=_("Figures, one per category, in order"),
    )

    class Meta:
        icon = "list-ul"
        label = _("Series")


class ChartValue(blocks.StructValue):
    @cached_property
    def data(self) -> charts.ChartData:
        return charts.ChartData(
            title=self.get("title") or "",
            description=self.get("description") or "",
            categories=tuple(self.get("categories") or ()),
            series=tuple(
                charts.Series(name=item.get("name") or "", values=tuple(item.get("values") or ()))
                for item in self.get("series") or ()
            ),
            unit=self.get("unit") or "",
        )

    @cached_property
    def errors(self) -> list[str]:
        """Why the figures cannot be drawn, in the active language; empty when they can."""
        return words(charts.validate(self.data, self.get("kind")))

    @cached_property
    def cache_key(self) -> str:
        """A key from the chart's content and the language it is written in: an edit to
        the chart changes it, nothing else does."""
        content = json.dumps(
            [
                CHART_HTML_VERSION,
                self.get("kind"),
                self.data.title,
                self.data.description,
                self.data.unit,
                list(self.data.categories),
                [[s.name, [str(v) for v in s.values]] for s in self.data.series],
            ],
            ensure_ascii=False,
        )
        digest = hashlib.sha256(content.encode()).hexdigest()
        return f"dangvu:chart:{get_language() or ''}:{digest}"

    @property
    def id_prefix(self) -> str:
        content = f"{self.get('kind')}\n{charts.to_csv(self.data)}"
        digest = hashlib.sha1(content.encode()).hexdigest()
        return f"dangvu-chart-{digest[:10]}"

    @cached_property
    def svg(self) -> str:
        """The chart as inline SVG, in the active language; empty when the figures cannot
        be drawn."""
        try:
            return charts.render_svg(
                self.data, self.get("kind"), id_prefix=self.id_prefix, words=chart_words()
            )
        except charts.ChartError:
            return ""

    @cached_property
    def table(self):
        return charts.table_rows(self.data, number_style())

    @property
    def csv_data_uri(self) -> str:
        return "data:text/csv;charset=utf-8," + quote("\ufeff" + charts.to_csv(self.data))


class ChartBlock(blocks.StructBlock):
    """A bar, column, line or pie chart drawn on the server, with its table of figures."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("bar", _("Bar (horizontal)")),
            ("column", _("Column (vertical)")),
            ("line", _("Line")),
            ("pie", _("Pie")),
        ],
        default="column",
        label=_("Chart type"),
    )
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    description = blocks.TextBlock(
        required=False,
        label=_("Description for screen readers"),
        help_text=_("What the chart shows, in a sentence. Left empty, one is written for you."),
    )
    unit = blocks.CharBlock(required=False, max_length=50, label=_("Unit"))
    categories = blocks.ListBlock(
        blocks.CharBlock(max_length=100), min_num=1, label=_("Categories (columns of the table)")
    )
    series = blocks.ListBlock(ChartSeriesBlock(), min_num=1, label=_("Series (rows of the table)"))

    def clean(self, value):
        value = super().clean(value)
        if value.errors:
            raise StructBlockValidationError(
                block_errors={"series": ErrorList([ValidationError(e) for e in value.errors])}
            )
        return value

    def render(self, value, context=None):
        """The chart, its table and its CSV link, drawn once per content and language and
        then taken from the cache."""
        html = cache.get(value.cache_key)
        if html is None:
            html = get_template(self.meta.template).render({self.TEMPLATE_VAR: value})
            cache.set(value.cache_key, html, CHART_CACHE_SECONDS)
        return mark_safe(html)

    def get_api_representation(self, value, context=None):
        data = value.data
        return {
            "kind": value.get("kind"),
            "title": data.title,
            "description": data.description,
            "unit": data.unit,
            "categories": list(data.categories),
            "series": [
                {"name": s.name, "values": [plain_number(v) for v in s.values]} for s in data.series
            ],
        }

    class Meta:
        icon = "table"
        label = _("Chart")
        value_class = ChartValue
        template = "wagtail_dangvu/blocks/chart.html"


class StatisticsBlocks(blocks.StreamBlock):
    """Only figures: for the results section of a story or a seminar."""

    statistic = StatisticBlock()
    statistics_grid = StatisticsGridBlock()
    target_progress = TargetProgressBlock()
    comparison = ComparisonBlock()
    chart = ChartBlock()
