"""What a pure module has to tell a person, as a code and its parameters.

The pure modules (:mod:`~wagtail_dangvu.pure.symbols`, :mod:`~wagtail_dangvu.pure.numbers`,
:mod:`~wagtail_dangvu.pure.charts`) never word a message: they name the problem with a code
from their ``Code`` enumeration and the facts it needs, and the Django layer
(:mod:`wagtail_dangvu.wording`) words it through gettext in the reader's language, so an
English editor reads English and a Vietnamese one Vietnamese.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = ["Problem", "ProblemError"]


@dataclass(frozen=True)
class Problem:
    """A code (``"symbol.unreadable"``) and the parameters its wording fills in."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def __str__(self) -> str:
        params = ", ".join(f"{name}={value!r}" for name, value in self.params.items())
        return f"{self.code}({params})"


class ProblemError(ValueError):
    """A ``ValueError`` carrying the problems that make the input unusable."""

    def __init__(self, problems: Problem | Iterable[Problem]) -> None:
        self.problems = (problems,) if isinstance(problems, Problem) else tuple(problems)
        super().__init__("; ".join(map(str, self.problems)))

    @property
    def problem(self) -> Problem:
        """The first (usually the only) problem."""
        return self.problems[0]
