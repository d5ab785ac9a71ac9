"""The confidentiality gate on every way a page goes live (issue #17.2).

A page naming 09-BC/ĐU (marked Mật) is refused with the editor's message through each of
Wagtail's own views, APIs and commands, with nothing published and nothing half-done; the
same page naming only public documents goes live through each of them.
"""

import datetime
import importlib.util
import logging

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import streamfield

from tests.factories import make_document, make_report, make_report_index, report_form_data
from wagtail_dangvu.documents.actions import PublishingRefused
from wagtail_dangvu.documents.models import may_see_withheld
from wagtail_dangvu.models import DirectiveReportPage, DocumentMention, SecrecyLevel

pytestmark = pytest.mark.django_db

API_V3 = importlib.util.find_spec("wagtail.api.v3") is not None
needs_api_v3 = pytest.mark.skipif(not API_V3, reason="Wagtail's API v3 arrives with Wagtail 8")

REFUSAL = "09-BC/ĐU là văn bản mật hoặc lưu hành nội bộ nên không được đăng công khai"
CHOSEN_REFUSAL = "Một văn bản được chọn ở đây là văn bản mật hoặc lưu hành nội bộ"


def refusal(user):
    """What ``user`` is told of a withheld document chosen on the page: the register's
    keepers learn which it is; anyone else only that such a document was chosen."""
    return REFUSAL if may_see_withheld(user) else CHOSEN_REFUSAL


@pytest.fixture
def index(home):
    return make_report_index(home)


