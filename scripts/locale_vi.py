"""Build and maintain the catalogues of ``wagtail_dangvu.locale_vi`` from the upstream packages.

The catalogues hold every message (msgid, with its msgctxt and plural) of Wagtail's apps,
wagtail-localize and django-taggit, for every version the project supports: the installed
ones, and the wheels of the other supported versions (``SUPPORTED``, fetched with
``pip download`` into ``--wheels``); and the messages of Django itself that the admin shows
(``PARTS``: its core catalogue, with the validation errors and ``timesince``, and
``django.contrib.auth`` and ``contenttypes``), whose Vietnamese is incomplete and partly
outdated. Usage, from the repository root::

    python scripts/locale_vi.py update            # add new messages, keep every translation
    python scripts/locale_vi.py stats             # what is translated, per upstream catalogue
    python scripts/locale_vi.py split --out chunks --size 250 [--only wagtail.users ...]
    python scripts/locale_vi.py merge chunks/*.po # translated chunks back, checked first
    python scripts/locale_vi.py compile           # django.mo and djangojs.mo, with msgfmt
    python scripts/locale_vi.py export --out DIR  # per-package catalogues, to send upstream

``update`` keeps our translations, takes an upstream Vietnamese translation where ours is
empty, adds new messages untranslated and keeps (and reports) messages that none of the
sources has any more unless ``--prune``. ``merge`` refuses a translation whose
placeholders, HTML tags, plural form or glossary terms are wrong, or whose ``# Why:`` note
ends mid-sentence, and says why.

Not shipped in the wheel: a tool for maintainers. The tests import it to read the
upstream catalogues the same way.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import importlib.util
import math
import re
import subprocess
import sys
import textwrap
import tomllib
import unicodedata
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "wagtail_dangvu" / "locale_vi"
CATALOGUE_FILES = {
    "django": APP / "locale" / "vi" / "LC_MESSAGES" / "django.po",
    "djangojs": APP / "locale_js" / "vi" / "LC_MESSAGES" / "djangojs.po",
}
GLOSSARY_FILE = APP / "glossary.toml"

# Top-level packages read, with the distribution that installs each.
PACKAGES = {
    "wagtail": "wagtail",
    "wagtail_localize": "wagtail-localize",
    "taggit": "django-taggit",
    "django": "Django",
}
# Packages read only in part: the catalogues, by folder, that the Wagtail admin shows.
# Django's own (forms' validation errors, timesince, pagination) is the base every app
# catalogue completes; the admin's user forms use contrib.auth's; content types are named.
PARTS = {
    "django": (
        "django/conf/",
        "django/contrib/auth/",
        "django/contrib/contenttypes/",
        "django/contrib/humanize/",  # Wagtail formats some dates with naturaltime
    ),
}


def wanted(path: str) -> bool:
    """A .po file of the packages read: "wagtail/admin/locale/en/…", "django/conf/locale/…"."""
    package = path.split("/")[0]
    return package in PACKAGES and (
        package not in PARTS or any(path.startswith(part) for part in PARTS[package])
    )


# The supported versions other than the installed ones (setup.cfg: wagtail>=7.0 up to 8.x,
# wagtail-localize>=1.11, django-taggit>=5.0): the oldest and the newest of each line.
SUPPORTED = [
    "wagtail==7.0.10",
    "wagtail==7.4.4",
    "wagtail-localize==1.11.3",
    "django-taggit==5.0.1",
]
DEFAULT_WHEELS = ROOT / "build" / "locale-vi-wheels"

# Where a message is translated when it belongs to several catalogues: the smaller,
# more specific catalogue first, so that a chunk keeps a message next to its neighbours.
CATALOGUE_ORDER = [
    "taggit",
    "wagtail_localize.locales",
    "wagtail_localize",
    "wagtail_localize (js)",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.styleguide",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.forms",
    "wagtail.search",
    "wagtail.sites",
    "wagtail.embeds",
    "wagtail.locales",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.users",
    "wagtail.admin (js)",
    "wagtail.images",
    "wagtail",
    "wagtail.admin",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.auth",
    "django.conf",
]

HEADER = {
    "Project-Id-Version": "wagtail-dangvu locale_vi",
    "Report-Msgid-Bugs-To": "",
    "Last-Translator": "wagtail-dangvu",
    "Language": "vi",
    "Language-Team": "Vietnamese",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


# Reading the upstream packages ------------------------------------------------------------


@dataclass
class Tree:
    """One version of one package: its .po files by path inside the distribution."""

    label: str  # "wagtail 8.0.1"
    installed: bool
    files: dict[str, str]  # "wagtail/admin/locale/en/LC_MESSAGES/django.po" -> text


PO_PATH_RE = re.compile(
    r"^(?P<package>.+)/locale/(?P<lang>en|vi)/LC_MESSAGES/(?P<domain>django|djangojs)\.po$"
)


def catalogue_name(package_path: str, domain: str) -> str:
    """The label of a catalogue: ("wagtail/admin", "djangojs") -> "wagtail.admin (js)"."""
    name = package_path.replace("/", ".")
    return f"{name} (js)" if domain == "djangojs" else name


def installed_trees() -> list[Tree]:
    trees = []
    for package, distribution in PACKAGES.items():
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        base = Path(next(iter(spec.submodule_search_locations)))
        files = {}
        for path in sorted(base.rglob("*.po")):
            relative = f"{package}/{path.relative_to(base).as_posix()}"
            if PO_PATH_RE.match(relative) and wanted(relative):
                files[relative] = path.read_text(encoding="utf-8")
        version = importlib.metadata.version(distribution)
        trees.append(Tree(f"{distribution} {version}", True, files))
    return trees


def wheel_tree(wheel: Path) -> Tree:
    name, version = wheel.name.split("-")[:2]
    files = {}
    with zipfile.ZipFile(wheel) as archive:
        for member in sorted(archive.namelist()):
            if PO_PATH_RE.match(member) and wanted(member):
                files[member] = archive.read(member).decode("utf-8")
    return Tree(f"{name.replace('_', '-')} {version}", False, files)


def supported_wheels(folder: Path) -> list[Path]:
    """The wheels of ``SUPPORTED`` in ``folder``, downloaded with pip where missing."""
    folder.mkdir(parents=True, exist_ok=True)
    wheels = []
    for requirement in SUPPORTED:
        name, version = requirement.split("==")
        pattern = f"{name.replace('-', '_')}-{version}-*.whl"
        found = sorted(folder.glob(pattern))
        if not found:
            pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
            subprocess.run(
                [*pip, "--only-binary", ":all:", "-d", str(folder), requirement], check=True
            )
            found = sorted(folder.glob(pattern))
        wheels.append(found[0])
    return wheels


@dataclass
class Message:
    """One message of the upstream catalogues, over every source tree."""

    domain: str
    msgctxt: str | None
    msgid: str
    msgid_plural: str = ""
    flags: set[str] = field(default_factory=set)
    occurrences: list[tuple[str, str]] = field(default_factory=list)
    catalogues: set[str] = field(default_factory=set)
    trees: list[str] = field(default_factory=list)
    installed: bool = False
    # The upstream Vietnamese, as a tuple of forms (one for a plural), first tree first.
    upstream: tuple[str, ...] | None = None

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)


def source_path(package: str, where: str) -> str:
    """An upstream occurrence ("apps.py", "locales/apps.py", "taggit/apps.py") as a path
    from the top of the package, so that a translator can find the file."""
    parts = package.split("/")
    if where.startswith(parts[0] + "/"):
        return where
    if len(parts) > 1 and where.startswith(parts[-1] + "/"):
        return "/".join([*parts[:-1], where])
    return f"{package}/{where}"


def forms(entry: polib.POEntry) -> tuple[str, ...]:
    """The translation of an entry: (msgstr,) or (msgstr[0], msgstr[1], …)."""
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural, key=int))
    return (entry.msgstr,)


def is_translated(entry: polib.POEntry) -> bool:
    return (
        not entry.obsolete
        and "fuzzy" not in entry.flags
        and all(forms(entry))
        and any(forms(entry))
    )


def read_messages(trees: list[Tree]) -> dict[str, dict[tuple, Message]]:
    """Every message of the trees, by domain and (msgctxt, msgid); installed trees first."""
    messages: dict[str, dict[tuple, Message]] = {"django": {}, "djangojs": {}}
    trees = sorted(trees, key=lambda tree: not tree.installed)
    for tree in trees:
        for path, text in tree.files.items():
            match = PO_PATH_RE.match(path)
            if match["lang"] != "en":
                continue
            package, domain = match["package"], match["domain"]
            for entry in polib.pofile(text):
                if entry.obsolete or not entry.msgid:
                    continue
                key = (entry.msgctxt, entry.msgid)
                message = messages[domain].get(key)
                if message is None:
                    message = messages[domain][key] = Message(
                        domain, entry.msgctxt, entry.msgid, entry.msgid_plural or ""
                    )
                if not message.occurrences:
                    message.occurrences = [
                        (source_path(package, where), line) for where, line in entry.occurrences
                    ]
                message.flags |= {flag for flag in entry.flags if flag.endswith("-format")}
                message.catalogues.add(catalogue_name(package, domain))
                if tree.label not in message.trees:
                    message.trees.append(tree.label)
                message.installed |= tree.installed
    for tree in trees:
        for path, text in tree.files.items():
            match = PO_PATH_RE.match(path)
            if match["lang"] != "vi":
                continue
            for entry in polib.pofile(text):
                message = messages[match["domain"]].get((entry.msgctxt, entry.msgid))
                if message is not None and message.upstream is None and is_translated(entry):
                    message.upstream = forms(entry)
    return messages


def upstream_translations(trees: list[Tree]) -> dict[str, dict[tuple, dict[str, tuple]]]:
    """Every upstream Vietnamese translation: domain -> key -> {catalogue: forms}."""
    found: dict[str, dict[tuple, dict[str, tuple]]] = {"django": {}, "djangojs": {}}
    for tree in trees:
        for path, text in tree.files.items():
            match = PO_PATH_RE.match(path)
            if match["lang"] != "vi":
                continue
            name = catalogue_name(match["package"], match["domain"])
            for entry in polib.pofile(text):
                if is_translated(entry):
                    by_catalogue = found[match["domain"]].setdefault(
                        (entry.msgctxt, entry.msgid), {}
                    )
                    by_catalogue.setdefault(f"{name}, {tree.label}", forms(entry))
    return found


def rank(message_catalogues) -> int:
    ranks = [
        CATALOGUE_ORDER.index(name) if name in CATALOGUE_ORDER else len(CATALOGUE_ORDER)
        for name in message_catalogues
    ]
    return min(ranks, default=len(CATALOGUE_ORDER))


def primary_catalogue(entry: polib.POEntry) -> str:
    names = entry_catalogues(entry)
    return min(names, key=lambda name: rank([name])) if names else "?"


CATALOGUES_COMMENT = "Catalogues: "
ONLY_IN_COMMENT = "Not in the installed versions; in: "


def entry_catalogues(entry: polib.POEntry) -> list[str]:
    for line in entry.comment.splitlines():
        if line.startswith(CATALOGUES_COMMENT):
            return line[len(CATALOGUES_COMMENT) :].split(", ")
    return []


# Checking a translation -------------------------------------------------------------------

PRINTF_RE = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
)
BRACE_RE = re.compile(r"\{[A-Za-z0-9_]*\}")
TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
ENTITY_RE = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


def printf_placeholders(text: str, formatted: bool) -> tuple[Counter, list[str]]:
    """Named placeholders (their order may change) and positional ones (theirs may not).
    Outside a printf-formatted message a lone "%" is text, so only %(name)s counts."""
    named, positional = Counter(), []
    for match in PRINTF_RE.finditer(text):
        if match["name"] is not None:
            named[match[0]] += 1
        elif formatted:
            positional.append(match[0])
    return named, positional


def problems(msgid: str, msgid_plural: str, flags, translation: tuple[str, ...]) -> list[str]:
    """What is wrong with a translation, in words; [] when nothing is."""
    found = []
    if msgid_plural and len(translation) != 1:
        found.append(f"Vietnamese has one plural form: msgstr[0] only, not {len(translation)}")
    source = msgid_plural or msgid
    formatted = bool({"python-format", "javascript-format"} & set(flags))
    for text in translation:
        if not text.strip():
            found.append("empty translation")
            continue
        if printf_placeholders(text, formatted) != printf_placeholders(source, formatted):
            found.append(
                f"placeholders differ: {[m[0] for m in PRINTF_RE.finditer(source)]} in the "
                f"message, {[m[0] for m in PRINTF_RE.finditer(text)]} in the translation"
            )
        for name, pattern in (
            ("{} fields", BRACE_RE),
            ("HTML tags", TAG_RE),
            ("entities", ENTITY_RE),
        ):
            if Counter(pattern.findall(text)) != Counter(pattern.findall(source)):
                found.append(
                    f"{name} differ: {sorted(pattern.findall(source))} in the message, "
                    f"{sorted(pattern.findall(text))} in the translation"
                )
        for side, strip in (("leading", str.lstrip), ("trailing", str.rstrip)):
            if (strip(source) != source) != (strip(text) != text):
                found.append(f"{side} white space differs from the message's")
    return found


# The glossary -----------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, NFC, with placeholders, HTML tags and entities taken out."""
    text = unicodedata.normalize("NFC", text)
    for pattern in (PRINTF_RE, BRACE_RE, TAG_RE, ENTITY_RE):
        text = pattern.sub(" ", text)
    return " ".join(text.lower().split())


