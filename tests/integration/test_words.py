"""The words a Vietnamese reader and editor read (#15): "Không mật", "chỉ số thống kê"
apart from "chỉ tiêu", one label per block, "Ảnh" and "Hình ảnh", a report's general
assessment apart from its solutions and recommendations, and figures as the text writes
them ("100%", "Đạt 115% chỉ tiêu (115/100)")."""

import re
from html import unescape
from pathlib import Path

import polib
import pytest
from django.urls import reverse
from django.utils import translation
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import get_page_models

import wagtail_dangvu
from wagtail_dangvu.articles.blocks import ArticleBodyBlock, PhotoBlock
from wagtail_dangvu.models import Indicator, SecrecyLevel, SeminarEventPage
from wagtail_dangvu.statistics.blocks import StatisticBlock, TargetProgressBlock

from ..factories import make_report, make_report_index, statistic

pytestmark = pytest.mark.django_db

CATALOGUE = Path(wagtail_dangvu.__file__).parent / "locale/vi/LC_MESSAGES/django.po"


def visible_text(html: str) -> str:
    """The text as a reader sees it: inline elements join their neighbours ("100%")."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    html = re.sub(r"</?(data|span|strong|em|time)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


SEPARATE = ("solutions", "recommendations")


def findings(**counts):
    value = {
        name: [f"Nội dung {name} {n}" for n in range(1, counts.get(name, 0) + 1)]
        for name in ("strengths", "limitations", "causes", "lessons", *SEPARATE)
    }
    return [{"type": "findings", "value": value}]


def test_solutions_and_recommendations_stand_apart_from_the_general_assessment(client, home):
    report = make_report(
        make_report_index(home),
        findings=findings(
            strengths=8, limitations=6, causes=1, lessons=1, solutions=6, recommendations=5
        ),
    )
    html = client.get(report.url).content.decode()
    headings = re.findall(r"<h2>([^<]+)</h2>", html)
    start = headings.index("Đánh giá chung")
    assert headings[start : start + 3] == ["Đánh giá chung", "Giải pháp", "Kiến nghị - đề xuất"]
    assessment = visible_text(html.split("<h2>Đánh giá chung</h2>")[1].split("<h2>")[0])
    assert assessment.startswith(
        "08 nội dung ưu điểm; 06 hạn chế; 01 nguyên nhân; 01 bài học kinh nghiệm "
    )
    assert "giải pháp" not in assessment and "kiến nghị" not in assessment
    assert "Nội dung lessons 1" in assessment and "Nội dung solutions" not in assessment
    solutions = visible_text(html.split("<h2>Giải pháp</h2>")[1].split("<h2>")[0])
    assert solutions.startswith("06 giải pháp Nội dung solutions 1")
    recommendations = visible_text(html.split("<h2>Kiến nghị - đề xuất</h2>")[1])
    assert recommendations.startswith("05 kiến nghị - đề xuất Nội dung recommendations 1")


def target(achieved, of, unit, label="Kết nạp đảng viên mới"):
    return {
        "type": "target_progress",
        "value": {
            "indicator": None,
            "label": label,
            "achieved": achieved,
            "target": of,
            "unit": unit,
        },
    }


def test_figures_read_as_the_text_writes_them(client, home):
    report = make_report(
        make_report_index(home),
        body=[
            statistic(value="100", unit="%", label="Chi bộ được quán triệt"),
            statistic(value="14", unit="cuộc", label="Cuộc kiểm tra"),
            target("115", "100", "%"),
            target("23", "20", "đảng viên", label="Đảng viên mới"),
        ],
    )
    text = visible_text(client.get(report.url).content.decode())
    assert "100% Chi bộ được quán triệt" in text and "100 %" not in text
    assert "14 cuộc Cuộc kiểm tra" in text
    assert "Đạt 115% chỉ tiêu (115/100)" in text
    assert "Đạt 115% chỉ tiêu (23/20 đảng viên)" in text
    assert "theo chỉ tiêu" not in text
    with translation.override("en"):
        html = TargetProgressBlock().render(
            TargetProgressBlock().to_python(target("115", "100", "%")["value"])
        )
    assert "Achieved 115% of the target (115/100)" in html


def test_not_classified_is_khong_mat(client, admin_user):
    assert str(SecrecyLevel.NORMAL.label) == "Không mật"
    client.force_login(admin_user)
    html = client.get(reverse("wagtailsnippets_wagtail_dangvu_partydocument:add")).content
    html = html.decode()
    assert '<option value="normal" selected>Không mật</option>' in html
    assert ">Thường<" not in html


def test_an_indicator_is_never_called_a_target():
    """ "Chỉ tiêu" is the target ("đạt 115% chỉ tiêu"); an indicator is "chỉ số thống kê"."""
    statistic_block = StatisticBlock()
    assert str(statistic_block.child_blocks["indicator"].label) == "Chỉ số thống kê"
    assert str(statistic_block.child_blocks["target"].label) == "Chỉ tiêu"
    assert str(Indicator._meta.verbose_name_plural) == "chỉ số thống kê"
    for entry in polib.pofile(str(CATALOGUE)):
        english = f"{entry.msgid} {entry.msgid_plural}".lower()
        vietnamese = " ".join([entry.msgstr, *entry.msgstr_plural.values()]).lower()
        if "indicator" in english:
            assert "chỉ tiêu" not in vietnamese, entry.msgid
        if "target" in english:
            assert "chỉ số" not in vietnamese, entry.msgid


def block_labels():
    """{label in Vietnamese: the kinds of block wearing it} over every page's streams."""
    labels = {}

    def walk(block):
        children = getattr(block, "child_blocks", None)
        if isinstance(block, blocks.ListBlock):
            # A list's items carry the list's label, not one of their own.
            walk(block.child_block)
        for child in (children or {}).values():
            kind = type(child).__name__
            if isinstance(child, blocks.ListBlock):
                kind = f"list of {type(child.child_block).__name__}"
            labels.setdefault(str(child.label), set()).add(kind)
            walk(child)

    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                walk(field.stream_block)
    return labels


def test_two_different_blocks_never_share_a_label():
    shared = {label: kinds for label, kinds in block_labels().items() if len(kinds) > 1}
    assert shared == {}


def test_one_picture_is_anh_and_a_gallery_hinh_anh():
    assert str(ArticleBodyBlock().child_blocks["image"].label) == "Ảnh"
    photo = PhotoBlock()
    assert (str(photo.label), str(photo.child_blocks["image"].label)) == (
        "Ảnh kèm chú thích",
        "Ảnh",
    )
    assert str(SeminarEventPage._meta.get_field("photos").verbose_name) == "hình ảnh"
    assert translation.gettext("Photos") == "Hình ảnh"
