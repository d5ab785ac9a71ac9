"""Errors the W3C Nu HTML checker reports that a test can find without Java: a form whose
``action`` is empty, a ``<figcaption>`` that is neither the first nor the last child of its
``<figure>``, a ``<time datetime>`` value with fractions of a second."""

import re
from html.parser import HTMLParser

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
FRACTION = re.compile(r"T\d\d:\d\d:\d\d\.\d")


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.stack: list[list] = []  # [tag, children's tags]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and "action" in attributes and not (attributes["action"] or "").strip():
            self.problems.append("a <form> with an empty action")
        if tag == "time" and FRACTION.search(attributes.get("datetime") or ""):
            self.problems.append(f"<time datetime={attributes['datetime']!r}>: fractions")
        if self.stack:
            self.stack[-1][1].append(tag)
        if tag not in VOID:
            self.stack.append([tag, []])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        while self.stack:
            name, children = self.stack.pop()
            if name == "figure" and "figcaption" in children:
                where = children.index("figcaption")
                if where not in (0, len(children) - 1) or children.count("figcaption") > 1:
                    self.problems.append(f"<figcaption> in the middle of <figure>: {children}")
            if name == tag:
                break


def html_problems(html: str) -> list[str]:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.problems
