"""Directive reports: the page, the gate on publishing, the reverse index, the index page."""

import datetime

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import rich_text, streamfield

from tests.factories import (
    make_document,
    make_report,
    make_report_index,
    paragraph,
    report_form_data,
)
from wagtail_dangvu.models import DirectiveReportPage, DocumentMention, SecrecyLevel

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return make_report_index(home)


def mentions_of(document):
    return set(
        DocumentMention.objects.filter(symbol=document.symbol).values_list("page_id", flat=True)
    )


class TestReportPage:
    def test_renders_dateline_documents_and_linked_symbols(
        self, client, register, index, conclusion
    ):
        plan = make_document(
            "25-KH/ĐU", type_name="Kế hoạch", issue_date=datetime.date(2022, 3, 18)
        )
        report = make_report(
            index,
            title="Long Bình qua 01 năm thực hiện Kết luận 21-KL/TW",
            documents=[conclusion],
            body=[paragraph("<p>Ban Thường vụ ban hành Kế hoạch 25 -KH/ĐU ngày 18/3/2022.</p>")],
        )
        html = client.get(report.url).content.decode()
        assert "Kết luận 21-KL/TW" in html
        # The symbol in running text links to its register entry, as written.
        assert (
            f'<a class="dangvu-symbol" href="{register.document_url(plan)}">25 -KH/ĐU</a>' in html
        )
        assert 'class="dangvu-dateline"' in html

    def test_a_period_that_ends_before_it_starts_is_refused(self, index):
        report = DirectiveReportPage(
            title="x",
            slug="x",
            committee="Đảng ủy xã",
            period_start=datetime.date(2022, 11, 30),
            period_end=datetime.date(2021, 11, 1),
        )
        with pytest.raises(ValidationError) as error:
            index.add_child(instance=report)
        assert "period_end" in error.value.message_dict

    def test_a_hostile_title_is_escaped_in_html_and_json_ld(self, client, index):
        title = '</script><script>alert("x")</script> & <b>'
        report = make_report(index, title=title, slug="hostile")
        html = client.get(report.url).content.decode()
        assert "<script>alert" not in html
        assert "</script><script>" not in html
        assert "\\u003C/script\\u003E" in html  # inside the JSON-LD


class TestConfidentialityGate:
    def test_publishing_a_report_that_links_a_classified_document_is_refused(
        self, admin_client, index, secret
    ):
        report = make_report(index, publish_it=False)
        url = reverse("wagtailadmin_pages:edit", args=[report.pk])
        data = report_form_data(report, documents=streamfield([("document", secret.pk)]))
        data["action-publish"] = "action-publish"
        response = admin_client.post(url, data)
        assert response.status_code == 200
        # The message names the document, on the field that links it.
        assert any("09-BC/ĐU" in str(e) for e in response.context["form"].errors["documents"])
        report.refresh_from_db()
        assert not report.live
        assert not DocumentMention.objects.filter(page=report).exists()

    def test_a_classified_symbol_written_in_the_body_blocks_publishing_too(
        self, admin_client, index, secret
    ):
        report = make_report(index, publish_it=False)
        url = reverse("wagtailadmin_pages:edit", args=[report.pk])
        body = streamfield([("paragraph", rich_text("<p>Theo Báo cáo 09 – BC/ĐU.</p>"))])
        data = report_form_data(report, body=body)
        data["action-publish"] = "action-publish"
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert any("09-BC/ĐU" in str(e) for e in response.context["form"].errors["body"])
        report.refresh_from_db()
        assert not report.live

    def test_a_classified_symbol_in_the_summary_blocks_publishing(
        self, admin_client, index, secret
    ):
        report = make_report(index, publish_it=False)
        url = reverse("wagtailadmin_pages:edit", args=[report.pk])
        data = report_form_data(report, summary="Căn cứ Báo cáo 09-BC/ĐU của Đảng ủy.")
        data["action-publish"] = "action-publish"
        response = admin_client.post(url, data)
        assert response.status_code == 200
        assert any("09-BC/ĐU" in str(e) for e in response.context["form"].errors["summary"])
        report.refresh_from_db()
        assert not report.live

    def test_a_draft_can_still_be_saved(self, admin_client, index, secret):
        report = make_report(index, publish_it=False)
        url = reverse("wagtailadmin_pages:edit", args=[report.pk])
        data = report_form_data(report, documents=streamfield([("document", secret.pk)]))
        response = admin_client.post(url, data)
        assert response.status_code == 302
        report.refresh_from_db()
        assert not report.live
        assert report.get_latest_revision_as_object().documents[0].value == secret

    def test_publishing_a_clean_report_works(self, admin_client, index, conclusion):
        report = make_report(index, publish_it=False)
        url = reverse("wagtailadmin_pages:edit", args=[report.pk])
        data = report_form_data(report, documents=streamfield([("document", conclusion.pk)]))
        data["action-publish"] = "action-publish"
        response = admin_client.post(url, data)
        assert response.status_code == 302
        report.refresh_from_db()
        assert report.live
        assert mentions_of(conclusion) == {report.pk}

    def test_a_document_classified_after_publishing_disappears_from_the_page(
        self, client, register, index, conclusion
    ):
        report = make_report(
            index,
            documents=[conclusion],
            body=[paragraph("<p>Kết luận 21-KL/TW.</p>")],
        )
        conclusion.secrecy = SecrecyLevel.TOP_SECRET
        conclusion.save()
        html = client.get(report.url).content.decode()
        assert register.document_url(conclusion) not in html
        assert "Về đẩy mạnh xây dựng" not in html


