from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from wagtail_dangvu.frontpage.blocks import FrontPageBlock


class HomePage(Page):
    """The portal's front page: an introduction and the front page blocks.

    Without blocks it shows the usual front page of a portal: the latest news, upcoming
    events, "dân vận khéo" stories, the best rated articles and the newest documents.
    """

    intro = RichTextField(_("introduction"), blank=True)
    body = StreamField(FrontPageBlock(), blank=True, verbose_name=_("front page"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
