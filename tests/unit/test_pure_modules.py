"""The pure modules import nothing from Django or Wagtail, and word no message."""

import subprocess
import sys

import pytest

PURE = [
    "wagtail_dangvu.pure.charts",
    "wagtail_dangvu.pure.csvsafe",
    "wagtail_dangvu.pure.dates",
    "wagtail_dangvu.pure.facets",
    "wagtail_dangvu.pure.filesizes",
    "wagtail_dangvu.pure.linking",
    "wagtail_dangvu.pure.numbers",
    "wagtail_dangvu.pure.problems",
    "wagtail_dangvu.pure.rollup",
    "wagtail_dangvu.pure.symbols",
    "wagtail_dangvu.pure.text",
    "wagtail_dangvu.units.csvfile",
    "wagtail_dangvu.units.graph",
    "wagtail_dangvu.units.naming",
    "wagtail_dangvu.units.tree",
]

PROBE = """
import importlib, sys
importlib.import_module(sys.argv[1])
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("django", "wagtail"))
print(" ".join(loaded))
"""


@pytest.mark.parametrize("module", PURE)
def test_a_pure_module_loads_neither_django_nor_wagtail(module):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, module], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == []
