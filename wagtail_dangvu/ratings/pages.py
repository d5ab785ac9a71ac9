"""Which pages readers can rate: live, public ones, while ratings are switched on."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.apps import apps
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction

from wagtail_dangvu.compat import PAGE_MODEL

from .conf import ratings_setting


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
    """The live, public page ``page_id``, or None; in one query.

    A page is private when it or one of its ancestors has a view restriction (a
    password, a login or a group).
    """
    if not ratings_setting("ENABLED"):
        return None
    restrictions_above = PageViewRestriction.objects.filter(
        StartsWith(OuterRef("path"), F("page__path"))
    )
    rows = (
        apps.get_model(PAGE_MODEL)
        .objects.filter(pk=page_id, live=True)
        .filter(~Exists(restrictions_above))
        .values_list("pk", "translation_key", "locale_id", "locale__language_code")
        .order_by()
    )
    row = next(iter(rows), None)
    return None if row is None else RateablePage(*row)
