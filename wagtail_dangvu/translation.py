"""Translate pages and snippets through wagtail-localize's own machinery.

Used by ``dangvu_demo`` to give the demo English versions, and by the tests that prove
every page type translates: the same path an editor takes with "Translate" in the admin
(a translation from the source, each segment filled, published), only with the strings
supplied by a function instead of typed in the editor. Requires ``wagtail_localize`` in
``INSTALLED_APPS``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from wagtail.models import DraftStateMixin, Page


def _fill(translation, translate_string: Callable[[str], str]) -> None:
    from wagtail_localize.models import StringSegment, StringTranslation

    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": translate_string(segment.string.data),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )


def _translate_one(instance, locale, translate_string, user):
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    _fill(translation, translate_string)
    # Publish here rather than let wagtail-localize do it when the transaction commits:
    # its deferred publish replays a page object read before the children were added.
    translation.save_target(user=user, publish=not isinstance(instance, DraftStateMixin))
    target = instance.get_translation(locale)
    if isinstance(target, Page) and getattr(instance, "live", False):
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target


@transaction.atomic
def translate(instance, locale, translate_string: Callable[[str], str], *, user=None):
    """Translate ``instance`` into ``locale`` with every string segment filled.

    A page's untranslated ancestors and the snippets it names (documents, indicators,
    fields) are translated first, as wagtail-localize requires. The translation is
    published when the source is live. Returns the translated instance.
    """
    from wagtail_localize.models import TranslationSource

    if isinstance(instance, Page):
        instance = instance.specific
        for ancestor in instance.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.has_translation(locale):
                _translate_one(ancestor, locale, translate_string, user)

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    for segment in source.relatedobjectsegment_set.select_related("object"):
        related = segment.object.get_instance(instance.locale)
        if related.locale_id != locale.pk:
            _translate_one(related, locale, translate_string, user)
    return _translate_one(instance, locale, translate_string, user)
