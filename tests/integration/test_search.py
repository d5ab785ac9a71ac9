"""The portal search: diacritics optional, symbols understood, nothing withheld shown."""

import datetime

import feedparser
import pytest
from wagtail.models import Locale

from tests.factories import make_document, make_register, make_report, make_report_index, paragraph
from wagtail_dangvu.models import SecrecyLevel
from wagtail_dangvu.search import read_symbol, search_portal

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(home):
    make_register(home)
    index = make_report_index(home)
    conclusion = make_document("21-KL/TW")
    secret = make_document(
        "09-BC/ĐU",
        type_name="Báo cáo",
        summary="Báo cáo mật về dân vận",
        issue_date=datetime.date(2022, 11, 20),
        secrecy=SecrecyLevel.SECRET,
    )
    mentioning = make_report(
        index,
        title="Long Bình qua 01 năm thực hiện",
        body=[paragraph("<p>Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021.</p>")],
    )
    kheo = make_report(index, title="Phát huy mô hình Dân vận khéo ở ấp Long Hòa")
    draft = make_report(index, title="Dân vận khéo bản nháp", publish_it=False)
    return {
        "conclusion": conclusion,
        "secret": secret,
        "mentioning": mentioning,
        "kheo": kheo,
        "draft": draft,
    }


def search(query):
    return search_portal(query, locale=Locale.get_default())


@pytest.mark.parametrize("query", ["dan van kheo", "DÂN VẬN KHÉO", "Dân vận khéo", "dan van"])
def test_diacritics_and_case_do_not_matter(portal, query):
    results = search(query)
    assert portal["kheo"].pk in [page.pk for page in results.pages]
    assert portal["draft"].pk not in [page.pk for page in results.pages]


def test_words_of_a_symbol_find_the_pages_that_name_it(portal):
    assert portal["mentioning"].pk in [page.pk for page in search("ket luan 21").pages]


@pytest.mark.parametrize("query", ["21 KL TW", "21-KL/TW", "21 – KL/TW", "Kết luận số 21-KL/TW"])
def test_a_symbol_puts_its_document_and_the_pages_that_mention_it_first(portal, query):
    results = search(query)
    assert results.documents == [portal["conclusion"]]
    assert results.pages[0].pk == portal["mentioning"].pk


def test_withheld_documents_are_never_found(portal):
    assert search("09-BC/ĐU").documents == []
    assert portal["secret"] not in search("bao cao mat").documents


def test_read_symbol():
    assert str(read_symbol("21 KL TW")) == "21-KL/TW"
    assert read_symbol("dan van kheo") is None


def test_the_search_page(client, portal):
    html = client.get("/tim-kiem/", {"q": "21 KL TW"}).content.decode()
    assert "21-KL/TW" in html and portal["mentioning"].title in html
    assert "09-BC" not in html
    response = client.get("/tim-kiem/", {"q": '<script>alert("x")</script>', "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_the_portal_feed_carries_articles_of_every_type_in_the_readers_language(client, portal):
    feed = feedparser.parse(client.get("/rss/").content)
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert portal["kheo"].title in titles and portal["mentioning"].title in titles
    assert portal["draft"].title not in titles
    assert "Báo cáo" not in titles  # index pages are not articles
