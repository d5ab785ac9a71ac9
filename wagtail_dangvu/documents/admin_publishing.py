"""The confidentiality gate on the admin's ways of publishing, told to the person who asked.

The gate itself is in the publish and copy actions (:mod:`wagtail_dangvu.documents.actions`); here
Wagtail's admin views that publish are given a way to say no: bulk publish reports the
pages it could not publish and publishes the others, copying with "publish copies"
refuses before anything is copied, and the admin API's publish and copy actions answer
400 with the message. The workflow action of the dashboard is left to
:class:`~wagtail_dangvu.middleware.PublishingRefusedMiddleware`. They are registered in
``wagtail_hooks.py``.
"""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.admin.api.actions.copy import CopyPageAPIAction
from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction

from wagtail_dangvu.compat import PAGE_MODEL
from wagtail_dangvu.documents.actions import (
    GatedCopyPageAction,
    GatedPublishPageRevisionAction,
    PublishingRefused,
    acting_user,
    check_live_copies,
)

# Bulk publish ---------------------------------------------------------------------------


class GatedPublishBulkAction(PublishBulkAction):
    """Wagtail's bulk publish, one page at a time: a refused page is reported, the others go
    live. Each page is published in a savepoint, so a refused one leaves nothing behind
    (not even the revision made for a page that had none)."""

    def form_valid(self, form):
        self.refusals = []
        response = super().form_valid(form)
        for refusal in self.refusals:
            messages.error(self.request, refusal.notice)
        return response

    def get_execution_context(self):
        return {**super().get_execution_context(), "refusals": self.refusals}

    def get_success_message(self, num_parent_objects, num_child_objects):
        if not num_parent_objects and not num_child_objects:
            return None  # every page was refused: the refusals say so
        return super().get_success_message(num_parent_objects, num_child_objects)

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, refusals=None, **kw):
        refusals = [] if refusals is None else refusals
        num_parent_objects, num_child_objects = 0, 0
        for page in objects:
            num_parent_objects += cls.publish_one(page, user, refusals)
            if not include_descendants:
                continue
            drafts = page.get_descendants().not_live().defer_streamfields().specific()
            for draft in drafts.iterator():
                if user is None or draft.permissions_for_user(user).can_publish():
                    num_child_objects += cls.publish_one(draft, user, refusals)
        return num_parent_objects, num_child_objects

    @staticmethod
    def publish_one(page, user, refusals) -> bool:
        try:
            with transaction.atomic():
                revision = page.get_latest_revision() or page.specific.save_revision(user=user)
                revision.publish(user=user)
        except PublishingRefused as refusal:
            refusals.append(refusal)
            return False
        return True


# Copy -------------------------------------------------------------------------------------


def _posted_parent(request, page):
    try:
        parent_id = int(request.POST.get("new_parent_page", ""))
    except ValueError:
        return page.get_parent()
    parent = apps.get_model(PAGE_MODEL).objects.filter(pk=parent_id).first()
    return parent or page.get_parent()


def refuse_withheld_copies(request, page):
    """``before_copy_page``: a copy kept live is refused before anything is copied.

    Wagtail's copy view publishes the copies of live pages when "publish copies" is
    ticked and the user may publish under the new parent; their content is the live
    content of the pages copied, and the copy's new title.
    """
    if request.method != "POST":
        return None
    ticked = forms.CheckboxInput().value_from_datadict
    if not ticked(request.POST, {}, "publish_copies") or ticked(request.POST, {}, "alias"):
        return None
    parent = _posted_parent(request, page)
    if parent is None or not parent.permissions_for_user(request.user).can_publish_subpage():
        return None  # the copies would be drafts
    update_attrs = {"title": request.POST["new_title"]} if request.POST.get("new_title") else {}
    try:
        with acting_user(request.user):
            check_live_copies(
                page,
                recursive=ticked(request.POST, {}, "copy_subpages"),
                update_attrs=update_attrs,
            )
    except PublishingRefused as refusal:
        messages.error(
            request,
            gettext(
                "Nothing was copied, because the copy of '%(title)s' would be published: %(reason)s"
            )
            % {"title": refusal.page.get_admin_display_title(), "reason": refusal.text},
        )
        url = reverse("wagtailadmin_pages:copy", args=[page.pk])
        if next_url := get_valid_next_url_from_request(request):
            url += "?" + urlencode({"next": next_url})
        return redirect(url)
    return None


# The admin API ------------------------------------------------------------------------------


class GatedPublishPageAPIAction(PublishPageAPIAction):
    def _action_from_data(self, instance, data):
        user = self.request.user
        revision = instance.get_latest_revision() or instance.save_revision(user=user)
        return GatedPublishPageRevisionAction(revision, user=user)


class GatedCopyPageAPIAction(CopyPageAPIAction):
    def _action_from_data(self, instance, data):
        action = super()._action_from_data(instance, data)
        return GatedCopyPageAction(
            page=action.page,
            to=action.to,
            recursive=action.recursive,
            keep_live=action.keep_live,
            update_attrs=action.update_attrs,
            user=action.user,
        )


class GatedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's pages endpoint, whose publish and copy actions keep the gate
    (a refusal is a ``ValidationError``: the endpoint answers 400 with the message)."""

    actions = {
        **PagesAdminAPIViewSet.actions,
        "publish": GatedPublishPageAPIAction,
        "copy": GatedCopyPageAPIAction,
    }
