"""The documents register: symbols, uniqueness, the public register and its admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from tests.factories import make_document, make_register
from wagtail_dangvu.models import Circulation, PartyDocument, SecrecyLevel

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("37 – QĐ/TW", "37-QĐ/TW"),
        ("CT 05 –CT/TW", "05-CT/TW"),
        ("Số: 36-HD/VPTW", "36-HD/VPTW"),
        ("5-ct/tw", "05-CT/TW"),
        ("25 -KH/ÐU", "25-KH/ĐU"),
        ("1034/QĐ-TTg", "1034/QĐ-TTg"),
    ],
)
def test_a_symbol_is_stored_in_its_canonical_form(written, canonical):
    document = make_document(written)
    document.refresh_from_db()
    assert document.symbol == canonical
    assert document.parsed_symbol.number == int(canonical.split("-")[0].split("/")[0])


def test_an_unreadable_symbol_is_a_vietnamese_error_on_the_field():
    document = PartyDocument(
        symbol="Kết luận số 21",
        type_name="Kết luận",
        issuer_name="BCH TW",
        issue_date=datetime.date(2021, 10, 25),
        summary="x",
    )
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "symbol" in error.value.message_dict
    assert PartyDocument.objects.count() == 0


def test_the_same_document_cannot_be_registered_twice():
    make_document("21-KL/TW")
    duplicate = PartyDocument(
        symbol="21 – KL/TW",
        type_name="Kết luận",
        issuer_name="BCH TW",
        issue_date=datetime.date(2021, 10, 25),
        summary="x",
    )
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    # The database constraint holds even for code that skips validation.
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()
    # A later term may reuse the number: another date is another document.
    make_document("21-KL/TW", issue_date=datetime.date(2026, 3, 1))
    assert PartyDocument.objects.count() == 2


def test_search_reads_symbols_in_any_written_form_and_words_without_diacritics():
    conclusion = make_document("21-KL/TW")
    plan = make_document(
        "44-KH/HU", type_name="Kế hoạch", summary="Thực hiện Kết luận 21-KL/TW ở huyện."
    )
    documents = PartyDocument.objects.all()
    assert list(documents.search("21 – KL/TW")) == [conclusion]
    assert list(documents.search("Kết luận số 21-KL/TW")) == [conclusion]
    assert set(documents.search("ke hoach huyen")) == {plan}
    assert set(documents.search("KET LUAN")) == {conclusion, plan}


class TestPublicRegister:
    @pytest.fixture
    def register(self, home):
        return make_register(home)

    @pytest.fixture
    def secret(self):
        return make_document(
            "09-BC/ĐU",
            type_name="Báo cáo",
            summary="Báo cáo mật về kiểm tra nội bộ",
            issue_date=datetime.date(2022, 11, 20),
            secrecy=SecrecyLevel.SECRET,
        )

    @pytest.fixture
    def internal(self):
        return make_document(
            "10-TB/ĐU",
            type_name="Thông báo",
            summary="Thông báo lưu hành nội bộ",
            issue_date=datetime.date(2022, 11, 21),
            circulation=Circulation.INTERNAL,
        )

    def test_lists_public_documents_only(self, client, register, secret, internal):
        public = make_document("21-KL/TW")
        html = client.get(register.url).content.decode()
        assert public.symbol in html
        assert secret.symbol not in html and "mật" not in html
        assert internal.symbol not in html

    def test_withheld_documents_have_no_public_url(self, client, register, secret, internal):
        for document in (secret, internal):
            assert client.get(register.document_url(document)).status_code == 404
        html = client.get(register.url, {"q": "09-BC/ĐU"}).content.decode()
        assert "09-BC/ĐU</a>" not in html and "Báo cáo mật" not in html

    def test_search_and_filters(self, client, register):
        make_document("21-KL/TW")
        make_document("44-KH/HU", type_name="Kế hoạch", issue_date=datetime.date(2022, 3, 14))
        html = client.get(register.url, {"q": "21 – KL/TW"}).content.decode()
        assert "21-KL/TW" in html and "44-KH/HU" not in html
        html = client.get(register.url, {"type": "KH"}).content.decode()
        assert "44-KH/HU" in html and "21-KL/TW</a>" not in html
        html = client.get(register.url, {"year": "2021"}).content.decode()
        assert "21-KL/TW" in html and "44-KH/HU</a>" not in html

    @pytest.mark.parametrize("query", ["year=abc", "year=99999", "page=x", "q=" + "x" * 500])
    def test_malformed_filters_are_a_400_page_or_ignored_never_a_500(self, client, register, query):
        make_document("21-KL/TW")
        response = client.get(register.url + "?" + query)
        assert response.status_code in (200, 400)
        assert "21-KL/TW" in response.content.decode()

    def test_document_page_shows_its_data_and_chain(self, client, register, secret):
        conclusion = make_document("21-KL/TW", term="XIII")
        plan = make_document(
            "44-KH/HU", type_name="Kế hoạch", issue_date=datetime.date(2022, 3, 14)
        )
        plan.implements.set([conclusion, secret])
        plan.save()
        commune = make_document(
            "25-KH/ĐU", type_name="Kế hoạch", issue_date=datetime.date(2022, 3, 18)
        )
        commune.implements.set([plan])
        commune.save()

        html = client.get(register.document_url(plan)).content.decode()
        assert "44-KH/HU" in html
        assert register.document_url(conclusion) in html  # implements
        assert register.document_url(commune) in html  # implemented by
        assert "09-BC" not in html  # the gate holds inside chains too
        assert "25/10/2021" in client.get(register.document_url(conclusion)).content.decode()

    def test_hostile_document_text_is_escaped(self, client, register):
        document = make_document("21-KL/TW", summary='<script>alert("x")</script> & co')
        html = client.get(register.document_url(document)).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html


class TestAdmin:
    def test_admin_search_finds_a_symbol_in_any_written_form(self, admin_client):
        make_document("21-KL/TW")
        make_document("44-KH/HU", type_name="Kế hoạch", issue_date=datetime.date(2022, 3, 14))
        url = reverse("wagtailsnippets_wagtail_dangvu_partydocument:list")
        html = admin_client.get(url, {"q": "21 – KL/TW"}).content.decode()
        assert "21-KL/TW" in html and "44-KH/HU" not in html

    def test_admin_form_rejects_a_malformed_symbol_and_writes_nothing(self, admin_client):
        url = reverse("wagtailsnippets_wagtail_dangvu_partydocument:add")
        response = admin_client.post(
            url,
            {
                "symbol": "abc/",
                "type_name": "Kết luận",
                "issuer_name": "BCH TW",
                "issue_date": "2021-10-25",
                "summary": "x",
                "secrecy": "normal",
                "circulation": "public",
                "locale": "1",
            },
        )
        assert response.status_code == 200
        assert PartyDocument.objects.count() == 0
        assert "abc/" in response.content.decode()  # what the editor typed is kept

    def test_admin_form_rejects_a_duplicate(self, admin_client):
        make_document("21-KL/TW")
        url = reverse("wagtailsnippets_wagtail_dangvu_partydocument:add")
        response = admin_client.post(
            url,
            {
                "symbol": "21 – KL/TW",
                "type_name": "Kết luận",
                "issuer_name": "BCH TW",
                "issue_date": "2021-10-25",
                "summary": "x",
                "secrecy": "normal",
                "circulation": "public",
            },
        )
        assert response.status_code == 200
        assert PartyDocument.objects.count() == 1
        with translation.override("vi"):
            message = translation.gettext(
                "A document with this number and symbol and issue date is already in the register."
            )
        assert message in response.content.decode()
