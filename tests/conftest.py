import pytest
from wagtail.models import Locale, Page, Site


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
