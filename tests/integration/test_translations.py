"""The Vietnamese catalogues of both apps: complete, compiled, current, and what readers see.

Commune editors work in the admin in Vietnamese and readers read Vietnamese pages, so a
string without a translation is a bug: it shows up in English on a Party portal.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from collections import Counter
from html import unescape
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

import wagtail_dangvu
from tests.factories import (
    make_document,
    make_event,
    make_event_index,
    make_register,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
)
from wagtail_dangvu.events.models import EventKind, session_name
from wagtail_dangvu.models import Circulation, SecrecyLevel
from wagtail_dangvu.reports.models import ReportKind
from wagtail_dangvu.stories.models import RecognitionLevel, StoryKind

APP = Path(wagtail_dangvu.__file__).resolve().parent

# Each app keeps its own catalogue, made from its own folder (see `make messages`).
CATALOGUES = {
    "wagtail_dangvu": APP / "locale" / "vi" / "LC_MESSAGES",
    "ratings": APP / "ratings" / "locale" / "vi" / "LC_MESSAGES",
}

# A printf-style placeholder as Python's % operator reads it: %(name)s, %s, %d, %.1f, %%.
PLACEHOLDER_RE = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
)


def placeholders(text: str) -> tuple[Counter, list[str]]:
    """Named placeholders (their order may change in Vietnamese) and the positional ones,
    in order (theirs may not)."""
    named, positional = Counter(), []
    for match in PLACEHOLDER_RE.finditer(text):
        if match["name"] is not None:
            named[match[0]] += 1
        else:
            positional.append(match[0])
    return named, positional


def key(entry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def translations(entries) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """Each message with its msgstr, or its msgstr[0], msgstr[1] … for a plural."""
    result = {}
    for entry in entries:
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            result[key(entry)] = tuple(forms[n] for n in sorted(forms, key=int))
        else:
            result[key(entry)] = (entry.msgstr,)
    return result


@pytest.fixture(scope="module", params=sorted(CATALOGUES))
def catalogue(request):
    folder = CATALOGUES[request.param]
    return request.param, folder, polib.pofile(str(folder / "django.po"))


# The catalogues themselves ------------------------------------------------------------


def test_every_message_is_translated_and_none_is_fuzzy(catalogue):
    _app, _folder, po = catalogue
    assert len(po) > 0
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == "vi"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    # Vietnamese has one plural form: exactly msgstr[0], filled.
    for entry in po:
        if entry.msgid_plural and not entry.obsolete:
            assert list(entry.msgstr_plural) in ([0], ["0"]), entry.msgid
            assert entry.msgstr_plural[0].strip(), entry.msgid


def test_every_translation_keeps_the_placeholders_of_its_message(catalogue):
    _app, _folder, po = catalogue
    problems = []
    for entry in po.translated_entries():
        # With one plural form msgstr[0] stands for every count: it answers msgid_plural.
        source = entry.msgid_plural or entry.msgid
        # Only a python-format message goes through %, where "%%" and "%s" mean something;
        # in any other a lone "%" is text ("tỷ lệ %"), but no %(name)s may appear or vanish.
        formatted = "python-format" in entry.flags
        expected = placeholders(source) if formatted else placeholders(source)[0]
        for text in translations([entry])[key(entry)]:
            found = placeholders(text) if formatted else placeholders(text)[0]
            if found != expected:
                problems.append((entry.msgid, text))
            if ("{{" in text or "{%" in text) and "{{" not in source and "{%" not in source:
                problems.append((entry.msgid, text))
    assert problems == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_gnu_msgfmt_accepts_the_catalogue(catalogue):
    _app, folder, _po = catalogue
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(folder / "django.po")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_the_compiled_catalogue_is_the_source_compiled(catalogue):
    """The .mo holds exactly the .po's translations (a file date says nothing after a
    git checkout, so the contents are compared)."""
    _app, folder, po = catalogue
    mo = polib.mofile(str(folder / "django.mo"))
    source = translations(po.translated_entries())
    compiled = translations(mo)
    assert {k: v for k, v in source.items() if k not in compiled} == {}, "not compiled"
    assert {k: v for k, v in compiled.items() if k not in source} == {}, "compiled, gone"
    assert {k: (source[k], compiled[k]) for k in source if source[k] != compiled[k]} == {}
    assert mo.metadata.get("Plural-Forms") == po.metadata["Plural-Forms"]


# The catalogues are current with the source ----------------------------------------------


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """Both catalogues made afresh from a copy of the source, as `make messages` does."""
    if shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext is not installed")
    copy = tmp_path_factory.mktemp("messages") / "wagtail_dangvu"
    shutil.copytree(
        APP, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo", "static")
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        call_command("makemessages", locale=["vi"], no_obsolete=True, ignore_patterns=["ratings/*"])
        patch.chdir(copy / "ratings")
        call_command("makemessages", locale=["vi"], no_obsolete=True)
    return {
        "wagtail_dangvu": copy / "locale" / "vi" / "LC_MESSAGES",
        "ratings": copy / "ratings" / "locale" / "vi" / "LC_MESSAGES",
    }


def test_the_catalogue_has_every_string_of_the_source_and_no_other(catalogue, regenerated):
    app, _folder, po = catalogue
    fresh = polib.pofile(str(regenerated[app] / "django.po"))
    current = {key(e) for e in po if not e.obsolete}
    wanted = {key(e) for e in fresh if not e.obsolete}
    missing, stale = sorted(wanted - current), sorted(current - wanted)
    assert not missing and not stale, (
        f"The {app} catalogue is not current: run `make messages`, translate, compile.\n"
        + "".join(f"  missing from the catalogue: {m!r}\n" for m in missing)
        + "".join(f"  no longer in the source: {m!r}\n" for m in stale)
    )


# What editors and readers see -----------------------------------------------------------


def visible_text(html: str) -> str:
    """The page's text as a reader sees it, attributes and scripts left out."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def findings(**counts):
    value = {name: [] for name in ("strengths", "limitations", "causes", "lessons")}
    value |= {"solutions": [], "recommendations": []}
    for name, count in counts.items():
        value[name] = [f"Nội dung {number}" for number in range(1, count + 1)]
    return [{"type": "findings", "value": value}]


