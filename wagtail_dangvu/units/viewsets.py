"""The administrative units in the admin, among the Party portal's snippets."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AdministrativeUnit


class AdministrativeUnitViewSet(SnippetViewSet):
    """The province's units: loaded with ``manage.py dangvu_units import``, edited here."""

    model = AdministrativeUnit
    icon = "site"
    menu_label = _("Administrative units")
    list_display = ["name", "code", "kind", "parent", "valid_until", "section"]
    list_filter = ["kind"]
    ordering = ["code"]
    search_fields = ["name", "code"]
    search_backend_name = None

    def get_queryset(self, request):
        return AdministrativeUnit.objects.select_related("parent", "section")
