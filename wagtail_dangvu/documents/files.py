"""The files of withheld register entries: out of the web server's reach, refused to readers.

A Wagtail document is *withheld* while it is the ``file`` of any withheld
:class:`~wagtail_dangvu.models.PartyDocument`, in any language. The register is the
authority, asked in one indexed query (:func:`is_withheld`). While a document is withheld:

- Its bytes are in the private storage (``WAGTAIL_DANGVU["PRIVATE_STORAGE"]``), which no
  URL maps to, as ``withheld/<document id>/<file name>``: the file keeps its name, so
  links to ``/documents/<id>/<name>`` stay the same, and no later upload can take its old
  name in the public storage (Wagtail deletes a document's file by name). They move there
  at once, inside the transaction that withholds the entry, so that they are never
  reachable once anyone can read the new state; they move back only when a release has
  been committed. A move undone by a rollback is put back (:func:`settle`).
- The document is in the restricted collection, which carries a view restriction that
  only superusers pass: Wagtail's documents APIs leave it out, and editors see it only
  where a group is given permissions on it.
- Wagtail's document view answers 404 to whoever may not see withheld entries
  (:func:`serve_withheld`, through the ``before_serve_document`` hook) and sends the
  bytes from the private storage to the register's keepers, whatever
  ``WAGTAILDOCS_SERVE_METHOD`` says.

:class:`~wagtail_dangvu.models.WithheldFile` records what was moved, and from where.
"""

from __future__ import annotations

import logging
import posixpath
import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from wagtail.documents.models import Document, document_served
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.search import index as search_index

from wagtail_dangvu.conf import get_setting
from wagtail_dangvu.documents.models import PartyDocument, may_see_withheld
from wagtail_dangvu.documents.withheld_files import WithheldFile
from wagtail_dangvu.signals import document_visibility_changed

logger = logging.getLogger(__name__)

# The folder of the private storage that holds withheld files, one subfolder per document.
PRIVATE_FOLDER = "withheld"


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder that no URL maps to: asking for one is a programming error."""

    def url(self, name):
        raise NotImplementedError("The files of withheld register entries have no URL.")


def default_private_location() -> Path:
    """``<MEDIA_ROOT>-private``: beside MEDIA_ROOT, never inside it."""
    if not settings.MEDIA_ROOT:
        raise ImproperlyConfigured(
            "Set MEDIA_ROOT, or WAGTAIL_DANGVU['PRIVATE_STORAGE'] to a storage alias."
        )
    media_root = Path(settings.MEDIA_ROOT).resolve()
    return media_root.with_name(f"{media_root.name}-private")


def private_storage():
    """The storage that holds the bytes of withheld documents."""
    alias = get_setting("PRIVATE_STORAGE")
    if alias:
        return storages[alias]
    return PrivateFileSystemStorage(location=default_private_location(), base_url=None)


def private_name_for(document, name: str) -> str:
    return posixpath.join(PRIVATE_FOLDER, str(document.pk), posixpath.basename(name))


# --- what the register says ------------------------------------------------------------


def withheld_document_ids():
    """A subquery of the ids of Wagtail documents that are files of withheld entries."""
    return PartyDocument.objects.withheld().filter(file__isnull=False).values("file_id")


def is_withheld(document) -> bool:
    """Whether ``document`` is the file of a withheld entry: one query, on an index."""
    return PartyDocument.objects.withheld().filter(file_id=document.pk).exists()


def exclude_withheld(documents):
    """``documents`` (a queryset of Wagtail documents) without the withheld ones."""
    return documents.exclude(pk__in=withheld_document_ids())


# --- the restricted collection ---------------------------------------------------------


def restricted_collection_name() -> str:
    """The collection's name in the portal's language, whoever's request creates it."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Restricted documents")


def restricted_collection(create: bool = True) -> Collection | None:
    """The collection of withheld documents, a child of the root, created on demand.

    It is found by name. The app grants no group any permission on it; it carries a
    view restriction to no group, which only superusers pass, so that Wagtail's documents
    APIs (which leave out restricted collections) never list its documents.
    """
    name = restricted_collection_name()
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None and create:
        collection = root.add_child(name=name)
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    return collection


# --- moving the bytes ------------------------------------------------------------------


@dataclass
class _Move:
    """Bytes moved to the private storage inside a transaction not yet committed."""

    document_id: int
    name: str
    private_name: str
    committed: bool = field(default=False)

    def commit(self):
        self.committed = True


_local = threading.local()


def _pending_moves() -> list[_Move]:
    if not hasattr(_local, "moves"):
        _local.moves = []
    return _local.moves


def _remember(move: _Move) -> None:
    """Keep ``move`` until its transaction ends, to put it back if it rolls back."""
    if not transaction.get_connection().in_atomic_block:
        return
    _pending_moves().append(move)
    transaction.on_commit(move.commit)


