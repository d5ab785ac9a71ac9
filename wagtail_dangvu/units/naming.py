"""What a unit's Party committee is called, from the unit's kind and official name.

Pure Python (no Django): the Django layer words the result through gettext.
The committee of a commune, ward or special zone is the Đảng ủy of the unit as named
("Đảng ủy xã Long Bình"); the committee of a province or of a former district takes its
level's title before the place's own name ("Tỉnh ủy Tiền Giang", "Huyện ủy Gò Công
Tây"), so the kind's word is taken off the official name ("tỉnh Tiền Giang").
"""

from __future__ import annotations

# The committee's level by the unit's kind (the values of UnitKind).
COMMITTEE_LEVEL = {
    "tinh": "province",
    "thanh_pho_tw": "city",
    "huyen": "district",
    "quan": "urban_district",
    "thi_xa": "town",
    "thanh_pho_thuoc_tinh": "provincial_city",
    "xa": "commune",
    "phuong": "commune",
    "dac_khu": "commune",
}

# The words an official name starts with, by kind (longest first where one is a prefix).
KIND_WORDS = {
    "tinh": ("tỉnh",),
    "thanh_pho_tw": ("thành phố",),
    "huyen": ("huyện",),
    "quan": ("quận",),
    "thi_xa": ("thị xã",),
    "thanh_pho_thuoc_tinh": ("thành phố",),
    "xa": ("xã",),
    "phuong": ("phường",),
    "dac_khu": ("đặc khu",),
}


def place_name(kind: str, name: str) -> str:
    """``name`` without the word of its kind in front: "tỉnh Tiền Giang" → "Tiền Giang".

    A name that does not start with its kind's word (or would be left empty) is returned
    as it is, stripped of surrounding spaces.
    """
    name = name.strip()
    for word in KIND_WORDS.get(kind, ()):
        head, rest = name[: len(word)], name[len(word) :]
        if head.casefold() == word.casefold() and rest[:1].isspace() and rest.strip():
            return rest.strip()
    return name


def committee_of(kind: str, name: str) -> tuple[str, str]:
    """(level, place) naming the unit's Party committee.

    ``level`` is one of the values of :data:`COMMITTEE_LEVEL` ("commune" for a kind it
    does not know). For "commune" ``place`` is the unit's full name ("xã Long Bình"), for
    the other levels the place's own name ("Tiền Giang").
    """
    level = COMMITTEE_LEVEL.get(kind, "commune")
    if level == "commune":
        return level, name.strip()
    return level, place_name(kind, name)
