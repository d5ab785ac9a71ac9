import django.db.models.deletion
from django.db import migrations, models

from wagtail_dangvu.compat import PAGE_MODEL


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_dangvu", "0004_article_core_news"),
        # Exists in Wagtail 7.0 LTS; a newer wagtailcore migration would not.
        ("wagtailcore", "0094_alter_page_locale"),
        migrations.swappable_dependency(PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleViewCount",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=PAGE_MODEL,
                        verbose_name="page",
                    ),
                ),
                ("total", models.PositiveBigIntegerField(default=0, verbose_name="views")),
            ],
            options={
                "verbose_name": "article view count",
                "verbose_name_plural": "article view counts",
            },
        ),
        migrations.CreateModel(
            name="ArticleView",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("reader", models.CharField(max_length=80, verbose_name="reader")),
                ("day", models.DateField(db_index=True, verbose_name="day")),
                (
                    "page",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=PAGE_MODEL,
                        verbose_name="page",
                    ),
                ),
            ],
            options={
                "verbose_name": "article view",
                "verbose_name_plural": "article views",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("page", "reader", "day"), name="wagtail_dangvu_view_once_a_day"
                    )
                ],
            },
        ),
    ]
