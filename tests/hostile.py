"""Hostile query-string input, tried on every public path that reads a query string.

The search page, the register's filter and the API endpoints (v2, and v3 on Wagtail 8)
share these lists, so that an input found to break one path is tried on all of them.
"""

from wagtail_dangvu.api import MAX_OFFSET

NUL = "\x00"

# Searches with no word in them, or with a NUL: each is refused, saying so.
WORDLESS_SEARCHES = ['"', "'\")--", "*", "-", ":", "", "“”"]
NUL_SEARCHES = ["x\x00", "\x00", "dân vận\x00khéo"]
REFUSED_SEARCHES = WORDLESS_SEARCHES + NUL_SEARCHES

# Numbers no database integer holds, and offsets deeper than any listing is paged.
HUGE = "99999999999999999999"
HUGE_NEGATIVE = "-" + HUGE

# (parameter, value) pairs no endpoint may answer with a 500. A NUL is refused wherever
# it is; the others where the endpoint reads that parameter.
HOSTILE_PARAMETERS = [
    *(("search", value) for value in REFUSED_SEARCHES),
    ("offset", HUGE),
    ("offset", str(MAX_OFFSET + 1)),
    ("offset", "-1"),
    ("offset", "abc"),
    ("limit", HUGE),
    ("limit", "-1"),
    ("locale", "x\x00"),
    ("site", "x\x00"),
    ("html_path", "x\x00"),
    ("html_path", "\x00"),
    ("id", "x\x00"),
    ("id", HUGE),
    ("title", "x\x00"),
    ("type", "x\x00"),
    ("order", "x\x00"),
    ("x\x00", "1"),
    ("\x00", ""),
]


def has_nul(parameter: str, value: str) -> bool:
    return NUL in parameter or NUL in value
