from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy


class LocaleViConfig(AppConfig):
    """Catalogues only. No verbose name through gettext: an app without models is never
    shown to editors, and this app's own catalogue holds only upstream messages."""

    name = "wagtail_dangvu.locale_vi"
    label = "wagtail_dangvu_locale_vi"
    verbose_name = "Vietnamese for Wagtail"

    def ready(self):
        from . import checks  # noqa: F401

        if apps.is_installed("wagtail.admin"):
            label_the_workflow_page_field()


def label_the_workflow_page_field():
    """Wagtail's ``WorkflowPageForm`` (the pages a workflow is assigned to) declares its
    page field without a label, so Django names it from the field, "Page", in every
    language. The label is Wagtail's own message of the column above the field, lazily
    translated; a label Wagtail (or a portal) gives the field is kept."""
    from wagtail.admin.forms.workflows import WorkflowPageForm

    field = WorkflowPageForm.base_fields["page"]
    if field.label is None:
        field.label = gettext_lazy("Page")
