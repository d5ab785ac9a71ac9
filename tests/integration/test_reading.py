"""What a reader finds under every article, on every article type: the author and the news
source, the attached files, the newer and older articles of the index, the topics
("Theo dòng sự kiện") with a page each, and related articles; in a fixed number of queries."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import (
    ARTICLE_KINDS,
    attachments,
    make_article,
    make_article_index,
    make_document,
    make_file,
    make_register,
    make_source,
    make_topic,
    publish,
)
from tests.queries import count_queries
from wagtail_dangvu.documents import files as document_files
from wagtail_dangvu.documents.actions import PublishingRefused
from wagtail_dangvu.models import SecrecyLevel

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script>&amp;'
HOSTILE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    document_files._pending_moves().clear()
    yield tmp_path
    document_files._pending_moves().clear()


@pytest.fixture(params=ARTICLE_KINDS)
def kind(request):
    return request.param


@pytest.fixture
def index(kind, home):
    return make_article_index(kind, home)


def at(day, hour=8):
    return timezone.make_aware(datetime.datetime(2024, 5, day, hour))


def html_of(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200
    return response.content.decode()


def section(html, css_class):
    """The HTML of the reading section with ``css_class``, or ""."""
    match = re.search(rf'<section class="[^"]*\b{css_class}\b[^"]*">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def titles(html):
    return re.findall(r'<li><a href="[^"]*">([^<]*)</a>', html)


# Author and news source -------------------------------------------------------------------


class TestAuthorAndSource:
    def test_the_author_and_a_linked_source_in_vietnamese(self, client, index):
        source = make_source("Báo Long An", url="https://baolongan.vn/tin")
        article = make_article(index, author="Nguyễn Văn A", source=source)
        html = html_of(client, article)
        assert '<p class="dangvu-author">Tác giả bài viết: Nguyễn Văn A</p>' in html
        assert (
            '<p class="dangvu-source">Nguồn tin: <a href="https://baolongan.vn/tin" '
            'rel="nofollow noopener">Báo Long An</a></p>'
        ) in html

    def test_a_source_without_address_is_its_name(self, client, index):
        article = make_article(index, source=make_source("Đài Truyền thanh xã"))
        assert '<p class="dangvu-source">Nguồn tin: Đài Truyền thanh xã</p>' in html_of(
            client, article
        )

    def test_no_source_no_line(self, client, index):
        assert "dangvu-source" not in html_of(client, make_article(index))

    def test_hostile_names_are_escaped(self, client, index):
        source = make_source(HOSTILE, url='https://example.org/?a=1&b="2"')
        article = make_article(index, author=HOSTILE, source=source)
        html = html_of(client, article)
        assert f"Tác giả bài viết: {HOSTILE_ESCAPED}" in html
        assert 'href="https://example.org/?a=1&amp;b=&quot;2&quot;"' in html
        assert "<script>alert" not in html

    @pytest.mark.parametrize(
        "url", ["javascript:alert(1)", "ftp://example.org/tin", "data:text/html,x", "tin"]
    )
    def test_a_source_address_must_be_http_or_https(self, url):
        from django.core.exceptions import ValidationError

        with pytest.raises(ValidationError) as error:
            make_source("Nguồn", url=url)
        assert "url" in error.value.message_dict


# Attachments -------------------------------------------------------------------------------


class TestAttachments:
    def test_title_type_and_size_linking_to_the_serve_view(self, client, index):
        plan = make_file("Kế hoạch tổ chức", "ke-hoach.pdf", size=1258291)
        form = make_file("Mẫu đăng ký", "mau-dang-ky.docx", size=800)
        article = make_article(index, attachments=attachments(plan, form))
        html = section(html_of(client, article), "dangvu-attachments")
        assert "<h2>Tài liệu đính kèm</h2>" in html
        plan_url = reverse("wagtaildocs_serve", args=[plan.pk, "ke-hoach.pdf"])
        assert f'<a href="{plan_url}">Kế hoạch tổ chức</a>' in html
        assert "(PDF, 1,2 MB)" in html
        assert "(DOCX, 800 B)" in html
        assert html.index("Kế hoạch tổ chức") < html.index("Mẫu đăng ký")

    def test_no_attachments_no_section(self, client, index):
        assert "dangvu-attachments" not in html_of(client, make_article(index))

    def test_a_hostile_title_is_escaped(self, client, index):
        article = make_article(index, attachments=attachments(make_file(HOSTILE)))
        html = section(html_of(client, article), "dangvu-attachments")
        assert HOSTILE_ESCAPED in html
        assert "<script>" not in html

    def test_a_document_in_a_restricted_collection_is_never_listed(self, client, index):
        public = make_file("Thông báo công khai", "thong-bao.pdf")
        article = make_article(index, attachments=attachments(public))
        restricted = document_files.restricted_collection()
        hidden = make_file("Tài liệu nội bộ", "noi-bo.pdf")
        # Moved there after the page was published: the listing drops it.
        hidden.collection = restricted
        hidden.save()
        article.attachments = attachments(public, hidden)
        article.save_revision()
        article.save()
        html = html_of(client, article)
        assert "Thông báo công khai" in html
        assert "Tài liệu nội bộ" not in html

    def test_a_document_under_any_view_restriction_is_never_listed(self, client, index):
        members = Collection.get_first_root_node().add_child(name="Đảng viên")
        CollectionViewRestriction.objects.create(
            collection=members, restriction_type=CollectionViewRestriction.LOGIN
        )
        inner = members.add_child(name="Chi bộ ấp")
        article = make_article(index)
        article.attachments = attachments(make_file("Chỉ đảng viên", collection=inner))
        article.save()  # saved past the gate: the listing still drops it
        assert "Chỉ đảng viên" not in html_of(client, article)

    def test_the_file_of_a_withheld_entry_is_dropped_from_a_live_page(self, client, index):
        report_file = make_file("Báo cáo tình hình nội chính", "noi-chinh.pdf")
        entry = make_document("09-BC/ĐU", type_name="Báo cáo", file=report_file)
        article = make_article(index, attachments=attachments(report_file))
        assert "Báo cáo tình hình nội chính" in html_of(client, article)
        entry.secrecy = SecrecyLevel.SECRET
        entry.save()
        assert "Báo cáo tình hình nội chính" not in html_of(client, article)

    def test_publishing_a_page_attaching_a_withheld_file_is_refused(self, index):
        report_file = make_file("Báo cáo mật", "mat.pdf")
        make_document(
            "09-BC/ĐU", type_name="Báo cáo", file=report_file, secrecy=SecrecyLevel.SECRET
        )
        article = make_article(index, attachments=attachments(report_file), publish_it=False)
        with pytest.raises(PublishingRefused) as refusal:
            article.save_revision().publish()
        assert "attachments" in refusal.value.message_dict
        article.refresh_from_db()
        assert not article.live


def test_the_editor_is_told_on_the_attachments_field(admin_client, home):
    """The admin's publish button is refused, with the reason on the attachments field;
    the draft is kept."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    restricted_file = make_file("Tài liệu hạn chế", "han-che.pdf")
    restricted_file.collection = document_files.restricted_collection()
    restricted_file.save()
    article = make_article(make_article_index("news", home), publish_it=False)
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "summary": "",
            "author": "",
            "tags": "",
            "source": "",
            "body": streamfield([]),
            "documents": streamfield([]),
            "attachments": streamfield([("file", restricted_file.pk)]),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Tài liệu hạn chế" in str(errors["attachments"])
    article.refresh_from_db()
    assert not article.live


