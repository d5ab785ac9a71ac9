"""The package's imports run one way, as docs/architecture.md draws them.

Every module of ``wagtail_dangvu`` has a layer (the table below, the same as the
document's). A module imports from a lower layer, or from its own layer inside its own
capability folder; never upwards. Imports inside functions count as well: a lazy import
hides a cycle from Python, not from a reader. The table must name every module, so a new
module is placed on purpose rather than by accident.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import wagtail_dangvu

PACKAGE = Path(wagtail_dangvu.__file__).parent

#: Capability folders; a module elsewhere (flat, templatetags, management...) is app-level.
FOLDERS = {
    "pure",
    "pages",
    "documents",
    "statistics",
    "articles",
    "reports",
    "events",
    "stories",
    "news",
    "frontpage",
    "units",
    "importers",
}

PURE = 0
FRAME = 10
BLOCKS = 20
ARTICLE_BLOCKS = 25
UNITS = 28
RECORDS = 30
PAGE_BASE = 40
CORE_PAGES = 50
ARTICLE_TYPES = 60
VIEWS = 70
ADMIN = 75
ENTRY = 80

#: Module (or package, with ".*") -> layer. The most specific entry wins.
LAYERS = {
    "wagtail_dangvu.pure.*": PURE,
    # A capability folder's package holds its docstring only.
    **{f"wagtail_dangvu.{folder}": FRAME for folder in FOLDERS - {"pure"}},
    # The app's frame: settings, compatibility, words, form fields, shared helpers.
    "wagtail_dangvu": FRAME,
    "wagtail_dangvu.conf": FRAME,
    "wagtail_dangvu.compat": FRAME,
    "wagtail_dangvu.downloads": FRAME,
    "wagtail_dangvu.forms": FRAME,
    "wagtail_dangvu.locale_formats.*": FRAME,
    "wagtail_dangvu.search_backend": FRAME,
    "wagtail_dangvu.signals": FRAME,
    "wagtail_dangvu.slugs": FRAME,
    "wagtail_dangvu.translation": FRAME,
    "wagtail_dangvu.wording": FRAME,
    "wagtail_dangvu.portal_time": FRAME,
    "wagtail_dangvu.documents.viewer": FRAME,
    # The apps beside the content app: wagtail_dangvu may use them, never the reverse.
    "wagtail_dangvu.ratings.*": FRAME,
    "wagtail_dangvu.locale_vi.*": FRAME,
    # Blocks: what models declare their StreamFields with.
    "wagtail_dangvu.documents.blocks": BLOCKS,
    "wagtail_dangvu.events.blocks": BLOCKS,
    "wagtail_dangvu.pages.traversal": BLOCKS,
    "wagtail_dangvu.statistics.blocks": BLOCKS,
    "wagtail_dangvu.statistics.findings": BLOCKS,
    "wagtail_dangvu.articles.blocks": ARTICLE_BLOCKS,
    # Administrative units: pure CSV reading and graphs, the unit records and their
    # lookups and permission scopes (the register's records ask them), admin and commands.
    "wagtail_dangvu.units.csvfile": PURE,
    "wagtail_dangvu.units.graph": PURE,
    "wagtail_dangvu.units.naming": PURE,
    "wagtail_dangvu.units.tree": PURE,
    "wagtail_dangvu.units.wording": FRAME,
    "wagtail_dangvu.units.display": UNITS,
    "wagtail_dangvu.units.filters": UNITS,
    # A commune's figures: read from the records, below the dashboard page.
    "wagtail_dangvu.units.rollups": PAGE_BASE,
    "wagtail_dangvu.units.models": UNITS,
    "wagtail_dangvu.units.lookup": UNITS,
    "wagtail_dangvu.units.permissions": UNITS,
    "wagtail_dangvu.units.groups": VIEWS,
    "wagtail_dangvu.units.importer": VIEWS,
    "wagtail_dangvu.units.viewsets": VIEWS,
    "wagtail_dangvu.units": UNITS,
    "wagtail_dangvu.units.register_admin": ADMIN,
    # The NukeViet importer: reading a source needs no Django.
    "wagtail_dangvu.importers.nukeviet": FRAME,
    "wagtail_dangvu.importers": FRAME,
    "wagtail_dangvu.importers.nukeviet.sources": FRAME,
    "wagtail_dangvu.importers.nukeviet.bodies": FRAME,
    "wagtail_dangvu.importers.nukeviet.panels": PAGE_BASE,
    "wagtail_dangvu.importers.nukeviet.models": RECORDS,
    "wagtail_dangvu.importers.nukeviet.importer": ADMIN,
    "wagtail_dangvu.importers.nukeviet.admin": VIEWS,
    # Models that are not pages, and what the page base asks of them.
    "wagtail_dangvu.articles.view_counts": RECORDS,
    "wagtail_dangvu.documents.actions": RECORDS,
    "wagtail_dangvu.documents.mentions": RECORDS,
    "wagtail_dangvu.documents.models": RECORDS,
    "wagtail_dangvu.documents.withheld_files": RECORDS,
    "wagtail_dangvu.statistics.models": RECORDS,
    # The page every page type of the app is.
    "wagtail_dangvu.pages.*": PAGE_BASE,
    # The article core and the pages that are no articles.
    "wagtail_dangvu.articles.filters": CORE_PAGES,
    "wagtail_dangvu.articles.models": CORE_PAGES,
    "wagtail_dangvu.articles.reading": CORE_PAGES,
    # What the reading features read: one SQL statement, links from one site root lookup;
    # the article editor's form; the API's fields (asked by the article core).
    "wagtail_dangvu.articles.reading_links": BLOCKS,
    "wagtail_dangvu.articles.reading_lists": CORE_PAGES,
    "wagtail_dangvu.articles.forms": CORE_PAGES,
    "wagtail_dangvu.articles.api": CORE_PAGES,
    "wagtail_dangvu.documents.register": CORE_PAGES,
    "wagtail_dangvu.statistics.dashboard": CORE_PAGES,
    # The article types, each declared on the core.
    "wagtail_dangvu.events.ical": ARTICLE_TYPES,
    "wagtail_dangvu.events.models": ARTICLE_TYPES,
    "wagtail_dangvu.news.models": ARTICLE_TYPES,
    "wagtail_dangvu.reports.models": ARTICLE_TYPES,
    "wagtail_dangvu.stories.models": ARTICLE_TYPES,
    # Views, admin views, feeds, services over the models, the front page.
    "wagtail_dangvu.articles.counter": VIEWS,
    "wagtail_dangvu.articles.feeds": VIEWS,
    "wagtail_dangvu.articles.topic_views": VIEWS,
    "wagtail_dangvu.documents.admin_gate": VIEWS,
    "wagtail_dangvu.documents.admin_publishing": VIEWS,
    "wagtail_dangvu.documents.files": VIEWS,
    "wagtail_dangvu.frontpage.*": VIEWS,
    "wagtail_dangvu.search": VIEWS,
    "wagtail_dangvu.views": VIEWS,
    # What Django, Wagtail and the host portal load: free to import anything.
    "wagtail_dangvu.api": ENTRY,
    "wagtail_dangvu.api_v3": ENTRY,
    "wagtail_dangvu.apps": ENTRY,
    "wagtail_dangvu.checks": ENTRY,
    "wagtail_dangvu.demo.*": ENTRY,
    "wagtail_dangvu.management.*": ENTRY,
    "wagtail_dangvu.middleware": ENTRY,
    "wagtail_dangvu.models": ENTRY,
    "wagtail_dangvu.signal_handlers": ENTRY,
    "wagtail_dangvu.templatetags.*": ENTRY,
    "wagtail_dangvu.urls": ENTRY,
    "wagtail_dangvu.wagtail_hooks": ENTRY,
}

#: Of the content app, what the apps beside it may import: no model, setting or hook.
SHARED_WITH_APPS = {
    "wagtail_dangvu",
    "wagtail_dangvu.compat",
    "wagtail_dangvu.downloads",
    "wagtail_dangvu.pure",
    "wagtail_dangvu.pure.csvsafe",
    "wagtail_dangvu.pure.problems",
    "wagtail_dangvu.pure.symbols",
}

MODELS = range(RECORDS, VIEWS)

#: Every model of the app, re-exported for host portals; the app's modules import a
#: model from the module that declares it.
REEXPORTS = "wagtail_dangvu.models"


def layer_of(module: str) -> int | None:
    """The layer of ``module`` (a module or package of wagtail_dangvu), None if unplaced."""
    if module in LAYERS:
        return LAYERS[module]
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        key = ".".join(parts[:end]) + ".*"
        if key in LAYERS:
            return LAYERS[key]
    return None


def folder_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FOLDERS else ""


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, source: str | None = None) -> list[tuple[str, int]]:
    """Every module ``path`` imports (at any depth of the code), with its line.

    ``from X import name`` counts as importing ``X.name`` when that is a module of the
    package, and ``X`` otherwise."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(source if source is not None else path.read_text(), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                found.append((submodule if is_module(submodule) else target, node.lineno))
    return found


