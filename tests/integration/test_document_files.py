"""The file of a withheld register entry: refused on every way in, out of the web server's
reach, back where it was when the entry is made public.

Each test gets its own MEDIA_ROOT (``<tmp>/media``), so the private folder is
``<tmp>/media-private`` and what is on disk is what a web server would find there.
"""

import datetime
import importlib.util
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve as static_serve
from wagtail.documents.models import Document
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from tests.factories import add_page, make_document, make_report, make_report_index, paragraph
from wagtail_dangvu.documents import files as document_files
from wagtail_dangvu.models import Circulation, SecrecyLevel, WithheldFile
from wagtail_dangvu.translation import translate

pytestmark = pytest.mark.django_db

API_V3 = importlib.util.find_spec("wagtail.api.v3") is not None
SECRET_BYTES = b"%PDF-1.4\nBao cao mat: so lieu noi bo\n%%EOF\n"
SERVE_METHODS = ["serve_view", "redirect", "direct"]


# --- fixtures --------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """A MEDIA_ROOT of this test's own; the private folder is its sibling.

    Moves made in another test's transaction (rolled back when it ended) are forgotten,
    so that they are not put back here.
    """
    settings.MEDIA_ROOT = str(tmp_path / "media")
    document_files._pending_moves().clear()
    yield tmp_path
    document_files._pending_moves().clear()


@pytest.fixture
def private_root(media):
    return media / "media-private"


@pytest.fixture
def pdf():
    return Document.objects.create(
        title="Báo cáo mật về công tác nội chính",
        file=ContentFile(SECRET_BYTES, name="bao-cao-noi-chinh.pdf"),
    )


@pytest.fixture
def entry(pdf):
    """A public entry whose file is ``pdf``."""
    return make_document("09-BC/ĐU", type_name="Báo cáo", file=pdf)


@pytest.fixture
def withheld(entry):
    entry.secrecy = SecrecyLevel.SECRET
    entry.save()
    return entry


def editors_group(name, page, *codenames):
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        permission = Permission.objects.get(codename=codename)
        if permission.content_type.app_label == "wagtaildocs":
            # Documents are permitted per collection, here the root and all below it.
            GroupCollectionPermission.objects.create(
                group=group, collection=Collection.get_first_root_node(), permission=permission
            )
        else:
            group.permissions.add(permission)
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    return group


def user_in(django_user_model, username, group):
    user = django_user_model.objects.create_user(username=username, password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model, home):
    """Admin access and page permissions on the whole site; none on the register."""
    group = editors_group("Biên tập", home, "choose_document", "change_document")
    return user_in(django_user_model, "bientap", group)


@pytest.fixture
def other_editor(django_user_model, home):
    """Page permissions on another section of the site only."""
    section = add_page(home, type(home), title="Xã khác", slug="xa-khac")
    return user_in(django_user_model, "xakhac", editors_group("Xã khác", section))


@pytest.fixture
def keeper(django_user_model, home):
    """Keeps the register: may see withheld entries and download their files."""
    group = editors_group("Văn thư", home, "view_partydocument", "choose_document")
    return user_in(django_user_model, "vanthu", group)


# Everyone who may not see withheld entries: fixtures' names, "anonymous" for no one.
READERS = ["anonymous", "editor", "other_editor"]


def log_in(client, request, who):
    client.logout()
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


def public_path(media, document_or_name):
    name = getattr(document_or_name, "file", None)
    return media / "media" / (name.name if name is not None else document_or_name)


def served_by_web_server(media, url):
    """What a web server mapping MEDIA_URL to MEDIA_ROOT answers for ``url``."""
    path = url.removeprefix("/media/")
    request = RequestFactory().get(url)
    try:
        response = static_serve(request, path, document_root=str(media / "media"))
    except Http404:
        return 404
    return response.status_code


def download(client, url):
    response = client.get(url)
    # Reading a streamed body to its end closes it, as a WSGI server would (closing it
    # again would fire request_finished with Django's connection cleanup attached).
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def serve_url(document):
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


# --- every way in ----------------------------------------------------------------------


@pytest.mark.parametrize("serve_method", SERVE_METHODS)
@pytest.mark.parametrize("who", READERS)
def test_nobody_but_the_keepers_gets_the_file_of_a_withheld_entry(
    client, settings, media, pdf, entry, request, who, serve_method
):
    settings.WAGTAILDOCS_SERVE_METHOD = serve_method
    log_in(client, request, who)
    view_url, link_url, media_url = serve_url(pdf), pdf.url, f"/media/{pdf.file.name}"
    # While the entry is public, every way in gives the bytes.
    status, body = download(client, view_url)
    if serve_method == "serve_view":
        assert (status, body) == (200, SECRET_BYTES)
    else:
        assert status == 302
    assert served_by_web_server(media, media_url) == 200

    entry.secrecy = SecrecyLevel.TOP_SECRET
    entry.save()
    pdf.refresh_from_db()

    assert download(client, view_url)[0] == 404
    assert served_by_web_server(media, media_url) == 404
    if link_url.startswith("/documents/"):
        assert download(client, link_url)[0] == 404
    # Where links point now ("direct" links to the storage URL) answers nothing either.
    if pdf.url.startswith("/media/"):
        assert served_by_web_server(media, pdf.url) == 404
    else:
        assert pdf.url == view_url
        assert download(client, pdf.url)[0] == 404


@pytest.mark.parametrize("serve_method", SERVE_METHODS)
@pytest.mark.parametrize("who", ["keeper", "admin_user"])
def test_the_keepers_download_it_from_the_private_storage(
    client, settings, pdf, withheld, request, who, serve_method
):
    settings.WAGTAILDOCS_SERVE_METHOD = serve_method
    client.force_login(request.getfixturevalue(who))

    response = client.get(serve_url(pdf))

    assert response.status_code == 200
    assert response.content == SECRET_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="bao-cao-noi-chinh.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_for_download_keeps_its_name_as_an_attachment(client, keeper):
    odt = Document.objects.create(
        title="Kế hoạch nội bộ", file=ContentFile(b"PK\x03\x04 noi bo", name="kế-hoạch.odt")
    )
    make_document("25-KH/ĐU", file=odt, circulation=Circulation.INTERNAL)
    client.force_login(keeper)

    response = client.get(serve_url(odt))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''k%E1%BA%BF-ho%E1%BA%A1ch.odt" in response["Content-Disposition"]
    assert response.content == b"PK\x03\x04 noi bo"


@pytest.mark.parametrize("who", READERS)
def test_a_rich_text_link_to_the_file_leads_nowhere_for_readers(
    client, home, pdf, entry, request, who
):
    log_in(client, request, who)
    index = make_report_index(home)
    report = make_report(
        index,
        body=[paragraph(f'<p>Xem <a linktype="document" id="{pdf.pk}">báo cáo</a>.</p>')],
    )
    page = client.get(report.url).content.decode()
    assert f'href="{serve_url(pdf)}"' in page
    assert download(client, serve_url(pdf))[0] == 200

    entry.secrecy = SecrecyLevel.SECRET
    entry.save()

    assert download(client, serve_url(pdf))[0] == 404


def test_withholding_through_a_translation_withholds_the_shared_file(
    client, media, pdf, entry, locale_en
):
    english = translate(entry, locale_en, lambda text: f"EN {text}")
    assert english.file_id == pdf.pk

    english.circulation = Circulation.INTERNAL
    english.save()

    assert download(client, serve_url(pdf))[0] == 404
    assert not public_path(media, "documents/bao-cao-noi-chinh.pdf").exists()


def test_the_hook_asks_the_register_once(rf, pdf, entry, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get(serve_url(pdf))
    request.user = AnonymousUser()
    with django_assert_num_queries(1):
        assert document_files.serve_withheld(pdf, request) is None
    entry.secrecy = SecrecyLevel.SECRET
    entry.save()
    with django_assert_num_queries(1), pytest.raises(Http404):
        document_files.serve_withheld(pdf, request)


# --- the bytes -------------------------------------------------------------------------


def test_the_bytes_leave_media_root_at_once_and_keep_their_name(media, private_root, pdf, entry):
    original = public_path(media, pdf)
    assert original.read_bytes() == SECRET_BYTES

    with transaction.atomic():
        entry.secrecy = SecrecyLevel.SECRET
        entry.save()
        # Before the transaction commits, the bytes are already out of reach.
        assert not original.exists()

    pdf.refresh_from_db()
    assert not original.exists()
    assert not any(
        path.read_bytes() == SECRET_BYTES for path in media.joinpath("media").rglob("*.*")
    )
    private = private_root / "withheld" / str(pdf.pk) / "bao-cao-noi-chinh.pdf"
    assert private.read_bytes() == SECRET_BYTES
    assert pdf.filename == "bao-cao-noi-chinh.pdf"
    assert pdf.file.name == f"withheld/{pdf.pk}/bao-cao-noi-chinh.pdf"


def test_the_document_moves_to_the_restricted_collection_and_back(
    pdf, entry, django_capture_on_commit_callbacks
):
    own = Collection.get_first_root_node().add_child(name="Văn bản xã")
    pdf.collection = own
    pdf.save()

    entry.secrecy = SecrecyLevel.ABSOLUTE_SECRET
    entry.save()
    pdf.refresh_from_db()
    restricted = pdf.collection
    assert restricted.name == "Tài liệu hạn chế"
    assert restricted.get_parent() == Collection.get_first_root_node()
    # Nobody but superusers passes its view restriction; no group has a permission on it.
    (restriction,) = restricted.get_view_restrictions()
    assert restriction.restriction_type == "groups" and not restriction.groups.exists()
    assert not restricted.group_permissions.exists()

    with django_capture_on_commit_callbacks(execute=True):
        entry.secrecy = SecrecyLevel.NORMAL
        entry.save()
    pdf.refresh_from_db()
    assert pdf.collection == own


def test_made_public_again_the_file_comes_back_once_committed(
    client, media, private_root, pdf, withheld, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        withheld.secrecy = SecrecyLevel.NORMAL
        withheld.save()
        # Until the release is committed, the file stays where it is.
        assert not public_path(media, "documents/bao-cao-noi-chinh.pdf").exists()
    assert callbacks

    pdf.refresh_from_db()
    assert pdf.file.name == "documents/bao-cao-noi-chinh.pdf"
    assert public_path(media, pdf).read_bytes() == SECRET_BYTES
    assert not any(private_root.rglob("*.pdf"))
    assert not WithheldFile.objects.exists()
    assert download(client, serve_url(pdf)) == (200, SECRET_BYTES)


def test_a_file_still_held_by_another_withheld_entry_stays_private(
    client, media, pdf, withheld, django_capture_on_commit_callbacks
):
    make_document(
        "10-BC/ĐU",
        type_name="Báo cáo",
        file=pdf,
        secrecy=SecrecyLevel.SECRET,
        issue_date=datetime.date(2022, 12, 1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        withheld.secrecy = SecrecyLevel.NORMAL
        withheld.save()

    assert download(client, serve_url(pdf))[0] == 404
    assert not public_path(media, "documents/bao-cao-noi-chinh.pdf").exists()


def test_a_file_attached_to_a_withheld_entry_leaves_at_once(client, media, withheld):
    annex = Document.objects.create(
        title="Phụ lục", file=ContentFile(b"phu luc mat", name="phu-luc.pdf")
    )
    path = public_path(media, annex)
    assert path.exists()

    withheld.file = annex
    withheld.save()

    assert not path.exists()
    assert download(client, serve_url(Document.objects.get(pk=annex.pk)))[0] == 404


def test_a_detached_or_deleted_entrys_file_comes_back(
    client, media, pdf, withheld, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        withheld.file = None
        withheld.save()
    pdf.refresh_from_db()
    assert download(client, serve_url(pdf)) == (200, SECRET_BYTES)

    withheld.file = pdf
    withheld.save()
    assert download(client, serve_url(pdf))[0] == 404
    with django_capture_on_commit_callbacks(execute=True):
        withheld.delete()
    pdf.refresh_from_db()
    assert download(client, serve_url(pdf)) == (200, SECRET_BYTES)


def test_a_new_file_uploaded_over_a_withheld_document_follows_it(
    admin_client, client, media, private_root, pdf, withheld, django_capture_on_commit_callbacks
):
    pdf.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtaildocs:edit", args=[pdf.pk]),
            {
                "title": pdf.title,
                "collection": pdf.collection_id,
                "file": ContentFile(b"%PDF ban sua doi mat", name="ban-sua-doi.pdf"),
            },
        )
    assert response.status_code == 302

    pdf.refresh_from_db()
    assert pdf.filename == "ban-sua-doi.pdf"
    assert not any(media.joinpath("media").rglob("*.pdf"))
    assert [path.name for path in private_root.rglob("*.pdf")] == ["ban-sua-doi.pdf"]
    assert download(client, serve_url(pdf))[0] == 404
    assert download(admin_client, serve_url(pdf)) == (200, b"%PDF ban sua doi mat")


def test_a_withheld_document_deleted_takes_its_private_bytes(
    private_root, pdf, withheld, django_capture_on_commit_callbacks
):
    pdf.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        pdf.delete()
    assert not any(private_root.rglob("*.pdf"))


def test_a_rolled_back_withholding_puts_the_bytes_back(client, media, private_root, pdf, entry):
    original = public_path(media, pdf)
    with pytest.raises(RuntimeError), transaction.atomic():
        entry.secrecy = SecrecyLevel.SECRET
        entry.save()
        assert not original.exists()
        raise RuntimeError("something later in the same save failed")

    # The entry is public in the database; the next request finished puts the bytes back.
    assert download(client, serve_url(pdf)) == (200, SECRET_BYTES)
    assert original.read_bytes() == SECRET_BYTES
    assert not any(private_root.rglob("*.pdf"))


def test_bytes_left_private_by_a_lost_rollback_are_put_back_by_the_command(
    client, media, private_root, pdf, entry
):
    from django.core.management import call_command

    with pytest.raises(RuntimeError), transaction.atomic():
        entry.secrecy = SecrecyLevel.SECRET
        entry.save()
        raise RuntimeError("rolled back")
    document_files._pending_moves().clear()  # the process that knew of it ended

    call_command("dangvu_withheld_files", verbosity=0)

    assert public_path(media, pdf).read_bytes() == SECRET_BYTES
    assert not any(private_root.rglob("*.pdf"))
    assert download(client, serve_url(pdf)) == (200, SECRET_BYTES)


def test_the_register_decides_even_before_the_bytes_have_moved(client, keeper, media, pdf, entry):
    """Withheld behind the app's back: the file is still public on disk, and still
    refused by Wagtail's view to all but the keepers."""
    type(entry).objects.filter(pk=entry.pk).update(circulation=Circulation.INTERNAL)
    assert public_path(media, pdf).exists()

    assert download(client, serve_url(pdf))[0] == 404
    client.force_login(keeper)
    assert download(client, serve_url(pdf)) == (200, SECRET_BYTES)


