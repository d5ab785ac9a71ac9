"""System checks for the settings the Vietnamese catalogues depend on.

Ids ``wagtail_dangvu.W201`` and up, so they never collide with the content app's (E0xx)
or the ratings app's (E1xx). Each is a warning: the admin still works, in English.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.checks import Tags, Warning, register

from . import COMPLETED_APPS, JAVASCRIPT_LOCALE_PATH

APP_NAME = "wagtail_dangvu.locale_vi"


def completes(app_name: str) -> bool:
    """True for an app whose Vietnamese this app completes (``wagtail.admin``, ``taggit``),
    not for one that merely shares a prefix (``wagtail_dangvu``)."""
    return any(app_name == name or app_name.startswith(name + ".") for name in COMPLETED_APPS)


def listed_before_this_app(names: list[str]) -> list[str]:
    """The apps this app completes that ``names`` (INSTALLED_APPS order) puts first."""
    if APP_NAME not in names:
        return []
    return [name for name in names[: names.index(APP_NAME)] if completes(name)]


@register(Tags.translation)
def check_listed_before_the_apps_it_completes(app_configs=None, **kwargs):
    earlier = listed_before_this_app([config.name for config in apps.get_app_configs()])
    if not earlier:
        return []
    return [
        Warning(
            f"{APP_NAME} is listed after {', '.join(earlier)} in INSTALLED_APPS, so their "
            "own Vietnamese wins over its corrections.",
            hint="Django prefers the catalogue of the app listed first: move "
            f"'{APP_NAME}' above every Wagtail, wagtail-localize, taggit and "
            "django.contrib.auth app.",
            id="wagtail_dangvu.W201",
        )
    ]


@register(Tags.translation)
def check_javascript_catalogue_is_on_locale_paths(app_configs=None, **kwargs):
    listed = {Path(path).resolve() for path in getattr(settings, "LOCALE_PATHS", [])}
    if JAVASCRIPT_LOCALE_PATH in listed:
        return []
    return [
        Warning(
            "The Vietnamese of the admin's JavaScript strings is not on LOCALE_PATHS.",
            hint="Wagtail's and wagtail-localize's JavaScript catalogues read only their own "
            "package and LOCALE_PATHS: add "
            "wagtail_dangvu.locale_vi.JAVASCRIPT_LOCALE_PATH to LOCALE_PATHS.",
            id="wagtail_dangvu.W202",
        )
    ]


@register(Tags.translation)
def check_editors_can_choose_vietnamese(app_configs=None, **kwargs):
    if not apps.is_installed("wagtail.admin"):
        return []  # a portal using the catalogues without Wagtail's admin
    from wagtail.admin.localization import get_available_admin_languages

    if "vi" in dict(get_available_admin_languages()):
        return []
    return [
        Warning(
            "Vietnamese is not among the admin languages editors can choose.",
            hint="Wagtail offers only languages its own catalogues cover to 90%: list "
            "('vi', 'Tiếng Việt') in WAGTAILADMIN_PERMITTED_LANGUAGES.",
            id="wagtail_dangvu.W203",
        )
    ]


LOGIN_FORM = "wagtail_dangvu.locale_vi.forms.LoginForm"


@register(Tags.translation)
def check_sign_in_form_labels_the_password(app_configs=None, **kwargs):
    if not apps.is_installed("wagtail.admin"):
        return []
    from django.utils.module_loading import import_string

    setting = getattr(settings, "WAGTAILADMIN_USER_LOGIN_FORM", None)
    form_class = import_string(setting or "wagtail.admin.forms.auth.LoginForm")
    if form_class().fields["password"].label is not None:
        return []
    return [
        Warning(
            'The sign-in form shows "Password" in English: Wagtail\'s LoginForm gives the '
            "password field no label, so Django shows the field's name.",
            hint=f"Set WAGTAILADMIN_USER_LOGIN_FORM = '{LOGIN_FORM}' (or label the password "
            "field of your own form).",
            id="wagtail_dangvu.W204",
        )
    ]
