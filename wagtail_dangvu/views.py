"""Views of the app: the portal search, and the admin register's symbol-aware search."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView

from .conf import get_setting
from .models import DocumentRegisterPage
from .search import search_portal


class PartyDocumentIndexView(IndexView):
    """The register in the admin, searchable by a symbol in any written form."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.search(self.search_query)


def search_view(request):
    """The portal's search page: documents first when the query is a symbol, then pages."""
    locale = Locale.get_active()
    results = search_portal(request.GET.get("q", ""), locale=locale)
    pages = Paginator(results.pages, get_setting("PER_PAGE")).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "wagtail_dangvu/search.html",
        {
            "dangvu_base_template": get_setting("BASE_TEMPLATE"),
            "dangvu_register": DocumentRegisterPage.for_locale(locale.pk),
            "results": results,
            "items": pages,
            "querystring": f"q={results.query}" if results.query else "",
        },
    )