def user_in(django_user_model, group):
    user = django_user_model.objects.create_user(
        username=group.lower(), email=f"{group.lower()}@example.com", password="x"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def moderator(django_user_model):
    """Wagtail's Moderators group: publishes, and approves in the default workflow."""
    return user_in(django_user_model, "Moderators")


@pytest.fixture
def editor(django_user_model):
    """Wagtail's Editors group: adds and edits pages, never publishes."""
    return user_in(django_user_model, "Editors")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture(params=["superuser", "moderator"])
def publisher(request, admin_user, moderator):
    return admin_user if request.param == "superuser" else moderator


def draft_naming(index, document, **fields):
    """A draft report that links ``document``, with a revision, as editors leave them."""
    report = make_report(index, documents=[document], publish_it=False, **fields)
    report.save_revision()
    return report


def live_naming(index, document, **fields):
    """A live report that links ``document``: it was public when the report went live, and
    is withheld now (a page naming a withheld document can only be live that way)."""
    withheld_as = (document.secrecy, document.circulation)
    document.secrecy = SecrecyLevel.NORMAL
    document.circulation = "public"
    document.save()
    report = make_report(index, documents=[document], **fields)
    document.secrecy, document.circulation = withheld_as
    document.save()
    return report


def notices(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def edit_data(page, document, **overrides):
    """The editor's form for a report ``page`` that chose ``document``."""
    return report_form_data(page, documents=streamfield([("document", document.pk)]), **overrides)


def form_errors(response):
    return [str(e) for errors in response.context["form"].errors.values() for e in errors]


# revision.publish() in code ---------------------------------------------------------------


class TestCode:
    @pytest.fixture(autouse=True)
    def vietnamese(self):
        """Outside a request, the message is in the active language."""
        with translation.override("vi"):
            yield

    def test_publishing_a_revision_is_refused_and_writes_nothing(self, index, secret):
        report = draft_naming(index, secret)
        with pytest.raises(PublishingRefused) as refusal:
            report.get_latest_revision().publish()
        assert REFUSAL in refusal.value.message_dict["documents"][0]
        report.refresh_from_db()
        assert not report.live and report.live_revision is None
        assert not PageLogEntry.objects.filter(page=report, action="wagtail.publish").exists()
        assert not DocumentMention.objects.filter(page=report).exists()

    def test_scheduling_is_refused_too(self, index, secret):
        report = draft_naming(index, secret)
        report.go_live_at = timezone.now() + datetime.timedelta(days=1)
        revision = report.save_revision()
        with pytest.raises(PublishingRefused):
            revision.publish()
        assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()

    def test_an_internal_document_written_in_the_title_is_refused(self, index):
        make_document("15-TB/ĐU", type_name="Thông báo", circulation="internal")
        report = make_report(index, title="Thực hiện Thông báo 15-TB/ĐU", publish_it=False)
        with pytest.raises(PublishingRefused) as refusal:
            report.save_revision().publish()
        assert "15-TB/ĐU" in refusal.value.message_dict["title"][0]

    def test_a_page_naming_public_documents_is_published(self, index, conclusion):
        report = draft_naming(index, conclusion)
        report.get_latest_revision().publish()
        assert is_live(report)
        assert DocumentMention.objects.filter(page=report, symbol="21-KL/TW").exists()

    def test_copying_with_live_copies_is_refused_and_drafts_are_not(self, index, secret):
        report = live_naming(index, secret)
        pages = Page.objects.count()
        with pytest.raises(PublishingRefused):
            report.copy(update_attrs={"slug": "ban-sao"})
        assert Page.objects.count() == pages
        copy = report.copy(update_attrs={"slug": "ban-sao"}, keep_live=False)
        assert not copy.live

    def test_unpublishing_is_never_blocked(self, index, secret):
        report = live_naming(index, secret)
        report.unpublish()
        assert not is_live(report)


# The page editor, and revert to a revision --------------------------------------------------


class TestEditor:
    def test_publishing_is_refused_on_the_field(self, publisher, index, secret):
        report = draft_naming(index, secret)
        data = edit_data(report, secret)
        data["action-publish"] = "action-publish"
        response = client_for(publisher).post(
            reverse("wagtailadmin_pages:edit", args=[report.pk]), data
        )
        assert response.status_code == 200
        assert refusal(publisher) in response.context["form"].errors["documents"][0]
        assert not is_live(report)

    def test_a_plain_editor_saves_a_draft_and_submits_it_for_moderation(
        self, editor, index, secret
    ):
        report = draft_naming(index, secret)
        client = client_for(editor)
        url = reverse("wagtailadmin_pages:edit", args=[report.pk])
        assert client.post(url, edit_data(report, secret)).status_code == 302
        data = edit_data(report, secret)
        data["action-submit"] = "action-submit"
        assert client.post(url, data).status_code == 302
        report.refresh_from_db()
        assert report.workflow_in_progress and not report.live

    def test_revert_to_a_revision_and_publish_is_refused(self, publisher, index, secret):
        report = live_naming(index, secret)  # its old revision names 09-BC/ĐU
        old = report.live_revision
        clean = make_document("21-KL/TW", term="XIII")
        report.documents = [("document", clean)]
        report.save_revision().publish()
        report.refresh_from_db()
        live = report.live_revision
        url = reverse("wagtailadmin_pages:revisions_revert", args=[report.pk, old.pk])
        client = client_for(publisher)
        assert client.get(url).status_code == 200
        data = edit_data(report, secret)
        data["action-publish"] = "action-publish"
        response = client.post(url, data)
        assert response.status_code == 200
        assert refusal(publisher) in response.context["form"].errors["documents"][0]
        report.refresh_from_db()
        assert report.live_revision == live

    def test_revert_to_a_clean_revision_and_publish_works(self, publisher, index, conclusion):
        report = make_report(index, title="Báo cáo sơ kết", documents=[conclusion])
        old = report.live_revision
        report.title = "Báo cáo sửa đổi"
        report.save_revision().publish()
        url = reverse("wagtailadmin_pages:revisions_revert", args=[report.pk, old.pk])
        data = edit_data(report, conclusion, title="Báo cáo sơ kết")
        data["action-publish"] = "action-publish"
        assert client_for(publisher).post(url, data).status_code == 302
        report.refresh_from_db()
        assert report.live and report.title == "Báo cáo sơ kết"


# Workflow: a moderator's approval ----------------------------------------------------------


@pytest.fixture
def submitted(index, editor, request):
    """A report submitted for moderation by a plain editor, naming the document asked for."""
    document = request.getfixturevalue(request.param)
    report = draft_naming(index, document)
    report.get_workflow().start(report, editor)
    report.refresh_from_db()
    return report


def task_state_of(report):
    return TaskState.objects.get(workflow_state__object_id=str(report.pk))


class TestWorkflow:
    @pytest.mark.parametrize("submitted", ["secret"], indirect=True)
    def test_approving_from_the_dashboard_is_refused_and_the_task_stays(self, publisher, submitted):
        task_state = submitted.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk]
        )
        response = client_for(publisher).post(url, {"next": reverse("wagtailadmin_home")})
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert any(
            refusal(publisher) in notice and submitted.title in notice
            for notice in notices(response)
        )
        assert not is_live(submitted)
        assert task_state_of(submitted).status == TaskState.STATUS_IN_PROGRESS
        assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS

    @pytest.mark.parametrize("submitted", ["secret"], indirect=True)
    def test_approving_with_a_comment_in_the_modal_is_refused(self, moderator, submitted):
        task_state = submitted.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk]
        )
        response = client_for(moderator).post(
            url, {"comment": "Đồng ý"}, headers={"x-requested-with": "XMLHttpRequest"}
        )
        assert response.status_code == 200
        assert response.json() == {
            "step": "success",
            "redirect": reverse("wagtailadmin_pages:edit", args=[submitted.pk]),
        }
        assert any(refusal(moderator) in notice for notice in notices(response))
        assert task_state_of(submitted).status == TaskState.STATUS_IN_PROGRESS
        assert not is_live(submitted)

    @pytest.mark.parametrize("submitted", ["secret"], indirect=True)
    def test_approving_in_the_editor_is_refused_on_the_field(self, publisher, submitted, secret):
        data = edit_data(submitted, secret)
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        response = client_for(publisher).post(
            reverse("wagtailadmin_pages:edit", args=[submitted.pk]), data
        )
        assert response.status_code == 200
        assert refusal(publisher) in response.context["form"].errors["documents"][0]
        assert task_state_of(submitted).status == TaskState.STATUS_IN_PROGRESS
        assert not is_live(submitted)

    @pytest.mark.parametrize("submitted", ["secret"], indirect=True)
    def test_rejecting_in_the_editor_is_not_blocked(self, moderator, submitted, secret):
        data = edit_data(submitted, secret)
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "reject"
        response = client_for(moderator).post(
            reverse("wagtailadmin_pages:edit", args=[submitted.pk]), data
        )
        assert response.status_code == 302
        assert task_state_of(submitted).status == TaskState.STATUS_REJECTED

    @pytest.mark.parametrize("submitted", ["conclusion"], indirect=True)
    def test_approving_a_clean_page_publishes_it(self, publisher, submitted):
        task_state = submitted.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk]
        )
        assert client_for(publisher).post(url).status_code == 302
        assert is_live(submitted)
        assert task_state_of(submitted).status == TaskState.STATUS_APPROVED

    @pytest.mark.parametrize("submitted", ["conclusion"], indirect=True)
    def test_approving_a_clean_page_in_the_editor_publishes_it(
        self, moderator, submitted, conclusion
    ):
        data = edit_data(submitted, conclusion)
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        response = client_for(moderator).post(
            reverse("wagtailadmin_pages:edit", args=[submitted.pk]), data
        )
        assert response.status_code == 302
        assert is_live(submitted)


