"""The indicator catalogue, and the figures that published pages report against it."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_dangvu.compat import PAGE_MODEL
from wagtail_dangvu.pure.rollup import Aggregation


class Indicator(TranslatableMixin, index.Indexed, models.Model):
    """What a figure counts ("số cuộc kiểm tra, giám sát"), and how figures add up."""

    code = models.CharField(
        _("code"),
        max_length=64,
        validators=[
            RegexValidator(
                r"^[a-z0-9][a-z0-9_-]*$",
                _("Use lowercase letters without diacritics, digits, '-' and '_'."),
            )
        ],
        help_text=_("A stable identifier shared by every portal, e.g. inspections-by-committee."),
    )
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    aggregation = models.CharField(
        _("how values combine"),
        max_length=10,
        choices=[
            (Aggregation.SUM.value, _("Sum (e.g. number of inspections)")),
            (
                Aggregation.RATIO.value,
                _("Rate: sum of the parts over sum of the wholes (e.g. a target achieved in %)"),
            ),
            (Aggregation.MAX.value, pgettext_lazy("aggregation", "Maximum")),
            (Aggregation.MIN.value, pgettext_lazy("aggregation", "Minimum")),
            (Aggregation.LATEST.value, _("Latest value")),
            (
                Aggregation.AVERAGE.value,
                _("Unweighted mean of the units' figures (only if chosen on purpose)"),
            ),
        ],
        default=Aggregation.SUM.value,
        help_text=_(
            "How the figures of several communes add up to the province's. A rate adds up "
            "its parts and its wholes (115/100 and 52/50 make 167/150, 111,33%), so each "
            "figure of a rate needs its 'out of' or its target."
        ),
    )
    allow_negative = models.BooleanField(
        _("allow negative values"),
        default=False,
        help_text=_("Counts never go below zero; a change or a balance may."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("aggregation")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("unit")]),
        FieldPanel("allow_negative"),
        FieldPanel("description"),
    ]

    # The code is shared by every portal and language; name, unit and description translate.
    override_translatable_fields = [SynchronizedField("code")]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("code"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    api_fields = [
        APIField("code"),
        APIField("name"),
        APIField("unit"),
        APIField("aggregation"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "code"],
                name="dangvu_indicator_code",
                violation_error_message=_("An indicator with this code already exists."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.unit})" if self.unit else self.name


class IndicatorValue(models.Model):
    """A figure a live page reports for an indicator, kept current on publish.

    Roll-ups read this table instead of parsing StreamField JSON on each request.
    """

    page = models.ForeignKey(
        PAGE_MODEL, on_delete=models.CASCADE, related_name="dangvu_indicator_values"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=4)
    # A rate's parts: what was achieved and out of how much (a target, a whole), so rates
    # of several communes add up as the sum of the parts over the sum of the wholes.
    numerator = models.DecimalField(
        pgettext_lazy("of a rate", "part"), max_digits=24, decimal_places=4, null=True, blank=True
    )
    denominator = models.DecimalField(
        pgettext_lazy("of a rate", "whole"), max_digits=24, decimal_places=4, null=True, blank=True
    )
    observed_on = models.DateField(_("observed on"))

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "indicator", "year"], name="dangvu_indicator_value_per_page"
            )
        ]
        indexes = [models.Index(fields=["indicator", "year"])]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.value}"
