"""wagtail_dangvu.locale_vi: Vietnamese for every message of Wagtail, wagtail-localize and taggit.

A commune editor must not meet English in the admin. The catalogues of ``locale_vi`` are
checked against the installed packages (an upgrade that adds messages fails here until
they are translated), against the rules of a correct catalogue (placeholders, HTML, one
plural form, msgctxt, compiled) and against the glossary; then Django itself is asked
what an editor reads.
"""

from __future__ import annotations

import datetime
import gettext as gnu_gettext
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import polib
import pytest
import wagtail
from django.apps import apps
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext

from wagtail_dangvu import locale_vi
from wagtail_dangvu.locale_vi import checks

ROOT = Path(__file__).resolve().parents[2]

# The maintainers' tool reads the upstream catalogues; the tests read them the same way.
_spec = importlib.util.spec_from_file_location("locale_vi_tool", ROOT / "scripts" / "locale_vi.py")
tool = sys.modules.setdefault(_spec.name, importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(tool)

DOMAINS = ("django", "djangojs")
SHOWN = 40  # messages listed in a failure, before "… and N more"


def listing(items, total_label: str) -> str:
    items = list(items)
    shown = "".join(f"  {item}\n" for item in items[:SHOWN])
    more = f"  … and {len(items) - SHOWN} more\n" if len(items) > SHOWN else ""
    return f"{len(items)} {total_label}:\n{shown}{more}"


@pytest.fixture(scope="module")
def trees():
    return tool.installed_trees()


@pytest.fixture(scope="module")
def upstream_messages(trees):
    """domain -> (msgctxt, msgid) -> the installed packages' message."""
    return tool.read_messages(trees)


@pytest.fixture(scope="module")
def catalogues():
    return {domain: polib.pofile(str(path)) for domain, path in tool.CATALOGUE_FILES.items()}


@pytest.fixture(scope="module")
def glossary():
    return tool.load_glossary()


def translated(po):
    return [entry for entry in po if tool.is_translated(entry)]


def where(message) -> str:
    return ", ".join(sorted(message.catalogues))


# Every message of the installed packages -------------------------------------------------


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_of_the_installed_packages_reads_in_vietnamese(
    domain, trees, upstream_messages, catalogues
):
    ours = {(e.msgctxt, e.msgid) for e in translated(catalogues[domain])}
    missing = [
        message
        for key, message in upstream_messages[domain].items()
        if key not in ours and message.upstream is None
    ]
    by_catalogue = Counter(where(message) for message in missing)
    assert not missing, (
        f"The {domain} domain of {', '.join(t.label for t in trees)}: "
        f"{len(missing)} of {len(upstream_messages[domain])} messages have no Vietnamese "
        "translation, in wagtail_dangvu.locale_vi or upstream. Translate them "
        "(wagtail_dangvu/locale_vi/GLOSSARY.md, 'Translating a chunk').\n"
        + "".join(f"  {count:5} in {name}\n" for name, count in by_catalogue.most_common())
        + listing((repr(m.msgid) for m in missing), "untranslated")
    )


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_catalogue_holds_every_message_with_its_context_and_plural(
    domain, upstream_messages, catalogues
):
    """After an upgrade, `scripts/locale_vi.py update` adds the new messages: each one is
    an entry of the catalogue, under its msgctxt and with its plural."""
    ours = {(e.msgctxt, e.msgid): e for e in catalogues[domain] if not e.obsolete}
    absent = [key for key in upstream_messages[domain] if key not in ours]
    assert not absent, "Run `python scripts/locale_vi.py update`.\n" + listing(absent, "absent")
    wrong_plural = [
        key
        for key, message in upstream_messages[domain].items()
        if (ours[key].msgid_plural or "") != message.msgid_plural
    ]
    assert wrong_plural == []


# A correct catalogue ---------------------------------------------------------------------


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_header_says_vietnamese_with_one_plural_form(domain, catalogues):
    po = catalogues[domain]
    assert po.metadata["Language"] == "vi"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    assert not po.metadata_is_fuzzy
    assert [e.msgid for e in po if "fuzzy" in e.flags] == []
    assert [e.msgid for e in po if e.obsolete] == []
    several_forms = [e.msgid for e in po if e.msgid_plural and list(e.msgstr_plural) != [0]]
    assert several_forms == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_placeholders_tags_and_white_space(domain, catalogues):
    wrong = []
    for entry in translated(catalogues[domain]):
        for problem in tool.problems(
            entry.msgid, entry.msgid_plural or "", entry.flags, tool.forms(entry)
        ):
            wrong.append(f"{entry.msgid!r} -> {tool.forms(entry)[0]!r}: {problem}")
    assert not wrong, listing(wrong, "translations break the message's form")


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("domain", DOMAINS)
def test_gnu_msgfmt_checks_the_catalogue(domain):
    """msgfmt --check verifies every python-format and javascript-format string on its own."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(tool.CATALOGUE_FILES[domain])],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LC_ALL": "C"},
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_compiled_catalogue_is_the_source_compiled(domain, catalogues):
    def by_key(entries):
        return {(e.msgctxt, e.msgid, e.msgid_plural or ""): tool.forms(e) for e in entries}

    source = by_key(translated(catalogues[domain]))
    compiled = by_key(polib.mofile(str(tool.CATALOGUE_FILES[domain].with_suffix(".mo"))))
    assert [k for k in source if k not in compiled] == [], "not compiled: run compile"
    assert [k for k in compiled if k not in source] == [], "compiled, since removed"
    assert {k: (source[k], compiled[k]) for k in source if source[k] != compiled[k]} == {}


@pytest.mark.parametrize("domain", DOMAINS)
def test_upstream_translations_change_only_with_a_reason(domain, trees, catalogues):
    theirs = tool.upstream_translations(trees)[domain]
    silent = []
    for entry in translated(catalogues[domain]):
        upstream = {forms[0] for forms in theirs.get((entry.msgctxt, entry.msgid), {}).values()}
        if upstream - {tool.forms(entry)[0]} and "Why: " not in entry.tcomment:
            silent.append(f"{entry.msgid!r}: upstream {sorted(upstream)}, ours {entry.msgstr!r}")
    assert not silent, listing(silent, "upstream translations changed without a # Why: line")


# The glossary ----------------------------------------------------------------------------


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_translation_follows_the_glossary(domain, catalogues, glossary):
    wrong = []
    for entry in translated(catalogues[domain]):
        for problem in tool.glossary_problems(entry.msgid, tool.forms(entry), glossary):
            wrong.append(f"{entry.msgid!r} -> {tool.forms(entry)[0]!r}: {problem}")
    assert not wrong, listing(wrong, "translations depart from GLOSSARY.md")


def test_the_glossary_is_whole_and_says_the_same_in_both_forms(glossary):
    text = (tool.APP / "GLOSSARY.md").read_text(encoding="utf-8").lower()
    for term in glossary.terms:
        assert term.english.lower() in text, term.english
        for word in term.required:
            assert word in text, (term.english, word)
        clash = set(term.required) & (set(term.forbidden) | set(glossary.forbidden))
        assert not clash, f"«{term.english}» requires what is forbidden: {clash}"
        for exception in term.exceptions:
            assert term.pattern.search(tool.fold(exception)), (term.english, exception)
    assert "văn bản" in glossary.forbidden


@pytest.mark.parametrize(
    ("msgid", "msgstr", "complaint"),
    [
        ("Documents", "Văn bản", "văn bản"),
        ("Delete document", "Xóa văn bản", "văn bản"),
        ("Unpublish", "Hủy xuất bản", "unpublish"),
        ("Unpublish", "Thu hồi xuất bản", "thu hồi"),
        ("Collection", "Bộ sưu tập", "bộ sưu tập"),
        ("Snippets", "Đoạn mã", "snippet"),
        ("Tags", "Thẻ", "tag"),
        ("Locale", "Vùng miền", "vùng miền"),
        ("Delete", "Xoá", "tone mark"),
        ("Page locked", "Trang bị khoá", "tone mark"),
        ("Workflow started", "Luồng công việc đã bắt đầu", "luồng công việc"),
        ("View live", "Xem bản live", "live"),
        ("Save draft", "Save draft", "left in English"),
        ("Privacy", "Privacy", "left in English"),
    ],
)
def test_the_glossary_refuses_the_renderings_it_forbids(msgid, msgstr, complaint, glossary):
    found = tool.glossary_problems(msgid, (msgstr,), glossary)
    assert any(complaint in problem for problem in found), found


@pytest.mark.parametrize(
    ("msgid", "msgid_plural", "flags", "msgstr"),
    [
        ("%(count)s page", "%(count)s pages", ["python-format"], ("%(count) trang",)),
        ("Delete %(title)s", "", ["python-format"], ("Xóa %(name)s",)),
        ("%s of %s", "", ["python-format"], ("%s",)),
        ('Why not <a href="%(url)s">add one</a>?', "", ["python-format"], ("Thêm mới?",)),
        ("Unrecognised id found in an <a> tag: {}", "", [], ("Có id không xác định",)),
        ("Translate with ", "", [], ("Dịch bằng",)),
        ("%(num)s error", "%(num)s errors", ["python-format"], ("%(num)s lỗi", "%(num)s lỗi")),
        ("Tag", "", [], ("",)),
    ],
)
def test_the_checks_refuse_a_broken_translation(msgid, msgid_plural, flags, msgstr):
    assert tool.problems(msgid, msgid_plural, flags, msgstr) != []


def test_the_checks_accept_a_translation_that_moves_named_placeholders_and_tags():
    msgid = 'Sorry, no documents match "<em>%(query)s</em>" in %(collection)s'
    msgstr = 'Trong %(collection)s, không có tài liệu nào khớp với "<em>%(query)s</em>"'
    assert tool.problems(msgid, "", ["python-format"], (msgstr,)) == []


# What Django serves ---------------------------------------------------------------------


def test_the_app_completes_and_corrects_upstream_in_the_running_portal():
    with translation.override("vi"):
        assert gettext("Unpublish") == "Ngừng xuất bản"  # upstream: Thu hồi xuất bản
        assert gettext("Snippets") == "Nội dung dùng chung"  # upstream: none
        assert gettext("Save draft") == "Lưu bản nháp"
        assert gettext("Sync translated pages") == "Đồng bộ các trang đã dịch"  # localize
        assert gettext("Tags") == "Từ khóa"  # taggit has no Vietnamese at all
        assert pgettext("A tag name", "name") == "tên"
        assert pgettext("A tag slug", "slug") == "đường dẫn"
        count = ngettext("%(count)s document", "%(count)s documents", 1) % {"count": 1}
        assert count == "1 tài liệu"
    with translation.override("en"):
        assert gettext("Unpublish") == "Unpublish"


def test_django_s_own_messages_the_admin_shows_read_in_vietnamese():
    """Django's own Vietnamese predates its "%(num)d minute" timesince messages: the admin
    said "3 days trước" and never "vừa xong" (Wagtail compares with "0 minutes"). The
    catalogue carries Django's timesince, humanize's naturaltime and validation errors,
    in the admin's words."""
    from django import forms
    from django.contrib.humanize.templatetags.humanize import naturaltime
    from django.core.exceptions import ValidationError
    from django.utils import timezone
    from django.utils.timesince import timesince
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    now = timezone.now()
    with translation.override("vi"):
        assert timesince(now - datetime.timedelta(days=3, hours=2), now) == "3\xa0ngày, 2\xa0giờ"
        assert timesince_simple(now - datetime.timedelta(days=3)) == "3\xa0ngày trước"
        assert timesince_simple(now - datetime.timedelta(weeks=5)) == "1\xa0tháng trước"
        assert timesince_simple(now) == "vừa xong"
        # Wagtail's workflow status ("Đã gửi đến bước … 20 giây trước") uses humanize.
        assert naturaltime(now - datetime.timedelta(seconds=20)) == "20\xa0giây trước"
        for field, value, message in [
            (forms.EmailField(), "thu-ky", "Vui lòng nhập địa chỉ email hợp lệ."),
            (forms.CharField(max_length=3), "abcd", "Giá trị này chỉ được có tối đa 3 ký tự"),
            (forms.DateField(), "31/02/2026", "Vui lòng nhập ngày hợp lệ."),
            (forms.FileField(), None, "Trường này là bắt buộc."),
        ]:
            with pytest.raises(ValidationError) as raised:
                field.clean(value)
            assert raised.value.messages[0].startswith(message), raised.value.messages
        assert gettext("This password is too common.") == "Mật khẩu này quá phổ biến."
    with translation.override("en"):
        assert timesince_simple(now) == "just now"


def test_every_message_the_glossary_names_is_in_the_catalogue(catalogues, glossary):
    """An exception or a kept word names a message exactly: one that upstream rewords
    would silently stop applying."""
    msgids = {e.msgid for domain in DOMAINS for e in catalogues[domain]}
    named = [msgid for term in glossary.terms for msgid in term.exceptions]
    named += list(glossary.english_in)
    assert [msgid for msgid in named if msgid not in msgids] == []


def served(entry) -> str:
    if entry.msgid_plural:
        return ngettext(entry.msgid, entry.msgid_plural, 5)
    if entry.msgctxt:
        return pgettext(entry.msgctxt, entry.msgid)
    return gettext(entry.msgid)


def catalogues_holding(entry) -> list[str]:
    """The apps and LOCALE_PATHS, in Django's order of precedence, whose Vietnamese
    catalogue holds the message."""
    key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
    places = [("LOCALE_PATHS " + str(path), Path(path)) for path in settings.LOCALE_PATHS]
    places += [(config.name, Path(config.path) / "locale") for config in apps.get_app_configs()]
    found = []
    for name, folder in places:
        catalogue = gnu_gettext.translation("django", folder, ["vi"], fallback=True)
        messages = getattr(catalogue, "_catalog", {})
        if key in messages or (key, 0) in messages:
            found.append(name)
    return found


@pytest.mark.django_db
def test_django_serves_every_translation_of_the_catalogue(catalogues):
    """No app listed earlier in INSTALLED_APPS, nor LOCALE_PATHS, shadows a message of
    Wagtail's with another Vietnamese (an app's "Documents" = "Văn bản" would rename
    Wagtail's documents, against the glossary)."""
    shadowed = []
    with translation.override("vi"):
        for entry in translated(catalogues["django"]):
            ours = tool.forms(entry)[0]
            if served(entry) != ours:
                holders = " > ".join(catalogues_holding(entry))
                shadowed.append(
                    f"{entry.msgid!r}: served {served(entry)!r}, ours {ours!r} ({holders})"
                )
    assert not shadowed, (
        "An earlier catalogue wins over wagtail_dangvu.locale_vi for these messages; give the "
        "earlier app's message a msgctxt (pgettext) so that each keeps its sense.\n"
        + listing(shadowed, "messages shadowed")
    )


def javascript_catalogue(client, url) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    return response.content.decode()


def holds(catalogue: str, msgid: str, msgstr: str) -> bool:
    return f"{json.dumps(msgid)}: {json.dumps(msgstr)}" in catalogue


@pytest.mark.django_db
def test_the_admin_javascript_reads_in_vietnamese(client):
    """Wagtail's JavaScriptCatalog reads only wagtail/admin and LOCALE_PATHS: the admin's
    own scripts (the sidebar, the page explorer, the rich text editor) need the folder."""
    url = reverse("wagtailadmin_javascript_catalog")
    with translation.override("vi"):
        catalogue = javascript_catalogue(client, url)
    assert holds(catalogue, "Page explorer", "Cây trang")
    assert holds(catalogue, "Collapse all", "Thu gọn tất cả")
    assert holds(catalogue, "Delete error", "Lỗi khi xóa")  # upstream: Xóa lỗi (delete the error)


@pytest.mark.django_db
def test_the_admin_javascript_stays_english_without_the_folder_on_locale_paths(client):
    url = reverse("wagtailadmin_javascript_catalog")
    paths = [p for p in settings.LOCALE_PATHS if Path(p) != locale_vi.JAVASCRIPT_LOCALE_PATH]
    with override_settings(LOCALE_PATHS=paths), translation.override("vi"):
        catalogue = javascript_catalogue(client, url)
    assert json.dumps("Collapse all") not in catalogue
    assert holds(catalogue, "Delete error", "Xóa lỗi")


@pytest.mark.django_db
def test_the_translation_editor_javascript_reads_in_vietnamese(admin_client):
    url = reverse("wagtail_localize:javascript_catalog")
    with translation.override("vi"):
        catalogue = javascript_catalogue(admin_client, url)
    assert holds(catalogue, "Publish in ", "Xuất bản bản dịch ")
    assert holds(catalogue, "Change document", "Thay đổi tài liệu")  # upstream: văn bản


# The settings it needs -------------------------------------------------------------------


def test_the_example_portal_lists_it_before_wagtail_and_passes_its_checks():
    names = [config.name for config in apps.get_app_configs()]
    assert checks.listed_before_this_app(names) == []
    assert checks.check_listed_before_the_apps_it_completes() == []
    assert checks.check_javascript_catalogue_is_on_locale_paths() == []
    assert checks.check_editors_can_choose_vietnamese() == []
    assert checks.check_sign_in_form_labels_the_password() == []


def test_listed_after_wagtail_it_warns(monkeypatch):
    configs = apps.get_app_configs()
    mine = [config for config in configs if config.name == checks.APP_NAME]
    others = [config for config in configs if config.name != checks.APP_NAME]
    monkeypatch.setattr(checks.apps, "get_app_configs", lambda: others + mine)
    (warning,) = checks.check_listed_before_the_apps_it_completes()
    assert warning.id == "wagtail_dangvu.W201"
    assert "wagtail.admin" in warning.msg and "taggit" in warning.msg
    assert "wagtail_dangvu," not in warning.msg  # a prefix is not an app it completes


def test_without_the_javascript_folder_on_locale_paths_it_warns():
    with override_settings(LOCALE_PATHS=[]):
        (warning,) = checks.check_javascript_catalogue_is_on_locale_paths()
    assert warning.id == "wagtail_dangvu.W202"
    with override_settings(LOCALE_PATHS=[str(locale_vi.JAVASCRIPT_LOCALE_PATH) + "/"]):
        assert checks.check_javascript_catalogue_is_on_locale_paths() == []


def test_when_editors_cannot_choose_vietnamese_it_warns():
    with override_settings(WAGTAILADMIN_PERMITTED_LANGUAGES=[("en", "English")]):
        (warning,) = checks.check_editors_can_choose_vietnamese()
    assert warning.id == "wagtail_dangvu.W203"


def password_label(client) -> str:
    response = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    match = re.search(
        r'<label[^>]*for="id_password"[^>]*>\s*([^<]*?)\s*<', response.content.decode()
    )
    return match[1]


@pytest.mark.django_db
def test_the_sign_in_page_labels_the_password_in_vietnamese(client):
    """Wagtail's LoginForm has no label on its password field: Django shows the field's
    name, "Password", in every language; the app's form labels it through gettext."""
    assert password_label(client) == "Mật khẩu"
    with override_settings(WAGTAILADMIN_USER_LOGIN_FORM="wagtail.admin.forms.auth.LoginForm"):
        assert password_label(client) == "Password"
        (warning,) = checks.check_sign_in_form_labels_the_password()
    assert warning.id == "wagtail_dangvu.W204"


def test_the_javascript_folder_holds_no_django_catalogue():
    """Listed on LOCALE_PATHS, which outranks every app, it changes only the JavaScript."""
    folder = locale_vi.JAVASCRIPT_LOCALE_PATH / "vi" / "LC_MESSAGES"
    assert sorted(p.name for p in folder.iterdir()) == ["djangojs.mo", "djangojs.po"]


def test_it_works_without_the_rest_of_wagtail_dangvu(tmp_path):
    """A portal may install the catalogues alone: importing the app, its settings constant
    and its checks loads none of wagtail_dangvu's content modules."""
    (tmp_path / "solo_settings.py").write_text(
        textwrap.dedent(
            """
            from wagtail_dangvu.locale_vi import JAVASCRIPT_LOCALE_PATH
            SECRET_KEY = "x"
            INSTALLED_APPS = [
                "wagtail_dangvu.locale_vi",
                "taggit",
                "django.contrib.contenttypes",
                "django.contrib.auth",
            ]
            LOCALE_PATHS = [JAVASCRIPT_LOCALE_PATH]
            LANGUAGE_CODE = "vi"
            USE_I18N = True
            """
        )
    )
    script = textwrap.dedent(
        """
        import sys
        import django
        django.setup()
        from django.core.checks import run_checks
        from django.utils.translation import gettext
        print(gettext("Tags"))
        print([message.id for message in run_checks()])
        print(sorted(m for m in sys.modules if m.startswith("wagtail_dangvu")))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "solo_settings",
            "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        },
    )
    tags, check_ids, modules = result.stdout.splitlines()
    assert tags == "Từ khóa"
    assert check_ids == "[]"
    assert modules == str(
        [
            "wagtail_dangvu",
            "wagtail_dangvu.locale_vi",
            "wagtail_dangvu.locale_vi.apps",
            "wagtail_dangvu.locale_vi.checks",
        ]
    )


def test_no_message_of_the_catalogue_names_a_party_document_as_wagtail_s(catalogues):
    """The hard rule, read straight from the files a reviewer opens."""
    for domain in DOMAINS:
        for entry in translated(catalogues[domain]):
            assert not re.search(r"(?i)văn bản", " ".join(tool.forms(entry))), entry.msgid


def test_notes_wrapped_over_several_lines_survive_a_save_and_a_reload():
    """polib wraps a long # Upstream: or # Why: note; reading the file back must neither
    repeat the upstream note's tail nor cut the reason short."""
    upstream = "Có lỗi xảy ra với Embedly khi cố gắng đính kèm URL này. Xin thử lại sau."
    reason = "Why: Embed is nhúng (GLOSSARY.md); đính kèm is an attachment, which an embed is not."
    entry = polib.POEntry(msgid="Embed", msgstr="Nội dung nhúng", tcomment=reason)
    po = polib.POFile(wrapwidth=78)
    po.append(entry)
    for _ in range(3):
        tool.annotate(po, {(None, "Embed"): {"wagtail": (upstream,)}})
        po = polib.pofile(po.__unicode__())  # written and read back, as the file is
    lines = po[0].tcomment.splitlines()
    assert lines[0].startswith("Upstream: «Có lỗi")
    assert sum(line.endswith("sau.»") for line in lines) == 1
    assert " ".join(tool.why_note(lines)) == reason


# Screens whose English upstream wrote outside its catalogues ----------------------------


def screen_text(response) -> str:
    """The text of an admin screen, its markup taken out and its white space collapsed."""
    assert response.status_code == 200
    html = re.sub(r"(?s)<(script|style|template)\b.*?</\1>", " ", response.content.decode())
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.django_db
def test_the_page_search_counts_its_results_as_pages(admin_client, admin_user, home):
    """Wagtail 8's page search gives its title column no model name: the header read
    "1-2 trong số 2 None". The app's template names the pages, as the explorer does."""
    from wagtail.users.models import UserProfile

    from tests.factories import add_page
    from wagtail_dangvu.models import DirectiveReportIndexPage

    add_page(home, DirectiveReportIndexPage, title="Sổ tay đảng viên")
    add_page(home, DirectiveReportIndexPage, title="Sổ tay cán bộ")
    add_page(home, DirectiveReportIndexPage, title="Lịch tiếp dân")
    url = reverse("wagtailadmin_pages:search")
    with translation.override("vi"):
        two = screen_text(admin_client.get(url, {"q": "Sổ tay"}))
        one = screen_text(admin_client.get(url, {"q": "tiếp dân"}))
    assert "None" not in two + one
    # Wagtail 8 counts the results in the title column's header; Wagtail 7.0 writes no count
    # there (the template is the same, the view gives it no count).
    counted = wagtail.VERSION >= (8,)
    if counted:
        assert "1-2 trong số 2 trang" in two
        assert "1-1 trong số 1 trang" in one
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    english = screen_text(admin_client.get(url, {"q": "Sổ tay"}))
    assert "None" not in english
    if counted:
        assert "1-2 of 2 pages" in english


@pytest.mark.django_db
def test_the_workflow_editor_labels_its_page_field_in_vietnamese(admin_client):
    """WorkflowPageForm's page field has no label, so Django showed its name, "Page"."""
    from wagtail.models import Workflow

    workflow = Workflow.objects.filter(active=True).first()
    url = reverse("wagtailadmin_workflows:edit", args=[workflow.pk])
    with translation.override("vi"):
        response = admin_client.get(url)
    labels = re.findall(
        r'<label[^>]*for="id_pages-\d+-page"[^>]*>\s*([^<]*?)\s*<', response.content.decode()
    )
    assert labels and set(labels) == {"Trang"}, labels


def test_a_label_given_to_the_workflow_page_field_is_kept(monkeypatch):
    from wagtail.admin.forms.workflows import WorkflowPageForm

    from wagtail_dangvu.locale_vi.apps import label_the_workflow_page_field

    field = WorkflowPageForm.base_fields["page"]
    monkeypatch.setattr(field, "label", "Trang được gán")
    label_the_workflow_page_field()
    assert field.label == "Trang được gán"


@pytest.mark.django_db
def test_the_locales_listing_says_what_each_locale_holds_in_vietnamese(admin_client, home):
    """wagtail-localize wrote its usage column without translation ("3 pages + 2
    others"); the app's copy of its template words it as Wagtail's own listing does."""
    from wagtail.models import Locale

    from tests.factories import make_document, make_register

    make_register(home)
    make_document("21-KL/TW")
    vi = Locale.objects.get(language_code="vi")
    pages = home.get_descendants(inclusive=True).filter(locale=vi).count()
    with translation.override("vi"):
        text = screen_text(admin_client.get(reverse("wagtaillocales:index")))
    assert "Tham chiếu" in text  # the column, from wagtail-localize's own {% trans %}
    assert re.search(rf"\b{pages} trang và \d+ nội dung khác\b", text), text
    assert re.search(r"\b\d+ trang\b", text)
    assert not re.search(r"\bpages\b|\bothers\b", text)


@pytest.mark.django_db
def test_wagtail_s_own_locales_listing_is_left_as_wagtail_renders_it(rf, admin_user):
    """Without wagtail-localize, Wagtail's own locale views (wagtail.locales) look for
    the same template name, wagtaillocales/index.html: they get Wagtail's generic listing,
    with Wagtail's own usage column. (Its templates are put on the path as installing
    wagtail.locales would.)"""
    import wagtail.locales
    from wagtail.locales.views import LocaleViewSet

    engine = {**settings.TEMPLATES[0]}
    engine["DIRS"] = [*engine["DIRS"], Path(wagtail.locales.__file__).parent / "templates"]
    viewset = LocaleViewSet("wagtaillocales")  # the URL names wagtail-localize also uses
    assert "wagtaillocales/index.html" in viewset.index_template_name
    request = rf.get("/admin/locales/")
    request.user = admin_user
    with override_settings(TEMPLATES=[engine]), translation.override("vi"):
        text = screen_text(viewset.index_view(request).render())
    assert "Tham chiếu" in text
    assert re.search(r"\b\d+ trang\b", text)
    assert not re.search(r"\bpages\b", text)


@pytest.mark.parametrize(
    ("pages", "others", "vietnamese", "english"),
    [
        (1, 0, "1 trang", "1 page"),
        (3, 0, "3 trang", "3 pages"),
        (3, 2, "3 trang và 2 nội dung khác", "3 pages and 2 others"),
    ],
)
def test_the_usage_of_a_locale_in_wagtail_s_words(pages, others, vietnamese, english):
    from wagtail_dangvu.locale_vi.templatetags.locale_vi_tags import locale_usage

    with translation.override("vi"):
        assert locale_usage(pages, others) == vietnamese
    with translation.override("en"):
        assert locale_usage(pages, others) == english
