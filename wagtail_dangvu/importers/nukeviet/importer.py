"""Import a NukeViet news module (see :mod:`.sources`) below a page of the portal.

What becomes of what:

- each category (``_cat``) a news section (:class:`NewsIndexPage`) nested as it was, or
  the index type of the article type a setting maps it to;
- each article (``_rows`` with ``_detail``) a news article (or the mapped type) under its
  main category, listed in its other categories through ``also_listed_in``;
- its body cleaned (:mod:`.bodies`), its pictures and attachments in Wagtail's image and
  document libraries, its view count, rating counters, source, topic, tags and block
  groups (featured articles of the home page's front page blocks);
- every old address a permanent redirect to the new page.

Pages are matched to the old ids by :class:`ImportedPage`: a second run changes only
what changed. Each article is written in a transaction of its own; a dry run does all
the work in a transaction that is rolled back (and stores no file).
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from wagtail_dangvu.articles.models import AbstractArticleIndexPage, AbstractArticlePage
from wagtail_dangvu.articles.reading import Source, Topic
from wagtail_dangvu.articles.view_counts import ArticleViewCount
from wagtail_dangvu.conf import get_setting
from wagtail_dangvu.news.models import NewsArticlePage, NewsIndexPage

from .bodies import convert_body, plain_text, unsafe_url
from .models import ImportedPage, ImportKind, ImportProblem, ProblemCode

#: Bumped when the importer maps something differently: every article is then updated.
MAPPING_VERSION = "1"
_PENDING = "nukeviet-article:"
_PENDING_RE = re.compile(r'<a href="nukeviet-article:(\d+)">')
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff"}


class ImportRefused(Exception):
    """The run cannot start (nothing was written); the message says why."""


class _DryRun(Exception):
    pass


@dataclass
class Summary:
    layout: str = ""
    categories: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    articles: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    skipped: list[tuple[int, str]] = field(default_factory=list)
    images: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    files: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missing: list[tuple[int, str]] = field(default_factory=list)
    redirects: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    problems: int = 0
    featured: int = 0
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(
            self.categories["created"]
            or self.categories["updated"]
            or self.articles["created"]
            or self.articles["updated"]
            or self.redirects["created"]
            or self.featured
        )


def _int(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _str(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _from_unix(value) -> datetime.datetime | None:
    seconds = _int(value)
    if seconds <= 0:
        return None
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def _digest(*parts) -> str:
    text = json.dumps([MAPPING_VERSION, *parts], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def page_types_setting() -> dict[str, str]:
    """``WAGTAIL_DANGVU["NUKEVIET_PAGE_TYPES"]``: category alias -> "app_label.Model"."""
    return dict(get_setting("NUKEVIET_PAGE_TYPES") or {})


class NukeVietImporter:
    def __init__(
        self,
        module,
        into: Page,
        *,
        uploads: str | Path | None = None,
        old_site: str | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int, str], None] | None = None,
        now: datetime.datetime | None = None,
    ):
        self.module = module
        self.into = into
        self.uploads = Path(uploads) if uploads else None
        self.old_site = old_site.rstrip("/") if old_site else ""
        self.old_host = (urlsplit(self.old_site).hostname or "").lower()
        self.dry_run = dry_run
        self.progress = progress or (lambda done, total, label: None)
        self.now = now or timezone.now()
        self.lang = module.lang
        self.name = module.module
        self.key = module.table("")[:-1] if module.table("").endswith("_") else module.table("")
        self.summary = Summary(layout=module.layout, dry_run=dry_run)
        self.site = into.get_site()
        self.category_pages: dict[int, Page] = {}
        self.article_pages: dict[int, int] = {}  # old id -> page id
        self.images: dict[str, int | None] = {}
        self.documents: dict[str, int | None] = {}
        self.pending: dict[int, int] = {}  # page id -> old article id (links to resolve)

    # Checks before anything is written -----------------------------------------------------

    def check(self) -> None:
        if not apps.is_installed("wagtail.contrib.redirects"):
            raise ImportRefused(
                "wagtail.contrib.redirects is not in INSTALLED_APPS: the old addresses "
                "could not be kept."
            )
        if self.uploads is not None and not self.uploads.is_dir():
            raise ImportRefused(f"--uploads {self.uploads} is not a folder.")
        if self.old_site and urlsplit(self.old_site).scheme not in {"http", "https"}:
            raise ImportRefused(f"--old-site {self.old_site} is not an http(s) address.")
        into_class = self.into.specific_class
        if into_class is None or NewsIndexPage not in into_class.allowed_subpage_models():
            raise ImportRefused(
                f"Page {self.into.pk} ({self.into.title}) cannot hold news sections; "
                "choose the home page or a news section as --into."
            )
        self.page_types = {}
        for alias, label in page_types_setting().items():
            try:
                model = apps.get_model(label)
            except (LookupError, ValueError) as error:
                raise ImportRefused(f"NUKEVIET_PAGE_TYPES[{alias!r}]: {error}") from None
            if not issubclass(model, AbstractArticlePage):
                raise ImportRefused(f"NUKEVIET_PAGE_TYPES[{alias!r}]: {label} is not an article.")
            self.page_types[alias] = (model, self.index_model_for(model, alias))

    def index_model_for(self, model, alias):
        for candidate in apps.get_models():
            if (
                issubclass(candidate, AbstractArticleIndexPage)
                and not candidate._meta.abstract
                and candidate.article_model is model
            ):
                return candidate
        raise ImportRefused(
            f"NUKEVIET_PAGE_TYPES[{alias!r}]: no index page lists {model.__name__}."
        )

    # Reading --------------------------------------------------------------------------------

    def read(self) -> None:
        module = self.module
        table = module.table
        tables = module.source.tables()
        self.categories = {_int(row["catid"]): row for row in module.source.rows(table("cat"))}
        self.rows = {}
        for row in module.source.rows(table("rows")):
            self.rows[_int(row["id"])] = row
        self.sources = {}
        if table("sources") in tables:
            self.sources = {_int(r["sourceid"]): r for r in module.source.rows(table("sources"))}
        self.topics = {}
        if table("topics") in tables:
            self.topics = {_int(r["topicid"]): r for r in module.source.rows(table("topics"))}
        tag_titles = {}
        if table("tags") in tables:
            tag_titles = {
                _int(r["tid"]): _str(r.get("title")) for r in module.source.rows(table("tags"))
            }
        self.tags: dict[int, list[str]] = defaultdict(list)
        if table("tags_id") in tables:
            for r in module.source.rows(table("tags_id")):
                name = tag_titles.get(_int(r["tid"])) or _str(r.get("keyword"))
                self.tags[_int(r["id"])].append(name)
        self.block_groups = []
        self.block_members: dict[int, list[tuple[int, int]]] = defaultdict(list)
        if table("block_cat") in tables and table("block") in tables:
            self.block_groups = sorted(
                module.source.rows(table("block_cat")),
                key=lambda r: (_int(r.get("weight")), _int(r["bid"])),
            )
            for r in module.source.rows(table("block")):
                self.block_members[_int(r["bid"])].append((_int(r.get("weight")), _int(r["id"])))
        self.plan_slugs()

    def cat_alias(self, catid: int) -> str:
        row = self.categories.get(catid)
        return _str(row["alias"]) if row else ""

    def listed_catids(self, row) -> list[int]:
        ids = [_int(part) for part in _str(row.get("listcatid")).split(",") if part.strip()]
        main = _int(row["catid"])
        return [main, *[i for i in dict.fromkeys(ids) if i != main and i in self.categories]]

    def plan_slugs(self) -> None:
        """Each article's slug: its alias, or ``<alias>-<id>`` when an article with a lower
        id has the alias in the same category (predictable whatever the order read)."""
        self.slugs: dict[int, str] = {}
        seen: dict[tuple[int, str], int] = {}
        for old_id in sorted(self.rows):
            row = self.rows[old_id]
            alias = (
                slugify(_str(row.get("alias")))
                or slugify(_str(row.get("title")))
                or f"bai-{old_id}"
            )
            key = (_int(row["catid"]), alias)
            if key in seen:
                self.slugs[old_id] = f"{alias}-{old_id}"
            else:
                seen[key] = old_id
                self.slugs[old_id] = alias

    # Running --------------------------------------------------------------------------------

    def run(self) -> Summary:
        self.check()
        self.read()
        # A real run commits category by category and article by article, so that a
        # failure leaves whole articles only and the next run takes up where it stopped;
        # a dry run does everything in one transaction and rolls it back.
        try:
            with transaction.atomic() if self.dry_run else nullcontext():
                self.load_records()
                self.import_categories()
                self.import_articles()
                self.resolve_pending_links()
                with transaction.atomic():
                    self.import_block_groups()
                if self.dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return self.summary

    def load_records(self) -> None:
        self.records = {
            (record.kind, record.old_id): record
            for record in ImportedPage.objects.filter(into=self.into, module=self.key)
        }
        for (kind, old_id), record in self.records.items():
            if kind == ImportKind.ARTICLE:
                self.article_pages[old_id] = record.page_id

    # Categories -----------------------------------------------------------------------------

    def import_categories(self) -> None:
        done: set[int] = set()
        ordered = sorted(
            self.categories.values(), key=lambda r: (_int(r.get("sort")), _int(r["catid"]))
        )
        remaining = list(ordered)
        while remaining:
            progressed = False
            for row in list(remaining):
                catid, parent_id = _int(row["catid"]), _int(row.get("parentid"))
                if parent_id and parent_id in self.categories and parent_id not in done:
                    continue
                with transaction.atomic():
                    self.import_category(row)
                done.add(catid)
                remaining.remove(row)
                progressed = True
            if not progressed:  # a cycle in parentid: put the rest at the top
                for row in remaining:
                    with transaction.atomic():
                        self.import_category({**row, "parentid": 0})
                remaining = []

    def category_urls(self, alias: str) -> list[str]:
        lang, name = self.lang, self.name
        return [
            f"/index.php?language={lang}&nv={name}&op={alias}",
            f"/{lang}/{name}/{alias}/",
            f"/{name}/{alias}/",
        ]

    def import_category(self, row) -> None:
        catid = _int(row["catid"])
        alias = _str(row["alias"])
        parent_id = _int(row.get("parentid"))
        parent = self.category_pages.get(parent_id) or self.into
        model = self.page_types.get(alias, (None, NewsIndexPage))[1]
        title = plain_text(_str(row["title"]))[:255]
        intro = plain_text(_str(row.get("description")))
        live = _int(row.get("status", 1)) != 0
        fingerprint = _digest(row, parent.pk)
        record = self.records.get((ImportKind.CATEGORY, catid))
        old_url = self.absolute(self.category_urls(alias)[1])
        if record is not None:
            page = record.page.specific
            if record.fingerprint == fingerprint:
                self.summary.categories["unchanged"] += 1
                self.category_pages[catid] = page
                return
            page.title = title
            page.intro = f"<p>{_escape(intro)}</p>" if intro else ""
            if page.get_parent().pk != parent.pk:
                page.move(parent, pos="last-child")
                page.refresh_from_db()
            status = "updated"
        else:
            page = model(
                title=title,
                slug=self.free_slug(parent, slugify(alias) or f"chuyen-muc-{catid}"),
                intro=f"<p>{_escape(intro)}</p>" if intro else "",
                live=False,
            )
            parent.add_child(instance=page)
            status = "created"
        revision = page.save_revision()
        if live:
            revision.publish()
            # The category's own dates where NukeViet kept them (add_time, 4.x).
            added, edited = _from_unix(row.get("add_time")), _from_unix(row.get("edit_time"))
            if added:
                Page.objects.filter(pk=page.pk).update(
                    first_published_at=added, last_published_at=edited or added
                )
        page.refresh_from_db()
        self.save_record(page, ImportKind.CATEGORY, catid, old_url, fingerprint, revision)
        for path in self.category_urls(alias):
            self.redirect(path, page)
        self.category_pages[catid] = page
        self.summary.categories[status] += 1

    def free_slug(self, parent, slug: str, *, taken: set[str] | None = None, suffix="") -> str:
        existing = set(parent.get_children().values_list("slug", flat=True)) | (taken or set())
        if slug not in existing:
            return slug
        number = 2
        while f"{slug}-{number}" in existing:
            number += 1
        return f"{slug}-{number}"

    # Articles -------------------------------------------------------------------------------

    def details(self):
        """(old id, detail row) for every article, streaming the body tables (``_detail``,
        or 4.0's ``_bodyhtml_N``) once; an article without one comes last, bodiless."""
        seen = set()
        for detail in self.module.details():
            old_id = _int(detail["id"])
            if old_id in self.rows and old_id not in seen:
                seen.add(old_id)
                yield old_id, detail
        for old_id in sorted(set(self.rows) - seen):
            yield old_id, {"id": old_id}

    def import_articles(self) -> None:
        total = len(self.rows)
        for done, (old_id, detail) in enumerate(self.details(), start=1):
            row = self.rows[old_id]
            if "bodyhtml" not in detail:
                detail = {**detail, "bodyhtml": self.module.body_html(old_id) or ""}
            try:
                with transaction.atomic():
                    self.import_article(row, detail)
            except _Skip as skip:
                self.summary.articles["skipped"] += 1
                self.summary.skipped.append((old_id, skip.reason))
                if skip.page is not None:
                    self.problem(skip.page, old_id, ProblemCode.EDITED_SINCE, "")
            self.progress(done, total, _str(row.get("title")))

    def article_model(self, catid: int):
        return self.page_types.get(self.cat_alias(catid), (NewsArticlePage, None))[0]

    def article_urls(self, row) -> list[str]:
        lang, name, old_id = self.lang, self.name, _int(row["id"])
        alias = _str(row.get("alias"))
        urls = []
        for catid in self.listed_catids(row):
            cat = self.cat_alias(catid)
            urls += [
                f"/index.php?language={lang}&nv={name}&op={cat}/{alias}-{old_id}",
                f"/index.php?language={lang}&nv={name}&op={cat}/{alias}-{old_id}.html",
                f"/{lang}/{name}/{cat}/{alias}-{old_id}.html",
                f"/{name}/{cat}/{alias}-{old_id}.html",
            ]
        return urls

    def import_article(self, row, detail) -> None:
        old_id = _int(row["id"])
        catid = _int(row["catid"])
        parent = self.category_pages.get(catid)
        if parent is None:
            raise _Skip(f"its category {catid} is not in the module")
        tags = sorted(set(self.tags.get(old_id, [])))
        fingerprint = _digest(row, detail, tags, parent.pk, self.slugs[old_id])
        record = self.records.get((ImportKind.ARTICLE, old_id))
        if record is not None and record.fingerprint == fingerprint:
            self.summary.articles["unchanged"] += 1
            return
        model = self.article_model(catid)
        if record is not None:
            page = record.page.specific
            if record.revision_id and page.latest_revision_id != record.revision_id:
                raise _Skip("edited in Wagtail since the last import", page)
            if page.get_parent().pk != parent.pk:
                page.move(parent, pos="last-child")
                page.refresh_from_db()
                page = page.specific
            ImportProblem.objects.filter(page=page, resolved=False).delete()
            status = "updated"
        else:
            page = model(title="-", slug=self.free_slug(parent, self.slugs[old_id]), live=False)
            status = "created"

        title = plain_text(_str(row.get("title")))[:255] or f"#{old_id}"
        page.title = title
        page.seo_title = plain_text(_str(detail.get("titlesite")))[:255]
        page.search_description = plain_text(_str(detail.get("description")))
        if _has_field(page, "summary"):
            page.summary = plain_text(_str(row.get("hometext")))
        if _has_field(page, "author"):
            page.author = plain_text(_str(row.get("author")))[:255]
        if _has_field(page, "source"):
            page.source = self.source_for(row, detail)
        live_at, expire_at, state = self.status(row)
        page.go_live_at = live_at if state == "scheduled" else None
        page.expire_at = expire_at
        if status == "created":
            parent.add_child(instance=page)
        problems: list[tuple[str, str]] = []
        body = self.body(page, _str(detail.get("bodyhtml")), problems, title)
        if _has_field(page, "body"):
            page.body = body
        if _has_field(page, "image"):
            page.image_id = self.article_image(row, problems)
        if _has_field(page, "attachments"):
            page.attachments = [
                {"type": "file", "value": doc_id}
                for doc_id in self.attachments(_str(detail.get("files")), problems)
            ]
        if _has_field(page, "topics"):
            topic = self.topic_for(row)
            page.topics = [topic] if topic else []
        if _has_field(page, "also_listed_in"):
            page.also_listed_in = [
                self.category_pages[c]
                for c in self.listed_catids(row)[1:]
                if c in self.category_pages and isinstance(self.category_pages[c], NewsIndexPage)
            ]
        keywords = [k.strip() for k in plain_text(_str(detail.get("keywords"))).split(",")]
        names = {name.lower(): name for name in [*tags, *keywords] if name}
        page.tags.set(sorted(names.values())[:50])

        revision = page.save_revision()
        if state in {"live", "scheduled"}:
            revision.publish()
        elif page.live:
            page.unpublish()
        fields = {
            "first_published_at": _from_unix(row.get("publtime")) if state == "live" else None,
            "last_published_at": _from_unix(row.get("edittime")) if state == "live" else None,
        }
        if state == "expired":
            fields.update(
                live=False, expired=True, first_published_at=_from_unix(row.get("publtime"))
            )
        Page.objects.filter(pk=page.pk).update(**fields)
        page.refresh_from_db()
        self.article_pages[old_id] = page.pk
        if _PENDING in json.dumps(body):
            # Links to articles not imported yet: resolved at the end of the run. Until
            # then the record does not count as up to date, so that a run stopped before
            # that imports this article again.
            self.pending[page.pk] = fingerprint
            fingerprint = ""
        self.save_record(
            page,
            ImportKind.ARTICLE,
            old_id,
            self.absolute(self.article_urls(row)[2]),
            fingerprint,
            revision,
        )
        for path in self.article_urls(row):
            self.redirect(path, page)
        self.counters(page, row, problems)
        for code, detail_text in problems:
            self.problem(page, old_id, code, detail_text)
        self.summary.articles[status] += 1

    def status(self, row) -> tuple[datetime.datetime | None, datetime.datetime | None, str]:
        """(go live at, expire at, "live" | "scheduled" | "draft" | "expired")."""
        status = _int(row.get("status"))
        publtime = _from_unix(row.get("publtime"))
        exptime = _from_unix(row.get("exptime"))
        if status == 3 or (status == 1 and exptime and exptime <= self.now):
            return publtime, exptime, "expired"
        if status == 2 or (status == 1 and publtime and publtime > self.now):
            if publtime and publtime > self.now:
                return publtime, exptime, "scheduled"
            return publtime, exptime, "live"
        if status == 1:
            return publtime, exptime, "live"
        return None, None, "draft"

    def counters(self, page, row, problems) -> None:
        if self.dry_run:
            return
        ArticleViewCount.objects.import_total(page, max(_int(row.get("hitstotal")), 0))
        if not apps.is_installed("wagtail_dangvu.ratings"):
            return
        from ...ratings.models import Rating

        total, count = _int(row.get("total_rating")), _int(row.get("click_rating"))
        try:
            Rating.objects.import_counters(page, total=max(total, 0), count=max(count, 0))
        except ValueError:
            problems.append((ProblemCode.INVALID_RATING, f"{total}/{count}"))
            Rating.objects.import_counters(page, total=0, count=0)
        Rating.objects.for_page(page).update(enabled=bool(_int(row.get("allowed_rating"))))

    # Bodies, images, files ------------------------------------------------------------------

    def body(self, page, markup: str, problems, title: str) -> list[dict]:
        converted = convert_body(
            markup,
            resolve_image=lambda src: self.image_for(self.local_path(src)),
            resolve_link=self.link_for,
        )
        problems.extend((p.code, p.detail) for p in converted.problems)
        blocks = []
        for kind, value in converted.segments:
            if kind == "richtext":
                blocks.append({"type": "paragraph", "value": value})
            else:
                image_id, alt = value
                blocks.append(
                    {
                        "type": "image",
                        "value": {"image": image_id, "decorative": False, "alt_text": alt or title},
                    }
                )
        return blocks

    def link_for(self, href: str) -> int | str | None:
        if unsafe_url(href):
            return None
        parts = urlsplit(href)
        host = (parts.hostname or "").lower()
        if parts.scheme and parts.scheme not in {"http", "https", "mailto", "tel", "ftp"}:
            return None
        if host and host != self.old_host:
            return href
        if parts.scheme in {"mailto", "tel"}:
            return href
        target = self.old_target(parts)
        if target is not None:
            kind, key = target
            if kind == "article" and key in self.rows:
                page_id = self.article_pages.get(key)
                return page_id if page_id else f"{_PENDING}{key}"
            if kind == "category" and key in self.category_by_alias():
                return self.category_by_alias()[key].pk
        return self.absolute(href) if self.old_site else href

    def category_by_alias(self) -> dict[str, Page]:
        return {self.cat_alias(catid): page for catid, page in self.category_pages.items()}

    def old_target(self, parts) -> tuple[str, object] | None:
        """("article", old id) or ("category", alias) for an old address of this module."""
        path = parts.path
        if path.endswith("index.php") or path in {"", "/"}:
            query = parse_qs(parts.query)
            if query.get("nv", [""])[0] != self.name:
                return None
            path = "/" + self.name + "/" + query.get("op", [""])[0]
        match = re.search(rf"(?:^|/){re.escape(self.name)}/(.+)$", path)
        if not match:
            return None
        rest = match.group(1).strip("/")
        # Rewritten addresses end in ".html"; index.php?...&op=<cat>/<alias>-<id> does not.
        article = re.search(r"/[^/]*-(\d+)(?:\.html?)?$", rest)
        if article:
            return "article", int(article.group(1))
        if rest and "/" not in rest:
            return "category", rest
        return None

    def absolute(self, path: str) -> str:
        if not self.old_site or urlsplit(path).scheme:
            return path
        return urljoin(self.old_site + "/", path.lstrip("/"))

    def local_path(self, src: str) -> Path | None:
        """Where an image or file named in the old portal is in --uploads, if anywhere."""
        parts = urlsplit(src.strip())
        host = (parts.hostname or "").lower()
        if parts.scheme and parts.scheme not in {"http", "https"}:
            return None
        if host and host != self.old_host:
            return None
        if self.uploads is None:
            return None
        path = parts.path
        marker = "/uploads/"
        if marker in path:
            relative = path.split(marker, 1)[1]
        elif not host and not path.startswith("/"):
            relative = f"{self.name}/{path}"  # relative to uploads/<module>/
        else:
            return None
        candidate = (self.uploads / relative).resolve()
        root = self.uploads.resolve()
        if root not in candidate.parents or not candidate.is_file():
            return None
        return candidate

    def image_for(self, path: Path | None, title: str = "") -> int | None:
        if path is None or path.suffix.lower() not in IMAGE_EXTENSIONS:
            return None
        key = str(path)
        if key in self.images:
            return self.images[key]
        if self.dry_run:
            self.summary.images["imported"] += 1
            self.images[key] = 0
            return 0
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        image_model = get_image_model()
        image = image_model.objects.filter(file_hash=digest).first()
        if image is None:
            image = image_model(
                title=(title or path.stem)[:255],
                file=ImageFile(io.BytesIO(data), name=path.name),
                file_size=len(data),
                file_hash=digest,
            )
            image.save()
            self.summary.images["imported"] += 1
        else:
            self.summary.images["reused"] += 1
        self.images[key] = image.pk
        return image.pk

    def article_image(self, row, problems) -> int | None:
        name = _str(row.get("homeimgfile")).strip()
        if not name:
            return None
        thumb = _int(row.get("homeimgthumb"))
        source = name if thumb == 3 or urlsplit(name).scheme else f"/uploads/{self.name}/{name}"
        image_id = self.image_for(self.local_path(source), plain_text(_str(row.get("homeimgalt"))))
        if image_id is None:
            problems.append((ProblemCode.MISSING_IMAGE, source))
            return None
        if self.dry_run:
            return None
        alt = plain_text(_str(row.get("homeimgalt")))
        image = get_image_model().objects.get(pk=image_id)
        if alt and _has_field(image, "description") and not image.description:
            image.description = alt[:255]
            image.save(update_fields=["description"])
        return image_id

    def attachments(self, files: str, problems) -> list[int]:
        ids = []
        for name in [part.strip() for part in files.split(",") if part.strip()]:
            source = name if urlsplit(name).scheme else f"/uploads/{self.name}/{name}"
            path = self.local_path(source)
            doc_id = self.document_for(path)
            if doc_id is None:
                self.summary.files["missing"] += 1
                problems.append((ProblemCode.MISSING_FILE, source))
                continue
            if doc_id:
                ids.append(doc_id)
        return ids

    def document_for(self, path: Path | None) -> int | None:
        if path is None:
            return None
        key = str(path)
        if key in self.documents:
            return self.documents[key]
        if self.dry_run:
            self.summary.files["imported"] += 1
            self.documents[key] = 0
            return 0
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        document_model = get_document_model()
        document = document_model.objects.filter(file_hash=digest).first()
        if document is None:
            document = document_model(title=path.name[:255], file_size=len(data), file_hash=digest)
            document.file.save(path.name, ContentFile(data), save=False)
            document.save()
            self.summary.files["imported"] += 1
        else:
            self.summary.files["reused"] += 1
        self.documents[key] = document.pk
        return document.pk

    def resolve_pending_links(self) -> None:
        for page_id, fingerprint in self.pending.items():
            with transaction.atomic():
                self.resolve_links_of(page_id, fingerprint)

    def resolve_links_of(self, page_id: int, fingerprint: str) -> None:
        page = Page.objects.get(pk=page_id).specific
        blocks = [dict(block) for block in page.body.raw_data]

        def link(match):
            target = self.article_pages.get(int(match.group(1)))
            return f'<a linktype="page" id="{target}">' if target else "<a>"

        for block in blocks:
            if block["type"] == "paragraph":
                block["value"] = _PENDING_RE.sub(link, block["value"])
        page.body = blocks
        scheduled = page.go_live_at is not None and page.go_live_at > self.now
        revision = page.save_revision()
        if page.live or scheduled:
            revision.publish()
        ImportedPage.objects.filter(page=page).update(
            revision_id=revision.pk, fingerprint=fingerprint
        )

    # Snippets ------------------------------------------------------------------------------

    def source_for(self, row, detail):
        source_row = self.sources.get(_int(row.get("sourceid")))
        locale = self.into.locale
        if source_row:
            name = plain_text(_str(source_row.get("title")))[:255]
            url = _valid_url(_str(source_row.get("link")))
        else:
            url = _valid_url(_str(detail.get("sourcetext")))
            name = (
                (urlsplit(url).hostname or "")
                if url
                else plain_text(_str(detail.get("sourcetext")))
            )
            name = name.removeprefix("www.")[:255]
        if not name:
            return None
        source = Source.objects.filter(locale=locale, name=name).first()
        if source is None:
            source = Source.objects.create(locale=locale, name=name, url=url)
        return source

    def topic_for(self, row):
        topic_row = self.topics.get(_int(row.get("topicid")))
        if not topic_row:
            return None
        locale = self.into.locale
        name = plain_text(_str(topic_row.get("title")))[:255]
        slug = slugify(_str(topic_row.get("alias")))[:100] or slugify(name)[:100]
        topic = Topic.objects.filter(locale=locale, slug=slug).first()
        if topic is None:
            topic = Topic.objects.create(
                locale=locale,
                name=name,
                slug=slug,
                description=plain_text(_str(topic_row.get("description"))),
            )
        return topic

    # Records, redirects, problems ----------------------------------------------------------

    def save_record(self, page, kind, old_id, old_url, fingerprint, revision) -> None:
        record, _created = ImportedPage.objects.update_or_create(
            into=self.into,
            module=self.key,
            kind=kind,
            old_id=old_id,
            defaults={
                "page": page,
                "old_url": old_url[:500],
                "fingerprint": fingerprint,
                "revision_id": revision.pk if revision else None,
            },
        )
        self.records[(kind, old_id)] = record

    def redirect(self, path: str, page) -> None:
        from wagtail.contrib.redirects.models import Redirect

        old_path = Redirect.normalise_path(path)
        _redirect, created = Redirect.objects.update_or_create(
            old_path=old_path,
            site=self.site,
            defaults={"redirect_page": page, "redirect_link": "", "is_permanent": True},
        )
        self.summary.redirects["created" if created else "kept"] += 1

    def problem(self, page, old_id, code, detail) -> None:
        ImportProblem.objects.get_or_create(
            page=page, old_id=old_id, code=code, detail=detail[:500], resolved=False
        )
        self.summary.problems += 1
        if code == ProblemCode.MISSING_IMAGE:
            self.summary.images["missing"] += 1
            self.summary.missing.append((old_id, detail))

    # Block groups ----------------------------------------------------------------------------

    def import_block_groups(self) -> None:
        if not self.block_groups:
            return
        home = self.site.root_page.specific if self.site else None
        stream_name = _front_page_field(home) if home is not None else None
        if stream_name is None:
            self.summary.notes.append("no_front_page_blocks")
            return
        from wagtail_dangvu.frontpage.lists import MAX_ITEMS

        stream = list(getattr(home, stream_name).raw_data)
        changed = False
        for group in self.block_groups:
            heading = plain_text(_str(group.get("title")))[:100]
            members = sorted(self.block_members.get(_int(group["bid"]), []))
            pages = [self.article_pages[i] for _w, i in members if i in self.article_pages]
            pages = pages[:MAX_ITEMS]
            if not pages:
                continue
            existing = next(
                (
                    block
                    for block in stream
                    if block.get("type") == "featured"
                    and (block.get("value") or {}).get("heading") == heading
                ),
                None,
            )
            if existing is None:
                stream.append(
                    {"type": "featured", "value": {"heading": heading, "articles": pages}}
                )
                changed = True
                continue
            current = [
                item.get("value") if isinstance(item, dict) else item
                for item in existing["value"].get("articles") or []
            ]
            if current != pages:
                existing["value"]["articles"] = pages
                changed = True
        if not changed:
            return
        # Published at once unless an editor has a draft of the home page pending, which
        # publishing would put online too: then the blocks wait in a new draft.
        publish = home.live and not home.has_unpublished_changes
        setattr(home, stream_name, stream)
        revision = home.save_revision()
        if publish:
            revision.publish()
        else:
            self.summary.notes.append("front_page_draft")
        self.summary.featured += 1


class _Skip(Exception):
    """An article left alone: why, and its page when it has one."""

    def __init__(self, reason: str, page=None):
        super().__init__(reason)
        self.reason = reason
        self.page = page


def _front_page_field(page) -> str | None:
    from wagtail.fields import StreamField

    from wagtail_dangvu.frontpage.blocks import FeaturedArticlesBlock

    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            child = model_field.stream_block.child_blocks.get("featured")
            if isinstance(child, FeaturedArticlesBlock):
                return model_field.name
    return None


def _has_field(obj, name: str) -> bool:
    try:
        obj._meta.get_field(name)
    except Exception:  # FieldDoesNotExist
        return name == "tags" and hasattr(obj, "tags")
    return True


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def _valid_url(url: str) -> str:
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return ""
    return url[:500]


__all__ = ["ImportRefused", "NukeVietImporter", "Summary"]
