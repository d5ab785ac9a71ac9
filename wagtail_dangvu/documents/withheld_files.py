"""Which Wagtail documents have their bytes in the private storage, and where they were.

The register decides whether a file is withheld (it is the file of a withheld entry);
this table only records what :mod:`wagtail_dangvu.documents.files` did about it, so that
releasing the file puts it back where it was.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class WithheldFile(models.Model):
    """The bytes of ``document`` are in the private storage, as ``private_name``."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # The document's file name when it was withheld: another name means the file was
    # replaced since, and the new one must follow.
    name = models.CharField(_("file name"), max_length=255)
    # The name in the private storage, which may differ when that name was taken there.
    private_name = models.CharField(_("private file name"), max_length=255)
    original_collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("original collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withheld_at = models.DateTimeField(_("withheld at"), auto_now_add=True)

    class Meta:
        verbose_name = _("withheld file")
        verbose_name_plural = _("withheld files")

    def __str__(self):
        return self.private_name
