"""A NukeViet news portal as data (minh họa: invented for the tests), and loading it into
MariaDB in one of NukeViet's layouts, from NukeViet's own CREATE TABLE statements
(schema/nukeviet-<tag>.sql, written by schema/extract.py from the release tags).

The portal has the edge cases of issue #14: a nested category, an article in two
categories, the same alias in two categories, unpublished, draft, expired and scheduled
articles, ratings off, an empty hometext, entities, a script and event handlers in a body,
an absolute image URL on the old site, an external article image, a missing image, an
attachment, links between old articles, decomposed (NFD) Vietnamese, a 4-byte character,
and bodies full of what trips a dump parser (quotes, backslashes, ``;``, ``),(``, newlines).

NukeViet stores what editors typed through ``nv_htmlspecialchars``: titles, hometexts and
aliases hold ``&quot;``, ``&amp;``, ``&#039;`` as the fixture does.
"""

from __future__ import annotations

import gzip
import html
import re
import shutil
import struct
import subprocess
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

SCHEMA_DIR = Path(__file__).with_name("schema")

# The layout names the importer reports, and the NukeViet release whose schema each is.
LAYOUT_RELEASES = {"4.0": "4.0.21", "4.3": "4.3.08", "4.4": "4.4.08", "4.5": "4.5.05"}
LAYOUTS = tuple(LAYOUT_RELEASES)

PREFIX = "nv4"
LANG = "vi"
MODULE = "news"
OLD_SITE = "https://old.example.gov.vn"

# Unix times: 2024-05-06 08:30 in Hà Nội is 2024-05-06 01:30 UTC.
T0 = 1714959000
DAY = 86400
FUTURE = 4102444800  # 2100-01-01 00:00 UTC: the scheduled article stays scheduled
NFD_VIETNAMESE = unicodedata.normalize("NFD", "Học tập và làm theo tư tưởng, đạo đức")


@dataclass
class Category:
    catid: int
    title: str
    alias: str
    parentid: int = 0
    description: str = ""
    weight: int = 0


@dataclass
class Article:
    id: int
    catid: int
    title: str
    alias: str
    hometext: str
    bodyhtml: str
    listcatid: str = ""
    publtime: int = T0
    addtime: int = 0
    edittime: int = 0
    exptime: int = 0
    archive: int = 0
    status: int = 1
    author: str = ""
    sourceid: int = 0
    sourcetext: str = ""
    topicid: int = 0
    homeimgfile: str = ""
    homeimgalt: str = ""
    homeimgthumb: int = 0
    allowed_rating: int = 1
    hitstotal: int = 0
    total_rating: int = 0
    click_rating: int = 0
    keywords: str = ""
    files: str = ""
    tags: list[str] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)
    internal_authors: list[int] = field(default_factory=list)

    def __post_init__(self):
        self.listcatid = self.listcatid or str(self.catid)
        self.addtime = self.addtime or self.publtime - 3600
        self.edittime = self.edittime or self.publtime


CATEGORIES = [
    Category(1, "Tin tức", "tin-tuc", description="Tin hoạt động chung", weight=1),
    Category(2, "Hoạt động của Đảng bộ", "hoat-dong-dang-bo", parentid=1, weight=1),
    Category(3, "Dân vận khéo", "dan-van-kheo", description="Gương &quot;dân vận khéo&quot;"),
    Category(4, "Văn bản - Chỉ đạo", "van-ban-chi-dao", weight=3),
]
SOURCES = [
    # sourceid, title, link
    (1, "Ban Tuyên giáo Tỉnh ủy (minh họa)", "https://tuyengiao.example.gov.vn"),
    (2, "Trung tâm Văn hóa xã (minh họa)", ""),
]
TOPICS = [(1, "Học tập và làm theo Bác", "hoc-tap-va-lam-theo-bac")]
BLOCK_CATS = [(1, "Tin tiêu điểm", "tin-tieu-diem"), (2, "Tin nổi bật", "tin-noi-bat")]
# 4.5: internal authors (id, uid, alias, pseudonym)
AUTHORS = [(1, 1, "nguyen-van-a", "Nguyễn Văn A"), (2, 2, "tran-thi-b", "Trần Thị B")]

