"""Which units a unit's register speaks for: pure Python over the units' links.

The units are named by any hashable key; ``parent_of`` maps a unit to its parent (or
None) and ``successor_of`` to the unit it was merged into (or None). A loop in the links
(refused by the import, possible in a database edited by hand) ends a walk rather than
running forever.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

__all__ = ["ancestors", "descendants", "group_of", "register_scope", "with_former_units"]


def ancestors(parent_of: Mapping[Hashable, Hashable | None], unit: Hashable) -> list:
    """The units above ``unit``, nearest first (its parent, the parent's parent …)."""
    found: list = []
    current = parent_of.get(unit)
    while current is not None and current != unit and current not in found:
        found.append(current)
        current = parent_of.get(current)
    return found


def descendants(parent_of: Mapping[Hashable, Hashable | None], unit: Hashable) -> set:
    """Every unit below ``unit``: its children, their children …"""
    children = defaultdict(list)
    for child, parent in parent_of.items():
        if parent is not None:
            children[parent].append(child)
    found: set = set()
    waiting = [unit]
    while waiting:
        for child in children.get(waiting.pop(), ()):
            if child != unit and child not in found:
                found.add(child)
                waiting.append(child)
    return found


def with_former_units(successor_of: Mapping[Hashable, Hashable | None], units) -> set:
    """``units`` and every unit merged into one of them, directly or through other merges."""
    merged_into = defaultdict(list)
    for former, successor in successor_of.items():
        if successor is not None:
            merged_into[successor].append(former)
    found = set(units)
    waiting = list(found)
    while waiting:
        for former in merged_into.get(waiting.pop(), ()):
            if former not in found:
                found.add(former)
                waiting.append(former)
    return found


def register_scope(
    parent_of: Mapping[Hashable, Hashable | None],
    successor_of: Mapping[Hashable, Hashable | None],
    unit: Hashable,
) -> set:
    """The issuing units whose documents the register of ``unit`` lists.

    The units above it (a commune's register shows its province's documents), the unit
    itself and every unit below it (the province's register shows its communes'), and
    each of those units' former units (a commune's register keeps the documents of the
    communes merged into it). Documents with no issuing unit are everyone's.
    """
    own = {unit, *descendants(parent_of, unit)}
    return with_former_units(successor_of, own) | set(ancestors(parent_of, unit))


def group_of(
    parent_of: Mapping[Hashable, Hashable | None],
    successor_of: Mapping[Hashable, Hashable | None],
    unit: Hashable,
) -> set:
    """``unit``, the units below it, and the former units of all of them: whose documents
    count for ``unit`` in a register's facet."""
    return with_former_units(successor_of, {unit, *descendants(parent_of, unit)})