@dataclass
class Term:
    english: str
    pattern: re.Pattern
    required: list[str]
    forbidden: list[str]
    exceptions: set[str]


@dataclass
class Glossary:
    terms: list[Term]
    forbidden: list[str]  # words no translation contains
    patterns: list[re.Pattern]  # spellings no translation uses
    english: set[str]  # English words a translation may keep (names, acronyms)
    # Words one message keeps, being code or a literal value ("allow_future", "False").
    english_in: dict[str, set[str]] = field(default_factory=dict)


def load_glossary(path: Path = GLOSSARY_FILE) -> Glossary:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    terms = [
        Term(
            english=item["en"],
            pattern=re.compile(item.get("match", rf"\b{re.escape(item['en'])}\b"), re.IGNORECASE),
            required=[fold(word) for word in item.get("vi", [])],
            forbidden=[fold(word) for word in item.get("forbidden", [])],
            exceptions=set(item.get("exceptions", [])),
        )
        for item in data["term"]
    ]
    return Glossary(
        terms,
        [fold(word) for word in data.get("forbidden_everywhere", [])],
        [re.compile(p) for p in data.get("forbidden_patterns_everywhere", [])],
        {word.lower() for word in data.get("english_kept", [])},
        {
            msgid: {word.lower() for word in words}
            for msgid, words in data.get("english_kept_in", {}).items()
        },
    )


