"""Keep a rating when the page it points at is deleted but a translation lives on."""

from django.apps import apps
from django.db.models.signals import post_delete

from wagtail_dangvu.compat import PAGE_MODEL

from .models import Rating


def hand_rating_to_a_translation(sender, instance, **kwargs):
    """Point the ratings orphaned by ``instance``'s deletion at a surviving translation.

    ``Rating.page`` is set to NULL by the deletion. A rating shared by the translations
    passes to any remaining one, a per-locale rating to the remaining page of its locale
    (an alias); a rating left with no page is deleted with its votes.
    """
    page_model = apps.get_model(PAGE_MODEL)
    orphans = Rating.objects.filter(page__isnull=True, translation_key=instance.translation_key)
    for rating in orphans:
        heirs = page_model.objects.filter(translation_key=rating.translation_key)
        if rating.locale_id is not None:
            heirs = heirs.filter(locale_id=rating.locale_id)
        heir = heirs.order_by("pk").values_list("pk", flat=True).first()
        if heir is None:
            rating.delete()
        else:
            Rating.objects.filter(pk=rating.pk).update(page_id=heir)


def register_signal_handlers():
    post_delete.connect(
        hand_rating_to_a_translation,
        sender=apps.get_model(PAGE_MODEL),
        dispatch_uid="wagtail_dangvu_ratings_hand_rating_to_a_translation",
    )