def test_a_missing_file_is_a_404_never_a_500(client, admin_client, private_root, pdf, withheld):
    for path in private_root.rglob("*.pdf"):
        path.unlink()
    assert download(admin_client, serve_url(Document.objects.get(pk=pdf.pk)))[0] == 404

    ghost = Document.objects.create(title="Không có tệp", file="documents/khong-co.pdf")
    make_document(
        "11-BC/ĐU",
        type_name="Báo cáo",
        file=ghost,
        secrecy=SecrecyLevel.SECRET,
        issue_date=datetime.date(2022, 12, 2),
    )
    ghost.refresh_from_db()
    assert download(client, serve_url(ghost))[0] == 404
    assert download(admin_client, serve_url(ghost))[0] == 404


# --- the documents APIs and the chooser ------------------------------------------------


@pytest.mark.parametrize("who", READERS)
def test_the_documents_api_leaves_withheld_files_out(client, pdf, entry, request, who):
    log_in(client, request, who)
    public = Document.objects.create(
        title="Kết luận 21", file=ContentFile(b"%PDF cong khai", name="kl-21.pdf")
    )
    listing = client.get("/api/v2/documents/").json()
    assert {item["title"] for item in listing["items"]} == {pdf.title, public.title}

    entry.secrecy = SecrecyLevel.SECRET
    entry.save()

    listing = client.get("/api/v2/documents/").json()
    assert [item["title"] for item in listing["items"]] == [public.title]
    assert client.get(f"/api/v2/documents/{pdf.pk}/").status_code == 404
    assert client.get("/api/v2/documents/", {"search": "mật"}).json()["items"] == []
    # What the API does list still downloads.
    download_url = listing["items"][0]["meta"]["download_url"]
    assert download(client, download_url.removeprefix("http://testserver")) == (
        200,
        b"%PDF cong khai",
    )
    # And a download URL taken while the file was public is refused now.
    assert download(client, serve_url(pdf))[0] == 404


