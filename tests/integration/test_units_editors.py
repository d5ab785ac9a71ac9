"""Editors kept to their commune, through the admin's own views.

A province with two communes, each with a section, and the groups that
``manage.py dangvu_units groups`` makes. A member of commune A's editors' group works in
A's section, on A's register entries and in A's collection only; a member of the province's
editors' group (whose section is the home page) sees everything.
"""

from __future__ import annotations

import datetime
import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log
from wagtail.models import Collection, GroupPagePermission, WorkflowPage
from wagtail.test.utils.form_data import streamfield

from tests.factories import make_document, make_report, make_report_index, report_form_data
from wagtail_dangvu.models import AdministrativeUnit, PartyDocument, SecrecyLevel, UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(home):
    return AdministrativeUnit.objects.create(
        code="82", name="tỉnh Minh Họa", kind=UnitKind.TINH, section=home
    )


@pytest.fixture
def communes(home, province):
    units = {}
    for letter, code in (("a", "28001"), ("b", "28002")):
        units[letter] = AdministrativeUnit.objects.create(
            code=code,
            name=f"xã {letter.upper()} minh họa",
            kind=UnitKind.XA,
            parent=province,
            section=make_report_index(home, slug=f"xa-{letter}"),
        )
    return units


@pytest.fixture
def groups(province, communes):
    with translation.override("en"):
        call_command("dangvu_units", "groups", stdout=StringIO())
    return {unit.code: unit for unit in AdministrativeUnit.objects.all()}


