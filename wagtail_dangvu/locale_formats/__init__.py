"""Django format modules that read dates day first, for ``FORMAT_MODULE_PATH``.

Django's ``vi`` locale defines no input formats, so a plain date field in the Vietnamese
admin falls back on American ones: "01/02/2026" is read as 2 January and "15/12/2026" is
refused. With ``FORMAT_MODULE_PATH = ["wagtail_dangvu.locale_formats"]`` every date and
date-time field of the portal (Wagtail's go-live and expiry dates included) reads
dd/mm/yyyy (d/m/yyyy too) and ISO, in Vietnamese and in English, and never month first:
Wagtail's date pickers write one format (``WAGTAIL_DATE_FORMAT``) whatever the editor's
language, so every language of the admin must read it the same way.
"""

#: How the app shows a date in a form, and what Wagtail's pickers should write.
DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"

#: Day first, then ISO; ``%d`` and ``%m`` also read one digit ("1/2/2026" is 1 February).
#: Two-digit years are left out: "01/02/26" is too easily a typo.
DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # '25/10/2006'
    "%Y-%m-%d",  # '2006-10-25'
    "%d-%m-%Y",  # '25-10-2006', Django's short date in Vietnamese
    "%d.%m.%Y",  # '25.10.2006'
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",  # '25/10/2006 14:30'
    "%d/%m/%Y %H:%M:%S",  # '25/10/2006 14:30:59'
    "%d/%m/%Y",  # '25/10/2006'
    "%Y-%m-%d %H:%M:%S",  # '2006-10-25 14:30:59'
    "%Y-%m-%d %H:%M:%S.%f",  # '2006-10-25 14:30:59.000200'
    "%Y-%m-%d %H:%M",  # '2006-10-25 14:30'
    "%Y-%m-%d",  # '2006-10-25'
    "%d-%m-%Y %H:%M",  # '25-10-2006 14:30'
    "%d-%m-%Y",  # '25-10-2006'
    "%d.%m.%Y %H:%M",  # '25.10.2006 14:30'
    "%d.%m.%Y",  # '25.10.2006'
]
