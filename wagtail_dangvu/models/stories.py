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
from dataclasses import dataclass

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import PhotosBlock, StatisticsBlocks
from ..facets import Facet, build_facet, querystring
from ..symbols import fold
from .base import DangvuPage
from .listing import IndexFilterForm, ListingPage
from .reports import document_stream

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


class DanVanKheoField(TranslatableMixin, models.Model):
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

    def clean(self):
        super().clean()
        if self.locale_id is None:
            self.locale = Locale.get_default()
        if not self.slug:
            self.slug = slugify(fold(self.name))
        if not self.slug:
            raise ValidationError({"slug": gettext("Enter a slug made of letters and digits.")})

    # The uniqueness of the slug is per locale, a column the admin form does not show:
    # check it there too, and report it on the slug.
    def validate_constraints(self, exclude=None):
        if exclude and "slug" not in exclude:
            exclude = set(exclude) - {"locale"}
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            messages = error.message_dict.get(NON_FIELD_ERRORS)
            if messages is None:
                raise
            raise ValidationError({"slug": messages}) from error


class DanVanKheoFieldSerializer(serializers.ModelSerializer):
    class Meta:
        model = DanVanKheoField
        fields = ["id", "name", "slug"]


class DanVanKheoStoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_dangvu.DanVanKheoStoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class DanVanKheoStoryPage(DangvuPage):
    """One "dân vận khéo" model: mô hình tập thể or điển hình cá nhân."""

    portal_feed = True  # listed in the portal-wide RSS feed
    rateable = True  # shows the star rating and takes votes (wagtail_dangvu.ratings)
    text_fields = ("model_name", "summary", "unit", "partners", "place", "replication")

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
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("The opening paragraph shown in lists and feeds.")
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
        _("place"), max_length=255, help_text=_("Ấp or khu dân cư, e.g. ấp Long Hòa.")
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
        help_text=_("e.g. Giấy khen của UBND huyện, Bằng khen của UBND tỉnh."),
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
        *DangvuPage.content_panels,
        FieldPanel("model_name"),
        FieldRowPanel([FieldPanel("field"), FieldPanel("kind")]),
        FieldPanel("summary"),
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
    ]

    search_fields = [
        *DangvuPage.search_fields,
        index.SearchField("summary"),
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

    def feed_summary(self) -> str:
        return self.summary or super().feed_summary()

    schema_type = "Article"

    def json_ld(self) -> dict:
        data = super().json_ld()
        organisation = {"@type": "Organization", "name": self.unit}
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
        if tags := self.tag_names:
            data["keywords"] = ", ".join(tags)
        if self.place:
            data["contentLocation"] = {"@type": "Place", "name": self.place}
        if self.is_recognised and self.recognition_form:
            data["award"] = self.recognition_form
        return data


# The index -----------------------------------------------------------------------------


class StoryFilterForm(IndexFilterForm):
    """The index's filters. Each one is kept when valid, even if another one is not."""

    field = forms.ModelChoiceField(
        queryset=DanVanKheoField.objects.none(), required=False, to_field_name="slug"
    )
    kind = forms.ChoiceField(required=False)
    level = forms.ChoiceField(required=False)
    year = forms.IntegerField(required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR)
    tag = forms.SlugField(required=False, allow_unicode=True, max_length=100)

    def __init__(self, data=None, *, fields=None, **kwargs):
        super().__init__(data, **kwargs)
        if fields is not None:
            self.fields["field"].queryset = fields
        all_ = [("", gettext("All"))]
        self.fields["field"].empty_label = gettext("All")
        self.fields["kind"].choices = all_ + list(StoryKind.choices)
        self.fields["level"].choices = all_ + list(RecognitionLevel.choices)
        self.fields["field"].label = pgettext_lazy("dân vận khéo", "Field")
        self.fields["kind"].label = _("Kind")
        self.fields["level"].label = _("Recognised at level")
        self.fields["year"].label = _("Registration year")
        self.fields["tag"].label = _("Tag")

    def active_filters(self) -> dict:
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            name: cleaned[name]
            for name in self.fields
            if name in cleaned and name not in self.errors and cleaned[name] not in (None, "")
        }

    @staticmethod
    def as_params(filters: dict) -> dict[str, str]:
        """The active filters as query string values, in the form's order."""
        params = {}
        for name in ("field", "kind", "level", "year", "tag"):
            value = filters.get(name)
            if value in (None, ""):
                continue
            params[name] = value.slug if name == "field" else str(value)
        return params


@dataclass(frozen=True)
class StoryFacets:
    """The index's facets, in display order."""

    facets: tuple[Facet, ...]

    def __iter__(self):
        return iter(self.facets)

    def __getitem__(self, name):
        return next(facet for facet in self.facets if facet.name == name)


