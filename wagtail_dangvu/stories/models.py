""" "Dân vận khéo" model stories (mô hình dân vận khéo) and their faceted index.

Each commune registers its models at the start of a year, runs them and reviews them at
year end; the best are recognised at commune, district (until 2025), province or national
level. A story tells one model: who runs it and where, the problem, the method, the
measured results, the effect, whether it can be replicated, and its recognition.

The *year* of a story, for the index's year filter and for roll-ups of its figures, is
its **registration year**: the year the model was registered and reviewed.
"""

from __future__ import annotations

import datetime

import django_filters
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from wagtail_dangvu.articles.blocks import PhotosBlock
from wagtail_dangvu.articles.filters import (
    ArticleFilterSet,
    ChoiceFacet,
    RelatedFacet,
    TagFacet,
    TagFilter,
    YearFacet,
    YearFilter,
)
from wagtail_dangvu.articles.models import AbstractArticleIndexPage, AbstractArticlePage
from wagtail_dangvu.documents.blocks import document_stream
from wagtail_dangvu.slugs import LocaleSlugMixin
from wagtail_dangvu.statistics.blocks import StatisticsBlocks
from wagtail_dangvu.units.display import names_in_line
from wagtail_dangvu.units.filters import UnitFacet, UnitFilter

# The movement began in 2009 (Kết luận 114-KL/TW of the Politburo's mass mobilisation
# campaign); nothing is registered before it.
FIRST_YEAR = 2009
LAST_YEAR = 2100
# District (huyện) administrations ended on 1 July 2025, and with them district awards.
LAST_DISTRICT_YEAR = 2025

# The four standard fields, created by migration 0002 in the default locale (and by
# ``dangvu_demo`` where that migration found no locale): (slug, name, sort order).
STANDARD_FIELDS = (
    ("kinh-te", "Kinh tế", 10),
    ("van-hoa-xa-hoi", "Văn hóa – xã hội", 20),
    ("quoc-phong-an-ninh", "Quốc phòng – an ninh", 30),
    ("xay-dung-he-thong-chinh-tri", "Xây dựng hệ thống chính trị", 40),
)


class StoryKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collective model (mô hình tập thể)")
    INDIVIDUAL = "individual", _("Individual example (điển hình cá nhân)")


class RecognitionLevel(models.TextChoices):
    COMMUNE = "commune", _("Commune (xã)")
    DISTRICT = "district", _("District (huyện)")
    PROVINCE = "province", _("Province (tỉnh)")
    NATIONAL = "national", _("National (trung ương)")


