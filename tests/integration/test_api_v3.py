"""Wagtail 8's API v3 never answers 500 to a reader's query string.

Every endpoint the example portal mounts under ``/api/v3/`` is asked, as an anonymous
reader, with every hostile input of ``tests/hostile.py``: what it reads and cannot use is
a 4xx JSON problem naming the parameter, in the portal's language; nothing else is a
5xx; nothing is written. Run on SQLite and PostgreSQL (``DATABASE_URL``): each fails on
different input. Skipped on Wagtail 7, which has no v3.
"""

import json

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import make_document, make_register, make_report, make_report_index
from tests.hostile import HOSTILE_PARAMETERS, HUGE, HUGE_NEGATIVE, NUL, REFUSED_SEARCHES, has_nul
from wagtail_dangvu.api import MAX_OFFSET
from wagtail_dangvu.apps import has_api_v3
from wagtail_dangvu.models import SecrecyLevel

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not has_api_v3(), reason="Wagtail 7 has no API v3"),
]

NO_WORDS = "search: Hãy gõ một từ hoặc số, ký hiệu văn bản cần tìm."
LISTING = {"offset", "limit"}
SEARCHED = {"search", *LISTING}
# The endpoints under /api/v3/, with the hostile parameters each reads (and must refuse).
PUBLIC_ENDPOINTS = {
    "pages/": SEARCHED,
    "pages/find/": set(),
    "pages/{page}/": set(),
    "documents/": SEARCHED,
    "documents/{document}/": set(),
    "images/": SEARCHED,
    "images/{image}/": set(),
    "redirects/": LISTING,
    "redirects/find/": set(),
    "redirects/{redirect}/": set(),
    "schema/": set(),
}
# Endpoints for API tokens only: a 4xx to a reader, whatever they send.
PRIVATE_ENDPOINTS = ["sites/", "whoami/", "snippets/wagtail_dangvu.PartyDocument/"]


@pytest.fixture
def portal(home):
    make_register(home)
    index = make_report_index(home)
    make_document("21-KL/TW")
    make_document("09-BC/ĐU", type_name="Báo cáo", secrecy=SecrecyLevel.SECRET)
    kheo = make_report(index, title="Phát huy mô hình Dân vận khéo ở ấp Long Hòa")
    document = get_document_model().objects.create(
        title="Kế hoạch dân vận khéo", file=ContentFile(b"%PDF ke hoach", name="ke-hoach.pdf")
    )
    image = get_image_model().objects.create(title="Ảnh hội nghị", file=get_test_image_file())
    redirect = Redirect.objects.create(old_path="/tin-cu", redirect_page=kheo)
    return {
        "kheo": kheo,
        "page": kheo.pk,
        "document": document.pk,
        "image": image.pk,
        "redirect": redirect.pk,
    }


