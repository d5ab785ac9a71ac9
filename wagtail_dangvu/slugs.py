"""What the app's translatable snippets named by a slug share (dân vận khéo fields, topics)."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Locale

from wagtail_dangvu.pure.symbols import fold


class LocaleSlugMixin:
    """A snippet with a ``name`` and a ``slug`` unique per locale (a constraint on
    ``locale`` and ``slug`` in the model's Meta).

    The slug is made from the name when left empty, and a clash is reported on the slug,
    although the admin form does not show the locale the constraint also reads.
    """

    def clean(self):
        super().clean()
        if self.locale_id is None:
            self.locale = Locale.get_default()
        if not self.slug:
            self.slug = slugify(fold(self.name))
        if not self.slug:
            raise ValidationError({"slug": gettext("Enter a slug made of letters and digits.")})

    def validate_constraints(self, exclude=None):
        if exclude and "slug" not in exclude:
            exclude = set(exclude) - {"locale"}
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            messages = error.message_dict.get(NON_FIELD_ERRORS)
            if messages is None:
                raise
            raise ValidationError({"slug": messages}) from error