def year_validators():
    return [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class DanVanKheoField(LocaleSlugMixin, TranslatableMixin, models.Model):
    """A field (lĩnh vực) of the movement. Portals may add their own beside the standard four."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        pgettext_lazy("of a field", "slug"),
        max_length=100,
        blank=True,
        help_text=_(
            "Used in the index's web addresses (?field=kinh-te). Left empty, it is made "
            "from the name."
        ),
    )
    sort_order = models.IntegerField(
        _("sort order"), default=0, help_text=_("Fields are listed from the lowest number.")
    )

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")])]

    api_fields = [APIField("name"), APIField("slug")]

    # The slug keeps facet URLs the same in every language; the name is translated.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("dân vận khéo field")
        verbose_name_plural = _("dân vận khéo fields")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"],
                name="dangvu_dvk_field_slug",
                violation_error_message=_("A field with this slug already exists."),
            )
        ]

    def __str__(self):
        return self.name


class DanVanKheoFieldSerializer(serializers.ModelSerializer):
    class Meta:
        model = DanVanKheoField
        fields = ["id", "name", "slug"]


class DanVanKheoStoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_dangvu.DanVanKheoStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DanVanKheoStoryPage(AbstractArticlePage):
    """One "dân vận khéo" model: mô hình tập thể or điển hình cá nhân."""

    text_fields = ("model_name", "summary", "author", "unit", "partners", "place", "replication")

    model_name = models.CharField(
        _("name of the model"),
        max_length=255,
        blank=True,
        help_text=_(
            "As registered, e.g. Tuyến đường hoa nông thôn mới. Left empty, the title is used."
        ),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=StoryKind.choices, default=StoryKind.COLLECTIVE
    )
    field = models.ForeignKey(
        DanVanKheoField,
        verbose_name=_("field"),
        on_delete=models.PROTECT,
        related_name="stories",
    )
    unit = models.CharField(
        _("implementing unit"),
        max_length=255,
        help_text=_("e.g. Chi hội Phụ nữ ấp Long Hòa, Ban Nhân dân ấp Long Thạnh."),
    )
    person_name = models.CharField(
        _("person"),
        max_length=255,
        blank=True,
        help_text=_("Who runs the model (for an individual example, the person it is about)."),
    )
    person_title = models.CharField(
        _("person's title"), max_length=255, blank=True, help_text=_("e.g. Trưởng ấp Long Hòa.")
    )
    partners = models.TextField(
        _("partners"),
        blank=True,
        help_text=_("Who takes part or helps, e.g. Đoàn Thanh niên, Hội Nông dân, the people."),
    )
    place = models.CharField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_(
            "Ấp or khu dân cư, e.g. ấp Long Hòa. The commune is added from the unit whose "
            "section the story is in, unless the place names it already."
        ),
    )
    start_date = models.DateField(
        _("running since"),
        null=True,
        blank=True,
        help_text=_("When the model started; the 1st of the month if only the month is known."),
    )
    registration_year = models.PositiveSmallIntegerField(
        _("registration year"),
        validators=year_validators(),
        help_text=_("The year the model was registered. The index's year filter uses it."),
    )
    problem = RichTextField(_("the problem"), blank=True, help_text=_("What had to change."))
    method = RichTextField(_("the method"), blank=True, help_text=_("How the model works."))
    results = RichTextField(_("results"), blank=True)
    results_figures = StreamField(
        StatisticsBlocks(),
        blank=True,
        verbose_name=_("results in figures"),
        help_text=_(
            "Households, km of road, money raised, workdays. Figures tied to an indicator "
            "are added up by statistics dashboards, in the registration year."
        ),
    )
    effect = RichTextField(_("effect"), blank=True)
    replicable = models.BooleanField(
        _("can be replicated"), default=False, help_text=_("Can other places adopt the model?")
    )
    replication = models.TextField(
        _("replication"), blank=True, help_text=_("Where it has been replicated, or how it could.")
    )
    recognition_level = models.CharField(
        _("recognised at level"),
        max_length=20,
        choices=RecognitionLevel.choices,
        blank=True,
        help_text=_("Left empty while the model has not been recognised."),
    )
    recognition_year = models.PositiveSmallIntegerField(
        _("year of recognition"), null=True, blank=True, validators=year_validators()
    )
    recognition_form = models.CharField(
        _("form of recognition"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Giấy khen của UBND xã, Bằng khen của UBND tỉnh."),
    )
    photos = StreamField(PhotosBlock(), blank=True, verbose_name=_("photos"))
    documents = document_stream(
        verbose_name=_("related documents"),
        help_text=_("Documents of the register behind the model, e.g. the commune's plan."),
    )
    tags = ClusterTaggableManager(
        through=DanVanKheoStoryPageTag, blank=True, verbose_name=_("tags")
    )

    parent_page_types = ["wagtail_dangvu.DanVanKheoIndexPage"]
    subpage_types = []
    template = "wagtail_dangvu/dan_van_kheo_story_page.html"

    content_panels = [
        *AbstractArticlePage.content_panels,
        FieldPanel("model_name"),
        FieldRowPanel([FieldPanel("field"), FieldPanel("kind")]),
        FieldPanel("summary"),
        FieldPanel("author"),
        MultiFieldPanel(
            [
                FieldPanel("unit"),
                FieldRowPanel([FieldPanel("person_name"), FieldPanel("person_title")]),
                FieldPanel("partners"),
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("registration_year")]),
            ],
            heading=_("Who, where and since when"),
        ),
        FieldPanel("problem"),
        FieldPanel("method"),
        MultiFieldPanel(
            [FieldPanel("results"), FieldPanel("results_figures")], heading=_("Results")
        ),
        FieldPanel("effect"),
        MultiFieldPanel(
            [FieldPanel("replicable"), FieldPanel("replication")], heading=_("Replication")
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("recognition_level"), FieldPanel("recognition_year")]),
                FieldPanel("recognition_form"),
            ],
            heading=_("Recognition"),
        ),
        FieldPanel("photos"),
        FieldPanel("documents"),
        FieldPanel("tags"),
        *AbstractArticlePage.reading_panels,
    ]

    search_fields = [
        *AbstractArticlePage.search_fields,
        index.SearchField("model_name"),
        index.SearchField("unit"),
        index.SearchField("search_text"),
        index.FilterField("kind"),
        index.FilterField("field_id"),
        index.FilterField("registration_year"),
        index.FilterField("recognition_level"),
    ]

    api_fields = [
        APIField("model_name"),
        APIField("kind"),
        APIField("field", serializer=DanVanKheoFieldSerializer()),
        APIField("summary"),
        APIField("unit"),
        APIField("person_name"),
        APIField("person_title"),
        APIField("partners"),
        APIField("place"),
        APIField("start_date"),
        APIField("registration_year"),
        APIField("problem"),
        APIField("method"),
        APIField("results"),
        APIField("results_figures"),
        APIField("effect"),
        APIField("replicable"),
        APIField("replication"),
        APIField("recognition_level"),
        APIField("recognition_year"),
        APIField("recognition_form"),
        APIField("photos"),
        APIField("documents"),
        APIField("document_symbols"),
        APIField("tag_names"),
        *AbstractArticlePage.reading_api_fields,
    ]

    class Meta:
        verbose_name = _("dân vận khéo story")
        verbose_name_plural = _("dân vận khéo stories")

    # Derived values ------------------------------------------------------------------------

    @property
    def name_of_model(self) -> str:
        return self.model_name or self.title

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]

    @property
    def document_symbols(self) -> list[str]:
        """The canonical symbols of the public documents the story links or mentions."""
        return sorted(document.symbol for document in self.public_documents)

    @property
    def place_line(self) -> str:
        """Where the model runs: the editor's place and the story's unit (its commune),
        "ấp Long Hòa, xã Long Bình"; the unit is left out when the place names it."""
        return names_in_line(self.place, self.unit_name)

    @property
    def is_recognised(self) -> bool:
        return bool(self.recognition_level)

    # Validation ----------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.recognition_level:
            if self.recognition_year is None:
                errors["recognition_year"] = gettext("Enter the year of the recognition.")
            elif (
                self.recognition_level == RecognitionLevel.DISTRICT
                and self.recognition_year > LAST_DISTRICT_YEAR
            ):
                errors["recognition_level"] = gettext(
                    "District (huyện) recognition ended in %(year)s."
                ) % {"year": LAST_DISTRICT_YEAR}
        elif self.recognition_year or self.recognition_form:
            errors["recognition_level"] = gettext(
                "Choose the level of the recognition, or clear its year and form."
            )
        if (
            self.recognition_year
            and self.registration_year
            and self.recognition_year < self.registration_year
        ):
            errors["recognition_year"] = gettext(
                "A model cannot be recognised before the year it was registered."
            )
        if (
            self.start_date
            and self.registration_year
            and self.start_date.year > self.registration_year
        ):
            errors["start_date"] = gettext("A model cannot start after the year it was registered.")
        if errors:
            raise ValidationError(errors)

    # DangvuPage ----------------------------------------------------------------------------

    def reference_date(self) -> datetime.date:
        """Figures belong to the registration year, dated at its year-end review."""
        return datetime.date(self.registration_year, 12, 31)

    def search_text_parts(self) -> list[str]:
        parts = super().search_text_parts()
        parts += [
            self.model_name,
            self.unit,
            self.person_name,
            self.person_title,
            self.partners,
            self.place,
            self.replication,
            self.recognition_form,
        ]
        if self.field_id:
            parts.append(self.field.name)
        return parts

    def json_ld(self) -> dict:
        data = super().json_ld()
        organisation = {"@type": "Organization", "name": self.unit}
        if not self.author:
            # Without a writer named, the model's person or unit tells the story.
            if self.person_name:
                person = {"@type": "Person", "name": self.person_name, "affiliation": organisation}
                if self.person_title:
                    person["jobTitle"] = self.person_title
                data["author"] = person
            else:
                data["author"] = organisation
        data["about"] = [
            {"@type": "Thing", "name": self.field.name},
            {"@type": "Thing", "name": self.name_of_model},
        ]
        if place := self.place_line:
            data["contentLocation"] = {"@type": "Place", "name": place}
        if self.is_recognised and self.recognition_form:
            data["award"] = self.recognition_form
        return data


# The index -----------------------------------------------------------------------------


class StoryFilterSet(ArticleFilterSet):
    field = django_filters.ModelChoiceFilter(
        label=pgettext_lazy("dân vận khéo", "Field"),
        queryset=DanVanKheoField.objects.none(),
        to_field_name="slug",
        empty_label=_("All"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), empty_label=_("All"), choices=StoryKind.choices
    )
    level = django_filters.ChoiceFilter(
        label=_("Recognised at level"),
        empty_label=_("All"),
        choices=RecognitionLevel.choices,
        field_name="recognition_level",
    )
    year = YearFilter(
        "registration_year",
        is_date=False,
        label=_("Registration year"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
    )
    unit = UnitFilter()
    tag = TagFilter()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.page is not None:
            self.filters["field"].queryset = self.page.fields()


class DanVanKheoIndexPage(AbstractArticleIndexPage):
    """The stories, faceted by field, kind, recognition level, registration year and tag."""

    article_model = DanVanKheoStoryPage
    filterset_class = StoryFilterSet
    facets = (
        UnitFacet(),
        RelatedFacet("field", "stories"),
        ChoiceFacet("kind"),
        ChoiceFacet("level", "recognition_level"),
        YearFacet("year"),
        TagFacet(),
    )

    subpage_types = ["wagtail_dangvu.DanVanKheoStoryPage"]
    template = "wagtail_dangvu/dan_van_kheo_index_page.html"

    class Meta:
        verbose_name = _("dân vận khéo index")
        verbose_name_plural = _("dân vận khéo indexes")

    def stories(self):
        """The live, public stories of this index, unordered."""
        return self.articles()

    def fields(self):
        return DanVanKheoField.objects.filter(locale_id=self.locale_id)

    def order_listing(self, queryset):
        return queryset.order_by("-registration_year", "-first_published_at", "-pk")

    def listing_queryset(self, queryset):
        return super().listing_queryset(queryset).select_related("field")
