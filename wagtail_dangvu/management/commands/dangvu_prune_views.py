from django.core.management.base import BaseCommand

from wagtail_dangvu.articles.view_counts import KEEP_DAYS, portal_today, prune_views


class Command(BaseCommand):
    help = (
        "Delete the view counter's daily rows (who read which article on which day) older "
        f"than the given number of days ({KEEP_DAYS} by default). The articles' totals "
        "stay. The first counted view of each day does the same; run it from cron on a "
        "portal that wants them gone sooner."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=KEEP_DAYS, help="Days to keep.")

    def handle(self, *args, days, **options):
        if days < 1:
            self.stderr.write("--days must be 1 or more.")
            raise SystemExit(2)
        deleted = prune_views(portal_today(), keep_days=days)
        self.stdout.write(self.style.SUCCESS(f"{deleted} daily view row(s) deleted."))
