"""Tests for wagtail_dangvu.pure.text: control characters out, search queries as words."""

import unicodedata
from xml.dom.minidom import parseString

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from wagtail_dangvu.pure.text import MAX_SEARCH_WORDS, remove_control_characters, search_words

# Every code point, lone surrogates included: what a careless import can put in a field.
any_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF))

XML_LEGAL = {0x9, 0xA, 0xD}


def legal_in_xml(char: str) -> bool:
    code = ord(char)
    return (
        code in XML_LEGAL
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


# ----------------------------------------------------------------------------- cases


@pytest.mark.parametrize(
    ("pasted", "kept"),
    [
        ("Về đẩy mạnh\x0bxây dựng", "Về đẩy mạnhxây dựng"),  # vertical tab from Word
        ("a\x00b\x1fc\x0cd\x08e", "abcde"),
        ("tab\tline\nreturn\r\n", "tab\tline\nreturn\r\n"),
        ("\x7fDEL and \x85NEL \x9fAPC", "DEL and NEL APC"),
        ("\ufffe\uffffok\ufdd0\U0001fffe\U0010ffff", "ok"),
        ("lone \ud800 and \udfff surrogates", "lone  and  surrogates"),
        ("Đảng ủy xã Long Bình – 21-KL/TW \U0001f600 \u200b\u00a0", None),
        ("", ""),
    ],
)
def test_remove_control_characters(pasted, kept):
    assert remove_control_characters(pasted) == (pasted if kept is None else kept)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ('"', []),
        ("x\x00", ["x"]),
        ('"unclosed', ["unclosed"]),
        ("'\")--", []),
        ("*", []),
        ("AND OR NOT", ["AND", "OR", "NOT"]),
        ("-", []),
        (":", []),
        ("NEAR(dân vận, 5)", ["NEAR", "dân", "vận", "5"]),
        ('"dân vận" -khéo* title:x', ["dân", "vận", "khéo", "title", "x"]),
        ("21-KL/TW", ["21", "KL", "TW"]),
        ("snake_case", ["snake", "case"]),
        # Decomposed Vietnamese (as macOS and some keyboards send it) stays one word.
        (unicodedata.normalize("NFD", "Kết luận"), ["Kết", "luận"]),
        ("", []),
    ],
)
def test_search_words(query, words):
    assert search_words(query) == words


def test_search_words_stop_at_the_limit():
    assert search_words("a " * 2000) == ["a"] * MAX_SEARCH_WORDS
    assert search_words("một hai ba", limit=2) == ["một", "hai"]


# ----------------------------------------------------------------------------- properties


@given(any_text)
@example("\x0b\x00\x1f")
def test_what_is_left_is_legal_xml_and_utf8(text):
    cleaned = remove_control_characters(text)
    assert all(legal_in_xml(char) for char in cleaned)
    assert all(
        unicodedata.category(char) not in ("Cc", "Cs") or char in "\t\n\r" for char in cleaned
    )
    cleaned.encode("utf-8")  # no lone surrogate left to fail the encoder
    # An XML parser reads it back as it is (line ends aside, which XML normalises).
    escaped = cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    element = parseString(f"<p>{escaped}</p>".encode()).documentElement
    read_back = "".join(node.data for node in element.childNodes)
    assert read_back == cleaned.replace("\r\n", "\n").replace("\r", "\n")


@given(any_text)
def test_only_control_characters_are_removed(text):
    cleaned = remove_control_characters(text)
    removed = [char for char in text if char not in cleaned]
    assert all(
        not legal_in_xml(char) or unicodedata.category(char) in ("Cc", "Cn") for char in removed
    )
    # The rest keeps its order: the result is the text with those characters left out.
    assert cleaned == "".join(char for char in text if remove_control_characters(char) == char)
    assert remove_control_characters(cleaned) == cleaned


@given(st.text(alphabet=st.characters(categories=("L", "N", "P", "S", "Z"))))
def test_printable_text_is_never_changed(text):
    assert remove_control_characters(text) == text


@given(any_text)
def test_search_words_are_letters_and_digits_only(text):
    words = search_words(text)
    assert len(words) <= MAX_SEARCH_WORDS
    for word in words:
        assert word and all(char.isalnum() for char in word)
        assert word in unicodedata.normalize("NFC", remove_control_characters(text))
