"""No 500 from any public input: the search, the register's filter, the APIs, errors.

Whatever a reader or a script puts in a query string is read before it is used. What
cannot be used is a 4xx that says what is wrong (in Vietnamese on pages, in the JSON
``message`` of the API); what can is used as words, never handed raw to the database's
full-text syntax. Run on SQLite and PostgreSQL (``DATABASE_URL``): each backend fails
on different input.
"""

import datetime
import json

import pytest

from tests.factories import (
    make_document,
    make_register,
    make_report,
    make_report_index,
    paragraph,
)
from tests.hostile import HOSTILE_PARAMETERS, REFUSED_SEARCHES, has_nul
from wagtail_dangvu.api import MAX_OFFSET
from wagtail_dangvu.models import Circulation, SecrecyLevel

pytestmark = pytest.mark.django_db

NO_WORDS = "Hãy gõ một từ hoặc số, ký hiệu văn bản cần tìm."
NO_NULL = "Nội dung tìm kiếm có ký tự không tìm được."

# Queries with no word in them: nothing to search for.
WORDLESS = ['"', "'\")--", "*", "-", ":", "!@#$%^&*()", "“”", "\x0b*\x1f"]
# Queries that FTS5 or tsquery read as syntax, around words that are searched.
SYNTAX_AROUND_WORDS = [
    ('"dân vận khéo', "kheo"),  # an unclosed quote
    ("dân vận khéo*", "kheo"),
    ("dân:vận khéo", "kheo"),
    ("NEAR(dân vận) khéo", None),
    ("dân -vận khéo", "kheo"),
    ("'dân' AND \"vận\" khéo", None),
    ("AND OR NOT", None),
    ('" OR "" = "', None),
    ("1; DROP TABLE wagtailcore_page; --", None),
    ("dân^vận khéo", "kheo"),
    ("21-KL/TW", "mentioning"),
    ("a" * 2000, None),
    ("dân vận khéo " * 300, "kheo"),
]


@pytest.fixture
def portal(home):
    register = make_register(home)
    index = make_report_index(home)
    conclusion = make_document("21-KL/TW")
    plan = make_document(
        "44-KH/HU",
        type_name="Kế hoạch",
        summary="Kế hoạch thực hiện Kết luận 21-KL/TW",
        issue_date=datetime.date(2022, 3, 14),
    )
    secret = make_document(
        "09-BC/ĐU",
        type_name="Báo cáo",
        summary="Báo cáo mật",
        issue_date=datetime.date(2022, 11, 20),
        secrecy=SecrecyLevel.SECRET,
    )
    internal = make_document(
        "10-TB/ĐU",
        type_name="Thông báo",
        issue_date=datetime.date(2022, 11, 21),
        circulation=Circulation.INTERNAL,
    )
    # A plan implementing a withheld entry: the API must not tell that the entry is there.
    hidden_link = make_document(
        "12-KH/ĐU", type_name="Kế hoạch", issue_date=datetime.date(2022, 12, 1)
    )
    plan.implements.set([conclusion])
    plan.save()
    hidden_link.implements.set([secret, internal])
    hidden_link.save()
    return {
        "register": register,
        "index": index,
        "conclusion": conclusion,
        "plan": plan,
        "secret": secret,
        "internal": internal,
        "hidden_link": hidden_link,
        "kheo": make_report(index, title="Phát huy mô hình Dân vận khéo ở ấp Long Hòa"),
        "mentioning": make_report(
            index,
            title="Long Bình qua 01 năm thực hiện",
            body=[paragraph("<p>Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021.</p>")],
        ),
    }


def json_of(response):
    assert response["Content-Type"].startswith("application/json"), response.content
    return json.loads(response.content)


def symbols_of(response):
    return [item["symbol"] for item in json_of(response)["items"]]


# ----------------------------------------------------------------------------- the search page


def test_a_query_without_words_is_a_400_that_says_so(client, portal):
    for query in WORDLESS:
        response = client.get("/tim-kiem/", {"q": query})
        assert response.status_code == 400, query
        html = response.content.decode()
        assert NO_WORDS in html, query
        assert 'aria-invalid="true"' in html
        assert portal["kheo"].title not in html


def test_a_null_character_is_a_400_that_says_so(client, portal):
    response = client.get("/tim-kiem/?q=x%00")
    assert response.status_code == 400
    html = response.content.decode()
    assert NO_NULL in html
    assert "\x00" not in html
    assert 'value="x"' in html  # the rest of the query, to correct it


@pytest.mark.parametrize(("query", "expected"), SYNTAX_AROUND_WORDS)
def test_search_syntax_around_words_is_read_as_the_words(client, portal, query, expected):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    if expected:
        assert portal[expected].title in html


