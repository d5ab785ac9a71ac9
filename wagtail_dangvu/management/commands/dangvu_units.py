from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from wagtail_dangvu.problems import ProblemError
from wagtail_dangvu.units.groups import ensure_unit_groups
from wagtail_dangvu.units.importer import import_units
from wagtail_dangvu.units.wording import word


class Command(BaseCommand):
    help = (
        "The province's administrative units: `import FILE.csv` loads them from a CSV file "
        "(code,name,kind,parent_code,valid_from,valid_until,successor_code), all or nothing; "
        "`groups` gives every unit with a section its editors' and moderators' groups. "
        "Both are safe to run again."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("import", help="Load the units of a CSV file.")
        load.add_argument("file", help="The CSV file, UTF-8 with or without a BOM.")
        actions.add_parser("groups", help="Create or update each unit's groups.")

    def handle(self, *args, action, **options):
        if action == "import":
            self.load(options["file"])
        else:
            self.groups()

    def groups(self):
        result = ensure_unit_groups()
        for name in result.workflow_kept:
            self.stdout.write(
                self.style.WARNING(
                    gettext(
                        "%(unit)s: its section already has another workflow; it was left as it is."
                    )
                    % {"unit": name}
                )
            )
        if not result.changed:
            self.stdout.write(
                ngettext(
                    "Nothing changed: the %(count)s unit with a section already has its groups.",
                    "Nothing changed: the %(count)s units with a section already have their "
                    "groups.",
                    result.units,
                )
                % {"count": result.units}
            )
            return
        for added in result.added:
            self.stdout.write(gettext("Added: %(what)s") % {"what": added})
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "The %(count)s unit with a section has its groups (%(granted)s "
                    "permissions given).",
                    "The %(count)s units with a section have their groups (%(granted)s "
                    "permissions given).",
                    result.units,
                )
                % {"count": result.units, "granted": result.granted}
            )
        )

    def load(self, file_name):
        path = Path(file_name)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                gettext("Cannot read %(file)s: %(reason)s")
                % {"file": file_name, "reason": error.strerror}
            ) from error
        try:
            result = import_units(data)
        except ProblemError as error:
            lines = [
                gettext("%(file)s was not imported; nothing was written:") % {"file": file_name}
            ]
            lines += [word(problem) for problem in error.problems]
            raise CommandError("\n".join(lines)) from error
        if not result.changed:
            self.stdout.write(
                ngettext(
                    "Nothing changed: the %(count)s unit of %(file)s is already stored as it is.",
                    "Nothing changed: the %(count)s units of %(file)s are already stored as "
                    "they are.",
                    len(result.unchanged),
                )
                % {"count": len(result.unchanged), "file": file_name}
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                gettext(
                    "%(file)s imported: %(created)s created, %(updated)s updated, "
                    "%(unchanged)s unchanged."
                )
                % {
                    "file": file_name,
                    "created": len(result.created),
                    "updated": len(result.updated),
                    "unchanged": len(result.unchanged),
                }
            )
        )
