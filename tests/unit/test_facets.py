"""The facets' links and values (pure, no database)."""

from urllib.parse import parse_qsl

from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.pure.facets import build_facet, querystring

PARAMS = {"field": "kinh-te", "year": "2023"}


def test_querystring_sets_replaces_and_removes_keeping_the_order():
    assert querystring(PARAMS) == "field=kinh-te&year=2023"
    assert querystring(PARAMS, kind="individual") == "field=kinh-te&year=2023&kind=individual"
    assert querystring(PARAMS, field="van-hoa-xa-hoi") == "field=van-hoa-xa-hoi&year=2023"
    assert querystring(PARAMS, field=None) == "year=2023"
    assert querystring(PARAMS, year="") == "field=kinh-te"
    assert querystring({}) == ""


def test_querystring_encodes_vietnamese_and_reserved_characters():
    query = querystring({"tag": "nông thôn mới"}, q="a&b=c#d")
    assert query == "tag=n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi&q=a%26b%3Dc%23d"


@given(
    st.dictionaries(
        st.sampled_from(["field", "kind", "level", "year", "tag"]),
        st.text(min_size=1).filter(lambda text: "\x00" not in text),
    )
)
def test_querystring_reads_back_as_the_same_filters(params):
    assert dict(parse_qsl(querystring(params), keep_blank_values=True)) == params


def test_build_facet_counts_links_and_the_active_value():
    facet = build_facet(
        "field",
        "Field",
        PARAMS,
        [("kinh-te", "Kinh tế"), ("van-hoa-xa-hoi", "Văn hóa – xã hội"), ("khac", "Khác")],
        {"kinh-te": 4, "van-hoa-xa-hoi": 1},
    )
    values = {value.value: value for value in facet.values}
    assert [value.label for value in facet.values] == ["Kinh tế", "Văn hóa – xã hội", "Khác"]
    assert values["kinh-te"].active and values["kinh-te"].count == 4
    assert values["kinh-te"].query == "year=2023"  # clicking the active value clears it
    assert values["van-hoa-xa-hoi"].query == "field=van-hoa-xa-hoi&year=2023"
    assert not values["khac"].selectable and values["khac"].count == 0
    assert facet.active and facet.clear_query == "year=2023"


def test_an_active_value_with_no_option_is_still_shown_to_be_cleared():
    facet = build_facet("year", "Year", {"year": "2019"}, [("2023", "2023")], {"2023": 2})
    assert [(v.value, v.count, v.active) for v in facet.values] == [
        ("2023", 2, False),
        ("2019", 0, True),
    ]
    assert facet.values[1].selectable and facet.values[1].query == ""


def test_values_are_strings_and_duplicates_are_dropped():
    facet = build_facet("year", "Year", {}, [(2023, 2023), ("2023", "2023")], {"2023": 1})
    assert [(v.value, v.count) for v in facet.values] == [("2023", 1)]