# Bulk publish from the page listing ------------------------------------------------------


def bulk_publish(client, pages, **data):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    query = "&".join(f"id={page.pk}" for page in pages)
    return client.post(f"{url}?{query}", data)


class TestBulkPublish:
    def test_reports_the_refused_page_and_publishes_the_others(
        self, publisher, index, secret, conclusion
    ):
        refused = draft_naming(index, secret, title="Báo cáo có văn bản mật")
        clean = draft_naming(index, conclusion)
        never_saved = make_report(index, documents=[secret], publish_it=False)
        response = bulk_publish(client_for(publisher), [refused, clean, never_saved])
        assert response.status_code == 302
        assert is_live(clean)
        assert not is_live(refused) and not is_live(never_saved)
        # The revision Wagtail makes for a page that had none is rolled back with it.
        assert not never_saved.revisions.exists()
        errors = [n for n in notices(response) if refusal(publisher) in n]
        assert len(errors) == 2
        assert any("Báo cáo có văn bản mật" in n and "chưa được xuất bản" in n for n in errors)

    def test_refused_drafts_below_are_reported_too(self, publisher, index, secret, conclusion):
        section = make_report_index(index, slug="chuyen-muc")
        section.unpublish()
        refused = draft_naming(section, secret)
        clean = draft_naming(section, conclusion)
        response = bulk_publish(client_for(publisher), [section], include_descendants="on")
        assert response.status_code == 302
        assert is_live(section) and is_live(clean) and not is_live(refused)
        assert any(refusal(publisher) in n for n in notices(response))

    def test_when_every_page_is_refused_nothing_claims_success(self, publisher, index, secret):
        refused = draft_naming(index, secret)
        response = bulk_publish(client_for(publisher), [refused])
        assert response.status_code == 302
        messages = list(get_messages(response.wsgi_request))
        assert [m.level_tag for m in messages] == ["error"]
        assert not is_live(refused)


# Copy with "publish copies" ------------------------------------------------------------


def copy_page(client, page, parent, **data):
    data.setdefault("new_title", "Bản sao")
    data.setdefault("new_slug", "ban-sao")
    data["new_parent_page"] = parent.pk
    return client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), data)


