"""Builds the demo content from the TOML files in ``data/``, once.

The builder knows page types only by name: a ``[[page]]`` table names its ``model`` (a page
model of ``wagtail_dangvu``), its ``parent`` (a slug path under the default site's root
page; the root page itself when left out), its ``slug``, its ``tags``, and its fields as
the model names them. A value may refer to other demo content with a one-key table:

- ``{ "$document" = "21-KL/TW" }``: the register's document with this symbol;
- ``{ "$indicator" = "inspections-by-cells" }``: the indicator with this code;
- ``{ "$field" = "kinh-te" }``: the "dân vận khéo" field with this slug;
- ``{ "$source" = "Đảng ủy xã Long Bình" }``, ``{ "$topic" = "thuc-hien-ket-luan-21" }``:
  the news source with this name, the topic with this slug (``snippets.toml``);
- ``{ "$image" = "toa-dam-tong-ket" }``: the illustration with this key (``images.toml``),
  drawn by the builder: the demo carries no photograph of a real event;
- ``{ "$unit" = "MH-01" }``: the administrative unit with this code (``units.toml``);
- ``{ "$days_from_today" = 10 }``: a date that many days after the day the demo is built.

A page's ``model = "$home"`` is the home page's own type: a commune's home page, the
section of its unit (``units.toml`` names each unit's section by its slug path). Each
unit with a section gets its editors' and moderators' groups (``manage.py dangvu_units
groups``).

A page may name ``[[page.links]]`` (``before``, ``page``): once every page exists, a
paragraph "``before`` <the linked page's title>" linking to that page ends its body, so two
pages can link to each other whichever is created first.

Inside a StreamField a reference becomes the object's id, as a chooser block stores it. A
date and time without an offset is in the portal's time zone (TOML's local date-time).

Every object is found by a stable key (a slug under its parent, a symbol and issue date,
an indicator code) before it is created, so a second run changes nothing.
"""

from __future__ import annotations

import datetime
import html
import io
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import models, transaction
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from wagtail_dangvu.articles.reading import Source, Topic
from wagtail_dangvu.documents.models import PartyDocument
from wagtail_dangvu.events.models import portal_zone
from wagtail_dangvu.statistics.models import Indicator
from wagtail_dangvu.stories.models import STANDARD_FIELDS, DanVanKheoField
from wagtail_dangvu.units.models import AdministrativeUnit

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict:
    """One data file, by its path under ``data/``."""
    with (DATA / name).open("rb") as file:
        return tomllib.load(file)


@cache
def english_strings() -> dict[str, str]:
    """The English of the demo's strings, keyed by the Vietnamese source string."""
    return {entry["vi"]: entry["en"] for entry in load("english.toml")["string"]}


# Where `make demo` serves (`manage.py runserver`'s default address).
DEMO_HOSTNAME = "127.0.0.1"
DEMO_PORT = 8000


@dataclass
class DemoReport:
    """What one run did: created objects by kind."""

    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)


