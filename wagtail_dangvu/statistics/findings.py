"""The assessment of a report or a conference, as the portals write it.

Each group is an ordered list; its heading carries its count the way official prose does:
"08 nội dung ưu điểm", "06 hạn chế", "05 kiến nghị - đề xuất".
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail import blocks

from wagtail_dangvu.pure.numbers import vi_count

# (block name, field label, heading with its count)
FINDING_GROUPS = (
    (
        "strengths",
        _("Strengths (ưu điểm)"),
        lambda n: ngettext("%(count)s strength", "%(count)s strengths", n),
    ),
    (
        "limitations",
        _("Limitations and shortcomings (hạn chế, khuyết điểm)"),
        lambda n: ngettext("%(count)s limitation", "%(count)s limitations", n),
    ),
    (
        "causes",
        _("Causes (nguyên nhân)"),
        lambda n: ngettext("%(count)s cause", "%(count)s causes", n),
    ),
    (
        "lessons",
        _("Lessons learned (bài học kinh nghiệm)"),
        lambda n: ngettext("%(count)s lesson learned", "%(count)s lessons learned", n),
    ),
    (
        "solutions",
        _("Solutions (giải pháp)"),
        lambda n: ngettext("%(count)s solution", "%(count)s solutions", n),
    ),
    (
        "recommendations",
        _("Recommendations and proposals (kiến nghị - đề xuất)"),
        lambda n: ngettext("%(count)s recommendation", "%(count)s recommendations", n),
    ),
)


# A report's general assessment (đánh giá chung) holds these groups; its solutions and its
# recommendations stand as sections of their own, under these titles.
ASSESSMENT_GROUPS = ("strengths", "limitations", "causes", "lessons")
SECTION_TITLES = {
    "solutions": pgettext_lazy("report section", "Solutions"),
    "recommendations": pgettext_lazy("report section", "Recommendations and proposals"),
}


class FindingsValue(blocks.StructValue):
    def groups(self, names=None):
        """The non-empty groups, in order, each with its counted heading; only those
        ``names`` if given."""
        result = []
        for name, _label, heading in FINDING_GROUPS:
            if names is not None and name not in names:
                continue
            items = [item for item in self.get(name) or [] if item]
            if items:
                count = len(items)
                result.append(
                    {
                        "name": name,
                        "heading": heading(count) % {"count": vi_count(count)},
                        "count": count,
                        "items": items,
                    }
                )
        return result

    def summary(self) -> str:
        """One line: "08 nội dung ưu điểm; 06 hạn chế; 05 kiến nghị - đề xuất"."""
        return "; ".join(group["heading"] for group in self.groups())

    def assessment_groups(self):
        """The groups of the general assessment: strengths, limitations, causes, lessons."""
        return self.groups(ASSESSMENT_GROUPS)

    def assessment_summary(self) -> str:
        """One line for the assessment: "08 nội dung ưu điểm; 06 hạn chế"."""
        return "; ".join(group["heading"] for group in self.assessment_groups())

    def sections(self):
        """Solutions and recommendations, each a section with its title ("Giải pháp")."""
        return [
            group | {"title": SECTION_TITLES[group["name"]]}
            for group in self.groups(tuple(SECTION_TITLES))
        ]


class FindingsBlock(blocks.StructBlock):
    def __init__(self, local_blocks=None, **kwargs):
        local_blocks = [
            (name, blocks.ListBlock(blocks.TextBlock(), label=label, default=[]))
            for name, label, _heading in FINDING_GROUPS
        ] + list(local_blocks or [])
        super().__init__(local_blocks, **kwargs)

    def get_api_representation(self, value, context=None):
        return {name: list(value.get(name) or []) for name, _label, _heading in FINDING_GROUPS} | {
            "counts": {group["name"]: group["count"] for group in value.groups()}
        }

    class Meta:
        icon = "list-ol"
        label = _("Findings")
        value_class = FindingsValue
        template = "wagtail_dangvu/blocks/findings.html"
