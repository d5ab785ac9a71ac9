"""Turn document symbols in rendered HTML into links to the documents register; a symbol
that names no document is wrapped in ``<span class="dangvu-symbol">`` (kept on one line).

Pure Python: the caller supplies ``resolve(symbol) -> url | None``, so the same code
serves any page and is tested without a database. Text already inside a link, a
``<script>``, ``<style>`` or a tag's attributes is left alone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

from wagtail_dangvu.pure.symbols import DocumentSymbol, find_symbols

__all__ = ["link_symbols", "text_of"]

# A tag, a comment or a run of text. Attribute values may hold ">" only when quoted.
_TOKEN_RE = re.compile(
    r"""
    (?P<comment><!--.*?-->)
  | (?P<tag></?(?P<name>[a-zA-Z][a-zA-Z0-9]*)(?:[^>"']|"[^"]*"|'[^']*')*>)
  | (?P<text>[^<]+|<)
    """,
    re.VERBOSE | re.DOTALL,
)
_OPAQUE = {"a", "script", "style", "textarea", "code", "pre"}


def _tokens(markup: str) -> Iterator[tuple[str, str, str]]:
    """Yield (kind, raw, tag name) for each comment, tag and run of text."""
    for match in _TOKEN_RE.finditer(markup):
        if match.group("comment"):
            kind = "comment"
        elif match.group("tag"):
            kind = "tag"
        else:
            kind = "text"
        yield kind, match.group(0), (match.group("name") or "").lower()


def _link_text(text: str, resolve: Callable[[DocumentSymbol], str | None]) -> str:
    out: list[str] = []
    position = 0
    for match in find_symbols(text):
        url = resolve(match.symbol)
        out.append(text[position : match.start])
        written = text[match.start : match.end]
        if url:
            out.append(
                f'<a class="dangvu-symbol" href="{html.escape(url, quote=True)}">{written}</a>'
            )
        else:  # not a link, but never broken across two lines either
            out.append(f'<span class="dangvu-symbol">{written}</span>')
        position = match.end
    out.append(text[position:])
    return "".join(out)


def link_symbols(markup: str, resolve: Callable[[DocumentSymbol], str | None]) -> str:
    """Return ``markup`` with each resolvable symbol in its text wrapped in a link, and
    every other symbol in a ``dangvu-symbol`` span."""
    out: list[str] = []
    opaque_depth = 0
    for kind, raw, name in _tokens(markup):
        if kind == "tag" and name in _OPAQUE and not raw.endswith("/>"):
            opaque_depth += -1 if raw.startswith("</") else 1
            opaque_depth = max(opaque_depth, 0)
            out.append(raw)
        elif kind == "text" and not opaque_depth:
            out.append(_link_text(raw, resolve))
        else:
            out.append(raw)
    return "".join(out)


def text_of(markup: str) -> str:
    """The readable text of an HTML fragment, entities decoded, tags as spaces."""
    parts = [raw if kind == "text" else " " for kind, raw, _name in _tokens(markup)]
    return html.unescape("".join(parts))
