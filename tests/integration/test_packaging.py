"""The built wheel carries what a portal needs at run time."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = out.glob("wagtail_dangvu-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.parametrize(
    "path",
    [
        "wagtail_dangvu/templates/wagtail_dangvu/directive_report_page.html",
        "wagtail_dangvu/templates/wagtail_dangvu/blocks/chart.html",
        "wagtail_dangvu/static/wagtail_dangvu/dangvu.css",
        "wagtail_dangvu/locale/vi/LC_MESSAGES/django.mo",
        "wagtail_dangvu/migrations/0001_initial.py",
        "wagtail_dangvu/ratings/migrations/0001_initial.py",
        "wagtail_dangvu/ratings/locale/vi/LC_MESSAGES/django.mo",
        "wagtail_dangvu/ratings/static/wagtail_dangvu/ratings/rating.js",
        "wagtail_dangvu/ratings/templates/wagtail_dangvu/ratings/star_rating.html",
        "wagtail_dangvu/management/commands/dangvu_demo.py",
        "wagtail_dangvu/demo/builder.py",
        "wagtail_dangvu/demo/data/documents.toml",
        "wagtail_dangvu/demo/data/english.toml",
        "wagtail_dangvu/demo/data/pages/60-news.toml",
        "wagtail_dangvu/locale_vi/apps.py",
        "wagtail_dangvu/locale_vi/checks.py",
        "wagtail_dangvu/locale_vi/locale/vi/LC_MESSAGES/django.mo",
        "wagtail_dangvu/locale_vi/locale/vi/LC_MESSAGES/django.po",
        "wagtail_dangvu/locale_vi/locale_js/vi/LC_MESSAGES/djangojs.mo",
        "wagtail_dangvu/locale_vi/locale_js/vi/LC_MESSAGES/djangojs.po",
        "wagtail_dangvu/locale_vi/glossary.toml",
        "wagtail_dangvu/locale_vi/GLOSSARY.md",
        "wagtail_dangvu/locale_vi/templates/wagtaillocales/index.html",
        "wagtail_dangvu/locale_vi/templatetags/locale_vi_tags.py",
    ],
)
def test_the_wheel_carries(wheel_names, path):
    assert path in wheel_names


def test_the_wheel_carries_no_tests_or_example_site(wheel_names):
    assert not any(name.startswith(("tests/", "example_site/")) for name in wheel_names)


def test_the_wheel_carries_no_maintainer_scripts(wheel_names):
    """scripts/locale_vi.py builds the catalogues; a portal only needs what it built."""
    assert not any(name.startswith("scripts/") for name in wheel_names)


def test_the_wheel_carries_every_demo_data_file(wheel_names):
    """``manage.py dangvu_demo`` ships, so the files it reads ship with it."""
    data = ROOT / "wagtail_dangvu" / "demo" / "data"
    files = {path.relative_to(ROOT).as_posix() for path in data.rglob("*.toml")}
    assert files and files <= wheel_names


def test_the_wheel_carries_every_module_of_the_package(wheel_names):
    """The capability folders are packages: none is left out of the wheel."""
    package = ROOT / "wagtail_dangvu"
    modules = {path.relative_to(ROOT).as_posix() for path in package.rglob("*.py")}
    assert modules - wheel_names == set()
