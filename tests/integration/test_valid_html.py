"""The rendered pages are free of the errors the W3C Nu HTML checker found on the example
portal: empty form actions, a caption in the middle of a figure, fractions of a second."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_article_index, make_document, make_news, make_news_index
from tests.html_structure import html_problems
from wagtail_dangvu.statistics.blocks import ChartBlock

pytestmark = pytest.mark.django_db


def test_the_checker_finds_what_it_looks_for():
    assert html_problems('<form action=""></form>')
    assert html_problems("<figure><div></div><figcaption>x</figcaption><p>y</p></figure>")
    assert html_problems('<time datetime="2024-01-02T03:04:05.123456+07:00">x</time>')
    assert not html_problems(
        '<form action="/x/"></form><figure><figcaption>x</figcaption><div></div><p></p></figure>'
    )


def test_a_chart_block_puts_its_caption_first():
    block = ChartBlock()
    value = block.clean(
        block.to_python(
            {
                "kind": "column",
                "title": "Kiểm tra, giám sát",
                "description": "",
                "unit": "cuộc",
                "categories": ["Đảng ủy", "Chi bộ"],
                "series": [{"name": "2022", "values": ["14", "126"]}],
            }
        )
    )
    html = block.render(value)
    assert "<figcaption" in html and "<table" in html
    assert html_problems(html) == []


@pytest.mark.parametrize("query", [{}, {"q": "bao cao"}])
def test_the_search_form_sends_to_the_search_page(client, home, query):
    html = client.get("/tim-kiem/", query).content.decode()
    assert 'action="/tim-kiem/"' in html
    assert html_problems(html) == []


def test_the_register_and_an_index_send_their_filters_to_themselves(client, register, home):
    make_document()
    index = make_article_index("news", home)
    html = client.get(register.url).content.decode()
    assert f'action="{register.url}"' in html
    assert html_problems(html) == []
    html = client.get(index.url).content.decode()
    assert f'action="{index.url}"' in html
    assert html_problems(html) == []


def test_a_dateline_is_to_the_second(client, home):
    news = make_news(make_news_index(home), title="Tin có giờ")
    type(news).objects.filter(pk=news.pk).update(
        first_published_at=timezone.make_aware(datetime.datetime(2024, 5, 6, 7, 8, 9, 123456))
    )
    html = client.get(news.url).content.decode()
    assert 'datetime="2024-05-06T07:08:09+07:00"' in html
    assert html_problems(html) == []


def test_the_lists_under_an_article_write_their_dates_to_the_second(client, home):
    index = make_news_index(home)
    older = make_news(index, title="Tin cũ hơn")
    news = make_news(index, title="Tin mới")
    moments = {
        older.pk: datetime.datetime(2024, 5, 6, 7, 8, 9, 123456),
        news.pk: datetime.datetime(2024, 5, 7, 7, 8, 9, 654321),
    }
    for pk, moment in moments.items():
        type(news).objects.filter(pk=pk).update(first_published_at=timezone.make_aware(moment))
    html = client.get(news.url).content.decode()
    assert "Tin cũ hơn" in html
    assert 'datetime="2024-05-06T07:08:09+07:00"' in html
    assert ".123456" not in html
