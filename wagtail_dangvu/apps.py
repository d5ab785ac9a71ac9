from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailDangvuConfig(AppConfig):
    name = "wagtail_dangvu"
    label = "wagtail_dangvu"
    verbose_name = _("Party portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, document_files, signal_handlers  # noqa: F401
