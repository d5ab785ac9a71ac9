"""The view counter's URL: ``POST <prefix>luot-xem/<page_id>/`` counts one view.

The article's script (``reading.js``) sends it once the page has loaded; rendering the
article counts nothing, so its HTML carries no per-reader state and stays cacheable. The
request is exempt from CSRF, as it can do nothing but count a view, at most once per
reader, article and day (see :mod:`wagtail_dangvu.articles.view_counts`). The reader is the
ratings app's voter identity (:mod:`wagtail_dangvu.ratings.voters`): a signed-in user by
id, an anonymous reader by an HMAC of a random cookie that travels with this URL only.

Answers: 200 with the total as JSON; 404 for a page that is not a live, public article
(or whose type has its reading features off); 405 for anything but POST; 429 with
``Retry-After`` past :data:`RATE` views a minute from one address (Vietnamese carriers put
many readers behind one address: the limit only stops a script, and a view over it is
simply not counted).
"""

from __future__ import annotations

from django.apps import apps
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from wagtail_dangvu.articles.models import AbstractArticlePage
from wagtail_dangvu.articles.view_counts import ArticleViewCount, portal_today
from wagtail_dangvu.compat import PAGE_MODEL
from wagtail_dangvu.pure.numbers import vi_number
from wagtail_dangvu.ratings.throttle import retry_after
from wagtail_dangvu.ratings.voters import new_voter, remember_voter

#: Counted views per client address, as the ratings' ``RATE`` is written.
RATE = "120/m"


def counts_views(page_id: int) -> bool:
    """Whether ``page_id`` is a live, public article whose views are counted."""
    pages = apps.get_model(PAGE_MODEL).objects.live().public().filter(pk=page_id)
    page = pages.only("pk", "content_type").first()
    if page is None:
        return False
    model = page.specific_class
    return (
        model is not None
        and issubclass(model, AbstractArticlePage)
        and model.reading_features is True
    )


def counter_cookie_path() -> str:
    """The counter's URL prefix: the reader's cookie goes there, never to articles."""
    return reverse("dangvu:view_count", kwargs={"page_id": 0}).removesuffix("0/")


@method_decorator([csrf_exempt, never_cache], name="dispatch")
class ViewCountView(View):
    http_method_names = ["post", "options"]

    def post(self, request, page_id: int):
        if (wait := retry_after(request, rate=RATE, scope="views")) is not None:
            return JsonResponse(
                {"error": gettext("Too many requests. Please try again in a moment.")},
                status=429,
                headers={"Retry-After": str(wait)},
            )
        if not counts_views(page_id):
            raise Http404
        reader, token = new_voter(request)
        counted, total = ArticleViewCount.objects.count_view(page_id, reader, portal_today())
        response = JsonResponse(
            {"page": page_id, "counted": counted, "total": total, "display": vi_number(total)}
        )
        remember_voter(response, request, token, path=counter_cookie_path())
        return response


view_count = ViewCountView.as_view()
