"""The article editor offers the topics and news sources of the page's language."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.factories import make_article, make_article_index, make_source, make_topic, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def choices(locale_en):
    return {
        "vi": (make_topic("Đại hội Đảng bộ xã", slug="dai-hoi"), make_source("Báo Long An")),
        "en": (
            make_topic("Party congress", slug="party-congress", locale=locale_en),
            make_source("Long An Newspaper", locale=locale_en),
        ),
    }


def edit_html(admin_client, page):
    """The page editor's HTML, and that of the news source chooser it opens."""
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    return html + source_chooser_html(admin_client, html)


def source_chooser_html(admin_client, html):
    """The source chooser's first page of results, at the address the editor opens."""
    match = re.search(r'new SnippetChooser\("id_source", (\{.*?\})\);', html)
    assert match, "the source field is a snippet chooser"
    response = admin_client.get(json.loads(match.group(1))["modalUrl"])
    assert response.status_code == 200
    return response.json()["html"]


@pytest.mark.parametrize("kind", ["news", "report"])
def test_a_vietnamese_page_is_offered_vietnamese_topics_and_sources(
    admin_client, home, choices, kind
):
    article = make_article(make_article_index(kind, home))
    html = edit_html(admin_client, article)
    assert "Đại hội Đảng bộ xã" in html and "Báo Long An" in html
    assert "Party congress" not in html and "Long An Newspaper" not in html


def test_an_english_page_is_offered_english_topics_and_sources(
    admin_client, home, choices, locale_en
):
    article = make_article(make_article_index("news", home))
    english = article.copy_for_translation(locale_en, copy_parents=True)
    html = edit_html(admin_client, english)
    assert "Party congress" in html and "Long An Newspaper" in html
    assert "Đại hội Đảng bộ xã" not in html and "Báo Long An" not in html


def test_a_new_english_page_is_offered_english_ones(admin_client, home, choices, locale_en):
    index = make_article_index("news", home)
    english_index = publish(index.copy_for_translation(locale_en, copy_parents=True))
    url = reverse(
        "wagtailadmin_pages:add",
        args=["wagtail_dangvu", "newsarticlepage", english_index.pk],
    )
    html = admin_client.get(url).content.decode()
    html += source_chooser_html(admin_client, html)
    assert "Party congress" in html and "Long An Newspaper" in html
    assert "Đại hội Đảng bộ xã" not in html and "Báo Long An" not in html


def test_what_a_translation_already_has_stays_offered(admin_client, home, choices, locale_en):
    """wagtail-localize copies the Vietnamese topic into the English page as it is."""
    vietnamese_topic, _source = choices["vi"]
    article = make_article(make_article_index("news", home), topics=[vietnamese_topic])
    english = article.copy_for_translation(locale_en, copy_parents=True)
    english.save()
    html = edit_html(admin_client, english)
    assert "Đại hội Đảng bộ xã" in html and "Party congress" in html
    assert "Báo Long An" not in html


def test_a_topic_of_another_language_is_refused_by_its_id(admin_client, home, choices):
    article = make_article(make_article_index("news", home), publish_it=False)
    english_topic, english_source = choices["en"]
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "summary": "",
            "author": "",
            "tags": "",
            "source": english_source.pk,
            "body": streamfield([]),
            "documents": streamfield([]),
            "attachments": streamfield([]),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )
    data["topics"] = [english_topic.pk]
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "topics" in errors and "source" in errors
    article.refresh_from_db()
    assert article.source_id is None
    assert list(article.topics.all()) == []
