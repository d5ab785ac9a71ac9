import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    # Written for Wagtail 7.0 to 8.x alike (Wagtail 8's makemigrations names the page
    # model through its WAGTAIL_PAGE_MODEL setting, which Wagtail 7 does not have).
    dependencies = [("wagtailcore", "0094_alter_page_locale")]

    operations = [
        migrations.CreateModel(
            name="ArticlePage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("intro", models.TextField(blank=True)),
            ],
            options={"abstract": False},
            bases=("wagtailcore.page",),
        ),
    ]
