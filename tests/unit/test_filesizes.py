"""The size of an attached file as readers see it (pure, no Django)."""

import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wagtail_dangvu.pure import filesizes
from wagtail_dangvu.pure.filesizes import UNITS, human_size, size_parts

SIZE = re.compile(r"^(?:\d{1,3}(?:\.\d{3})*)(?:,\d)? (?:B|KB|MB|GB|TB)$")


@pytest.mark.parametrize(
    ("num_bytes", "text"),
    [
        (0, "0 B"),
        (800, "800 B"),
        (1023, "1.023 B"),
        (1024, "1 KB"),
        (1536, "1,5 KB"),
        (1258291, "1,2 MB"),
        (1048576, "1 MB"),
        (1048575, "1 MB"),  # 1023,999 KB rounds to 1.024 KB: one unit up
        (5 * 1024**3, "5 GB"),
        (3 * 1024**5, "3.072 TB"),
    ],
)
def test_as_the_portals_write_it(num_bytes, text):
    assert human_size(num_bytes) == text


@pytest.mark.parametrize("bad", [-1, 1.5, "12", None, True])
def test_what_is_not_a_number_of_bytes_is_refused(bad):
    with pytest.raises(ValueError):
        human_size(bad)


@given(st.integers(min_value=0, max_value=1024**6))
def test_always_a_number_in_the_portal_format_and_a_unit(num_bytes):
    assert SIZE.match(human_size(num_bytes))


@given(st.integers(min_value=0, max_value=1024**6))
def test_the_number_read_back_is_within_rounding_of_the_size(num_bytes):
    number, unit = size_parts(num_bytes)
    scale = 1024 ** UNITS.index(unit)
    assert abs(number * scale - num_bytes) <= Decimal("0.05") * scale
    # The largest unit that keeps the number at least 1 (bytes below 1 KB).
    assert unit == "TB" or number < 1024
    assert unit == "B" or number >= 1


@given(st.integers(min_value=0, max_value=1024**5), st.integers(min_value=0, max_value=1024**5))
def test_a_larger_file_never_reads_smaller(a, b):
    small, large = sorted((a, b))
    (n1, u1), (n2, u2) = size_parts(small), size_parts(large)
    assert (UNITS.index(u1), n1) <= (UNITS.index(u2), n2)


def test_imports_nothing_of_django():
    tree = ast.parse(Path(filesizes.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0
            assert node.module in {"__future__", "decimal", "wagtail_dangvu.pure.numbers"}
        elif isinstance(node, ast.Import):
            pytest.fail(f"imports {node.names[0].name}")
