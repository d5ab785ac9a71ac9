"""Loading a province's units from CSV (``manage.py dangvu_units import``): all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from .csvfile import decode, read_units
from .models import AdministrativeUnit

FIELDS = ("name", "kind", "valid_from", "valid_until")
LINKS = (("parent", "parent_code"), ("successor", "successor_code"))


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def import_units(data: bytes) -> ImportResult:
    """Create or update the units of a CSV file (its bytes), matched by code.

    The whole file is checked against itself and the units already stored before anything
    is written; a file with any problem raises
    :class:`~wagtail_dangvu.problems.ProblemError` and changes nothing. Units missing
    from the file, their sections and their names in other languages are left as they
    are, so a second run of the same file changes nothing.
    """
    text = decode(data)
    result = ImportResult()
    with transaction.atomic():
        # Locked while the file is checked against them and written.
        stored = {unit.code: unit for unit in AdministrativeUnit.objects.select_for_update()}
        code_of = {unit.pk: code for code, unit in stored.items()}
        known = {
            code: (code_of.get(unit.parent_id, ""), code_of.get(unit.successor_id, ""))
            for code, unit in stored.items()
        }
        rows = read_units(text, known)
        changed: dict[str, set[str]] = {}
        for row in rows:
            unit = stored.get(row.code)
            values = {name: getattr(row, name) for name in FIELDS}
            if unit is None:
                unit = stored[row.code] = AdministrativeUnit.objects.create(code=row.code, **values)
                result.created.append(row.code)
                continue
            for name, value in values.items():
                if getattr(unit, name) != value:
                    setattr(unit, name, value)
                    changed.setdefault(row.code, set()).add(name)
        for row in rows:
            unit = stored[row.code]
            for name, column in LINKS:
                target = getattr(row, column)
                target_id = stored[target].pk if target else None
                if getattr(unit, f"{name}_id") != target_id:
                    setattr(unit, f"{name}_id", target_id)
                    changed.setdefault(row.code, set()).add(name)
        for code, names in changed.items():
            stored[code].save(update_fields=sorted(names))
        for row in rows:
            if row.code in changed and row.code not in result.created:
                result.updated.append(row.code)
            elif row.code not in result.created:
                result.unchanged.append(row.code)
    return result
