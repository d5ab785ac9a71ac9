"""Readers rate a page of the ratings-only project, through the ratings app's endpoint.

Run with that project's settings, on its migrated database::

    DJANGO_SETTINGS_MODULE=tests.ratings_only.settings python -m tests.ratings_only.rate

It prints what the readers got, as JSON, for ``test_ratings_only.py`` to check, and which
modules of the package were imported on the way.
"""

import json
import sys

import django


def main():
    django.setup()

    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from wagtail.models import Site

    from tests.ratings_only.news.models import ArticlePage
    from wagtail_dangvu.ratings.models import Rating

    setup_test_environment()
    home = Site.objects.get(is_default_site=True).root_page
    article = home.add_child(
        instance=ArticlePage(title="Ra mắt mô hình dân vận khéo", intro="Bài của cổng.")
    )
    api = reverse("dangvu_ratings:rating", kwargs={"page_id": article.pk})
    vote_page = reverse("dangvu_ratings:vote", kwargs={"page_id": article.pk})
    seen = {"installed": [app.name for app in apps.get_app_configs()]}

    seen["article_before"] = Client().get(article.url).content.decode()

    # A reader with JavaScript: the token from the API's GET, then a vote.
    script = Client(enforce_csrf_checks=True)
    token = script.get(api, HTTP_ACCEPT="application/json").headers["X-CSRFToken"]
    vote = script.post(api, {"score": "4"}, HTTP_ACCEPT="application/json", HTTP_X_CSRFTOKEN=token)
    seen["vote"] = {"status": vote.status_code, "json": vote.json()}
    again = script.post(api, {"score": "5"}, HTTP_ACCEPT="application/json", HTTP_X_CSRFTOKEN=token)
    seen["again"] = {"status": again.status_code, "json": again.json()}

    # A reader without JavaScript: the vote page (the portal's base.html), then its form.
    plain = Client(enforce_csrf_checks=True)
    form = plain.get(vote_page, {"score": "5"})
    seen["vote_page"] = {"status": form.status_code, "html": form.content.decode()}
    posted = plain.post(
        api,
        {"score": "5", "csrfmiddlewaretoken": form.context["csrf_token"]},
        HTTP_ACCEPT="text/html",
        follow=True,
    )
    seen["plain_vote"] = {
        "redirects": [[url, status] for url, status in posted.redirect_chain],
        "html": posted.content.decode(),
    }

    # The home page is Wagtail's own page type, which does not show the stars.
    home_vote = Client().post(
        reverse("dangvu_ratings:rating", kwargs={"page_id": home.pk}), {"score": "5"}
    )
    seen["home_vote"] = home_vote.status_code

    rating = Rating.objects.get(translation_key=article.translation_key)
    seen["stored"] = {"total": rating.total, "count": rating.count, "votes": rating.votes.count()}
    seen["article_after"] = Client().get(article.url).content.decode()

    # The admin's listing of ratings, in Vietnamese.
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "x")
    editor = Client()
    editor.force_login(admin)
    listing = editor.get(reverse(Rating.snippet_viewset.get_url_name("list")))
    seen["admin"] = {"status": listing.status_code, "html": listing.content.decode()}

    seen["article_url"] = article.url
    seen["database"] = connection.vendor
    seen["tables"] = [
        name for name in connection.introspection.table_names() if name.startswith("wagtail_dangvu")
    ]
    seen["modules"] = sorted(name for name in sys.modules if name.startswith("wagtail_dangvu"))
    json.dump(seen, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
