"""Form fields that read what Vietnamese editors type, and what readers type in a search."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .conf import get_setting
from .formats import parse_vi_datetime
from .text import remove_control_characters, search_words


class VietnameseDateField(forms.DateField):
    """A date from the admin's date picker, or written the Vietnamese way.

    Django has no input formats for Vietnamese and falls back on American ones, which
    read "02/12/2022" as 12 February. This field reads the picker's format, then what
    :func:`~wagtail_dangvu.formats.parse_vi_datetime` reads, day first ("02/12/2022",
    "2/12/2022", "ngày 02 tháng 12 năm 2022"), and names a date that does not exist
    ("Ngày 30/02/2023 không tồn tại").
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", [getattr(settings, "WAGTAIL_DATE_FORMAT", "%Y-%m-%d")])
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values or isinstance(value, datetime.date):
            return super().to_python(value)
        try:
            return super().to_python(value)
        except ValidationError:
            pass
        try:
            parsed = parse_vi_datetime(str(value), get_setting("TIME_ZONE"))
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None
        if isinstance(parsed, datetime.datetime):
            raise ValidationError(
                gettext("Enter only the date here; the time has a field of its own."),
                code="invalid",
            )
        return parsed


class SearchQueryField(forms.CharField):
    """A search box: words or a document symbol.

    Control characters pasted with the query are dropped. A NUL, which no keyboard types,
    and a query with no word in it (``"``, ``'")--``, ``*``) are refused with a message,
    so the page answers 400 instead of searching for nothing. What is accepted still
    reaches a search backend only as words (:func:`~wagtail_dangvu.text.search_words`).
    """

    default_error_messages = {
        "null_characters_not_allowed": _(
            "The search contains a character that cannot be searched. Type words or a "
            "document symbol."
        ),
        "no_words": _("Type a word or a document symbol to search for."),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Our own wording of Django's null-character check (Django's has no Vietnamese).
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]

    def to_python(self, value):
        if isinstance(value, str):
            if "\x00" in value:
                raise ValidationError(
                    self.error_messages["null_characters_not_allowed"],
                    code="null_characters_not_allowed",
                )
            value = remove_control_characters(value)
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value and not search_words(value):
            raise ValidationError(self.error_messages["no_words"], code="no_words")