class TestCopy:
    def test_publishing_the_copy_is_refused_and_nothing_is_copied(self, publisher, index, secret):
        report = live_naming(index, secret)
        pages = Page.objects.count()
        response = copy_page(client_for(publisher), report, index, publish_copies="on")
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_pages:copy", args=[report.pk])
        assert any(
            refusal(publisher) in n and "Không sao chép trang nào" in n for n in notices(response)
        )
        assert Page.objects.count() == pages

    def test_a_classified_symbol_in_the_new_title_is_refused(self, publisher, index, conclusion):
        make_document("09-BC/ĐU", type_name="Báo cáo", secrecy=SecrecyLevel.SECRET)
        report = make_report(index, documents=[conclusion])
        pages = Page.objects.count()
        response = copy_page(
            client_for(publisher),
            report,
            index,
            new_title="Theo Báo cáo 09-BC/ĐU",
            publish_copies="on",
        )
        assert any(REFUSAL in n for n in notices(response))
        assert Page.objects.count() == pages

    def test_a_live_subpage_naming_a_withheld_document_stops_the_copy(
        self, publisher, home, index, secret
    ):
        live_naming(index, secret)
        pages = Page.objects.count()
        response = copy_page(
            client_for(publisher),
            index,
            home,
            new_slug="bao-cao-2",
            copy_subpages="on",
            publish_copies="on",
        )
        assert any(refusal(publisher) in n for n in notices(response))
        assert Page.objects.count() == pages

    def test_copying_as_a_draft_is_not_blocked(self, publisher, index, secret):
        report = live_naming(index, secret)
        response = copy_page(client_for(publisher), report, index)
        assert response.status_code == 302
        copy = DirectiveReportPage.objects.get(slug="ban-sao")
        assert not copy.live

    def test_a_clean_page_is_copied_and_published(self, publisher, index, conclusion):
        report = make_report(index, documents=[conclusion])
        response = copy_page(client_for(publisher), report, index, publish_copies="on")
        assert response.status_code == 302
        assert DirectiveReportPage.objects.get(slug="ban-sao").live

    def test_an_unreadable_parent_still_meets_the_gate(self, admin_client, index, secret):
        report = live_naming(index, secret)
        pages = Page.objects.count()
        for parent in ("abc", "", "-1", "99999999"):
            data = {"new_title": "x", "new_slug": "x", "new_parent_page": parent}
            data["publish_copies"] = "on"
            response = admin_client.post(reverse("wagtailadmin_pages:copy", args=[report.pk]), data)
            assert response.status_code == 302
            assert any(REFUSAL in n for n in notices(response))
        assert Page.objects.count() == pages


# Scheduled publishing ------------------------------------------------------------------


def come_due(page, minutes_ago):
    """Move a page's scheduled publication into the past, as time passing would."""
    revision = page.revisions.get(approved_go_live_at__isnull=False)
    due = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    revision.content["go_live_at"] = due.isoformat()
    revision.approved_go_live_at = due
    revision.save(update_fields=["content", "approved_go_live_at"])


class TestScheduledPublishing:
    def test_the_command_skips_a_refused_page_with_a_reason_and_publishes_the_rest(
        self, index, secret, conclusion, caplog
    ):
        go_live_at = timezone.now() + datetime.timedelta(hours=1)
        # Scheduled while 09-BC/ĐU was public; classified before the time came.
        secret.secrecy = SecrecyLevel.NORMAL
        secret.save()
        first = draft_naming(index, conclusion, go_live_at=go_live_at)
        refused = draft_naming(index, secret, go_live_at=go_live_at)
        last = draft_naming(index, conclusion, go_live_at=go_live_at)
        for report in (first, refused, last):
            report.get_latest_revision().publish()
        assert Revision.objects.filter(approved_go_live_at__isnull=False).count() == 3
        secret.secrecy = SecrecyLevel.SECRET
        secret.save()
        come_due(first, minutes_ago=3)
        come_due(refused, minutes_ago=2)
        come_due(last, minutes_ago=1)
        with caplog.at_level(logging.WARNING, logger="wagtail_dangvu"):
            call_command("publish_scheduled")
        assert is_live(first) and is_live(last)
        assert not is_live(refused)
        (record,) = [r for r in caplog.records if r.name.startswith("wagtail_dangvu")]
        assert "Scheduled publication skipped" in record.getMessage()
        assert "09-BC/ĐU" in record.getMessage() and str(refused.pk) in record.getMessage()
        # It stays scheduled: it goes live once the page no longer names the document.
        assert refused.revisions.filter(approved_go_live_at__isnull=False).exists()

    def test_scheduling_in_the_editor_is_refused(self, publisher, index, secret):
        report = draft_naming(index, secret)
        data = edit_data(report, secret, go_live_at="2099-01-01 08:00")
        data["action-publish"] = "action-publish"
        response = client_for(publisher).post(
            reverse("wagtailadmin_pages:edit", args=[report.pk]), data
        )
        assert response.status_code == 200
        assert any(refusal(publisher) in e for e in form_errors(response))
        assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


