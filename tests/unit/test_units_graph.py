"""Tests for :mod:`wagtail_dangvu.units.graph`: merges followed back, loops found."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.units.graph import find_cycle, predecessors


def test_predecessors_follow_merges_back_through_every_level():
    # Two 2022 communes merged into a 2023 one, which with a third became today's.
    successor_of = {"a": "ab", "b": "ab", "ab": "today", "c": "today", "today": None, "x": None}
    assert predecessors(successor_of, "today") == {"a", "b", "ab", "c"}
    assert predecessors(successor_of, "ab") == {"a", "b"}
    assert predecessors(successor_of, "a") == set()
    assert predecessors(successor_of, "unknown") == set()


def test_predecessors_end_at_a_loop_and_never_name_the_unit_itself():
    assert predecessors({"a": "b", "b": "a"}, "a") == {"b"}
    assert predecessors({"a": "a"}, "a") == set()


def test_find_cycle_names_the_loop_in_order():
    assert find_cycle({"a": "b", "b": "c", "c": None}) is None
    assert find_cycle({"a": "b", "b": "c", "c": "b"}) == ["b", "c"]
    assert find_cycle({"x": None, "a": "a"}) == ["a"]
    assert find_cycle({"a": "missing"}) is None
    assert find_cycle({}) is None


# A random forest of merges: each unit points at a unit listed after it, so there is no loop.
forests = st.integers(min_value=1, max_value=30).flatmap(
    lambda size: st.tuples(
        *[
            st.one_of(st.none(), st.integers(min_value=index + 1, max_value=size))
            for index in range(size)
        ]
    ).map(
        lambda links: {
            i: (j if j is not None and j < len(links) else None) for i, j in enumerate(links)
        }
    )
)


@given(forests)
def test_a_forest_has_no_cycle(links):
    assert find_cycle(links) is None


@given(forests, st.data())
def test_a_unit_is_a_predecessor_exactly_when_its_chain_reaches_the_unit(links, data):
    target = data.draw(st.sampled_from(sorted(links)))
    expected = set()
    for unit in links:
        current = links[unit]
        while current is not None:
            if current == target:
                expected.add(unit)
                break
            current = links[current]
    assert predecessors(links, target) == expected


@given(forests, st.data())
def test_closing_a_chain_back_on_itself_is_found(links, data):
    start = data.draw(st.sampled_from(sorted(links)))
    chain = [start]
    while links[chain[-1]] is not None:
        chain.append(links[chain[-1]])
    looped = dict(links)
    looped[chain[-1]] = start
    cycle = find_cycle(looped)
    assert cycle is not None
    assert set(cycle) == set(chain)
    for unit, following in zip(cycle, cycle[1:] + cycle[:1], strict=True):
        assert looped[unit] == following