class DemoBuilder:
    """Creates the demo content under the default site's root page, once."""

    def __init__(self):
        self.report = DemoReport()
        self.references: dict[str, dict[str, models.Model]] = {}
        self.pending_links: list[tuple[Page, list[dict]]] = []

    @property
    def home(self) -> Page:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise RuntimeError("There is no default Wagtail site: run migrate first.")
        return site.root_page.specific

    @property
    def locale(self) -> Locale:
        return self.home.locale

    # Values ------------------------------------------------------------------------------

    def resolve(self, value, *, in_stream: bool = False):
        """``value`` from a data file with its references and local date-times resolved."""
        if isinstance(value, dict):
            if len(value) == 1 and next(iter(value)).startswith("$"):
                ((kind, key),) = value.items()
                return self.reference(kind[1:], key, in_stream=in_stream)
            return {name: self.resolve(item, in_stream=in_stream) for name, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item, in_stream=in_stream) for item in value]
        if isinstance(value, datetime.datetime) and timezone.is_naive(value):
            return timezone.make_aware(value, portal_zone())
        return value

    def reference(self, kind: str, key, *, in_stream: bool):
        if kind == "days_from_today":
            today = timezone.localtime(timezone.now(), portal_zone()).date()
            return today + datetime.timedelta(days=key)
        try:
            found = self.references[kind][key]
        except KeyError:
            raise ValueError(f"The demo data names an unknown {kind}: {key!r}") from None
        return found.pk if in_stream else found

    def fields_of(self, model, data: dict) -> dict:
        return {
            name: self.resolve(
                value, in_stream=isinstance(model._meta.get_field(name), StreamField)
            )
            for name, value in data.items()
        }

    # Snippets ----------------------------------------------------------------------------

    def units(self) -> None:
        """The province, its communes and the seed's units as history (no sections yet:
        :meth:`sections` links them once the pages are there)."""
        found = self.references.setdefault("unit", {})
        for entry in load("units.toml")["unit"]:
            entry = dict(entry)
            entry.pop("section", None)
            for link in ("parent", "successor"):
                if link in entry:
                    entry[link] = found[entry[link]]
            unit = AdministrativeUnit.objects.filter(code=entry["code"]).first()
            if unit is None:
                unit = AdministrativeUnit(**entry)
                unit.full_clean()
                unit.save()
                self.report.add(f"administrative unit: {unit.name}")
            found[unit.code] = unit

    def sections(self) -> None:
        """Each unit's section: the page at its slug path (the home page for "")."""
        for entry in load("units.toml")["unit"]:
            if "section" not in entry:
                continue
            unit = self.references["unit"][entry["code"]]
            page = self.page_at(entry["section"])
            if unit.section_id != page.pk:
                unit.section = page
                unit.save(update_fields=["section"])
                self.report.add(f"section of {unit.name}: {page.title}")

    def groups(self) -> None:
        """Each unit with a section gets its editors' and moderators' groups, kept to
        it (``manage.py dangvu_units groups``, which changes nothing a second time)."""
        before = Group.objects.count()
        call_command("dangvu_units", "groups", stdout=io.StringIO())
        if (created := Group.objects.count() - before) > 0:
            self.report.add(f"groups of the units' sections: {created}")

    def documents(self) -> None:
        if "unit" not in self.references:  # documents name their issuing unit
            self.units()
        found = self.references.setdefault("document", {})
        for entry in load("documents.toml")["document"]:
            entry = {name: self.resolve(value) for name, value in entry.items()}
            implements = entry.pop("implements", [])
            document = PartyDocument.objects.filter(
                locale=self.locale, symbol=entry["symbol"], issue_date=entry["issue_date"]
            ).first()
            if document is None:
                document = PartyDocument(locale=self.locale, **entry)
                document.full_clean()
                document.save()
                document.implements.set([found[symbol] for symbol in implements])
                document.save()
                self.report.add(f"document: {document.symbol}")
            found[document.symbol] = document

    def indicators(self) -> None:
        found = self.references.setdefault("indicator", {})
        for entry in load("indicators.toml")["indicator"]:
            entry = dict(entry)
            code = entry.pop("code")
            indicator, created = Indicator.objects.get_or_create(
                locale=self.locale, code=code, defaults=entry
            )
            if created:
                self.report.add(f"indicator: {code}")
            found[code] = indicator

    def story_fields(self) -> None:
        """The four standard fields; migration 0002 made them unless it found no locale."""
        found = self.references.setdefault("field", {})
        for slug, name, sort_order in STANDARD_FIELDS:
            story_field, created = DanVanKheoField.objects.get_or_create(
                locale=self.locale, slug=slug, defaults={"name": name, "sort_order": sort_order}
            )
            if created:
                self.report.add(f"dân vận khéo field: {name}")
            found[slug] = story_field

    def reading_snippets(self) -> None:
        """The news sources and topics articles name."""
        data = load("snippets.toml")
        for kind, model, key in (("source", Source, "name"), ("topic", Topic, "slug")):
            found = self.references.setdefault(kind, {})
            for entry in data.get(kind, []):
                snippet = model.objects.filter(locale=self.locale, **{key: entry[key]}).first()
                if snippet is None:
                    snippet = model(locale=self.locale, **entry)
                    snippet.full_clean()
                    snippet.save()
                    self.report.add(f"{model._meta.verbose_name}: {snippet}")
                found[entry[key]] = snippet

    def images(self) -> None:
        """The demo's illustrations, drawn here: flat shapes, no real scene or person."""
        found = self.references.setdefault("image", {})
        image_model = get_image_model()
        for entry in load("images.toml")["image"]:
            image = image_model.objects.filter(title=entry["title"]).first()
            if image is None:
                image = image_model(title=entry["title"], description=entry["description"])
                image.file = ImageFile(draw_illustration(), name=f"{entry['key']}.png")
                image.save()
                self.report.add(f"image: {image.title}")
            found[entry["key"]] = image

    # Pages -------------------------------------------------------------------------------

    def page_at(self, path: str) -> Page:
        """The page at this slug path under the home page, in the home page's locale."""
        page = self.home
        for slug in filter(None, path.split("/")):
            page = page.get_children().get(slug=slug)
        return page.specific

    def child(self, parent: Page, page_class, slug: str, *, tags=(), **fields) -> Page:
        """The child of ``parent`` with this slug, created and published if missing."""
        existing = page_class.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = page_class(slug=slug, **fields)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        self.report.add(f"{page_class._meta.verbose_name}: {page.title}")
        return page

    def pages(self) -> None:
        for path in sorted((DATA / "pages").glob("*.toml")):
            for entry in load(f"pages/{path.name}")["page"]:
                entry = dict(entry)
                model = entry.pop("model")
                model = (
                    type(self.home) if model == "$home" else apps.get_model("wagtail_dangvu", model)
                )
                parent = self.page_at(entry.pop("parent", ""))
                slug = entry.pop("slug")
                tags = entry.pop("tags", [])
                links = entry.pop("links", [])
                created = len(self.report.created)
                page = self.child(parent, model, slug, tags=tags, **self.fields_of(model, entry))
                if links and len(self.report.created) > created:
                    self.pending_links.append((page, links))
        self.link_pages()

    def link_pages(self) -> None:
        """End the body of each page created in this run with its links to other pages."""
        for page, links in self.pending_links:
            for link in links:
                target = self.page_at(link["page"])
                page.body.append(
                    (
                        "paragraph",
                        f'<p>{html.escape(link["before"])}<a linktype="page" id="{target.pk}">'
                        f"{html.escape(target.title)}</a></p>",
                    )
                )
            page.save_revision().publish()
        self.pending_links = []

    # Ratings and English versions ---------------------------------------------------------

    def ratings(self) -> None:
        if not apps.is_installed("wagtail_dangvu.ratings"):
            return
        from ..ratings.models import Rating

        for entry in load("ratings.toml")["rating"]:
            page = self.page_at(entry["page"])
            if Rating.objects.for_page(page).filter(imported_count__gt=0).exists():
                continue
            Rating.objects.import_counters(page, total=entry["total"], count=entry["count"])
            self.report.add(f"rating: {entry['total']} points from {entry['count']} votes")

    def english(self) -> None:
        """English versions through wagtail-localize, as a provincial portal publishes."""
        english = Locale.objects.filter(language_code="en").first()
        if english is None or not apps.is_installed("wagtail_localize"):
            return
        from ..translation import translate

        strings = english_strings()
        for path in load("english.toml")["pages"]:
            page = self.page_at(path)
            if page.has_translation(english):
                continue
            translated = translate(page, english, lambda text: strings.get(text, text))
            self.report.add(f"English translation: {translated.title}")

    @transaction.atomic
    def site(self) -> None:
        """The default site answers where ``make demo`` serves (127.0.0.1:8000), so that the
        sitemap, the feeds and the calendar links point at the running demo. A site someone
        has already given another address is left alone."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise RuntimeError("There is no default Wagtail site: run migrate first.")
        if (site.hostname, site.port) != ("localhost", 80):
            return
        site.hostname, site.port = DEMO_HOSTNAME, DEMO_PORT
        site.save(update_fields=["hostname", "port"])
        self.report.add("site address")

    def build(self) -> DemoReport:
        self.site()
        self.units()
        self.documents()
        self.indicators()
        self.story_fields()
        self.reading_snippets()
        self.images()
        self.pages()
        self.sections()
        self.groups()
        self.ratings()
        self.english()
        return self.report


def draw_illustration() -> io.BytesIO:
    """A flat drawing of a speaker at a lectern before a hall's banner (PNG, 1200×675)."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (1200, 675), (236, 228, 214))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, 1200, 170), fill=(176, 30, 35))  # the hall's banner
    draw.rectangle((0, 170, 1200, 182), fill=(224, 178, 60))
    draw.ellipse((555, 250, 645, 340), fill=(120, 92, 70))  # the speaker
    draw.rounded_rectangle((510, 345, 690, 560), radius=40, fill=(52, 64, 92))
    draw.polygon([(430, 470), (770, 470), (740, 675), (460, 675)], fill=(140, 96, 58))
    draw.rectangle((0, 640, 1200, 675), fill=(160, 150, 136))  # the stage
    out = io.BytesIO()
    picture.save(out, format="PNG")
    out.seek(0)
    return out
