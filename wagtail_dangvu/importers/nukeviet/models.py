"""What an import of a NukeViet news module leaves behind in the database.

:class:`ImportedPage` ties each page made from an old category or article to its old id
and old address, so that a second run finds the page again (and only updates what
changed), and an editor sees where the page came from in its settings tab.
:class:`ImportProblem` is a line of the report of what needs an editor's attention
(an image that could not be found, a script removed from a body), worked through in
the admin (``wagtail_dangvu.importers.nukeviet.admin``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ...compat import PAGE_MODEL


class ImportKind(models.TextChoices):
    CATEGORY = "category", pgettext_lazy("nukeviet", "category")
    ARTICLE = "article", pgettext_lazy("nukeviet", "article")


class ImportedPage(models.Model):
    """A page made by the importer from a NukeViet category or article."""

    page = models.OneToOneField(
        PAGE_MODEL,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="nukeviet_import",
    )
    # Which import: the page given as --into and the module's tables' common name
    # ("nv4_vi_news"), so two communes' portals imported side by side never meet.
    into = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("imported into"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    module = models.CharField(_("NukeViet module"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    old_id = models.PositiveIntegerField(_("old id"))
    old_url = models.CharField(_("old address"), max_length=500, blank=True)
    # A digest of everything the page was made from: unchanged means nothing to do.
    fingerprint = models.CharField(max_length=64, editable=False)
    # The revision the importer saved: a later one means an editor changed the page.
    revision_id = models.PositiveIntegerField(null=True, blank=True, editable=False)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("imported page")
        verbose_name_plural = _("imported pages")
        constraints = [
            models.UniqueConstraint(
                fields=["into", "module", "kind", "old_id"],
                name="dangvu_nukeviet_one_page_per_old_id",
            )
        ]

    def __str__(self) -> str:
        return f"{self.module} {self.kind} {self.old_id}"


class ProblemCode(models.TextChoices):
    MISSING_IMAGE = "missing_image", _("image not found")
    MISSING_FILE = "missing_file", _("attachment not found")
    SCRIPT_REMOVED = "script_removed", _("script removed")
    IFRAME_REMOVED = "iframe_removed", _("embedded frame removed")
    UNSAFE_LINK_REMOVED = "unsafe_link_removed", _("unsafe link removed")
    TABLE_FLATTENED = "table_flattened", _("table turned into paragraphs")
    INVALID_RATING = "invalid_rating", _("rating counters ignored")
    EDITED_SINCE = "edited_since", _("not updated: edited since the import")


class ImportProblem(models.Model):
    """Something in an imported page that an editor should look at."""

    page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    old_id = models.PositiveIntegerField(_("old id"))
    code = models.CharField(_("problem"), max_length=40, choices=ProblemCode.choices)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    resolved = models.BooleanField(
        _("resolved"), default=False, help_text=_("Tick once the page has been put right.")
    )
    created_at = models.DateTimeField(_("found at"), auto_now_add=True)

    class Meta:
        verbose_name = _("import problem")
        verbose_name_plural = _("import problems")
        ordering = ["resolved", "-created_at", "pk"]

    def __str__(self) -> str:
        return self.message()

    def message(self) -> str:
        label = self.get_code_display()
        return (
            gettext("%(problem)s: %(detail)s") % {"problem": label, "detail": self.detail}
            if self.detail
            else str(label)
        )
