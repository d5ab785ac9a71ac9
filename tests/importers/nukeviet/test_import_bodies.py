"""Bodies cleaned to Wagtail's rich text rules (pure: no database)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.hostile import NUL, REFUSED_SEARCHES
from wagtail_dangvu.importers.nukeviet.bodies import convert_body, plain_text


def convert(markup, images=None, links=None):
    return convert_body(
        markup,
        resolve_image=lambda src: (images or {}).get(src),
        resolve_link=lambda href: (links or {}).get(href, href),
    )


def test_entities_are_decoded_once_and_text_is_nfc():
    decomposed = unicodedata.normalize("NFD", "Dân vận khéo")
    result = convert(f"<p>{decomposed} &amp;nbsp; &lt;b&gt; &quot;x&quot;</p>")
    assert result.richtext == '<p>Dân vận khéo &amp;nbsp; &lt;b&gt; "x"</p>'
    assert plain_text("Tin &amp;amp; ảnh") == "Tin &amp; ảnh"


def test_scripts_handlers_styles_and_javascript_links_are_removed_and_reported():
    result = convert(
        '<p style="color:red" onmouseover="steal()">Xin chào<script>alert(1)</script></p>'
        '<a href=" JaVaScript:alert(2)">bấm</a><iframe src="https://ads.example/x"></iframe>'
    )
    assert result.richtext == "<p>Xin chào</p><p>bấm</p>"
    codes = [problem.code for problem in result.problems]
    assert codes.count("script_removed") == 2
    assert "unsafe_link_removed" in codes and "iframe_removed" in codes


def test_images_split_the_text_and_missing_ones_become_links():
    result = convert(
        '<p>Trước <img src="/uploads/a.jpg" alt="Ảnh A"> sau <img src="/uploads/b.jpg"></p>',
        images={"/uploads/a.jpg": 7},
        links={"/uploads/b.jpg": "https://old.example/uploads/b.jpg"},
    )
    assert result.segments == [
        ("richtext", "<p>Trước</p>"),
        ("image", (7, "Ảnh A")),
        ("richtext", '<p>sau <a href="https://old.example/uploads/b.jpg">b.jpg</a></p>'),
    ]
    assert [p.code for p in result.problems] == ["missing_image"]


def test_links_to_pages_headings_lists_and_embeds():
    result = convert(
        "<h1>Tiêu đề</h1><h5>Nhỏ</h5><ul><li>Một</li><li><p>Hai</p></li></ul>"
        '<a href="/news/a-3.html">bài cũ</a>'
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
        links={"/news/a-3.html": 42},
    )
    assert result.richtext == (
        "<h2>Tiêu đề</h2><h4>Nhỏ</h4><ul><li>Một</li><li>Hai</li></ul>"
        '<p><a linktype="page" id="42">bài cũ</a></p>'
        '<embed embedtype="media" url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"/>'
    )


ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "b", "i", "a", "br", "hr", "embed"}


@settings(deadline=None, max_examples=150)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*REFUSED_SEARCHES, NUL]),
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<div onclick='x()'>",
                    "</div>",
                    "<script>alert(1)</script>",
                    "<a href='javascript:alert(1)'>",
                    "</a>",
                    "<img src=x onerror=alert(1)>",
                    "<table><tr><td>",
                    "&amp;",
                    "&lt;script&gt;",
                    "<b>",
                    "<style>p{}</style>",
                    "<iframe src='//evil'></iframe>",
                ]
            ),
            st.text(max_size=20),
        ),
        max_size=12,
    )
)
def test_whatever_the_input_only_allowed_markup_comes_out(parts):
    from bs4 import BeautifulSoup

    result = convert("".join(parts))
    for kind, value in result.segments:
        assert kind == "richtext"
        soup = BeautifulSoup(value, "html.parser")
        for tag in soup.find_all(True):
            assert tag.name in ALLOWED_TAGS
            assert set(tag.attrs) <= {"href", "linktype", "id", "embedtype", "url"}
            assert not tag.get("href", "").lower().lstrip().startswith("javascript")
        assert unicodedata.is_normalized("NFC", soup.get_text())
        assert "\x00" not in value
