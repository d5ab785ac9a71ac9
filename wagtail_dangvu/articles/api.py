"""What the API (v2) gives of an article's reading features: its source, its topics and its
attachments, on every article type.

``source`` is ``{"name", "url"}`` or null; ``topics`` a list of ``{"name", "slug",
"url"}``, each in the article's language where it has been translated (as the page shows
them); ``attachments`` a list of ``{"title", "url", "size", "type"}``, the public files
only (size in bytes, type as "PDF"). In a listing, :func:`prefetch_reading` reads them for
the whole page of results at once (a fixed number of queries, none per item); the detail
view reads them for its one page.
"""

from __future__ import annotations

from django.db.models import Q, prefetch_related_objects
from rest_framework import serializers

#: Where prefetch_reading leaves each page's topics and attachments.
TOPICS_ATTRIBUTE = "_dangvu_api_topics"
ATTACHMENTS_ATTRIBUTE = "_dangvu_api_attachments"


def _absolute(serializer_field, url: str) -> str:
    request = serializer_field.context.get("request")
    if not url or request is None:
        return url
    return request.build_absolute_uri(url)


class SourceField(serializers.Field):
    """``{"name": ..., "url": ...}`` of the article's news source."""

    def to_representation(self, source):
        return {"name": source.name, "url": source.url}


class TopicsField(serializers.Field):
    """The article's topics, ``[{"name", "slug", "url"}]``."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        topics = getattr(page, TOPICS_ATTRIBUTE, None)
        if topics is None:
            from wagtail_dangvu.articles.reading import localized_topics

            topics = localized_topics(page)
        return [
            {"name": topic.name, "slug": topic.slug, "url": _absolute(self, topic.get_url())}
            for topic in topics
        ]


class AttachmentsField(serializers.Field):
    """The article's public files, ``[{"title", "url", "size", "type"}]``."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        attachments = getattr(page, ATTACHMENTS_ATTRIBUTE, None)
        if attachments is None:
            from wagtail_dangvu.articles.reading import public_attachments

            attachments = public_attachments(page)
        return [
            {
                "title": attachment.title,
                "url": _absolute(self, attachment.url),
                "size": attachment.size,
                "type": attachment.file_type,
            }
            for attachment in attachments
        ]


def prefetch_reading(pages) -> None:
    """Read the source, topics and attachments of the articles among ``pages`` in a fixed
    number of queries, and leave them where the API's fields look first."""
    from wagtail.documents import get_document_model

    from wagtail_dangvu.articles.models import AbstractArticlePage
    from wagtail_dangvu.articles.reading import (
        Attachment,
        Topic,
        attachment_ids,
        hidden_documents_q,
    )

    articles = [page for page in pages if isinstance(page, AbstractArticlePage)]
    if not articles:
        return
    # The locale too: the listing writes each page's language (meta "locale").
    prefetch_related_objects(articles, "locale", "source", "topics__locale")

    # Each topic in its article's language where it has been translated: one query.
    chosen = {page.pk: list(page.topics.all()) for page in articles}
    keys = {topic.translation_key for topics in chosen.values() for topic in topics}
    translated = {}
    if keys:
        locales = {page.locale_id for page in articles}
        for topic in Topic.objects.filter(
            translation_key__in=keys, locale_id__in=locales
        ).select_related("locale"):
            translated[(topic.translation_key, topic.locale_id)] = topic
    for page in articles:
        shown = {}
        for topic in chosen[page.pk]:
            key = topic.translation_key
            shown.setdefault(key, translated.get((key, page.locale_id), topic))
        setattr(page, TOPICS_ATTRIBUTE, list(shown.values()))

    # The public files of every article: two queries (the files, the restrictions).
    ids = {page.pk: attachment_ids(page) for page in articles}
    wanted = {pk for page_ids in ids.values() for pk in page_ids}
    found = {}
    if wanted:
        documents = get_document_model().objects.filter(Q(pk__in=wanted))
        found = {document.pk: document for document in documents.exclude(hidden_documents_q())}
    for page in articles:
        setattr(
            page,
            ATTACHMENTS_ATTRIBUTE,
            [Attachment(found[pk]) for pk in ids[page.pk] if pk in found],
        )
