"""The front page lists as template tags: ``{% load dangvu_frontpage %}``.

For a home page written as a template rather than built from blocks::

    {% latest_articles count=6 %}
    {% upcoming_events count=3 heading="Lịch sự kiện" %}
    {% recent_stories %} {% most_read %} {% best_rated %} {% newest_documents %}

Each renders the matching block of :mod:`wagtail_dangvu.frontpage.blocks`, with the same
template and in the language of the page being rendered.
"""

from __future__ import annotations

from django import template

from wagtail_dangvu.frontpage import blocks

register = template.Library()


def _render(block_class, context, **value):
    block = block_class()
    return block.render(block.to_python(value), context=context.flatten())


def _pk(page):
    return getattr(page, "pk", page)


@register.simple_tag(takes_context=True)
def latest_articles(context, count=5, heading="", index=None):
    indexes = [_pk(index)] if index else []
    return _render(
        blocks.LatestArticlesBlock, context, count=count, heading=heading, indexes=indexes
    )


@register.simple_tag(takes_context=True)
def upcoming_events(context, count=5, heading="", index=None):
    return _render(
        blocks.UpcomingEventsBlock, context, count=count, heading=heading, index=_pk(index)
    )


@register.simple_tag(takes_context=True)
def recent_stories(context, count=5, heading="", index=None):
    return _render(
        blocks.RecentStoriesBlock, context, count=count, heading=heading, index=_pk(index)
    )


@register.simple_tag(takes_context=True)
def most_read(context, count=5, heading=""):
    return _render(blocks.MostReadBlock, context, count=count, heading=heading)


@register.simple_tag(takes_context=True)
def best_rated(context, count=5, heading=""):
    return _render(blocks.BestRatedBlock, context, count=count, heading=heading)


@register.simple_tag(takes_context=True)
def newest_documents(context, count=5, heading=""):
    return _render(blocks.NewestDocumentsBlock, context, count=count, heading=heading)
