"""The fixture portal itself: its uploads folder holds what its articles point to, and
its schemas are NukeViet's, one per layout."""

from __future__ import annotations

import re

from PIL import Image

from .portal import ARTICLES, LAYOUTS, OLD_SITE, UPLOADS, schema, write_uploads


def test_uploads_hold_every_file_the_articles_name_but_the_missing_one(tmp_path):
    uploads = write_uploads(tmp_path)
    named = set()
    image = re.compile(r'src="(?:' + re.escape(OLD_SITE) + r')?/uploads/news/([^"]+)"')
    for article in ARTICLES:
        named.update(image.findall(article.bodyhtml))
        named.update(name for name in article.files.split(",") if name)
        if article.homeimgthumb == 1:
            named.add(article.homeimgfile)
    assert named - set(UPLOADS) == {"2024_05/khong-co-anh-nay.jpg"}
    for relative, kind in UPLOADS.items():
        path = uploads / "news" / relative
        assert path.is_file()
        if kind in ("jpeg", "png"):
            with Image.open(path) as image:
                assert image.format == kind.upper()


def test_each_layout_has_nukeviet_s_tables():
    for layout in LAYOUTS:
        names = {re.search(r"CREATE TABLE (\w+)", s).group(1) for s in schema(layout)}
        assert {"nv4_config", "nv4_vi_news_rows", "nv4_vi_news_cat"} <= names
        assert ("nv4_vi_news_detail" in names) == (layout != "4.0")
        assert ("nv4_vi_news_bodyhtml_1" in names) == (layout == "4.0")
        assert ("nv4_vi_news_authorlist" in names) == (layout == "4.5")
