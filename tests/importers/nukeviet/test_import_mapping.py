"""The importer's mapping, on a small portal held in memory (tests.importers.nukeviet.memory).

The fixture portal in MariaDB and as a dump is imported by test_import_portal.py; these
tests pin each rule of the mapping on the smallest input that shows it.
"""

from __future__ import annotations

import datetime
import io
import zoneinfo

import pytest
from django.test import Client
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from wagtail_dangvu.importers.nukeviet.importer import ImportRefused, NukeVietImporter
from wagtail_dangvu.models import (
    ArticleViewCount,
    ImportedPage,
    ImportProblem,
    NewsArticlePage,
    NewsIndexPage,
)
from wagtail_dangvu.ratings.models import Rating

from .memory import NOW, article, category, detail, module

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def png(path, colour="red"):
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), colour).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())


def portal():
    return module(
        cats=[
            category(1, "Tin tức", "tin-tuc"),
            category(2, "Hoạt động cơ sở", "hoat-dong-co-so", 1),
        ],
        rows=[
            article(
                1,
                1,
                "Hội nghị &quot;dân vận khéo&quot;",
                "hoi-nghi",
                listcatid="1,2",
                hometext="Tóm tắt &amp;nbsp; bài",
                homeimgfile="2025_11/anh.png",
                homeimgalt="Ảnh hội nghị",
                homeimgthumb=1,
                hitstotal=123,
                total_rating=21,
                click_rating=5,
                author="Minh họa",
            ),
            article(2, 2, "Bài trùng alias", "hoi-nghi", allowed_rating=0),
            article(3, 2, "Bài trùng alias lần hai", "hoi-nghi"),
            article(4, 1, "Bản nháp", "ban-nhap", status=4),
            article(5, 1, "Hẹn giờ", "hen-gio", status=2, publtime=NOW + 86400 * 3650),
            article(6, 1, "Hết hạn", "het-han", status=3, exptime=NOW - 3600),
        ],
        details=[
            detail(
                1,
                '<p onclick="x()">Mở đầu <img src="/uploads/news/2025_11/anh.png" alt="Trong bài">'
                "</p><script>alert(1)</script><p>"
                '<a href="/vi/news/hoat-dong-co-so/hoi-nghi-2.html">xem</a> '
                '<img src="https://old.example.gov.vn/uploads/news/mat.png"></p>',
                keywords="dân vận, kinh tế",
            ),
            detail(2, "<p>Hai</p>"),
            detail(3, "<p>Ba</p>"),
            detail(4, "<p>Nháp</p>"),
            detail(5, "<p>Hẹn</p>"),
            detail(6, "<p>Hết</p>"),
        ],
    )


@pytest.fixture
def uploads(tmp_path):
    png(tmp_path / "uploads" / "news" / "2025_11" / "anh.png")
    return tmp_path / "uploads"


def run(home, uploads, **kwargs):
    return NukeVietImporter(
        kwargs.pop("source", None) or portal(),
        home,
        uploads=uploads,
        old_site="https://old.example.gov.vn",
        now=datetime.datetime.fromtimestamp(NOW, tz=datetime.UTC),
        **kwargs,
    ).run()


def by_old_id(old_id):
    return ImportedPage.objects.get(kind="article", old_id=old_id).page.specific


def test_categories_nest_and_articles_live_under_their_main_category(home, uploads):
    summary = run(home, uploads)
    assert summary.categories["created"] == 2
    assert summary.articles["created"] == 6
    news = NewsIndexPage.objects.get(slug="tin-tuc")
    sub = NewsIndexPage.objects.get(slug="hoat-dong-co-so")
    assert sub.get_parent().pk == news.pk and news.get_parent().pk == home.pk
    first = by_old_id(1)
    assert first.get_parent().pk == news.pk
    # Listed in its other category too.
    assert first in sub.articles()
    assert [a.pk for a in sub.articles()].count(first.pk) == 1