TRICKY = (
    "<p>Dấu nháy ' và \" và \\ gạch ngược; chấm phẩy; ),( ngoặc; \\' thoát; ''</p>\n"
    "<p>Dòng mới\r\nvà tab\tvà NUL-less \\n chữ; 😀 và 𠀧 (ký tự 4 byte)</p>"
)

ARTICLES = [
    Article(
        1,
        2,
        "Hội nghị &quot;Dân vận khéo&quot; năm 2024",
        "hoi-nghi-dan-van-kheo-nam-2024",
        "Hội nghị tổng kết phong trào thi đua &amp; biểu dương điển hình.",
        "<p>Sáng nay, hội nghị đã diễn ra&nbsp;tại hội trường.</p>\n<p>Tham dự có đại biểu"
        " các x&atilde; &#7845;p v&#224; thôn.</p>"
        '<p><img alt="Toàn cảnh hội nghị" src="/uploads/news/2024_05/hoi-nghi.jpg"'
        ' width="600" /></p>',
        listcatid="2,1",
        author="Phóng viên",
        sourceid=1,
        topicid=1,
        homeimgfile="2024_05/hoi-nghi.jpg",
        homeimgalt="Toàn cảnh hội nghị",
        homeimgthumb=1,
        hitstotal=1532,
        total_rating=21,
        click_rating=5,
        keywords="dân vận khéo, hội nghị",
        files="2024_05/bao-cao-tong-ket.pdf",
        tags=["dân vận khéo", "hội nghị"],
        blocks=[1],
        internal_authors=[1],
    ),
    Article(
        2,
        1,
        "Bài viết ở hai chuyên mục",
        "bai-viet-o-hai-chuyen-muc",
        "Tin được đăng ở Tin tức và Dân vận khéo.",
        "<p>Nội dung bài viết ở hai chuyên mục.</p>",
        listcatid="1,3",
        publtime=T0 + DAY,
        hitstotal=87,
        blocks=[1, 2],
    ),
    Article(
        3,
        3,
        "Hội nghị sơ kết ở Dân vận khéo",
        "hoi-nghi-so-ket",
        "Sơ kết sáu tháng.",
        "<p>Bài thứ nhất có bí danh hoi-nghi-so-ket.</p>",
        publtime=T0 + 2 * DAY,
    ),
    Article(
        4,
        4,
        "Hội nghị sơ kết ở Văn bản - Chỉ đạo",
        "hoi-nghi-so-ket",
        "Sơ kết sáu tháng, chuyên mục khác.",
        "<p>Bài thứ hai có cùng bí danh hoi-nghi-so-ket.</p>",
        publtime=T0 + 2 * DAY + 60,
    ),
    Article(
        5,
        1,
        "Bài có mã độc trong nội dung",
        "bai-co-ma-doc",
        "Nội dung có script.",
        '<p onclick="alert(1)" style="color:red">Đoạn văn có sự kiện.</p>'
        "<script>document.write('x')</script>"
        '<p><a href="javascript:alert(2)">Liên kết xấu</a></p>'
        '<iframe src="https://evil.example.com/x"></iframe>'
        '<p><iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ">'
        "</iframe></p>",
        publtime=T0 + 3 * DAY,
    ),
    Article(
        6,
        1,
        "Bài có ảnh theo địa chỉ tuyệt đối",
        "bai-co-anh-dia-chi-tuyet-doi",
        "Ảnh trong bài ghi cả tên miền cũ.",
        f'<p><img src="{OLD_SITE}/uploads/news/2024_05/le-ky-niem.png" alt="Lễ kỷ niệm" /></p>'
        '<p><img src="/uploads/news/2024_05/khong-co-anh-nay.jpg" alt="Ảnh đã mất" /></p>',
        publtime=T0 + 4 * DAY,
        homeimgfile="https://cdn.example.com/anh-ngoai.jpg",
        homeimgalt="Ảnh ở nơi khác",
        homeimgthumb=3,
    ),
    Article(
        7,
        1,
        "Bài đã ngưng hiệu lực",
        "bai-da-ngung-hieu-luc",
        "Bài này không còn hiển thị.",
        "<p>Bị ngưng hiệu lực.</p>",
        status=0,
        publtime=T0 + 5 * DAY,
    ),
    Article(
        8,
        1,
        "Bài lưu nháp",
        "bai-luu-nhap",
        "Chưa đăng.",
        "<p>Bản nháp.</p>",
        status=4,
        publtime=T0 + 5 * DAY + 60,
    ),
    Article(
        9,
        1,
        "Bài đã hết hạn",
        "bai-da-het-han",
        "Hết hạn và được lưu trữ.",
        "<p>Đã hết hạn.</p>",
        status=3,
        archive=1,
        publtime=T0 - 30 * DAY,
        exptime=T0 - DAY,
    ),
    Article(
        10,
        1,
        "Bài hẹn giờ đăng",
        "bai-hen-gio-dang",
        "Sẽ đăng sau.",
        "<p>Hẹn giờ.</p>",
        status=2,
        publtime=FUTURE,
        addtime=T0,
        edittime=T0,
    ),
    Article(
        11,
        3,
        "Bài tắt đánh giá",
        "bai-tat-danh-gia",
        "Bài này không cho đánh giá.",
        "<p>Không đánh giá.</p>",
        allowed_rating=0,
        total_rating=9,
        click_rating=2,
        publtime=T0 + 6 * DAY,
    ),
    Article(
        12,
        3,
        "Bài không có phần mở đầu",
        "bai-khong-co-phan-mo-dau",
        "",
        "<p>Chỉ có nội dung, không có phần giới thiệu.</p>",
        publtime=T0 + 7 * DAY,
    ),
    Article(
        13,
        1,
        "Bài liên kết đến bài cũ",
        "bai-lien-ket-den-bai-cu",
        "Có liên kết nội bộ.",
        '<p>Xem <a href="/vi/news/hoat-dong-dang-bo/hoi-nghi-dan-van-kheo-nam-2024-1.html">'
        "bài hội nghị</a>, "
        f'<a href="{OLD_SITE}/index.php?language=vi&amp;nv=news&amp;op=dan-van-kheo/'
        'hoi-nghi-so-ket-3">bài sơ kết</a> và '
        '<a href="/news/tin-tuc/bai-viet-o-hai-chuyen-muc-2.html">bài hai chuyên mục</a>.</p>',
        publtime=T0 + 8 * DAY,
    ),
    Article(
        14,
        4,
        "Triển khai Chỉ thị số 05-CT/TW",
        "trien-khai-chi-thi-05",
        "Văn bản chỉ đạo.",
        "<p>Thực hiện Chỉ thị số 05-CT/TW và Kết luận số 21-KL/TW của Ban Chấp hành.</p>",
        publtime=T0 + 9 * DAY,
        files="2024_05/ke-hoach.docx,2024_05/bao-cao-tong-ket.pdf",
        sourceid=2,
    ),
    Article(
        15,
        1,
        NFD_VIETNAMESE,
        "hoc-tap-va-lam-theo",
        NFD_VIETNAMESE + ".",
        f"<p>{NFD_VIETNAMESE} của Bác.</p>",
        publtime=T0 + 10 * DAY,
        topicid=1,
        tags=["học tập và làm theo Bác"],
    ),
    Article(
        16,
        1,
        "Dấu nháy &#039;đơn&#039; và &quot;kép&quot; trong tiêu đề",
        "dau-nhay-trong-tieu-de",
        "Mở đầu có dấu \\ gạch ngược; và ),( ngoặc.",
        TRICKY,
        publtime=T0 + 11 * DAY,
        sourcetext="https://baochi.example.vn/bai-goc.html",
    ),
    Article(
        17,
        2,
        "Chi bộ thôn sinh hoạt chuyên đề",
        "chi-bo-thon-sinh-hoat",
        "Sinh hoạt chuyên đề tháng 5.",
        "<p>Chi bộ sinh hoạt chuyên đề.</p>\n\n<p>Đoạn thứ hai.</p>",
        publtime=T0 + 12 * DAY,
        author="Lê Văn C",
        internal_authors=[1, 2],
        hitstotal=12,
        total_rating=4,
        click_rating=1,
    ),
    Article(
        18,
        3,
        "Gương dân vận khéo ở thôn Đông",
        "guong-dan-van-kheo-thon-dong",
        "Gương người tốt việc tốt.",
        "<p>Câu chuyện người tốt.</p>",
        publtime=T0 + 13 * DAY,
        blocks=[2],
        tags=["dân vận khéo"],
    ),
    Article(
        19,
        1,
        "Thông báo lịch tiếp dân",
        "thong-bao-lich-tiep-dan",
        "Lịch tiếp công dân.",
        "<table><tr><td>Thứ Hai</td><td>Sáng</td></tr></table>",
        publtime=T0 + 14 * DAY,
    ),
    Article(
        20,
        2,
        "Kết nạp đảng viên mới",
        "ket-nap-dang-vien-moi",
        "Lễ kết nạp.",
        "<p>Lễ kết nạp đảng viên.</p>",
        publtime=T0 + 15 * DAY,
        homeimgfile="2024_06/ket-nap.jpg",
        homeimgalt="",
        homeimgthumb=1,
    ),
    Article(
        21,
        4,
        "Ngày hội Đại đoàn kết toàn dân tộc",
        "ngay-hoi-dai-doan-ket",
        "Ngày hội ở khu dân cư.",
        "<p>Ngày hội &amp;amp; văn nghệ.</p>",
        publtime=T0 + 16 * DAY,
        hitstotal=4000000,
    ),
    Article(
        2001,
        1,
        "Bài có mã số lớn",
        "bai-co-ma-so-lon",
        "Ở NukeViet 4.0, nội dung bài này nằm trong bảng bodyhtml_2.",
        "<p>Mã số 2001.</p>",
        publtime=T0 + 17 * DAY,
    ),
]

