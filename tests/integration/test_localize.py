"""Every page type and snippet translates through wagtail-localize; figures do not."""

import datetime
import re

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from wagtail_dangvu.models import (
    DanVanKheoStoryPage,
    DirectiveReportPage,
    DocumentRegisterPage,
    PartyDocument,
    SeminarEventPage,
)
from wagtail_dangvu.translation import translate

from ..factories import (
    document_blocks,
    make_document,
    make_event,
    make_event_index,
    make_indicator,
    make_register,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
    paragraph,
    statistic,
)

pytestmark = pytest.mark.django_db

NUMBER_RE = re.compile(r"^[\d.,%\s–-]*\d[\d.,%\s–-]*$")


def to_english(text):
    return f"[en] {text}"


@pytest.fixture
def content(home):
    """A report, a seminar and a story with figures, dates and symbols among their text, and
    the register with the chain 21-KL/TW <- 44-KH/HU <- 25-KH/ĐU."""
    conclusion = make_document("21-KL/TW", term="XIII")
    district_plan = make_document(
        "44-KH/HU",
        type_name="Kế hoạch",
        issuer_name="Ban Thường vụ Huyện ủy Gò Công Tây",
        issue_date=datetime.date(2022, 3, 14),
        summary="Thực hiện Kết luận 21-KL/TW của Ban Chấp hành Trung ương Đảng.",
    )
    district_plan.implements.set([conclusion])
    district_plan.save()  # a ParentalManyToManyField is written on save
    commune_plan = make_document(
        "25-KH/ĐU",
        type_name="Kế hoạch",
        issuer_name="Ban Thường vụ Đảng ủy xã Long Bình",
        issue_date=datetime.date(2022, 3, 18),
        summary="Cụ thể hóa Kế hoạch 44-KH/HU trong Đảng bộ xã.",
    )
    commune_plan.implements.set([district_plan])
    commune_plan.save()
    make_register(home)
    inspections = make_indicator("inspections-by-cells", name="Cuộc kiểm tra của các chi bộ")
    development = make_indicator(
        "member-development-rate", name="Phát triển đảng viên", unit="%", aggregation="average"
    )
    make_report(
        make_report_index(home),
        title="Xã Long Bình qua 01 năm thực hiện Kết luận số 21-KL/TW",
        summary="Đảng bộ xã đã quán triệt Kết luận ở toàn bộ chi bộ.",
        documents=[conclusion],
        plans=document_blocks([district_plan, commune_plan]),
        body=[
            paragraph("<p>Ban Thường vụ Đảng ủy xã ban hành Kế hoạch 25-KH/ĐU.</p>"),
            statistic(make_indicator(), 14),
            statistic(inspections, 126),
            {
                "type": "target_progress",
                "value": {
                    "indicator": development.pk,
                    "label": "Phát triển đảng viên trong năm",
                    "achieved": "115",
                    "target": "100",
                    "unit": "%",
                },
            },
        ],
    )
    make_event(
        make_event_index(home),
        title="Tọa đàm giải pháp thực hiện Kết luận 21-KL/TW",
        summary="Buổi tọa đàm nghe các ý kiến tham luận của các chi bộ.",
        documents=[conclusion],
        statistics=[
            statistic(make_indicator("seminar-contributions", unit="ý kiến"), 16, label="Ý kiến")
        ],
    )
    make_story(
        make_story_index(home),
        title="Tuyến đường hoa nông thôn mới ở ấp Long Hòa",
        summary="Chị em phụ nữ biến đường liên ấp thành tuyến đường hoa.",
        results_figures=[
            statistic(make_indicator("households", name="Hộ hưởng lợi", unit="hộ"), 126),
            statistic(None, "2.5", label="Đường hoa", unit="km"),
        ],
    )


@pytest.fixture
def english(content, locale_en):
    return locale_en


def source_strings(instance):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return [segment.string.data for segment in StringSegment.objects.filter(source=source)]


@pytest.mark.parametrize("model", [DirectiveReportPage, SeminarEventPage, DanVanKheoStoryPage])
def test_translators_are_never_offered_figures_dates_or_symbols(content, model):
    page = model.objects.filter(locale__language_code="vi").first()
    strings = source_strings(page)
    assert strings, "the page has text to translate"
    assert not [s for s in strings if NUMBER_RE.match(s)]
    document_strings = source_strings(
        PartyDocument.objects.get(symbol="21-KL/TW", locale__language_code="vi")
    )
    assert "21-KL/TW" not in document_strings and "XIII" not in document_strings


@pytest.mark.parametrize(
    ("model", "figures", "english_figures"),
    [
        (DirectiveReportPage, ["14", "126", "115", "21-KL/TW", "25-KH/ĐU", "30/11/2022"], []),
        (SeminarEventPage, ["16", "02/12/2022", "21-KL/TW"], []),
        # The same figure, written as each language writes it.
        (DanVanKheoStoryPage, ["126"], [("2,5", "2.5")]),
    ],
)
def test_english_pages_render_with_the_same_figures_dates_and_symbols(
    client, english, model, figures, english_figures, django_capture_on_commit_callbacks
):
    page = model.objects.filter(locale__language_code="vi").order_by("pk").first()
    # wagtail-localize publishes translations when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(page, english, to_english)
    translated.refresh_from_db()
    assert translated.live and translated.locale == english
    assert translated.title == f"[en] {page.title}"

    source_html = client.get(page.url).content.decode()
    response = client.get(translated.url)
    assert response.status_code == 200, translated.url
    html = response.content.decode()
    assert translated.url.startswith("/en/")
    for figure in figures:
        assert figure in source_html
        assert figure in html, figure
    for vietnamese, english_figure in english_figures:
        assert f">{vietnamese}</data>" in source_html
        assert f">{english_figure}</data>" in html, english_figure
    assert 'hreflang="vi"' in html and 'hreflang="en"' in source_html


def test_the_register_chain_holds_in_english(client, english, django_capture_on_commit_callbacks):
    report = DirectiveReportPage.objects.filter(locale__language_code="vi").first()
    register = DocumentRegisterPage.objects.get(locale__language_code="vi")
    with django_capture_on_commit_callbacks(execute=True):
        translate(report, english, to_english)
        register = translate(register, english, to_english)
    plan = PartyDocument.objects.get(symbol="44-KH/HU", locale=english)
    assert plan.summary.startswith("[en] ")
    html = client.get(register.document_url(plan)).content.decode()
    assert "21-KL/TW" in html and "25-KH/ĐU" in html