def ascii_words(text: str) -> set[str]:
    """The words of a folded text written in ASCII letters alone (English, or names)."""
    return {
        word
        for word in re.findall(r"\w+", text)
        if word.isascii() and len(word) > 1 and not word.isdigit()
    }


def contains(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def glossary_problems(msgid: str, translation: tuple[str, ...], glossary: Glossary) -> list[str]:
    """How a translation departs from the glossary, in words; [] when it does not."""
    found = []
    english = fold(msgid)
    for text in translation:
        vietnamese = fold(text)
        kept = glossary.english | glossary.english_in.get(msgid, set())
        for word in sorted((ascii_words(english) & ascii_words(vietnamese)) - kept):
            found.append(f"«{word}» is left in English")
        for word in glossary.forbidden:
            if contains(vietnamese, word):
                found.append(f"«{word}» is never used in the admin's Vietnamese")
        for pattern in glossary.patterns:
            for match in pattern.finditer(vietnamese):
                found.append(f"«{match[0]}»: the tone mark goes on the first vowel (hóa, thủy)")
        for term in glossary.terms:
            if msgid in term.exceptions or not term.pattern.search(english):
                continue
            if term.required and not any(contains(vietnamese, word) for word in term.required):
                found.append(f"«{term.english}» is rendered «{'» or «'.join(term.required)}»")
            for word in term.forbidden:
                if contains(vietnamese, word):
                    found.append(f"«{term.english}» is never rendered «{word}»")
    return found


# Our catalogues ---------------------------------------------------------------------------


def load(domain: str) -> polib.POFile:
    path = CATALOGUE_FILES[domain]
    if path.exists():
        return polib.pofile(str(path), wrapwidth=78)
    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(HEADER)
    return po


def save(po: polib.POFile, domain: str, changed: bool = False) -> None:
    """Write a catalogue; its revision date moves only when translations changed."""
    path = CATALOGUE_FILES[domain]
    path.parent.mkdir(parents=True, exist_ok=True)
    revised = po.metadata.get("PO-Revision-Date")
    if changed or not revised:
        revised = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M+0000")
    po.metadata = {
        **HEADER,
        "PO-Revision-Date": revised,
        **{k: v for k, v in po.metadata.items() if k.startswith("X-")},
    }
    po.header = (
        "Vietnamese for the Wagtail admin: Wagtail, wagtail-localize, django-taggit and the\n"
        "messages of Django itself that the admin shows.\n"
        "Made by scripts/locale_vi.py from the upstream catalogues; see\n"
        "wagtail_dangvu/locale_vi/GLOSSARY.md for the terms and the upstream corrections."
    )
    po.save(str(path))


UPSTREAM_NOTE = "Upstream: "
WHY_NOTE = "Why: "


def without_upstream_note(lines: list[str]) -> list[str]:
    """The translator's comment lines without the upstream note. polib wraps a long note
    over several lines, so the note runs up to the line that closes its last «…»."""
    kept, in_note = [], False
    for line in lines:
        if line.startswith(UPSTREAM_NOTE) or in_note:
            in_note = not line.rstrip().endswith("»")
            continue
        kept.append(line)
    return kept


def why_note(lines: list[str]) -> list[str]:
    """The reviewer's reason with the lines polib wrapped it over: from "Why: " on, up to
    an upstream note."""
    start = next((i for i, line in enumerate(lines) if line.startswith(WHY_NOTE)), None)
    if start is None:
        return []
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith(UPSTREAM_NOTE)),
        len(lines),
    )
    return lines[start:end]