def get_vietnamese(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    return visible_text(response.content.decode())


def assert_no_english(text, *english):
    found = [word for word in english if re.search(rf"\b{re.escape(word)}\b", text)]
    assert found == [], text


@pytest.mark.django_db
def test_a_report_page_reads_in_vietnamese(client, home):
    make_register(home)
    conclusion = make_document("21-KL/TW", term="XIII")
    plan = make_document(
        "25-KH/ĐU",
        type_name="Kế hoạch",
        issuer_name="Ban Thường vụ Đảng ủy xã Long Bình",
        issue_date=datetime.date(2022, 3, 18),
    )
    report = make_report(
        make_report_index(home),
        title="Long Bình qua 01 năm thực hiện Kết luận 21-KL/TW",
        documents=[conclusion],
        plans=[{"type": "document", "value": plan.pk}],
        place="Long Bình",
        author="Văn phòng Đảng ủy",
        findings=findings(strengths=8, limitations=6, solutions=6, recommendations=5),
    )
    with translation.override("vi"):
        text = get_vietnamese(client, report.url)
    for label in (
        "Sơ kết",
        "Cấp ủy báo cáo Đảng ủy xã Long Bình",
        "Kỳ báo cáo",
        "Văn bản được sơ kết, tổng kết",
        "Kết luận 21-KL/TW ngày 25/10/2021",
        "Kế hoạch thực hiện",
        "Đánh giá chung",
        "Đánh giá chung 08 nội dung ưu điểm; 06 hạn chế",
        "Giải pháp 06 giải pháp",
        "Kiến nghị - đề xuất 05 kiến nghị - đề xuất",
        "Tác giả bài viết: Văn phòng Đảng ủy",
    ):
        assert label in text
    assert_no_english(
        text,
        "Reporting committee",
        "Period",
        "Documents reported on",
        "Implementing plans",
        "Assessment",
        "Author",
        "dated",
        "strengths",
        "limitations",
        "solutions",
        "recommendations",
        "Interim review",
    )


@pytest.mark.django_db
def test_an_event_page_reads_in_vietnamese(client, home):
    contributions = [
        {
            "type": "contribution",
            "value": {"presenter": f"Bí thư {n}", "unit": f"Chi bộ {n}", "topic": f"Chủ đề {n}"},
        }
        for n in range(1, 17)
    ]
    event = make_event(
        make_event_index(home),
        title="Tọa đàm giải pháp thực hiện Kết luận 21-KL/TW",
        occasion="Kỷ niệm 78 năm Ngày thành lập Quân đội nhân dân Việt Nam",
        participants="Bí thư các chi bộ trực thuộc",
        delegates=45,
        chairs=[
            {
                "type": "chair",
                "value": {"name": "Nguyễn Thị Kim Ngọc", "title": "Bí thư Đảng ủy xã", "role": ""},
            }
        ],
        contributions=contributions,
        conclusions=findings(strengths=8, limitations=1),
    )
    with translation.override("vi"):
        text = get_vietnamese(client, event.url)
    for label in (
        "Tọa đàm",
        "Thời gian",
        "(sáng)",
        "Địa điểm",
        "Đơn vị tổ chức Đảng ủy xã Long Bình",
        "Nhân dịp Kỷ niệm 78 năm",
        "Chủ trì",
        "Thành phần tham dự",
        "Số đại biểu 45",
        "Ý kiến tham luận 16 ý kiến tham luận",
        "Kết luận 08 nội dung ưu điểm; 01 hạn chế",
    ):
        assert label in text
    assert_no_english(
        text,
        "Organiser",
        "Occasion",
        "Chaired by",
        "Who attended",
        "Delegates",
        "Contributions",
        "contributions",
        "Conclusions",
        "morning",
        "Seminar",
        "Add to my calendar",
    )


@pytest.mark.django_db
def test_a_story_page_reads_in_vietnamese(client, home):
    story = make_story(make_story_index(home), title="Tuyến đường hoa", model_name="Đường hoa")
    with translation.override("vi"):
        text = get_vietnamese(client, story.url)
    for label in (
        "Dân vận khéo",
        "Tên mô hình Đường hoa",
        "Lĩnh vực",
        "Loại hình Mô hình tập thể",
        "Đơn vị thực hiện Chi hội Phụ nữ ấp Long Hòa",
        "Năm đăng ký 2023",
        "Chưa được công nhận",
        "Khả năng nhân rộng",
    ):
        assert label in text
    assert_no_english(
        text, "Not recognised yet", "Implementing unit", "Registered in", "Replication", "Kind"
    )


@pytest.mark.django_db
def test_the_documents_register_reads_in_vietnamese(client, home):
    register = make_register(home)
    make_document("21-KL/TW")
    with translation.override("vi"):
        text = get_vietnamese(client, register.url)
    for label in ("Số và ký hiệu", "Ngày ban hành", "Trích yếu", "1 văn bản", "Tìm kiếm"):
        assert label in text
    assert_no_english(text, "Number and symbol", "Issue date", "Summary", "document", "Search")


def test_choices_counts_and_sessions_read_as_the_portals_write_them():
    with translation.override("vi"):
        assert [str(label) for label in SecrecyLevel.labels] == [
            "Không mật",
            "Mật",
            "Tối mật",
            "Tuyệt mật",
        ]
        assert [str(label) for label in Circulation.labels] == ["Công khai", "Lưu hành nội bộ"]
        assert [str(label) for label in ReportKind.labels] == ["Sơ kết", "Tổng kết", "Báo cáo khác"]
        assert str(EventKind.SEMINAR.label) == "Tọa đàm"
        assert str(EventKind.INTERIM_REVIEW.label) == "Hội nghị sơ kết"
        assert [str(label) for label in StoryKind.labels] == [
            "Mô hình tập thể",
            "Điển hình cá nhân",
        ]
        assert str(RecognitionLevel.COMMUNE.label) == "Cấp xã"
        assert [session_name(s) for s in ("morning", "noon", "afternoon", "evening")] == [
            "sáng",
            "trưa",
            "chiều",
            "tối",
        ]
        for count in (1, 16):
            n = f"{count:02d}"
            headings = {
                ngettext("%(count)s strength", "%(count)s strengths", count): "nội dung ưu điểm",
                ngettext("%(count)s limitation", "%(count)s limitations", count): "hạn chế",
                ngettext("%(count)s cause", "%(count)s causes", count): "nguyên nhân",
                ngettext(
                    "%(count)s lesson learned", "%(count)s lessons learned", count
                ): "bài học kinh nghiệm",
                ngettext("%(count)s solution", "%(count)s solutions", count): "giải pháp",
                ngettext(
                    "%(count)s recommendation", "%(count)s recommendations", count
                ): "kiến nghị - đề xuất",
                ngettext(
                    "%(count)s contribution", "%(count)s contributions", count
                ): "ý kiến tham luận",
            }
            for heading, words in headings.items():
                assert heading % {"count": n} == f"{n} {words}"
        assert gettext("dated") == "ngày"
        assert pgettext("session of the day", "afternoon") == "chiều"


def test_english_keeps_its_own_words():
    with translation.override("en"):
        assert str(SecrecyLevel.SECRET.label) == "Secret (Mật)"
        assert gettext("Reporting committee") == "Reporting committee"
        assert ngettext("%(count)s strength", "%(count)s strengths", 2) == "%(count)s strengths"