class TestReverseIndex:
    def test_follows_publish_unpublish_move_and_delete(
        self, client, home, register, index, conclusion
    ):
        report = make_report(index, body=[paragraph("<p>Kết luận số 21-KL/TW ngày 25/10/2021</p>")])
        document_url = register.document_url(conclusion)
        assert mentions_of(conclusion) == {report.pk}
        assert report.url in client.get(document_url).content.decode()

        report.unpublish()
        assert mentions_of(conclusion) == set()
        assert report.title not in client.get(document_url).content.decode()

        report.save_revision().publish()
        other_index = make_report_index(home, slug="bao-cao-khac")
        report.move(other_index, pos="last-child")
        report = Page.objects.get(pk=report.pk).specific
        assert report.url.startswith(other_index.url)
        assert report.url in client.get(document_url).content.decode()

        report.delete()
        assert mentions_of(conclusion) == set()
        assert "bao-cao-khac" not in client.get(document_url).content.decode()

    def test_a_document_registered_later_finds_the_pages_that_named_it(
        self, client, register, index
    ):
        report = make_report(index, body=[paragraph("<p>Kế hoạch 44-KH/HU.</p>")])
        plan = make_document(
            "44-KH/HU", type_name="Kế hoạch", issue_date=datetime.date(2022, 3, 14)
        )
        assert report.url in client.get(register.document_url(plan)).content.decode()

    def test_private_pages_are_not_listed(self, client, register, index, conclusion):
        report = make_report(index, documents=[conclusion])
        PageViewRestriction.objects.create(page=report, restriction_type="login")
        assert report.url not in client.get(register.document_url(conclusion)).content.decode()


class TestIndex:
    def test_newest_first_filters_and_rss(self, client, index, conclusion):
        old = make_report(
            index,
            title="Báo cáo năm 2021",
            period_start=datetime.date(2021, 1, 1),
            period_end=datetime.date(2021, 12, 31),
        )
        new = make_report(index, title="Báo cáo về Kết luận 21-KL/TW", documents=[conclusion])
        new.tags.add("xây dựng Đảng")
        new.save_revision().publish()
        draft = make_report(index, title="Bản nháp", publish_it=False)

        html = client.get(index.url).content.decode()
        assert html.index(new.title) < html.index(old.title)
        assert draft.title not in html

        html = client.get(index.url, {"year": "2021"}).content.decode()
        assert old.title in html and new.title not in html
        html = client.get(index.url, {"document": conclusion.pk}).content.decode()
        assert new.title in html and old.title not in html
        tag = new.tags.get()
        html = client.get(index.url, {"tag": tag.slug}).content.decode()
        assert new.title in html and old.title not in html

        feed = feedparser.parse(client.get(index.feed_url()).content)
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == [new.title, old.title]

    @pytest.mark.parametrize(
        "query", ["year=abc", "document=999999", "document=x", "tag=%00", "page=-1", "zzz=1"]
    )
    def test_bad_query_strings_are_a_400_page_or_ignored(self, client, index, query):
        make_report(index, title="Báo cáo")
        response = client.get(index.url + "?" + query)
        assert response.status_code in (200, 400)
        assert "Báo cáo" in response.content.decode()

    def test_classified_documents_are_not_offered_as_filters(self, client, index, secret):
        make_report(index)
        html = client.get(index.url).content.decode()
        assert "09-BC/ĐU" not in html
        assert client.get(index.url, {"document": secret.pk}).status_code == 400
