"""Benchmark: the dân vận khéo index with 2,000 stories and 5 filters applied.

Run it with ``make bench`` or::

    python -m pytest tests/bench/test_bench_stories.py -o addopts="" -s -p no:cacheprovider

(with ``DATABASE_URL`` for PostgreSQL). It prints a table of render times and query
counts for the index with 2,000 stories and, as the baseline measured in the same run,
the same index with 20 stories, and asserts that the query count does not grow.

The stories are written in bulk (:mod:`tests.bench.bulk`), with their tags.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest
from django.db import connection
from taggit.models import Tag
from wagtail.models import Page

from tests.bench.tools import RUNS, bulk_pages, measure
from tests.factories import make_story_index, story_field
from wagtail_dangvu.models import (
    DanVanKheoField,
    DanVanKheoStoryPage,
    DanVanKheoStoryPageTag,
    RecognitionLevel,
    StoryKind,
)
from wagtail_dangvu.stories.models import STANDARD_FIELDS

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

LARGE = 2000
BASELINE = 20
LEVELS = (RecognitionLevel.COMMUNE, RecognitionLevel.DISTRICT, "")
TAGS = [f"thẻ {number}" for number in range(7)]
# Story 0's values, so both indexes list something: 1 story in 840 matches all five.
FILTERS = {
    "field": "kinh-te",
    "kind": "collective",
    "level": "commune",
    "year": "2021",
    "tag": "the-0",
}


def attributes(number: int) -> dict:
    """The facets of story ``number``, spread so that every combination occurs."""
    return {
        "field": STANDARD_FIELDS[number % 4][0],
        "kind": StoryKind.values[(number // 4) % 2],
        "level": LEVELS[number % 3],
        "year": 2021 + number % 5,
        "tag": f"the-{number % 7}",
    }


def bulk_stories(index, count: int) -> None:
    """Write ``count`` live stories under ``index`` as publishing would leave them."""
    fields = {field.slug: field for field in DanVanKheoField.objects.all()}
    tags = {}
    for number, name in enumerate(TAGS):
        tag, _created = Tag.objects.get_or_create(name=name, defaults={"slug": f"the-{number}"})
        tags[tag.slug] = tag

    def story(number):
        facets = attributes(number)
        return {
            "model_name": f"Mô hình số {number}",
            "kind": facets["kind"],
            "field": fields[facets["field"]],
            "summary": "Mô hình do chi hội đăng ký và thực hiện trong năm.",
            "unit": "Chi hội Phụ nữ ấp Long Hòa",
            "place": "ấp Long Hòa",
            "registration_year": facets["year"],
            "recognition_level": facets["level"],
            "recognition_year": facets["year"] if facets["level"] else None,
            "recognition_form": "Giấy khen" if facets["level"] else "",
            "search_text": f"mo hinh dan van kheo so {number}",
        }

    ids = bulk_pages(index, DanVanKheoStoryPage, count, story, title="Mô hình dân vận khéo số")
    DanVanKheoStoryPageTag.objects.bulk_create(
        [
            DanVanKheoStoryPageTag(tag=tags[attributes(number)["tag"]], content_object_id=pk)
            for number, pk in enumerate(ids)
        ],
        batch_size=500,
    )


def expected_counts(count: int) -> dict[str, Counter]:
    """Each facet's counts computed the slow way: the other filters, then each value."""
    rows = [attributes(number) for number in range(count)]
    wanted = {**FILTERS, "year": int(FILTERS["year"])}
    result = {}
    for name in wanted:
        others = {key: value for key, value in wanted.items() if key != name}
        result[name] = Counter(
            str(row[name])
            for row in rows
            if row[name] != "" and all(row[key] == value for key, value in others.items())
        )
    return result


def test_index_with_2000_stories_and_5_filters(client, home):
    assert story_field("kinh-te")  # the standard fields are there
    built = {}
    for count in (BASELINE, LARGE):
        index = make_story_index(home, slug=f"dan-van-kheo-{count}", title=f"{count} stories")
        started = time.perf_counter()
        bulk_stories(index, count)
        built[count] = (index, time.perf_counter() - started)
    assert Page.find_problems() == ([], [], [], [], [])
    some_story = DanVanKheoStoryPage.objects.live().order_by("?").first()
    assert client.get(some_story.url).status_code == 200

    results = {}
    for count, (index, _seconds) in built.items():
        for label, params in (("5 filters", FILTERS), ("no filter", {})):
            results[count, label] = measure(client, index.url, params)

    # The listing and the facets are right at both sizes.
    for count in (BASELINE, LARGE):
        response = results[count, "5 filters"]["response"]
        expected = expected_counts(count)
        listed = response.context["items"].paginator.count
        assert listed == expected["field"]["kinh-te"] >= 1
        for facet in response.context["facets"]:
            got = {value.value: value.count for value in facet.values if value.count}
            assert got == dict(expected[facet.name]), facet.name

    lines = [
        "",
        f"Dân vận khéo index on {connection.vendor}, median of {RUNS} renders (test client, "
        "routing and base template included)",
        f"{'stories':>8} {'filters':>10} {'median ms':>10} {'min ms':>8} {'SQL ms':>8} "
        f"{'queries':>8} {'listed':>7} {'built in s':>10}",
    ]
    for (count, label), figures in results.items():
        lines.append(
            f"{count:>8} {label:>10} {figures['median_ms']:>10.1f} {figures['min_ms']:>8.1f} "
            f"{figures['sql_ms']:>8.1f} {figures['queries']:>8} "
            f"{figures['response'].context['items'].paginator.count:>7} "
            f"{built[count][1]:>10.2f}"
        )
    for label in ("5 filters", "no filter"):
        ratio = results[LARGE, label]["median_ms"] / results[BASELINE, label]["median_ms"]
        lines.append(f"time {LARGE}/{BASELINE} stories, {label}: x{ratio:.2f}")
    print("\n".join(lines))

    for label in ("5 filters", "no filter"):
        # The query count does not grow with the number of stories.
        assert results[LARGE, label]["queries"] == results[BASELINE, label]["queries"]
        # A generous bound: a render that takes seconds is a regression, whatever the machine.
        assert results[LARGE, label]["median_ms"] < 3000
