"""Figures as data: block validation, rendering, API, indicator values and the dashboard."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import (
    make_dashboard,
    make_indicator,
    make_report,
    make_report_index,
    statistic,
)
from wagtail_dangvu.models import IndicatorValue
from wagtail_dangvu.statistics.blocks import (
    ChartBlock,
    ComparisonBlock,
    StatisticBlock,
    TargetProgressBlock,
)

pytestmark = pytest.mark.django_db


def block_errors(block, raw):
    value = block.to_python(raw)
    with pytest.raises(ValidationError) as error:
        block.clean(value)
    return error.value.block_errors


def statistic_raw(**fields):
    return {
        "indicator": None,
        "label": "Đảng viên",
        "value": "3192",
        "unit": "đảng viên",
        "denominator": None,
        "target": None,
        **fields,
    }


def chart_raw(**fields):
    return {
        "kind": "column",
        "title": "Kiểm tra, giám sát",
        "description": "",
        "unit": "cuộc",
        "categories": ["Đảng ủy", "Chi bộ"],
        "series": [{"name": "2022", "values": ["14", "126"]}],
        **fields,
    }


class TestStatisticBlock:
    def test_share_of_denominator_is_computed_on_the_server(self):
        block = StatisticBlock()
        value = block.clean(block.to_python(statistic_raw(denominator="3327")))
        with translation.override("vi"):
            html = block.render(value)
        assert "3.192" in html and "3.327" in html
        assert "95,94" in html
        api = block.get_api_representation(value)
        assert api["value"] == 3192 and api["denominator"] == 3327
        assert api["share_of_denominator"] == 95.94

    def test_share_of_target(self):
        block = StatisticBlock()
        value = block.clean(block.to_python(statistic_raw(value="115", target="100", unit="")))
        assert block.get_api_representation(value)["share_of_target"] == 115

    @pytest.mark.parametrize("field", ["denominator", "target"])
    def test_a_zero_denominator_or_target_is_refused_on_its_field(self, field):
        assert field in block_errors(StatisticBlock(), statistic_raw(**{field: "0"}))

    def test_a_non_numeric_value_is_refused_by_the_admin_field(self):
        field = StatisticBlock().child_blocks["value"].field
        with translation.override("vi"), pytest.raises(ValidationError):
            field.clean("abc")

    def test_a_negative_figure_is_refused_when_the_indicator_forbids_it(self):
        indicator = make_indicator()
        errors = block_errors(StatisticBlock(), statistic_raw(indicator=indicator.pk, value="-3"))
        assert "value" in errors
        indicator.allow_negative = True
        indicator.save()
        block = StatisticBlock()
        block.clean(block.to_python(statistic_raw(indicator=indicator.pk, value="-3")))

    def test_label_or_indicator_is_required(self):
        assert "label" in block_errors(StatisticBlock(), statistic_raw(label=""))

    def test_label_and_unit_fall_back_on_the_indicator(self):
        indicator = make_indicator(name="Cuộc kiểm tra, giám sát", unit="cuộc")
        block = StatisticBlock()
        value = block.clean(
            block.to_python(statistic_raw(indicator=indicator.pk, label="", unit="", value="14"))
        )
        html = block.render(value)
        assert "Cuộc kiểm tra, giám sát" in html and "cuộc" in html
        assert block.get_api_representation(value)["indicator"] == "inspections"


class TestOtherFigureBlocks:
    def test_target_progress_has_a_real_progress_element_and_text(self):
        block = TargetProgressBlock()
        value = block.clean(
            block.to_python(
                {
                    "indicator": None,
                    "label": "Phát triển đảng viên",
                    "achieved": "115",
                    "target": "100",
                    "unit": "%",
                }
            )
        )
        html = block.render(value)
        assert '<progress class="dangvu-progress__bar" max="100" value="100">' in html
        assert "115" in html
        assert block.get_api_representation(value)["share"] == 115

    def test_target_progress_refuses_a_zero_target(self):
        raw = {"indicator": None, "label": "x", "achieved": "1", "target": "0", "unit": ""}
        assert "target" in block_errors(TargetProgressBlock(), raw)

    def test_comparison_shows_the_change_and_its_sign(self):
        block = ComparisonBlock()
        raw = {
            "indicator": None,
            "label": "Cuộc kiểm tra",
            "unit": "cuộc",
            "current_period": "2022",
            "current_value": "14",
            "previous_period": "2021",
            "previous_value": "10",
        }
        value = block.clean(block.to_python(raw))
        api = block.get_api_representation(value)
        assert api["change"] == 4 and api["change_percent"] == 40
        html = block.render(value)
        assert "dangvu-comparison--up" in html and "+40%" in html
        value = block.clean(block.to_python({**raw, "current_value": "7"}))
        assert block.get_api_representation(value)["change"] == -3
        assert "dangvu-comparison--down" in block.render(value)


class TestStatisticHtml:
    """A statistic is written without a template: the same markup, escaped the same way."""

    def test_figure_unit_label_and_shares(self):
        block = StatisticBlock()
        raw = statistic_raw(value="3192", denominator="3327", target="3000")
        with translation.override("vi"):
            html = block.render(block.clean(block.to_python(raw)))
        assert '<p class="dangvu-statistic__figure"><data value="3192">3.192</data>/' in html
        assert '<data value="3327">3.327</data> <span class="dangvu-statistic__unit">' in html
        assert '<p class="dangvu-statistic__label">Đảng viên</p>' in html
        assert "đạt 95,94%" in html and "đạt 106,4% so với chỉ tiêu 3.000" in html

    def test_a_percent_unit_sits_against_its_figure(self):
        block = StatisticBlock()
        html = block.render(block.to_python(statistic_raw(value="83.5", unit="%")))
        assert '</data><span class="dangvu-statistic__unit">%</span>' in html

    def test_hostile_label_and_unit_are_escaped(self):
        hostile = '</p><script>alert(1)</script>"><img src=x onerror=y>'
        block = StatisticBlock()
        html = block.render(block.to_python(statistic_raw(label=hostile, unit=hostile)))
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    def test_inside_a_group_of_figures(self, client, home):
        index = make_report_index(home)
        grid = {
            "type": "statistics_grid",
            "value": {"title": "Kết quả", "statistics": [statistic_raw(value="14")]},
        }
        report = make_report(index, body=[grid])
        html = client.get(report.url).content.decode()
        assert '<data value="14">14</data>' in html


class TestChartCache:
    """A chart is drawn once per content and language; an edit redraws it."""

    @pytest.fixture
    def drawings(self, monkeypatch):
        from django.core.cache import cache

        from wagtail_dangvu.pure import charts

        cache.clear()
        calls = []
        draw = charts.render_svg

        def counting(*args, **kwargs):
            calls.append(args[0].title)
            return draw(*args, **kwargs)

        monkeypatch.setattr(charts, "render_svg", counting)
        return calls

    def render(self, raw, language="vi"):
        block = ChartBlock()
        with translation.override(language):
            return block.render(block.clean(block.to_python(raw)))

    def test_the_same_chart_is_drawn_once(self, drawings):
        first = self.render(chart_raw())
        again = self.render(chart_raw())
        assert first == again and "<svg" in again
        assert len(drawings) == 1

    @pytest.mark.parametrize(
        "edit",
        [
            {"title": "Kiểm tra"},
            {"kind": "bar"},
            {"unit": "lượt"},
            {"description": "Hai cột"},
            {"categories": ["Đảng ủy", "Chi bộ 2"]},
            {"series": [{"name": "2022", "values": ["14", "127"]}]},
            {"series": [{"name": "2023", "values": ["14", "126"]}]},
        ],
    )
    def test_an_edit_redraws_the_chart(self, drawings, edit):
        before = self.render(chart_raw())
        after = self.render(chart_raw(**edit))
        assert before != after
        assert len(drawings) == 2

    def test_each_language_has_its_own_drawing(self, drawings):
        raw = chart_raw(series=[{"name": "2022", "values": ["1400", "12.5"]}])
        vietnamese = self.render(raw, "vi")
        english = self.render(raw, "en")
        assert "<td>1.400</td>" in vietnamese and "<td>12,5</td>" in vietnamese
        assert "<td>1,400</td>" in english and "<td>12.5</td>" in english
        assert self.render(raw, "vi") == vietnamese
        assert len(drawings) == 2


class TestChartBlock:
    def test_renders_svg_table_caption_and_csv(self):
        block = ChartBlock()
        value = block.clean(block.to_python(chart_raw()))
        html = block.render(value)
        assert "<svg" in html and 'role="img"' in html
        assert "<table" in html and "<caption>" in html
        assert '<th scope="row">Đảng ủy</th><td>14</td>' in html
        assert 'href="data:text/csv;charset=utf-8,' in html
        assert block.get_api_representation(value)["series"] == [
            {"name": "2022", "values": [14, 126]}
        ]

    def test_ragged_rows_are_refused_with_a_message(self):
        raw = chart_raw(series=[{"name": "2022", "values": ["14"]}])
        assert "series" in block_errors(ChartBlock(), raw)

    def test_too_many_series_are_refused(self):
        raw = chart_raw(series=[{"name": f"S{i}", "values": ["1", "2"]} for i in range(9)])
        assert "series" in block_errors(ChartBlock(), raw)

    def test_hostile_text_is_escaped_in_svg_and_table(self):
        hostile = '</title><script>alert(1)</script>"><svg onload=x>'
        block = ChartBlock()
        value = block.clean(block.to_python(chart_raw(title=hostile, categories=[hostile, "b"])))
        html = block.render(value)
        assert "<script>" not in html and "<svg onload" not in html


class TestIndicatorValues:
    @pytest.fixture
    def indicator(self):
        return make_indicator()

    def test_written_on_publish_and_removed_on_unpublish_and_delete(self, home, indicator):
        index = make_report_index(home)
        report = make_report(index, body=[statistic(indicator, 14), statistic(indicator, 6)])
        row = IndicatorValue.objects.get(page=report)
        assert (row.year, row.value) == (2022, Decimal(20))  # a sum indicator adds up

        report.unpublish()
        assert not IndicatorValue.objects.filter(page=report).exists()
        report.save_revision().publish()
        assert IndicatorValue.objects.filter(page=report).count() == 1
        report.delete()
        assert not IndicatorValue.objects.exists()

    def test_a_draft_does_not_change_the_published_figures(self, home, indicator):
        index = make_report_index(home)
        report = make_report(index, body=[statistic(indicator, 14)])
        report.body = [statistic(indicator, 99)]
        report.save_revision()
        assert IndicatorValue.objects.get(page=report).value == 14


class TestDashboard:
    def build(self, home, reports):
        inspections = make_indicator("inspections", name="Kiểm tra", unit="cuộc")
        rate = make_indicator("rate", name="Tỷ lệ", unit="%", aggregation="average")
        index = make_report_index(home)
        for number in range(reports):
            make_report(
                index,
                body=[statistic(inspections, 10 + number), statistic(rate, 90 + number)],
            )
        return make_dashboard(home, title="Thống kê", slug="thong-ke"), inspections, rate

    def test_without_units_each_page_counts_as_its_own_reporter(self, client, home):
        dashboard, *_ = self.build(home, 2)
        html = client.get(dashboard.url).content.decode()
        assert "<table" in html and '<data value="21">21 cuộc</data>' in html
        rows = list(
            csv.DictReader(io.StringIO(client.get(dashboard.csv_url()).content.decode("utf-8-sig")))
        )
        by_code = {row["code"]: row for row in rows}
        assert by_code["inspections"]["value"] == "21"  # 10 + 11
        assert by_code["rate"]["value"] == "90.5"  # mean of 90 and 91
        assert by_code["inspections"]["pages"] == "2"

    def test_query_count_does_not_grow_with_pages(
        self, client, home, django_assert_max_num_queries
    ):
        dashboard, *_ = self.build(home, 2)
        # Two more than before units: the units, and the years with figures.
        with django_assert_max_num_queries(22) as few:
            client.get(dashboard.url)
        index = home.get_children().type(type(make_report_index(home, slug="more"))).first()
        for _ in range(10):
            make_report(index.specific, body=[statistic(None, 1)])
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get(dashboard.url)

    def test_unpublished_pages_do_not_count(self, client, home):
        dashboard, inspections, _rate = self.build(home, 1)
        IndicatorValue.objects.get(indicator=inspections).page.specific.unpublish()
        html = client.get(dashboard.csv_url()).content.decode("utf-8-sig")
        assert "inspections" not in html


def test_machine_readable_figures_are_not_localised():
    block = StatisticBlock()
    value = block.clean(block.to_python(statistic_raw(value="2.5", denominator="3327")))
    with translation.override("vi"):
        html = block.render(value)
    assert '<data value="2.5">2,5</data>' in html
    assert '<data value="3327">3.327</data>' in html