# Newer and older ---------------------------------------------------------------------------


class TestNeighbours:
    def test_up_to_ten_each_by_first_publication_nearest_first(self, client, index, kind):
        articles = [
            make_article(index, title=f"Tin {day:02d}", first_published_at=at(day))
            for day in range(1, 25)
        ]
        # The same moment as Tin 12: ordered by id.
        twin = make_article(index, title="Tin 12 bis", first_published_at=at(12))
        html = html_of(client, articles[11])
        newer = section(html, "dangvu-newer")
        older = section(html, "dangvu-older")
        assert "<h2>Những tin mới hơn</h2>" in newer
        assert "<h2>Những tin cũ hơn</h2>" in older
        assert titles(newer) == ["Tin 12 bis", *[f"Tin {day:02d}" for day in range(13, 22)]]
        assert titles(older) == [f"Tin {day:02d}" for day in range(11, 1, -1)]
        assert twin.pk > articles[11].pk

    def test_only_live_public_articles_of_the_same_index_and_type(self, client, index, kind, home):
        article = make_article(index, title="Bài chính", first_published_at=at(10))
        make_article(index, title="Bản nháp", publish_it=False)
        make_article(index, title="Mới hơn", first_published_at=at(11))
        other_index = make_article_index(kind, home)
        make_article(other_index, title="Chỉ mục khác", first_published_at=at(12))
        html = html_of(client, article)
        assert titles(section(html, "dangvu-newer")) == ["Mới hơn"]
        assert "dangvu-older" not in html
        assert "Bản nháp" not in html
        assert "Chỉ mục khác" not in html

    def test_the_first_article_has_no_newer_list(self, client, index):
        article = make_article(index)
        html = html_of(client, article)
        assert "dangvu-newer" not in html
        assert "dangvu-older" not in html

    def test_hostile_titles_are_escaped(self, client, index):
        make_article(index, title=HOSTILE, first_published_at=at(1))
        article = make_article(index, first_published_at=at(2))
        older = section(html_of(client, article), "dangvu-older")
        assert HOSTILE_ESCAPED in older
        assert "<script>" not in older


