"""The rating's HTTP API, and the small page that lets readers without JavaScript vote.

``GET <page_id>/`` answers the reader's view of the rating as JSON, ``POST <page_id>/``
casts a vote. A script asks for JSON; a plain HTML form (whose browser prefers HTML)
gets a 303 back to the article instead. ``GET <page_id>/vote/`` is the page with that
form. All of them carry per-reader state, so none of them is cached, while the article
itself carries none.
"""

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.vary import vary_on_cookie

from . import wording
from .conf import base_template, ratings_setting
from .models import AlreadyRated, Rating, RatingDisabled, ReaderState
from .pages import get_rateable_page
from .scores import BEST, parse_score
from .throttle import retry_after
from .voters import new_voter, remember_voter, voter_key

per_reader = [never_cache, vary_on_cookie, csrf_protect]


def json_response(data, status=200, headers=None):
    # Vietnamese as such, not as \u escapes: the answers are read in browsers' tools too.
    return JsonResponse(
        data, status=status, headers=headers, json_dumps_params={"ensure_ascii": False}
    )


def state_json(page, state: ReaderState) -> dict:
    tally = state.tally
    average = tally.average
    shown = tally.is_shown(ratings_setting("MIN_AVERAGE"))
    return {
        "page": page.pk,
        "total": tally.total,
        "count": tally.count,
        "average": None if average is None else str(average),
        "summary": wording.summary_line(tally) if shown else None,
        "voted": state.score is not None,
        "score": state.score,
    }


class RateablePageMixin:
    """Look the page up (404 unless live, public and open to votes) and speak its language."""

    def dispatch(self, request, *args, page_id, **kwargs):
        self.page = get_rateable_page(page_id)
        if self.page is None:
            raise Http404
        with translation.override(self.page.language_code):
            return super().dispatch(request, *args, **kwargs)

    def reader_state(self) -> ReaderState:
        state = Rating.objects.state_for(self.page, voter_key(self.request))
        if not state.enabled:
            raise Http404
        return state

    def render_vote_page(self, state, *, error=None, status=200, selected=None, headers=None):
        page = self.page.load()
        tally = state.tally
        context = {
            "base_template": base_template(),
            "article": page,
            "article_url": page.get_url(self.request),
            "rating_url": reverse("dangvu_ratings:rating", kwargs={"page_id": page.pk}),
            "state": state,
            "stars": [
                {"score": score, "title": title} for score, title in wording.STAR_TITLES.items()
            ],
            "best": BEST,
            "selected": selected,
            "prompt": wording.PROMPT,
            "already_rated": wording.ALREADY_RATED,
            "may_vote": self.request.user.is_authenticated or ratings_setting("ANONYMOUS"),
            "sign_in_to_rate": wording.SIGN_IN_TO_RATE,
            "error": error,
            "shown": tally.is_shown(ratings_setting("MIN_AVERAGE")),
            "summary": wording.summary_line(tally),
            "ranking": wording.ranking_line(tally) if tally.count else "",
        }
        response = TemplateResponse(
            self.request,
            "wagtail_dangvu/ratings/vote_page.html",
            context,
            status=status,
            headers=headers,
        )
        # Render now, while the page's language is active.
        return response.render()


@method_decorator(per_reader, name="dispatch")
class RatingView(RateablePageMixin, View):
    http_method_names = ["get", "head", "post", "options"]

    def get(self, request):
        response = json_response(state_json(self.page, self.reader_state()))
        # The article carries no token; the script takes it from here.
        response["X-CSRFToken"] = get_token(request)
        return response

    def post(self, request):
        self.wants_html = (
            request.get_preferred_type(["application/json", "text/html"]) == "text/html"
        )
        if (wait := retry_after(request)) is not None:
            return self.refuse(wording.TOO_MANY_RATINGS, 429, headers={"Retry-After": str(wait)})
        if not (request.user.is_authenticated or ratings_setting("ANONYMOUS")):
            return self.refuse(wording.SIGN_IN_TO_RATE, 403)
        score = parse_score(request.POST.getlist("score"))
        if score is None:
            return self.refuse(wording.INVALID_SCORE, 400)

        key, token = new_voter(request)
        try:
            tally = Rating.objects.cast_vote(self.page, voter_key=key, score=score)
        except RatingDisabled:
            raise Http404 from None
        except AlreadyRated:
            if self.wants_html:
                messages.warning(request, wording.ALREADY_RATED)
                return self.back_to_article()
            state = Rating.objects.state_for(self.page, key)
            body = {"error": str(wording.ALREADY_RATED), **state_json(self.page, state)}
            return json_response(body, status=409)

        if self.wants_html:
            messages.success(request, wording.THANKS)
            response = self.back_to_article()
        else:
            response = json_response(state_json(self.page, ReaderState(tally, score=score)), 201)
        remember_voter(response, request, token)
        return response

    def refuse(self, message, status, headers=None):
        if self.wants_html:
            return self.render_vote_page(
                self.reader_state(), error=message, status=status, headers=headers
            )
        return json_response({"error": str(message)}, status, headers)

    def back_to_article(self):
        url = self.page.load().get_url(self.request)
        if url is None:
            url = reverse("dangvu_ratings:vote", kwargs={"page_id": self.page.pk})
        return HttpResponseRedirect(f"{url}#dangvu-rating-{self.page.pk}", status=303)


@method_decorator(per_reader, name="dispatch")
class VotePageView(RateablePageMixin, View):
    """The rating page of readers without JavaScript: the stars as a plain form."""

    http_method_names = ["get", "head", "options"]

    def get(self, request):
        return self.render_vote_page(
            self.reader_state(), selected=parse_score(request.GET.getlist("score"))
        )
