"""Seminars and conferences (tọa đàm, hội nghị, hội thảo), their index, and calendar feeds.

An event's date and times are what the editor reads on the invitation: a start date, a
start time unless it lasts all day, and optionally an end. Times are wall-clock times in
the portal's zone (``WAGTAIL_DANGVU["TIME_ZONE"]``). Two aware columns follow them on every
save, for listings and feeds: ``starts_at``, and ``ends_at``, the moment the event is over
(its end; the midnight after its last day when it lasts all day or its end is not known).
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import BooleanField, Case, F, Value, When
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index

from wagtail_dangvu.articles.blocks import ArticleBodyBlock, PhotosBlock
from wagtail_dangvu.articles.filters import (
    ArticleFilterSet,
    ChoiceFacet,
    TagFacet,
    TagFilter,
    YearFacet,
    YearFilter,
)
from wagtail_dangvu.articles.models import (
    AbstractArticleIndexPage,
    AbstractArticlePage,
    ArticleFeed,
)
from wagtail_dangvu.conf import get_setting
from wagtail_dangvu.documents.blocks import document_stream
from wagtail_dangvu.events import ical
from wagtail_dangvu.events.blocks import ChairBlock, ContributionBlock
from wagtail_dangvu.portal_time import iso
from wagtail_dangvu.pure.dates import vi_time
from wagtail_dangvu.pure.linking import text_of
from wagtail_dangvu.pure.numbers import vi_count
from wagtail_dangvu.statistics.blocks import StatisticsBlocks
from wagtail_dangvu.statistics.findings import FindingsBlock
from wagtail_dangvu.units.display import attach_units, committee_name, names_in_line
from wagtail_dangvu.units.filters import UnitFacet, UnitFilter
from wagtail_dangvu.wording import dateline

EARLIEST_DATE = datetime.date(1930, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)

# The subscribable feed carries every upcoming event and those of the last year.
FEED_PAST_DAYS = 365


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar (tọa đàm)")
    INTERIM_REVIEW = "interim_review", _("Interim review conference (hội nghị sơ kết)")
    FINAL_REVIEW = "final_review", _("Final review conference (hội nghị tổng kết)")
    DISSEMINATION = "dissemination", _("Dissemination conference (hội nghị quán triệt)")
    WORKSHOP = "workshop", _("Workshop (hội thảo)")
    MODEL_LAUNCH = "model_launch", _("Launch of a model (ra mắt mô hình)")


def portal_zone() -> ZoneInfo:
    return ZoneInfo(get_setting("TIME_ZONE"))


def session_of(moment: datetime.time) -> str:
    """The session of the day (buổi) a start time falls in: morning … evening."""
    if moment.hour < 12:
        return "morning"
    if moment.hour < 13:
        return "noon"
    if moment.hour < 18:
        return "afternoon"
    return "evening"


def session_name(session: str) -> str:
    return {
        "morning": pgettext("session of the day", "morning"),
        "noon": pgettext("session of the day", "noon"),
        "afternoon": pgettext("session of the day", "afternoon"),
        "evening": pgettext("session of the day", "evening"),
    }.get(session, "")


def calendar_host(page, request=None) -> str:
    """The host in UIDs: the site's, so a UID does not change with the address used."""
    site = page.get_site()
    if site is not None:
        return site.hostname
    return request.get_host().split(":")[0] if request else "localhost"


def _date_validators():
    message = _("Enter a date between 1930 and 2100.")
    return [
        MinValueValidator(EARLIEST_DATE, message=message),
        MaxValueValidator(LATEST_DATE, message=message),
    ]