def member(name, group):
    user = get_user_model().objects.create_user(name, password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def editor_a(groups, communes):
    return member("editor-a", AdministrativeUnit.objects.get(pk=communes["a"].pk).editors_group)


@pytest.fixture
def province_editor(groups, province):
    return member("province", AdministrativeUnit.objects.get(pk=province.pk).editors_group)


@pytest.fixture
def drafts(communes):
    return {
        letter: make_report(unit.section.specific, title=f"Bản nháp xã {letter}", publish_it=False)
        for letter, unit in communes.items()
    }


@pytest.fixture
def entries(communes):
    """A register entry of the province, and one of each commune."""
    return {
        "province": make_document("30-KH/TU", type_name="Kế hoạch", summary="Kế hoạch tỉnh"),
        "a": make_document(
            "12-KH/ĐU", type_name="Kế hoạch", summary="Kế hoạch xã A", issuing_unit=communes["a"]
        ),
        "b": make_document(
            "13-KH/ĐU", type_name="Kế hoạch", summary="Kế hoạch xã B", issuing_unit=communes["b"]
        ),
    }


def snippet_url(name, *args):
    return reverse(PartyDocument.snippet_viewset.get_url_name(name), args=args)


def chooser_url(name, *args):
    return reverse(PartyDocument.snippet_viewset.chooser_viewset.get_url_name(name), args=args)


def refused(response) -> bool:
    """Wagtail's admin answers a permission denied with a redirect to its dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def text_of(response) -> str:
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


# The groups ------------------------------------------------------------------------------


def test_each_commune_gets_groups_a_collection_and_a_workflow_on_its_section_only(groups, communes):
    unit = groups["28001"]
    assert unit.editors_group.name == "xã A minh họa (28001): editors"
    assert set(
        GroupPagePermission.objects.filter(group=unit.editors_group).values_list(
            "page_id", "permission__codename"
        )
    ) == {(unit.section_id, "add_page"), (unit.section_id, "change_page")}
    assert set(
        GroupPagePermission.objects.filter(group=unit.moderators_group).values_list(
            "page_id", flat=True
        )
    ) == {unit.section_id}
    assert unit.collection.get_parent() == Collection.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=unit.section).workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [unit.moderators_group]


def test_running_groups_again_changes_nothing_and_says_so(groups):
    before = {
        "groups": sorted(Group.objects.values_list("pk", "name")),
        "pages": GroupPagePermission.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": WorkflowPage.objects.count(),
    }
    out = StringIO()
    with translation.override("vi"):
        call_command("dangvu_units", "groups", stdout=out)
    assert "Không có gì thay đổi" in out.getvalue()
    after = {
        "groups": sorted(Group.objects.values_list("pk", "name")),
        "pages": GroupPagePermission.objects.count(),
        "collections": Collection.objects.count(),
        "workflows": WorkflowPage.objects.count(),
    }
    assert after == before


# Pages ---------------------------------------------------------------------------------


def test_a_commune_editor_creates_and_edits_pages_in_their_section_only(
    client, editor_a, communes, drafts
):
    client.force_login(editor_a)
    add = "wagtailadmin_pages:add"
    model = ("wagtail_dangvu", "directivereportpage")
    assert client.get(reverse(add, args=[*model, communes["a"].section_id])).status_code == 200
    assert refused(client.get(reverse(add, args=[*model, communes["b"].section_id])))
    edit = "wagtailadmin_pages:edit"
    assert client.get(reverse(edit, args=[drafts["a"].pk])).status_code == 200
    assert refused(client.get(reverse(edit, args=[drafts["b"].pk])))
    posted = client.post(reverse(edit, args=[drafts["b"].pk]), report_form_data(drafts["b"]))
    assert refused(posted)
    assert refused(client.get(reverse("wagtailadmin_pages:view_draft", args=[drafts["b"].pk])))


def test_a_commune_editor_submits_to_their_own_moderators(client, editor_a, groups, drafts):
    client.force_login(editor_a)
    page = drafts["a"]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        report_form_data(page, **{"action-submit": "Submit"}),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None
    assert list(state.current_task_state.task.specific.groups.all()) == [
        groups["28001"].moderators_group
    ]
    other = drafts["b"]
    response_b = client.post(
        reverse("wagtailadmin_pages:edit", args=[other.pk]),
        report_form_data(other, **{"action-submit": "Submit"}),
    )
    assert refused(response_b)
    other.refresh_from_db()
    assert other.current_workflow_state is None


def test_a_commune_editor_never_sees_another_communes_drafts(client, editor_a, communes, drafts):
    client.force_login(editor_a)
    explore = client.get(reverse("wagtailadmin_explore", args=[communes["b"].section_id]))
    assert "Bản nháp xã b" not in text_of(explore)
    root = client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert "Bản nháp xã b" not in text_of(root)
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Bản nháp"})
    assert search.status_code == 200
    assert "Bản nháp xã a" in text_of(search)
    assert "Bản nháp xã b" not in text_of(search)
    own = client.get(reverse("wagtailadmin_explore", args=[communes["a"].section_id]))
    assert "Bản nháp xã a" in text_of(own)


def test_a_province_editor_sees_and_edits_every_communes_pages(client, province_editor, drafts):
    client.force_login(province_editor)
    for draft in drafts.values():
        assert client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 200
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Bản nháp"})
    assert "Bản nháp xã a" in text_of(search) and "Bản nháp xã b" in text_of(search)


# The register --------------------------------------------------------------------------


def test_a_commune_editor_lists_and_edits_their_own_entries_only(client, editor_a, entries):
    client.force_login(editor_a)
    listing = text_of(client.get(snippet_url("list")))
    assert "12-KH/ĐU" in listing and "30-KH/TU" in listing
    assert "13-KH/ĐU" not in listing
    assert snippet_url("edit", entries["a"].pk) in listing
    assert snippet_url("edit", entries["province"].pk) not in listing
    assert client.get(snippet_url("edit", entries["a"].pk)).status_code == 200
    assert refused(client.get(snippet_url("edit", entries["province"].pk)))
    assert client.get(snippet_url("edit", entries["b"].pk)).status_code == 404
    assert refused(client.post(snippet_url("delete", entries["province"].pk)))
    assert PartyDocument.objects.filter(pk=entries["province"].pk).exists()


def test_a_commune_editor_chooses_the_provinces_entries_and_their_own_not_another_communes(
    client, editor_a, entries
):
    client.force_login(editor_a)
    choose = text_of(client.get(chooser_url("choose")))
    assert "12-KH/ĐU" in choose and "30-KH/TU" in choose
    assert "13-KH/ĐU" not in choose
    results = text_of(client.get(chooser_url("choose_results"), {"q": "KH"}))
    assert "13-KH/ĐU" not in results
    assert client.get(chooser_url("chosen", entries["b"].pk)).status_code == 404
    assert client.get(chooser_url("chosen", entries["a"].pk)).status_code == 200


def test_a_page_cannot_choose_another_communes_entry_by_its_id(client, editor_a, drafts, entries):
    client.force_login(editor_a)
    page = drafts["a"]
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        report_form_data(page, documents=streamfield([("document", entries["b"].pk)])),
    )
    assert response.status_code == 200  # the form again, with the error
    page.refresh_from_db()
    assert entries["b"].pk not in page.get_latest_revision_as_object().document_references().linked


def test_a_commune_editor_files_entries_under_their_own_commune(
    client, editor_a, communes, entries
):
    client.force_login(editor_a)
    data = {
        "symbol": "14-KH/ĐU",
        "type_name": "Kế hoạch",
        "issuer_name": "Đảng ủy xã A",
        "term": "",
        "issue_date": "01/08/2025",
        "summary": "Kế hoạch mới",
        "secrecy": "normal",
        "circulation": "public",
    }
    other = client.post(snippet_url("add"), {**data, "issuing_unit": communes["b"].pk})
    assert other.status_code == 200
    assert "issuing_unit" in other.context["form"].errors
    province_level = client.post(snippet_url("add"), {**data, "issuing_unit": ""})
    assert "issuing_unit" in province_level.context["form"].errors
    assert not PartyDocument.objects.filter(symbol="14-KH/ĐU").exists()
    created = client.post(snippet_url("add"), {**data, "issuing_unit": communes["a"].pk})
    assert created.status_code == 302
    assert PartyDocument.objects.get(symbol="14-KH/ĐU").issuing_unit == communes["a"]


def test_the_confidentiality_gate_still_applies_to_a_communes_own_entries(
    client, editor_a, communes
):
    withheld = make_document(
        "15-BC/ĐU",
        type_name="Báo cáo",
        summary="Báo cáo mật của xã",
        issue_date=datetime.date(2025, 9, 1),
        secrecy=SecrecyLevel.SECRET,
        issuing_unit=communes["a"],
    )
    client.force_login(editor_a)
    assert "15-BC" not in text_of(client.get(snippet_url("list")))
    assert "15-BC" not in text_of(client.get(chooser_url("choose")))
    assert client.get(snippet_url("edit", withheld.pk)).status_code == 404


def test_a_province_editor_sees_and_edits_every_entry(client, province_editor, entries):
    client.force_login(province_editor)
    listing = text_of(client.get(snippet_url("list")))
    assert all(symbol in listing for symbol in ("12-KH/ĐU", "13-KH/ĐU", "30-KH/TU"))
    for entry in entries.values():
        assert client.get(snippet_url("edit", entry.pk)).status_code == 200


# Images --------------------------------------------------------------------------------


def test_a_commune_editor_neither_chooses_nor_edits_another_communes_images(
    client, editor_a, groups
):
    images = {
        code: Image.objects.create(
            title=f"Ảnh {code}", file=get_test_image_file(), collection=groups[code].collection
        )
        for code in ("28001", "28002")
    }
    client.force_login(editor_a)
    chooser = text_of(client.get(reverse("wagtailimages_chooser:choose")))
    assert "Ảnh 28001" in chooser and "Ảnh 28002" not in chooser
    assert client.get(reverse("wagtailimages:edit", args=[images["28001"].pk])).status_code == 200
    assert refused(client.get(reverse("wagtailimages:edit", args=[images["28002"].pk])))


def test_a_commune_moderator_bulk_deletes_their_own_entries_only(client, groups, entries):
    moderator = member("moderator-a", groups["28001"].moderators_group)
    client.force_login(moderator)
    url = reverse("wagtail_bulk_action", args=["wagtail_dangvu", "partydocument", "delete"])
    ids = f"?id={entries['province'].pk}&id={entries['a'].pk}"
    assert client.get(url + f"?id={entries['b'].pk}").status_code == 404
    client.post(url + ids, {"next": "/admin/"})
    assert PartyDocument.objects.filter(pk=entries["province"].pk).exists()
    assert not PartyDocument.objects.filter(pk=entries["a"].pk).exists()
    assert PartyDocument.objects.filter(pk=entries["b"].pk).exists()


def test_no_admin_report_or_dashboard_names_another_communes_draft(
    client, groups, communes, drafts
):
    other = drafts["b"]
    log(instance=other, action="wagtail.create", user=None)
    other.save_revision(log_action=True)
    moderator_b = member("moderator-b", groups["28002"].moderators_group)
    client.force_login(moderator_b)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[other.pk]),
        report_form_data(other, **{"action-submit": "Submit"}),
    )
    other.refresh_from_db()
    assert other.current_workflow_state is not None  # in B's moderation now
    moderator_a = member("moderator-a", groups["28001"].moderators_group)
    client = Client()  # not B's browser, which still holds the message about the submission
    client.force_login(moderator_a)
    for name in (
        "wagtailadmin_home",
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:workflow",
        "wagtailadmin_reports:workflow_tasks",
        "wagtailadmin_reports:locked_pages",
        "wagtailadmin_reports:aging_pages",
    ):
        response = client.get(reverse(name))
        assert response.status_code in (200, 302), name
        assert "Bản nháp xã b" not in text_of(response), name
    # B's own moderators do find it, awaiting their review.
    own = Client()
    own.force_login(moderator_b)
    assert "Bản nháp xã b" in text_of(own.get(reverse("wagtailadmin_home")))
