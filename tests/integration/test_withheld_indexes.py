"""Withholding a register entry takes it out of every index at once; releasing it brings all
back. A withheld symbol answers as one nobody wrote: in the search (the portal's, and
Wagtail's index underneath), in "articles that mention this document" and in the report
index's document filter.

09-BC/ĐU is cited by three live pages: in a report's text, by a report's document
chooser, and in an event's title. 08-BC/ĐU is a symbol nobody wrote.
"""

import datetime

import pytest
from wagtail.models import Locale, Page

from tests.factories import (
    make_document,
    make_event,
    make_event_index,
    make_register,
    make_report,
    make_report_index,
    paragraph,
)
from wagtail_dangvu.documents.actions import PublishingRefused
from wagtail_dangvu.models import DirectiveReportPage, PartyDocument, SecrecyLevel
from wagtail_dangvu.search import search_portal

pytestmark = pytest.mark.django_db

FORMS = ["09-BC/ĐU", "09 BC ĐU", "Số: 09 – BC/ĐU", "Báo cáo số 09-BC/ĐU", "9-bc/đu"]


@pytest.fixture
def register(home):
    return make_register(home)


@pytest.fixture
def report_index(home):
    return make_report_index(home)


@pytest.fixture
def document():
    return make_document(
        "09-BC/ĐU",
        type_name="Báo cáo",
        summary="Kết quả công tác dân vận năm 2022",
        issue_date=datetime.date(2022, 11, 20),
    )


@pytest.fixture
def citing(home, register, report_index, document):
    """The three pages citing 09-BC/ĐU, and one citing 21-KL/TW only."""
    return {
        "text": make_report(
            report_index,
            title="Long Bình: công tác dân vận",
            body=[paragraph("<p>Theo Báo cáo số 09-BC/ĐU của Đảng ủy xã, đã vận động.</p>")],
        ),
        "chooser": make_report(report_index, title="Báo cáo sơ kết", documents=[document]),
        "title": make_event(make_event_index(home), title="Hội nghị quán triệt 09-BC/ĐU"),
        "other": make_report(
            report_index,
            title="Thực hiện Kết luận",
            body=[paragraph("<p>Kết luận số 21-KL/TW.</p>")],
        ),
    }


def set_secrecy(document, secrecy):
    document.secrecy = secrecy
    document.save()


def search(query):
    return search_portal(query, locale=Locale.get_default())


def found(query):
    results = search(query)
    return {page.pk for page in results.pages}, [doc.pk for doc in results.documents]


def search_page(client, query):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def answer(client, query):
    """The search page for ``query`` with the query itself blanked out, to compare answers."""
    return search_page(client, query).replace(query, "QUERY")


def indexed(query):
    """Live pages found through Wagtail's search index alone."""
    return {page.pk for page in Page.objects.live().search(query)}


def citing_ids(citing):
    return {citing[name].pk for name in ("text", "chooser", "title")}


class TestSearch:
    @pytest.mark.parametrize("query", FORMS)
    def test_withholding_then_releasing_changes_the_results_both_ways(
        self, citing, document, query
    ):
        pages, documents = found(query)
        assert citing_ids(citing) <= pages and documents == [document.pk]
        assert citing["other"].pk not in pages

        set_secrecy(document, SecrecyLevel.SECRET)
        nobody_wrote = found(query.replace("09", "08").replace("9-", "8-"))
        assert found(query) == nobody_wrote == (set(), [])

        set_secrecy(document, SecrecyLevel.NORMAL)
        pages, documents = found(query)
        assert citing_ids(citing) <= pages and documents == [document.pk]

    def test_the_search_page_answers_as_for_a_symbol_nobody_wrote(self, client, citing, document):
        before = search_page(client, "09-BC/ĐU")
        assert citing["text"].title in before and citing["title"].title in before
        set_secrecy(document, SecrecyLevel.TOP_SECRET)
        assert answer(client, "09-BC/ĐU") == answer(client, "08-BC/ĐU")
        assert answer(client, "09 BC ĐU") == answer(client, "08 BC ĐU")
        # The pages are still found by their other words.
        assert citing["text"].title in search_page(client, "cong tac dan van")

    def test_the_stored_search_text_and_wagtails_index_lose_the_symbol(self, citing, document):
        report = citing["text"]
        assert "09-bc/du" in DirectiveReportPage.objects.get(pk=report.pk).search_text
        assert report.pk in indexed("09-bc/du")

        set_secrecy(document, SecrecyLevel.SECRET)
        stored = DirectiveReportPage.objects.get(pk=report.pk).search_text
        assert "09" not in stored and " 9 bc du" not in stored
        assert "theo bao cao so" in stored and "da van dong" in stored
        assert report.pk not in indexed("09-bc/du")
        assert report.pk not in indexed("9 bc du")
        assert report.pk in indexed("van dong")

        set_secrecy(document, SecrecyLevel.NORMAL)
        assert "09-bc/du 9 bc du" in DirectiveReportPage.objects.get(pk=report.pk).search_text
        assert report.pk in indexed("09-bc/du")

    def test_internal_circulation_withholds_as_secrecy_does(self, citing, document):
        document.circulation = "internal"
        document.save()
        assert found("09-BC/ĐU") == (set(), [])
        assert citing["text"].pk not in indexed("09-bc/du")

    def test_another_symbol_on_the_same_page_is_still_found(self, report_index, document):
        both = make_report(
            report_index,
            body=[paragraph("<p>Báo cáo 09-BC/ĐU về Kết luận số 21-KL/TW.</p>")],
        )
        make_document("21-KL/TW")
        set_secrecy(document, SecrecyLevel.SECRET)
        assert both.pk in found("21-KL/TW")[0]
        assert both.pk not in found("09-BC/ĐU")[0]