def test_pagination_keeps_the_query_as_typed(client, portal, settings):
    settings.WAGTAIL_DANGVU = {**settings.WAGTAIL_DANGVU, "PER_PAGE": 1}
    make_report(portal["index"], title="Dân vận khéo & dân vận giỏi")
    html = client.get("/tim-kiem/", {"q": "dân vận & khéo"}).content.decode()
    assert "?q=d%C3%A2n+v%E1%BA%ADn+%26+kh%C3%A9o&amp;page=2" in html


# ----------------------------------------------------------------------------- the register page


def test_the_registers_filter_reads_words_and_refuses_what_it_cannot_search(client, portal):
    url = portal["register"].url
    response = client.get(url, {"q": '"ket luan'})
    assert response.status_code == 200
    assert "21-KL/TW</a>" in response.content.decode()
    for query, message in (('"', NO_WORDS), ("'\")--", NO_WORDS), ("x\x00", NO_NULL)):
        response = client.get(url, {"q": query})
        assert response.status_code == 400, query
        assert message in response.content.decode(), query


# ----------------------------------------------------------------------------- the documents API


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("implements=abc", "implements"),
        ("implements=", "implements"),
        ("implements=-1", "implements"),
        ("implements=99999999999999999999", "implements"),
        ("issue_date=abc", "issue_date"),
        ("issue_date=2022-13-45", "issue_date"),
        ("issue_date=2023-02-29", "issue_date"),
        ("issue_date=25/10/2021", "issue_date"),
        ("id=abc", "id"),
        ("id=99999999999999999999", "id"),
        (f"offset={MAX_OFFSET + 1}", "offset"),
        ("offset=99999999999999999999", "offset"),
        ("offset=-1", "offset"),
        ("offset=abc", "offset"),
        ("limit=-1", "limit"),
        ("limit=abc", "limit"),
        ("limit=21", "limit"),
        ("search=%22", "search"),
        ("search=%27%22)--", "search"),
        ("search=*", "search"),
        ("search=", "search"),
        ("search=x%00", "search"),
        ("search=ket&search_operator=xor", "search_operator"),
        ("symbol=x%00", "symbol"),
        ("order=implements", "order"),
    ],
)
def test_the_documents_api_answers_bad_input_with_a_400_naming_the_parameter(
    client, portal, query, parameter
):
    response = client.get(f"/api/v2/party-documents/?{query}")
    assert response.status_code == 400
    message = json_of(response)["message"]
    assert message.startswith(f"{parameter}: "), message
    assert "\x00" not in message


def test_the_documents_apis_messages_are_in_the_portals_language(client, portal):
    # The API is outside i18n_patterns: it speaks the portal's default language.
    response = client.get("/api/v2/party-documents/?issue_date=2022-13-45")
    assert json_of(response)["message"] == "issue_date: Ngày 2022-13-45 không tồn tại."


@pytest.mark.parametrize(
    "query",
    [
        "find/?id=abc",
        "find/?id=99999999999999999999",
        "find/?id=x%00",
        "?type=abc",
        "?fields=abc",
        "?order=abc",
        "?order=random&offset=1",
    ],
)
def test_the_documents_api_keeps_wagtails_own_400s(client, portal, query):
    response = client.get(f"/api/v2/party-documents/{query}")
    assert response.status_code == 400
    assert json_of(response)["message"]


def test_a_withheld_id_answers_byte_for_byte_as_an_unknown_one(client, portal):
    unknown = client.get("/api/v2/party-documents/?implements=999999")
    assert unknown.status_code == 200
    assert json_of(unknown) == {"meta": {"total_count": 0}, "items": []}
    for withheld in ("secret", "internal"):
        response = client.get(f"/api/v2/party-documents/?implements={portal[withheld].pk}")
        assert response.status_code == unknown.status_code
        assert response.content == unknown.content
        assert response["Content-Type"] == unknown["Content-Type"]
    # The detail and find views of the endpoint already did so; they still do.
    for url in ("/api/v2/party-documents/{}/", "/api/v2/party-documents/find/?id={}"):
        unknown = client.get(url.format(999999))
        assert unknown.status_code == 404
        for withheld in ("secret", "internal"):
            response = client.get(url.format(portal[withheld].pk))
            assert (response.status_code, response.content) == (404, unknown.content)


def test_implements_lists_the_public_documents_implementing_a_public_one(client, portal):
    response = client.get(f"/api/v2/party-documents/?implements={portal['conclusion'].pk}")
    assert symbols_of(response) == ["44-KH/HU"]
    response = client.get(f"/api/v2/party-documents/?implements={portal['plan'].pk}")
    assert symbols_of(response) == []


