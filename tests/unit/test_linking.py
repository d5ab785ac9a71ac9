"""Symbols in rendered HTML become links, except where a link would break the markup."""

from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.pure.linking import link_symbols, text_of

URLS = {"21-KL/TW": "/van-ban/4/", "25-KH/ĐU": "/van-ban/7/"}


def resolve(symbol):
    return URLS.get(str(symbol))


def test_links_symbols_in_text_as_written():
    html = "<p>Thực hiện Kết luận số 21 – KL/TW và Kế hoạch 25 -KH/ĐU.</p>"
    assert link_symbols(html, resolve) == (
        '<p>Thực hiện Kết luận số <a class="dangvu-symbol" href="/van-ban/4/">21 – KL/TW</a> '
        'và Kế hoạch <a class="dangvu-symbol" href="/van-ban/7/">25 -KH/ĐU</a>.</p>'
    )


def test_unknown_symbols_stay_text_kept_on_one_line():
    html = "<p>Chỉ thị 05-CT/TW</p>"
    assert (
        link_symbols(html, resolve) == '<p>Chỉ thị <span class="dangvu-symbol">05-CT/TW</span></p>'
    )


def test_leaves_existing_links_attributes_scripts_and_comments_alone():
    html = (
        '<p title="21-KL/TW"><a href="/x">21-KL/TW</a> <code>21-KL/TW</code>'
        "<!-- 21-KL/TW --><script>var s='21-KL/TW'</script></p>"
    )
    assert link_symbols(html, resolve) == html


def test_text_of_decodes_entities():
    assert text_of("<p>Kết luận&nbsp;21-KL/TW &amp; <b>44-KH/HU</b></p>").split() == [
        "Kết",
        "luận",
        "21-KL/TW",
        "&",
        "44-KH/HU",
    ]


@given(st.text(alphabet=st.sampled_from(list("<>ab /=\"'!-21KLTW&;p"))))
def test_arbitrary_markup_only_gains_links(markup):
    linked = link_symbols(markup, resolve)
    # Removing the links we added gives back the original markup exactly.
    stripped = linked
    for url in URLS.values():
        stripped = stripped.replace(f'<a class="dangvu-symbol" href="{url}">', "")
    stripped = stripped.replace('<span class="dangvu-symbol">', "").replace("</span>", "")
    assert stripped.replace("</a>", "") == markup.replace("</a>", "").replace("</span>", "")