def settle() -> None:
    """Put back the bytes of withheld files whose transaction rolled back.

    Django has no hook for a rollback, but it drops the ``on_commit`` callbacks of a
    rolled-back transaction or savepoint: a move whose callback neither ran nor is still
    queued was undone in the database, and its bytes go back where the database says
    they are. Called when each request starts and ends, and by
    ``manage.py dangvu_withheld_files``.
    """
    moves = _pending_moves()
    if not moves:
        return
    queued = [entry[1] for entry in transaction.get_connection().run_on_commit]
    kept = []
    for move in moves:
        if move.committed:
            continue
        if any(callback == move.commit for callback in queued):
            kept.append(move)
            continue
        try:
            _undo(move)
        except Exception:
            logger.exception("Could not put back the file of document %s.", move.document_id)
    moves[:] = kept


def _undo(move: _Move) -> None:
    document = Document.objects.filter(pk=move.document_id).first()
    if document is None or document.file.name != move.name:
        return  # deleted, or changed since by a committed transaction: nothing to put back
    private = private_storage()
    public = document.file.storage
    if private.exists(move.private_name):
        if not public.exists(move.name):
            with private.open(move.private_name, "rb") as content:
                public.save(move.name, content)
        private.delete(move.private_name)
    sync(document)


def _move(source, name: str, target, target_name: str) -> str | None:
    """Copy ``name`` from ``source`` to ``target`` as ``target_name``; the name it got.

    None when the file is missing: a missing file is never an error here.
    """
    if not name or not source.exists(name):
        return None
    with source.open(name, "rb") as content:
        return target.save(target_name, content)


def withhold(document) -> None:
    """Move ``document``'s bytes to the private storage at once, and it to the restricted
    collection. Idempotent; a replaced file follows the new one."""
    row = WithheldFile.objects.filter(document=document).first()
    name = document.file.name
    if row is not None and row.private_name == name:
        return
    public = document.file.storage
    private = private_storage()
    wanted = private_name_for(document, name)
    stored = _move(public, name, private, wanted) or wanted
    if row is None:
        row = WithheldFile(document=document, original_collection_id=document.collection_id)
        collection_id = restricted_collection().pk
    else:
        # The file was replaced while withheld: the old bytes go once that is committed.
        old = row.private_name
        if old != stored:
            transaction.on_commit(lambda: private.delete(old))
        collection_id = document.collection_id
    row.name = name
    row.private_name = stored
    row.save()
    Document.objects.filter(pk=document.pk).update(file=stored, collection_id=collection_id)
    document.file.name = stored
    document.collection_id = collection_id
    _remember(_Move(document.pk, name, stored))
    if name and public.exists(name):
        public.delete(name)
    search_index.insert_or_update_object(document)


def release(document) -> None:
    """Move ``document``'s bytes back to its own storage under their old name (another
    if a later upload took it), and it back to its collection."""
    row = WithheldFile.objects.filter(document=document).first()
    if row is None:
        return
    name = row.name
    if document.file.name == row.private_name:
        name = _move(private_storage(), row.private_name, document.file.storage, row.name)
        name = name or row.name
    else:
        name = document.file.name  # replaced outside the app's reach: keep the new one
    collection_id = document.collection_id
    restricted = restricted_collection(create=False)
    if restricted is None or collection_id == restricted.pk:
        collection_id = row.original_collection_id or Collection.get_first_root_node().pk
    with transaction.atomic():
        Document.objects.filter(pk=document.pk).update(file=name, collection_id=collection_id)
        row.delete()  # the private bytes go once this is committed
    document.file.name = name
    document.collection_id = collection_id
    search_index.insert_or_update_object(document)


def sync(document) -> None:
    """Make the bytes and collection of ``document`` follow what the register says now."""
    if is_withheld(document):
        withhold(document)
    else:
        release(document)


def sync_on_commit(document_ids) -> None:
    """Once the current transaction is committed, sync these documents with the register."""
    document_ids = {pk for pk in document_ids if pk}
    if not document_ids:
        return

    def run():
        for document in Document.objects.filter(pk__in=document_ids):
            sync(document)

    transaction.on_commit(run)


def withhold_now(document_ids) -> None:
    for document in Document.objects.filter(pk__in={pk for pk in document_ids if pk}):
        withhold(document)


