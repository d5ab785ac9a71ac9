"""Admin form fields that read what Vietnamese editors type."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from .conf import get_setting
from .formats import parse_vi_datetime


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
