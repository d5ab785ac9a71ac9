"""Misconfigured ratings are reported by system checks, not found out at request time."""

import ast
from pathlib import Path

import pytest
from django.core.checks import run_checks

import wagtail_dangvu.ratings
from wagtail_dangvu.ratings.checks import check_rateable_page_types, check_ratings_settings
from wagtail_dangvu.ratings.pages import rateable_page_models


def ids(errors):
    return sorted(error.id for error in errors)


def test_the_example_settings_pass():
    assert check_ratings_settings() == []


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"RATING": "10/m"}, ["wagtail_dangvu.E006"]),
        ({"RATE": "10 per minute"}, ["wagtail_dangvu.E007"]),
        ({"RATE": "0/m"}, ["wagtail_dangvu.E007"]),
        ({"RATE": 10}, ["wagtail_dangvu.E007"]),
        ({"RATE": " 20 / h "}, []),
        ({"MIN_AVERAGE": 6}, ["wagtail_dangvu.E008"]),
        ({"MIN_AVERAGE": "3"}, ["wagtail_dangvu.E008"]),
        ({"MIN_AVERAGE": True}, ["wagtail_dangvu.E008"]),
        ({"MIN_AVERAGE": 3.5}, []),
        ({"PER_LOCALE": "yes"}, ["wagtail_dangvu.E101"]),
        ({"ENABLED": 1, "ANONYMOUS": None}, ["wagtail_dangvu.E101", "wagtail_dangvu.E101"]),
        ({"CACHE": "redis"}, ["wagtail_dangvu.E102"]),
        ({"CLIENT_IP_HEADER": "X-Real-IP"}, ["wagtail_dangvu.E104"]),
        ({"CLIENT_IP_HEADER": "HTTP_X_REAL_IP"}, []),
        ({"COOKIE_NAME": "dangvu voter"}, ["wagtail_dangvu.E105"]),
    ],
)
def test_bad_values_are_reported(ratings_settings, values, expected):
    ratings_settings(**values)

    assert ids(check_ratings_settings()) == expected


def test_ratings_that_are_not_a_dict_are_one_error_and_votes_keep_the_defaults(settings):
    from wagtail_dangvu.ratings.conf import ratings_setting

    settings.WAGTAIL_DANGVU = {"RATINGS": ["ENABLED"]}

    assert ids(check_ratings_settings()) == ["wagtail_dangvu.E005"]
    assert ids(check_rateable_page_types()) == []
    assert ratings_setting("RATE") == "10/m"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ENABLED", ["wagtail_dangvu.E001"]),
        # The content app's check knows every key; the ratings app's stays quiet.
        ({"RATING": {"ENABLED": False}}, ["wagtail_dangvu.E002"]),
        ({"BASE_TEMPLATE": "portal/khong-co.html"}, ["wagtail_dangvu.E009"]),
    ],
)
def test_what_both_apps_read_is_reported_once_with_both_installed(settings, value, expected):
    """E001 and E009 are registered by the ratings app and the content app alike; E002
    is the content app's where it is installed."""
    settings.WAGTAIL_DANGVU = value
    shared = {"wagtail_dangvu.E001", "wagtail_dangvu.E002", "wagtail_dangvu.E009"}

    reported = [message.id for message in run_checks() if message.id in shared]

    assert reported == expected


PACKAGE = Path(wagtail_dangvu.ratings.__file__).parent.parent


def package_imports(path: Path) -> set[str]:
    """The modules of wagtail_dangvu that the module at ``path`` imports."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    imported = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            imported.add(".".join(part for part in (base, node.module) if part))
    return {name for name in imported if name.split(".")[0] == "wagtail_dangvu"}


def test_the_ratings_app_imports_nothing_of_the_content_app():
    """The dependency goes one way: wagtail_dangvu may import the ratings app, never the
    reverse. Of the rest of the package, the ratings app uses only modules that are no
    part of the content app: no model, no setting, nothing registered, and they import
    nothing else of the package but the pure symbols module."""
    shared = {"wagtail_dangvu.compat", "wagtail_dangvu.pure.csvsafe", "wagtail_dangvu.downloads"}
    imported = set().union(*map(package_imports, (PACKAGE / "ratings").rglob("*.py")))
    outside = {name for name in imported if not name.startswith("wagtail_dangvu.ratings")}

    assert outside <= shared, sorted(outside - shared)
    for name in shared:
        path = PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")
        assert package_imports(path) <= {"wagtail_dangvu.pure.symbols"}, name


def test_a_dummy_cache_leaves_votes_unlimited(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    assert ids(check_ratings_settings()) == ["wagtail_dangvu.W103"]


def test_a_site_where_no_page_type_shows_the_stars_is_warned(monkeypatch):
    for model in rateable_page_models():
        monkeypatch.setattr(model, "rateable", False)

    assert ids(check_rateable_page_types()) == ["wagtail_dangvu.W106"]


def test_no_warning_while_ratings_are_switched_off(monkeypatch, ratings_settings):
    ratings_settings(ENABLED=False)
    for model in rateable_page_models():
        monkeypatch.setattr(model, "rateable", False)

    assert check_rateable_page_types() == []