# Topics -------------------------------------------------------------------------------------


@pytest.fixture
def topic():
    return make_topic("Đại hội Đảng bộ xã", description="Các tin về Đại hội.")


class TestTopicsUnderTheArticle:
    def test_the_topic_and_its_latest_five_other_articles_of_every_type(
        self, client, home, index, topic
    ):
        article = make_article(index, title="Bài chính", topics=[topic], first_published_at=at(1))
        for number, other_kind in enumerate(ARTICLE_KINDS * 2, start=2):
            make_article(
                make_article_index(other_kind, home),
                title=f"Bài {number:02d} ({other_kind})",
                topics=[topic],
                first_published_at=at(number),
            )
        html = section(html_of(client, article), "dangvu-topics")
        assert "<h2>Theo dòng sự kiện</h2>" in html
        assert f'<a href="/chu-de/{topic.slug}/">Đại hội Đảng bộ xã</a>' in html
        assert titles(html) == [
            "Bài 09 (news)",
            "Bài 08 (story)",
            "Bài 07 (event)",
            "Bài 06 (report)",
            "Bài 05 (news)",
        ]

    def test_several_topics_each_with_its_own(self, client, home, index, topic):
        other = make_topic("Chuyển đổi số")
        article = make_article(index, topics=[topic, other])
        make_article(index, title="Chỉ đại hội", topics=[topic])
        make_article(index, title="Chỉ chuyển đổi số", topics=[other])
        html = section(html_of(client, article), "dangvu-topics")
        blocks = re.findall(r'<div class="dangvu-topics__topic">(.*?)</div>', html, re.S)
        assert len(blocks) == 2
        by_name = {re.search(r">([^<]+)</a></h3>", block).group(1): block for block in blocks}
        assert titles(by_name["Đại hội Đảng bộ xã"]) == ["Chỉ đại hội"]
        assert titles(by_name["Chuyển đổi số"]) == ["Chỉ chuyển đổi số"]

    def test_drafts_and_private_articles_are_left_out(self, client, home, index, topic):
        article = make_article(index, topics=[topic])
        make_article(index, title="Bản nháp", topics=[topic], publish_it=False)
        private_index = make_article_index("news", home)
        PageViewRestriction.objects.create(
            page=private_index, restriction_type=PageViewRestriction.LOGIN
        )
        make_article(private_index, title="Riêng tư", topics=[topic])
        html = html_of(client, article)
        assert "Bản nháp" not in html
        assert "Riêng tư" not in html

    def test_a_hostile_topic_name_is_escaped(self, client, index):
        article = make_article(index, topics=[make_topic(HOSTILE, slug="doc")])
        html = section(html_of(client, article), "dangvu-topics")
        assert HOSTILE_ESCAPED in html
        assert "<script>" not in html


