"""The app's search backend hands the database words only, whoever searches.

Wagtail's API v3, the admin's search and a portal's own views call the search backend
directly, with what a reader or an editor typed. Run on SQLite and PostgreSQL.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import MATCH_ALL, And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from tests.factories import make_report, make_report_index
from tests.hostile import WORDLESS_SEARCHES
from wagtail_dangvu.search_backend import WordsOnlyMixin, words_only

TYPED = ['"dân vận', "dân* -vận", "NEAR(dân vận)", "'\")-- dân", "dân\x00 vận", "AND OR NOT dân"]


@pytest.fixture
def kheo(home):
    return make_report(make_report_index(home), title="Phát huy mô hình Dân vận khéo")


def test_queries_are_reduced_to_their_words():
    assert words_only('"dân vận" -khéo*') == "dân vận khéo"
    assert words_only("'\")--") is None
    phrase = words_only(Phrase('"dân" vận*'))
    assert isinstance(phrase, Phrase) and phrase.query_string == "dân vận"
    plain = words_only(PlainText("a:b", operator="or", boost=2))
    assert (plain.query_string, plain.operator, plain.boost) == ("a b", "or", 2)
    assert words_only(Fuzzy("khéo*")).query_string == "khéo"
    both = words_only(And([PlainText('"'), Or([Phrase("x"), Not(PlainText("*"))])]))
    assert isinstance(both, And) and len(both.subqueries) == 1
    assert [type(part) for part in both.subqueries[0].subqueries] == [Phrase]
    assert words_only(Boost(PlainText("-"), 2)) is None
    assert words_only(MATCH_ALL) is MATCH_ALL


def test_the_example_portal_uses_it():
    assert isinstance(get_search_backend(), WordsOnlyMixin)


@pytest.mark.django_db
@pytest.mark.parametrize("query", [*WORDLESS_SEARCHES, "\x00"])
def test_a_query_without_words_finds_nothing_and_fails_nowhere(kheo, query):
    backend = get_search_backend()
    assert list(backend.search(query, Page)) == []
    assert list(backend.autocomplete(query, Page)) == []
    assert list(backend.search(Phrase(query), Page)) == []


@pytest.mark.django_db
@pytest.mark.parametrize("query", TYPED)
def test_syntax_around_words_searches_the_words(kheo, query):
    backend = get_search_backend()
    found = list(backend.search(query, Page.objects.live(), operator="or"))
    assert kheo.pk in [page.pk for page in found]
    list(backend.autocomplete(query, Page))  # no error


@pytest.mark.django_db
def test_a_phrase_stays_a_phrase(kheo):
    backend = get_search_backend()
    assert [page.pk for page in backend.search(Phrase('"dân vận" khéo'), Page)] == [kheo.pk]
    assert list(backend.search(Phrase("khéo dân"), Page)) == []


@pytest.mark.django_db
@pytest.mark.parametrize("query", ['"', "'\")--", 'dân "vận', "x\x00"])
def test_the_admins_searches_answer(admin_client, kheo, query):
    get_document_model().objects.create(
        title="Kế hoạch", file=ContentFile(b"%PDF", name="ke-hoach.pdf")
    )
    for url in ("/admin/pages/search/", "/admin/documents/", "/admin/images/"):
        response = admin_client.get(url, {"q": query})
        assert response.status_code == 200, (url, query)
    response = admin_client.get("/admin/pages/search/", {"q": '"dân vận'})
    assert kheo.title in response.content.decode()