def is_module(name: str) -> bool:
    if name.split(".")[0] != "wagtail_dangvu":
        return False
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def package_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.relative_to(PACKAGE).parts
        and "tests" not in path.relative_to(PACKAGE).parts
    )


def is_other_app(module: str) -> bool:
    return module.split(".")[:2] in (["wagtail_dangvu", "ratings"], ["wagtail_dangvu", "locale_vi"])


def wrong_imports(path: Path, source: str | None = None) -> list[str]:
    """What ``path`` imports against the layering, each as a sentence; [] if nothing."""
    module = module_name(path)
    layer, folder = layer_of(module), folder_of(module)
    wrong = []
    for imported, line in imports_of(path, source):
        top = imported.split(".")[0]
        where = f"{path.relative_to(PACKAGE.parent)}:{line}"
        if layer == PURE:
            if top != "wagtail_dangvu" and top not in sys.stdlib_module_names:
                wrong.append(f"{where}: a pure module imports {imported}")
            elif top == "wagtail_dangvu" and layer_of(imported) != PURE:
                wrong.append(f"{where}: a pure module imports {imported}, which is not pure")
            continue
        if top != "wagtail_dangvu":
            continue
        if is_other_app(module):
            if not is_other_app(imported) and imported not in SHARED_WITH_APPS:
                wrong.append(f"{where}: {module} imports {imported} of the content app")
            continue
        target = layer_of(imported)
        if target is None:
            wrong.append(f"{where}: {imported} has no layer in tests/unit/test_layering.py")
        elif layer in (BLOCKS, ARTICLE_BLOCKS) and (target in MODELS or imported == REEXPORTS):
            wrong.append(f"{where}: a block imports {imported}, a models module")
        elif layer < ENTRY and imported == REEXPORTS:
            wrong.append(f"{where}: {module} imports {REEXPORTS}, not the module of the model")
        elif layer in MODELS and target >= VIEWS:
            wrong.append(f"{where}: a models module imports {imported}, a view, hook or command")
        elif target > layer or (target == layer and folder_of(imported) != folder):
            wrong.append(f"{where}: {module} imports {imported}, which is above it or beside it")
    return wrong


