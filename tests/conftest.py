import pytest
import wagtail
from django.conf import settings
from django.db.models.signals import pre_save
from django.utils import translation
from hypothesis import settings as hypothesis_settings
from wagtail.models import Locale, Page, Site

if wagtail.VERSION[:2] == (7, 0):
    # Wagtail 7.0 gives a page loaded raw (a fixture, or the database that serialized_rollback
    # restores) the default locale before the locales are loaded, and fails: the portal's
    # page apps come before Wagtail's in INSTALLED_APPS. Wagtail 7.1 leaves raw saves alone.
    from wagtail.models import i18n

    pre_save.disconnect(i18n.set_locale_on_new_instance)

    def _set_locale_unless_raw(sender, instance, raw=False, **kwargs):
        if not raw:
            i18n.set_locale_on_new_instance(sender, instance, raw=raw, **kwargs)

    pre_save.connect(_set_locale_unless_raw)


# Property tests check what is true of every input, not how fast: a shared CI machine under
# load takes several times the usual 200 ms for one example, and a deadline there fails
# tests at random.
hypothesis_settings.register_profile("dangvu", deadline=None)
hypothesis_settings.load_profile("dangvu")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the portal's default language, whatever the one before it left
    active (a request served in English leaves English active on its thread)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def site(db):
    """The example portal's default site, as its migrations leave it."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def locale_vi(db):
    return Locale.objects.get(language_code="vi")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()