def test_fields_dates_counters_and_rating(home, uploads):
    run(home, uploads)
    page = by_old_id(1)
    assert page.title == 'Hội nghị "dân vận khéo"'
    assert page.summary == "Tóm tắt &nbsp; bài"
    assert page.author == "Minh họa"
    assert page.live
    published = datetime.datetime.fromtimestamp(NOW - 86400, tz=datetime.UTC)
    assert page.first_published_at == published
    assert page.first_published_at.astimezone(HCM).hour == 7
    assert ArticleViewCount.objects.total_for(page.pk) == 123
    rating = Rating.objects.for_page(page).get()
    assert (rating.total, rating.count, rating.enabled) == (21, 5, True)
    assert Rating.objects.for_page(by_old_id(2)).get().enabled is False
    assert sorted(page.tags.names()) == ["dân vận", "kinh tế"]
    assert page.image is not None and page.image.description == "Ảnh hội nghị"


def test_duplicate_aliases_are_deduplicated_by_old_id(home, uploads):
    run(home, uploads)
    assert by_old_id(1).slug == "hoi-nghi"
    assert by_old_id(2).slug == "hoi-nghi"  # another category
    assert by_old_id(3).slug == "hoi-nghi-3"


def test_status_maps_to_live_draft_scheduled_expired(home, uploads):
    run(home, uploads)
    draft, scheduled, expired = by_old_id(4), by_old_id(5), by_old_id(6)
    assert not draft.live and not draft.expired
    assert not scheduled.live
    assert scheduled.go_live_at == datetime.datetime.fromtimestamp(
        NOW + 86400 * 3650, tz=datetime.UTC
    )
    assert scheduled.get_latest_revision().approved_go_live_at == scheduled.go_live_at
    assert expired.expired and not expired.live
    assert expired.expire_at == datetime.datetime.fromtimestamp(NOW - 3600, tz=datetime.UTC)


def test_body_is_cleaned_with_images_links_and_problems(home, uploads):
    run(home, uploads)
    page = by_old_id(1)
    kinds = [block.block_type for block in page.body]
    assert kinds == ["paragraph", "image", "paragraph"]
    assert page.body[1].value.title  # an image of the library
    html = Client().get(page.url).content.decode()
    assert "onclick" not in html and "alert(1)" not in html
    assert f'href="{by_old_id(2).url}"' in html
    # The missing image is a link to where it was, never a broken <img>.
    assert 'href="https://old.example.gov.vn/uploads/news/mat.png"' in html
    assert "/mat.png" not in " ".join(part.split(">")[0] for part in html.split("<img")[1:])
    codes = set(ImportProblem.objects.filter(page=page).values_list("code", flat=True))
    assert {"script_removed", "missing_image"} <= codes
    assert get_image_model().objects.count() == 1  # the same file, once


