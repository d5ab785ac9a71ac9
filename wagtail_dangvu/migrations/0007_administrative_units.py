import django.db.models.deletion
import modelcluster.fields
import wagtail.search.index
from django.db import migrations, models

from wagtail_dangvu.compat import PAGE_MODEL


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_dangvu", "0006_reading_sources_topics"),
        migrations.swappable_dependency(PAGE_MODEL),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.CreateModel(
            name="AdministrativeUnit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.CharField(
                        help_text="The official code of the unit, as in the province's list.",
                        max_length=16,
                        unique=True,
                        verbose_name="code",
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="The official name with its kind, e.g. “xã Long Bình”.",
                        max_length=255,
                        verbose_name="name",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("tinh", "province"),
                            ("thanh_pho_tw", "centrally governed city"),
                            ("xa", "commune"),
                            ("phuong", "ward"),
                            ("dac_khu", "special zone"),
                            ("huyen", "rural district"),
                            ("quan", "urban district"),
                            ("thi_xa", "district-level town"),
                            ("thanh_pho_thuoc_tinh", "provincial city"),
                        ],
                        max_length=24,
                        verbose_name="kind",
                    ),
                ),
                (
                    "valid_from",
                    models.DateField(blank=True, null=True, verbose_name="in force from"),
                ),
                (
                    "valid_until",
                    models.DateField(
                        blank=True,
                        help_text="The last day of a unit that was merged or dissolved.",
                        null=True,
                        verbose_name="in force until",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="The unit this one belongs to, e.g. a commune's province.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="wagtail_dangvu.administrativeunit",
                        verbose_name="part of",
                    ),
                ),
                (
                    "section",
                    models.OneToOneField(
                        blank=True,
                        help_text="The page whose subpages are this unit's part of the portal, usually its home page.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="administrative_unit",
                        to=PAGE_MODEL,
                        verbose_name="section of the portal",
                    ),
                ),
                (
                    "successor",
                    models.ForeignKey(
                        blank=True,
                        help_text="The unit it was merged into: its articles and figures count for that unit.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="predecessors",
                        to="wagtail_dangvu.administrativeunit",
                        verbose_name="merged into",
                    ),
                ),
            ],
            options={
                "verbose_name": "administrative unit",
                "verbose_name_plural": "administrative units",
                "ordering": ["code"],
            },
            bases=(wagtail.search.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name="partydocument",
            name="issuing_unit",
            field=models.ForeignKey(
                blank=True,
                help_text="The commune whose committee issued the document; empty for the province's and higher levels' documents, which every commune's register shows.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtail_dangvu.administrativeunit",
                verbose_name="issuing unit",
            ),
        ),
        migrations.CreateModel(
            name="AdministrativeUnitName",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="language",
                    ),
                ),
                (
                    "unit",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="names",
                        to="wagtail_dangvu.administrativeunit",
                    ),
                ),
            ],
            options={
                "verbose_name": "name in another language",
                "verbose_name_plural": "names in other languages",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("unit", "locale"), name="dangvu_unit_name_locale"
                    )
                ],
            },
        ),
    ]