# Files under uploads/news the articles point to (the one named "khong-co-anh-nay.jpg"
# is missing on purpose).
UPLOADS = {
    "2024_05/hoi-nghi.jpg": "jpeg",
    "2024_05/le-ky-niem.png": "png",
    "2024_06/ket-nap.jpg": "jpeg",
    "2024_05/bao-cao-tong-ket.pdf": "pdf",
    "2024_05/ke-hoach.docx": "bytes",
}

MODULE_CONFIG = {
    "indexfile": "viewcat_main_right",
    "per_page": "20",
    "allowed_rating": "1",
    "allowed_rating_point": "1",
    "structure_upload": "Ym",
    "imgposition": "2",
    "htmlhometext": "0",
}


@dataclass
class Portal:
    categories: list[Category]
    articles: list[Article]


PORTAL = Portal(CATEGORIES, ARTICLES)


def _plain(body: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", body)).strip()


def schema(layout: str, *, prefix=PREFIX, lang=LANG, module=MODULE) -> list[str]:
    """NukeViet's CREATE TABLE statements of ``layout``, with the table names filled in."""
    text = (SCHEMA_DIR / f"nukeviet-{LAYOUT_RELEASES[layout]}.sql").read_text(encoding="utf-8")
    text = text.replace("{table}", f"{prefix}_{lang}_{module}").replace("{prefix}", prefix)
    text = "\n".join(line for line in text.splitlines() if not line.startswith("--"))
    return [statement.strip() for statement in text.split(";\n") if statement.strip()]


def _connect(url: str, database: str | None = None):
    import pymysql

    parts = urlsplit(url)
    return pymysql.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 3306,
        user=unquote(parts.username or "root"),
        password=unquote(parts.password or ""),
        database=database,
        charset="utf8mb4",
        autocommit=True,
    )


