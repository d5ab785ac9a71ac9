"""Django's English formats, with input formats that read dates day first (see
:mod:`wagtail_dangvu.locale_formats`): an English editor of a Vietnamese portal uses the
same date pickers, which write dd/mm/yyyy. Dates are displayed as Django's English does."""

from django.conf.locale.en.formats import *  # noqa: F403

from .. import DATE_INPUT_FORMATS as _DAY_FIRST_DATES
from .. import DATETIME_INPUT_FORMATS  # noqa: F401

# Months written in words are never ambiguous: "25 Oct 2006", "October 25, 2006" still read.
DATE_INPUT_FORMATS = [
    *_DAY_FIRST_DATES,
    "%d %b %Y",  # '25 Oct 2006'
    "%d %B %Y",  # '25 October 2006'
    "%b %d %Y",  # 'Oct 25 2006'
    "%b %d, %Y",  # 'Oct 25, 2006'
    "%B %d %Y",  # 'October 25 2006'
    "%B %d, %Y",  # 'October 25, 2006'
]
