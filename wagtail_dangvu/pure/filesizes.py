"""The size of a file for readers: ``1,2 MB``, ``532 KB``, ``800 B``.

Binary multiples (1 KB = 1024 bytes), as file managers show them; one decimal place from
KB up, rounded half-up, a trailing ``,0`` dropped; the number in the portal's format
(:func:`wagtail_dangvu.pure.numbers.vi_number`). Pure Python: no Django import.
"""

from __future__ import annotations

from decimal import Decimal

from wagtail_dangvu.pure.numbers import round_half_up, vi_number

UNITS: tuple[str, ...] = ("B", "KB", "MB", "GB", "TB")
STEP = 1024


def size_parts(num_bytes: int) -> tuple[Decimal, str]:
    """(number, unit) for ``num_bytes``: the largest unit that keeps the number at least 1,
    with one decimal place (none for bytes). ``ValueError`` for a negative or non-integer."""
    if isinstance(num_bytes, bool) or not isinstance(num_bytes, int):
        raise ValueError(f'"{num_bytes}" không phải là số byte')
    if num_bytes < 0:
        raise ValueError(f'"{num_bytes}" không phải là số byte')
    if num_bytes < STEP:
        return Decimal(num_bytes), UNITS[0]
    exponent = 1
    while exponent < len(UNITS) - 1 and num_bytes >= STEP ** (exponent + 1):
        exponent += 1
    number = round_half_up(Decimal(num_bytes) / Decimal(STEP**exponent), 1)
    # 1023,96 KB rounds to 1024,0 KB: say 1 MB instead.
    if number >= STEP and exponent < len(UNITS) - 1:
        exponent += 1
        number = round_half_up(Decimal(num_bytes) / Decimal(STEP**exponent), 1)
    return number, UNITS[exponent]


def human_size(num_bytes: int) -> str:
    """``1258291`` -> ``"1,2 MB"``; ``1048576`` -> ``"1 MB"``; ``800`` -> ``"800 B"``."""
    number, unit = size_parts(num_bytes)
    return f"{vi_number(number)} {unit}"
