"""Wagtail API (v2) endpoint for the documents register.

Pages need nothing here: each page type declares ``api_fields`` and Wagtail's pages
endpoint serves them. The register is a snippet, so it gets its own endpoint, which only
ever serves public documents::

    from wagtail.api.v2.router import WagtailAPIRouter
    from wagtail_dangvu.api import PartyDocumentsAPIViewSet

    api_router = WagtailAPIRouter("wagtailapi")
    api_router.register_endpoint("party-documents", PartyDocumentsAPIViewSet)
"""

from __future__ import annotations

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet

from .models import PartyDocument


class PartyDocumentsAPIViewSet(BaseAPIViewSet):
    """``/api/v2/party-documents/``: the public register, fields from ``api_fields``."""

    model = PartyDocument
    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "symbol",
        "type_name",
        "issue_date",
        "summary",
    ]
    name = "party_documents"

    def get_queryset(self):
        # The confidentiality gate: classified and internal documents do not exist here.
        return (
            PartyDocument.objects.public()
            .select_related("locale")
            .prefetch_related("implements")
            .order_by("-issue_date", "pk")
        )
