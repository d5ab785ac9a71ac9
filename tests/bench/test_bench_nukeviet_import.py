"""Benchmark: importing NukeViet articles with pictures, against creating bare pages.

Run it with ``make bench`` or::

    python -m pytest tests/bench/test_bench_nukeviet_import.py -o addopts="" -s -p no:cacheprovider

(``NUKEVIET_BENCH_ARTICLES`` sets how many, 5,000 by default; ``DATABASE_URL`` for
PostgreSQL). It generates a news module of that many articles in two categories, each
with its own picture as the article image and in the body, a link to the article before
it, tags, a view count and ratings, and imports it. The baseline, measured in the same
run, creates as many bare news articles through Wagtail's API (``add_child`` and
``save_revision().publish()``). It prints articles per second for both and their ratio,
and holds the import to a bounded multiple of the baseline: everything an import does
per article beyond a bare page (picture, body, redirects, counters) must stay a few
times the cost of the page itself, not grow with the size of the portal.
"""

from __future__ import annotations

import datetime
import io
import os
import time

import pytest
from PIL import Image as PILImage

from wagtail_dangvu.importers.nukeviet.importer import NukeVietImporter
from wagtail_dangvu.models import ImportedPage, NewsArticlePage, NewsIndexPage

from ..importers.nukeviet.memory import NOW, article, category, detail, module

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

COUNT = int(os.environ.get("NUKEVIET_BENCH_ARTICLES", "5000"))
# The import does per article what a bare page does, plus a picture stored and rendered
# nowhere yet, a body, redirects, counters and tags: allowed up to this many times slower.
MAX_SLOWDOWN = 8


def generated(uploads, count):
    rows, details = [], []
    for number in range(1, count + 1):
        name = f"2025_11/anh-{number}.png"
        path = uploads / "news" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        PILImage.new("RGB", (8, 6), (number % 256, (number // 256) % 256, 80)).save(buffer, "PNG")
        path.write_bytes(buffer.getvalue())
        rows.append(
            article(
                number,
                1 + number % 2,
                f"Bài minh họa số {number}",
                f"bai-minh-hoa-{number}",
                listcatid=f"{1 + number % 2},{2 - number % 2}",
                publtime=NOW - number * 600,
                hometext="Tóm tắt bài minh họa.",
                homeimgfile=name,
                homeimgalt=f"Ảnh {number}",
                homeimgthumb=1,
                hitstotal=number,
                total_rating=4 * (number % 5),
                click_rating=number % 5,
            )
        )
        previous = max(number - 1, 1)
        details.append(
            detail(
                number,
                f"<p>Đoạn mở đầu &amp; nội dung của bài {number}.</p>"
                f'<p><img src="/uploads/news/{name}" alt="Ảnh trong bài"></p>'
                f'<p>Xem <a href="/vi/news/tin-tuc/bai-minh-hoa-{previous}-{previous}.html">'
                "bài trước</a>.</p>",
                keywords="minh họa, dân vận",
            )
        )
    return module(
        cats=[category(1, "Tin tức", "tin-tuc"), category(2, "Hoạt động", "hoat-dong")],
        rows=rows,
        details=details,
    )


def test_bench_import_against_bare_pages(home, tmp_path):
    source = generated(tmp_path / "uploads", COUNT)

    started = time.perf_counter()
    summary = NukeVietImporter(
        source,
        home,
        uploads=tmp_path / "uploads",
        now=datetime.datetime.fromtimestamp(NOW, tz=datetime.UTC),
    ).run()
    imported = time.perf_counter() - started
    assert summary.articles["created"] == COUNT
    assert summary.images["imported"] == COUNT

    index = NewsIndexPage(title="Trang trắng", slug="trang-trang")
    home.add_child(instance=index)
    started = time.perf_counter()
    for number in range(COUNT):
        page = NewsArticlePage(title=f"Bài trắng {number}", slug=f"bai-trang-{number}")
        index.add_child(instance=page)
        page.save_revision().publish()
    bare = time.perf_counter() - started

    rate, baseline = COUNT / imported, COUNT / bare
    print(
        f"\nNukeViet import of {COUNT} articles with pictures: {rate:.1f} articles/s; "
        f"bare pages through Wagtail's API: {baseline:.1f} pages/s; "
        f"ratio {imported / bare:.2f}"
    )
    assert ImportedPage.objects.filter(kind="article").count() == COUNT
    assert imported / bare < MAX_SLOWDOWN
