"""The panel in an imported page's settings tab: its old id and old address."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ImportRecordPanel(Panel):
    """Where the page came from, when the NukeViet importer made it; shown only then."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Imported from NukeViet"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "nukeviet_import"

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtail_dangvu/importers/import_record_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            from .models import ImportedPage

            pk = getattr(self.instance, "pk", None)
            self.record = (
                ImportedPage.objects.filter(page_id=pk).first() if pk is not None else None
            )

        def is_shown(self):
            return self.record is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["record"] = self.record
            return context