class ISOFormatField(serializers.Field):
    """A date or datetime in the API as ISO 8601, as the page holds it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value.isoformat() if value is not None else None


class SeminarEventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_dangvu.SeminarEventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class SeminarEventPage(AbstractArticlePage):
    """A seminar or conference: when, where, who, what was said and concluded."""

    kind = models.CharField(
        _("kind of event"), max_length=20, choices=EventKind.choices, default=EventKind.SEMINAR
    )
    start_date = models.DateField(
        _("start date"),
        validators=_date_validators(),
        help_text=_("The day of the event, or its first day, e.g. 02/12/2022."),
    )
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("In the portal's time zone, e.g. 07:30. Leave empty for an all-day event."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        validators=_date_validators(),
        help_text=_("For an event over several days. Leave empty when it ends the same day."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("The event has no start or end time.")
    )
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True, editable=False)
    ends_at = models.DateTimeField(_("is over at"), null=True, blank=True, editable=False)
    place = models.CharField(
        _("place"), max_length=255, help_text=_("e.g. Hội trường Đảng ủy xã Long Bình.")
    )
    address = models.CharField(
        _("address"),
        max_length=255,
        blank=True,
        help_text=_('Commune or ward and province, written "xã …, tỉnh …" or "phường …, tỉnh …".'),
    )
    organiser = models.CharField(
        _("organiser"),
        max_length=255,
        blank=True,
        help_text=_(
            "e.g. Đảng ủy xã Long Bình. Left empty, the committee of the unit whose "
            "section the event is in is shown."
        ),
    )
    occasion = models.CharField(
        _("occasion"),
        max_length=255,
        blank=True,
        help_text=_("What the event marks, e.g. an anniversary."),
    )
    chairs = StreamField(
        [("chair", ChairBlock())], blank=True, verbose_name=_("chaired by (chủ trì)")
    )
    participants = models.TextField(
        _("who attended (thành phần)"),
        blank=True,
        help_text=_(
            "The composition, e.g. members of the commune Party committee, cell secretaries."
        ),
    )
    delegates = models.PositiveIntegerField(_("number of delegates"), null=True, blank=True)
    documents = document_stream(
        verbose_name=_("documents discussed"),
        help_text=_("The documents of the register the event studied or reviewed."),
    )
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))
    contributions = StreamField(
        [("contribution", ContributionBlock())],
        blank=True,
        verbose_name=_("contributions (ý kiến tham luận)"),
    )
    conclusions = StreamField(
        [("findings", FindingsBlock())], blank=True, max_num=1, verbose_name=_("conclusions")
    )
    statistics = StreamField(StatisticsBlocks(), blank=True, verbose_name=_("figures"))
    photos = StreamField(PhotosBlock(), blank=True, verbose_name=_("photos"))
    tags = ClusterTaggableManager(through=SeminarEventPageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["wagtail_dangvu.SeminarEventIndexPage"]
    subpage_types = []
    template = "wagtail_dangvu/seminar_event_page.html"
    text_fields = ("summary", "author", "occasion", "participants", "place", "organiser")

    content_panels = [
        *AbstractArticlePage.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("author"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("all_day"),
            ],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("place"), FieldPanel("address")]),
                FieldPanel("organiser"),
                FieldPanel("occasion"),
            ],
            heading=_("Place and organiser"),
        ),
        FieldPanel("chairs"),
        MultiFieldPanel(
            [FieldPanel("participants"), FieldPanel("delegates")], heading=_("Participants")
        ),
        FieldPanel("documents"),
        FieldPanel("body"),
        FieldPanel("contributions"),
        FieldPanel("conclusions"),
        FieldPanel("statistics"),
        FieldPanel("photos"),
        FieldPanel("tags"),
        *AbstractArticlePage.reading_panels,
    ]

    search_fields = [
        *AbstractArticlePage.search_fields,
        index.SearchField("place"),
        index.SearchField("organiser"),
        index.SearchField("search_text"),
        index.FilterField("start_date"),
        index.FilterField("kind"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("summary"),
        APIField("start", serializer=ISOFormatField()),
        APIField("end", serializer=ISOFormatField()),
        APIField("all_day"),
        APIField("session"),
        APIField("place"),
        APIField("address"),
        APIField("organiser"),
        APIField("occasion"),
        APIField("chairs"),
        APIField("participants"),
        APIField("delegates"),
        APIField("documents"),
        APIField("body"),
        APIField("contributions"),
        APIField("contributions_count"),
        APIField("conclusions"),
        APIField("statistics"),
        APIField("photos"),
        APIField("tag_names"),
        *AbstractArticlePage.reading_api_fields,
    ]

    class Meta:
        verbose_name = _("seminar or conference")
        verbose_name_plural = _("seminars and conferences")

    # Date and time ------------------------------------------------------------------------

    @property
    def start(self) -> datetime.date | datetime.datetime:
        """A date for an all-day event, else an aware datetime in the portal's zone."""
        if self.all_day or self.start_time is None:
            return self.start_date
        return datetime.datetime.combine(self.start_date, self.start_time, tzinfo=portal_zone())

    @property
    def end(self) -> datetime.date | datetime.datetime | None:
        """The last day of an all-day event, else the end as an aware datetime, or None."""
        if self.all_day:
            return self.end_date or self.start_date
        if self.end_time is None:
            return None
        return datetime.datetime.combine(
            self.end_date or self.start_date, self.end_time, tzinfo=portal_zone()
        )

    @property
    def session(self) -> str:
        """morning, noon, afternoon or evening (buổi sáng, trưa, chiều, tối); "" all day."""
        if self.all_day or self.start_time is None:
            return ""
        return session_of(self.start_time)

    @property
    def session_label(self) -> str:
        return session_name(self.session)

    def _compute_moments(self) -> None:
        if not isinstance(self.start_date, datetime.date):
            return
        zone = portal_zone()
        last_day = self.end_date if isinstance(self.end_date, datetime.date) else self.start_date
        timed = not self.all_day and isinstance(self.start_time, datetime.time)
        self.starts_at = datetime.datetime.combine(
            self.start_date, self.start_time if timed else datetime.time(), tzinfo=zone
        )
        if timed and isinstance(self.end_time, datetime.time):
            self.ends_at = datetime.datetime.combine(last_day, self.end_time, tzinfo=zone)
        else:
            self.ends_at = datetime.datetime.combine(
                last_day + datetime.timedelta(days=1), datetime.time(), tzinfo=zone
            )

    def clean(self):
        super().clean()
        errors = {}
        if self.all_day:
            message = gettext(
                "An all-day event has no times. Clear this time, or untick “all day”."
            )
            for name in ("start_time", "end_time"):
                if getattr(self, name) is not None:
                    errors[name] = message
        else:
            if self.start_time is None:
                errors["start_time"] = gettext(
                    "Enter the start time, or tick “all day” for an event without times."
                )
            if self.end_date is not None and self.end_time is None:
                errors["end_time"] = gettext(
                    "Enter the end time on the end date, or leave the end date empty."
                )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors.setdefault("end_date", gettext("The event cannot end before it starts."))
        elif (
            not errors
            and self.start_time is not None
            and self.end_time is not None
            and (self.end_date or self.start_date) == self.start_date
            and self.end_time < self.start_time
        ):
            errors["end_time"] = gettext("The event cannot end before it starts.")
        if errors:
            raise ValidationError(errors)
        self._compute_moments()

    def save(self, *args, **kwargs):
        # The aware columns always follow the date and times, however the page was saved.
        self._compute_moments()
        return super().save(*args, **kwargs)

    def reference_date(self) -> datetime.date:
        return self.start_date

    def is_upcoming(self, now: datetime.datetime | None = None) -> bool:
        return self.ends_at is not None and self.ends_at > (now or timezone.now())

    def when(self) -> dict:
        """The parts of the event's date and time as the portals write them."""
        tz = portal_zone()
        start, end = self.start, self.end
        end_text = ""
        if end is not None and end != start:
            same_day = isinstance(end, datetime.datetime) and end.date() == self.start_date
            end_text = vi_time(end, tz) if same_day else dateline(end, tz)
        return {
            "start": start,
            "start_text": dateline(start, tz),
            "end": end if end_text else None,
            "end_text": end_text,
            "session": self.session_label,
        }

    def when_text(self) -> str:
        """``Thứ sáu - 02/12/2022 07:30 – 11:00 (sáng)``, in plain text."""
        parts = self.when()
        text = parts["start_text"]
        if parts["end_text"]:
            text += f" – {parts['end_text']}"
        if parts["session"]:
            text += f" ({parts['session']})"
        return text

    # People and content ----------------------------------------------------------------

    @property
    def contributions_count(self) -> int:
        return len(self.contributions)

    def contributions_heading(self) -> str:
        """The count as the portals write it: "16 ý kiến tham luận"."""
        count = self.contributions_count
        return ngettext("%(count)s contribution", "%(count)s contributions", count) % {
            "count": vi_count(count)
        }

    @property
    def conclusions_value(self):
        return self.conclusions[0].value if self.conclusions else None

    def chair_names(self) -> str:
        return "; ".join(f"{chair.value['name']} – {chair.value['title']}" for chair in self.chairs)

    @property
    def organiser_line(self) -> str:
        """The organiser: the editor's, else the committee of the page's unit."""
        return self.organiser or committee_name(self.owning_unit)

    def location_text(self) -> str:
        """The place, the address and the event's unit (unless they already name it)."""
        return names_in_line(self.place, self.address, self.unit_name)

    def feed_categories(self) -> list[str]:
        return [str(self.get_kind_display()), *self.tag_names, *self.unit_categories()]

    def ical_description(self) -> str:
        lines = [self.when_text()]
        if summary := self.feed_summary():
            lines.append(summary)
        if organiser := self.organiser_line:
            lines.append(gettext("Organiser: %(organiser)s") % {"organiser": organiser})
        if chairs := self.chair_names():
            lines.append(gettext("Chaired by: %(chairs)s") % {"chairs": chairs})
        if self.occasion:
            lines.append(gettext("Occasion: %(occasion)s") % {"occasion": self.occasion})
        return "\n".join(lines)

    def first_photo(self):
        for block in self.photos:
            image = block.value.get("image")
            if image is not None:
                return image
        return None

    def image_url(self) -> str:
        image = self.first_photo()
        if image is None:
            return ""
        try:
            return image.get_rendition("width-1200").full_url
        except OSError:  # wagtail.images SourceImageIOError: the file is missing
            # A missing or unreadable file costs the page its image, not the page itself.
            return ""

    # Publishing surfaces ---------------------------------------------------------------

    schema_type = "Event"

    def json_ld(self) -> dict:
        data = super().json_ld()
        # Article properties that schema.org does not define on an Event.
        for key in ("headline", "datePublished", "dateModified", "author"):
            data.pop(key, None)
        data["startDate"] = iso(self.start)
        if (end := self.end) is not None:
            data["endDate"] = iso(end)
        data["eventStatus"] = "https://schema.org/EventScheduled"
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        data["location"] = {
            "@type": "Place",
            "name": self.place,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": self.address or self.place,
                "addressCountry": "VN",
            },
        }
        if organiser := self.organiser_line:
            data["organizer"] = {"@type": "Organization", "name": organiser}
        if image_url := self.image_url():
            data["image"] = [image_url]
        if documents := self.public_documents:
            data["about"] = [
                {"@type": "CreativeWork", "name": f"{document.type_name} {document.symbol}"}
                for document in documents
            ]
        return data

    @path("ical/", name="ical")
    def ical_view(self, request) -> HttpResponse:
        calendar = ical.build_calendar([self], host=calendar_host(self, request), request=request)
        return ical.calendar_response(calendar, f"{self.slug}.ics", attachment=True)

    def ical_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("ical")


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("month") and not cleaned.get("year"):
            self.add_error("month", gettext("Choose a year to see a month."))
        return cleaned


