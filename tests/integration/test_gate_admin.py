"""The confidentiality gate in the admin: editors who do not keep the register never meet
a withheld entry (classified, or for internal circulation), whichever way they come in.

Three kinds of user try every way in through the real admin views: a commune's editor
(admin access, page permissions on the commune's section, may translate; no permission
on the register), an editor of another commune's section, and a register keeper (who
sees and chooses everything). Some screens also admit a user who may only add entries to
the register: that user is not a keeper either.
"""

from __future__ import annotations

import datetime
import html
import json
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import streamfield
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from tests.factories import make_document, make_report, make_report_index, report_form_data
from wagtail_dangvu.models import Circulation, PartyDocument
from wagtail_dangvu.translation import translate

pytestmark = pytest.mark.django_db

# What an editor must never read about the withheld entries: their symbols (ASCII, so
# JSON's \u escapes of Vietnamese letters cannot hide them) and their summaries.
WITHHELD_MARKS = ("09-BC", "Báo cáo mật", "15-TB", "Thông báo nội bộ")
WITHHELD_LABEL_VI = "Văn bản mật hoặc lưu hành nội bộ"
HOSTILE_IDS = ["abc", "-1", "99999", "1%20OR%201=1", "9" * 30]


@pytest.fixture
def internal():
    """A document for internal circulation only, of another type and issuer."""
    return make_document(
        "15-TB/BTCTU",
        type_name="Thông báo",
        issuer_name="Ban Tổ chức Tỉnh ủy",
        summary="Thông báo nội bộ",
        issue_date=datetime.date(2023, 3, 1),
        circulation=Circulation.INTERNAL,
    )


@pytest.fixture
def documents(conclusion, secret, internal):
    return {"public": conclusion, "secret": secret, "internal": internal}


def make_user(name, *codenames, section=None):
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        app_label, codename = codename.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    user = get_user_model().objects.create_user(name, password="x")
    user.groups.add(group)
    if section is not None:
        grant_pages(user, section)
    return user


@dataclass
class Persona:
    user: object
    section: Page  # where the user may edit pages


@pytest.fixture
def commune(home):
    return make_report_index(home, slug="xa-long-binh")


@pytest.fixture
def other_commune(home):
    return make_report_index(home, slug="xa-binh-tan")


@pytest.fixture(params=["commune editor", "other commune's editor"])
def editor(request, commune, other_commune):
    """An editor with no permission on the register, in one commune or another."""
    section = commune if request.param == "commune editor" else other_commune
    user = make_user(request.param, "wagtail_localize.submit_translation", section=section)
    return Persona(user, section)


@pytest.fixture
def keeper(commune):
    user = make_user(
        "register keeper",
        "wagtail_dangvu.view_partydocument",
        "wagtail_dangvu.change_partydocument",
        "wagtail_localize.submit_translation",
        section=commune,
    )
    return Persona(user, commune)


@pytest.fixture
def adder():
    """May add entries to the register, and no more: not a keeper."""
    return make_user("register clerk", "wagtail_dangvu.add_partydocument")


def grant_pages(user, page):
    """Page permissions on ``page`` and below for the user's group."""
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=user.groups.get(), page=page, permission=Permission.objects.get(codename=codename)
        )


def signed_in(client, user):
    client.force_login(user)
    return client


