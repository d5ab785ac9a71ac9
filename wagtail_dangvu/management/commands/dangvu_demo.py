from django.core.management.base import BaseCommand

from wagtail_dangvu.demo.builder import DemoBuilder


class Command(BaseCommand):
    help = (
        "Create the demo content (documents, reports, events, stories, news, figures, "
        "ratings) under the default site's root page, from the data files in "
        "wagtail_dangvu/demo/data/. Safe to run again: existing content is left as it is."
    )

    def handle(self, *args, **options):
        report = DemoBuilder().build()
        if not report.created:
            self.stdout.write("The demo content is already there; nothing was changed.")
            return
        for line in report.created:
            self.stdout.write(f"  created {line}")
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {len(report.created)} created."))
