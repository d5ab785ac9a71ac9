"""The view counter under every article ("Lượt xem"): counted by a request after the page
has loaded, at most once per reader, article and day, and the article's HTML cacheable.
"""

import datetime
import itertools
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from tests.factories import make_news
from wagtail_dangvu.articles import counter as views_counter
from wagtail_dangvu.articles.view_counts import KEEP_DAYS, portal_today
from wagtail_dangvu.models import ArticleView, ArticleViewCount
from wagtail_dangvu.ratings.conf import ratings_setting

pytestmark = pytest.mark.django_db

KINDS = ["report", "event", "story", "news"]
_addresses = itertools.count(1)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()  # the rate limit and the pruning mark live there


def counter_url(page):
    """The counter's address as the article gives it to reading.js, in its language."""
    with translation.override(page.locale.language_code):
        return reverse("dangvu:view_count", kwargs={"page_id": page.pk})


def view(client, page, address=None):
    """The request reading.js sends once the article has loaded."""
    return client.post(
        counter_url(page),
        HTTP_ACCEPT="application/json",
        REMOTE_ADDR=address or f"198.51.100.{next(_addresses) % 250 + 1}",
    )


# The view counter --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_view_counts_once_per_reader_and_day(articles, kind):
    page = articles[kind]
    reader, other = Client(), Client()

    first = view(reader, page)
    again = view(reader, page)
    another = view(other, page)

    assert first.status_code == 200
    assert first.json() == {"page": page.pk, "counted": True, "total": 1, "display": "1"}
    assert again.json()["counted"] is False and again.json()["total"] == 1
    assert another.json()["total"] == 2
    assert ArticleViewCount.objects.get(page=page).total == 2
    assert ArticleView.objects.filter(page=page).count() == 2
    # The reader's cookie travels with the counter's URL only, never with articles.
    cookie = first.cookies[ratings_setting("COOKIE_NAME")]
    assert cookie["path"] == "/luot-xem/"
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert again.cookies[ratings_setting("COOKIE_NAME")]["path"] == "/luot-xem/"  # renewed


def test_the_same_reader_counts_again_the_next_day_in_the_portals_time_zone(articles, monkeypatch):
    page = articles["news"]
    reader = Client()
    real_now = timezone.now

    def at(utc):
        monkeypatch.setattr(timezone, "now", lambda: utc)
        response = view(reader, page)
        monkeypatch.setattr(timezone, "now", real_now)
        return response.json()

    # 23:30 on 1 December in Hà Nội is 16:30 UTC; 00:30 on 2 December is 17:30 UTC.
    utc = datetime.UTC
    assert at(datetime.datetime(2026, 12, 1, 16, 30, tzinfo=utc))["total"] == 1
    assert at(datetime.datetime(2026, 12, 1, 16, 59, tzinfo=utc))["counted"] is False
    assert at(datetime.datetime(2026, 12, 1, 17, 30, tzinfo=utc))["total"] == 2
    days = sorted(ArticleView.objects.values_list("day", flat=True))
    assert days == [datetime.date(2026, 12, 1), datetime.date(2026, 12, 2)]


def test_a_signed_in_reader_is_one_reader_whatever_their_cookies(articles, django_user_model):
    page = articles["story"]
    user = django_user_model.objects.create_user("doc-gia", password="x")
    phone, laptop = Client(), Client()
    phone.force_login(user)
    laptop.force_login(user)

    assert view(phone, page).json()["counted"] is True
    assert view(laptop, page).json()["counted"] is False
    assert ArticleView.objects.get().reader == f"user:{user.pk}"


def test_only_live_public_articles_count(client, home, register, articles):
    index = articles["news"].get_parent()
    draft = make_news(index, publish_it=False)
    private = make_news(index)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="m")

    for page in (draft, private, index, home, register):
        assert view(client, page).status_code == 404, page
    assert client.post(reverse("dangvu:view_count", kwargs={"page_id": 999999})).status_code == 404
    assert not ArticleView.objects.exists() and not ArticleViewCount.objects.exists()


def test_the_counter_answers_405_to_a_get_and_429_past_the_rate(client, articles, monkeypatch):
    page = articles["report"]
    assert client.get(counter_url(page)).status_code == 405

    monkeypatch.setattr(views_counter, "RATE", "2/m")
    address = "203.0.113.7"
    assert view(Client(), page, address).status_code == 200
    assert view(Client(), page, address).status_code == 200
    refused = view(Client(), page, address)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert refused.json()["error"]
    assert ArticleViewCount.objects.get(page=page).total == 2
    # Votes keep their own limit.
    assert (
        client.get(reverse("dangvu_ratings:rating", kwargs={"page_id": page.pk})).status_code == 200
    )


def test_the_article_shows_the_total_in_the_portals_number_format(client, articles):
    page = articles["news"]
    ArticleViewCount.objects.import_total(page, 1234)

    text = client.get(page.url).content.decode()

    assert re.search(r"Lượt xem: <span[^>]*>1\.234</span>", text)
    assert f'data-url="/luot-xem/{page.pk}/"' in text
    assert view(Client(), page).json() == {
        "page": page.pk,
        "counted": True,
        "total": 1235,
        "display": "1.235",
    }


def test_an_imported_total_is_set_not_added(articles):
    page = articles["event"]
    ArticleViewCount.objects.import_total(page, 20)
    ArticleViewCount.objects.import_total(page, 57)
    assert ArticleViewCount.objects.get(page=page).total == 57
    with pytest.raises(ValueError):
        ArticleViewCount.objects.import_total(page, -1)


def test_the_article_stays_cacheable(articles, monkeypatch):
    page = articles["news"]
    first, second = Client(), Client()
    view(second, page)  # the second reader has the counter's cookie
    ArticleViewCount.objects.filter(page=page).update(total=0)

    responses = [first.get(page.url), second.get(page.url)]

    # The same page for every reader, setting no cookie.
    assert responses[0].content == responses[1].content
    assert ArticleViewCount.objects.get(page=page).total == 0  # rendering counts nothing
    # The features add no Vary (the example portal's base template reads the session,
    # which varies on Cookie with or without them).
    monkeypatch.setattr(type(page), "reading_features", False)
    without = first.get(page.url)
    assert "dangvu-views" not in without.content.decode()
    for response in responses:
        assert response.status_code == 200
        assert not response.cookies
        assert response.get("Vary") == without.get("Vary")
        assert "Cache-Control" not in response or "private" not in response["Cache-Control"]


def test_old_daily_rows_are_pruned(articles, monkeypatch):
    page = articles["news"]
    today = portal_today()
    old = today - datetime.timedelta(days=KEEP_DAYS + 1)
    kept = today - datetime.timedelta(days=KEEP_DAYS)
    ArticleView.objects.create(page=page, reader="anon:old", day=old)
    ArticleView.objects.create(page=page, reader="anon:kept", day=kept)

    call_command("dangvu_prune_views")

    assert set(ArticleView.objects.values_list("reader", flat=True)) == {"anon:kept"}

    # The first counted view of a day prunes too.
    ArticleView.objects.create(page=page, reader="anon:old", day=old)
    view(Client(), page)
    assert not ArticleView.objects.filter(reader="anon:old").exists()


def test_an_article_type_with_its_reading_features_off_has_none(client, articles, monkeypatch):
    page = articles["report"]
    monkeypatch.setattr(type(page), "reading_features", False)

    text = client.get(page.url).content.decode()

    assert "dangvu-share" not in text and "dangvu-views" not in text
    assert client.get(page.url + "print/").status_code == 404
    assert view(client, page).status_code == 404
