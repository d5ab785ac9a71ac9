from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingsConfig(AppConfig):
    name = "wagtail_dangvu.ratings"
    label = "wagtail_dangvu_ratings"
    verbose_name = _("Article ratings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .checks import register_checks
        from .signal_handlers import register_signal_handlers

        register_checks()
        register_signal_handlers()
