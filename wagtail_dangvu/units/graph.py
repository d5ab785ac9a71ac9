"""Administrative units as a graph: who was merged into whom, and which links loop.

Pure Python (no Django): the units are named by any hashable key (a primary key, a
code), the links given as mappings from a unit to the unit it points at (its parent,
its successor).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

__all__ = ["find_cycle", "predecessors"]


def predecessors(successor_of: Mapping[Hashable, Hashable | None], unit: Hashable) -> set:
    """Every unit merged into ``unit``, directly or through other merges.

    ``successor_of`` maps a unit to the unit it was merged into (or None). A loop in the
    links (which the import refuses, but a database edited by hand may hold) ends the
    walk rather than running forever; ``unit`` itself is never its own predecessor.
    """
    merged_into = defaultdict(list)
    for former, successor in successor_of.items():
        if successor is not None:
            merged_into[successor].append(former)
    found: set = set()
    waiting = [unit]
    while waiting:
        for former in merged_into.get(waiting.pop(), ()):
            if former != unit and former not in found:
                found.add(former)
                waiting.append(former)
    return found


def find_cycle(points_at: Mapping[Hashable, Hashable | None]) -> list | None:
    """A loop in the links, as the units along it in order from its first one, or None.

    ``points_at`` maps each unit to the one it points at (at most one link per unit, as a
    parent or a successor is). A link to a unit missing from the mapping ends the chain.
    Units are tried in the mapping's order, so the loop reported is the first one met.
    """
    done: set = set()
    for start in points_at:
        if start in done:
            continue
        order: dict = {}
        unit = start
        while unit is not None and unit not in done and unit not in order:
            order[unit] = len(order)
            unit = points_at.get(unit)
        if unit is not None and unit in order:
            chain = list(order)
            return chain[order[unit] :]
        done.update(order)
    return None
