"""The import's problems (:class:`wagtail_dangvu.units.csvfile.Code`), worded through gettext."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.utils.translation import gettext

from ..problems import Problem
from .csvfile import Code

Params = Mapping[str, object]

_WORDING: dict[str, Callable[[Params], str]] = {
    Code.NOT_UTF8: lambda p: gettext("The file is not UTF-8 text."),
    Code.BAD_CSV: lambda p: gettext("The line is not valid CSV (check its quotes)."),
    Code.BAD_HEADER: lambda p: gettext("The first line must be the header “%(expected)s”.") % p,
    Code.BAD_COLUMNS: lambda p: (
        gettext("The line has %(found)s columns; it must have %(expected)s.") % p
    ),
    Code.NO_CODE: lambda p: gettext("The unit has no code."),
    Code.BAD_CODE: lambda p: (
        gettext(
            "“%(code)s” is not a unit code: at most %(max)s letters, digits, dots, dashes "
            "or underscores."
        )
        % p
    ),
    Code.DUPLICATE_CODE: lambda p: gettext("The code “%(code)s” is already on line %(first)s.") % p,
    Code.NO_NAME: lambda p: gettext("The unit has no name."),
    Code.LONG_NAME: lambda p: gettext("The name is longer than %(max)s characters.") % p,
    Code.CONTROL_CHARACTERS: lambda p: gettext("The %(column)s has control characters.") % p,
    Code.BAD_KIND: lambda p: gettext("Unknown kind “%(kind)s”; use one of %(kinds)s.") % p,
    Code.BAD_DATE: lambda p: (
        gettext("The %(column)s “%(value)s” is not a date written YYYY-MM-DD.") % p
    ),
    Code.ENDS_BEFORE_START: lambda p: gettext("The unit ends (valid_until) before it begins."),
    Code.UNKNOWN_CODE: lambda p: (
        gettext("The %(column)s “%(code)s” is neither in the file nor in the database.") % p
    ),
    Code.CYCLE: lambda p: gettext("The %(column)s links go round in a loop: %(codes)s.") % p,
}


def word(problem: Problem) -> str:
    """The problem as a sentence in the active language, after its line number."""
    return gettext("Line %(line)s: %(problem)s") % {
        "line": problem.params["line"],
        "problem": _WORDING[problem.code](problem.params),
    }
