"""The reviewers' reasons in the catalogues of ``wagtail_dangvu.locale_vi`` read whole.

Each translation that departs from upstream's Vietnamese carries a ``# Why:`` note, for
the reviewer of an upstream pull request and for the next translator. A bug in
``scripts/locale_vi.py merge`` kept only the first line of a note polib had wrapped, so
97 of them stopped mid-sentence ("… which an"). The notes must be whole sentences, and the
tool finds one that is not, in the catalogues (``check``) and in a chunk (``merge``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("locale_vi_tool", ROOT / "scripts" / "locale_vi.py")
tool = sys.modules.setdefault(_spec.name, importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(tool)


def notes_by_message() -> dict[str, list[str]]:
    """Every Why note of the shipped catalogues, with the messages that carry it."""
    found: dict[str, list[str]] = {}
    for domain, path in tool.CATALOGUE_FILES.items():
        for entry in polib.pofile(str(path), wrapwidth=tool.WRAP_WIDTH):
            note = tool.why_text(entry.tcomment.splitlines())
            if note:
                found.setdefault(note, []).append(f"{domain}: {entry.msgid!r}")
    return found


def test_every_why_note_of_the_catalogues_is_a_whole_sentence():
    notes = notes_by_message()
    assert len(notes) > 150  # the reasons of some 390 corrections, many shared
    unfinished = tool.unfinished_notes(sorted(notes))
    assert not unfinished, "\n".join(
        f"Why: {note}\n    {reason}; on {', '.join(notes[note])}"
        for note, reason in sorted(unfinished.items())
    )


@pytest.mark.parametrize(
    "note",
    [
        # As the bug left them: the first line polib had wrapped the note over.
        "Site is website (GLOSSARY.md): trang is a page, so upstream's trang",
        "Every confirmation reads Đồng ý, …, as upstream's Đồng ý, thêm; Đúng,",
        "Spelling: the tone mark of oa, oe, uy goes on the first vowel (xóa,",
        "Restart is not tiếp tục (continue); One term for workflow",
        "Embed is nhúng (GLOSSARY.md); đính kèm is an attachment, which an",
        "The same pattern as «Đã có người dùng với tên đăng nhập này.»",
        "Upstream's sentence lost the sense («unique",
    ],
)
def test_a_note_that_stops_mid_sentence_is_unfinished(note):
    assert "mid-sentence" in tool.unfinished_notes([note])[note]


def test_a_note_cut_where_a_sentence_of_it_ended_is_unfinished():
    """Cut after a full stop, a note looks whole: it is found as the first line of the
    same reason given whole on another message."""
    longer = (
        "Settings is cài đặt (GLOSSARY.md); tùy chỉnh means customise. "
        "Administratively, upstream's trang is a page, not a website."
    )
    cut = tool.first_wrapped_line(longer)[len(tool.WHY_NOTE) :]
    assert cut == "Settings is cài đặt (GLOSSARY.md); tùy chỉnh means customise."
    unfinished = tool.unfinished_notes([cut, longer])
    assert list(unfinished) == [cut]
    assert "first line of a longer note" in unfinished[cut]


@pytest.mark.parametrize(
    "note",
    [
        "Typo (bảnh).",
        "Bạn chắc chắn không? reads as a statement, not a question.",
        "A googol is 10¹⁰⁰; upstream's tỷ tỷ tỷ tỷ is 10³⁶.",
        "Why not say so?",
        "A space was missing next to the placeholder (%(label)s)",
    ],
)
def test_a_whole_note_is_not_unfinished(note):
    assert tool.unfinished_notes([note]) == {}


def test_a_shorter_whole_reason_beside_a_longer_one_is_not_unfinished():
    """One reason may be a sentence of another, longer one: only a note that is exactly
    the first wrapped line of the other counts as cut."""
    short = "A space was missing next to the placeholder."
    longer = short + " Vietnamese titles and buttons capitalise only the first word."
    assert tool.unfinished_notes([short, longer]) == {}


def test_a_note_wrapped_over_several_lines_is_read_as_one():
    entry = polib.POEntry(
        msgid="Embed",
        msgstr="Nội dung nhúng",
        tcomment="Upstream: «Đính Kèm File»\nWhy: Embed is nhúng (GLOSSARY.md); đính kèm is "
        "an attachment, which an embed is not; upstream also left «File» in English.",
    )
    po = polib.POFile(wrapwidth=tool.WRAP_WIDTH)
    po.append(entry)
    (written,) = polib.pofile(po.__unicode__())  # written and read back, as the file is
    lines = written.tcomment.splitlines()
    assert len(lines) > 2  # wrapped
    note = tool.why_text(lines)
    assert note.endswith("left «File» in English.")
    assert tool.unfinished_notes([note]) == {}
