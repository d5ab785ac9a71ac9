"""Admin views of the app."""

from __future__ import annotations

from wagtail.snippets.views.snippets import IndexView


class PartyDocumentIndexView(IndexView):
    """The register in the admin, searchable by a symbol in any written form."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.search(self.search_query)
