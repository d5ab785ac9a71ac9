"""The register in the admin, kept to the user's units (wagtail_dangvu.units.permissions).

Views of the register's snippet viewset over those of the confidentiality gate
(wagtail_dangvu.admin_gate): the gate answers 404 about an entry the user may not see;
these answer 403 about a visible entry the user may not change or delete (the province's,
to a commune's editor), show no edit link to it, and offer a commune's editor their own
units as the issuing unit of an entry.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from .. import admin_gate
from ..models import AdministrativeUnit, PartyDocument
from ..views import PartyDocumentIndexView
from .permissions import RegisterPermissionPolicy, unit_scope

register_policy = RegisterPermissionPolicy(PartyDocument)


def install_register_policy() -> bool:
    """Register the policy with Wagtail (8.0 on); False where the viewset must carry it."""
    try:
        from wagtail.permissions import register_permission_policy
    except ImportError:  # pragma: no cover - Wagtail 7
        return False
    register_permission_policy(PartyDocument, register_policy)
    return True


class OwnEntryMixin:
    """A view acting on one entry: a 403 unless the user may act on that entry."""

    def dispatch(self, request, *args, **kwargs):
        pks = admin_gate._valid_pks([kwargs.get("pk")])
        entry = PartyDocument.objects.filter(pk__in=pks).first()
        if entry is not None and not register_policy.user_has_permission_for_instance(
            request.user, self.permission_required, entry
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EditView(OwnEntryMixin, admin_gate.EditView):
    pass


class DeleteView(OwnEntryMixin, admin_gate.DeleteView):
    pass


class IndexView(PartyDocumentIndexView):
    """The register's listing: an edit or delete link only to entries the user may change."""

    def get_edit_url(self, instance):
        if register_policy.user_has_permission_for_instance(self.request.user, "change", instance):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if register_policy.user_has_permission_for_instance(self.request.user, "delete", instance):
            return super().get_delete_url(instance)
        return None


class PartyDocumentForm(admin_gate.PartyDocumentForm):
    """A commune's editor files entries under one of their own units, never the province."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("issuing_unit")
        scope = unit_scope(self.for_user)
        if field is None or scope is None:
            return
        field.queryset = AdministrativeUnit.objects.filter(pk__in=scope)
        field.required = True
        if len(scope) == 1 and not self.initial.get("issuing_unit"):
            self.initial["issuing_unit"] = next(iter(scope))


class DeleteBulkAction(admin_gate.PartyDocumentDeleteBulkAction):
    """Wagtail's bulk delete of register entries, refusing those of another unit."""

    def check_perm(self, obj):
        return register_policy.user_has_permission_for_instance(self.request.user, "delete", obj)
