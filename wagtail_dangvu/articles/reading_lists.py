"""The lists under an article in one SQL statement.

One ``UNION ALL`` of up to four parts, each answering one list with the columns a link
needs (id, title, url_path, first publication):

- the newer and the older articles of the article's type in its index, by first
  publication (ties by id), the nearest first, up to ``neighbours`` each;
- the latest other articles of each of its topics (a topic and its translations are one
  topic: one ``translation_key``), of every article type, ranked in the database;
- its related articles of every type, ranked by the public Party documents they share,
  then the tags they share, then recency.

Every part keeps to live pages out of private sections (a ``NOT EXISTS`` on the view
restrictions, in the same statement) and, but for the neighbours, which share the
article's parent, to the article's locale. The statement's size depends on the number of
article types, never on the number of articles.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page, PageViewRestriction


@dataclass
class ListsQuery:
    """What the statement is asked for. ``tags`` is the SQL and params of a subquery of
    tag ids, or a list of them."""

    page: Page
    article_models: list
    neighbours: int = 0
    topic_ids: list = field(default_factory=list)
    topic_latest: int = 0
    symbols: list = field(default_factory=list)
    tag_ids: list | None = None
    related: int = 0


@dataclass
class Lists:
    newer: list = field(default_factory=list)
    older: list = field(default_factory=list)
    topics: dict = field(default_factory=dict)  # translation key -> [row]
    related: list = field(default_factory=list)


# Typed, so that PostgreSQL can match the parts' columns (a bare NULL in a subquery is text).
NO_KEY = "CAST(NULL AS VARCHAR(36))"


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def read_lists(query: ListsQuery) -> Lists:
    """Run the one statement for ``query`` and sort its rows into :class:`Lists`."""
    sql, params = _statement(query)
    lists = Lists()
    if not sql:
        return lists
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    when_field = Page._meta.get_field("first_published_at")
    newer, older, related, topics = [], [], [], {}
    for kind, key, documents, tags, position, pk, title, url_path, when in rows:
        if convert is not None:
            when = convert(when, when_field, connection)
        row = (pk, title, url_path, when)
        if kind == "newer":
            newer.append(((when, pk), row))
        elif kind == "older":
            older.append(((when, pk), row))
        elif kind == "topic":
            topics.setdefault(uuid.UUID(str(key)), []).append((position, row))
        else:
            related.append(((documents, tags, when, pk), row))
    lists.newer = [row for _key, row in sorted(newer, key=lambda item: item[0])]
    lists.older = [row for _key, row in sorted(older, key=lambda item: item[0], reverse=True)]
    lists.related = [row for _key, row in sorted(related, key=lambda item: item[0], reverse=True)]
    lists.topics = {
        key: [row for _position, row in sorted(ranked, key=lambda item: item[0])]
        for key, ranked in topics.items()
    }
    return lists


def _statement(query: ListsQuery) -> tuple[str, list]:
    page = query.page
    qn = connection.ops.quote_name
    pages = _table(Page)
    restrictions = _table(PageViewRestriction)
    cols = f"p.{qn('id')}, p.{qn('title')}, p.{qn('url_path')}, p.{qn('first_published_at')}"
    # Live, and under no view restriction (Wagtail's private_q, in SQL).
    shown = (
        f"p.{qn('live')} = %s AND NOT EXISTS (SELECT 1 FROM {restrictions} r"
        f" INNER JOIN {pages} rp ON rp.{qn('id')} = r.{qn('page_id')}"
        f" WHERE p.{qn('path')} LIKE rp.{qn('path')} || '%%')"
    )
    content_types = ContentType.objects.get_for_models(*query.article_models)
    every_type = [content_types[model].pk for model in query.article_models]
    parts, params = [], []

    when = page.first_published_at
    if query.neighbours and when is not None:
        own_types = [
            content_types[model].pk
            for model in query.article_models
            if issubclass(model, type(page))
        ] or [ContentType.objects.get_for_model(type(page)).pk]
        at = connection.ops.adapt_datetimefield_value(when)
        parent_path = page.path[: -page.steplen]
        for kind, compare, order in (("newer", ">", "ASC"), ("older", "<", "DESC")):
            parts.append(
                f"SELECT * FROM (SELECT '{kind}' AS kind, {NO_KEY} AS topic_key,"
                f" 0 AS shared_documents, 0 AS shared_tags, 0 AS position, {cols}"
                f" FROM {pages} p WHERE p.{qn('path')} LIKE %s AND p.{qn('depth')} = %s"
                f" AND p.{qn('content_type_id')} IN ({_placeholders(own_types)})"
                f" AND (p.{qn('first_published_at')} {compare} %s"
                f" OR (p.{qn('first_published_at')} = %s AND p.{qn('id')} {compare} %s))"
                f" AND {shown}"
                f" ORDER BY p.{qn('first_published_at')} {order}, p.{qn('id')} {order}"
                f" LIMIT %s) {kind}_articles"
            )
            params += [parent_path + "%", page.depth, *own_types, at, at, page.pk, True]
            params.append(query.neighbours)

    if query.topic_ids and query.topic_latest:
        from wagtail_dangvu.articles.reading import Topic

        topics = _table(Topic)
        memberships = []
        for model in query.article_models:
            through = model._meta.get_field("topics").remote_field.through
            column = through._meta.get_field(model._meta.model_name).column
            target = through._meta.get_field("topic").column
            memberships.append(
                f"SELECT {qn(column)} AS page_id, {qn(target)} AS topic_id FROM {_table(through)}"
            )
        parts.append(
            "SELECT * FROM (SELECT 'topic' AS kind, CAST(m.topic_key AS VARCHAR(36)) AS topic_key,"
            " 0 AS shared_documents,"
            " 0 AS shared_tags, ROW_NUMBER() OVER (PARTITION BY m.topic_key ORDER BY"
            f" p.{qn('first_published_at')} DESC, p.{qn('id')} DESC) AS position, {cols}"
            f" FROM {pages} p INNER JOIN (SELECT DISTINCT x.page_id,"
            f" t.{qn('translation_key')} AS topic_key FROM ({' UNION ALL '.join(memberships)}) x"
            f" INNER JOIN {topics} t ON t.{qn('id')} = x.topic_id"
            f" WHERE t.{qn('translation_key')} IN (SELECT c.{qn('translation_key')}"
            f" FROM {topics} c WHERE c.{qn('id')} IN ({_placeholders(query.topic_ids)})))"
            f" m ON m.page_id = p.{qn('id')}"
            f" WHERE p.{qn('locale_id')} = %s AND p.{qn('id')} <> %s"
            f" AND p.{qn('content_type_id')} IN ({_placeholders(every_type)}) AND {shown}"
            ") topic_articles WHERE position <= %s"
        )
        params += [*query.topic_ids, page.locale_id, page.pk, *every_type, True]
        params.append(query.topic_latest)

    if query.related and (query.symbols or query.tag_ids is None or query.tag_ids):
        shared, shared_params = _shared(query)
        if shared:
            parts.append(
                f"SELECT * FROM (SELECT 'related' AS kind, {NO_KEY} AS topic_key,"
                f" s.shared_documents, s.shared_tags, 0 AS position, {cols}"
                f" FROM {pages} p INNER JOIN ({shared}) s ON s.page_id = p.{qn('id')}"
                f" WHERE p.{qn('locale_id')} = %s AND p.{qn('id')} <> %s"
                f" AND p.{qn('content_type_id')} IN ({_placeholders(every_type)}) AND {shown}"
                " ORDER BY s.shared_documents DESC, s.shared_tags DESC,"
                f" p.{qn('first_published_at')} DESC, p.{qn('id')} DESC"
                " LIMIT %s) related_articles"
            )
            params += [*shared_params, page.locale_id, page.pk, *every_type, True]
            params.append(query.related)

    return " UNION ALL ".join(parts), params


def _shared(query: ListsQuery) -> tuple[str, list]:
    """A subquery of (page_id, shared_documents, shared_tags) of the pages sharing a
    public document or a tag with the article."""
    from wagtail_dangvu.documents.mentions import DocumentMention
    from wagtail_dangvu.documents.models import PartyDocument

    qn = connection.ops.quote_name
    page = query.page
    rows, params = [], []
    if query.symbols:
        # Public mentions only: none of a symbol that a withheld entry bears.
        withheld, withheld_params = (
            PartyDocument.objects.withheld().values("symbol").order_by().query.sql_with_params()
        )
        rows.append(
            f"SELECT {qn('page_id')} AS page_id, {qn('symbol')} AS symbol,"
            " CAST(NULL AS INTEGER) AS tag_id"
            f" FROM {_table(DocumentMention)}"
            f" WHERE {qn('symbol')} IN ({_placeholders(query.symbols)})"
            f" AND {qn('symbol')} NOT IN ({withheld})"
        )
        params += [*query.symbols, *withheld_params]
    if query.tag_ids is None:
        own = type(page)._meta.get_field("tags").through
        tag_sql = f"SELECT {qn('tag_id')} FROM {_table(own)} WHERE {qn('content_object_id')} = %s"
        tag_params = [page.pk]
    elif query.tag_ids:
        tag_sql, tag_params = _placeholders(query.tag_ids), list(query.tag_ids)
    else:
        tag_sql = None
    if tag_sql is not None:
        for model in query.article_models:
            through = model._meta.get_field("tags").through
            rows.append(
                f"SELECT {qn('content_object_id')} AS page_id, CAST(NULL AS VARCHAR(64)) AS symbol,"
                f" {qn('tag_id')} AS tag_id FROM {_table(through)}"
                f" WHERE {qn('tag_id')} IN ({tag_sql})"
            )
            params += tag_params
    if not rows:
        return "", []
    return (
        "SELECT page_id, COUNT(DISTINCT symbol) AS shared_documents,"
        " COUNT(DISTINCT tag_id) AS shared_tags"
        f" FROM ({' UNION ALL '.join(rows)}) shared GROUP BY page_id"
    ), params
