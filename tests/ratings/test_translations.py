"""The Vietnamese catalogue: complete, compiled, and word for word the portal's."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

import wagtail_dangvu.ratings
from wagtail_dangvu.ratings import wording
from wagtail_dangvu.ratings.scores import Tally

LC_MESSAGES = Path(wagtail_dangvu.ratings.__file__).parent / "locale" / "vi" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(LC_MESSAGES / "django.po"))


def test_every_string_is_translated_and_none_is_fuzzy(catalogue):
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert not catalogue.metadata_is_fuzzy
    assert catalogue.metadata["Plural-Forms"] == "nplurals=1; plural=0;"


def test_the_compiled_catalogue_matches_the_source(catalogue):
    compiled = polib.mofile(str(LC_MESSAGES / "django.mo"))
    compiled_strings = {(e.msgid, e.msgstr or e.msgstr_plural.get(0)) for e in compiled}
    source_strings = {
        (e.msgid, e.msgstr or e.msgstr_plural.get(0)) for e in catalogue.translated_entries()
    }
    assert source_strings <= compiled_strings


@pytest.mark.parametrize(
    ("text", "portal"),
    [
        (lambda: wording.STAR_TITLES[1], "Bài viết rất kém"),
        (lambda: wording.STAR_TITLES[2], "Bài viết kém"),
        (lambda: wording.STAR_TITLES[3], "Bài viết đạt"),
        (lambda: wording.STAR_TITLES[4], "Bài viết tốt"),
        (lambda: wording.STAR_TITLES[5], "Bài viết rất tốt"),
        (lambda: wording.PROMPT, "Click để đánh giá bài viết"),
        (
            lambda: wording.summary_line(Tally(21, 5)),
            "Tổng số điểm của bài viết là: 21 trong 5 đánh giá",
        ),
        (lambda: wording.ranking_line(Tally(21, 5)), "Xếp hạng: 4.2 - 5 phiếu bầu"),
        (lambda: wording.ranking_line(Tally(17, 4)), "Xếp hạng: 4.3 - 4 phiếu bầu"),
        (lambda: wording.ALREADY_RATED, "Bạn đã đánh giá bài viết này rồi"),
        (lambda: wording.INVALID_SCORE, "Đánh giá không hợp lệ"),
    ],
)
def test_the_portals_strings_read_exactly_as_on_the_portal(text, portal):
    with translation.override("vi"):
        assert str(text()) == portal


def test_the_average_keeps_its_dot_in_vietnamese():
    with translation.override("vi"):
        assert "4,2" not in wording.ranking_line(Tally(21, 5))


def test_english_has_its_own_words():
    with translation.override("en"):
        assert wording.summary_line(Tally(5, 1)) == "Total score of this article: 5 from 1 rating"
        assert wording.ranking_line(Tally(21, 5)) == "Rating: 4.2 - 5 votes"
