"""What the benchmarks share: measuring a page, and writing thousands of live pages at
once, as publishing would leave them.

Building pages through ``add_child`` and ``publish`` takes 0.15 to 0.2 s each, so the
benchmarks write them in bulk: the pages' rows with the paths treebeard would give them,
then the specific rows. Listings read nothing else (no revision), so they render these
pages exactly as published ones; a benchmark checks the tree with treebeard's
``find_problems`` and serves one page to be sure.
"""

from __future__ import annotations

import statistics
import time
import uuid
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from tests.queries import count_queries


def bulk_pages(parent, model, count: int, own_fields: Callable[[int], dict], *, title: str):
    """Write ``count`` live ``model`` pages under ``parent``, newest first, and return
    their ids in order. ``own_fields(number)`` gives the model's own field values."""
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    start = parent.numchild
    pages = []
    for number in range(count):
        slug = f"{parent.slug}-{start + number}"
        name = f"{title} {start + number}"
        pages.append(
            Page(
                title=name,
                draft_title=name,
                slug=slug,
                content_type=content_type,
                path=Page._get_path(parent.path, parent.depth + 1, start + number + 1),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now - timezone.timedelta(minutes=number),
                last_published_at=now,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    ids = list(
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("path")
        .values_list("pk", flat=True)[start:]
    )
    rows = [model(page_ptr_id=pk, **own_fields(number)) for number, pk in enumerate(ids)]
    own = model._meta.local_concrete_fields
    for first in range(0, len(rows), 200):
        model._base_manager._insert(rows[first : first + 200], fields=own, using=connection.alias)
    Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    parent.numchild = start + count
    return ids


RUNS = 15


def measure(client, url, params=None) -> dict:
    """The median and fastest of ``RUNS`` renders of ``url`` through the test client, after
    two to warm caches, and the queries of one more."""
    params = params or {}
    for _ in range(2):  # warm caches: site root paths, content types, templates
        client.get(url, params)
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    with count_queries() as captured:
        response = client.get(url, params)
    return {
        "response": response,
        "median_ms": statistics.median(timings) * 1000,
        "min_ms": min(timings) * 1000,
        "queries": len(captured),
        "sql_ms": captured.seconds * 1000,
    }
