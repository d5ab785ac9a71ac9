"""The arithmetic of the five stars, with no Django in sight.

The old portals print the average the way PHP's ``round($total / $votes, 1)`` does:
half-up to one decimal, so 17 points in 4 votes (4.25) show as 4.3. Floats can land a
hair below such a tie, so the average is computed in integers and handed out as a
:class:`~decimal.Decimal`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

#: The stars a reader can give, worst to best.
SCORES = (1, 2, 3, 4, 5)
WORST = SCORES[0]
BEST = SCORES[-1]

_SCORE_RE = re.compile(r"[1-5]")


def parse_score(values: Sequence[str]) -> int | None:
    """Return the score posted as the values of the ``score`` field, or None.

    Exactly one value, one digit from 1 to 5: ``"4"`` is a score; ``"4.5"``, ``"04"``,
    ``" 4"``, ``"٤"``, two values or none are not.
    """
    if len(values) != 1 or not _SCORE_RE.fullmatch(values[0]):
        return None
    return int(values[0])


def average(total: int, count: int) -> Decimal | None:
    """``total / count`` rounded half-up to one decimal, or None before the first vote."""
    if count <= 0:
        return None
    # floor(total / count * 10 + 1/2), in integers.
    tenths = (20 * total + count) // (2 * count)
    return Decimal(tenths).scaleb(-1)


def counters_are_consistent(total: int, count: int) -> bool:
    """Whether ``count`` votes of one to five stars can add up to ``total``."""
    return count >= 0 and WORST * count <= total <= BEST * count


@dataclass(frozen=True, slots=True)
class Tally:
    """The two counters of a rating, as readers see them."""

    total: int = 0
    count: int = 0

    @property
    def average(self) -> Decimal | None:
        return average(self.total, self.count)

    def is_shown(self, minimum: Decimal | int | float = 0) -> bool:
        """Whether the summary line appears: after the first vote, from ``minimum`` up."""
        value = self.average
        return value is not None and value >= Decimal(str(minimum))

    def stars_lit(self) -> int:
        """How many of the five stars the average lights, rounded half-up."""
        value = self.average
        if value is None:
            return 0
        return int((value * 2 + 1) // 2)