WRAP_WIDTH = 78  # polib's, as load() and save() use it
NOTE_ENDS = (".", "?", ")")


def why_text(lines: list[str]) -> str:
    """The reviewer's reason as one line of text, without "Why: "; "" when there is none."""
    return " ".join(line.strip() for line in why_note(lines))[len(WHY_NOTE) :]


def first_wrapped_line(note: str) -> str:
    """What polib writes on the first line of a Why note, without its "# "."""
    return textwrap.wrap(WHY_NOTE + note, WRAP_WIDTH, initial_indent="# ", break_long_words=False)[
        0
    ][2:]


def unfinished_notes(notes: list[str]) -> dict[str, str]:
    """The Why notes that read as cut short, each with what gives it away: a note that ends
    mid-sentence (not with ".", "?" or ")"), or one that is exactly the first wrapped line of
    a longer note (a reason kept without the lines polib wrapped it over, as merge did
    before it read wrapped notes whole, and cut where a sentence happened to end)."""
    found = {}
    whole = set(notes)
    for note in whole:
        if not note.rstrip().endswith(NOTE_ENDS):
            found[note] = "ends mid-sentence: not with '.', '?' or ')'"
            continue
        for longer in whole:
            if len(longer) > len(note) and WHY_NOTE + note == first_wrapped_line(longer):
                found[note] = f"is the first line of a longer note: «{longer}»"
                break
    return found


