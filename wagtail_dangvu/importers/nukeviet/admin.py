"""The admin's listing of what an import left for an editor to look at.

Editors work through it: each line names the page (a link to edit it), the problem and
its detail (the image's old address, the removed script), and is ticked "resolved" once
put right. Lines are made by the importer only, never added by hand.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ImportProblem


class ProblemPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, except that no one adds a problem by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


POLICY = ProblemPermissionPolicy(ImportProblem)
try:  # Wagtail 8 keeps a registry of policies; 7.0 asks the viewset only
    from wagtail.permissions import register_permission_policy
except ImportError:  # pragma: no cover - Wagtail 7.0
    pass
else:
    register_permission_policy(ImportProblem, POLICY)


class ImportProblemIndexView(IndexView):
    def get_base_queryset(self):
        # The page of every line in the same query: a fixed number of queries per listing.
        return super().get_base_queryset().select_related("page")


class ImportProblemViewSet(ModelViewSet):
    model = ImportProblem
    index_view_class = ImportProblemIndexView
    icon = "warning"
    menu_label = _("Import problems")
    menu_order = 900
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["resolved"]
    list_filter = ["code", "resolved"]
    search_fields = ["detail"]
    url_prefix = "dangvu/import-problems"
    name = "dangvu_import_problems"

    @property
    def permission_policy(self):
        return POLICY

    @property
    def list_display(self):
        return [
            TitleColumn(
                "page",
                label=_("page"),
                accessor="page",
                get_url=lambda problem: reverse("wagtailadmin_pages:edit", args=[problem.page_id]),
            ),
            Column("code", label=_("problem"), accessor="get_code_display"),
            Column("detail", label=_("detail")),
            Column("old_id", label=_("old id")),
            Column("resolved", label=_("resolved")),
        ]
