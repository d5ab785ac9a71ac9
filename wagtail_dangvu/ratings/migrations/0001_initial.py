import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

from wagtail_dangvu.compat import PAGE_MODEL


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0094_alter_page_locale"),
        migrations.swappable_dependency(PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Rating",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "translation_key",
                    models.UUIDField(editable=False, verbose_name="translation key"),
                ),
                (
                    "total",
                    models.PositiveIntegerField(
                        default=0, editable=False, verbose_name="total points"
                    ),
                ),
                (
                    "count",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="votes"),
                ),
                (
                    "imported_total",
                    models.PositiveIntegerField(
                        default=0, editable=False, verbose_name="imported points"
                    ),
                ),
                (
                    "imported_count",
                    models.PositiveIntegerField(
                        default=0, editable=False, verbose_name="imported votes"
                    ),
                ),
                (
                    "enabled",
                    models.BooleanField(
                        default=True,
                        help_text="Switch off to hide the stars and refuse votes on this page.",
                        verbose_name="readers can rate",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                (
                    "last_vote_at",
                    models.DateTimeField(editable=False, null=True, verbose_name="last vote at"),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        blank=True,
                        db_index=False,
                        editable=False,
                        help_text="Empty when all translations of the page share the rating.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="language",
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        help_text="The page rated. When the rating is shared by translations, any of them; if it is deleted, the rating passes to another translation.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=PAGE_MODEL,
                        verbose_name="page",
                    ),
                ),
            ],
            options={
                "verbose_name": "rating",
                "verbose_name_plural": "ratings",
                "permissions": [("reset_rating", "Can reset rating")],
            },
        ),
        migrations.CreateModel(
            name="Vote",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "score",
                    models.PositiveSmallIntegerField(
                        choices=[(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)], verbose_name="score"
                    ),
                ),
                (
                    "voter_key",
                    models.CharField(
                        help_text="'user:' and the id of a signed-in reader, or 'anon:' and a keyed hash of an anonymous reader's random cookie. Neither the cookie nor an IP address is kept.",
                        max_length=80,
                        verbose_name="voter key",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="cast at"),
                ),
                (
                    "rating",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="votes",
                        to="wagtail_dangvu_ratings.rating",
                        verbose_name="rating",
                    ),
                ),
            ],
            options={
                "verbose_name": "vote",
                "verbose_name_plural": "votes",
            },
        ),
        migrations.AddConstraint(
            model_name="rating",
            constraint=models.UniqueConstraint(
                condition=models.Q(("locale__isnull", True)),
                fields=("translation_key",),
                name="dangvu_rating_one_per_article",
            ),
        ),
        migrations.AddConstraint(
            model_name="rating",
            constraint=models.UniqueConstraint(
                condition=models.Q(("locale__isnull", False)),
                fields=("translation_key", "locale"),
                name="dangvu_rating_one_per_translation",
            ),
        ),
        migrations.AddConstraint(
            model_name="rating",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("total__gte", models.F("count")), ("total__lte", models.F("count") * 5)
                ),
                name="dangvu_rating_counters_consistent",
            ),
        ),
        migrations.AddConstraint(
            model_name="rating",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("imported_total__gte", models.F("imported_count")),
                    ("imported_total__lte", models.F("imported_count") * 5),
                ),
                name="dangvu_rating_imported_consistent",
            ),
        ),
        migrations.AddConstraint(
            model_name="vote",
            constraint=models.UniqueConstraint(
                fields=("rating", "voter_key"), name="dangvu_vote_once_per_reader"
            ),
        ),
        migrations.AddConstraint(
            model_name="vote",
            constraint=models.CheckConstraint(
                condition=models.Q(("score__gte", 1), ("score__lte", 5)),
                name="dangvu_vote_score_1_to_5",
            ),
        ),
    ]
