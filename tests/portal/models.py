"""Page types of a portal's own, as a portal that installs only the ratings app has them."""

from wagtail.models import Page


class NewsPage(Page):
    """The portal's article: it shows the star rating, so it takes votes."""

    rateable = True
    template = "portal/news_page.html"

    class Meta:
        verbose_name = "trang tin của cổng"


class NoticePage(Page):
    """A page type that has not opted in: no stars, and no votes, even if its template
    carries the tag."""

    template = "portal/news_page.html"

    class Meta:
        verbose_name = "trang thông báo của cổng"