# Wagtail's APIs ---------------------------------------------------------------------------


def api_v3(user):
    from wagtail.models import APIToken

    _token, plaintext = APIToken.create_token(user=user, name="gate")
    return Client(headers={"authorization": f"Bearer {plaintext}"})


@needs_api_v3
class TestAPIv3:
    def test_publish_action_answers_422_with_the_message(self, publisher, index, secret):
        report = draft_naming(index, secret)
        response = api_v3(publisher).post(f"/api/v3/pages/{report.pk}/actions/publish/")
        assert response.status_code == 422
        assert response["Content-Type"] == "application/problem+json"
        assert any(refusal(publisher) in error["msg"] for error in response.json()["errors"])
        assert not is_live(report)

    def test_publish_action_publishes_a_clean_page(self, publisher, index, conclusion):
        report = draft_naming(index, conclusion)
        response = api_v3(publisher).post(f"/api/v3/pages/{report.pk}/actions/publish/")
        assert response.status_code == 200
        assert response.json()["id"] == report.pk
        assert is_live(report)

    @pytest.mark.parametrize("title", ["Thực hiện Báo cáo 09-BC/ĐU", "Thực hiện Kết luận 21"])
    def test_editing_with_the_publish_action_is_refused_and_rolled_back(
        self, publisher, index, secret, title
    ):
        report = make_report(index, title="Báo cáo", publish_it=False)
        report.save_revision()
        revisions = report.revisions.count()
        response = api_v3(publisher).patch(
            f"/api/v3/pages/{report.pk}/",
            {"meta": {"type": "wagtail_dangvu.DirectiveReportPage", "action": "publish"}}
            | {"title": title},
            content_type="application/json",
        )
        report.refresh_from_db()
        if "09-BC" in title:
            assert response.status_code == 422
            assert any(REFUSAL in error["msg"] for error in response.json()["errors"])
            assert not report.live and report.title == "Báo cáo"
            assert report.revisions.count() == revisions
        else:
            assert response.status_code == 200
            assert report.live and report.title == title

    def test_copy_action_keeping_copies_live_is_refused(self, publisher, index, secret):
        report = live_naming(index, secret)
        pages = Page.objects.count()
        response = api_v3(publisher).post(
            f"/api/v3/pages/{report.pk}/actions/copy/",
            {"slug": "ban-sao"},
            content_type="application/json",
        )
        assert response.status_code == 422
        assert any(refusal(publisher) in error["msg"] for error in response.json()["errors"])
        assert Page.objects.count() == pages

    def test_a_plain_editor_cannot_publish_at_all(self, editor, index, conclusion):
        report = draft_naming(index, conclusion)
        response = api_v3(editor).post(f"/api/v3/pages/{report.pk}/actions/publish/")
        assert response.status_code == 403


class TestAdminAPI:
    def url(self, page, action):
        return f"/admin/api/main/pages/{page.pk}/action/{action}/"

    def test_publish_action_answers_400_with_the_message(self, publisher, index, secret):
        report = draft_naming(index, secret)
        response = client_for(publisher).post(self.url(report, "publish"))
        assert response.status_code == 400
        assert refusal(publisher) in response.json()["documents"][0]
        assert not is_live(report)

    def test_publish_action_publishes_a_clean_page(self, publisher, index, conclusion):
        report = draft_naming(index, conclusion)
        response = client_for(publisher).post(self.url(report, "publish"))
        assert response.status_code == 200
        assert is_live(report)

    def test_copy_action_keeping_copies_live_is_refused(self, admin_client, index, secret):
        report = live_naming(index, secret)
        pages = Page.objects.count()
        response = admin_client.post(
            self.url(report, "copy"), {"slug": "ban-sao"}, content_type="application/json"
        )
        assert response.status_code == 400
        assert REFUSAL in response.json()["documents"][0]
        assert Page.objects.count() == pages


# Setup --------------------------------------------------------------------------------------


def test_a_portal_without_the_middleware_is_warned():
    def ids():
        return {message.id for message in run_checks()}

    assert "wagtail_dangvu.W001" not in ids()
    from django.conf import settings

    middleware = [m for m in settings.MIDDLEWARE if "PublishingRefused" not in m]
    with override_settings(MIDDLEWARE=middleware):
        assert "wagtail_dangvu.W001" in ids()