def row_counts():
    """The number of rows of every table: a GET must leave them as they were."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def problem_of(response):
    assert response["Content-Type"] == "application/problem+json", response.content
    return json.loads(response.content)


def names(problem, parameter):
    """Whether ``problem`` says which parameter it is about (ours, or ninja's ``loc``)."""
    return problem["detail"].startswith(f"{parameter}: ") or any(
        error.get("loc", [])[-1:] == [parameter] for error in problem.get("errors", [])
    )


def ask(client, endpoint, parameter, value):
    return client.get(f"/api/v3/{endpoint}", {parameter: value})


@pytest.mark.parametrize("endpoint", PUBLIC_ENDPOINTS)
def test_every_public_endpoint_answers_hostile_input_with_a_4xx_or_uses_it(
    client, portal, endpoint
):
    client.raise_request_exception = False
    reads = PUBLIC_ENDPOINTS[endpoint]
    url = endpoint.format(**portal)
    before = row_counts()
    wrong = []
    for parameter, value in HOSTILE_PARAMETERS:
        response = ask(client, url, parameter, value)
        asked = f"{parameter!r}={value!r}"
        if response.status_code >= 500:
            wrong.append(f"{asked}: {response.status_code}")
        elif has_nul(parameter, value) or parameter in reads:
            shown = parameter.replace(NUL, "")
            problem = problem_of(response)
            if not (400 <= response.status_code < 500 and problem["detail"]):
                wrong.append(f"{asked}: {response.status_code} {problem}")
            elif shown and not names(problem, shown):
                wrong.append(f"{asked}: does not name {shown}: {problem}")
            elif NUL in response.content.decode():
                wrong.append(f"{asked}: the NUL comes back")
        else:
            assert "json" in response["Content-Type"], (asked, response.content)
    assert wrong == []
    assert row_counts() == before


@pytest.mark.parametrize("endpoint", PRIVATE_ENDPOINTS)
def test_endpoints_for_tokens_answer_a_reader_with_a_4xx_whatever_they_send(
    client, portal, endpoint
):
    client.raise_request_exception = False
    before = row_counts()
    for parameter, value in HOSTILE_PARAMETERS:
        response = ask(client, endpoint, parameter, value)
        assert 400 <= response.status_code < 500, (parameter, value, response.content)
        assert problem_of(response)["detail"]
    assert row_counts() == before


@pytest.mark.parametrize("query", REFUSED_SEARCHES)
@pytest.mark.parametrize("endpoint", ["pages/", "documents/", "images/"])
def test_a_search_with_no_word_or_a_nul_is_a_422_that_says_so(client, portal, endpoint, query):
    response = client.get(f"/api/v3/{endpoint}", {"search": query})
    assert response.status_code == 422
    problem = problem_of(response)
    expected = "search: Không được dùng ký tự rỗng (mã 0)." if NUL in query else NO_WORDS
    assert problem["detail"] == expected
    assert problem["errors"] == [
        {"type": "value_error", "loc": ["query", "search"], "msg": expected.split(": ", 1)[1]}
    ]


def test_a_huge_offset_is_a_422_in_the_portals_language(client, portal):
    problem = problem_of(client.get(f"/api/v3/pages/?offset={HUGE}"))
    assert problem["status"] == 422
    assert problem["detail"] == (
        f"offset: {HUGE} nằm ngoài phạm vi cho phép: hãy dùng số nguyên từ 0 đến 1000000."
    )
    for endpoint in ("documents/", "images/", "redirects/"):
        response = client.get(f"/api/v3/{endpoint}?offset={HUGE}")
        assert response.status_code == 422
        assert problem_of(response)["detail"].startswith("offset: ")
    # The deepest offset allowed is an empty page, not an error.
    response = client.get(f"/api/v3/pages/?offset={MAX_OFFSET}")
    assert response.status_code == 200
    assert json.loads(response.content)["items"] == []


def test_wagtails_own_answers_stay(client, portal):
    # A limit above WAGTAILAPI_LIMIT_MAX is Wagtail's 400; an unknown locale its 404.
    assert client.get("/api/v3/pages/?limit=21").status_code == 400
    assert client.get("/api/v3/pages/?locale=xx").status_code == 404
    assert client.get("/api/v3/pages/?offset=-1").status_code == 422


@pytest.mark.parametrize("parameter", ["redirect_page", "site"])
@pytest.mark.parametrize("value", [HUGE, HUGE_NEGATIVE])
def test_an_id_beyond_any_database_integer_in_a_filter_is_never_a_500(
    client, portal, settings, parameter, value
):
    response = client.get("/api/v3/redirects/", {parameter: value})
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        # SQLite cannot take the number at all: the API says which parameter holds it.
        assert response.status_code == 422
        assert problem_of(response)["detail"].startswith(f"{parameter}: {value} nằm ngoài")
    else:  # PostgreSQL compares it, and finds nothing.
        assert response.status_code == 200
        assert json.loads(response.content)["items"] == []


def test_pk_which_wagtail_offers_but_cannot_filter_by_is_a_422(client, portal):
    response = client.get(f"/api/v3/pages/?pk={portal['page']}")
    assert response.status_code == 422
    assert problem_of(response)["detail"] == "pk: Không thể lọc theo “pk”."
    response = client.get(f"/api/v3/pages/?id={portal['page']}")
    assert [item["id"] for item in json.loads(response.content)["items"]] == [portal["page"]]


@pytest.mark.parametrize("error", [OverflowError("a bug"), LookupError("a bug")])
def test_an_error_the_query_string_did_not_cause_stays_a_500(client, portal, monkeypatch, error):
    from django.core.exceptions import FieldDoesNotExist

    if isinstance(error, LookupError):
        error = FieldDoesNotExist("Page has no field named 'title'")

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr("wagtail.api.v3.routers.pages.get_pages_queryset", fail)
    client.raise_request_exception = False
    # A huge number and a title are in the query string, but did not cause the error... of
    # the first kind; the second names a field that is no parameter here.
    assert client.get("/api/v3/pages/", {"slug": "x"}).status_code == 500


def test_good_input_is_still_answered(client, portal):
    def titles(response):
        assert response.status_code == 200, response.content
        return [item["title"] for item in json.loads(response.content)["items"]]

    kheo = portal["kheo"].title
    for query in ("dân vận khéo", '"dân vận" khéo*', "Dân:vận -khéo"):
        assert kheo in titles(client.get("/api/v3/pages/", {"search": query})), query
    # Operators are words: with "or", one word found is enough.
    response = client.get("/api/v3/pages/", {"search": "AND NOT dân", "search_operator": "or"})
    assert kheo in titles(response)
    assert titles(client.get("/api/v3/documents/", {"search": '"dân vận'})) == [
        "Kế hoạch dân vận khéo"
    ]
    assert titles(client.get("/api/v3/images/", {"search": "hội nghị*"})) == ["Ảnh hội nghị"]
    assert titles(client.get("/api/v3/pages/", {"title": kheo})) == [kheo]
    assert titles(client.get("/api/v3/pages/", {"offset": "1", "limit": "1"}))
