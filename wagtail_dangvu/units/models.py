"""Administrative units: the province and its communes, as data.

Since 1 July 2025 local government has two levels, the province (tỉnh, or a centrally
governed city) and its communes (xã, phường, đặc khu); the districts are history, kept
for the content written under them. A unit is known by its official code; a merged unit
keeps its row, with the date it ended (``valid_until``) and the unit it was merged into
(``successor``). A unit's ``section`` is the page whose subtree is its part of the portal
(:func:`wagtail_dangvu.units.unit_of`).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from ..compat import PAGE_MODEL
from .graph import find_cycle, predecessors


class UnitKind(models.TextChoices):
    """The kinds of unit; the values are those of the import's CSV."""

    TINH = "tinh", _("province")
    THANH_PHO_TW = "thanh_pho_tw", _("centrally governed city")
    XA = "xa", _("commune")
    PHUONG = "phuong", _("ward")
    DAC_KHU = "dac_khu", _("special zone")
    # District level, abolished on 1 July 2025: kept for older content.
    HUYEN = "huyen", _("rural district")
    QUAN = "quan", _("urban district")
    THI_XA = "thi_xa", _("district-level town")
    THANH_PHO_THUOC_TINH = "thanh_pho_thuoc_tinh", _("provincial city")


class AdministrativeUnitQuerySet(models.QuerySet):
    def current(self, on=None):
        """Units in force on a day (today when none is given)."""
        on = on or datetime.date.today()
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=on),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=on),
        )

    def with_section(self):
        return self.filter(section__isnull=False)


class AdministrativeUnit(index.Indexed, ClusterableModel):
    """An administrative unit (đơn vị hành chính): a province, a commune, a former district."""

    code = models.CharField(
        pgettext_lazy("of an administrative unit", "code"),
        max_length=16,
        unique=True,
        help_text=_("The official code of the unit, as in the province's list."),
    )
    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("The official name with its kind, e.g. “xã Long Bình”."),
    )
    kind = models.CharField(
        pgettext_lazy("of an administrative unit", "kind"),
        max_length=24,
        choices=UnitKind.choices,
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=pgettext_lazy("administrative unit", "part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The unit this one belongs to, e.g. a commune's province."),
    )
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_until = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        help_text=_("The last day of a unit that was merged or dissolved."),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("The unit it was merged into: its articles and figures count for that unit."),
    )
    section = models.OneToOneField(
        PAGE_MODEL,
        verbose_name=_("section of the portal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="administrative_unit",
        help_text=_(
            "The page whose subpages are this unit's part of the portal, usually its home page."
        ),
    )

    # What ``manage.py dangvu_units groups`` made for a unit with a section.
    editors_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("editors' group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderators_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("moderators' group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=pgettext_lazy("of an administrative unit", "collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AdministrativeUnitQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
                FieldPanel("name"),
                FieldPanel("parent"),
            ],
            heading=_("Identity"),
        ),
        InlinePanel("names", heading=_("Name in other languages"), label=_("name")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("successor"),
            ],
            heading=pgettext_lazy("of an administrative unit", "History"),
        ),
        FieldPanel("section"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("code"),
        index.FilterField("kind"),
    ]

    api_fields = [
        APIField("code"),
        APIField("name"),
        APIField("kind"),
        APIField("valid_from"),
        APIField("valid_until"),
    ]

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = gettext("A unit cannot end before it begins.")
        for field in ("parent", "successor"):
            if self._makes_cycle(field):
                errors[field] = gettext("This would make the unit part of itself.")
        if errors:
            raise ValidationError(errors)

    def _makes_cycle(self, field: str) -> bool:
        target = getattr(self, f"{field}_id")
        if target is None:
            return False
        if self.pk is not None and target == self.pk:
            return True
        links = dict(AdministrativeUnit.objects.values_list("pk", f"{field}_id"))
        key = self.pk if self.pk is not None else object()
        links[key] = target
        return find_cycle(links) is not None

    def name_in(self, locale) -> str:
        """The unit's name in a language (a Locale or its id), or its official name.

        Reads the prefetched names when ``names`` was prefetched, so listings can ask
        for every unit without a query each.
        """
        locale_id = getattr(locale, "pk", locale)
        for translated in self.names.all():
            if translated.locale_id == locale_id:
                return translated.name
        return self.name

    def former_units(self) -> set[AdministrativeUnit]:
        """Every unit merged into this one, directly or through earlier merges: one query."""
        merged = {
            unit.pk: unit for unit in AdministrativeUnit.objects.filter(successor__isnull=False)
        }
        successor_of = {pk: unit.successor_id for pk, unit in merged.items()}
        return {merged[pk] for pk in predecessors(successor_of, self.pk)}


class AdministrativeUnitName(models.Model):
    """A unit's name in a language other than the official Vietnamese."""

    unit = ParentalKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="names")
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=255)

    panels = [FieldPanel("locale"), FieldPanel("name")]

    class Meta:
        verbose_name = _("name in another language")
        verbose_name_plural = _("names in other languages")
        constraints = [
            models.UniqueConstraint(fields=["unit", "locale"], name="dangvu_unit_name_locale")
        ]

    def __str__(self):
        return self.name
