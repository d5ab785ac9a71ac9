"""Plain text that is safe to store, to write as XML and to hand to a search backend.

Editors paste from Word and from old portals: a vertical tab (``\\x0b``) or a form feed in
a summary, a stray ``\\x00`` or a C1 control from a mis-decoded page. None of them is
text a reader can see, and XML 1.0 cannot carry most of them even escaped, so one of them
in a title would take down every feed the page appears in.
:func:`remove_control_characters` drops them where text is saved and again where it is
written to XML (feeds, SVG charts, calendars).

Readers type anything into a search box: quotes, an unclosed quote, ``'")--``, ``*``,
``AND OR NOT``. Full-text backends read some of it as their own syntax (SQLite's FTS5
and PostgreSQL's tsquery both fail on some of it), so a query reaches them only as the
words :func:`search_words` reads out of it.

Pure Python, no Django: tested with hypothesis in ``tests/unit/test_text.py``.
"""

from __future__ import annotations

import re
import unicodedata

# Characters with no place in stored text or in XML:
# - C0 controls but tab, line feed and carriage return; DEL; C1 controls (Unicode Cc);
# - lone surrogates, which no UTF-8 encoder accepts;
# - noncharacters: U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE
#   and U+FFFF are illegal in XML 1.0; the others are never text either).
_PLANE_ENDS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}-{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _PLANE_ENDS + "]"
)

# A word of a search: letters and digits of any script (after NFC, a Vietnamese letter with
# its marks is one character). Everything else, punctuation and symbols, separates words.
_WORD = re.compile(r"[^\W_]+")

# The most words of one query handed to a search backend.
MAX_SEARCH_WORDS = 32


def remove_control_characters(text: str) -> str:
    """``text`` without control characters (tab, line feed and CR kept) and noncharacters.

    What is left is legal in XML 1.0 and encodable as UTF-8; everything else is unchanged.
    """
    if not text:
        return text
    return _CONTROL.sub("", text)


def search_words(query: str, *, limit: int = MAX_SEARCH_WORDS) -> list[str]:
    """The words of a search query, in order, at most ``limit`` of them.

    ``'"dân vận" -khéo*'`` gives ``["dân", "vận", "khéo"]``; a query of punctuation only
    gives ``[]``. Each word is made of letters and digits only, so it means the same to
    every search backend, whatever syntax that backend gives to quotes and operators.
    """
    text = unicodedata.normalize("NFC", remove_control_characters(query or ""))
    return _WORD.findall(text)[:limit]
