"""Django's Vietnamese formats, with input formats that read dates day first and weeks
that start on Monday (see :mod:`wagtail_dangvu.locale_formats`)."""

from django.conf.locale.vi.formats import *  # noqa: F403

from .. import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401

FIRST_DAY_OF_WEEK = 1  # Monday (Thứ hai), as Vietnamese calendars are printed
