"""The people of a seminar or conference: who chaired it, and who spoke.

Names, titles, units and topics are text blocks, so wagtail-localize offers them to
translators ("Bí thư Đảng ủy xã" becomes "Secretary of the commune Party committee").
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks


class ChairBlock(blocks.StructBlock):
    """A person chairing the event (chủ trì), with their title."""

    name = blocks.CharBlock(max_length=200, label=pgettext_lazy("person", "Name"))
    title = blocks.CharBlock(
        max_length=255,
        label=pgettext_lazy("position held by a person", "Title"),
        help_text=_("e.g. Tỉnh ủy viên, Bí thư Đảng ủy xã."),
    )
    role = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Role at the event"),
        help_text=_("Optional, e.g. gave the opening report, or summed up the discussion."),
    )

    class Meta:
        icon = "user"
        label = _("Chair")


class ContributionBlock(blocks.StructBlock):
    """A prepared contribution (ý kiến tham luận): who presented it, for which unit, on what."""

    presenter = blocks.CharBlock(max_length=200, label=_("Presenter"))
    unit = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Unit"),
        help_text=_("The cell, body or organisation the presenter spoke for."),
    )
    topic = blocks.CharBlock(max_length=500, label=_("Topic"))

    class Meta:
        icon = "openquote"
        label = _("Contribution")
