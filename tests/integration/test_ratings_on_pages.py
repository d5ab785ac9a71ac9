"""Votes are taken exactly where readers see the stars: the app's articles, live and public.

Anything else, a page id a script made up, a home page, an index, the register, a
dashboard, a draft or a private report, is refused as a page that does not exist: 404,
for the state as for the vote, and nothing written.
"""

import itertools

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from tests.factories import (
    make_dashboard,
    make_event,
    make_event_index,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
)
from wagtail_dangvu.ratings.models import Rating, Vote
from wagtail_dangvu.ratings.pages import rateable_page_models

pytestmark = pytest.mark.django_db

_addresses = itertools.count(1)


def rating_url(page):
    return reverse("dangvu_ratings:rating", kwargs={"page_id": page.pk})


def vote(client, page, score=4):
    # A new address for each vote, so the per-address rate limit never answers first.
    return client.post(
        rating_url(page),
        {"score": str(score)},
        HTTP_ACCEPT="application/json",
        REMOTE_ADDR=f"192.0.2.{next(_addresses) % 250 + 1}",
    )


def state(client, page):
    return client.get(rating_url(page), HTTP_ACCEPT="application/json")


@pytest.fixture
def portal(home, register):
    """One of each page type of the app, published under the home page."""
    report_index = make_report_index(home)
    event_index = make_event_index(home)
    story_index = make_story_index(home)
    return {
        "report": make_report(report_index),
        "event": make_event(event_index),
        "story": make_story(story_index),
        "report index": report_index,
        "event index": event_index,
        "story index": story_index,
        "register": register,
        "dashboard": make_dashboard(home),
        "home": home,
        "root": Page.get_first_root_node(),
    }


@pytest.mark.parametrize("kind", ["report", "event", "story"])
def test_readers_rate_the_apps_articles(client, portal, kind):
    page = portal[kind]

    response = vote(client, page, 5)

    assert response.status_code == 201
    assert response.json()["summary"] == "Tổng số điểm của bài viết là: 5 trong 1 đánh giá"
    assert Rating.objects.get().page_id == page.pk
    assert "Click để đánh giá bài viết" in client.get(page.url).content.decode()


@pytest.mark.parametrize(
    "kind",
    ["root", "home", "register", "dashboard", "report index", "event index", "story index"],
)
def test_a_page_that_shows_no_stars_takes_no_vote(client, portal, kind):
    page = portal[kind]

    assert state(client, page).status_code == 404
    assert vote(client, page).status_code == 404
    assert not Rating.objects.exists()
    assert not Vote.objects.exists()
    if kind != "root":
        assert "dangvu-rating" not in client.get(page.url).content.decode()


def test_a_draft_takes_no_vote(client, portal):
    draft = make_report(portal["report index"], publish_it=False)

    assert state(client, draft).status_code == 404
    assert vote(client, draft).status_code == 404
    assert not Vote.objects.exists()


def test_an_unpublished_article_takes_no_more_votes(client, portal):
    story = portal["story"]
    assert vote(client, story).status_code == 201
    story.unpublish()

    assert state(client, story).status_code == 404
    assert vote(client, story).status_code == 404
    assert Vote.objects.count() == 1


@pytest.mark.parametrize("restriction", ["password", "login", "groups"])
def test_a_private_article_takes_no_vote(client, portal, restriction):
    report = portal["report"]
    private = PageViewRestriction.objects.create(
        page=report, restriction_type=restriction, password="mat-khau"
    )
    if restriction == "groups":
        private.groups.add(Group.objects.get(name="Editors"))

    assert state(client, report).status_code == 404
    assert vote(client, report).status_code == 404
    assert not Vote.objects.exists()


def test_an_article_below_a_private_index_takes_no_vote(client, portal):
    PageViewRestriction.objects.create(page=portal["event index"], restriction_type="login")

    assert state(client, portal["event"]).status_code == 404
    assert vote(client, portal["event"]).status_code == 404
    assert vote(client, portal["story"]).status_code == 201


def test_the_apps_article_types_are_the_rated_ones():
    names = {model.__name__ for model in rateable_page_models()}

    assert {"DirectiveReportPage", "SeminarEventPage", "DanVanKheoStoryPage"} <= names
    assert not names & {
        "DirectiveReportIndexPage",
        "SeminarEventIndexPage",
        "DanVanKheoIndexPage",
        "DocumentRegisterPage",
        "StatisticsDashboardPage",
        "HomePage",
        "Page",
    }