class EventFilterSet(ArticleFilterSet):
    when = django_filters.ChoiceFilter(
        label=_("When"),
        empty_label=_("All"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        method="filter_when",
    )
    year = YearFilter("start_date")
    month = django_filters.TypedChoiceFilter(
        label=_("Month"),
        coerce=int,
        empty_value=None,
        choices=[("", _("All")), *((str(m), str(m)) for m in range(1, 13))],
        field_name="start_date",
        lookup_expr="month",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), empty_label=_("All"), choices=EventKind.choices
    )
    unit = UnitFilter()
    tag = TagFilter()

    class Meta:
        form = EventFilterForm

    def filter_when(self, queryset, name, when):
        now = timezone.now()
        if when == "upcoming":
            return queryset.filter(ends_at__gt=now)
        return queryset.filter(ends_at__lte=now)


class EventFeed(ArticleFeed):
    """The index's RSS: each item says when and where before what."""

    def item_description(self, item):
        lines = [item.when_text(), item.location_text(), item.feed_summary()]
        return "\n".join(line for line in lines if line)


class SeminarEventIndexPage(AbstractArticleIndexPage):
    """Upcoming events first, soonest first; then past ones, latest first."""

    article_model = SeminarEventPage
    filterset_class = EventFilterSet
    facets = (UnitFacet(), YearFacet("year"), ChoiceFacet("kind"), TagFacet())
    feed_class = EventFeed

    subpage_types = ["wagtail_dangvu.SeminarEventPage"]
    template = "wagtail_dangvu/seminar_event_index_page.html"

    class Meta:
        verbose_name = _("seminar and conference index")
        verbose_name_plural = _("seminar and conference indexes")

    def events(self):
        """The live, public events of this index."""
        return self.articles()

    def order_listing(self, queryset):
        now = timezone.now()
        is_past = Case(
            When(ends_at__lte=now, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        return queryset.annotate(is_past=is_past).order_by(
            "is_past",
            Case(When(is_past=False, then=F("starts_at"))).asc(),
            F("starts_at").desc(),
            "pk",
        )

    def listing_context(self, request, filterset):
        return {"ical_url": self.ical_url(request), "webcal_url": self.webcal_url(request)}

    def calendar_events(self, filterset=None):
        """What the subscribable feed carries: upcoming events and those of the last year."""
        since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
        events = self.articles() if filterset is None else filterset.qs
        events = events.filter(ends_at__gte=since)
        events = (
            events.select_related("locale").prefetch_related("tags").order_by("starts_at", "pk")
        )
        # Each event's unit (LOCATION, CATEGORIES), for all of them in one query.
        return attach_units(events)

    @path("ical/", name="ical")
    def ical_view(self, request) -> HttpResponse:
        filterset = self.filterset(request)
        if filterset.is_bound and filterset.errors:
            # A query string it cannot read: say which filter, as the RSS feed does.
            return filterset.error_response()
        source = self.get_full_url(request) + self.reverse_subpage("ical")
        if query := request.GET.urlencode():
            source += f"?{query}"
        calendar = ical.build_calendar(
            self.calendar_events(filterset),
            host=calendar_host(self, request),
            request=request,
            name=self.title,
            description=text_of(self.intro).strip() or self.search_description,
            source=source,
        )
        return ical.calendar_response(calendar, f"{self.slug}.ics", attachment=False)

    def ical_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("ical")

    def webcal_url(self, request=None) -> str:
        """The feed's address for "subscribe" links: webcal:// opens the calendar program."""
        url = self.get_full_url(request) + self.reverse_subpage("ical")
        return "webcal://" + url.split("://", 1)[1] if "://" in url else url
