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
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from .document_files import exclude_withheld
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


class GatedDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Wagtail's ``/api/v2/documents/`` without the files of withheld register entries.

    Wagtail's endpoint lists every document with its title and download URL; this one
    leaves out those the register withholds (for everyone: an API is a public surface),
    whatever collection they are in. Their downloads are refused anyway by the
    ``before_serve_document`` hook. Mount it in place of Wagtail's::

        api_router.register_endpoint("documents", GatedDocumentsAPIViewSet)
    """

    def get_queryset(self):
        return exclude_withheld(super().get_queryset())
