from importlib.util import find_spec

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailDangvuConfig(AppConfig):
    name = "wagtail_dangvu"
    label = "wagtail_dangvu"
    verbose_name = _("Party portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_dangvu import checks, signal_handlers  # noqa: F401
        from wagtail_dangvu.documents import files  # noqa: F401

        if has_api_v3():
            # Wagtail 8's API v3 reads its query string before use (no 500 on any input).
            from .api_v3 import install

            install()


def has_api_v3() -> bool:
    """Whether this Wagtail has the API v3 (Wagtail 8 on), with django-ninja."""
    return find_spec("ninja") is not None and find_spec("wagtail.api.v3") is not None
