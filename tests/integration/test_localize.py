"""Every page type and snippet translates through wagtail-localize; figures do not."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from wagtail_dangvu.models import (
    DanVanKheoStoryPage,
    DirectiveReportPage,
    DocumentRegisterPage,
    PartyDocument,
    SeminarEventPage,
)
from wagtail_dangvu.translation import translate

pytestmark = pytest.mark.django_db

NUMBER_RE = re.compile(r"^[\d.,%\s–-]*\d[\d.,%\s–-]*$")


def to_english(text):
    return f"[en] {text}"


@pytest.fixture
def demo(db):
    call_command("dangvu_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def english(demo):
    return Locale.objects.get(language_code="en")


def source_strings(instance):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return [segment.string.data for segment in StringSegment.objects.filter(source=source)]


@pytest.mark.parametrize("model", [DirectiveReportPage, SeminarEventPage, DanVanKheoStoryPage])
def test_translators_are_never_offered_figures_dates_or_symbols(demo, model):
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