def annotate(po: polib.POFile, upstream: dict[tuple, dict[str, tuple]]) -> int:
    """Write, above each translation that differs from an upstream one, what upstream
    says ("Upstream: «…»"), keeping the translator's reason ("Why: …"). Returns how many
    differ without a reason."""
    unexplained = 0
    for entry in po:
        lines = without_upstream_note(entry.tcomment.splitlines())
        theirs = list(
            dict.fromkeys(f[0] for f in upstream.get((entry.msgctxt, entry.msgid), {}).values())
        )
        if is_translated(entry) and any(text != forms(entry)[0] for text in theirs):
            lines.insert(0, UPSTREAM_NOTE + ", ".join(f"«{text}»" for text in theirs))
            unexplained += not any(line.startswith(WHY_NOTE) for line in lines)
        entry.tcomment = "\n".join(lines)
    return unexplained


def local_trees(wheels: Path) -> list[Tree]:
    """The installed packages and the supported wheels already downloaded."""
    trees = installed_trees()
    for requirement in SUPPORTED:
        name, version = requirement.split("==")
        trees += [
            wheel_tree(w) for w in sorted(wheels.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
        ]
    return trees


def sort_key(entry: polib.POEntry):
    first = entry.occurrences[0][0] if entry.occurrences else ""
    return (rank(entry_catalogues(entry)), first, entry.msgid, entry.msgctxt or "")


def update(trees: list[Tree], prune: bool) -> None:
    messages = read_messages(trees)
    upstream = upstream_translations(trees)
    for domain, found in messages.items():
        po = load(domain)
        po.metadata["X-Sources"] = ", ".join(tree.label for tree in trees)
        ours = {(entry.msgctxt, entry.msgid): entry for entry in po if not entry.obsolete}
        entries, added, from_upstream, gone = [], 0, 0, []
        for key, message in found.items():
            entry = ours.pop(key, None)
            if entry is None:
                entry = polib.POEntry(msgctxt=message.msgctxt, msgid=message.msgid)
                added += 1
            if message.msgid_plural != (entry.msgid_plural or ""):
                # A message that became (or stopped being) a plural keeps its translation
                # as the single form.
                kept = forms(entry)[0] if any(forms(entry)) else ""
                entry.msgid_plural = message.msgid_plural
                entry.msgstr, entry.msgstr_plural = (
                    ("", {0: kept}) if entry.msgid_plural else (kept, {})
                )
            entry.flags = sorted(message.flags)
            entry.occurrences = message.occurrences
            comment = CATALOGUES_COMMENT + ", ".join(
                sorted(message.catalogues, key=lambda name: (rank([name]), name))
            )
            if not message.installed:
                comment += "\n" + ONLY_IN_COMMENT + ", ".join(message.trees)
            entry.comment = comment
            if not is_translated(entry) and message.upstream is not None:
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: message.upstream[0]}
                else:
                    entry.msgstr = message.upstream[0]
                from_upstream += 1
            entries.append(entry)
        for key, entry in ours.items():
            gone.append(key)
            if not prune:
                entries.append(entry)
        po[:] = sorted(entries, key=sort_key)
        unexplained = annotate(po, upstream[domain])
        save(po, domain, changed=bool(added or from_upstream))
        print(f"{domain}: {unexplained} translations differ from upstream without a reason (Why:)")
        print(
            f"{domain}: {len(found)} messages, {added} new, {from_upstream} translations "
            f"taken from upstream, {len(gone)} in no source"
            + (" (dropped)" if prune else " (kept; --prune drops them)")
        )
        for key in gone:
            print(f"  in no source: {key!r}")