class TestMentions:
    def test_the_register_and_the_report_filter_never_reveal_the_citing_pages(
        self, client, register, report_index, citing, document
    ):
        document_url = register.document_url(document)
        assert citing["text"].title in client.get(document_url).content.decode()
        filtered = client.get(report_index.url, {"document": document.pk})
        assert citing["chooser"].title in filtered.content.decode()

        set_secrecy(document, SecrecyLevel.SECRET)
        unknown = PartyDocument.objects.order_by("-pk").first().pk + 1000
        assert client.get(document_url).status_code == 404
        withheld = client.get(report_index.url, {"document": document.pk})
        nobody = client.get(report_index.url, {"document": unknown})
        assert withheld.status_code == nobody.status_code == 400
        assert withheld.content == nobody.content

        set_secrecy(document, SecrecyLevel.NORMAL)
        html = client.get(document_url).content.decode()
        assert citing["text"].title in html and citing["chooser"].title in html
        filtered = client.get(report_index.url, {"document": document.pk})
        assert citing["chooser"].title in filtered.content.decode()

    def test_a_public_entry_sharing_a_withheld_symbol_lists_no_citing_page(
        self, client, register, report_index
    ):
        """05-CT/TW of two terms: a page naming it cannot tell which, so it is not listed."""
        older = make_document(
            "05-CT/TW", type_name="Chỉ thị", term="XI", issue_date=datetime.date(2011, 5, 15)
        )
        page = make_report(report_index, body=[paragraph("<p>Chỉ thị 05-CT/TW.</p>")])
        url = register.document_url(older)
        assert page.title in client.get(url).content.decode()
        make_document(
            "05-CT/TW",
            type_name="Chỉ thị",
            term="XIII",
            issue_date=datetime.date(2021, 5, 15),
            secrecy=SecrecyLevel.SECRET,
        )
        assert page.title not in client.get(url).content.decode()
        pages, documents = found("05-CT/TW")
        assert pages == set() and documents == [older.pk]


class TestRegisterChanges:
    def test_a_withheld_entry_registered_later_hides_the_pages_that_named_it(self, report_index):
        page = make_report(report_index, body=[paragraph("<p>Thông báo 12-TB/ĐU.</p>")])
        assert page.pk in found("12-TB/ĐU")[0]
        secret = make_document("12-TB/ĐU", type_name="Thông báo", secrecy=SecrecyLevel.SECRET)
        assert found("12-TB/ĐU") == found("13-TB/ĐU") == (set(), [])
        assert page.pk not in indexed("12-tb/du")

        secret.delete()  # gone from the register: as unknown as before it came
        assert page.pk in found("12-TB/ĐU")[0]
        assert page.pk in indexed("12-tb/du")

    def test_correcting_a_withheld_entrys_symbol_moves_what_is_hidden(self, report_index):
        typo = make_document("90-BC/ĐU", type_name="Báo cáo")
        right = make_report(report_index, body=[paragraph("<p>Báo cáo 09-BC/ĐU.</p>")])
        wrong = make_report(report_index, body=[paragraph("<p>Báo cáo 90-BC/ĐU.</p>")])
        set_secrecy(typo, SecrecyLevel.SECRET)
        assert right.pk in found("09-BC/ĐU")[0]
        assert wrong.pk not in found("90-BC/ĐU")[0]

        typo.symbol = "09-BC/ĐU"
        typo.full_clean()
        typo.save()
        assert right.pk not in found("09-BC/ĐU")[0]
        assert right.pk not in indexed("09-bc/du")
        assert wrong.pk in found("90-BC/ĐU")[0]
        assert wrong.pk in indexed("90-bc/du")

    def test_a_page_naming_a_withheld_symbol_is_neither_published_nor_found_by_it(
        self, report_index, document
    ):
        set_secrecy(document, SecrecyLevel.SECRET)
        page = make_report(
            report_index, body=[paragraph("<p>Báo cáo 09-BC/ĐU.</p>")], publish_it=False
        )
        with pytest.raises(PublishingRefused):
            page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
        assert page.pk not in found("09-BC/ĐU")[0]
        assert "09" not in page.search_text

        set_secrecy(document, SecrecyLevel.NORMAL)
        page.save_revision().publish()
        assert page.pk in found("09-BC/ĐU")[0]
