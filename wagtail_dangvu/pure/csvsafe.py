"""The one guard against spreadsheet formula injection ("CSV injection") in what we export.

A spreadsheet opening a CSV file evaluates a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula, and a leading tab or carriage return can hide such a start from a
reader while some spreadsheets still evaluate what follows. Editors and readers type the
text our CSV files carry (page titles, indicator names, chart labels), so every text cell
goes through :func:`neutralise`, which follows OWASP's advice: a cell starting with one
of those characters gets a leading apostrophe, which spreadsheets read as "this is text"
and do not show. Numbers are written as numbers and never pass through it.

Both apps use it: the content app's chart and dashboard CSV and the ratings' export. It
is pure Python, with no Django import, so the ratings app can use it without depending
on the content app.
"""

from __future__ import annotations

__all__ = ["FORMULA_PREFIXES", "neutralise"]

#: What a cell may not start with (OWASP, "CSV Injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet evaluates: ``"=1+1"`` -> ``"'=1+1"``.

    Text that starts otherwise is returned unchanged, so ordinary cells read as typed.
    """
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text