class TestTopicPage:
    def test_every_article_of_every_type_newest_first(self, client, home, topic):
        for number, kind in enumerate(ARTICLE_KINDS, start=1):
            make_article(
                make_article_index(kind, home),
                title=f"Bài {kind}",
                topics=[topic],
                first_published_at=at(number),
            )
        make_article(make_article_index("news", home), title="Không thuộc chủ đề")
        response = client.get(f"/chu-de/{topic.slug}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1>Đại hội Đảng bộ xã</h1>" in html
        assert "Các tin về Đại hội." in html
        assert titles(html) == ["Bài news", "Bài story", "Bài event", "Bài report"]
        assert "Không thuộc chủ đề" not in html

    def test_an_unknown_slug_is_a_404(self, client, topic):
        assert client.get("/chu-de/khong-co/").status_code == 404

    def test_pagination(self, client, settings, home, topic):
        settings.WAGTAIL_DANGVU = {**getattr(settings, "WAGTAIL_DANGVU", {}), "PER_PAGE": 3}
        index = make_article_index("news", home)
        for day in range(1, 8):
            make_article(index, title=f"Tin {day}", topics=[topic], first_published_at=at(day))
        url = f"/chu-de/{topic.slug}/"
        assert titles(client.get(url).content.decode()) == ["Tin 7", "Tin 6", "Tin 5"]
        last = client.get(url, {"page": "3"}).content.decode()
        assert titles(last) == ["Tin 1"]
        assert 'rel="prev"' in last
        # A page number out of range or not a number: the nearest page, never a 500.
        assert client.get(url, {"page": "99"}).status_code == 200
        assert client.get(url, {"page": "x"}).status_code == 200

    def test_drafts_and_private_articles_are_never_shown(self, client, home, topic):
        index = make_article_index("report", home)
        make_article(index, title="Công khai", topics=[topic])
        make_article(index, title="Bản nháp", topics=[topic], publish_it=False)
        private = make_article_index("story", home)
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        make_article(private, title="Riêng tư", topics=[topic])
        html = client.get(f"/chu-de/{topic.slug}/").content.decode()
        assert titles(html) == ["Công khai"]

    def test_a_topic_of_another_language_is_not_found_here(self, client, locale_en):
        english = make_topic("Party congress", slug="party-congress", locale=locale_en)
        assert client.get(f"/chu-de/{english.slug}/").status_code == 404
        assert client.get(f"/en/chu-de/{english.slug}/").status_code == 200

    def test_a_hostile_description_is_escaped(self, client):
        topic = make_topic("Chủ đề", slug="chu-de", description=HOSTILE)
        html = client.get("/chu-de/chu-de/").content.decode()
        assert HOSTILE_ESCAPED in html
        assert "<script>alert" not in html
        del topic


# Related articles ---------------------------------------------------------------------------


class TestRelated:
    def test_ranked_by_shared_documents_then_tags_then_recency(self, client, home, index):
        make_register(home)
        conclusion = make_document("21-KL/TW")
        resolution = make_document("43-NQ/TW", type_name="Nghị quyết")
        article = make_article(
            index, title="Bài chính", documents=[conclusion, resolution], tags=["Kinh tế", "Y tế"]
        )
        news = make_article_index("news", home)
        stories = make_article_index("story", home)
        make_article(
            news,
            title="Một văn bản, hai từ khóa",
            documents=[conclusion],
            tags=["Kinh tế", "Y tế"],
            first_published_at=at(1),
        )
        make_article(
            stories,
            title="Hai văn bản",
            documents=[conclusion, resolution],
            first_published_at=at(2),
        )
        make_article(news, title="Một từ khóa, cũ", tags=["Y tế"], first_published_at=at(3))
        make_article(news, title="Một từ khóa, mới", tags=["Kinh tế"], first_published_at=at(4))
        make_article(news, title="Không liên quan", tags=["Khác"], first_published_at=at(5))
        make_article(news, title="Bản nháp", tags=["Kinh tế"], publish_it=False)
        html = section(html_of(client, article), "dangvu-related")
        assert "<h2>Tin liên quan</h2>" in html
        assert titles(html) == [
            "Hai văn bản",
            "Một văn bản, hai từ khóa",
            "Một từ khóa, mới",
            "Một từ khóa, cũ",
        ]

    def test_at_most_five(self, client, index):
        article = make_article(index, tags=["Kinh tế"])
        for number in range(8):
            make_article(index, title=f"Liên quan {number}", tags=["Kinh tế"])
        assert len(titles(section(html_of(client, article), "dangvu-related"))) == 5

    def test_a_withheld_document_shared_is_not_a_reason(self, client, home, index):
        make_register(home)
        public = make_document("21-KL/TW")
        secret = make_document("09-BC/ĐU", type_name="Báo cáo")
        article = make_article(index, documents=[public])
        make_article(index, title="Chỉ văn bản mật", documents=[secret])
        secret.secrecy = SecrecyLevel.SECRET
        secret.save()
        assert "dangvu-related" not in html_of(client, article)

    def test_nothing_shared_no_section(self, client, index):
        article = make_article(index)
        make_article(index)
        assert "dangvu-related" not in html_of(client, article)


# Queries --------------------------------------------------------------------------------


class TestQueries:
    @pytest.fixture
    def everything(self, home):
        make_register(home)
        return {
            "documents": [make_document("21-KL/TW")],
            "tags": ["Kinh tế"],
            "topics": [make_topic()],
            "source": make_source("Báo Long An", url="https://baolongan.vn/"),
            "attachments": attachments(
                *(make_file(f"Tệp {n}", f"tep-{n}.pdf", size=2000) for n in range(2))
            ),
        }

    def article_among(self, home, kind, count, everything):
        """The middle one of ``count`` articles with everything, in a new index of ``kind``;
        as many with the same tags and topics in an index of each type."""
        index = make_article_index(kind, home)
        others = [make_article_index(other, home) for other in ARTICLE_KINDS]
        pages = []
        for number in range(count):
            pages.append(
                make_article(
                    index,
                    title=f"Tin {number}",
                    first_published_at=at(1 + number % 28, hour=number // 28),
                    **everything,
                )
            )
            make_article(others[number % 4], tags=everything["tags"], topics=everything["topics"])
        return pages[count // 2]

    def queries(self, client, page):
        """The queries of a request for ``page`` (counted exactly: tests.queries), and
        its HTML."""
        client.get(page.url)  # warm the caches (site root paths, content types)
        with count_queries() as queries:
            html = html_of(client, page)
        return len(queries), html

    def test_an_article_page_takes_as_many_queries_with_2_or_30_in_its_index(
        self, client, home, kind, everything
    ):
        few, html = self.queries(client, self.article_among(home, kind, 2, everything))
        for css_class in ("dangvu-attachments", "dangvu-topics", "dangvu-related"):
            assert css_class in html
        many, html = self.queries(client, self.article_among(home, kind, 30, everything))
        assert len(titles(section(html, "dangvu-newer"))) == 10
        assert len(titles(section(html, "dangvu-older"))) == 10
        assert len(titles(section(html, "dangvu-related"))) == 5
        assert few > 10  # the count is real
        assert many == few


# Languages ----------------------------------------------------------------------------------


def test_an_english_article_reads_in_english(client, home, locale_en):
    index = make_article_index("news", home)
    topic = make_topic("Party congress", slug="party-congress", locale=locale_en)
    source = make_source("Long An Newspaper", locale=locale_en)
    first = make_article(index, first_published_at=at(1))
    article = make_article(index, first_published_at=at(2))
    make_article(index, first_published_at=at(3))
    english_index = index.copy_for_translation(locale_en, copy_parents=True)
    publish(english_index)
    pages = []
    for page in (first, article):
        english = page.copy_for_translation(locale_en)
        english.title = f"EN {page.title}"
        english.author = "A. Reporter"
        english.source = source
        english.topics.set([topic])
        english.attachments = attachments(make_file("Plan", "plan.pdf"))
        english.tags.add("Economy")
        english.save()
        pages.append(publish(english))
    with translation.override("en"):
        html = html_of(client, pages[1])
    for label in (
        "Article author: A. Reporter",
        "News source: Long An Newspaper",
        "<h2>Attachments</h2>",
        "(PDF, 1,2 MB)",
        "<h2>Older articles</h2>",
        "<h2>Following the story</h2>",
        "<h2>Related articles</h2>",
        'href="/en/chu-de/party-congress/"',
    ):
        assert label in html
    for vietnamese in ("Tác giả bài viết", "Nguồn tin", "Tài liệu đính kèm", "Những tin"):
        assert vietnamese not in html
    topic_page = client.get("/en/chu-de/party-congress/").content.decode()
    assert '<p class="dangvu-topic__label">Following the story</p>' in topic_page


def test_a_translated_article_shows_its_topic_in_its_own_language(client, home, locale_en):
    """wagtail-localize copies the topics of an article into its translation as they are:
    the English page shows the English topic, with the English articles on it."""
    from wagtail_dangvu.translation import translate

    topic = make_topic("Đại hội Đảng bộ", slug="dai-hoi")
    index = make_article_index("news", home)
    first = make_article(index, title="Tin một", topics=[topic], first_published_at=at(1))
    second = make_article(index, title="Tin hai", topics=[topic], first_published_at=at(2))
    english_topic = translate(topic, locale_en, lambda text: f"EN {text}")
    translate(first, locale_en, lambda text: f"EN {text}")
    english = translate(second, locale_en, lambda text: f"EN {text}")
    assert list(english.topics.all()) == [topic]  # as wagtail-localize leaves it
    with translation.override("en"):
        html = section(html_of(client, english), "dangvu-topics")
    assert f'<a href="/en/chu-de/dai-hoi/">{english_topic.name}</a>' in html
    assert titles(html) == ["EN Tin một"]
    topic_page = client.get("/en/chu-de/dai-hoi/").content.decode()
    assert titles(topic_page) == ["EN Tin hai", "EN Tin một"]
    assert titles(client.get("/chu-de/dai-hoi/").content.decode()) == ["Tin hai", "Tin một"]