MODULES = package_modules()


def test_every_module_has_a_layer():
    unplaced = [module_name(path) for path in MODULES if layer_of(module_name(path)) is None]
    assert not unplaced, f"Give these modules a layer (and a line in the doc): {unplaced}"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_imports_run_downwards(path):
    assert wrong_imports(path) == []


def test_the_layers_name_only_modules_that_exist():
    for key in LAYERS:
        name = key.removesuffix(".*")
        assert is_module(name), key


# The test itself: a wrong import is caught, wherever it hides. ---------------------------


def source_with(path: Path, line: str) -> str:
    return path.read_text() + f"\n\ndef planted():\n    {line}\n"


@pytest.mark.parametrize(
    ("module", "line", "complaint"),
    [
        ("pure/symbols.py", "import django", "a pure module imports django"),
        ("pure/numbers.py", "from wagtail_dangvu import wording", "which is not pure"),
        (
            "statistics/blocks.py",
            "from wagtail_dangvu.statistics.models import Indicator",
            "a block imports",
        ),
        (
            "documents/blocks.py",
            "from wagtail_dangvu.models import PartyDocument",
            "a block imports",
        ),
        (
            "reports/models.py",
            "from wagtail_dangvu import wagtail_hooks",
            "a models module imports",
        ),
        (
            "news/models.py",
            "from wagtail_dangvu.management.commands import dangvu_demo",
            "a models module imports",
        ),
        (
            "pages/base.py",
            "from wagtail_dangvu.articles.models import AbstractArticlePage",
            "above it or beside it",
        ),
        (
            "events/models.py",
            "from wagtail_dangvu.reports.models import DirectiveReportPage",
            "above it or beside it",
        ),
        ("ratings/models.py", "from wagtail_dangvu.conf import get_setting", "of the content app"),
        (
            "ratings/views.py",
            "from wagtail_dangvu.models import PartyDocument",
            "of the content app",
        ),
        ("wording.py", "from wagtail_dangvu.nowhere import thing", "has no layer"),
    ],
)
def test_a_planted_wrong_import_is_reported(module, line, complaint):
    path = PACKAGE / module
    assert wrong_imports(path) == []

    reported = wrong_imports(path, source_with(path, line))

    assert len(reported) == 1 and complaint in reported[0], reported
