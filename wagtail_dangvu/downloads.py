"""What a downloaded file is called: one ``Content-Disposition`` for every file we serve.

Slugs are Vietnamese (``bảng-số-liệu``). RFC 6266 carries such a name in ``filename*``
(UTF-8, percent-encoded), which every current browser reads; ``filename`` keeps an ASCII
fallback, without diacritics, for the clients that do not. Django's
``content_disposition_header`` writes one or the other, never both, so the fallback is
written through it and the UTF-8 name added after.

The dashboard's CSV, the ratings' CSV and XLSX exports and the iCalendar files use it.
It imports no model, so the ratings app can too.
"""

from __future__ import annotations

from urllib.parse import quote

from django.utils.http import content_disposition_header
from django.utils.text import slugify

from wagtail_dangvu.pure.symbols import fold

__all__ = ["ascii_filename", "content_disposition"]


def ascii_filename(filename: str, *, fallback: str = "download") -> str:
    """``filename`` in ASCII: ``"bảng-số-liệu.csv"`` -> ``"bang-so-lieu.csv"``.

    The name before the extension is slugified without diacritics (đ becomes d);
    ``fallback`` stands in when nothing of it is left.
    """
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    extension = slugify(fold(extension))
    return (slugify(fold(stem)) or fallback) + (f".{extension}" if extension else "")


def content_disposition(
    filename: str, *, attachment: bool = True, fallback: str = "download"
) -> str:
    """``attachment; filename="bang-so-lieu.csv"; filename*=UTF-8''b%E1%BA%A3ng-…`` (RFC 6266).

    A name that is already plain ASCII (``ratings.csv``) is given as ``filename`` alone.
    """
    ascii_name = ascii_filename(filename, fallback=fallback)
    header = content_disposition_header(attachment, ascii_name)
    if ascii_name != filename:
        header += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return header
