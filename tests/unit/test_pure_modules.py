"""The pure modules import nothing from Django or Wagtail, and word no message."""

import subprocess
import sys

import pytest

PURE = [
    "wagtail_dangvu.charts",
    "wagtail_dangvu.csvsafe",
    "wagtail_dangvu.facets",
    "wagtail_dangvu.formats",
    "wagtail_dangvu.linking",
    "wagtail_dangvu.problems",
    "wagtail_dangvu.rollup",
    "wagtail_dangvu.symbols",
    "wagtail_dangvu.text",
    "wagtail_dangvu.units.csvfile",
    "wagtail_dangvu.units.graph",
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
