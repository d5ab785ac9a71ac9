"""Wagtail 8's API v3 (``wagtail.api.v3``), reading its query string before use.

Wagtail 8 mounts one django-ninja API object, ``wagtail.api.v3.api.api``, to which its
apps add their routers (pages, documents, images, redirects, snippets, sites...). Some
input reaches the database there unread: a NUL (PostgreSQL's driver refuses it in any
text), an offset or limit beyond any database integer, an id beyond SQLite's integers
in a field filter, ``?pk=`` on the pages listing (a field Wagtail offers and cannot
filter by). Each was a 500. The app's ``ready()`` calls :func:`install`, which adds to
that API object, through django-ninja's own extension points:

- a view decorator that reads the query string before any operation runs (before its
  validation, its authentication and its database): a NUL in any parameter, an offset
  beyond 1,000,000 (as in v2), a limit beyond any database integer, and a ``search``
  with no word in it are refused;
- two exception handlers, for reads only, for what only the database can tell: SQLite
  refusing an integer beyond 64 bits in a field filter, and a field Wagtail lets a
  filter name but cannot filter by. They answer a 4xx only when the query string holds
  the culprit (such a number, or that parameter), and re-raise otherwise: a bug of the
  code stays a 500. A read writes nothing, so nothing is left half done.

A refusal has v3's own error form (RFC 7807 ``application/problem+json``, status 422 as
for v3's other validation errors), ``detail`` naming the parameter as in v2
(``"offset: ..."``) in the portal's language, and ``errors`` with its ``loc``.
Search itself is made safe by :mod:`wagtail_dangvu.search_backend`. Wagtail 7 has no v3:
nothing here is imported there.
"""

from __future__ import annotations

import functools
import re

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext
from wagtail.api.v2.utils import BadRequestError

from wagtail_dangvu.pure.text import search_words

from .api import MAX_DATABASE_INTEGER, MAX_OFFSET, parse_whole_number

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_WHOLE_NUMBER = re.compile(r"\s*[-+]?\d+\s*\Z")
_MISSING_FIELD = re.compile(r"has no field named '(?P<name>[^']+)'")


class ParameterRefused(Exception):
    """A query parameter the API cannot use; ``str()`` is ``"<parameter>: <message>"``."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message


def refusal(error: ParameterRefused):
    """The 422 problem response of v3 for ``error``."""
    from wagtail.api.v3.errors import problem_response

    return problem_response(
        status=422,
        detail=str(error),
        errors=[{"type": "value_error", "loc": ["query", error.parameter], "msg": error.message}],
    )


def query_parameters(operation) -> frozenset[str] | None:
    """The query parameters ``operation`` declares (flattened as ninja reads them).

    None when they cannot be told, and then every check applies.
    """
    models = getattr(operation, "models", None)
    if models is None:
        return None
    names = set()
    for model in models:
        if getattr(model, "__ninja_param_source__", None) == "query":
            names.update(getattr(model, "__ninja_flatten_map__", None) or model.model_fields)
    return frozenset(names)


def parse_error(parameter: str, value: str, **bounds) -> ParameterRefused:
    """The refusal ``parse_whole_number`` words for ``value`` (v2's message)."""
    try:
        parse_whole_number(parameter, value, **bounds)
    except BadRequestError as error:
        return ParameterRefused(parameter, str(error).removeprefix(f"{parameter}: "))
    raise AssertionError(f"{value!r} is a good {parameter}")  # pragma: no cover


def check_query(query, parameters: frozenset[str] | None) -> None:
    """Raise :class:`ParameterRefused` for the first parameter of ``query`` not to use.

    ``parameters``: those the operation reads (None: all); a NUL is refused anywhere.
    """
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            raise ParameterRefused(
                name.replace("\x00", ""), gettext("Null characters are not allowed.")
            )

    def reads(name):
        return name in query and (parameters is None or name in parameters)

    bounds = {"offset": {"maximum": MAX_OFFSET}, "limit": {"minimum": 1}}
    for name, limits in bounds.items():
        if reads(name):
            for value in query.getlist(name):
                try:
                    parse_whole_number(name, value, **limits)
                except BadRequestError:
                    raise parse_error(name, value, **limits) from None
    if reads("search") and not search_words(query["search"]):
        raise ParameterRefused("search", gettext("Type a word or a document symbol to search for."))


def check_query_string(run):
    """django-ninja view decorator: :func:`check_query` before the operation runs."""
    parameters = query_parameters(getattr(run, "__self__", None))

    @functools.wraps(run)
    def checked(request, *args, **kwargs):
        try:
            check_query(request.GET, parameters)
        except ParameterRefused as error:
            return refusal(error)
        return run(request, *args, **kwargs)

    return checked


def number_out_of_range(request, exc):
    """SQLite could not take an integer: say which parameter, if the query string has it."""
    if request.method in SAFE_METHODS:
        for name, value in request.GET.items():
            if _WHOLE_NUMBER.match(value) and abs(int(value)) > MAX_DATABASE_INTEGER:
                return refusal(parse_error(name, value.strip(), minimum=-MAX_DATABASE_INTEGER))
    raise exc


def field_not_filterable(request, exc):
    """Wagtail offered a field to filter by that the model has not (``?pk=`` on pages)."""
    match = _MISSING_FIELD.search(str(exc))
    if request.method in SAFE_METHODS and match and match["name"] in request.GET:
        name = match["name"]
        return refusal(
            ParameterRefused(
                name, gettext("“%(name)s” cannot be used as a filter.") % {"name": name}
            )
        )
    raise exc


def install(api=None) -> None:
    """Add the checks to Wagtail's v3 API object (before its URLs are first read)."""
    if api is None:
        from wagtail.api.v3.api import api
    api.add_decorator(check_query_string, mode="view")
    api.add_exception_handler(OverflowError, number_out_of_range)
    api.add_exception_handler(FieldDoesNotExist, field_not_filterable)
