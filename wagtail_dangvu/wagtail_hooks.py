import django_filters
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_gate, document_files
from .actions import GatedCopyPageAction, GatedPublishPageRevisionAction
from .admin_publishing import (
    GatedPagesAdminAPIViewSet,
    GatedPublishBulkAction,
    refuse_withheld_copies,
)
from .compat import PAGE_MODEL
from .models import DanVanKheoField, Indicator, PartyDocument, Source, Topic
from .models.documents import may_see_withheld
from .units import register_admin
from .units.viewsets import AdministrativeUnitViewSet


class PartyDocumentFilterSet(WagtailFilterSet):
    type_code = django_filters.ChoiceFilter(label=pgettext_lazy("document", "Type"), choices=[])
    issuer_code = django_filters.ChoiceFilter(label=_("Issuer"), choices=[])
    year = django_filters.NumberFilter(field_name="issue_date__year", label=_("Year"))

    class Meta:
        model = PartyDocument
        fields = ["type_code", "issuer_code", "secrecy", "circulation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        # The choices name only the entries the editor may see; to one who may see no
        # withheld entry, filtering by secrecy or circulation would only hint at them.
        documents = PartyDocument.objects.visible_to(user)
        if not may_see_withheld(user):
            del self.filters["secrecy"], self.filters["circulation"]
        self.filters["type_code"].extra["choices"] = [
            (code, f"{code} ({name})")
            for code, name in documents.values_list("type_code", "type_name")
            .distinct()
            .order_by("type_code")
        ]
        self.filters["issuer_code"].extra["choices"] = [
            (code, code)
            for code in documents.values_list("issuer_code", flat=True)
            .distinct()
            .order_by("issuer_code")
        ]


class PartyDocumentViewSet(SnippetViewSet):
    """The register, behind the confidentiality gate (wagtail_dangvu.admin_gate)."""

    model = PartyDocument
    icon = "doc-full"
    menu_label = pgettext_lazy("party documents", "Documents")
    index_view_class = register_admin.IndexView
    edit_view_class = register_admin.EditView
    copy_view_class = admin_gate.CopyView
    delete_view_class = register_admin.DeleteView
    usage_view_class = admin_gate.UsageView
    history_view_class = admin_gate.HistoryView
    inspect_view_class = admin_gate.InspectView
    chooser_viewset_class = admin_gate.PartyDocumentChooserViewSet
    edit_handler = ObjectList(
        PartyDocument.panels, base_form_class=register_admin.PartyDocumentForm
    )
    filterset_class = PartyDocumentFilterSet
    list_display = ["symbol", "type_name", "issue_date", "issuer_name", "secrecy", "circulation"]
    ordering = ["-issue_date"]
    search_backend_name = None

    def get_queryset(self, request):
        return PartyDocument.objects.visible_to(request.user)


# A commune's editors act on their own unit's entries only (wagtail_dangvu.units).
if not register_admin.install_register_policy():  # pragma: no cover - Wagtail 7
    PartyDocumentViewSet.permission_policy = register_admin.register_policy

# Registered after Wagtail's own bulk delete, which it replaces for the register.
hooks.register("register_bulk_action", register_admin.DeleteBulkAction, order=1)


@hooks.register("register_admin_urls", order=-1)
def register_gated_localize_urls():
    """wagtail-localize's screens and endpoints, served first, behind the gate."""
    if not apps.is_installed("wagtail_localize"):
        return []
    return admin_gate.localize_urlpatterns()


@hooks.register("before_edit_page", order=-1)
def gate_translation_editor(request, page):
    if not apps.is_installed("wagtail_localize"):
        return None
    return admin_gate.translation_editor_as_seen_by(request, page)


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    list_display = ["name", "code", "unit", "aggregation"]
    search_fields = ["name", "code"]
    search_backend_name = None


class DanVanKheoFieldViewSet(SnippetViewSet):
    """The fields of "dân vận khéo" stories: the standard four and any a portal adds."""

    model = DanVanKheoField
    icon = "tag"
    menu_label = _("Dân vận khéo fields")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class SourceViewSet(SnippetViewSet):
    """Where articles' news comes from ("Nguồn tin")."""

    model = Source
    icon = "link-external"
    menu_label = _("News sources")
    list_display = ["name", "url"]
    search_fields = ["name"]
    search_backend_name = None


class TopicViewSet(SnippetViewSet):
    """The running stories that group articles across indexes ("Theo dòng sự kiện")."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class DangvuViewSetGroup(SnippetViewSetGroup):
    items = (
        PartyDocumentViewSet,
        IndicatorViewSet,
        DanVanKheoFieldViewSet,
        SourceViewSet,
        TopicViewSet,
        AdministrativeUnitViewSet,
    )
    menu_icon = "folder-open-inverse"
    menu_label = _("Party portal")
    menu_name = "dangvu"


register_snippet(DangvuViewSetGroup)


# Before Wagtail's own check of collection view restrictions (order 0), which would send an
# anonymous reader to the login page and so tell them that the file exists.
@hooks.register("before_serve_document", order=-10)
def refuse_withheld_document(document, request):
    """The file of a withheld register entry is a 404 to all but the register's keepers,
    who get it from the private storage, whatever the link and WAGTAILDOCS_SERVE_METHOD."""
    return document_files.serve_withheld(document, request)


@hooks.register("construct_document_chooser_queryset")
def hide_withheld_documents_from_chooser(documents, request):
    """Editors who may not see withheld entries cannot link their files either."""
    if may_see_withheld(request.user):
        return documents
    return document_files.exclude_withheld(documents)


# The confidentiality gate on every way of publishing (see actions.py) -----------------------


@hooks.register("register_actions")  # Wagtail 8: the v3 API finds its actions here
def register_gated_page_actions(registry):
    page_model = apps.get_model(PAGE_MODEL)
    registry.register(page_model, GatedPublishPageRevisionAction)
    registry.register(page_model, GatedCopyPageAction)


@hooks.register("construct_admin_api")
def gate_admin_api(router):
    router.register_endpoint("pages", GatedPagesAdminAPIViewSet)


# After Wagtail's own bulk actions, so that this one takes the place of "publish".
hooks.register("register_bulk_action", GatedPublishBulkAction, order=1)
hooks.register("before_copy_page", refuse_withheld_copies)