def put_back_orphans() -> int:
    """Put back the private bytes that no record holds and whose document misses them.

    A rolled-back withholding is put back by :func:`settle` in the thread that ran it; if
    that never happens (the process ended first), its bytes are left in the private
    storage with no :class:`~wagtail_dangvu.models.WithheldFile`. Bytes that match no
    document are left alone.
    """
    private = private_storage()
    try:
        folders, _files = private.listdir(PRIVATE_FOLDER)
    except (FileNotFoundError, NotImplementedError):
        return 0
    held = set(WithheldFile.objects.values_list("private_name", flat=True))
    documents = Document.objects.in_bulk([int(folder) for folder in folders if folder.isdigit()])
    put_back = 0
    for pk, document in documents.items():
        folder = posixpath.join(PRIVATE_FOLDER, str(pk))
        for filename in private.listdir(folder)[1]:
            private_name = posixpath.join(folder, filename)
            name = document.file.name
            if (
                private_name in held
                or posixpath.basename(name) != filename
                or document.file.storage.exists(name)
            ):
                continue
            _undo(_Move(pk, name, private_name))
            put_back += 1
    return put_back


def sync_all() -> tuple[int, int]:
    """Sync every document the register withholds or the app holds, after putting back
    orphaned bytes: (files withheld, files put back or released)."""
    settle()
    withheld, released = 0, put_back_orphans()
    held = WithheldFile.objects.values("document_id")
    for document in Document.objects.filter(pk__in=withheld_document_ids()) | (
        Document.objects.filter(pk__in=held)
    ):
        if is_withheld(document):
            before = document.file.name
            withhold(document)
            withheld += before != document.file.name
        else:
            held_before = WithheldFile.objects.filter(document=document).exists()
            release(document)
            released += held_before
    return withheld, released


# --- serving ---------------------------------------------------------------------------


def serve_withheld(document, request):
    """Wagtail's ``before_serve_document``: 404 for a withheld file, unless the user keeps
    the register, who gets the bytes streamed from where they are. None otherwise."""
    if not is_withheld(document):
        return None
    if not may_see_withheld(request.user):
        raise Http404
    row = WithheldFile.objects.filter(document=document).only("private_name").first()
    name = document.file.name
    storage = private_storage() if row and row.private_name == name else document.file.storage
    try:
        if not name or not storage.exists(name):
            raise Http404
        with storage.open(name, "rb") as content:
            data = content.read()
    except OSError as error:
        raise Http404 from error
    # Wagtail takes a hook's answer only if it is an HttpResponse, which a FileResponse (a
    # streaming response) is not: Wagtail would go on to serve the file itself, from the
    # public storage. So the bytes are read whole; withheld files are few, and only the
    # register's keepers download them.
    response = HttpResponse(data, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(
        document.content_disposition != "inline", document.filename
    )
    # Never kept by a shared cache, never run as a page.
    response["Cache-Control"] = "private, no-store"
    if getattr(settings, "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT", True):
        response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    document_served.send(sender=type(document), instance=document, request=request)
    return response


# --- receivers -------------------------------------------------------------------------


@receiver(document_visibility_changed)
def on_visibility_changed(sender, documents, public, **kwargs):
    """Withheld: the files leave at once. Public: they come back once that is committed,
    and only those that no other withheld entry still holds."""
    file_ids = {document.file_id for document in documents}
    if public:
        sync_on_commit(file_ids)
    else:
        withhold_now(file_ids)


@receiver(post_init, sender=PartyDocument)
def remember_file(sender, instance, **kwargs):
    instance._dangvu_file_id = instance.__dict__.get("file_id")


@receiver(post_save, sender=PartyDocument)
def on_entry_saved(sender, instance, raw=False, **kwargs):
    """A file attached to (or replacing one of) a withheld entry leaves at once; a file
    detached from an entry is synced once that is committed."""
    if raw:
        return
    previous = getattr(instance, "_dangvu_file_id", None)
    if previous and previous != instance.file_id:
        sync_on_commit({previous})
    if instance.file_id and instance.is_withheld:
        withhold_now({instance.file_id})
    instance._dangvu_file_id = instance.file_id


@receiver(post_delete, sender=PartyDocument)
def on_entry_deleted(sender, instance, **kwargs):
    sync_on_commit({instance.file_id})


@receiver(post_save, sender=Document)
def on_document_saved(sender, instance, created=False, update_fields=None, raw=False, **kwargs):
    """A new file uploaded over a withheld document (the documents admin saves the new
    bytes in the public storage) follows the old one into the private storage at once."""
    if raw or created or (update_fields is not None and "file" not in update_fields):
        return
    if is_withheld(instance):
        withhold(instance)


@receiver(post_delete, sender=WithheldFile)
def on_withheld_file_deleted(sender, instance, **kwargs):
    """Released, or its document deleted: the private bytes go once that is committed."""
    name = instance.private_name
    transaction.on_commit(lambda: private_storage().delete(name))


@receiver(request_started)
@receiver(request_finished)
def on_request(sender, **kwargs):
    """Put back what a rolled-back transaction moved, at the latest when the request that
    ran it ends (nothing to do, and no query, on almost every request)."""
    settle()
