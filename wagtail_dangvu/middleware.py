"""Middleware of the app."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.utils import get_valid_next_url_from_request

from wagtail_dangvu.documents.actions import PublishingRefused


class PublishingRefusedMiddleware:
    """Tells the person who asked why a page was not published, where Wagtail cannot.

    Some of Wagtail's admin views publish with no place for an app to answer a refusal:
    above all the workflow action of the dashboard and of the page listing (a moderator's
    "Approve"). The refusal (:class:`~wagtail_dangvu.documents.actions.PublishingRefused`) has
    rolled back the approval's transaction by the time it reaches here, so the task is
    still in progress; the moderator is sent back (to ``next``, or to the page's editor)
    with the message, instead of a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishingRefused):
            return None
        messages.error(request, exception.notice)
        url = get_valid_next_url_from_request(request) or (
            reverse("wagtailadmin_pages:edit", args=[exception.page.pk])
            if exception.page.pk
            else reverse("wagtailadmin_home")
        )
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's modal workflows ("Approve with comment") go where they are told.
            return render_modal_workflow(
                request, None, None, None, json_data={"step": "success", "redirect": url}
            )
        return redirect(url)
