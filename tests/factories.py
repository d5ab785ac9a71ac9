"""Small builders for test content: documents, indicators and published pages."""

from __future__ import annotations

import datetime
import itertools

from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from wagtail_dangvu.models import (
    Circulation,
    DanVanKheoField,
    DanVanKheoIndexPage,
    DanVanKheoStoryPage,
    DirectiveReportIndexPage,
    DirectiveReportPage,
    DocumentRegisterPage,
    Indicator,
    NewsArticlePage,
    NewsIndexPage,
    PartyDocument,
    SecrecyLevel,
    SeminarEventIndexPage,
    SeminarEventPage,
    Source,
    StatisticsDashboardPage,
    Topic,
)

_counter = itertools.count(1)


def publish(page):
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    return page


def document_blocks(documents):
    """A documents stream naming ``documents``."""
    return [{"type": "document", "value": document.pk} for document in documents]


def add_page(parent, page_class, *, publish_it=True, **fields):
    number = next(_counter)
    fields.setdefault("title", f"{page_class.__name__} {number}")
    fields.setdefault("slug", f"{page_class.__name__.lower()}-{number}")
    fields.setdefault("live", publish_it)
    page = page_class(**fields)
    parent.add_child(instance=page)
    return publish(page) if publish_it else page


def make_document(
    symbol="21-KL/TW",
    *,
    issue_date=datetime.date(2021, 10, 25),
    secrecy=SecrecyLevel.NORMAL,
    circulation=Circulation.PUBLIC,
    type_name="Kết luận",
    issuer_name="Ban Chấp hành Trung ương Đảng",
    summary="Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị.",
    locale=None,
    **fields,
):
    document = PartyDocument(
        symbol=symbol,
        issue_date=issue_date,
        secrecy=secrecy,
        circulation=circulation,
        type_name=type_name,
        issuer_name=issuer_name,
        summary=summary,
        locale=locale or Locale.get_default(),
        **fields,
    )
    document.full_clean()
    document.save()
    return document


def make_indicator(
    code="inspections", *, name="Cuộc kiểm tra", unit="cuộc", aggregation="sum", **fields
):
    return Indicator.objects.create(
        code=code,
        name=name,
        unit=unit,
        aggregation=aggregation,
        locale=Locale.get_default(),
        **fields,
    )


def make_register(home):
    return add_page(home, DocumentRegisterPage, title="Văn bản", slug="van-ban")


def make_report_index(home, slug="bao-cao"):
    return add_page(home, DirectiveReportIndexPage, title="Báo cáo", slug=slug)


def make_report(index, *, documents=(), body=(), publish_it=True, **fields):
    fields.setdefault("period_start", datetime.date(2021, 11, 1))
    fields.setdefault("period_end", datetime.date(2022, 11, 30))
    fields.setdefault("committee", "Đảng ủy xã Long Bình")
    return add_page(
        index,
        DirectiveReportPage,
        documents=document_blocks(documents),
        body=list(body),
        publish_it=publish_it,
        **fields,
    )


def make_dashboard(parent, **fields):
    return add_page(parent, StatisticsDashboardPage, **fields)


def make_story_index(home, slug="dan-van-kheo", **fields):
    fields.setdefault("title", "Mô hình dân vận khéo")
    return add_page(home, DanVanKheoIndexPage, slug=slug, **fields)


def story_field(slug="kinh-te"):
    """A field of the movement in the default locale (the standard four come with migrate)."""
    return DanVanKheoField.objects.get(locale=Locale.get_default(), slug=slug)


def make_story(index, *, field="kinh-te", tags=(), documents=(), publish_it=True, **fields):
    fields.setdefault("unit", "Chi hội Phụ nữ ấp Long Hòa")
    fields.setdefault("place", "ấp Long Hòa")
    fields.setdefault("registration_year", 2023)
    if isinstance(field, str):
        field = story_field(field)
    page = add_page(
        index,
        DanVanKheoStoryPage,
        field=field,
        documents=document_blocks(documents),
        publish_it=False,
        **fields,
    )
    if tags:
        page.tags.add(*tags)
        page.save()
    return publish(page) if publish_it else page


def make_event_index(home, slug="su-kien", **fields):
    fields.setdefault("title", "Sự kiện")
    return add_page(home, SeminarEventIndexPage, slug=slug, **fields)


def make_event(index, *, documents=(), publish_it=True, **fields):
    """A seminar on 02/12/2022 from 07:30 to 11:00 unless told otherwise."""
    fields.setdefault("start_date", datetime.date(2022, 12, 2))
    if not fields.get("all_day"):
        fields.setdefault("start_time", datetime.time(7, 30))
        fields.setdefault("end_time", datetime.time(11, 0))
    fields.setdefault("place", "Hội trường Đảng ủy xã Long Bình")
    fields.setdefault("organiser", "Đảng ủy xã Long Bình")
    return add_page(
        index,
        SeminarEventPage,
        documents=document_blocks(documents),
        publish_it=publish_it,
        **fields,
    )


