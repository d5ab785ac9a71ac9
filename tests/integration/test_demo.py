"""`manage.py dangvu_demo`: every page type, idempotent, English versions complete, and its
data kept apart from what runs in production."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, TranslationSource

from wagtail_dangvu.demo.builder import DemoBuilder, english_strings
from wagtail_dangvu.models import (
    DanVanKheoStoryPage,
    DirectiveReportPage,
    DocumentRegisterPage,
    IndicatorValue,
    NewsArticlePage,
    NewsIndexPage,
    PartyDocument,
    SeminarEventPage,
    StatisticsDashboardPage,
)
from wagtail_dangvu.ratings.models import Rating

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def run_demo():
    out = io.StringIO()
    call_command("dangvu_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return run_demo()


def test_a_second_run_changes_nothing_and_says_so(demo):
    counts = (Page.objects.count(), PartyDocument.objects.count(), IndicatorValue.objects.count())
    assert "nothing was changed" in run_demo()
    assert counts == (
        Page.objects.count(),
        PartyDocument.objects.count(),
        IndicatorValue.objects.count(),
    )


def test_every_page_type_is_live_and_renders(client, demo):
    for model in (
        DirectiveReportPage,
        SeminarEventPage,
        DanVanKheoStoryPage,
        DocumentRegisterPage,
        StatisticsDashboardPage,
        NewsIndexPage,
        NewsArticlePage,
    ):
        assert model.objects.live().exists(), model
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_the_report_carries_the_articles_figures(client, demo):
    report = DirectiveReportPage.objects.get(locale__language_code="vi", slug__startswith="long")
    html = client.get(report.url).content.decode()
    for figure in ("14", "126", "100", "10"):
        assert f">{figure}<" in html
    assert "115%" in html  # member development against its target
    assert not Rating.objects.for_page(report).exists()  # the article's votes are its own


def test_the_seed_article_carries_its_rating(client, demo):
    article = NewsArticlePage.objects.get(
        locale__language_code="vi", slug="xa-long-binh-qua-01-nam-thuc-hien-ket-luan-21"
    )
    rating = Rating.objects.for_page(article).get()
    assert (rating.total, rating.count) == (21, 5)
    html = client.get(article.url).content.decode()
    assert "Tổng số điểm của bài viết là: 21 trong 5 đánh giá" in html


def test_the_report_names_its_source_and_topic_whose_page_gathers_its_articles(client, demo):
    report = DirectiveReportPage.objects.get(locale__language_code="vi", slug__startswith="long")
    html = client.get(report.url).content.decode()
    assert "Đảng ủy xã Long Bình" in html[html.index("Nguồn tin") :][:300]
    assert "Thực hiện Kết luận 21-KL/TW" in html
    topic = client.get(reverse("dangvu:topic", kwargs={"slug": "thuc-hien-ket-luan-21"}))
    assert topic.status_code == 200
    listed = topic.content.decode()
    for article in (report, SeminarEventPage.objects.get(slug__startswith="toa-dam")):
        assert article.title in listed


def test_the_confidential_document_is_kept_out_of_sight(client, demo):
    secret = PartyDocument.objects.get(symbol="09-BC/ĐU", locale__language_code="vi")
    assert not secret.is_public
    # The province's register (each demo commune has its own below it).
    register = DocumentRegisterPage.objects.get(locale__language_code="vi", depth=3)
    assert "09-BC" not in client.get(register.url).content.decode()
    assert client.get(register.document_url(secret)).status_code == 404


def test_the_english_versions_are_complete(client, demo):
    english = Locale.objects.get(language_code="en")
    translated = Page.objects.live().filter(locale=english).specific()
    kinds = {type(page) for page in translated}
    assert {DirectiveReportPage, SeminarEventPage, DanVanKheoStoryPage} <= kinds
    for page in translated:
        source = page.get_translation(Locale.objects.get(language_code="vi"))
        translation_source = TranslationSource.objects.get_for_instance_or_none(source)
        if translation_source is None:
            continue
        segments = StringSegment.objects.filter(source=translation_source)
        missing = [s.string.data for s in segments if s.string.data not in english_strings()]
        assert missing == [], page.url
        assert client.get(page.url).status_code == 200


def test_the_news_section_lists_the_articles_of_its_sub_section(client, demo):
    news = NewsIndexPage.objects.get(slug="tin-tuc", locale__language_code="vi")
    grassroots = NewsIndexPage.objects.child_of(news).get()
    assert (news.title, grassroots.title) == ("Tin tức", "Hoạt động cơ sở")
    html = client.get(news.url).content.decode()
    articles = NewsArticlePage.objects.descendant_of(news).live()
    assert articles.count() == 4
    assert NewsArticlePage.objects.child_of(grassroots).count() == 2
    for article in articles:
        assert article.title in html
        assert client.get(article.url).status_code == 200
    seminar_news = articles.get(slug="dang-uy-xa-toa-dam-giai-phap-thuc-hien-ket-luan-21")
    assert "16 ý kiến tham luận" in client.get(seminar_news.url).content.decode()


def test_invented_content_says_so_on_the_page(client, demo):
    """The seed article has no "dân vận khéo" stories and no second commune: those are
    illustrative, and their pages say "minh họa"."""
    stories = DanVanKheoStoryPage.objects.filter(locale__language_code="vi")
    assert stories.count() == 7  # four of the province's, one in each of three communes
    for page in [*stories, DirectiveReportPage.objects.get(slug__startswith="binh-nhi")]:
        assert "minh họa" in client.get(page.url).content.decode(), page.url


def test_a_reference_to_unknown_content_is_named(db):
    builder = DemoBuilder()
    builder.documents()
    with pytest.raises(ValueError, match="unknown document: '99-KL/TW'"):
        builder.resolve({"$document": "99-KL/TW"})


def test_the_portal_runs_without_loading_the_demo():
    """Only the dangvu_demo command imports the demo package and its data: every other
    module of the app, and the example portal's URLs, import without it."""
    code = """
import importlib, pathlib, sys
import django
DEMO = ("wagtail_dangvu.demo", "wagtail_dangvu.management.commands.dangvu_demo")
django.setup()
import example_site.urls
for path in sorted(pathlib.Path("wagtail_dangvu").rglob("*.py")):
    name = ".".join(path.with_suffix("").parts).removesuffix(".__init__")
    if not name.startswith(DEMO):
        importlib.import_module(name)
sys.exit("wagtail_dangvu.demo" in sys.modules)
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "example_site.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:] or "wagtail_dangvu.demo was imported"


def test_the_site_answers_where_make_demo_serves(client, demo):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000").content.decode()
    assert "<loc>http://127.0.0.1:8000/" in sitemap and "localhost" not in sitemap