@pytest.mark.skipif(not API_V3, reason="Wagtail 7 has no v3 API")
def test_wagtail_8s_documents_api_leaves_them_out_too(client, request, pdf, withheld):
    for who in READERS:
        log_in(client, request, who)
        listing = client.get("/api/v3/documents/").json()
        assert pdf.title not in str(listing)
        assert client.get(f"/api/v3/documents/{pdf.pk}/").status_code == 404


def test_the_document_chooser_hides_them_from_editors(client, editor, keeper, pdf, entry):
    chooser = reverse("wagtaildocs_chooser:choose")
    client.force_login(editor)
    assert pdf.title in client.get(chooser).json()["html"]

    entry.secrecy = SecrecyLevel.SECRET
    entry.save()

    assert pdf.title not in client.get(chooser).json()["html"]
    assert pdf.title not in client.get(chooser, {"q": "mật"}).json()["html"]
    client.force_login(keeper)
    assert pdf.title in client.get(chooser).json()["html"]


def test_existing_files_are_moved_by_the_command(media, pdf, entry):
    from django.core.management import call_command

    # Withheld behind the app's back (a bulk update, or data from before this version).
    type(entry).objects.filter(pk=entry.pk).update(secrecy=SecrecyLevel.SECRET)
    assert public_path(media, pdf).exists()

    call_command("dangvu_withheld_files", verbosity=0)

    assert not public_path(media, "documents/bao-cao-noi-chinh.pdf").exists()
    assert WithheldFile.objects.filter(document=pdf).exists()


