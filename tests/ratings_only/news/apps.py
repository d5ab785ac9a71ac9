from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "tests.ratings_only.news"
    label = "ratings_only_news"
    default_auto_field = "django.db.models.BigAutoField"
