"""The ratings in the Wagtail admin: a snippet listing of rated pages, and a reset action."""

import django_filters
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db.models import F
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import (
    BooleanColumn,
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    TitleColumn,
)
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.boolean_radio_select import BooleanRadioSelect
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from wagtail_dangvu.compat import NumberColumn, listing_menu_item
from wagtail_dangvu.downloads import content_disposition
from wagtail_dangvu.pure.csvsafe import neutralise

from .models import Rating


def _average_display(rating):
    # As readers see it, "4.2", whatever the admin language's decimal separator.
    return "" if rating.average is None else str(rating.average)


class RatingFilterSet(WagtailFilterSet):
    enabled = django_filters.BooleanFilter(label=_("Readers can rate"), widget=BooleanRadioSelect)
    locale = django_filters.ModelChoiceFilter(
        label=_("Counted for"),
        queryset=Locale.objects.all(),
        null_label=_("All languages"),
        empty_label=pgettext_lazy("filter", "Any"),
    )
    count = django_filters.NumberFilter(
        field_name="count", lookup_expr="gte", label=_("At least this many votes")
    )

    class Meta:
        model = Rating
        fields = []


class RatingIndexView(IndexView):
    default_ordering = "-count"
    reset_url_name = None

    @cached_property
    def columns(self):
        title_column_class = self._get_title_column_class(TitleColumn)
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            title_column_class(
                "page",
                label=_("Page"),
                accessor=str,
                sort_key="page__title",
                get_url=lambda rating: self.get_edit_url(rating),
                get_title_id=lambda rating: f"snippet_{quote(rating.pk)}_title",
            ),
            Column("counted_for", label=_("Counted for")),
            NumberColumn("count", label=_("Votes"), sort_key="count"),
            NumberColumn("total", label=_("Total points"), sort_key="total"),
            Column(
                "average", label=_("Average"), accessor=_average_display, sort_key="average_value"
            ),
            BooleanColumn("enabled", label=_("Readers can rate"), sort_key="enabled"),
            DateColumn("last_vote_at", label=_("Last vote"), sort_key="last_vote_at"),
        ]

    def order_queryset(self, queryset):
        # Unrated pages have no average: keep them at the bottom either way.
        if self.ordering in ("average_value", "-average_value"):
            average = F("average_value")
            if self.ordering.startswith("-"):
                return queryset.order_by(average.desc(nulls_last=True), "-count", "pk")
            return queryset.order_by(average.asc(nulls_last=True), "-count", "pk")
        return super().order_queryset(queryset)

    # The exports: page titles are typed by editors, so no text cell of the CSV may start a
    # formula, and the file is named in the admin's language (RFC 6266).

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return neutralise(value)
        return value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # openpyxl stores text starting with "=" as a formula; keep it text, as Wagtail
        # 8.0.1 does and Wagtail 7.0 does not. An XLSX cell typed as text is never run.
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format=date_format):
            if cell.data_type == "f":
                cell.data_type = "s"
            yield cell

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Disposition"] = content_disposition(f"{self.get_filename()}.csv")
        return response

    def write_xlsx_response(self, queryset):
        response = super().write_xlsx_response(queryset)
        response["Content-Disposition"] = content_disposition(f"{self.get_filename()}.xlsx")
        return response

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("reset"):
            buttons.append(
                listing_menu_item(
                    _("Reset"),
                    url=reverse(self.reset_url_name, args=[quote(instance.pk)]),
                    icon_name="rotate",
                    priority=40,
                )
            )
        return buttons


class RatingEditView(EditView):
    reset_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.user_has_permission("reset"):
            buttons.append(
                Button(
                    _("Reset"),
                    url=reverse(self.reset_url_name, args=[quote(self.object.pk)]),
                    icon_name="rotate",
                    priority=30,
                )
            )
        return buttons


class ResetView(PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView):
    """Ask, then delete a rating's votes and zero its counters, in the audit log."""

    model = Rating
    permission_required = "reset"
    template_name = "wagtail_dangvu/ratings/admin/confirm_reset.html"
    page_title = _("Reset rating")
    header_icon = "rotate"
    index_url_name = None
    reset_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_success_url(self):
        return get_valid_next_url_from_request(self.request) or reverse(self.index_url_name)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rating=self.object,
            reset_url=reverse(self.reset_url_name, args=[quote(self.object.pk)]),
            cancel_url=self.get_success_url(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        before = self.object.reset(user=request.user)
        messages.success(
            request,
            gettext("Rating of '%(page)s' reset: %(total)s points from %(count)s votes removed.")
            % {"page": self.object, "total": before.total, "count": before.count},
        )
        return redirect(self.get_success_url())


class RatingViewSet(SnippetViewSet):
    model = Rating
    icon = "pick"
    menu_label = _("Ratings")
    menu_name = "dangvu_ratings"
    add_to_admin_menu = False
    index_view_class = RatingIndexView
    edit_view_class = RatingEditView
    copy_view_enabled = False
    # A rating is not a use of its page: keep it out of the page's usage count.
    add_to_reference_index = False
    filterset_class = RatingFilterSet
    search_fields = ["page__title"]
    search_backend_name = None
    export_filename = pgettext_lazy("file name", "ratings")
    list_export = [
        "page",
        "page.full_url",
        "counted_for",
        "total",
        "count",
        "average",
        "imported_total",
        "imported_count",
        "enabled",
        "last_vote_at",
    ]
    export_headings = {
        "page": _("Page"),
        "page.full_url": pgettext_lazy("page address", "URL"),
        "counted_for": _("Counted for"),
        "total": _("Total points"),
        "count": _("Votes"),
        "average": _("Average"),
        "imported_total": _("Imported points"),
        "imported_count": _("Imported votes"),
        "enabled": _("Readers can rate"),
        "last_vote_at": _("Last vote"),
    }
    # Adding a rating lets an editor switch the stars off before the first vote.
    panels = [FieldPanel("page"), FieldPanel("enabled")]

    def get_queryset(self, request):
        return Rating.objects.select_related("page", "locale").with_average()

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(reset_url_name=self.get_url_name("reset"), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        # The page of an existing rating is fixed: its votes were cast there.
        edit_handler = ObjectList(
            [FieldPanel("page", read_only=True), FieldPanel("enabled")]
        ).bind_to_model(self.model)
        return super().get_edit_view_kwargs(
            panel=edit_handler, form_class=edit_handler.get_form_class(), **kwargs
        )

    @property
    def reset_view(self):
        return self.construct_view(ResetView, header_icon="rotate")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("reset/<int:pk>/", self.reset_view, name="reset"),
        ]