def test_old_addresses_redirect_permanently(home, uploads, client):
    run(home, uploads)
    page = by_old_id(1)
    for old in [
        "/index.php?language=vi&nv=news&op=tin-tuc/hoi-nghi-1.html",
        "/vi/news/tin-tuc/hoi-nghi-1.html",
        "/news/tin-tuc/hoi-nghi-1.html",
        "/news/hoat-dong-co-so/hoi-nghi-1.html",
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"].endswith(page.url), old
    section = NewsIndexPage.objects.get(slug="tin-tuc")
    response = client.get("/vi/news/tin-tuc/")
    assert response.status_code == 301 and response["Location"].endswith(section.url)


def test_second_run_changes_nothing_and_a_changed_article_is_updated(home, uploads):
    run(home, uploads)
    pages, redirects = Page.objects.count(), Redirect.objects.count()
    again = run(home, uploads)
    assert not again.changed
    assert again.articles["unchanged"] == 6 and again.categories["unchanged"] == 2
    assert (Page.objects.count(), Redirect.objects.count()) == (pages, redirects)

    source = portal()
    rows = source.source.data["nv4_vi_news_rows"]
    rows[1]["title"] = "Bài đã sửa"
    rows.append(article(7, 1, "Bài mới", "bai-moi"))
    source.source.data["nv4_vi_news_detail"].append(detail(7, "<p>Mới</p>"))
    third = run(home, uploads, source=source)
    assert third.articles["updated"] == 1 and third.articles["created"] == 1
    assert by_old_id(2).title == "Bài đã sửa"
    assert NewsArticlePage.objects.count() == 7


def test_dry_run_writes_nothing(home, uploads):
    pages = Page.objects.count()
    summary = run(home, uploads, dry_run=True)
    assert summary.articles["created"] == 6
    assert Page.objects.count() == pages
    assert not ImportedPage.objects.exists() and not Redirect.objects.exists()
    assert not get_image_model().objects.exists()


def test_refused_before_anything_is_written(home, uploads):
    article_page = None
    with pytest.raises(ImportRefused):
        run(home, uploads / "nowhere")
    assert not ImportedPage.objects.exists() and article_page is None


def test_editor_finds_old_id_and_address_and_the_problems(home, uploads, admin_client):
    run(home, uploads)
    page = by_old_id(1)
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "https://old.example.gov.vn/vi/news/tin-tuc/hoi-nghi-1.html" in edit
    listing = admin_client.get("/admin/dangvu/import-problems/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert escape(page.title) in text and "https://old.example.gov.vn/uploads/news/mat.png" in text
    # Nobody adds a problem by hand.
    assert admin_client.get("/admin/dangvu/import-problems/new/").status_code in {302, 403}
    problem = ImportProblem.objects.filter(page=page, code="missing_image").first()
    response = admin_client.post(
        f"/admin/dangvu/import-problems/edit/{problem.pk}/", {"resolved": "on"}
    )
    assert response.status_code == 302
    problem.refresh_from_db()
    assert problem.resolved


def test_a_failure_mid_way_leaves_whole_articles_and_the_next_run_resumes(
    home, uploads, monkeypatch
):
    original = NukeVietImporter.import_article

    def failing(self, row, detail):
        if row["id"] == 3:
            raise RuntimeError("the old server went away")
        return original(self, row, detail)

    monkeypatch.setattr(NukeVietImporter, "import_article", failing)
    with pytest.raises(RuntimeError):
        run(home, uploads)
    assert sorted(ImportedPage.objects.filter(kind="article").values_list("old_id", flat=True)) == [
        1,
        2,
    ]
    assert NewsArticlePage.objects.count() == 2  # no half article
    monkeypatch.setattr(NukeVietImporter, "import_article", original)
    summary = run(home, uploads)
    # Article 1 links to 2, imported after it: the links were to be resolved at the end
    # of the first run, which never came, so 1 is imported again, with its link.
    assert summary.articles["created"] == 4
    assert (summary.articles["updated"], summary.articles["unchanged"]) == (1, 1)
    first = by_old_id(1)
    assert f'linktype="page" id="{by_old_id(2).pk}"' in first.body[2].value.source
    assert NewsArticlePage.objects.count() == 6


def test_an_article_edited_in_wagtail_is_not_overwritten(home, uploads):
    run(home, uploads)
    page = by_old_id(2)
    page.title = "Sửa trong Wagtail"
    page.save_revision().publish()
    source = portal()
    source.source.data["nv4_vi_news_rows"][1]["title"] = "Sửa ở cổng cũ"
    summary = run(home, uploads, source=source)
    assert summary.skipped == [(2, "edited in Wagtail since the last import")]
    assert by_old_id(2).title == "Sửa trong Wagtail"
    assert ImportProblem.objects.filter(page=page, code="edited_since").exists()


def test_document_symbols_in_bodies_link_to_the_register(home, uploads):
    from tests.factories import make_document, make_register

    register = make_register(home)
    conclusion = make_document("21-KL/TW")
    source = portal()
    source.source.data["nv4_vi_news_detail"][1]["bodyhtml"] = (
        "<p>Thực hiện Kết luận 21-KL/TW của Ban Chấp hành Trung ương.</p>"
    )
    run(home, uploads, source=source)
    html = Client().get(by_old_id(2).url).content.decode()
    assert (
        f'<a class="dangvu-symbol" href="{register.document_url(conclusion)}">21-KL/TW</a>' in html
    )