def test_the_documents_filters_and_search_work_on_good_input(client, portal):
    assert symbols_of(client.get("/api/v2/party-documents/?issue_date=2022-03-14")) == ["44-KH/HU"]
    assert symbols_of(client.get("/api/v2/party-documents/?issue_date=2022-03-15")) == []
    for query in ("21 KL TW", "21 – KL/TW", '"ket luan', "kết luận*"):
        response = client.get("/api/v2/party-documents/", {"search": query})
        assert "21-KL/TW" in symbols_of(response), query
    response = client.get(
        "/api/v2/party-documents/", {"search": "xyz ket", "search_operator": "or"}
    )
    assert "21-KL/TW" in symbols_of(response)
    assert symbols_of(client.get("/api/v2/party-documents/", {"search": "bao cao mat"})) == []
    listing = json_of(client.get(f"/api/v2/party-documents/?offset={MAX_OFFSET}"))
    assert listing == {"meta": {"total_count": 3}, "items": []}


# ----------------------------------------------------------------------------- the pages API


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("?search=%22", "search"),
        ("?search=%27%22)--", "search"),
        ("?search=x%00", "search"),
        ("?search=dan&search_operator=xyz", "search_operator"),
        ("?offset=99999999999999999999", "offset"),
        ("?locale=x%00", "locale"),
        ("?type=wagtail_dangvu.DirectiveReportPage&period_end=abc", "period_end"),
        ("?type=wagtail_dangvu.DirectiveReportPage&period_end=2022-13-45", "period_end"),
        ("?id=99999999999999999999", "id"),
        ("find/?id=abc", "id"),
        ("find/?html_path=%00", "html_path"),
    ],
)
def test_the_pages_api_answers_bad_input_with_a_400_naming_the_parameter(
    client, portal, query, parameter
):
    response = client.get(f"/api/v2/pages/{query}")
    assert response.status_code == 400
    message = json_of(response)["message"]
    assert message.startswith(f"{parameter}: "), message


@pytest.mark.parametrize(("query", "expected"), SYNTAX_AROUND_WORDS)
def test_the_pages_api_searches_the_words(client, portal, query, expected):
    response = client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 200
    if expected == "kheo":
        titles = [item["title"] for item in json_of(response)["items"]]
        assert portal["kheo"].title in titles


def test_the_pages_api_filters_by_a_date(client, portal):
    response = client.get(
        "/api/v2/pages/",
        {"type": "wagtail_dangvu.DirectiveReportPage", "period_end": "2022-11-30"},
    )
    assert len(json_of(response)["items"]) == 2


# ----------------------------------------------------------------------------- errors


def test_an_unexpected_error_on_a_public_path_shows_the_portals_500_page(
    client, portal, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("wagtail_dangvu.views.search_portal", fail)
    client.raise_request_exception = False
    response = client.get("/tim-kiem/", {"q": "dân vận"})
    assert response.status_code == 500
    html = response.content.decode()
    assert "Xin lỗi, đã có lỗi xảy ra" in html
    assert '<html lang="vi">' in html
    for leak in ("Traceback", "RuntimeError", "the database went away", "search_portal"):
        assert leak not in html


def test_a_missing_page_shows_the_portals_404_page(client, portal):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert 'action="/tim-kiem/"' in html  # the portal's own header, with its search box


# ----------------------------------------------------------------------------- the shared list
# The hostile input of tests/hostile.py, tried on every v2 endpoint and on the portal search
# (tests/integration/test_api_v3.py tries it on v3).

V2_ENDPOINTS = {
    "party-documents/": {"search", "offset", "limit", "id"},
    "pages/": {"search", "offset", "limit", "id"},
    "documents/": {"search", "offset", "limit", "id"},
}


@pytest.mark.parametrize("endpoint", V2_ENDPOINTS)
def test_every_v2_endpoint_answers_the_shared_hostile_list(client, portal, endpoint):
    from django.apps import apps

    def row_counts():
        return {model._meta.label: model._default_manager.count() for model in apps.get_models()}

    client.raise_request_exception = False
    before = row_counts()
    wrong = []
    for parameter, value in HOSTILE_PARAMETERS:
        response = client.get(f"/api/v2/{endpoint}", {parameter: value})
        asked = f"{parameter!r}={value!r}"
        if response.status_code >= 500:
            wrong.append(f"{asked}: {response.status_code}")
            continue
        body = json_of(response)
        if has_nul(parameter, value) or parameter in V2_ENDPOINTS[endpoint]:
            shown = parameter.replace("\x00", "")
            if response.status_code != 400 or not body["message"].startswith(f"{shown}: "):
                wrong.append(f"{asked}: {response.status_code} {body}")
    assert wrong == []
    assert row_counts() == before


@pytest.mark.parametrize("query", [q for q in REFUSED_SEARCHES if q])
def test_the_search_page_refuses_the_shared_hostile_searches(client, portal, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 400
    html = response.content.decode()
    assert (NO_NULL if "\x00" in query else NO_WORDS) in html
    assert "\x00" not in html
