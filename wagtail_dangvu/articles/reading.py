"""What a reader finds under every article: its source, its topics, and the queries behind
the lists of other articles (newer and older in its index, the same topic, related).

Each list takes a fixed number of queries whatever the size of the index or the number of
articles listed: the lists read Page columns only (title, address, date), never the
specific pages, and their addresses come from the site root paths cached on the request.
"""

from __future__ import annotations

from django.apps import apps
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from wagtail_dangvu.articles.reading_links import PageLinks, ReadingLink
from wagtail_dangvu.articles.reading_lists import Lists, ListsQuery, read_lists
from wagtail_dangvu.pure.filesizes import human_size
from wagtail_dangvu.slugs import LocaleSlugMixin

# How many articles each list under an article shows.
NEIGHBOURS = 10
TOPIC_LATEST = 5
RELATED = 5


class Source(TranslatableMixin, models.Model):
    """Where an article's news came from ("Nguồn tin"): a name and, optionally, a link."""

    name = models.CharField(_("name"), max_length=255)
    url = models.URLField(
        _("web address"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Optional; an address starting with http:// or https://."),
    )

    panels = [FieldPanel("name"), FieldPanel("url")]
    api_fields = [APIField("name"), APIField("url")]
    override_translatable_fields = [SynchronizedField("url")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news source")
        verbose_name_plural = _("news sources")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.locale_id is None:
            self.locale = Locale.get_default()


class Topic(LocaleSlugMixin, TranslatableMixin, models.Model):
    """A running story ("Theo dòng sự kiện") that groups articles across indexes."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        pgettext_lazy("of a topic", "slug"),
        max_length=100,
        blank=True,
        help_text=_(
            "Used in the topic's web address (/chu-de/dai-hoi-dang/). Left empty, it is "
            "made from the name."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    api_fields = [APIField("name"), APIField("slug"), APIField("description")]
    # The slug keeps the topic's address the same in every language; the rest is translated.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"],
                name="dangvu_topic_slug",
                violation_error_message=_("A topic with this slug already exists."),
            )
        ]

    def __str__(self):
        return self.name

    def get_url(self, request=None) -> str:
        """The topic's page (``chu-de/<slug>/`` of wagtail_dangvu.urls) in the topic's
        language, or "" when the portal does not serve the app's URLs."""
        try:
            with translation.override(self.locale.language_code):
                return reverse("dangvu:topic", args=[self.slug])
        except NoReverseMatch:
            return ""

    def articles(self, public_q: Q | None = None):
        """The live, public articles of every type on this topic, newest first, as Pages
        with the columns a list needs: one query."""
        members = Q()
        for model in article_models():
            articles = topic_members(model, [self.translation_key], self.locale_id)
            members |= Q(pk__in=articles.values("pk"))
        return listed_pages(Page.objects.filter(members), public_q).order_by(
            "-first_published_at", "-pk"
        )


# The lists ------------------------------------------------------------------------------


def article_models() -> list[type]:
    """Every concrete article page type, the app's and the host portal's."""
    from wagtail_dangvu.articles.models import AbstractArticlePage

    return [
        model
        for model in apps.get_models()
        if issubclass(model, AbstractArticlePage) and not model._meta.abstract
    ]


def public_q() -> Q:
    """What keeps pages out of private sections: one query, to be reused by every list."""
    return ~Page.objects.all().private_q()


def listed_pages(queryset, public: Q | None = None):
    """``queryset`` live and public, with only what a list of links needs of each page."""
    return (
        queryset.live()
        .filter(public if public is not None else public_q())
        .select_related("locale")
        .only("title", "url_path", "first_published_at", "locale__language_code")
    )


def topic_members(model, translation_keys, locale_id):
    """The articles of ``model`` on any of these topics (in any of their languages)."""
    return model.objects.filter(topics__translation_key__in=translation_keys, locale_id=locale_id)


def localized_topics(page) -> list:
    """``page``'s topics, each in the page's language where it has been translated.

    wagtail-localize copies a page's topics into its translation as they are, so an
    English article may name the Vietnamese topic; a topic and its translations are one
    topic (one ``translation_key``). Two queries."""
    chosen = list(page.topics.all())
    if not chosen:
        return []
    keys = {topic.translation_key for topic in chosen}
    found = Topic.objects.filter(
        Q(locale_id=page.locale_id) | Q(pk__in=[topic.pk for topic in chosen]),
        translation_key__in=keys,
    ).select_related("locale")
    by_pk = {topic.pk: topic for topic in found}
    translated = {t.translation_key: t for t in found if t.locale_id == page.locale_id}
    shown = {}
    for topic in chosen:
        key = topic.translation_key
        shown.setdefault(key, translated.get(key) or by_pk.get(topic.pk, topic))
    return list(shown.values())


def _content_types(models_):
    """The content types of ``models_``, from Django's cache once it is warm."""
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_models(*models_)


# Attachments ---------------------------------------------------------------------------


def attachment_ids(page) -> list[int]:
    """The ids of the Wagtail documents attached to ``page``, in order, without a query."""
    ids = []
    for item in page.attachments.raw_data:
        value = item.get("value")
        if isinstance(value, int) and value not in ids:
            ids.append(value)
    return ids


def hidden_documents_q() -> Q:
    """Wagtail documents never listed to the public: the files of withheld register
    entries, and those in a collection under a view restriction (the restricted
    collection, "Tài liệu hạn chế", among them). One query, for the restrictions."""
    from wagtail.models import CollectionViewRestriction

    from wagtail_dangvu.documents.models import PartyDocument

    q = Q(pk__in=PartyDocument.objects.withheld().filter(file__isnull=False).values("file_id"))
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        q |= Q(collection__path__startswith=restriction.collection.path)
    return q


def hidden_attachments(page) -> list:
    """The restricted documents ``page`` attaches: two queries, none without attachments."""
    from wagtail.documents import get_document_model

    ids = attachment_ids(page)
    if not ids:
        return []
    return list(get_document_model().objects.filter(Q(pk__in=ids) & hidden_documents_q()))


class Attachment:
    """A file listed under an article: its title, type (PDF, DOCX), size and address."""

    def __init__(self, document):
        self.document = document
        self.title = document.title
        self.url = document.url
        self.file_type = document.file_extension.upper()
        size = document.file_size
        if size is None:
            try:
                size = document.file.size
            except (OSError, ValueError):
                size = None
        self.size = size
        self.size_text = human_size(size) if size is not None else ""


def public_attachments(page) -> list[Attachment]:
    """The public files attached to ``page``, in the editor's order: two queries."""
    from wagtail.documents import get_document_model

    ids = attachment_ids(page)
    if not ids:
        return []
    documents = get_document_model().objects.filter(pk__in=ids).exclude(hidden_documents_q())
    found = {document.pk: document for document in documents}
    return [Attachment(found[pk]) for pk in ids if pk in found]


class ArticleReading:
    """What the includes under an article read, each computed once, when first shown.

    The lists of other articles (newer, older, by topic, related) come from one SQL
    statement (:mod:`wagtail_dangvu.articles.reading_lists`) as links whose URLs are built from the
    site root paths looked up once (:mod:`wagtail_dangvu.articles.reading_links`). With the
    source, the topics and the attachments, every article page takes the same number of
    queries whatever the size of its index or the number of articles listed.
    """

    def __init__(self, page, request=None):
        self.page = page
        self.request = request

    @cached_property
    def source(self):
        return self.page.source

    @cached_property
    def attachments(self) -> list[Attachment]:
        return public_attachments(self.page)

    @cached_property
    def _topics(self) -> list:
        return localized_topics(self.page)

    @cached_property
    def _lists(self) -> Lists:
        page = self.page
        # A preview shows the tags being edited; a served page reads its own in the query.
        tag_ids = None
        if getattr(self.request, "is_preview", False) or page.pk is None:
            tag_ids = [tag.pk for tag in page.tags.all() if tag.pk is not None]
        return read_lists(
            ListsQuery(
                page=page,
                article_models=article_models(),
                neighbours=NEIGHBOURS,
                topic_ids=[topic.pk for topic in self._topics],
                topic_latest=TOPIC_LATEST,
                symbols=sorted({str(document.symbol) for document in page.public_documents}),
                tag_ids=tag_ids,
                related=RELATED,
            )
        )

    @cached_property
    def _links(self) -> PageLinks:
        return PageLinks(self.page, self.request)

    def _linked(self, rows) -> list[ReadingLink]:
        links = (self._links.link(*row) for row in rows)
        return [link for link in links if link is not None]

    @cached_property
    def newer(self) -> list[ReadingLink]:
        return self._linked(self._lists.newer)

    @cached_property
    def older(self) -> list[ReadingLink]:
        return self._linked(self._lists.older)

    @cached_property
    def topics(self) -> list[tuple]:
        """[(topic, [its latest other articles])], in the page's language."""
        topics = self._topics
        if not topics:
            return []
        latest = self._lists.topics
        return [(topic, self._linked(latest.get(topic.translation_key, ()))) for topic in topics]

    @cached_property
    def related(self) -> list[ReadingLink]:
        return self._linked(self._lists.related)
