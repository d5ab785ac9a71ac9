"""The four standard fields of the "dân vận khéo" movement, in the default language."""

import uuid

from django.conf import settings
from django.db import migrations

# The four standard fields of the movement, frozen here as they were when this migration
# was written (wagtail_dangvu.stories.models.STANDARD_FIELDS is the living copy).
STANDARD_FIELDS = (
    ("kinh-te", "Kinh tế", 10),
    ("van-hoa-xa-hoi", "Văn hóa – xã hội", 20),
    ("quoc-phong-an-ninh", "Quốc phòng – an ninh", 30),
    ("xay-dung-he-thong-chinh-tri", "Xây dựng hệ thống chính trị", 40),
)


def default_locale(Locale):
    """The locale of settings.LANGUAGE_CODE, as Locale.get_default() finds it; else the
    first one; None when there is none yet (dangvu_demo creates the fields then)."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        language_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        language_code = None
    locale = None
    if language_code:
        locale = Locale.objects.filter(language_code=language_code).first()
    return locale or Locale.objects.order_by("pk").first()


def create_standard_fields(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    DanVanKheoField = apps.get_model("wagtail_dangvu", "DanVanKheoField")
    locale = default_locale(Locale)
    if locale is None:
        return
    for slug, name, sort_order in STANDARD_FIELDS:
        if not DanVanKheoField.objects.filter(locale=locale, slug=slug).exists():
            DanVanKheoField.objects.create(
                locale=locale,
                slug=slug,
                name=name,
                sort_order=sort_order,
                translation_key=uuid.uuid4(),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_dangvu", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        migrations.RunPython(create_standard_fields, migrations.RunPython.noop),
    ]
