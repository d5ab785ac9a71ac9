"""Wagtail's database search backend, handed the words of a query and nothing else.

Wagtail's database backend passes what a reader typed to SQLite's FTS5 or PostgreSQL's
tsquery, where a quote, ``'")--`` or a NUL is syntax or an error: Wagtail's API v3,
the admin's search and a portal's own views answer it with a 500. This backend reduces
every query, a string or a query object (``PlainText``, ``Phrase``, ``Fuzzy``, nested
in ``And``, ``Or``, ``Not``, ``Boost``), to its words
(:func:`~wagtail_dangvu.pure.text.search_words`) before the database backend compiles
it, so every caller is safe. A phrase stays a phrase of its words; a query, or a part
of one, with no word finds nothing, as an empty query does in Wagtail. In the settings::

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail_dangvu.search_backend"}}

It picks Wagtail's backend for the database in use, as ``wagtail.search.backends.database``
does. :class:`WordsOnlyMixin` puts the same rule in front of another backend class.
"""

from __future__ import annotations

import copy
import functools

from wagtail.search.backends import database
from wagtail.search.query import And, Boost, Not, Or, SearchQuery

from wagtail_dangvu.pure.text import search_words


def words_only(query):
    """``query`` with only the words of each of its texts, or None when no word is left.

    A string gives a string, a query object a query object of the same shape; parts
    without words are dropped.
    """
    if isinstance(query, str):
        return " ".join(search_words(query)) or None
    if isinstance(query, And | Or):
        parts = [part for part in map(words_only, query.subqueries) if part is not None]
        return type(query)(parts) if parts else None
    if isinstance(query, Not | Boost):
        inner = words_only(query.subquery)
        if inner is None:
            return None
        clone = copy.copy(query)
        clone.subquery = inner
        return clone
    if isinstance(query, SearchQuery) and isinstance(getattr(query, "query_string", None), str):
        # PlainText, Phrase, Fuzzy: the same query over the words of its text.
        text = words_only(query.query_string)
        if text is None:
            return None
        clone = copy.copy(query)
        clone.query_string = text
        return clone
    return query  # MATCH_ALL, and what the database backend reads without text


class WordsOnlyMixin:
    """A search backend's ``search()`` and ``autocomplete()``, over words only."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = words_only(query)
        # Wagtail answers an empty query with no results, without asking the database.
        return super()._search(
            query_compiler_class, "" if query is None else query, model_or_queryset, **kwargs
        )


@functools.cache
def _words_only_class(backend_class):
    return type(
        f"WordsOnly{backend_class.__name__}",
        (WordsOnlyMixin, backend_class),
        {"__module__": __name__},
    )


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """Wagtail's database backend for the database in use, reading words only."""
    backend = database.SearchBackend(params)
    # The same object with the mixin in front: the subclass adds no state, and Wagtail
    # chose the class (FTS5 or not, PostgreSQL, MySQL) while building it.
    backend.__class__ = _words_only_class(type(backend))
    return backend


DatabaseSearchBackend = SearchBackend
