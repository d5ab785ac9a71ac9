from django.core.management.base import BaseCommand

from wagtail_dangvu.documents.files import sync_all


class Command(BaseCommand):
    help = (
        "Make the files of the documents register follow it: move the file of every "
        "withheld entry to the private storage (and its document to the restricted "
        "collection), and back those that no withheld entry holds any more. Run it once "
        "after installing this version, and after changing entries behind the app's back "
        "(bulk updates, raw SQL). Safe to run again."
    )

    def handle(self, *args, **options):
        withheld, released = sync_all()
        self.stdout.write(
            self.style.SUCCESS(
                f"{withheld} file(s) moved to the private storage, {released} moved back."
            )
        )
