"""The page of a topic ("Theo dòng sự kiện"): every live, public article on it, of every
type and index, newest first, a page at a time. Served at ``chu-de/<slug>/``."""

from __future__ import annotations

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.models import Locale

from wagtail_dangvu.articles.reading import Topic
from wagtail_dangvu.conf import get_setting
from wagtail_dangvu.documents.register import DocumentRegisterPage
from wagtail_dangvu.pages.listing import paginate


def topic_view(request, slug):
    locale = Locale.get_active()
    topic = Topic.objects.filter(slug=slug, locale=locale).first()
    if topic is None:
        raise Http404
    return TemplateResponse(
        request,
        "wagtail_dangvu/topic_page.html",
        {
            "dangvu_base_template": get_setting("BASE_TEMPLATE"),
            "dangvu_register": DocumentRegisterPage.for_locale(locale.pk),
            "topic": topic,
            "items": paginate(request, topic.articles()),
        },
    )
