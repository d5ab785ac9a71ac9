"""A NukeViet news module held in memory, the shape :mod:`...nukeviet.sources` reads,
for tests of the mapping that need no MariaDB (the fixture portal runs in MariaDB)."""

from __future__ import annotations

from dataclasses import dataclass, field

NOW = 1_764_547_200  # 2025-12-01 00:00 UTC


class MemorySource:
    description = "memory"

    def __init__(self, tables: dict[str, list[dict]]):
        self.data = tables

    def tables(self) -> set[str]:
        return set(self.data)

    def rows(self, table: str):
        yield from (dict(row) for row in self.data[table])

    def close(self) -> None:
        pass


@dataclass
class MemoryModule:
    source: MemorySource
    prefix: str = "nv4"
    lang: str = "vi"
    module: str = "news"
    layout: str = "4.5"
    config: dict = field(default_factory=dict)

    def table(self, suffix: str) -> str:
        return f"{self.prefix}_{self.lang}_{self.module}_{suffix}"

    def details(self):
        yield from self.source.rows(self.table("detail"))

    def body_html(self, article_id: int) -> str | None:
        for row in self.source.rows(self.table("detail")):
            if row["id"] == article_id:
                return row["bodyhtml"]
        return None


def article(id, catid, title, alias, *, listcatid=None, status=1, publtime=NOW - 86400, **extra):
    row = {
        "id": id,
        "catid": catid,
        "listcatid": listcatid or str(catid),
        "topicid": 0,
        "admin_id": 1,
        "author": "",
        "sourceid": 0,
        "addtime": publtime,
        "edittime": publtime,
        "status": status,
        "weight": id,
        "publtime": publtime,
        "exptime": 0,
        "archive": 0,
        "title": title,
        "alias": alias,
        "hometext": "",
        "homeimgfile": "",
        "homeimgalt": "",
        "homeimgthumb": 0,
        "inhome": 1,
        "allowed_comm": "4",
        "allowed_rating": 1,
        "external_link": 0,
        "hitstotal": 0,
        "hitscm": 0,
        "total_rating": 0,
        "click_rating": 0,
    }
    row.update(extra)
    return row


def detail(id, bodyhtml="", **extra):
    row = {
        "id": id,
        "titlesite": "",
        "description": "",
        "bodyhtml": bodyhtml,
        "keywords": "",
        "sourcetext": "",
        "files": "",
        "imgposition": 1,
        "layout_func": "",
        "copyright": 0,
        "allowed_send": 1,
        "allowed_print": 1,
        "allowed_save": 1,
    }
    row.update(extra)
    return row


def category(catid, title, alias, parentid=0, sort=None):
    return {
        "catid": catid,
        "parentid": parentid,
        "title": title,
        "titlesite": "",
        "alias": alias,
        "description": "",
        "weight": catid,
        "sort": sort if sort is not None else catid,
        "lev": 1 if parentid else 0,
        "status": 1,
    }


def module(
    *, cats, rows, details, sources=(), topics=(), tags=(), tags_id=(), blocks=(), block_cat=()
):
    p = "nv4_vi_news_"
    return MemoryModule(
        MemorySource(
            {
                p + "cat": list(cats),
                p + "rows": list(rows),
                p + "detail": list(details),
                p + "sources": list(sources),
                p + "topics": list(topics),
                p + "tags": list(tags),
                p + "tags_id": list(tags_id),
                p + "block": list(blocks),
                p + "block_cat": list(block_cat),
                "nv4_config": [],
            }
        )
    )
