"""Benchmark: a province of 10 communes against one of 100, 200 articles each (#13).

Run it on PostgreSQL with ``make bench`` or::

    DATABASE_URL=postgres://... python -m pytest tests/bench/test_bench_units.py \\
        -o addopts="" -s -p no:cacheprovider

Two provinces are built in the same database, each a section with a unit of its own and a
section per commune: one of 10 communes and one of 100, every commune with 200 live
articles (22,000 in all, written in bulk by :mod:`tests.bench.tools`) and figures for 10
indicators over 3 years, some reported twice (the older page must not count) and some by a
merged commune (counting for its successor). Measured at 10 and at 100 communes in the same
run: the dashboard for one year, its CSV, an article page, and the admin's page explorer
of a commune's section for that commune's editor. The query counts must not grow, and the
100-commune dashboard must render within twice the time of the 10-commune one.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from tests.bench.tools import RUNS, bulk_pages, measure
from tests.factories import make_dashboard, make_indicator, make_news_index
from wagtail_dangvu.models import AdministrativeUnit, IndicatorValue, NewsArticlePage

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

ARTICLES = 200
YEARS = (2023, 2024, 2025)
RULES = ("sum",) * 6 + ("ratio", "ratio", "max", "latest")


def indicators():
    return [
        make_indicator(
            f"chi-tieu-{n}", name=f"Chỉ tiêu minh họa {n}", unit="cuộc", aggregation=rule
        )
        for n, rule in enumerate(RULES)
    ]


def figures_for(page_ids, catalogue, seed: int, years=YEARS) -> list[IndicatorValue]:
    """Each year's figures on a page of its own, and an older page repeating each year."""
    rows = []
    for position, year in enumerate(years):
        for older, page_id in ((False, page_ids[position]), (True, page_ids[position + 3])):
            day = datetime.date(year, 6 if older else 12, 30 if older else 31)
            for number, indicator in enumerate(catalogue):
                value = Decimal(seed % 37 + number + (0 if older else 5))
                parts = {}
                if indicator.aggregation == "ratio":
                    parts = {"numerator": value, "denominator": value + 10}
                    value = value * 100 / (value + 10)
                rows.append(
                    IndicatorValue(
                        page_id=page_id,
                        indicator=indicator,
                        year=year,
                        value=value.quantize(Decimal("0.0001")),
                        observed_on=day,
                        **parts,
                    )
                )
    return rows


def build_province(home, code: str, communes: int, catalogue):
    """A province section with ``communes`` commune sections of ``ARTICLES`` articles."""
    section = make_news_index(home, slug=f"tinh-{code}", title=f"Tỉnh minh họa {code}")
    province = AdministrativeUnit.objects.create(
        code=code, name=f"tỉnh Minh Họa {code}", kind="tinh", section=section
    )
    values, first = [], {}
    for number in range(communes):
        commune_section = make_news_index(
            section, slug=f"xa-{code}-{number}", title=f"Xã minh họa {number}"
        )
        unit = AdministrativeUnit.objects.create(
            code=f"{code}{number:03d}",
            name=f"xã Minh Họa {number}",
            kind="xa",
            parent=province,
            section=commune_section,
        )
        ids = bulk_pages(
            commune_section,
            NewsArticlePage,
            ARTICLES,
            lambda n: {"summary": "Tin hoạt động (minh họa)."},
            title="Tin minh họa số",
        )
        first.setdefault("section", commune_section)
        first.setdefault("article", ids[0])
        if number % 10 == 9:
            # A commune merged into this one on 30 June 2025, whose 2025 figures stand in
            # for this one's, which has not reported for 2025 yet.
            former_section = make_news_index(
                section, slug=f"xa-cu-{code}-{number}", title=f"Xã cũ {number}"
            )
            AdministrativeUnit.objects.create(
                code=f"{code}{number:03d}c",
                name=f"xã Cũ {number}",
                kind="xa",
                parent=province,
                section=former_section,
                successor=unit,
                valid_until=datetime.date(2025, 6, 30),
            )
            former_ids = bulk_pages(
                former_section, NewsArticlePage, 6, lambda n: {}, title="Tin cũ số"
            )
            values += figures_for(former_ids, catalogue, number, years=(2025,))
            values += figures_for(ids, catalogue, number, years=(2023, 2024))
        else:
            values += figures_for(ids, catalogue, number)
    IndicatorValue.objects.bulk_create(values, batch_size=1000)
    dashboard = make_dashboard(section, title=f"Thống kê tỉnh {code}", slug=f"thong-ke-{code}")
    return dashboard, first["section"], Page.objects.get(pk=first["article"])


def commune_editor(django_user_model, section, name):
    group = Group.objects.create(name=f"Biên tập {name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=section, permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user(username=name, password="x")
    user.groups.add(group)
    return user


def test_dashboard_csv_article_and_explorer_at_10_and_100_communes(client, home, django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("the communes benchmark is measured on PostgreSQL (set DATABASE_URL)")
    catalogue = indicators()
    provinces = {10: build_province(home, "81", 10, catalogue)}
    provinces[100] = build_province(home, "82", 100, catalogue)
    assert Page.find_problems() == ([], [], [], [], [])

    figures = {}
    for size, (dashboard, section, article) in provinces.items():
        editor = commune_editor(django_user_model, section, f"bientap{size}")
        client.logout()
        figures[size] = {
            "dashboard": measure(client, dashboard.url, {"year": "2025"}),
            "CSV": measure(client, dashboard.csv_url(), {"year": "2025"}),
            "article": measure(client, article.url),
        }
        client.force_login(editor)
        figures[size]["explorer"] = measure(
            client, reverse("wagtailadmin_explore", args=[section.pk])
        )
        client.logout()

    # What a reader sees: every commune, the merged ones under their successor.
    html = figures[100]["dashboard"]["response"].content.decode()
    assert "xã Minh Họa 99" in html and "xã Cũ 9" in html
    csv_rows = figures[100]["CSV"]["response"].content.decode("utf-8-sig").splitlines()
    assert len(csv_rows) == 1 + 100 * len(RULES) + len(RULES)
    explorer = figures[100]["explorer"]["response"].content.decode()
    assert "Tin minh họa số" in explorer

    lines = [
        "",
        f"Communes on {connection.vendor}, median of {RUNS} renders (test client), "
        f"{ARTICLES} articles a commune, {len(RULES)} indicators x {len(YEARS)} years",
        f"{'':<12}{'communes':>9}{'median ms':>11}{'min ms':>9}{'SQL ms':>9}{'queries':>9}",
    ]
    for name in ("dashboard", "CSV", "article", "explorer"):
        for size in (10, 100):
            row = figures[size][name]
            lines.append(
                f"{name:<12}{size:>9}{row['median_ms']:>11.1f}{row['min_ms']:>9.1f}"
                f"{row['sql_ms']:>9.1f}{row['queries']:>9}"
            )
        ratio = figures[100][name]["median_ms"] / figures[10][name]["median_ms"]
        lines.append(f"{'':<12}{'ratio':>9}{ratio:>11.2f}")
    print("\n".join(lines))

    for name in ("dashboard", "CSV", "article", "explorer"):
        assert figures[100][name]["queries"] == figures[10][name]["queries"], name
    assert figures[100]["dashboard"]["median_ms"] <= 2 * figures[10]["dashboard"]["median_ms"]