def create_database(server_url: str, database: str) -> str:
    """Create ``database`` (utf8mb4) on the server; its URL."""
    connection = _connect(server_url)
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        )
    connection.close()
    return server_url.rstrip("/") + "/" + database


def drop_database(server_url: str, database: str) -> None:
    connection = _connect(server_url)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS `{database}`")
    connection.close()


class _Loader:
    def __init__(self, cursor, layout: str, prefix: str, lang: str, module: str):
        self.cursor = cursor
        self.layout = layout
        self.stem = f"{prefix}_{lang}_{module}"
        self.prefix = prefix
        self.columns: dict[str, list[str]] = {}

    def table(self, suffix: str) -> str:
        return f"{self.stem}_{suffix}"

    def insert(self, table: str, row: dict, *, many: list[dict] | None = None) -> None:
        if table not in self.columns:
            self.cursor.execute(f"SHOW COLUMNS FROM `{table}`")
            self.columns[table] = [name for name, *_ in self.cursor.fetchall()]
        rows = many if many is not None else [row]
        names = [name for name in rows[0] if name in self.columns[table]]
        placeholders = ", ".join(["%s"] * len(names))
        self.cursor.executemany(
            f"INSERT INTO `{table}` ({', '.join(f'`{n}`' for n in names)}) VALUES ({placeholders})",
            [[r[name] for name in names] for r in rows],
        )


