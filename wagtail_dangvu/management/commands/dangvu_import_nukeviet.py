"""``manage.py dangvu_import_nukeviet``: move a NukeViet portal's news module in."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from wagtail_dangvu.importers.nukeviet.importer import ImportRefused, NukeVietImporter


class Command(BaseCommand):
    help = (
        "Import a NukeViet 4 news module (categories, articles, images, files, tags, view "
        "and rating counters) below a page, with permanent redirects from every old "
        "address. Safe to run again: only what changed is updated."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--mysql", help="mysql://user:password@host:port/dbname")
        source.add_argument("--dump", help="A mysqldump file, .sql or .sql.gz")
        parser.add_argument("--into", type=int, required=True, help="The page id to import below.")
        parser.add_argument("--prefix", default="nv4", help="NukeViet's table prefix (nv4).")
        parser.add_argument("--lang", default="vi", help="The site language of the tables (vi).")
        parser.add_argument("--module", default="news", help="The news module's name (news).")
        parser.add_argument("--uploads", help="NukeViet's uploads/ folder, for images and files.")
        parser.add_argument(
            "--old-site", help="The old portal's address, e.g. https://old.example.gov.vn"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be done; write nothing."
        )

    def handle(self, *args, **options):
        from wagtail_dangvu.importers.nukeviet.sources import NotNukeViet, find_module, open_source

        try:
            into = Page.objects.get(pk=options["into"])
        except Page.DoesNotExist:
            raise CommandError(f"No page has the id {options['into']} (--into).") from None
        try:
            source = open_source(mysql=options["mysql"], dump=options["dump"])
        except NotNukeViet as error:
            raise CommandError(f"Not a NukeViet news module: {error}") from None
        try:
            module = find_module(
                source, prefix=options["prefix"], lang=options["lang"], module=options["module"]
            )
            self.stdout.write(
                f"{source.description}: NukeViet {module.layout} layout, "
                f"module {module.table('')[:-1]}"
            )
            importer = NukeVietImporter(
                module,
                into.specific,
                uploads=options["uploads"],
                old_site=options["old_site"],
                dry_run=options["dry_run"],
                progress=self.progress_for(self.stdout),
            )
            summary = importer.run()
        except NotNukeViet as error:
            raise CommandError(f"Not a NukeViet news module: {error}") from None
        except ImportRefused as error:
            raise CommandError(str(error)) from None
        finally:
            source.close()
        self.report(summary)

    def progress_for(self, stdout):
        terminal = stdout.isatty()  # Django's OutputWrapper asks the stream it wraps

        def progress(done: int, total: int, title: str) -> None:
            if terminal:
                width = 30
                filled = width * done // max(total, 1)
                bar = "#" * filled + "-" * (width - filled)
                stdout.write(f"\r[{bar}] {done}/{total}", ending="")
                if done == total:
                    stdout.write("")
            elif done == total or done % 100 == 0 or total <= 100:
                stdout.write(f"{done}/{total} {title}")

        return progress

    def report(self, summary) -> None:
        write = self.stdout.write
        if summary.dry_run:
            write(self.style.WARNING("Dry run: nothing was written. It would have done:"))
        c, a = summary.categories, summary.articles
        write(
            f"Categories: {c['created']} created, {c['updated']} updated, "
            f"{c['unchanged']} unchanged"
        )
        write(
            f"Articles: {a['created']} created, {a['updated']} updated, "
            f"{a['unchanged']} unchanged, {a['skipped']} skipped"
        )
        for old_id, reason in summary.skipped:
            write(f"  skipped article {old_id}: {reason}")
        i, f = summary.images, summary.files
        write(
            f"Images: {i['imported']} imported, {i['reused']} already in the library, "
            f"{i['missing']} missing"
        )
        for old_id, src in summary.missing:
            write(f"  article {old_id}: image not found: {src}")
        write(
            f"Files: {f['imported']} imported, {f['reused']} already in the library, "
            f"{f['missing']} missing"
        )
        r = summary.redirects
        write(f"Redirects: {r['created']} created, {r['kept']} kept")
        if summary.featured:
            write("Block groups: the home page's featured articles were updated")
        if "front_page_draft" in summary.notes:
            write("  saved as a draft of the home page (it had unpublished changes): publish it")
        if "no_front_page_blocks" in summary.notes:
            write("Block groups: the home page has no front page blocks; none placed")
        if summary.problems:
            write(f"{summary.problems} problem(s) to look at: Reports > Import problems")
        if not summary.changed and not summary.dry_run:
            write(self.style.SUCCESS("Nothing changed: the portal was already up to date."))
        else:
            write(self.style.SUCCESS("Done."))
