"""Exactly one ``<meta name="description">`` on every page readers can open.

The portal's base template emits it; the app's pages give it their summary through the
``meta_description`` block instead of adding a tag of their own.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import (
    make_dashboard,
    make_event,
    make_event_index,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
)
from tests.portal.models import NewsPage

pytestmark = pytest.mark.django_db

HOSTILE = '"><script>alert(1)</script>'


class MetaDescriptions(HTMLParser):
    def __init__(self):
        super().__init__()
        self.contents = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("name") or "").lower() == "description":
            self.contents.append(attrs.get("content"))


def descriptions(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = MetaDescriptions()
    parser.feed(response.content.decode())
    return parser.contents


@pytest.fixture
def pages(home, register, conclusion):
    report_index = make_report_index(home)
    event_index = make_event_index(home)
    story_index = make_story_index(home)
    report = make_report(report_index, summary="Báo cáo sơ kết 01 năm thực hiện Kết luận.")
    return {
        "home": home.url,
        "report index": report_index.url,
        "report": report.url,
        "report without a summary": make_report(report_index, summary="").url,
        "event index": event_index.url,
        "event": make_event(event_index, summary="Tọa đàm về Kết luận 21-KL/TW.").url,
        "story index": story_index.url,
        "story": make_story(story_index, summary="Mô hình tuyến đường hoa.").url,
        "register": register.url,
        "document": register.document_url(conclusion),
        "dashboard": make_dashboard(home).url,
        "a portal's own page": home.add_child(instance=NewsPage(title="Tin tức")).url,
        "search": reverse("dangvu:search") + "?q=ket+luan",
        "rating page": reverse("dangvu_ratings:vote", kwargs={"page_id": report.pk}),
    }


def test_every_page_has_exactly_one_description_and_it_says_something(client, pages):
    found = {name: descriptions(client, url) for name, url in pages.items()}

    assert {name: len(contents) for name, contents in found.items()} == dict.fromkeys(found, 1)
    assert all(contents[0].strip() for contents in found.values()), found


def test_an_article_is_described_by_its_summary(client, pages):
    assert descriptions(client, pages["report"]) == ["Báo cáo sơ kết 01 năm thực hiện Kết luận."]
    assert descriptions(client, pages["event"]) == ["Tọa đàm về Kết luận 21-KL/TW."]
    assert descriptions(client, pages["story"]) == ["Mô hình tuyến đường hoa."]


def test_the_editors_search_description_comes_first(client, home):
    report = make_report(
        make_report_index(home),
        summary="Đoạn mở đầu.",
        search_description="Mô tả cho công cụ tìm kiếm.",
    )

    assert descriptions(client, report.url) == ["Mô tả cho công cụ tìm kiếm."]


def test_a_page_without_a_description_is_described_by_its_title(client, home):
    report = make_report(make_report_index(home), title="Sơ kết Nghị quyết 05", summary="")

    assert descriptions(client, report.url) == ["Sơ kết Nghị quyết 05"]


def test_a_document_is_described_by_its_summary(client, register, conclusion):
    assert descriptions(client, register.document_url(conclusion)) == [conclusion.summary]


def test_a_long_summary_is_cut_and_a_hostile_one_escaped(client, home):
    report = make_report(make_report_index(home), summary=HOSTILE + " " + "dân vận " * 100)

    [content] = descriptions(client, report.url)
    html = client.get(report.url).content.decode()

    assert content.startswith(HOSTILE)
    assert len(content) <= 300
    assert "<script>alert(1)</script>" not in html
