from django.apps import AppConfig


class LocaleViConfig(AppConfig):
    """Catalogues only. No verbose name through gettext: an app without models is never
    shown to editors, and this app's own catalogue holds only upstream messages."""

    name = "wagtail_dangvu.locale_vi"
    label = "wagtail_dangvu_locale_vi"
    verbose_name = "Vietnamese for Wagtail"

    def ready(self):
        from . import checks  # noqa: F401
