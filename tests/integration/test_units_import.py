"""``manage.py dangvu_units import``: a province's units from CSV, all or nothing."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from wagtail_dangvu.models import AdministrativeUnit, UnitKind
from wagtail_dangvu.problems import Problem
from wagtail_dangvu.units.csvfile import HEADER, Code
from wagtail_dangvu.units.wording import word

pytestmark = pytest.mark.django_db

PROVINCE = [
    "82,tỉnh Minh Họa,tinh,,2025-07-01,,",
    "28001,xã Một,xa,82,2025-07-01,,",
    "28002,phường Hai,phuong,82,2025-07-01,,",
    "27001,xã Cũ,xa,,,2025-06-30,28001",
    "27000,huyện Cũ,huyen,,,2025-06-30,",
]


def write_csv(tmp_path, lines, *, bom=False, name="units.csv"):
    path = tmp_path / name
    text = "\r\n".join([",".join(HEADER), *lines]) + "\r\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode())
    return str(path)


def run(*args, language="en") -> str:
    out = StringIO()
    with translation.override(language):
        call_command("dangvu_units", *args, stdout=out)
    return out.getvalue()


def stored():
    return {
        unit.code: (
            unit.name,
            unit.kind,
            unit.parent and unit.parent.code,
            unit.valid_from,
            unit.valid_until,
            unit.successor and unit.successor.code,
        )
        for unit in AdministrativeUnit.objects.select_related("parent", "successor")
    }


@pytest.mark.parametrize("bom", [False, True])
def test_a_province_is_imported_and_a_second_run_changes_nothing(tmp_path, bom):
    path = write_csv(tmp_path, PROVINCE, bom=bom)
    first = run("import", path, language="vi")
    assert "5 mới" in first
    assert stored() == {
        "82": ("tỉnh Minh Họa", UnitKind.TINH, None, datetime.date(2025, 7, 1), None, None),
        "28001": ("xã Một", UnitKind.XA, "82", datetime.date(2025, 7, 1), None, None),
        "28002": ("phường Hai", UnitKind.PHUONG, "82", datetime.date(2025, 7, 1), None, None),
        "27001": ("xã Cũ", UnitKind.XA, None, None, datetime.date(2025, 6, 30), "28001"),
        "27000": ("huyện Cũ", UnitKind.HUYEN, None, None, datetime.date(2025, 6, 30), None),
    }
    before = {unit.pk for unit in AdministrativeUnit.objects.all()}
    second = run("import", path, language="vi")
    assert "Không có gì thay đổi" in second and "5 đơn vị" in second
    assert {unit.pk for unit in AdministrativeUnit.objects.all()} == before


def test_a_changed_file_updates_the_units_it_names_and_leaves_the_others(tmp_path, home, locale_en):
    run("import", write_csv(tmp_path, PROVINCE))
    commune = AdministrativeUnit.objects.get(code="28001")
    commune.section = home
    commune.save()
    commune.names.create(locale=locale_en, name="Mot Commune")
    changed = [
        "28001,xã Một Mới,xa,82,2025-07-01,,",
        "28002,phường Hai,phuong,82,2025-07-01,2026-01-01,28001",
        "28003,xã Ba,xa,82,2025-07-01,,",
    ]
    output = run("import", write_csv(tmp_path, changed, name="changed.csv"))
    assert "1 created, 2 updated, 0 unchanged" in output
    units = stored()
    assert units["28001"][0] == "xã Một Mới"
    assert units["28002"][4:] == (datetime.date(2026, 1, 1), "28001")
    assert units["28003"][2] == "82"
    assert units["27001"] == ("xã Cũ", UnitKind.XA, None, None, datetime.date(2025, 6, 30), "28001")
    commune.refresh_from_db()
    assert commune.section_id == home.pk  # not the file's business
    assert commune.name_in(locale_en) == "Mot Commune"


BAD_FILES = {
    "unknown kind": (["1,xã A,county,,,,"], 2, "Unknown kind “county”"),
    "unknown parent": (["1,xã A,xa,99,,,"], 2, "parent_code “99” is neither"),
    "unknown successor": (["1,xã A,xa,,,,98"], 2, "successor_code “98” is neither"),
    "duplicate code": (["1,xã A,xa,,,,", "1,xã B,xa,,,,"], 3, "The code “1” is already on line"),
    "bad date": (["1,xã A,xa,,2025-13-01,,"], 2, "valid_from “2025-13-01”"),
    "parent cycle": (["1,xã A,xa,2,,,", "2,xã B,xa,1,,,"], 2, "1 → 2 → 1"),
    "successor cycle": (["1,xã A,xa,,,,1"], 2, "successor_code links go round"),
    "NUL in a name": (["1,xã\x00A,xa,,,,"], 2, "control characters"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_with_its_line_and_nothing_is_written(tmp_path, case):
    lines, line, reason = BAD_FILES[case]
    # Sound lines first: they are not written either.
    path = write_csv(tmp_path, [*PROVINCE, *lines])
    with pytest.raises(CommandError) as error:
        run("import", path)
    message = str(error.value)
    assert "nothing was written" in message
    assert f"Line {line + len(PROVINCE)}: " in message and reason in message
    assert not AdministrativeUnit.objects.exists()


def test_a_file_refused_after_a_good_one_leaves_the_stored_units_as_they_were(tmp_path):
    run("import", write_csv(tmp_path, PROVINCE))
    before = stored()
    # Renames a unit, and closes a loop through a stored unit: 82 under 28001, under 82.
    lines = ["28002,phường Đổi Tên,phuong,82,,,", "82,tỉnh Minh Họa,tinh,28001,,,"]
    with pytest.raises(CommandError) as error:
        run("import", write_csv(tmp_path, lines, name="loop.csv"))
    assert "Line 3: The parent_code links go round in a loop: 82 → 28001 → 82." in str(error.value)
    assert stored() == before


def test_the_refusal_is_in_vietnamese_for_a_vietnamese_portal(tmp_path):
    path = write_csv(tmp_path, ["1,xã A,county,,,,"])
    with pytest.raises(CommandError) as error:
        run("import", path, language="vi")
    assert "Dòng 2: " in str(error.value) and "không ghi gì" in str(error.value)


def test_a_file_that_is_not_utf8_or_not_there_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(",".join(HEADER).encode() + b"\n1,x\xe3 A,xa,,,,\n")
    with pytest.raises(CommandError, match="Line 2: The file is not UTF-8 text"):
        run("import", str(path))
    with pytest.raises(CommandError, match="Cannot read"):
        run("import", str(tmp_path / "missing.csv"))
    assert not AdministrativeUnit.objects.exists()


@pytest.mark.parametrize("code", list(Code))
def test_every_problem_of_the_import_is_worded_in_english_and_vietnamese(code):
    params = {
        "line": 7,
        "expected": 7,
        "found": 3,
        "code": "x",
        "max": 16,
        "first": 2,
        "column": "name",
        "kind": "x",
        "kinds": "xa",
        "value": "x",
        "codes": "1 → 1",
    }
    with translation.override("en"):
        english = word(Problem(code, params))
    with translation.override("vi"):
        vietnamese = word(Problem(code, params))
    assert english.startswith("Line 7: ") and vietnamese.startswith("Dòng 7: ")
    assert english != vietnamese


def test_a_hostile_name_is_stored_as_written_and_shown_escaped_in_the_admin(tmp_path, admin_client):
    hostile = '<script>alert("x")</script> & xã'
    run("import", write_csv(tmp_path, ['1,"' + hostile.replace('"', '""') + '",xa,,,,']))
    assert AdministrativeUnit.objects.get(code="1").name == hostile
    listing = admin_client.get(reverse("wagtailsnippets_wagtail_dangvu_administrativeunit:list"))
    text = listing.content.decode()
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert" in text
