"""Search that forgives missing diacritics and knows document symbols.

Every page of the app keeps a ``search_text`` without diacritics (see
:class:`~wagtail_dangvu.models.DangvuPage`), so a folded query such as "dan van kheo" finds
"Dân vận khéo" on every search backend. A query that reads as a document symbol, in any
written form ("21 KL TW", "Kết luận số 21-KL/TW"), puts that document and the pages that
mention it first. Only public documents and live, public pages are ever returned, and a
symbol that a withheld register entry bears finds nothing, as one nobody wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Page

from wagtail_dangvu.documents.mentions import DocumentMention, withheld_symbols
from wagtail_dangvu.documents.models import PartyDocument
from wagtail_dangvu.pure.symbols import (
    DocumentSymbol,
    InvalidSymbol,
    find_symbols,
    fold,
    parse_symbol,
)
from wagtail_dangvu.pure.text import remove_control_characters, search_words

MAX_QUERY_LENGTH = 200


@dataclass
class SearchResults:
    query: str
    symbol: DocumentSymbol | None = None
    documents: list[PartyDocument] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.documents or self.pages)


def read_symbol(query: str) -> DocumentSymbol | None:
    """The document symbol a query names, if it is one ("21 KL TW" included)."""
    candidates = [query]
    words = query.replace("/", " ").replace("-", " ").split()
    if len(words) == 3 and words[0].isdigit():
        # "21 KL TW": a symbol typed without its punctuation.
        candidates.append(f"{words[0]}-{words[1]}/{words[2]}")
    for candidate in candidates:
        try:
            symbol = parse_symbol(candidate)
        except InvalidSymbol:
            continue
        if symbol.is_complete:
            return symbol
    return None


def pages_naming_withheld(query: str, symbol: DocumentSymbol | None) -> set[int]:
    """The pages that name a withheld symbol written in ``query``: none are found by it.

    Their search text has lost the symbol already; this also keeps out a page whose title
    carries it, so a withheld symbol answers as one nobody wrote. No query when ``query``
    names no symbol.
    """
    symbols = {match.symbol for match in find_symbols(query)}
    if symbol is not None:
        symbols.add(symbol)
    withheld = withheld_symbols(symbols)
    if not withheld:
        return set()
    return set(
        DocumentMention.objects.filter(symbol__in=withheld).values_list("page_id", flat=True)
    )


def _ordered_pages(ids: list[int]) -> list[Page]:
    pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
    return [pages[pk] for pk in ids if pk in pages]


def backend_queries(query: str) -> list[str]:
    """What is handed to the search backend: the words of ``query``, folded and as typed.

    Only words, never the query itself: quotes, ``*``, ``-``, ``:`` and ``AND OR NOT``
    mean something to SQLite's FTS5 and PostgreSQL's tsquery, and some of it fails there.
    """
    words = search_words(query)
    if not words:
        return []
    return list(dict.fromkeys([" ".join(fold(word) for word in words), " ".join(words)]))


def search_portal(query: str, *, locale, limit: int = 50) -> SearchResults:
    query = " ".join(remove_control_characters(query or "").split())[:MAX_QUERY_LENGTH]
    results = SearchResults(query=query)
    if not query:
        return results
    results.symbol = read_symbol(query)

    documents = PartyDocument.objects.public().filter(locale=locale)
    pages = Page.objects.live().public().filter(locale=locale, depth__gt=1)
    page_ids: list[int] = []
    unfound = pages_naming_withheld(query, results.symbol)

    if results.symbol is not None:
        results.documents = list(documents.with_symbol(results.symbol))
        page_ids = list(
            pages.filter(pk__in=DocumentMention.objects.pages_naming(results.symbol))
            .order_by("-first_published_at")
            .values_list("pk", flat=True)
        )
        query = " ".join(
            [query, str(results.symbol.number), results.symbol.type_code, results.symbol.issuer]
        )
    else:
        results.documents = list(documents.search(query)[:limit])

    # The folded query finds the app's pages through their search_text; the query as
    # typed finds the portal's other pages.
    for terms in backend_queries(query):
        for page in pages.search(terms, operator="and")[:limit]:
            if page.pk not in page_ids and page.pk not in unfound:
                page_ids.append(page.pk)
    results.pages = _ordered_pages(page_ids[:limit])
    return results
