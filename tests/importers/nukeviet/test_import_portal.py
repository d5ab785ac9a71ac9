"""The fixture portal (tests.importers.nukeviet.portal) imported from MariaDB, in each of
NukeViet's layouts, and from its dump: the pages, dates, redirects, ratings, images,
attachments and the second run, as a reader and an editor find them."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from wagtail_dangvu.models import (
    ArticleViewCount,
    ImportedPage,
    ImportProblem,
    NewsArticlePage,
    NewsIndexPage,
)

from .portal import OLD_SITE, T0, write_uploads

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def run_import(into, tmp_path, **source):
    uploads = write_uploads(tmp_path / "site")
    out = StringIO()
    options = {f"--{key}": str(value) for key, value in source.items()}
    args = [f"{key}={value}" for key, value in options.items()]
    call_command(
        "dangvu_import_nukeviet",
        *args,
        f"--into={into.pk}",
        f"--uploads={uploads}",
        f"--old-site={OLD_SITE}",
        stdout=out,
    )
    return out.getvalue()


def article(old_id):
    return ImportedPage.objects.get(kind="article", old_id=old_id).page.specific


def body_block(block, old_ids):
    """A body block with its links to pages named by the pages' old ids."""
    if block.block_type != "paragraph":
        return (block.block_type, None)
    source = re.sub(
        r'linktype="page" id="(\d+)"',
        lambda match: f'linktype="page" old="{old_ids.get(int(match.group(1)))}"',
        block.value.source,
    )
    return (block.block_type, source)


def snapshot(into):
    """What a reader and an editor see of the import below ``into``, by old id."""
    rows = []
    old_ids = dict(ImportedPage.objects.filter(into=into).values_list("page_id", "old_id"))
    for record in ImportedPage.objects.filter(into=into).order_by("kind", "old_id"):
        page = record.page.specific
        rows.append(
            (
                record.kind,
                record.old_id,
                page.title,
                page.slug,
                "(into)" if page.get_parent().pk == into.pk else page.get_parent().slug,
                page.live,
                page.first_published_at,
                page.go_live_at,
                page.expire_at,
                getattr(page, "summary", ""),
                [body_block(block, old_ids) for block in getattr(page, "body", [])],
                sorted(page.tags.names()) if hasattr(page, "tags") else [],
                ArticleViewCount.objects.total_for(page.pk),
            )
        )
    return rows