def test_the_private_folder_is_beside_media_root(media):
    assert Path(document_files.private_storage().location) == media / "media-private"
    with pytest.raises(NotImplementedError):
        document_files.private_storage().url("withheld/1/x.pdf")


# --- system checks ---------------------------------------------------------------------


def check_ids(messages):
    return sorted(message.id for message in messages)


FS = "django.core.files.storage.FileSystemStorage"


@pytest.mark.parametrize(
    ("private", "storages", "expected"),
    [
        (None, {}, []),
        ("private", {"private": {"BACKEND": FS, "OPTIONS": {"location": "/srv/private"}}}, []),
        (42, {}, ["wagtail_dangvu.E021"]),
        ("", {}, ["wagtail_dangvu.E021"]),
        ("s3-private", {}, ["wagtail_dangvu.E021"]),
        ("default", {}, ["wagtail_dangvu.E022"]),
        ("copy", {"copy": {"BACKEND": FS}}, ["wagtail_dangvu.E022"]),
        ("inside", {"inside": {"BACKEND": FS, "OPTIONS": {"location": "media/x"}}}, ["E022"]),
    ],
)
def test_the_private_storage_setting_is_checked(settings, media, private, storages, expected):
    from wagtail_dangvu.checks import check_private_storage

    for options in storages.values():
        location = options.get("OPTIONS", {}).get("location")
        if location and not location.startswith("/"):
            options["OPTIONS"]["location"] = str(media / location)  # under this MEDIA_ROOT
    settings.STORAGES = {**settings.STORAGES, **storages}
    settings.WAGTAIL_DANGVU = {"PRIVATE_STORAGE": private}

    assert check_ids(check_private_storage()) == [
        id if id.startswith("wagtail_dangvu.") else f"wagtail_dangvu.{id}" for id in expected
    ]


