"""Template tags of the templates ``locale_vi`` overrides to translate what upstream wrote
in English. No import of Wagtail: the messages are Wagtail's, read from the catalogues."""

from django import template
from django.utils.translation import gettext, ngettext

register = template.Library()


@register.simple_tag
def locale_usage(num_pages: int, num_others: int) -> str:
    """What a locale holds, in the words of Wagtail's own locales listing
    (``wagtail.locales.views.LocaleUsageColumn``): "3 pages", "3 pages and 2 others"."""
    if num_others:
        return gettext("%(num_pages)d pages and %(num_others)d others") % {
            "num_pages": num_pages,
            "num_others": num_others,
        }
    return ngettext("%(num_pages)d page", "%(num_pages)d pages", num_pages) % {
        "num_pages": num_pages
    }
