"""The portal's own article, which shows the star rating: all the ratings app asks of it."""

from django.db import models
from wagtail.models import Page


class ArticlePage(Page):
    rateable = True
    template = "news/article_page.html"

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, "intro"]
