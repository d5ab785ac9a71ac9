"""Each unit's editors and moderators (``manage.py dangvu_units groups``).

For every unit with a section: an editors' group and a moderators' group with Wagtail page
permissions on the section only, a collection of the unit's own for images and documents
with permissions on it only, permission on the register (kept to the unit's own entries by
:class:`~wagtail_dangvu.units.permissions.RegisterPermissionPolicy`), and a workflow on the
section whose approval step is the unit's moderators. Safe to run again: what exists is
kept, what is missing is added, and nothing is taken away.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import AdministrativeUnit

ADMIN = ["wagtailadmin.access_admin"]
PAGES = {
    "editors": ["add_page", "change_page"],
    "moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION = {
    "editors": [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
}
COLLECTION["moderators"] = [
    *COLLECTION["editors"],
    "wagtailimages.delete_image",
    "wagtaildocs.delete_document",
]
REGISTER = {
    "editors": [
        "wagtail_dangvu.add_partydocument",
        "wagtail_dangvu.change_partydocument",
    ],
}
REGISTER["moderators"] = [*REGISTER["editors"], "wagtail_dangvu.delete_partydocument"]


@dataclass
class GroupsResult:
    units: int = 0
    added: list[str] = field(default_factory=list)  # groups, collections, workflows made
    granted: int = 0  # permissions given
    workflow_kept: list[str] = field(default_factory=list)  # sections with another workflow

    @property
    def changed(self) -> bool:
        return bool(self.added or self.granted)


def _permission(name: str) -> Permission:
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def group_name(unit: AdministrativeUnit, role: str) -> str:
    names = {
        "editors": gettext("%(unit)s (%(code)s): editors"),
        "moderators": gettext("%(unit)s (%(code)s): moderators"),
    }
    return (names[role] % {"unit": unit.name, "code": unit.code})[:150]


def _group(unit: AdministrativeUnit, role: str, result: GroupsResult) -> Group:
    attribute = f"{role}_group"
    group = getattr(unit, attribute)
    if group is None:
        group, _ = Group.objects.get_or_create(name=group_name(unit, role))
        setattr(unit, attribute, group)
        unit.save(update_fields=[attribute])
        result.added.append(group.name)
    return group


def _grant_model(group: Group, names, result: GroupsResult) -> None:
    have = set(group.permissions.values_list("pk", flat=True))
    for name in names:
        permission = _permission(name)
        if permission.pk not in have:
            group.permissions.add(permission)
            result.granted += 1


def _collection(unit: AdministrativeUnit, result: GroupsResult) -> Collection:
    if unit.collection is None:
        unit.collection = Collection.get_first_root_node().add_child(name=unit.name)
        unit.save(update_fields=["collection"])
        result.added.append(gettext("collection %(name)s") % {"name": unit.name})
    return unit.collection


def _workflow(unit: AdministrativeUnit, moderators: Group, result: GroupsResult) -> None:
    assigned = WorkflowPage.objects.filter(page=unit.section).select_related("workflow").first()
    if assigned is not None:
        reviewed_by_unit = GroupApprovalTask.objects.filter(
            workflow_tasks__workflow=assigned.workflow, groups=moderators
        ).exists()
        if not reviewed_by_unit:
            result.workflow_kept.append(unit.name)
        return
    name = gettext("%(unit)s (%(code)s): approval") % {"unit": unit.name, "code": unit.code}
    task = GroupApprovalTask.objects.create(name=name[:255])
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name=name[:255])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=unit.section, workflow=workflow)
    result.added.append(gettext("workflow %(name)s") % {"name": name})


def ensure_unit_groups() -> GroupsResult:
    """Give every unit with a section its groups, collection, permissions and workflow."""
    result = GroupsResult()
    page_permissions = {
        codename: Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in {codename for codenames in PAGES.values() for codename in codenames}
    }
    collection_permissions = {
        name: _permission(name) for names in COLLECTION.values() for name in names
    }
    with transaction.atomic():
        units = AdministrativeUnit.objects.with_section().select_related(
            "section", "collection", "editors_group", "moderators_group"
        )
        for unit in units:
            result.units += 1
            collection = _collection(unit, result)
            for role in ("editors", "moderators"):
                group = _group(unit, role, result)
                _grant_model(group, ADMIN + REGISTER[role], result)
                for codename in PAGES[role]:
                    _, created = GroupPagePermission.objects.get_or_create(
                        group=group, page=unit.section, permission=page_permissions[codename]
                    )
                    result.granted += created
                for name in COLLECTION[role]:
                    _, created = GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=collection,
                        permission=collection_permissions[name],
                    )
                    result.granted += created
            _workflow(unit, unit.moderators_group, result)
    return result
