"""The article editor's choices for the reading features, in the page's language.

A portal keeps its topics and news sources in each of its languages; an English page is
offered the English ones and a Vietnamese page the Vietnamese ones. What a page already
has stays offered (wagtail-localize copies a page's topics into its translation as they
are, and the editor must be able to save that page), but a topic or source of another
language cannot be added by its id.
"""

from __future__ import annotations

from urllib.parse import urlencode

from wagtail.snippets.widgets import AdminSnippetChooser

from wagtail_dangvu.pages.base import DangvuPageForm

#: The fields whose choices are kept to the page's locale.
LOCALE_FIELDS = ("topics", "source")


class LocaleSnippetChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser, opening on the snippets of one language (the chooser's
    own locale filter, ``?locale=en``)."""

    def __init__(self, model=None, *, language_code: str, **kwargs):
        self.language_code = language_code
        super().__init__(model=model, **kwargs)

    def get_chooser_modal_url(self):
        return f"{super().get_chooser_modal_url()}?{urlencode({'locale': self.language_code})}"


class ArticlePageForm(DangvuPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None:
            return
        for name in LOCALE_FIELDS:
            field = self.fields.get(name)
            if field is None or not hasattr(field, "queryset"):
                continue
            kept = self._chosen_pks(name)
            field.queryset = field.queryset.filter(locale_id=locale_id) | field.queryset.filter(
                pk__in=kept
            )
            if isinstance(field.widget, AdminSnippetChooser):
                field.widget = LocaleSnippetChooser(
                    field.queryset.model, language_code=self.instance.locale.language_code
                )

    def _chosen_pks(self, name) -> list:
        """The ids of what the page has in ``name`` before this edit."""
        if self.instance.pk is None:
            return []
        if name == "source":
            return [self.instance.source_id] if self.instance.source_id else []
        return [item.pk for item in getattr(self.instance, name).all()]
