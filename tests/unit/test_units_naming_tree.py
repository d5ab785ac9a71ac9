"""A unit's committee name, and which issuing units a register speaks for (pure)."""

from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.units.naming import COMMITTEE_LEVEL, KIND_WORDS, committee_of, place_name
from wagtail_dangvu.units.tree import (
    ancestors,
    descendants,
    group_of,
    register_scope,
    with_former_units,
)

KINDS = sorted(COMMITTEE_LEVEL)
names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


def test_the_committees_of_the_kinds():
    assert committee_of("xa", "xã Long Bình") == ("commune", "xã Long Bình")
    assert committee_of("phuong", "phường 1") == ("commune", "phường 1")
    assert committee_of("tinh", "tỉnh Tiền Giang") == ("province", "Tiền Giang")
    assert committee_of("huyen", "huyện Gò Công Tây") == ("district", "Gò Công Tây")
    assert committee_of("thi_xa", "Thị xã Gò Công") == ("town", "Gò Công")
    assert committee_of("unknown", " xã X ") == ("commune", "xã X")


def test_a_name_without_its_kinds_word_is_kept():
    assert place_name("tinh", "Tiền Giang") == "Tiền Giang"
    assert place_name("tinh", "tỉnh") == "tỉnh"  # nothing would be left
    assert place_name("xa", "xãLong") == "xãLong"  # no space after the word


@given(st.sampled_from(KINDS), names)
def test_the_place_is_the_end_of_the_name(kind, name):
    place = place_name(kind, name)
    assert name.strip().endswith(place)
    assert place or not name.strip()


@given(st.sampled_from(KINDS), names)
def test_the_kinds_word_comes_off_once(kind, name):
    word = KIND_WORDS[kind][0]
    stripped = name.strip()
    if stripped and not stripped[0].isspace():
        assert place_name(kind, f"{word} {stripped}") == stripped


# A tree: a province 1 with communes 2 and 3; commune 4 (merged into 2) under district 5,
# itself under the old province 6; 7 merged into 4.
PARENT = {1: None, 2: 1, 3: 1, 4: 5, 5: 6, 6: None, 7: 5}
SUCCESSOR = {1: None, 2: None, 3: None, 4: 2, 5: None, 6: None, 7: 4}


def test_a_communes_register_speaks_for_its_province_itself_and_its_former_units():
    assert register_scope(PARENT, SUCCESSOR, 2) == {1, 2, 4, 7}
    assert register_scope(PARENT, SUCCESSOR, 3) == {1, 3}


def test_the_provinces_register_speaks_for_every_commune_and_their_former_units():
    assert register_scope(PARENT, SUCCESSOR, 1) == {1, 2, 3, 4, 7}
    assert group_of(PARENT, SUCCESSOR, 2) == {2, 4, 7}


links = st.dictionaries(
    st.integers(0, 12), st.one_of(st.none(), st.integers(0, 12)), min_size=1, max_size=12
)


@given(links, links, st.integers(0, 12))
def test_walks_end_on_any_links_loops_included(parent_of, successor_of, unit):
    above = ancestors(parent_of, unit)
    below = descendants(parent_of, unit)
    assert unit not in above and len(above) == len(set(above))
    assert unit not in below
    scope = register_scope(parent_of, successor_of, unit)
    assert unit in scope
    assert set(above) <= scope
    assert with_former_units(successor_of, {unit}) <= scope


@given(links, st.integers(0, 12))
def test_a_child_is_below_its_parent(parent_of, unit):
    for child, parent in parent_of.items():
        if parent == unit and child != unit:
            assert child in descendants(parent_of, unit)