def make_news_index(parent, slug="tin-tuc", **fields):
    fields.setdefault("title", "Tin tức")
    return add_page(parent, NewsIndexPage, slug=slug, **fields)


def make_news(index, *, tags=(), documents=(), publish_it=True, **fields):
    """A news article of ``index``; ``first_published_at`` may be given to date it."""
    fields.setdefault("summary", "Tin hoạt động của Đảng ủy xã.")
    page = add_page(
        index,
        NewsArticlePage,
        documents=document_blocks(documents),
        publish_it=False,
        **fields,
    )
    if tags:
        page.tags.add(*tags)
        page.save()
    return publish(page) if publish_it else page


def tag(page, *names):
    """``page`` with ``names`` added to its tags, published again."""
    page.tags.add(*names)
    page.save()
    return publish(page)


def paragraph(html):
    return {"type": "paragraph", "value": html}


def statistic(indicator=None, value="14", **fields):
    return {
        "type": "statistic",
        "value": {
            "indicator": indicator.pk if indicator else None,
            "label": fields.get("label", "" if indicator else "Số cuộc"),
            "value": str(value),
            "unit": fields.get("unit", ""),
            "denominator": fields.get("denominator"),
            "target": fields.get("target"),
        },
    }


def report_form_data(page, **overrides):
    """What the page editor posts for a report ``page``, with ``overrides`` (raw form values,
    e.g. ``documents=streamfield([("document", pk)])``)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": "interim",
        "summary": "",
        "period_start": "2021-11-01",
        "period_end": "2022-11-30",
        "committee": "Đảng ủy xã Long Bình",
        "place": "",
        "author": "",
        "documents": streamfield([]),
        "source": "",
        "attachments": streamfield([]),
        "plans": streamfield([]),
        "body": streamfield([]),
        "findings": streamfield([]),
        "tags": "",
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
    }
    data.update(overrides)
    return nested_form_data(data)


def story_form_data(page, **overrides):
    """What the page editor posts for a dân vận khéo story ``page``, with ``overrides`` (raw
    form values, e.g. ``start_date="1/2/2020"``)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "model_name": "",
        "field": str(page.field_id),
        "kind": "collective",
        "summary": "",
        "unit": page.unit,
        "person_name": "",
        "person_title": "",
        "partners": "",
        "place": page.place,
        "start_date": "",
        "registration_year": str(page.registration_year),
        "problem": rich_text(""),
        "method": rich_text(""),
        "results": rich_text(""),
        "results_figures": streamfield([]),
        "effect": rich_text(""),
        "replication": "",
        "recognition_level": "",
        "recognition_year": "",
        "recognition_form": "",
        "photos": streamfield([]),
        "documents": streamfield([]),
        "source": "",
        "attachments": streamfield([]),
        "tags": "",
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
    }
    data.update(overrides)
    return nested_form_data(data)


# Articles of every type, and what a reader finds under them ------------------------------

ARTICLE_KINDS = ("report", "event", "story", "news")


def make_article_index(kind, home, slug=None):
    """An index of ``kind`` ("report", "event", "story", "news") under ``home``."""
    makers = {
        "report": make_report_index,
        "event": make_event_index,
        "story": make_story_index,
        "news": make_news_index,
    }
    return makers[kind](home, slug=slug or f"{kind}-{next(_counter)}")


def make_article(index, *, tags=(), topics=(), publish_it=True, **fields):
    """An article of the type ``index`` lists, with ``tags`` and ``topics``."""
    makers = {
        DirectiveReportIndexPage: make_report,
        SeminarEventIndexPage: make_event,
        DanVanKheoIndexPage: make_story,
        NewsIndexPage: make_news,
    }
    page = makers[type(index.specific)](index, publish_it=False, **fields)
    if tags:
        page.tags.add(*tags)
    if topics:
        page.topics.set(topics)
    if tags or topics:
        page.save()
    return publish(page) if publish_it else page


def make_source(name="Báo Long An", url="", locale=None):
    source = Source(name=name, url=url, locale=locale or Locale.get_default())
    source.full_clean()
    source.save()
    return source


def make_topic(name="Đại hội Đảng bộ xã", slug="", description="", locale=None):
    topic = Topic(name=name, slug=slug, description=description, locale=locale)
    topic.full_clean()
    topic.save()
    return topic


def make_file(title="Kế hoạch tổ chức", name="ke-hoach.pdf", size=1258291, collection=None):
    """A Wagtail document ("tài liệu") of ``size`` bytes."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    fields = {"collection": collection} if collection is not None else {}
    return Document.objects.create(title=title, file=ContentFile(b"x" * size, name=name), **fields)


def attachments(*documents):
    return [{"type": "file", "value": document.pk} for document in documents]
