"""Where the files of withheld register entries went: the private storage's name and the
collection to put the document back in when the entry is made public."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_dangvu", "0002_standard_fields"),
        # Both exist in Wagtail 7.0 LTS; a newer wagtailcore migration would not.
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.CreateModel(
            name="WithheldFile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="file name")),
                (
                    "private_name",
                    models.CharField(max_length=255, verbose_name="private file name"),
                ),
                (
                    "withheld_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="withheld at"),
                ),
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="document",
                    ),
                ),
                (
                    "original_collection",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.collection",
                        verbose_name="original collection",
                    ),
                ),
            ],
            options={
                "verbose_name": "withheld file",
                "verbose_name_plural": "withheld files",
            },
        ),
    ]
