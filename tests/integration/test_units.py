"""Administrative units: the unit of a page, a unit's former units, its names, its admin."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import make_news, make_news_index, make_report, make_report_index
from wagtail_dangvu.models import AdministrativeUnit, AdministrativeUnitName, UnitKind
from wagtail_dangvu.units import unit_of, units_of

pytestmark = pytest.mark.django_db


def make_unit(code, name, kind=UnitKind.XA, **fields):
    return AdministrativeUnit.objects.create(code=code, name=name, kind=kind, **fields)


@pytest.fixture
def province(home):
    return make_unit("82", "tỉnh Minh Họa", UnitKind.TINH, section=home)


@pytest.fixture
def communes(home, province):
    """Two communes, each with a section under the home page and an article in it."""
    units = {}
    for code, slug in (("28001", "xa-mot"), ("28002", "xa-hai")):
        section = make_news_index(home, slug=slug)
        units[slug] = make_unit(code, f"xã {slug}", parent=province, section=section)
    return units


def test_a_page_belongs_to_the_unit_of_its_nearest_section(home, province, communes):
    commune = communes["xa-mot"]
    article = make_news(commune.section.specific, title="Tin xã")
    report_index = make_report_index(home, slug="bao-cao-tinh")
    provincial = make_report(report_index, title="Báo cáo của tỉnh")
    assert unit_of(article) == commune
    assert unit_of(commune.section) == commune  # the section itself
    assert unit_of(provincial) == province
    assert unit_of(home) == province


def test_a_page_outside_every_section_has_no_unit(root_page, home):
    make_unit("28001", "xã Một", section=make_news_index(home, slug="xa-mot"))
    assert unit_of(root_page) is None
    assert unit_of(home) is None  # the province is not given the home page here
    assert unit_of(make_news(make_news_index(home))) is None
    assert unit_of(None) is None


def test_unit_of_costs_one_query_and_none_with_the_request_cache(
    django_assert_num_queries, communes
):
    article = make_news(communes["xa-mot"].section.specific)
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):
        assert unit_of(article) == communes["xa-mot"]
    with django_assert_num_queries(1):
        assert unit_of(article, request=request) == communes["xa-mot"]
    with django_assert_num_queries(0):
        assert unit_of(article, request=request) == communes["xa-mot"]


def test_units_of_many_pages_is_one_query(django_assert_num_queries, province, communes):
    pages = []
    for commune in communes.values():
        pages += [make_news(commune.section.specific) for _ in range(5)]
    with django_assert_num_queries(1):
        found = units_of(pages)
    assert {found[page.pk] for page in pages[:5]} == {communes["xa-mot"]}
    assert {found[page.pk] for page in pages[5:]} == {communes["xa-hai"]}


def test_former_units_are_found_through_every_merge_in_one_query(
    django_assert_num_queries, province
):
    today = make_unit("28100", "xã Long Bình", parent=province)
    merged_2023 = make_unit("28090", "xã Bình Cũ", successor=today)
    old_1 = make_unit("28091", "xã Cũ Một", successor=merged_2023)
    old_2 = make_unit("28092", "xã Cũ Hai", successor=merged_2023)
    make_unit("28093", "xã Khác", successor=make_unit("28200", "xã Khác Nay"))
    today = AdministrativeUnit.objects.get(pk=today.pk)
    with django_assert_num_queries(1):
        former = today.former_units()
    assert former == {merged_2023, old_1, old_2}
    assert {unit.name for unit in former} == {"xã Bình Cũ", "xã Cũ Một", "xã Cũ Hai"}
    assert old_1.former_units() == set()


def test_a_unit_has_a_name_per_language_and_falls_back_to_its_own(province, locale_en):
    commune = make_unit("28001", "xã Long Bình", parent=province)
    assert commune.name_in(locale_en) == "xã Long Bình"
    AdministrativeUnitName.objects.create(unit=commune, locale=locale_en, name="Long Binh Commune")
    commune = AdministrativeUnit.objects.prefetch_related("names").get(pk=commune.pk)
    assert commune.name_in(locale_en) == "Long Binh Commune"
    assert commune.name_in(locale_en.pk) == "Long Binh Commune"


def test_a_unit_cannot_be_part_of_itself_nor_merged_into_itself(province):
    a = make_unit("1", "xã A", parent=province)
    b = make_unit("2", "xã B", parent=a, successor=a)
    a.parent = b
    a.successor = b
    with pytest.raises(ValidationError) as error:
        a.full_clean()
    assert set(error.value.message_dict) == {"parent", "successor"}
    a.refresh_from_db()
    a.valid_from, a.valid_until = datetime.date(2025, 7, 1), datetime.date(2025, 6, 30)
    with pytest.raises(ValidationError) as error:
        a.full_clean()
    assert set(error.value.message_dict) == {"valid_until"}


def test_a_merged_unit_is_current_only_until_its_last_day(province):
    old = make_unit("3", "xã Cũ", valid_until=datetime.date(2025, 6, 30))
    current = AdministrativeUnit.objects.current(datetime.date(2025, 7, 1))
    assert province in current and old not in current
    assert old in AdministrativeUnit.objects.current(datetime.date(2025, 6, 30))


def test_the_units_are_listed_and_edited_in_the_admin_in_vietnamese(client, province, communes):
    admin = get_user_model().objects.create_superuser("admin", password="x")
    client.force_login(admin)
    listing = client.get(reverse("wagtailsnippets_wagtail_dangvu_administrativeunit:list"))
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Đơn vị hành chính" in text
    assert "xã xa-mot" in text and "tỉnh Minh Họa" in text
    edit = client.get(
        reverse("wagtailsnippets_wagtail_dangvu_administrativeunit:edit", args=[province.pk])
    )
    assert edit.status_code == 200
    assert "Sáp nhập vào" in edit.content.decode()