class DanVanKheoIndexPage(ListingPage):
    """The stories, faceted by field, kind, recognition level, registration year and tag."""

    intro = RichTextField(_("introduction"), blank=True)

    subpage_types = ["wagtail_dangvu.DanVanKheoStoryPage"]
    template = "wagtail_dangvu/dan_van_kheo_index_page.html"
    filter_form_class = StoryFilterForm

    content_panels = [*ListingPage.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("dân vận khéo index")
        verbose_name_plural = _("dân vận khéo indexes")

    # Querysets -------------------------------------------------------------------------

    def stories(self):
        """The live, public stories of this index, unordered."""
        return self._public_stories.all()

    @cached_property
    def _public_stories(self):
        # public() reads the view restrictions when it is called: once per page instance
        # (one per request) rather than once for the listing and again for the facets.
        return DanVanKheoStoryPage.objects.child_of(self).live().public()

    def fields(self):
        return DanVanKheoField.objects.filter(locale_id=self.locale_id)

    def listing_queryset(self, request):
        return (
            self.stories()
            .select_related("field")
            .order_by("-registration_year", "-first_published_at", "-pk")
        )

    def filter_form_kwargs(self, request):
        return {"fields": self.fields()}

    def filter_queryset(self, queryset, filters, *, skip=None):
        """``queryset`` narrowed by ``filters``, leaving out the filter named ``skip``."""
        if skip != "field" and filters.get("field") is not None:
            queryset = queryset.filter(field=filters["field"])
        if skip != "kind" and filters.get("kind"):
            queryset = queryset.filter(kind=filters["kind"])
        if skip != "level" and filters.get("level"):
            queryset = queryset.filter(recognition_level=filters["level"])
        if skip != "year" and filters.get("year"):
            queryset = queryset.filter(registration_year=filters["year"])
        if skip != "tag" and filters.get("tag"):
            queryset = queryset.filter(
                pk__in=DanVanKheoStoryPageTag.objects.filter(tag__slug=filters["tag"]).values(
                    "content_object_id"
                )
            )
        return queryset

    def feed_items(self, request):
        """The feed follows the valid filters of its URL: rss/?field=kinh-te."""
        form = self.filter_form_class(request.GET, **self.filter_form_kwargs(request))
        stories = self.filter_queryset(self.stories(), form.active_filters())
        return stories.select_related("locale").order_by("-first_published_at", "-pk")

    # Facets ----------------------------------------------------------------------------

    def facets(self, filters: dict) -> StoryFacets:
        """Every facet with its counts, in one aggregate query per facet."""
        params = StoryFilterForm.as_params(filters)
        stories = self.stories()

        def matching(skip):
            return self.filter_queryset(stories, filters, skip=skip)

        # Field: names and counts together, every field of the language (0 included), so
        # a field added in the snippets shows up at once.
        fields = self.fields().annotate(
            story_count=Count("stories", filter=Q(stories__pk__in=matching("field").values("pk")))
        )
        field_options, field_counts = [], {}
        for field in fields:
            field_options.append((field.slug, field.name))
            field_counts[field.slug] = field.story_count

        def counts_by(column, skip):
            # Every value met among the index's stories, counted over the matching ones
            # (all of them when no other filter is active).
            if any(name != skip for name in filters):
                count = Count("pk", filter=Q(pk__in=matching(skip).values("pk")))
            else:
                count = Count("pk")
            rows = stories.order_by().values(column).annotate(n=count)
            return {str(row[column]): row["n"] for row in rows if row[column] not in (None, "")}

        kind_counts = counts_by("kind", "kind")
        level_counts = counts_by("recognition_level", "level")
        year_counts = counts_by("registration_year", "year")
        # Tags: only those that would show something (a portal has many).
        tag_rows = (
            DanVanKheoStoryPageTag.objects.filter(
                content_object_id__in=matching("tag").values("pk")
            )
            .values("tag__slug", "tag__name")
            .annotate(n=Count("content_object_id", distinct=True))
            .order_by("tag__name")
        )
        tag_options, tag_counts = [], {}
        for row in tag_rows:
            tag_options.append((row["tag__slug"], row["tag__name"]))
            tag_counts[row["tag__slug"]] = row["n"]

        years = sorted(year_counts, reverse=True)
        return StoryFacets(
            facets=(
                build_facet(
                    "field", pgettext("dân vận khéo", "Field"), params, field_options, field_counts
                ),
                build_facet("kind", gettext("Kind"), params, StoryKind.choices, kind_counts),
                build_facet(
                    "level",
                    gettext("Recognised at level"),
                    params,
                    RecognitionLevel.choices,
                    level_counts,
                ),
                build_facet(
                    "year",
                    gettext("Registration year"),
                    params,
                    [(year, year) for year in years],
                    year_counts,
                ),
                build_facet("tag", gettext("Tag"), params, tag_options, tag_counts),
            )
        )

    def listing_context(self, request, form, queryset):
        filters = form.active_filters()
        params = StoryFilterForm.as_params(filters)
        return {
            "facets": self.facets(filters),
            "filter_params": params,
            # Pagination and the feed carry the understood filters only.
            "querystring": querystring(params),
            "filtered_feed_url": self.filtered_feed_url(params, request),
        }

    def filtered_feed_url(self, params: dict[str, str], request=None) -> str:
        query = querystring(params)
        return self.feed_url(request) + (f"?{query}" if query else "")
