"""Wagtail API (v2) endpoints: the documents register, and pages that answer any query.

Pages are served by Wagtail's pages endpoint from each page type's ``api_fields``;
:class:`PortalPagesAPIViewSet` is that endpoint, reading its query string first. The
register is a snippet, so it gets its own endpoint, which only ever serves public
documents. Both read every query parameter before using it: a value they cannot use (a
date that does not exist, an id too large for the database, a NUL, an unknown search
operator) is a 400 whose JSON ``message`` names the parameter, never a 500::

    from wagtail.api.v2.router import WagtailAPIRouter
    from wagtail_dangvu.api import PartyDocumentsAPIViewSet, PortalPagesAPIViewSet

    api_router = WagtailAPIRouter("wagtailapi")
    api_router.register_endpoint("pages", PortalPagesAPIViewSet)
    api_router.register_endpoint("party-documents", PartyDocumentsAPIViewSet)
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext
from rest_framework.filters import BaseFilterBackend
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from wagtail_dangvu.documents.files import exclude_withheld
from wagtail_dangvu.documents.models import PartyDocument
from wagtail_dangvu.pure.text import search_words

# The largest value any integer column (and SQL OFFSET) takes on SQLite and PostgreSQL.
MAX_DATABASE_INTEGER = 2**63 - 1
# Deeper than this, a listing is not being paged through: say so rather than scan.
MAX_OFFSET = 1_000_000
SEARCH_OPERATORS = ("and", "or")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def bad_parameter(parameter: str, message: str) -> BadRequestError:
    """A 400 whose message starts with the parameter it is about."""
    return BadRequestError(f"{parameter}: {message}")


def parse_whole_number(
    parameter: str, value: str, *, minimum: int = 0, maximum: int = MAX_DATABASE_INTEGER
) -> int:
    """``value`` as an integer the database can compare, or a 400 naming ``parameter``."""
    try:
        number = int(value)
    except ValueError:
        raise bad_parameter(
            parameter, gettext("“%(value)s” is not a whole number.") % {"value": value}
        ) from None
    if not minimum <= number <= maximum:
        raise bad_parameter(
            parameter,
            gettext(
                "%(value)s is out of range: use a whole number from %(minimum)s to %(maximum)s."
            )
            % {"value": value, "minimum": minimum, "maximum": maximum},
        )
    return number


def parse_filter_value(field, parameter: str, value: str):
    """The Python value of ``?<parameter>=<value>`` for a filter on ``field``."""
    if isinstance(field, models.BooleanField):
        try:
            return parse_boolean(value)
        except ValueError:
            raise bad_parameter(
                parameter, gettext("“%(value)s” is not true or false.") % {"value": value}
            ) from None
    target = field.target_field if field.is_relation else field
    if isinstance(target, models.IntegerField | models.AutoField):
        return parse_whole_number(parameter, value, minimum=-MAX_DATABASE_INTEGER)
    if isinstance(target, models.DateField) and not isinstance(target, models.DateTimeField):
        return parse_date(parameter, value)
    try:
        return target.to_python(value)
    except ValidationError as error:
        raise bad_parameter(parameter, " ".join(error.messages)) from None


def parse_date(parameter: str, value: str):
    """A date written YYYY-MM-DD that exists, or a 400 that says which of the two is wrong."""
    if not _ISO_DATE.match(value):
        raise bad_parameter(
            parameter,
            gettext("“%(value)s” is not a date. Write it as YYYY-MM-DD, e.g. 2021-10-25.")
            % {"value": value},
        )
    try:
        return models.DateField().to_python(value)
    except ValidationError:
        raise bad_parameter(
            parameter, gettext("%(value)s is not a date that exists.") % {"value": value}
        ) from None


class ValidatedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (``?issue_date=2021-10-25``), each value read before use.

    Wagtail's own filter hands a date it cannot read, or an id too large for the
    database, straight to the query, which fails with a 500. Filters named in the view's
    ``custom_filters`` are left to their own backend.
    """

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        fields = set(view.get_available_fields(model, db_fields_only=True))
        fields -= {"locale", *getattr(view, "custom_filters", ())}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            if isinstance(field, TaggableManager):
                for tag in value.split(","):
                    queryset = queryset.filter(**{f"{name}__name": tag})
                # Wagtail's search refuses to search what was filtered by tag.
                queryset._filtered_by_tag = True
            elif field is not None:
                queryset = queryset.filter(**{name: parse_filter_value(field, name, value)})
        return queryset


def search_query(request) -> tuple[list[str], str] | None:
    """The words of ``?search=`` and its operator, or None when there is no search."""
    if "search" not in request.GET:
        return None
    if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
        raise BadRequestError("search is disabled")
    operator = request.GET.get("search_operator") or "and"
    if operator not in SEARCH_OPERATORS:
        raise bad_parameter(
            "search_operator",
            gettext("“%(value)s” is not an operator; use and or or.") % {"value": operator},
        )
    words = search_words(request.GET["search"])
    if not words:
        raise bad_parameter("search", gettext("Type a word or a document symbol to search for."))
    return words, operator


class WordsSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, handing the search backend words only.

    Quotes, ``*``, ``-``, ``:`` or ``AND OR NOT`` are syntax to SQLite's FTS5 and
    PostgreSQL's tsquery, and some of it fails there with a 500.
    """

    def filter_queryset(self, request, queryset, view):
        query = search_query(request)
        if query is None:
            return queryset
        words, operator = query
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        try:
            return get_search_backend().search(
                " ".join(words),
                queryset,
                operator=operator,
                order_by_relevance="order" not in request.GET,
            )
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching (field is not indexed)"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching (field is not indexed)"
            ) from error


class RegisterSearchFilter(BaseFilterBackend):
    """``?search=`` on the register: a symbol in any written form, or words, as on its page."""

    def filter_queryset(self, request, queryset, view):
        query = search_query(request)
        if query is None:
            return queryset
        _words, operator = query
        return queryset.search(request.GET["search"], operator=operator)


class ImplementsFilter(BaseFilterBackend):
    """``?implements=<id>``: the public documents that implement that document.

    Read across languages, as the register's pages read the chain. An id that is withheld
    answers exactly as one that does not exist, with an empty list: the API never tells
    that a classified or internal document is there.
    """

    def filter_queryset(self, request, queryset, view):
        if "implements" not in request.GET:
            return queryset
        pk = parse_whole_number("implements", request.GET["implements"], minimum=1)
        document = PartyDocument.objects.public().filter(pk=pk).first()
        if document is None:
            return queryset.none()
        _implements, implemented_by = document.chain(queryset)
        return implemented_by


class BoundedPagination(WagtailPagination):
    """Wagtail's ``?offset=`` and ``?limit=``, with an offset the database can take."""

    def paginate_queryset(self, queryset, request, view=None):
        if "offset" in request.GET:
            parse_whole_number("offset", request.GET["offset"], maximum=MAX_OFFSET)
        if "limit" in request.GET:
            limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
            parse_whole_number(
                "limit", request.GET["limit"], maximum=limit_max or MAX_DATABASE_INTEGER
            )
        return super().paginate_queryset(queryset, request, view)


class ValidatedOrderingFilter(OrderingFilter):
    """Wagtail's ``?order=``, refusing fields with many values per item (one row each)."""

    def filter_queryset(self, request, queryset, view):
        for name in request.GET.get("order", "").split(","):
            try:
                field = queryset.model._meta.get_field(name.lstrip("-"))
            except FieldDoesNotExist:
                continue
            if field.many_to_many or field.one_to_many:
                raise bad_parameter(
                    "order",
                    gettext("%(field)s has several values per item; order by another field.")
                    % {"field": name.lstrip("-")},
                )
        return super().filter_queryset(request, queryset, view)


class ValidatedQueryMixin:
    """What both endpoints check before Wagtail reads the query string."""

    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        # Before any view of the endpoint (listing, detail, find) reads a parameter: a NUL
        # fails PostgreSQL's driver wherever it reaches a query.
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise bad_parameter(
                    name.replace("\x00", ""), gettext("Null characters are not allowed.")
                )

    def find_object(self, queryset, request):
        if "id" in request.GET:
            parse_whole_number("id", request.GET["id"], minimum=1)
        return super().find_object(queryset, request)


def _replace(backends, replacements):
    return [replacements.get(backend, backend) for backend in backends]


class PortalPagesAPIViewSet(ValidatedQueryMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, reading its filters, search and offset before use."""

    filter_backends = _replace(
        PagesAPIViewSet.filter_backends,
        {
            FieldsFilter: ValidatedFieldsFilter,
            OrderingFilter: ValidatedOrderingFilter,
            SearchFilter: WordsSearchFilter,
        },
    )

    def paginate_queryset(self, queryset):
        """A page of results, with the articles' source, topics and attachments read for
        all of them at once (none of them a query per item)."""
        from .articles.api import prefetch_reading

        pages = super().paginate_queryset(queryset)
        if pages is not None:
            prefetch_reading(pages)
        return pages


class PartyDocumentsAPIViewSet(ValidatedQueryMixin, BaseAPIViewSet):
    """``/api/v2/party-documents/``: the public register, fields from ``api_fields``.

    Filters: any field by value (``?type_code=KL``, ``?issue_date=2021-10-25``),
    ``?implements=<id>``, ``?search=`` (a symbol in any form, or words) and ``?order=``.
    """

    model = PartyDocument
    filter_backends = [
        ValidatedFieldsFilter,
        ImplementsFilter,
        ValidatedOrderingFilter,
        RegisterSearchFilter,
    ]
    custom_filters = ("implements",)
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "symbol",
        "type_name",
        "issue_date",
        "summary",
    ]
    name = "party_documents"

    def get_queryset(self):
        # The confidentiality gate: classified and internal documents do not exist here.
        return (
            PartyDocument.objects.public()
            .select_related("locale")
            .prefetch_related("implements")
            .order_by("-issue_date", "pk")
        )


class GatedDocumentsAPIViewSet(ValidatedQueryMixin, DocumentsAPIViewSet):
    """Wagtail's ``/api/v2/documents/`` without the files of withheld register entries.

    Wagtail's endpoint lists every document with its title and download URL; this one
    leaves out those the register withholds (for everyone: an API is a public surface),
    whatever collection they are in. Their downloads are refused anyway by the
    ``before_serve_document`` hook. Like the pages endpoint, it reads its query string
    before use. Mount it in place of Wagtail's::

        api_router.register_endpoint("documents", GatedDocumentsAPIViewSet)
    """

    filter_backends = _replace(
        DocumentsAPIViewSet.filter_backends,
        {
            FieldsFilter: ValidatedFieldsFilter,
            OrderingFilter: ValidatedOrderingFilter,
            SearchFilter: WordsSearchFilter,
        },
    )

    def get_queryset(self):
        return exclude_withheld(super().get_queryset())