def stats() -> None:
    for domain in CATALOGUE_FILES:
        po = load(domain)
        by_catalogue = defaultdict(lambda: [0, 0])
        for entry in po:
            counts = by_catalogue[primary_catalogue(entry)]
            counts[0] += 1
            counts[1] += is_translated(entry)
        print(f"{domain}: {sum(map(is_translated, po))}/{len(po)} translated")
        for name in sorted(by_catalogue, key=lambda name: rank([name])):
            total, done = by_catalogue[name]
            print(f"  {name:38} {done:5}/{total:<5} {total - done:5} to translate")


def split(out: Path, size: int, only: list[str], exclude: list[str]) -> None:
    """The untranslated messages, in chunk files of about ``size``, one catalogue at a
    time. A message in both domains appears once and is merged back into both."""
    groups: dict[str, list[polib.POEntry]] = defaultdict(list)
    seen: dict[tuple, polib.POEntry] = {}
    for domain in CATALOGUE_FILES:
        for entry in load(domain):
            if entry.obsolete or is_translated(entry):
                continue
            key = (entry.msgctxt, entry.msgid)
            if key in seen:
                seen[key].comment += f"\nAlso in the {domain} domain."
                continue
            name = primary_catalogue(entry)
            if (only and name not in only) or name in exclude:
                continue
            copy = polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr="",
                msgstr_plural={0: ""} if entry.msgid_plural else {},
                flags=list(entry.flags),
                occurrences=list(entry.occurrences),
                comment=entry.comment,
            )
            seen[key] = copy
            groups[name].append(copy)
    out.mkdir(parents=True, exist_ok=True)
    number = 0
    for name in sorted(groups, key=lambda name: rank([name])):
        entries = groups[name]
        parts = max(1, round(len(entries) / size))
        length = math.ceil(len(entries) / parts)
        for start in range(0, len(entries), length):
            number += 1
            po = polib.POFile(wrapwidth=78)
            po.metadata = dict(HEADER)
            po.header = (
                f"Chunk {number}: untranslated messages of {name}.\n"
                "Translate each msgstr (msgstr[0] for a plural: Vietnamese has one form),\n"
                "following wagtail_dangvu/locale_vi/GLOSSARY.md; then\n"
                "python scripts/locale_vi.py merge <this file>\n"
                "python scripts/locale_vi.py compile"
            )
            po.extend(entries[start : start + length])
            slug = name.replace(" (js)", "-js").replace(".", "-").replace("_", "-")
            path = out / f"{number:02d}-{slug}.po"
            po.save(str(path))
            print(f"{path}: {len(po)} messages")