def load_portal(
    url: str, layout: str, portal: Portal = PORTAL, *, prefix=PREFIX, lang=LANG, module=MODULE
) -> None:
    """Create NukeViet's tables of ``layout`` in the (empty) database at ``url`` and write
    ``portal`` into them as NukeViet would have."""
    parts = urlsplit(url)
    connection = _connect(url, unquote(parts.path.strip("/")))
    cursor = connection.cursor()
    for statement in schema(layout, prefix=prefix, lang=lang, module=module):
        cursor.execute(statement)
    load = _Loader(cursor, layout, prefix, lang, module)
    config = [
        {"lang": "sys", "module": "global", "config_name": "version", "config_value": v}
        for v in [LAYOUT_RELEASES[layout]]
    ] + [
        {"lang": lang, "module": module, "config_name": k, "config_value": v}
        for k, v in MODULE_CONFIG.items()
    ]
    load.insert(f"{prefix}_config", {}, many=config)
    children = {
        c.catid: [d.catid for d in portal.categories if d.parentid == c.catid]
        for c in portal.categories
    }
    load.insert(
        load.table("cat"),
        {},
        many=[
            {
                "catid": c.catid,
                "parentid": c.parentid,
                "title": c.title,
                "alias": c.alias,
                "description": c.description,
                "weight": c.weight,
                "sort": index + 1,
                "lev": 1 if c.parentid else 0,
                "numsubcat": len(children[c.catid]),
                "subcatid": ",".join(map(str, children[c.catid])),
                "add_time": T0 - 100 * DAY,
                "edit_time": T0 - 100 * DAY,
                "status": 1,
            }
            for index, c in enumerate(portal.categories)
        ],
    )
    for category in portal.categories:
        cursor.execute(f"CREATE TABLE `{load.table(category.catid)}` LIKE `{load.table('rows')}`")
    load.insert(
        load.table("sources"),
        {},
        many=[
            {"sourceid": i, "title": t, "link": link, "weight": i, "add_time": T0, "edit_time": T0}
            for i, t, link in SOURCES
        ],
    )
    load.insert(
        load.table("topics"),
        {},
        many=[{"topicid": i, "title": t, "alias": a, "weight": i} for i, t, a in TOPICS],
    )
    load.insert(
        load.table("block_cat"),
        {},
        many=[
            {"bid": i, "title": t, "alias": a, "weight": i, "adddefault": 0}
            for i, t, a in BLOCK_CATS
        ],
    )
    if layout == "4.5":
        load.insert(
            load.table("author"),
            {},
            many=[
                {"id": i, "uid": u, "alias": a, "pseudonym": p, "add_time": T0, "numnews": 0}
                for i, u, a, p in AUTHORS
            ],
        )
    tags: dict[str, int] = {}
    for article in portal.articles:
        row = {
            name: getattr(article, name)
            for name in [
                "id",
                "catid",
                "listcatid",
                "topicid",
                "author",
                "sourceid",
                "addtime",
                "edittime",
                "status",
                "publtime",
                "exptime",
                "archive",
                "title",
                "alias",
                "hometext",
                "homeimgfile",
                "homeimgalt",
                "homeimgthumb",
                "allowed_rating",
                "hitstotal",
                "total_rating",
                "click_rating",
            ]
        }
        row.update(
            admin_id=1, weight=article.id, inhome=1, allowed_comm="4", external_link=0, hitscm=0
        )
        load.insert(load.table("rows"), row)
        for catid in article.listcatid.split(","):
            load.insert(load.table(catid), row)
        detail = {
            "id": article.id,
            "titlesite": "",
            "description": "",
            "bodyhtml": article.bodyhtml,
            "keywords": article.keywords,
            "sourcetext": article.sourcetext,
            "files": article.files,
            "imgposition": 2,
            "layout_func": "",
            "copyright": 0,
            "allowed_send": 1,
            "allowed_print": 1,
            "allowed_save": 1,
        }
        if layout == "4.0":
            number = -(-article.id // 2000)
            load.insert(load.table(f"bodyhtml_{number}"), detail)
            load.insert(
                load.table("bodytext"), {"id": article.id, "bodytext": _plain(article.bodyhtml)}
            )
        else:
            load.insert(load.table("detail"), detail)
        for keyword in article.tags:
            if keyword not in tags:
                tags[keyword] = len(tags) + 1
                load.insert(
                    load.table("tags"),
                    {
                        "tid": tags[keyword],
                        "numnews": sum(keyword in a.tags for a in portal.articles),
                        "title": keyword,
                        "alias": re.sub(r"\s+", "-", keyword),
                        "description": "",
                        "keywords": keyword,
                    },
                )
            load.insert(
                load.table("tags_id"), {"id": article.id, "tid": tags[keyword], "keyword": keyword}
            )
        for weight, bid in enumerate(article.blocks, 1):
            load.insert(load.table("block"), {"bid": bid, "id": article.id, "weight": weight})
        if layout == "4.5":
            for aid in article.internal_authors:
                _, _, alias, pseudonym = AUTHORS[aid - 1]
                load.insert(
                    load.table("authorlist"),
                    {"id": article.id, "aid": aid, "alias": alias, "pseudonym": pseudonym},
                )
    cursor.close()
    connection.close()


def dump_database(url: str, path: Path, *, compress: bool = False, options=()) -> Path:
    """Write a real ``mariadb-dump`` (or ``mysqldump``) of the database at ``url`` to
    ``path``, gzipped if asked, as a hosting panel's backup is."""
    parts = urlsplit(url)
    program = shutil.which("mariadb-dump") or shutil.which("mysqldump")
    if program is None:
        raise RuntimeError("Neither mariadb-dump nor mysqldump is installed")
    command = [
        program,
        f"--host={parts.hostname or '127.0.0.1'}",
        f"--port={parts.port or 3306}",
        f"--user={unquote(parts.username or 'root')}",
        "--default-character-set=utf8mb4",
        *options,
        unquote(parts.path.strip("/")),
    ]
    if parts.password:
        command.insert(4, f"--password={unquote(parts.password)}")
    with open(path, "wb") as out:
        stream = gzip.GzipFile(fileobj=out, mode="wb") if compress else out
        process = subprocess.Popen(command, stdout=subprocess.PIPE)
        for chunk in iter(lambda: process.stdout.read(1 << 20), b""):
            stream.write(chunk)
        if process.wait() != 0:
            raise RuntimeError(f"{program} failed ({process.returncode})")
        if compress:
            stream.close()
    return path


def _png(width=4, height=3) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def write_uploads(root: Path, module: str = MODULE) -> Path:
    """NukeViet's ``uploads`` folder for the portal: ``root/uploads/<module>/...``, real
    image files (JPEG and PNG through Pillow) and attachments; its path."""
    from io import BytesIO

    from PIL import Image

    uploads = root / "uploads"
    for relative, kind in UPLOADS.items():
        path = uploads / module / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind == "jpeg":
            buffer = BytesIO()
            Image.new("RGB", (8, 6), (200, 30, 30)).save(buffer, "JPEG")
            path.write_bytes(buffer.getvalue())
        elif kind == "png":
            path.write_bytes(_png())
        elif kind == "pdf":
            path.write_bytes(b"%PDF-1.4\n% minh hoa\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        else:
            path.write_bytes(b"PK\x03\x04 minh hoa")
    return uploads
