"""Form fields that read what Vietnamese editors type, and what readers type in a search."""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from wagtail_dangvu.pure.dates import DateError, parse_vi_datetime
from wagtail_dangvu.pure.text import remove_control_characters, search_words

from .conf import get_setting
from .locale_formats import DATE_FORMAT
from .wording import word


class TypedDateInput(AdminDateInput):
    """Wagtail's date picker, leaving what the editor types as typed.

    The picker's own check on leaving the input rewrites a date it cannot read in its
    format as another date: "31/02/2026" as 3 March, an ISO date or "ngày 15 tháng 12 năm
    2026" as today's date, so a wrong date would be saved without a word. It is switched
    off: the form reads the text and names on the field what it cannot read.
    """

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class TypedDateTimeInput(AdminDateTimeInput):
    """Wagtail's date-time picker (go-live and expiry), in the portal's
    ``WAGTAIL_DATETIME_FORMAT``, leaving what is typed as typed (see :class:`TypedDateInput`)."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}

    @classmethod
    def like(cls, widget: AdminDateTimeInput) -> TypedDateTimeInput:
        """This picker, set up as ``widget`` is (Wagtail's publishing panel sets its own)."""
        typed = cls(
            attrs=widget.attrs,
            format=widget.format,
            js_overlay_parent_selector=getattr(widget, "js_overlay_parent_selector", "body"),
        )
        typed.js_time_format = getattr(widget, "js_time_format", typed.js_time_format)
        return typed


class DayFirstDateInput(TypedDateInput):
    """The app's date picker: dd/mm/yyyy whatever the portal's ``WAGTAIL_DATE_FORMAT``."""

    def __init__(self, attrs=None, format=None):
        attrs = {"placeholder": "15/12/2026", **(attrs or {})}
        super().__init__(attrs=attrs, format=format or DATE_FORMAT)


class VietnameseDateField(forms.DateField):
    """A date from the admin's date picker, or written the Vietnamese way.

    Django has no input formats for Vietnamese and falls back on American ones, which
    read "02/12/2022" as 12 February. This field reads dd/mm/yyyy and ISO whatever the
    portal's format settings, then what :func:`~wagtail_dangvu.pure.numbers.parse_vi_datetime`
    reads, day first ("2/12/2022", "02-12-2022", "ngày 02 tháng 12 năm 2022"), and names a
    date that does not exist ("Ngày 30/02/2023 không tồn tại").
    """

    widget = DayFirstDateInput
    input_formats = [DATE_FORMAT, "%Y-%m-%d"]

    def to_python(self, value):
        if value in self.empty_values or isinstance(value, datetime.date):
            return super().to_python(value)
        try:
            return super().to_python(value)
        except ValidationError:
            pass
        try:
            parsed = parse_vi_datetime(str(value), get_setting("TIME_ZONE"))
        except DateError as error:
            raise ValidationError(word(error.problem), code="invalid") from None
        if isinstance(parsed, datetime.datetime):
            raise ValidationError(
                gettext("Enter only the date here; the time has a field of its own."),
                code="invalid",
            )
        return parsed


def day_first_formfield(db_field, **kwargs):
    """Wagtail's form field for ``db_field``, with dates read and shown day first.

    The ``formfield_callback`` of the app's admin forms: a date is a
    :class:`VietnameseDateField` in a :class:`DayFirstDateInput`, whatever the portal's
    settings, unless the form asks for another widget or field class (a panel's
    ``widget``, ``Meta.field_classes``). Wagtail's date-time pickers (the go-live and
    expiry dates of the publishing panel) keep the portal's format but no longer rewrite
    what is typed.
    """
    if isinstance(db_field, models.DateTimeField):
        widget = kwargs.get("widget")
        if isinstance(widget, AdminDateTimeInput) and not isinstance(widget, TypedDateTimeInput):
            kwargs["widget"] = TypedDateTimeInput.like(widget)
        else:
            kwargs.setdefault("widget", TypedDateTimeInput)
    elif isinstance(db_field, models.DateField):
        kwargs.setdefault("form_class", VietnameseDateField)
        kwargs.setdefault("widget", DayFirstDateInput)
    return formfield_for_dbfield(db_field, **kwargs)


class SearchQueryField(forms.CharField):
    """A search box: words or a document symbol.

    Control characters pasted with the query are dropped. A NUL, which no keyboard types,
    and a query with no word in it (``"``, ``'")--``, ``*``) are refused with a message,
    so the page answers 400 instead of searching for nothing. What is accepted still
    reaches a search backend only as words (:func:`~wagtail_dangvu.pure.text.search_words`).
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
