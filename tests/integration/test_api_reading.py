"""The API (v2) gives every article type's source, topics and attachments, and a listing
reads them in the same number of queries for 2 articles as for 12."""

import pytest
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import (
    ARTICLE_KINDS,
    attachments,
    make_article,
    make_article_index,
    make_file,
    make_source,
    make_topic,
)
from tests.queries import count_queries
from wagtail_dangvu.documents import files as document_files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    document_files._pending_moves().clear()
    yield
    document_files._pending_moves().clear()


def page_type(index):
    model = index.specific.article_model
    return f"{model._meta.app_label}.{model.__name__}"


@pytest.mark.parametrize("kind", ARTICLE_KINDS)
def test_an_article_of_every_type_gives_its_source_topics_and_attachments(client, home, kind):
    index = make_article_index(kind, home)
    source = make_source("Báo Long An", url="https://baolongan.vn/tin")
    topic = make_topic("Đại hội Đảng bộ xã", slug="dai-hoi")
    plan = make_file("Kế hoạch tổ chức", "ke-hoach.pdf", size=1258291)
    article = make_article(index, source=source, topics=[topic], attachments=attachments(plan))

    data = client.get(f"/api/v2/pages/{article.pk}/").json()

    assert data["source"] == {"name": "Báo Long An", "url": "https://baolongan.vn/tin"}
    assert data["topics"] == [
        {
            "name": "Đại hội Đảng bộ xã",
            "slug": "dai-hoi",
            "url": "http://testserver/chu-de/dai-hoi/",
        }
    ]
    url = reverse("wagtaildocs_serve", args=[plan.pk, "ke-hoach.pdf"])
    assert data["attachments"] == [
        {
            "title": "Kế hoạch tổ chức",
            "url": f"http://testserver{url}",
            "size": 1258291,
            "type": "PDF",
        }
    ]


def test_nothing_chosen_is_null_and_empty_lists(client, home):
    article = make_article(make_article_index("news", home))
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert data["source"] is None
    assert data["topics"] == []
    assert data["attachments"] == []


def test_a_restricted_file_is_never_given(client, home):
    restricted = Collection.get_first_root_node().add_child(name="Tài liệu hạn chế")
    CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.LOGIN
    )
    public = make_file("Kế hoạch", "ke-hoach.pdf")
    article = make_article(make_article_index("news", home), attachments=attachments(public))
    hidden = make_file("Nội bộ", "noi-bo.pdf", collection=restricted)
    # Attached after publication, as a file moved into the restricted collection would be.
    article.attachments = attachments(public, hidden)
    article.save()
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert [item["title"] for item in data["attachments"]] == ["Kế hoạch"]


def test_hostile_names_come_back_as_they_were_written(client, home):
    hostile = '<script>alert("x")</script>&amp;\\"'
    article = make_article(
        make_article_index("news", home),
        source=make_source(hostile),
        topics=[make_topic(hostile, slug="hostile")],
    )
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert data["source"]["name"] == hostile
    assert data["topics"][0]["name"] == hostile


def test_an_english_article_gives_its_topic_in_english(client, home, locale_en):
    from wagtail_dangvu.translation import translate

    topic = make_topic("Đại hội Đảng bộ", slug="dai-hoi")
    index = make_article_index("news", home)
    article = make_article(index, topics=[topic])
    english_topic = translate(topic, locale_en, lambda text: f"EN {text}")
    english = translate(article, locale_en, lambda text: f"EN {text}")
    for url in (
        f"/api/v2/pages/{english.pk}/",
        f"/api/v2/pages/?type={page_type(index)}&locale=en&fields=topics",
    ):
        data = client.get(url).json()
        topics = data["topics"] if "topics" in data else data["items"][0]["topics"]
        assert topics == [
            {
                "name": english_topic.name,
                "slug": "dai-hoi",
                "url": "http://testserver/en/chu-de/dai-hoi/",
            }
        ]


@pytest.mark.parametrize("kind", ARTICLE_KINDS)
def test_a_listing_reads_them_in_as_many_queries_for_2_or_12_articles(client, home, kind):
    index = make_article_index(kind, home)
    topics = [make_topic("Chủ đề một", slug="mot"), make_topic("Chủ đề hai", slug="hai")]
    url = f"/api/v2/pages/?type={page_type(index)}&fields=source,topics,attachments&limit=20"

    def add(count):
        for number in range(count):
            make_article(
                index,
                source=make_source(f"Nguồn {number}"),
                topics=topics,
                attachments=attachments(make_file(f"Tệp {number}", f"tep-{number}.pdf")),
            )

    def listing():
        client.get(url)  # warm the caches (content types, site root paths)
        with count_queries() as queries:
            items = client.get(url).json()["items"]
        return len(queries), items

    add(2)
    few, items = listing()
    add(10)
    many, items = listing()
    assert len(items) == 12
    assert all(item["source"]["name"].startswith("Nguồn") for item in items)
    assert all([topic["slug"] for topic in item["topics"]] == ["hai", "mot"] for item in items)
    assert all(item["attachments"][0]["type"] == "PDF" for item in items)
    assert many == few