def test_no_media_root_needs_a_private_storage_alias(settings):
    from wagtail_dangvu.checks import check_private_storage

    settings.MEDIA_ROOT = ""
    assert check_ids(check_private_storage()) == ["wagtail_dangvu.E020"]


@pytest.mark.parametrize("serve_method", [None, "serve_view", "redirect"])
def test_serving_through_wagtails_view_passes(settings, withheld, serve_method):
    from wagtail_dangvu.checks import check_withheld_files

    settings.WAGTAILDOCS_SERVE_METHOD = serve_method
    assert check_withheld_files(databases=["default"]) == []


def test_direct_serving_is_an_error_once_entries_are_withheld(settings, entry):
    from wagtail_dangvu.checks import check_withheld_files

    settings.WAGTAILDOCS_SERVE_METHOD = "direct"
    assert check_ids(check_withheld_files(databases=["default"])) == ["wagtail_dangvu.W020"]

    entry.circulation = Circulation.INTERNAL
    entry.save()

    assert check_ids(check_withheld_files(databases=["default"])) == ["wagtail_dangvu.E023"]
    # Without the database (a plain ``check``, ``runserver``), the warning alone.
    assert check_ids(check_withheld_files(databases=None)) == ["wagtail_dangvu.W020"]


def test_files_left_in_the_public_storage_are_reported(media, pdf, entry):
    from django.core.management import call_command

    from wagtail_dangvu.checks import check_withheld_files

    type(entry).objects.filter(pk=entry.pk).update(secrecy=SecrecyLevel.SECRET)
    assert check_ids(check_withheld_files(databases=["default"])) == ["wagtail_dangvu.W021"]

    call_command("dangvu_withheld_files", verbosity=0)

    assert check_withheld_files(databases=["default"]) == []
