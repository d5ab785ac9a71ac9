"""Wagtail's publish and copy actions, with the confidentiality gate.

A page goes live in Wagtail in one of two ways: a revision is published
(``PublishPageRevisionAction``: the editor, a workflow's final approval, bulk publish,
scheduled publishing, the APIs, ``revision.publish()`` in code), or a live page is
copied with its copies kept live (``CopyPageAction``). The subclasses here ask every page
that keeps the gate (a page with ``check_publishable()``, see
:class:`~wagtail_dangvu.models.DangvuPage`) before anything is written, and refuse with
:class:`PublishingRefused`.

They are put to work by ``DangvuPage.publish()`` and ``DangvuPage.copy()`` (so every
``revision.publish()`` and ``page.copy()``), by Wagtail 8's action registry (the v3 API)
and by the admin API's page endpoint (both in ``wagtail_hooks.py``). The page editor
builds Wagtail's own action directly; there the editor's form refuses first.
"""

from __future__ import annotations

import copy
import logging
from contextlib import nullcontext

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction

from wagtail_dangvu.documents.viewer import viewing_as

logger = logging.getLogger(__name__)

# What Wagtail's ``publish_scheduled`` command passes as ``log_action``.
SCHEDULED_PUBLISH_LOG_ACTION = "wagtail.publish.scheduled"


class PublishingRefused(ValidationError):
    """A page names a withheld document, so it is not published, on any path.

    A ``ValidationError`` keyed by the field naming each document, so that forms show each
    message on its field, Wagtail's APIs answer 4xx with it, and transactions roll back.
    """

    def __init__(self, page, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.page = page
        #: Every message, as one line for a notice or a log.
        self.text = " ".join(dict.fromkeys(self.messages))
        #: For someone who asked to publish the page from outside its editor, worded now,
        #: in the language of the request that raised it.
        self.notice = gettext("'%(title)s' was not published: %(reason)s") % {
            "title": page.get_admin_display_title(),
            "reason": self.text,
        }


def acting_user(user):
    """Word refusals for ``user`` when a user acts; name documents fully otherwise."""
    return viewing_as(user) if user is not None else nullcontext()


def check_publishable(page) -> None:
    """Raise :class:`PublishingRefused` if ``page`` (the specific page) may not go live."""
    check = getattr(page, "check_publishable", None)
    if check is not None:
        check()


def check_live_copies(page, *, recursive=False, update_attrs=None) -> None:
    """Raise :class:`PublishingRefused` if a live copy of ``page`` would name a withheld document.

    Copying keeps live what is live: the page (with ``update_attrs``, e.g. a new title)
    and, when ``recursive``, each live page below it, as stored (their published content).
    """
    pages = [page]
    if recursive:
        pages.extend(page.get_descendants().live().specific())
    for each in pages:
        if not each.live:
            continue
        each = each.specific
        if each.pk == page.pk and update_attrs:
            each = copy.copy(each)  # the caller's instance keeps its own title
            for name, value in update_attrs.items():
                setattr(each, name, value)
        check_publishable(each)


class GatedPublishPageRevisionAction(PublishPageRevisionAction):
    """Publishes (or schedules) a revision, unless its content names a withheld document.

    Wagtail's ``publish_scheduled`` command publishes every due revision in one loop and
    stops at the first error; so a scheduled publication that is refused is logged and
    skipped instead, and the other pages still go live. It stays scheduled: it is tried
    again on the next run, and goes live once the page no longer names the document.
    """

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        with acting_user(self.user):
            check_publishable(self.object)

    def execute(self, skip_permission_checks=False):
        try:
            return super().execute(skip_permission_checks=skip_permission_checks)
        except PublishingRefused as refusal:
            if self.log_action != SCHEDULED_PUBLISH_LOG_ACTION:
                raise
            logger.warning(
                'Scheduled publication skipped: "%s" pk=%s revision_id=%s: %s',
                self.object,
                self.object.pk,
                self.revision.pk,
                refusal.text,
            )
            return None


class GatedCopyPageAction(CopyPageAction):
    """Copies pages, refusing before anything is copied when a live copy would be refused."""

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if self.keep_live:
            with acting_user(self.user):
                check_live_copies(
                    self.page, recursive=self.recursive, update_attrs=self.update_attrs
                )