def text_of(response) -> str:
    """What the response shows, with JSON decoded (the chooser answers in JSON)."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def assert_hides_withheld(response):
    text = text_of(response)
    for mark in WITHHELD_MARKS:
        assert mark not in text, mark


def offered(response) -> set[int]:
    """The entries a chooser response offers to choose."""
    return {int(pk) for pk in re.findall(r"/chosen/(\d+)/", text_of(response))}


def snippet_url(name, *args):
    return reverse(PartyDocument.snippet_viewset.get_url_name(name), args=args)


def chooser_url(name, *args):
    return reverse(PartyDocument.snippet_viewset.chooser_viewset.get_url_name(name), args=args)


# The chooser ---------------------------------------------------------------------------------


class TestChooser:
    def test_an_editor_chooses_among_public_entries_only(self, client, editor, documents):
        signed_in(client, editor.user)
        modal = client.get(chooser_url("choose"))
        assert modal.status_code == 200
        assert "21-KL/TW" in text_of(modal)
        assert_hides_withheld(modal)
        assert offered(modal) == {documents["public"].pk}
        for query in ("09-BC/ĐU", "BC", "mật", "Thông báo", "15", "21"):
            results = client.get(chooser_url("choose_results"), {"q": query})
            assert results.status_code == 200
            assert offered(results) <= {documents["public"].pk}, query
        assert offered(client.get(chooser_url("choose_results"), {"q": "21"})) == {
            documents["public"].pk
        }

    def test_the_chosen_endpoint_knows_no_withheld_entry(self, client, editor, documents):
        signed_in(client, editor.user)
        for name in ("secret", "internal"):
            response = client.get(chooser_url("chosen", documents[name].pk))
            assert response.status_code == 404
            assert_hides_withheld(response)
        public = client.get(chooser_url("chosen", documents["public"].pk))
        assert public.status_code == 200
        assert public.json()["result"]["string"] == "Kết luận 21-KL/TW"

    def test_choosing_several_returns_the_public_ones_only(self, client, editor, documents):
        signed_in(client, editor.user)
        ids = [documents[name].pk for name in ("public", "secret", "internal")]
        response = client.get(chooser_url("chosen_multiple"), {"id": [*ids, "abc", "-1"]})
        assert response.status_code == 200
        assert [item["id"] for item in response.json()["result"]] == [str(ids[0])]
        assert_hides_withheld(response)

    @pytest.mark.parametrize("pk", HOSTILE_IDS)
    def test_a_hostile_id_is_a_404(self, client, editor, documents, pk):
        signed_in(client, editor.user)
        url = chooser_url("chosen", 1).replace("/1/", f"/{pk}/")
        assert client.get(url).status_code == 404

    def test_a_keeper_chooses_everything(self, client, keeper, documents):
        signed_in(client, keeper.user)
        modal = client.get(chooser_url("choose"))
        assert offered(modal) == {document.pk for document in documents.values()}
        assert "09-BC/ĐU" in text_of(modal) and "15-TB/BTCTU" in text_of(modal)
        chosen = client.get(chooser_url("chosen", documents["secret"].pk))
        assert chosen.json()["result"]["string"] == "Báo cáo 09-BC/ĐU"


# The register's listing and the entry's views -------------------------------------------------


def filter_choices(response, name):
    return set(re.findall(rf'name="{name}"[^>]*value="([^"]+)"', response.content.decode())) or {
        value
        for select in re.findall(
            rf'<select name="{name}".*?</select>', response.content.decode(), re.DOTALL
        )
        for value in re.findall(r'<option value="([^"]+)"', select)
    }


class TestListing:
    def test_a_user_who_may_add_entries_lists_the_public_ones(self, client, adder, documents):
        signed_in(client, adder)
        for url in (snippet_url("list"), snippet_url("list_results")):
            response = client.get(url)
            assert response.status_code == 200
            assert "21-KL/TW" in text_of(response)
            assert_hides_withheld(response)
        for query in ("09-BC/ĐU", "mat", "thong bao", "15 TB BTCTU"):
            assert_hides_withheld(client.get(snippet_url("list_results"), {"q": query}))

    def test_the_filters_offer_only_what_the_user_sees(self, client, adder, keeper, documents):
        response = signed_in(client, adder).get(snippet_url("list"))
        assert filter_choices(response, "type_code") == {"KL"}
        assert filter_choices(response, "issuer_code") == {"TW"}
        assert 'name="secrecy"' not in response.content.decode()
        # Asking for a withheld entry's filters still shows none of them.
        assert_hides_withheld(
            client.get(snippet_url("list_results"), {"type_code": "BC", "secrecy": "secret"})
        )

        response = signed_in(client, keeper.user).get(snippet_url("list"))
        assert filter_choices(response, "type_code") == {"BC", "KL", "TB"}
        assert filter_choices(response, "issuer_code") == {"BTCTU", "TW", "ĐU"}
        assert 'name="secrecy"' in response.content.decode()

    def test_a_keeper_lists_every_entry(self, client, keeper, documents):
        html_ = text_of(signed_in(client, keeper.user).get(snippet_url("list")))
        for symbol in ("21-KL/TW", "09-BC/ĐU", "15-TB/BTCTU"):
            assert symbol in html_

    def test_an_editor_without_permission_is_turned_away(self, client, editor, documents):
        response = signed_in(client, editor.user).get(snippet_url("list"))
        assert response.status_code == 302
        assert_hides_withheld(response)


ENTRY_VIEWS = ["edit", "copy", "delete", "usage", "history", "history_results"]


class TestEntryViews:
    @pytest.mark.parametrize("view", ENTRY_VIEWS)
    @pytest.mark.parametrize("name", ["secret", "internal"])
    def test_a_withheld_entry_is_a_404_to_those_who_may_not_see_it(
        self, client, editor, adder, documents, view, name
    ):
        url = snippet_url(view, documents[name].pk)
        for user in (editor.user, adder):
            response = signed_in(client, user).get(url)
            assert response.status_code == 404, (user, url)
            assert_hides_withheld(response)

    def test_a_public_entry_keeps_wagtails_permissions(self, client, editor, adder, documents):
        url = snippet_url("history", documents["public"].pk)
        assert signed_in(client, adder).get(url).status_code == 200
        assert signed_in(client, editor.user).get(url).status_code == 302

    @pytest.mark.parametrize("pk", HOSTILE_IDS)
    def test_a_hostile_id_is_a_404(self, client, adder, documents, pk):
        url = snippet_url("history", 1).replace("/1/", f"/{pk}/")
        assert signed_in(client, adder).get(url).status_code == 404

    def test_deleting_a_withheld_entry_by_post_is_a_404_and_deletes_nothing(
        self, client, adder, documents
    ):
        response = signed_in(client, adder).post(snippet_url("delete", documents["secret"].pk))
        assert response.status_code == 404
        assert PartyDocument.objects.filter(pk=documents["secret"].pk).exists()

    @pytest.mark.parametrize("view", ["edit", "usage", "history"])
    def test_a_keeper_opens_a_withheld_entry(self, client, keeper, documents, view):
        response = signed_in(client, keeper.user).get(snippet_url(view, documents["secret"].pk))
        assert response.status_code == 200
        assert "09-BC/ĐU" in response.content.decode()


class TestEntryForm:
    def test_implements_offers_only_visible_entries(self, client, adder, keeper, documents):
        form = signed_in(client, adder).get(snippet_url("add"))
        assert form.status_code == 200
        assert "21-KL/TW" in form.content.decode()
        assert_hides_withheld(form)
        keeper_form = signed_in(client, keeper.user).get(
            snippet_url("edit", documents["public"].pk)
        )
        assert "09-BC/ĐU" in keeper_form.content.decode()

    def test_a_withheld_entry_posted_by_id_is_refused_and_nothing_written(
        self, client, adder, documents
    ):
        count = PartyDocument.objects.count()
        response = signed_in(client, adder).post(
            snippet_url("add"),
            {
                "symbol": "30-KH/ĐU",
                "issue_date": "2023-05-02",
                "type_name": "Kế hoạch",
                "term": "",
                "issuer_name": "Đảng ủy xã",
                "summary": "Kế hoạch thực hiện",
                "secrecy": "normal",
                "circulation": "public",
                "implements": [documents["secret"].pk],
            },
        )
        assert response.status_code == 200
        assert "implements" in response.context["form"].errors
        assert PartyDocument.objects.count() == count
        assert_hides_withheld(response)


# Bulk actions ---------------------------------------------------------------------------------


def bulk_delete_url():
    return reverse("wagtail_bulk_action", args=["wagtail_dangvu", "partydocument", "delete"])


class TestBulkDelete:
    def test_withheld_entries_are_neither_listed_nor_refused_by_name(
        self, client, editor, documents
    ):
        signed_in(client, editor.user)
        for ids in ([documents["secret"].pk], [documents["internal"].pk], ["abc"]):
            response = client.get(bulk_delete_url(), {"id": ids})
            assert response.status_code == 404
            assert_hides_withheld(response)
        for ids in (["all"], [documents["secret"].pk, documents["public"].pk]):
            response = client.get(bulk_delete_url(), {"id": ids})
            assert response.status_code == 200
            assert "21-KL/TW" in response.content.decode()  # refused by name: no permission
            assert_hides_withheld(response)

    def test_a_keeper_who_may_delete_sees_the_entry(self, client, documents):
        keeper = make_user("deleting keeper", "wagtail_dangvu.delete_partydocument")
        response = signed_in(client, keeper).get(bulk_delete_url(), {"id": ["all"]})
        assert "09-BC/ĐU" in response.content.decode()
        response = client.post(
            bulk_delete_url() + f"?id={documents['secret'].pk}", {"next": "/admin/"}
        )
        assert response.status_code == 302
        assert not PartyDocument.objects.filter(pk=documents["secret"].pk).exists()


# The page editor --------------------------------------------------------------------------


def chosen_documents(response) -> list[dict]:
    """The document blocks' states in the page editor's StreamField widgets."""
    states = []
    for attribute in re.findall(
        r'data-w-block-arguments-value="([^"]*)"', response.content.decode()
    ):
        value, _errors = json.loads(html.unescape(attribute))
        for child in value or ():
            if isinstance(child, dict) and child.get("type") == "document":
                states.append(child["value"])
    return states


class _AnyURL:
    def __eq__(self, other):
        return isinstance(other, str) and other.startswith("/admin/")


ANY_URL = _AnyURL()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class TestPageEditor:
    @pytest.fixture
    def report(self, editor, conclusion, secret):
        """A draft in the editor's section naming 21-KL/TW and, chosen by a keeper, 09-BC/ĐU."""
        return make_report(editor.section, documents=[conclusion, secret], publish_it=False)

    def test_a_withheld_document_chosen_by_a_keeper_is_named_neutrally(
        self, client, editor, report, conclusion, secret
    ):
        response = signed_in(client, editor.user).get(edit_url(report))
        assert response.status_code == 200
        assert chosen_documents(response) == [
            {"id": conclusion.pk, "string": "Kết luận 21-KL/TW", "edit_url": ANY_URL},
            {"id": secret.pk, "string": WITHHELD_LABEL_VI, "edit_url": None},
        ]
        assert_hides_withheld(response)

    def test_a_keeper_sees_the_document(self, client, keeper, conclusion, secret):
        report = make_report(keeper.section, documents=[secret], publish_it=False)
        response = signed_in(client, keeper.user).get(edit_url(report))
        assert [state["string"] for state in chosen_documents(response)] == ["Báo cáo 09-BC/ĐU"]

    def test_saving_keeps_the_keepers_choice(self, client, editor, report, conclusion, secret):
        documents = streamfield([("document", conclusion.pk), ("document", secret.pk)])
        response = signed_in(client, editor.user).post(
            edit_url(report), report_form_data(report, documents=documents)
        )
        assert response.status_code == 302
        saved = report.get_latest_revision_as_object()
        assert [block.value for block in saved.documents] == [conclusion, secret]

    @pytest.mark.parametrize("name", ["secret", "internal"])
    def test_an_editor_cannot_choose_a_withheld_document_by_its_id(
        self, client, editor, documents, name
    ):
        report = make_report(editor.section, documents=[documents["public"]], publish_it=False)
        revisions = report.revisions.count()
        chosen = streamfield(
            [("document", documents["public"].pk), ("document", documents[name].pk)]
        )
        response = signed_in(client, editor.user).post(
            edit_url(report), report_form_data(report, documents=chosen)
        )
        assert response.status_code == 200
        assert response.context["form"].errors["documents"] == [
            "Hãy chọn văn bản từ danh mục văn bản."
        ]
        assert report.revisions.count() == revisions
        assert_hides_withheld(response)

    def test_nor_a_withheld_translation_by_its_id(self, client, editor, conclusion, secret):
        english = translate(secret, Locale.objects.get(language_code="en"), str.upper)
        report = make_report(editor.section, publish_it=False)
        chosen = streamfield([("document", english.pk)])
        response = signed_in(client, editor.user).post(
            edit_url(report), report_form_data(report, documents=chosen)
        )
        assert response.context["form"].errors["documents"] == [
            "Hãy chọn văn bản từ danh mục văn bản."
        ]
        assert not report.revisions.exists()

    def test_publishing_is_refused_without_naming_the_document(
        self, client, editor, report, conclusion, secret
    ):
        documents = streamfield([("document", conclusion.pk), ("document", secret.pk)])
        data = report_form_data(report, documents=documents)
        data["action-publish"] = "action-publish"
        response = signed_in(client, editor.user).post(edit_url(report), data)
        assert response.status_code == 200
        [message] = response.context["form"].errors["documents"]
        assert message.startswith("Một văn bản được chọn ở đây là văn bản mật")
        assert_hides_withheld(response)
        report.refresh_from_db()
        assert not report.live

    def test_a_symbol_the_editor_wrote_is_named_by_that_symbol_only(
        self, client, editor, conclusion, secret
    ):
        report = make_report(editor.section, publish_it=False)
        data = report_form_data(report, summary="Căn cứ 09-BC/ĐU.")
        data["action-publish"] = "action-publish"
        response = signed_in(client, editor.user).post(edit_url(report), data)
        [message] = response.context["form"].errors["summary"]
        assert message.startswith("09-BC/ĐU là văn bản mật")
        assert "Báo cáo 09-BC" not in response.content.decode()
        assert "Báo cáo mật" not in response.content.decode()

    def test_the_revision_comparison_names_it_neutrally(
        self, client, editor, report, conclusion, secret
    ):
        first = report.save_revision()
        report.documents = [("document", conclusion)]
        second = report.save_revision()
        url = reverse("wagtailadmin_pages:revisions_compare", args=[report.pk, first.pk, second.pk])
        response = signed_in(client, editor.user).get(url)
        assert response.status_code == 200
        assert WITHHELD_LABEL_VI in response.content.decode()
        assert_hides_withheld(response)