def merge(files: list[Path], force: bool, wheels: Path) -> int:
    glossary = load_glossary()
    upstream = upstream_translations(local_trees(wheels))
    catalogues = {domain: load(domain) for domain in CATALOGUE_FILES}
    index = {
        domain: {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
        for domain, po in catalogues.items()
    }
    merged = unchanged = conflicts = rejected = unknown = empty = 0
    changed = dict.fromkeys(catalogues, False)
    for path in files:
        for chunk_entry in polib.pofile(str(path)):
            translation = forms(chunk_entry)
            if "fuzzy" in chunk_entry.flags or not any(t.strip() for t in translation):
                empty += 1
                continue
            key = (chunk_entry.msgctxt, chunk_entry.msgid)
            targets = [index[domain][key] for domain in index if key in index[domain]]
            if not targets:
                unknown += 1
                print(f"{path.name}: not in the catalogues (stale chunk?): {chunk_entry.msgid!r}")
                continue
            target = targets[0]
            wrong = problems(target.msgid, target.msgid_plural or "", target.flags, translation)
            wrong += glossary_problems(target.msgid, translation, glossary)
            note = why_text(chunk_entry.tcomment.splitlines())
            if note and note in unfinished_notes([note]):
                wrong.append(f"the Why: note {unfinished_notes([note])[note]}")
            if wrong:
                rejected += 1
                print(f"{path.name}: refused {chunk_entry.msgid!r} -> {translation!r}:")
                for reason in wrong:
                    print(f"    {reason}")
                continue
            for domain, target in [(d, index[d][key]) for d in index if key in index[d]]:
                if forms(target) == translation:
                    unchanged += 1
                    continue
                if is_translated(target) and not force:
                    conflicts += 1
                    print(
                        f"{path.name}: kept the catalogue's {forms(target)!r} for "
                        f"{target.msgid!r}, not {translation!r} (--force replaces it)"
                    )
                    continue
                if target.msgid_plural:
                    target.msgstr_plural = {0: translation[0]}
                else:
                    target.msgstr = translation[0]
                why = why_note(chunk_entry.tcomment.splitlines())
                if why:
                    target.tcomment = "\n".join(why)
                merged += 1
                changed[domain] = True
    for domain, po in catalogues.items():
        unexplained = annotate(po, upstream[domain])
        save(po, domain, changed=changed[domain])
        if unexplained:
            print(f"{domain}: {unexplained} translations differ from upstream without a Why: note")
    print(
        f"merged {merged}, already there {unchanged}, kept (conflict) {conflicts}, "
        f"refused {rejected}, not in the catalogues {unknown}, untranslated {empty}"
    )
    return 1 if rejected or conflicts else 0


def check() -> int:
    """Every translated message that breaks a rule, with the rule."""
    glossary, count = load_glossary(), 0
    for domain in CATALOGUE_FILES:
        for entry in load(domain):
            if not is_translated(entry):
                continue
            wrong = problems(entry.msgid, entry.msgid_plural or "", entry.flags, forms(entry))
            wrong += glossary_problems(entry.msgid, forms(entry), glossary)
            if wrong:
                count += 1
                print(f"{domain}: {entry.msgid!r} -> {forms(entry)!r}")
                for reason in wrong:
                    print(f"    {reason}")
    notes = {
        why_text(entry.tcomment.splitlines())
        for domain in CATALOGUE_FILES
        for entry in load(domain)
    } - {""}
    for note, reason in sorted(unfinished_notes(sorted(notes)).items()):
        count += 1
        print(f"Why: {note!r}\n    {reason}")
    print(f"{count} translations break a rule or have an unfinished Why: note")
    return 1 if count else 0


def compile_catalogues() -> None:
    for path in CATALOGUE_FILES.values():
        subprocess.run(
            ["msgfmt", "--check", "-o", str(path.with_suffix(".mo")), str(path)], check=True
        )
        print(f"compiled {path.with_suffix('.mo').relative_to(ROOT)}")


def export(trees: list[Tree], out: Path) -> None:
    """One Vietnamese catalogue per upstream catalogue of the installed versions, holding
    our translations, in the package's own layout: what a Transifex upload or a pull
    request to django-taggit takes."""
    ours = {
        domain: {(e.msgctxt, e.msgid): e for e in load(domain) if is_translated(e)}
        for domain in CATALOGUE_FILES
    }
    for tree in trees:
        if not tree.installed:
            continue
        for path, text in tree.files.items():
            match = PO_PATH_RE.match(path)
            if match["lang"] != "en":
                continue
            po = polib.pofile(text)
            po.metadata.update(
                {
                    **{k: HEADER[k] for k in ("Language", "Language-Team", "Plural-Forms")},
                    **{k: HEADER[k] for k in ("MIME-Version", "Content-Transfer-Encoding")},
                    "Content-Type": HEADER["Content-Type"],
                    "Last-Translator": "wagtail-dangvu",
                    "PO-Revision-Date": load(match["domain"]).metadata["PO-Revision-Date"],
                }
            )
            po.metadata_is_fuzzy = False
            done = 0
            for entry in po:
                source = ours[match["domain"]].get((entry.msgctxt, entry.msgid))
                if source is None:
                    continue
                if entry.msgid_plural:
                    entry.msgstr_plural = {0: forms(source)[0]}
                else:
                    entry.msgstr = forms(source)[0]
                done += 1
            target = out / path.replace("/locale/en/", "/locale/vi/")
            target.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(target))
            print(f"{target}: {done}/{len(po)} translated")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    command = commands.add_parser("update", help="refresh the messages from the sources")
    command.add_argument("--wheels", type=Path, default=DEFAULT_WHEELS)
    command.add_argument("--installed-only", action="store_true")
    command.add_argument("--prune", action="store_true")
    commands.add_parser("stats")
    command = commands.add_parser("split", help="untranslated messages into chunk files")
    command.add_argument("--out", type=Path, required=True)
    command.add_argument("--size", type=int, default=250)
    command.add_argument("--only", nargs="*", default=[], help="catalogues, e.g. wagtail.users")
    command.add_argument("--exclude", nargs="*", default=[])
    command = commands.add_parser("merge", help="translated chunk files back")
    command.add_argument("files", type=Path, nargs="+")
    command.add_argument("--force", action="store_true", help="replace existing translations")
    command.add_argument("--wheels", type=Path, default=DEFAULT_WHEELS)
    commands.add_parser("check", help="list the translations that break a rule")
    commands.add_parser("compile")
    command = commands.add_parser("export", help="per-package catalogues for upstream")
    command.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)

    if args.command == "update":
        trees = installed_trees()
        if not args.installed_only:
            trees += [wheel_tree(wheel) for wheel in supported_wheels(args.wheels)]
        print("sources:", ", ".join(tree.label for tree in trees))
        update(trees, args.prune)
    elif args.command == "stats":
        stats()
    elif args.command == "split":
        split(args.out, args.size, args.only, args.exclude)
    elif args.command == "merge":
        return merge(args.files, args.force, args.wheels)
    elif args.command == "check":
        return check()
    elif args.command == "compile":
        compile_catalogues()
    elif args.command == "export":
        export(installed_trees(), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
