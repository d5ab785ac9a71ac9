"""Which pages readers can rate: live, public pages of a type that shows the stars.

A page type shows the star rating, and takes votes, when it says so::

    class NewsPage(Page):
        rateable = True

(subclasses inherit it; a subclass may set it back to False). The template tag and the
rating API ask the same question here, so a vote is accepted exactly where the stars
can be seen: never on the root, a home page, an index or any page type that has not
opted in, whatever page id a script sends.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from uuid import UUID

from django.apps import apps
from django.db import connections, router
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction

from wagtail_dangvu.compat import PAGE_MODEL

from .conf import ratings_setting


def is_rateable(model) -> bool:
    """Whether pages of ``model`` (a page class) show the stars and take votes.

    Only a plain ``rateable = True`` counts, so a host's own model field of that name
    (a descriptor on the class) never opens a page type to votes by accident.
    """
    return getattr(model, "rateable", False) is True


def page_is_rateable(page) -> bool:
    """Whether ``page`` is of a type that shows the stars."""
    model = type(page)
    if model is apps.get_model(PAGE_MODEL):  # not the specific page: its content type says
        model = page.specific_class
    return is_rateable(model)


def rateable_page_models() -> list:
    """The installed page types that show the stars."""
    page_model = apps.get_model(PAGE_MODEL)
    return [
        model for model in apps.get_models() if issubclass(model, page_model) and is_rateable(model)
    ]


def _model_of(app_label: str, model_name: str):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:  # a content type left behind by an uninstalled app
        return None


@dataclass(frozen=True, slots=True)
class RateablePage:
    """What the rating API needs of a page, read without building a page object."""

    pk: int
    translation_key: UUID
    locale_id: int
    language_code: str

    def load(self):
        """The page itself, for the HTML answers that show its title and link to it."""
        return apps.get_model(PAGE_MODEL).objects.get(pk=self.pk)


def get_rateable_page(page_id: int) -> RateablePage | None:
    """The live, public page ``page_id`` of a type that shows the stars, or None; in one query.

    A page is private when it or one of its ancestors has a view restriction (a
    password, a login or a group).
    """
    if not ratings_setting("ENABLED"):
        return None
    model = apps.get_model(PAGE_MODEL)
    db = router.db_for_read(model)
    connection = connections[db]
    lowest, highest = connection.ops.integer_field_range(model._meta.pk.get_internal_type())
    if not (lowest or 0) < page_id <= (highest or page_id):  # no such row, whatever the id
        return None
    sql, params = _lookup_sql(model, db)
    with connection.cursor() as cursor:
        cursor.execute(sql, [page_id if p == _SENTINEL else p for p in params])
        row = cursor.fetchone()
    if row is None or not is_rateable(_model_of(*row[4:])):
        return None
    translation_key = row[1]
    if not isinstance(translation_key, UUID):  # SQLite returns the text
        translation_key = UUID(translation_key)
    return RateablePage(row[0], translation_key, row[2], row[3])


#: The page id the lookup's SQL is compiled with, replaced by the one asked for.
_SENTINEL = -2_093_417_771  # in the range of an integer column, as Django checks


@cache
def _lookup_sql(model, db: str) -> tuple[str, tuple]:
    """The SQL of the lookup, compiled once per page model and database: compiling the
    query costs more than running it, on the vote's hot path."""
    restrictions_above = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    rows = (
        model.objects.using(db)
        .filter(pk=_SENTINEL, live=True)
        .filter(~Exists(restrictions_above))
        .values_list(
            "pk",
            "translation_key",
            "locale_id",
            "locale__language_code",
            "content_type__app_label",
            "content_type__model",
        )
        .order_by()
    )
    sql, params = rows.query.sql_with_params()
    assert params.count(_SENTINEL) == 1, params
    return sql, params
