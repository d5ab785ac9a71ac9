"""``{% load dangvu_ratings %}{% star_rating page %}``: the portal's five stars under a page.

The widget carries no per-reader state and writes nothing, so the page around it stays
cacheable: who the reader is, whether they have voted and the CSRF token come from the
rating API, fetched by ``rating.js``. It reads the page's rating once (no row is created
before the first vote) and adds schema.org ``AggregateRating`` once there is a vote.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import wording
from ..conf import ratings_setting
from ..models import Rating
from ..pages import page_is_rateable
from ..scores import BEST, WORST

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data) -> str:
    """``data`` as a ``<script type="application/ld+json">`` element, safe in HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),
    )


def aggregate_rating(page, tally, url) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "AggregateRating",
        "itemReviewed": {"@type": "CreativeWork", "name": page.title, "url": url},
        "ratingValue": float(tally.average),
        "ratingCount": tally.count,
        "bestRating": BEST,
        "worstRating": WORST,
    }


@register.simple_tag(takes_context=True)
def star_rating(context, page):
    """Render the star rating of ``page``; nothing when ratings are off for it, or when
    its page type does not show the stars (see :mod:`wagtail_dangvu.ratings.pages`)."""
    if not ratings_setting("ENABLED") or page is None or page.pk is None:
        return ""
    if not page_is_rateable(page):
        return ""
    state = Rating.objects.state_for(page)  # no reader: the same for everyone
    if not state.enabled:
        return ""
    tally = state.tally
    shown = tally.is_shown(ratings_setting("MIN_AVERAGE"))
    lit = tally.stars_lit()
    request = context.get("request")
    placeholders = {"average": "{average}", "count": "{count}"}
    widget_context = {
        "page": page,
        "rating_url": reverse("dangvu_ratings:rating", kwargs={"page_id": page.pk}),
        "vote_url": reverse("dangvu_ratings:vote", kwargs={"page_id": page.pk}),
        "stars": [
            {"score": score, "title": title, "lit": score <= lit}
            for score, title in wording.STAR_TITLES.items()
        ],
        "prompt": wording.PROMPT,
        "shown": shown,
        "summary": wording.summary_line(tally) if shown else "",
        "ranking": wording.ranking_line(tally) if shown else "",
        "ranking_one": wording.ranking_template(1) % placeholders,
        "ranking_other": wording.ranking_template(2) % placeholders,
        "thanks": wording.THANKS,
        "already_rated": wording.ALREADY_RATED,
        "not_sent": wording.NOT_SENT,
        "json_ld": (
            json_ld(aggregate_rating(page, tally, page.get_full_url(request))) if shown else ""
        ),
    }
    return render_to_string("wagtail_dangvu/ratings/star_rating.html", widget_context)