def test_portal_from_mariadb(nukeviet_mysql, nukeviet_layout, home, tmp_path):
    output = run_import(home, tmp_path, mysql=nukeviet_mysql)
    assert f"NukeViet {nukeviet_layout} layout" in output
    assert "Articles: 22 created" in output

    # Categories nest as they did.
    news = NewsIndexPage.objects.get(slug="tin-tuc")
    party = NewsIndexPage.objects.get(slug="hoat-dong-dang-bo")
    assert party.get_parent().pk == news.pk

    first = article(1)
    assert first.title == 'Hội nghị "Dân vận khéo" năm 2024'
    assert first.summary == "Hội nghị tổng kết phong trào thi đua & biểu dương điển hình."
    assert first.get_parent().pk == party.pk
    assert first.first_published_at == datetime.datetime.fromtimestamp(T0, tz=datetime.UTC)
    assert first.first_published_at.astimezone(HCM).strftime("%d/%m/%Y %H:%M") == "06/05/2024 08:30"
    assert first.source.name == "Ban Tuyên giáo Tỉnh ủy (minh họa)"
    assert [topic.slug for topic in first.topics.all()] == ["hoc-tap-va-lam-theo-bac"]
    assert first.image is not None
    if nukeviet_layout != "4.0":  # _detail.files came with 4.3
        assert [block.value.title for block in first.attachments] == ["bao-cao-tong-ket.pdf"]

    client = Client()
    html = client.get(first.url).content.decode()
    assert "Tổng số điểm của bài viết là: 21 trong 5 đánh giá" in html
    assert "ra\xa0tại" in html or "ra&nbsp;tại" in html
    # Listed in its other category too.
    assert first in news.articles()

    # Same alias in two categories: both keep it.
    assert article(3).slug == article(4).slug == "hoi-nghi-so-ket"

    # Statuses.
    assert not article(7).live and not article(8).live
    assert article(9).expired and not article(9).live
    scheduled = article(10)
    assert not scheduled.live and scheduled.go_live_at.year == 2100

    # The script is gone, the problem listed; the missing image is a link.
    bad = client.get(article(5).url).content.decode()
    assert "alert(" not in bad and "document.write" not in bad and "evil.example" not in bad
    absolute = client.get(article(6).url).content.decode()
    assert 'href="https://old.example.gov.vn/uploads/news/2024_05/khong-co-anh-nay.jpg"' in absolute
    assert ImportProblem.objects.filter(page=article(6), code="missing_image").exists()
    assert ImportProblem.objects.filter(page=article(5), code="script_removed").exists()

    # Links between old articles lead to the new pages.
    linking = client.get(article(13).url).content.decode()
    for target in (1, 3, 2):
        assert f'href="{article(target).url}"' in linking

    # Ratings off.
    off = client.get(article(11).url).content.decode()
    assert "dangvu-rating__star" not in off

    # NFC.
    assert article(15).title == "Học tập và làm theo tư tưởng, đạo đức"

    # Old addresses.
    for old in [
        "/index.php?language=vi&nv=news&op=hoat-dong-dang-bo/hoi-nghi-dan-van-kheo-nam-2024-1.html",
        "/vi/news/hoat-dong-dang-bo/hoi-nghi-dan-van-kheo-nam-2024-1.html",
        "/news/tin-tuc/hoi-nghi-dan-van-kheo-nam-2024-1.html",
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, first.url), old
    assert client.get("/vi/news/tin-tuc/")["Location"] == news.url

    # Block groups: the home page's featured blocks.
    assert "Block groups: the home page's featured articles were updated" in output, output
    home.refresh_from_db()
    featured = {
        block.value["heading"]: [page.pk for page in block.value["articles"]]
        for block in home.specific.body
        if block.block_type == "featured"
    }
    assert featured["Tin tiêu điểm"][:1] == [first.pk] or first.pk in featured["Tin tiêu điểm"]

    # A second run changes nothing, and says so.
    pages, images = Page.objects.count(), get_image_model().objects.count()
    again = run_import(home, tmp_path, mysql=nukeviet_mysql)
    assert "22 unchanged" in again and "Nothing changed" in again
    assert (Page.objects.count(), get_image_model().objects.count()) == (pages, images)


@pytest.mark.parametrize("nukeviet_layout", ["4.0", "4.5"])
def test_a_dump_gives_what_the_database_gives(
    nukeviet_layout, nukeviet_mysql, nukeviet_dump, home, tmp_path
):
    from_mysql = NewsIndexPage(title="Từ MySQL", slug="tu-mysql")
    from_dump = NewsIndexPage(title="Từ bản sao", slug="tu-ban-sao")
    home.add_child(instance=from_mysql)
    home.add_child(instance=from_dump)
    run_import(from_mysql, tmp_path / "a", mysql=nukeviet_mysql)
    run_import(from_dump, tmp_path / "b", dump=nukeviet_dump)
    assert snapshot(from_mysql) == snapshot(from_dump)
    assert len(snapshot(from_dump)) == 4 + 22
    # Each file once (4.0 had no attachments).
    assert get_document_model().objects.count() == (0 if nukeviet_layout == "4.0" else 2)


@pytest.mark.parametrize("nukeviet_layout", ["4.5"])
def test_a_dry_run_writes_nothing(nukeviet_mysql, home, tmp_path):
    pages = Page.objects.count()
    output = StringIO()
    call_command(
        "dangvu_import_nukeviet",
        f"--mysql={nukeviet_mysql}",
        f"--into={home.pk}",
        "--dry-run",
        stdout=output,
    )
    assert "Dry run" in output.getvalue() and "22 created" in output.getvalue()
    assert Page.objects.count() == pages and not NewsArticlePage.objects.exists()


@pytest.mark.parametrize("nukeviet_layout", ["4.3"])
def test_a_truncated_dump_is_refused_before_anything_is_written(nukeviet_dump, home, tmp_path):
    if nukeviet_dump.suffix == ".gz":
        pytest.skip("one form is enough")
    truncated = tmp_path / "cut.sql"
    data = nukeviet_dump.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(CommandError, match="NukeViet"):
        call_command("dangvu_import_nukeviet", f"--dump={truncated}", f"--into={home.pk}")
    assert not ImportedPage.objects.exists()
