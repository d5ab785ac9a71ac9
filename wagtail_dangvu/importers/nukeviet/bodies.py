"""A NukeViet article body (``bodyhtml``) turned into what Wagtail's rich text allows.

Pure Python (no Django): the caller says how an image source becomes an image of the
library (``resolve_image``) and how a link's address is rewritten (``resolve_link``), and
gets back the body as segments, rich text runs and images, and the problems found, as
codes with a detail for the Django layer to word.

What comes out:

- paragraphs, headings (``h2``-``h4``), lists, ``hr``, bold, italic, line breaks and links,
  in Wagtail's storage format (``<a linktype="page" id="7">`` for a link to a page);
- every other element unwrapped to its text; scripts, styles, forms and objects removed
  with their content; no attribute but a link's address survives, so event handlers and
  inline styles are gone;
- an ``<img>`` found in the library becomes an image segment (with its alt text); one not
  found becomes a link to where it was, never a broken image;
- an ``<iframe>`` from YouTube, Vimeo or Facebook video becomes a media embed; any other
  is removed;
- a ``javascript:`` (``vbscript:``, ``data:``) link is removed, its text kept;
- HTML entities decoded once (``&amp;nbsp;`` stays the text ``&nbsp;``), text in Unicode
  NFC, runs of white space collapsed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

__all__ = ["Converted", "Problem", "convert_body", "plain_text", "unsafe_url"]

# Problem codes (the Django layer words them: importers.nukeviet.models.ProblemCode).
MISSING_IMAGE = "missing_image"
SCRIPT_REMOVED = "script_removed"
IFRAME_REMOVED = "iframe_removed"
UNSAFE_LINK_REMOVED = "unsafe_link_removed"
TABLE_FLATTENED = "table_flattened"

_DROPPED = {
    "script",
    "style",
    "noscript",
    "object",
    "applet",
    "embed",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "head",
    "title",
    "meta",
    "link",
    "svg",
    "template",
    "audio",
    "video",
}
_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "center",
    "blockquote",
    "figure",
    "body",
    "html",
    "address",
    "details",
    "summary",
    "dl",
    "dd",
    "dt",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
}
_PARAGRAPHS = {"p", "figcaption", "pre"}
_HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
_BOLD = {"b", "strong"}
_ITALIC = {"i", "em", "cite", "dfn"}
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
_SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")
# Control characters: never text (and PostgreSQL stores no NUL in JSON or text).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_TAG_RE = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Problem:
    code: str
    detail: str = ""


@dataclass
class Converted:
    """The body as segments: ``("richtext", html)`` and ``("image", (image_id, alt))``."""

    segments: list[tuple[str, object]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def richtext(self) -> str:
        """The rich text runs joined (images left out): for tests and fingerprints."""
        return "".join(value for kind, value in self.segments if kind == "richtext")


def unsafe_url(url: str) -> bool:
    """Whether ``url`` runs code when followed (``javascript:`` and its kin)."""
    squeezed = re.sub(r"[\x00-\x20]+", "", url).lower()
    return squeezed.startswith(_UNSAFE_SCHEMES)


def plain_text(markup: str) -> str:
    """The text of an HTML fragment (a summary), entities decoded once, NFC, one line."""
    soup = BeautifulSoup(markup or "", "html.parser")
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    text = _CONTROL_RE.sub("", soup.get_text(" "))
    return unicodedata.normalize("NFC", _SPACE_RE.sub(" ", text)).strip()


def media_url(src: str) -> str | None:
    """The page of a video embedded by ``src`` (an iframe's), when it is a known player."""
    parts = urlsplit(src.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [segment for segment in parts.path.split("/") if segment]
    pair = segments if len(segments) == 2 else ["", ""]
    youtube = host in {"youtube.com", "youtube-nocookie.com"} and pair[0] == "embed"
    if youtube and re.fullmatch(r"[\w-]{6,20}", pair[1]):
        return f"https://www.youtube.com/watch?v={pair[1]}"
    if host == "player.vimeo.com" and pair[0] == "video" and pair[1].isdigit():
        return f"https://vimeo.com/{pair[1]}"
    if host == "facebook.com" and parts.path == "/plugins/video.php":
        href = parse_qs(parts.query).get("href", [""])[0]
        target = urlsplit(href)
        if target.scheme == "https" and (target.hostname or "").endswith("facebook.com"):
            return href
    return None


class _Writer:
    """Collects blocks of rich text, splitting them at images."""

    def __init__(self):
        self.segments: list[tuple[str, object]] = []
        self.blocks: list[str] = []
        self.inline: list[str] = []
        self.stack: list[tuple[str, str]] = []
        self.tag = "p"

    # Inline content ----------------------------------------------------------------------

    def text(self, text: str) -> None:
        text = unicodedata.normalize("NFC", _SPACE_RE.sub(" ", _CONTROL_RE.sub("", text)))
        if text:
            self.inline.append(html.escape(text, quote=False))

    def open(self, start: str, end: str) -> None:
        self.inline.append(start)
        self.stack.append((start, end))

    def close(self) -> None:
        _start, end = self.stack.pop()
        self.inline.append(end)

    def line_break(self) -> None:
        self.inline.append("<br/>")

    # Blocks --------------------------------------------------------------------------------

    def end_paragraph(self) -> None:
        closing = "".join(end for _start, end in reversed(self.stack))
        content = _trim("".join(self.inline) + closing)
        if _has_content(content):
            self.blocks.append(f"<{self.tag}>{content}</{self.tag}>")
        self.inline = [start for start, _end in self.stack]

    def block(self, markup: str) -> None:
        self.end_paragraph()
        self.blocks.append(markup)

    def image(self, image_id: int, alt: str) -> None:
        self.end_paragraph()
        self.flush()
        self.segments.append(("image", (image_id, alt)))

    def flush(self) -> None:
        if self.blocks:
            self.segments.append(("richtext", "".join(self.blocks)))
            self.blocks = []


def _trim(content: str) -> str:
    content = content.strip()
    while True:
        trimmed = re.sub(r"^(?:<br/>\s*)+|(?:\s*<br/>)+$", "", content).strip()
        if trimmed == content:
            return content
        content = trimmed


def _has_content(content: str) -> bool:
    return "<embed" in content or bool(html.unescape(_TAG_RE.sub("", content)).strip())


class _Converter:
    def __init__(self, resolve_image, resolve_link):
        self.resolve_image = resolve_image
        self.resolve_link = resolve_link
        self.writer = _Writer()
        self.problems: list[Problem] = []
        self.in_link = 0

    def problem(self, code: str, detail: str = "") -> None:
        problem = Problem(code, detail[:500])
        if problem not in self.problems:
            self.problems.append(problem)

    def walk(self, node) -> None:
        for child in list(node.children):
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.writer.text(str(child))
            elif isinstance(child, Tag):
                self.element(child)

    def element(self, tag: Tag) -> None:
        name = tag.name.lower()
        writer = self.writer
        for attribute in tag.attrs:
            if attribute.lower().startswith("on"):
                self.problem(SCRIPT_REMOVED, f"{name} {attribute}")
        if name in _DROPPED:
            if name == "script":
                self.problem(SCRIPT_REMOVED, _SPACE_RE.sub(" ", tag.get_text()).strip()[:80])
            return
        if name == "table":
            self.problem(TABLE_FLATTENED)
        if name in _CONTAINERS:
            writer.end_paragraph()
            self.walk(tag)
            writer.end_paragraph()
        elif name in _PARAGRAPHS or name in _HEADINGS:
            writer.end_paragraph()
            outer, writer.tag = writer.tag, _HEADINGS.get(name, "p")
            self.walk(tag)
            writer.end_paragraph()
            writer.tag = outer
        elif name in {"ul", "ol"}:
            self.list(tag, name)
        elif name == "hr":
            writer.block("<hr/>")
        elif name == "br":
            writer.line_break()
        elif name == "img":
            self.img(tag)
        elif name == "iframe":
            src = str(tag.get("src") or "")
            url = media_url(src)
            if url:
                writer.block(f'<embed embedtype="media" url="{html.escape(url)}"/>')
            else:
                self.problem(IFRAME_REMOVED, src)
        elif name == "a":
            self.link(tag)
        elif name in _BOLD:
            self.wrapped(tag, "<b>", "</b>")
        elif name in _ITALIC:
            self.wrapped(tag, "<i>", "</i>")
        else:  # span, font, u, sup, sub, small, label, li outside a list...
            self.walk(tag)

    def wrapped(self, tag: Tag, start: str, end: str) -> None:
        self.writer.open(start, end)
        self.walk(tag)
        self.writer.close()

    def link(self, tag: Tag) -> None:
        href = str(tag.get("href") or "").strip()
        if not href or self.in_link or href.startswith("#"):
            self.walk(tag)
            return
        if unsafe_url(href):
            self.problem(UNSAFE_LINK_REMOVED, href[:200])
            self.walk(tag)
            return
        target = self.resolve_link(href)
        if target is None:
            self.walk(tag)
            return
        if isinstance(target, int):
            start = f'<a linktype="page" id="{target}">'
        else:
            start = f'<a href="{html.escape(target)}">'
        self.in_link += 1
        self.wrapped(tag, start, "</a>")
        self.in_link -= 1

    def img(self, tag: Tag) -> None:
        src = str(tag.get("src") or "").strip()
        alt = str(tag.get("alt") or "")
        alt = unicodedata.normalize("NFC", _SPACE_RE.sub(" ", _CONTROL_RE.sub("", alt))).strip()
        if not src or unsafe_url(src):
            return
        image_id = self.resolve_image(src)
        if image_id is not None:
            self.writer.image(image_id, alt)
            return
        self.problem(MISSING_IMAGE, src)
        href = self.resolve_link(src)
        label = alt or src.rstrip("/").rsplit("/", 1)[-1] or src
        if href is None or isinstance(href, int) or self.in_link:
            self.writer.text(label)
            return
        self.writer.open(f'<a href="{html.escape(href)}">', "</a>")
        self.writer.text(label)
        self.writer.close()

    def list(self, tag: Tag, name: str) -> None:
        writer = self.writer
        writer.end_paragraph()
        items = []
        for item in tag.find_all("li", recursive=False) or [tag]:
            inner = _Converter(self.resolve_image, self.resolve_link)
            inner.in_link = self.in_link
            inner.walk(item)
            inner.writer.end_paragraph()
            inner.writer.flush()
            self.problems.extend(p for p in inner.problems if p not in self.problems)
            parts = []
            for kind, value in inner.writer.segments:
                if kind == "richtext":
                    parts.append(_TAG_BLOCK_RE.sub(_inline_of, value))
                else:  # an image inside a list item: after the list
                    items.append(("image", value))
            text = _trim("<br/>".join(part for part in parts if part))
            if text:
                items.append(("item", text))
        listed = [value for kind, value in items if kind == "item"]
        if listed:
            writer.block(f"<{name}>" + "".join(f"<li>{li}</li>" for li in listed) + f"</{name}>")
        for kind, value in items:
            if kind == "image":
                writer.image(*value)


# Blocks inside a list item become lines of the item.
_TAG_BLOCK_RE = re.compile(r"<(p|h2|h3|h4|ul|ol)>(.*?)</\1>|<hr/>", re.DOTALL)


def _inline_of(match: re.Match) -> str:
    if match.group(1) in {"ul", "ol"}:
        return "<br/>".join(re.findall(r"<li>(.*?)</li>", match.group(2), re.DOTALL)) + "<br/>"
    return (match.group(2) or "") + "<br/>"


def convert_body(
    markup: str,
    *,
    resolve_image: Callable[[str], int | None],
    resolve_link: Callable[[str], int | str | None],
) -> Converted:
    """Convert ``markup`` (an old body).

    ``resolve_image(src)`` gives the id of the library image for an ``<img>``'s source, or
    None when it cannot be found. ``resolve_link(href)`` gives a page id (an old article
    imported), an address to keep (made absolute if need be), or None to drop the link.
    """
    soup = BeautifulSoup(markup or "", "html.parser")
    converter = _Converter(resolve_image, resolve_link)
    converter.walk(soup)
    converter.writer.end_paragraph()
    converter.writer.flush()
    result = Converted(converter.writer.segments, converter.problems)
    result.segments = [
        (kind, value.replace("<br/></p>", "</p>") if kind == "richtext" else value)
        for kind, value in result.segments
    ]
    return result
