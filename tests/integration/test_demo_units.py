"""The demo as a province with three communes (#13, part 7): each commune a section with
its home, editors' group, report, event and story; what is illustrative says so on the
page; the seed's commune kept as history."""

import datetime
import io

import pytest
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page

from wagtail_dangvu.models import (
    AdministrativeUnit,
    DanVanKheoStoryPage,
    DirectiveReportIndexPage,
    DirectiveReportPage,
    DocumentRegisterPage,
    SeminarEventPage,
)

pytestmark = pytest.mark.django_db

COMMUNES = ("MH-01", "MH-02", "MH-03")


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("dangvu_demo", stdout=io.StringIO())


def test_each_commune_is_a_section_with_its_articles_and_editors(client, demo):
    province = AdministrativeUnit.objects.get(code="MH")
    assert province.section_id == Page.objects.get(depth=2, locale__language_code="vi").pk
    for code in COMMUNES:
        unit = AdministrativeUnit.objects.select_related("section").get(code=code)
        assert unit.parent == province
        home = unit.section
        for model in (DirectiveReportPage, SeminarEventPage, DanVanKheoStoryPage):
            assert model.objects.live().descendant_of(home).count() == 1, (code, model)
        assert DocumentRegisterPage.objects.live().descendant_of(home).exists()
        # Its editors' group holds page permissions on the section only.
        permissions = GroupPagePermission.objects.filter(page=home)
        assert permissions.exists()
        for group in {permission.group for permission in permissions}:
            assert set(
                GroupPagePermission.objects.filter(group=group).values_list("page", flat=True)
            ) == {home.pk}


def test_the_provinces_reports_list_every_commune_with_its_facet(client, demo):
    index = DirectiveReportIndexPage.objects.get(
        slug="bao-cao", depth=3, locale__language_code="vi"
    )
    response = client.get(index.url)
    assert response.status_code == 200
    counts = {value.value: value.count for value in response.context["facets"]["unit"].values}
    assert counts == {"MH-01": 1, "MH-02": 1, "MH-03": 1}
    response = client.get(index.url, {"unit": "MH-02"})
    (report,) = response.context["items"]
    assert "Hòa Lợi" in report.title


def test_what_is_illustrative_says_so_on_the_page(client, demo):
    for code in COMMUNES:
        home = AdministrativeUnit.objects.get(code=code).section
        for page in Page.objects.live().descendant_of(home, inclusive=True).specific():
            html = client.get(page.url).content.decode()
            assert "minh họa" in html, page.url
    report = DirectiveReportPage.objects.get(
        slug="so-ket-6-thang-cuoi-nam-2025", url_path__contains="an-thanh"
    )
    html = client.get(report.url).content.decode()
    # The committee comes from the section's unit, named as illustrative.
    assert '<dd class="dangvu-report__committee">Đảng ủy xã An Thạnh (minh họa)</dd>' in html


def test_the_seed_article_keeps_its_2022_facts(client, demo):
    report = DirectiveReportPage.objects.get(
        locale__language_code="vi", slug="long-binh-01-nam-thuc-hien-ket-luan-21"
    )
    html = client.get(report.url).content.decode()
    assert '<dd class="dangvu-report__committee">Đảng ủy xã Long Bình</dd>' in html
    assert "minh họa" not in html[html.index("dangvu-facts") : html.index("</dl>")]
    event = SeminarEventPage.objects.get(slug="toa-dam-giai-phap-thuc-hien-ket-luan-21")
    html = client.get(event.url).content.decode()
    assert "xã Long Bình, huyện Gò Công Tây, tỉnh Tiền Giang (năm 2022)</dd>" in html


def test_the_seeds_commune_is_history_merged_into_a_demo_commune(client, demo):
    long_binh = AdministrativeUnit.objects.select_related("parent", "successor").get(
        name="xã Long Bình"
    )
    assert long_binh.valid_until == datetime.date(2025, 6, 30)
    assert (long_binh.parent.name, long_binh.parent.kind) == ("huyện Gò Công Tây", "huyen")
    assert long_binh.parent.valid_until == datetime.date(2025, 6, 30)
    assert long_binh.successor.code == "MH-01"
    assert long_binh.section is None
    # Its plan stays in the register of the commune it was merged into, not elsewhere.
    registers = {
        code: DocumentRegisterPage.objects.get(
            path__startswith=AdministrativeUnit.objects.get(code=code).section.path
        )
        for code in ("MH-01", "MH-02")
    }
    assert "25-KH/ĐU" in client.get(registers["MH-01"].url).content.decode()
    assert "25-KH/ĐU" not in client.get(registers["MH-02"].url).content.decode()
