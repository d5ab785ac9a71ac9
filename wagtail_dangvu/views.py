"""Views of the app: the portal search, and the admin register's symbol-aware search."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView

from wagtail_dangvu.documents.register import DocumentRegisterPage
from wagtail_dangvu.pure.text import remove_control_characters

from .conf import get_setting
from .forms import SearchQueryField
from .search import MAX_QUERY_LENGTH, SearchResults, search_portal


class PartyDocumentIndexView(IndexView):
    """The register in the admin, searchable by a symbol in any written form."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.search(self.search_query)


class SearchForm(forms.Form):
    q = SearchQueryField(required=False)


def search_view(request):
    """The portal's search page: documents first when the query is a symbol, then pages.

    A query that cannot be searched (a NUL, nothing but punctuation) is a 400 page that
    says why, with the search box to try again.
    """
    locale = Locale.get_active()
    form = SearchForm(request.GET)
    if form.is_valid():
        results = search_portal(form.cleaned_data["q"], locale=locale)
        typed = results.query
    else:
        results = SearchResults(query="")
        typed = remove_control_characters(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]
    pages = Paginator(results.pages, get_setting("PER_PAGE")).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "wagtail_dangvu/search.html",
        {
            "dangvu_base_template": get_setting("BASE_TEMPLATE"),
            "dangvu_register": DocumentRegisterPage.for_locale(locale.pk),
            "form": form,
            "typed_query": typed,
            "results": results,
            "items": pages,
            "querystring": urlencode({"q": results.query}) if results.query else "",
        },
        status=200 if form.is_valid() else 400,
    )
