"""The confidentiality gate in the admin: withheld entries shown only to the register's keepers.

An entry of the register that is classified or for internal circulation is "withheld"
(:meth:`~wagtail_dangvu.models.PartyDocument.is_withheld`). Editors who do not keep the
register (:func:`~wagtail_dangvu.documents.models.may_see_withheld`) meet it nowhere in
the admin: the snippet listing, its filters and bulk actions, the chooser, the entry's
own views (a 404, as for an entry that does not exist), and wagtail-localize's screens
and endpoints. Public entries stay listed and choosable for every editor.

Everything here plugs into Wagtail's and wagtail-localize's own extension points: view
classes of the snippet viewset, a bulk action registered over Wagtail's, hooks, and
wagtail-localize's admin URLs served first, at the same paths, by gated views.
"""

from __future__ import annotations

from functools import wraps

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.urls import URLPattern, include, path
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views import chooser, snippets

from wagtail_dangvu.documents.models import PartyDocument, may_see_withheld
from wagtail_dangvu.documents.viewer import viewing_as
from wagtail_dangvu.forms import day_first_formfield

# Snippet views ------------------------------------------------------------------------------


def _valid_pks(values) -> list:
    """The values that can be primary keys; anything else chooses nothing."""
    pks = []
    for value in values:
        try:
            pks.append(PartyDocument._meta.pk.to_python(unquote(str(value))))
        except ValidationError:
            continue
    return pks


class WithheldEntryMixin:
    """A view of one entry: a withheld entry is a 404 to those who may not see it.

    Checked before anything else, Wagtail's permission checks included, so that the
    answer about a withheld entry is the answer about an entry that does not exist.
    """

    def setup(self, request, *args, **kwargs):
        pks = _valid_pks([kwargs.get("pk")])
        if not pks or not PartyDocument.objects.visible_to(request.user).filter(pk=pks[0]).exists():
            raise Http404
        super().setup(request, *args, **kwargs)


class EditView(WithheldEntryMixin, snippets.EditView):
    pass


class CopyView(WithheldEntryMixin, snippets.CopyView):
    pass


class DeleteView(WithheldEntryMixin, snippets.DeleteView):
    pass


class UsageView(WithheldEntryMixin, snippets.UsageView):
    pass


class HistoryView(WithheldEntryMixin, snippets.HistoryView):
    pass


class InspectView(WithheldEntryMixin, snippets.InspectView):
    pass


class PartyDocumentForm(WagtailAdminModelForm):
    """The entry's form: the documents it implements are chosen among those the editor sees,
    and its issue date reads and shows dd/mm/yyyy (wagtail_dangvu.forms)."""

    class Meta(WagtailAdminModelForm.Meta):
        formfield_callback = day_first_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        implements = self.fields.get("implements")
        if implements is not None:
            implements.queryset = PartyDocument.objects.visible_to(self.for_user)


# The chooser ---------------------------------------------------------------------------------


class VisibleEntriesMixin:
    def get_object_list(self):
        return super().get_object_list().visible_to(self.request.user)


class ChooseView(VisibleEntriesMixin, chooser.ChooseView):
    pass


class ChooseResultsView(VisibleEntriesMixin, chooser.ChooseResultsView):
    pass


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        pks = _valid_pks([pk])
        if not pks:
            raise Http404
        return PartyDocument.objects.visible_to(self.request.user).get(pk=pks[0])


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return PartyDocument.objects.visible_to(self.request.user).filter(pk__in=_valid_pks(pks))


class PartyDocumentChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


# Bulk actions --------------------------------------------------------------------------------


class PartyDocumentDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete, which lists the entries it was given, even those it refuses."""

    models = [PartyDocument]

    def get_queryset(self, model, object_ids):
        visible = model.objects.visible_to(self.request.user)
        return get_list_or_404(visible, pk__in=_valid_pks(object_ids))

    def get_all_objects_in_listing_query(self, parent_id):
        return self.model.objects.visible_to(self.request.user).values_list("pk", flat=True)


# wagtail-localize ----------------------------------------------------------------------------


def _hidden_sources(prefix: str = "") -> Q:
    """Translation sources of register entries with no public member: withheld, or gone."""
    return Q(
        **{f"{prefix}specific_content_type": ContentType.objects.get_for_model(PartyDocument)}
    ) & ~Q(**{f"{prefix}object_id__in": PartyDocument.objects.public().values("translation_key")})


def _hides_source(**lookup) -> bool:
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.filter(_hidden_sources(), **lookup).exists()


def _hides_entry(user, app_label, model_name, pk) -> bool:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return False  # the view answers 404 itself
    if not issubclass(model, PartyDocument):
        return False
    pks = _valid_pks([pk])
    return not pks or not PartyDocument.objects.visible_to(user).filter(pk=pks[0]).exists()


def _names_hidden_entry(user, kwargs) -> bool:
    """Whether a wagtail-localize URL's arguments lead to an entry ``user`` may not see."""
    if may_see_withheld(user):
        return False
    if "translation_id" in kwargs:
        return _hides_source(translations__pk=kwargs["translation_id"])
    if "translation_source_id" in kwargs:
        return _hides_source(pk=kwargs["translation_source_id"])
    if {"app_label", "model_name", "pk"} <= kwargs.keys():
        return _hides_entry(user, kwargs["app_label"], kwargs["model_name"], kwargs["pk"])
    return False


def gate_localize_view(view):
    """A wagtail-localize view that answers 404 about an entry the user may not see."""

    @wraps(view)
    def gated(request, *args, **kwargs):
        if _names_hidden_entry(request.user, kwargs):
            raise Http404
        return view(request, *args, **kwargs)

    return gated


def _snippets_api_class():
    from wagtail_localize.views import snippets_api

    class SnippetsAPIViewSet(snippets_api.SnippetViewSet):
        """The snippets wagtail-localize's editor lists: register entries the user sees."""

        def get_queryset(self):
            queryset = super().get_queryset()
            if issubclass(queryset.model, PartyDocument):
                queryset = queryset.visible_to(self.request.user)
            return queryset

    return SnippetsAPIViewSet


def _translations_report_class():
    from wagtail_localize.views import report

    class TranslationsReportView(report.TranslationsReportView):
        """The translations report, without the entries the user may not see."""

        def get_queryset(self):
            queryset = super().get_queryset()
            if not may_see_withheld(self.request.user):
                queryset = queryset.exclude(_hidden_sources("source__"))
            return queryset

    return TranslationsReportView


def _gated_callback(pattern):
    callback = pattern.callback
    if pattern.name in ("snippets_api_listing", "snippets_api_detail"):
        callback = _snippets_api_class().as_view(callback.actions, **callback.initkwargs)
    elif pattern.name in ("translations_report", "translations_report_results"):
        callback = _translations_report_class().as_view(**callback.view_initkwargs)
    return gate_localize_view(callback)


def localize_urlpatterns():
    """wagtail-localize's admin URLs, at its own paths, behind the gate.

    Registered before wagtail-localize's, they are the ones Django resolves, so every
    link and request of its screens ("Translate", "Sync translations", the editor, its
    API, the report) passes the gate. Names are left off: ``wagtail_localize:...``
    reverses to the same paths.
    """
    from wagtail_localize.wagtail_hooks import register_admin_urls

    return [
        path(
            str(resolver.pattern),
            include(
                [
                    URLPattern(pattern.pattern, _gated_callback(pattern), pattern.default_args)
                    for pattern in resolver.url_patterns
                    if isinstance(pattern, URLPattern)
                ]
            ),
        )
        for resolver in register_admin_urls()
    ]


def translation_editor_as_seen_by(request, page):
    """wagtail-localize's translation editor of a page, naming entries as the user may see them.

    The editor lists the register entries a page chooses ("related objects") by name; a
    withheld one is named as such to an editor who may not see it.
    """
    if may_see_withheld(request.user):
        return None
    from wagtail_localize.wagtail_hooks import before_edit_page

    with viewing_as(request.user):
        response = before_edit_page(request, page)
        if response is not None and not getattr(response, "is_rendered", True):
            response.render()
    return response
