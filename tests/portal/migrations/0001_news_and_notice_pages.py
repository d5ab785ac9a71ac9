import django.db.models.deletion
from django.db import migrations, models

from wagtail_dangvu.compat import PAGE_MODEL


def page_type(name):
    return migrations.CreateModel(
        name=name,
        fields=[
            (
                "page_ptr",
                models.OneToOneField(
                    auto_created=True,
                    on_delete=django.db.models.deletion.CASCADE,
                    parent_link=True,
                    primary_key=True,
                    serialize=False,
                    to=PAGE_MODEL,
                ),
            ),
        ],
        options={"abstract": False},
        bases=("wagtailcore.page",),
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0094_alter_page_locale"),
        migrations.swappable_dependency(PAGE_MODEL),
    ]

    operations = [page_type("NewsPage"), page_type("NoticePage")]