# wagtail-localize -------------------------------------------------------------------------


def submit_url(document, model_name="partydocument"):
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["wagtail_dangvu", "partydocument", document.pk],
    ).replace("/partydocument/", f"/{model_name}/")


@pytest.fixture
def english_secret(secret, locale_en):
    """09-BC/ĐU translated into English by a keeper (its source and translation exist)."""
    return translate(secret, locale_en, lambda text: f"[en] {text}")


@pytest.fixture
def english_conclusion(conclusion, locale_en):
    return translate(conclusion, locale_en, lambda text: f"[en] {text}")


def translation_of(document, locale):
    return Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(document), target_locale=locale
    )


class TestLocalize:
    @pytest.mark.parametrize("model_name", ["partydocument", "PartyDocument"])
    def test_translate_is_a_404_and_creates_nothing(
        self, client, editor, documents, locale_en, model_name
    ):
        signed_in(client, editor.user)
        for name in ("secret", "internal"):
            url = submit_url(documents[name], model_name)
            assert client.get(url).status_code == 404
            response = client.post(url, {"locales": [locale_en.pk]})
            assert response.status_code == 404
        assert not PartyDocument.objects.filter(locale=locale_en).exists()
        assert not TranslationSource.objects.exists()

    def test_a_public_entry_is_translated_as_before(self, client, editor, documents, locale_en):
        signed_in(client, editor.user)
        url = submit_url(documents["public"])
        assert client.get(url).status_code == 200
        assert client.post(url, {"locales": [locale_en.pk]}).status_code == 302
        assert PartyDocument.objects.filter(locale=locale_en, symbol="21-KL/TW").exists()

    @pytest.mark.parametrize("pk", HOSTILE_IDS)
    def test_a_hostile_id_is_a_404(self, client, editor, documents, pk):
        url = submit_url(documents["public"]).replace(f"/{documents['public'].pk}/", f"/{pk}/")
        assert signed_in(client, editor.user).get(url).status_code == 404

    def test_a_keeper_translates_a_withheld_entry(self, client, keeper, documents, locale_en):
        signed_in(client, keeper.user)
        response = client.get(submit_url(documents["secret"]))
        assert response.status_code == 200
        assert "09-BC/ĐU" in response.content.decode()

    def test_sync_translations_is_a_404(
        self, client, editor, keeper, english_secret, english_conclusion, secret, conclusion
    ):
        hidden = TranslationSource.objects.get_for_instance(secret)
        url = reverse("wagtail_localize:update_translations", args=[hidden.pk])
        signed_in(client, editor.user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"publish_translations": "on"}).status_code == 404
        shown = TranslationSource.objects.get_for_instance(conclusion)
        public = client.get(reverse("wagtail_localize:update_translations", args=[shown.pk]))
        assert public.status_code == 200
        assert "21-KL/TW" in public.content.decode()
        assert signed_in(client, keeper.user).get(url).status_code == 200

    def test_the_translation_editors_endpoints_are_404s(
        self, client, adder, keeper, english_secret, english_conclusion, secret, conclusion
    ):
        """The user who may add entries passes wagtail-localize's own permission check."""
        locale = english_secret.locale
        hidden = translation_of(secret, locale)
        segment = StringSegment.objects.filter(source=hidden.source).first()
        signed_in(client, adder)
        gets = ["download_pofile", "preview_translation"]
        posts = ["stop_translation", "upload_pofile", "machine_translate"]
        for name in gets + posts:
            url = reverse(f"wagtail_localize:{name}", args=[hidden.pk])
            response = client.post(url) if name in posts else client.get(url)
            assert response.status_code == 404, name
            assert_hides_withheld(response)
        url = reverse("wagtail_localize:edit_string_translation", args=[hidden.pk, segment.pk])
        assert client.post(url, {"value": "leaked?"}).status_code == 404
        assert not StringTranslation.objects.filter(data="leaked?").exists()
        hidden.refresh_from_db()
        assert hidden.enabled
        # The same user downloads a public entry's strings; a keeper downloads both.
        shown = translation_of(conclusion, locale)
        pofile = client.get(reverse("wagtail_localize:download_pofile", args=[shown.pk]))
        assert pofile.status_code == 200 and "Ban Chấp hành" in pofile.content.decode()
        signed_in(client, keeper.user)
        pofile = client.get(reverse("wagtail_localize:download_pofile", args=[hidden.pk]))
        assert pofile.status_code == 200 and "Báo cáo mật" in pofile.content.decode()

    def test_the_snippets_api_lists_and_returns_public_entries_only(
        self, client, editor, keeper, documents
    ):
        listing = reverse(
            "wagtail_localize:snippets_api_listing", args=["wagtail_dangvu", "partydocument"]
        )
        signed_in(client, editor.user)
        response = client.get(listing)
        assert response.status_code == 200
        assert "Kết luận 21-KL/TW" in text_of(response)
        assert_hides_withheld(response)
        for name in ("secret", "internal"):
            detail = reverse(
                "wagtail_localize:snippets_api_detail",
                args=["wagtail_dangvu", "partydocument", documents[name].pk],
            )
            assert client.get(detail).status_code == 404
        assert "09-BC/ĐU" in text_of(signed_in(client, keeper.user).get(listing))

    def test_the_translations_report_leaves_withheld_entries_out(
        self, client, editor, keeper, english_secret, english_conclusion
    ):
        signed_in(client, editor.user)
        for name in ("translations_report", "translations_report_results"):
            response = client.get(reverse(f"wagtail_localize:{name}"))
            assert response.status_code == 200
            assert "21-KL/TW" in response.content.decode()
            assert_hides_withheld(response)
        response = client.get(
            reverse("wagtail_localize:translations_report"), {"source_title": "09"}
        )
        assert_hides_withheld(response)
        keeper_view = signed_in(client, keeper.user).get(
            reverse("wagtail_localize:translations_report")
        )
        assert "09-BC/ĐU" in keeper_view.content.decode()

    def test_a_pages_translation_editor_names_withheld_entries_neutrally(
        self, client, editor, keeper, conclusion, secret, locale_en
    ):
        report = make_report(editor.section, documents=[conclusion, secret], publish_it=False)
        english = translate(report, locale_en, lambda text: f"[en] {text}")
        grant_pages(editor.user, english.get_parent())
        response = signed_in(client, editor.user).get(edit_url(english))
        assert response.status_code == 200
        text = html.unescape(response.content.decode())
        assert "21-KL/TW" in text
        assert_hides_withheld(response)
        # The editor's own language is Vietnamese; the label is in it, JSON-escaped.
        assert json.dumps(WITHHELD_LABEL_VI) in text

    def test_a_keeper_sees_them_in_the_translation_editor(
        self, client, keeper, conclusion, secret, locale_en
    ):
        report = make_report(keeper.section, documents=[secret], publish_it=False)
        english = translate(report, locale_en, lambda text: f"[en] {text}")
        grant_pages(keeper.user, english.get_parent())
        response = signed_in(client, keeper.user).get(edit_url(english))
        assert "09-BC" in html.unescape(response.content.decode())


# Reports, dashboard and search ------------------------------------------------------------


class TestOtherSurfaces:
    def test_site_history_dashboard_and_search_never_name_a_withheld_entry(
        self, client, editor, keeper, documents
    ):
        for name in ("secret", "internal"):
            log(documents[name], "wagtail.edit", user=keeper.user)
        signed_in(client, editor.user)
        for url, params in (
            (reverse("wagtailadmin_reports:site_history"), {}),
            (reverse("wagtailadmin_reports:site_history_results"), {}),
            (reverse("wagtailadmin_home"), {}),
            (reverse("wagtailadmin_pages:search"), {"q": "BC/ĐU"}),
            (reverse("wagtailsnippets:index"), {}),
        ):
            response = client.get(url, params)
            assert response.status_code in (200, 302), url
            assert_hides_withheld(response)
        history = signed_in(client, keeper.user).get(reverse("wagtailadmin_reports:site_history"))
        assert "09-BC/ĐU" in history.content.decode()
