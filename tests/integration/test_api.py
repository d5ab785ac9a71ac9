"""Wagtail's API (v2): page fields as data, the register as an endpoint, the gate."""

import datetime
import importlib.util

import pytest

from tests.factories import (
    make_document,
    make_indicator,
    make_report,
    make_report_index,
    statistic,
)
from wagtail_dangvu.models import SecrecyLevel

pytestmark = pytest.mark.django_db

API_V3 = importlib.util.find_spec("wagtail.api.v3") is not None


@pytest.fixture
def documents():
    conclusion = make_document("21-KL/TW", term="XIII")
    plan = make_document("44-KH/HU", type_name="Kế hoạch", issue_date=datetime.date(2022, 3, 14))
    secret = make_document(
        "09-BC/ĐU",
        type_name="Báo cáo",
        issue_date=datetime.date(2022, 11, 20),
        secrecy=SecrecyLevel.TOP_SECRET,
    )
    plan.implements.set([conclusion, secret])
    plan.save()
    return conclusion, plan, secret


def test_a_report_exposes_figures_as_numbers_dates_as_iso_documents_by_symbol(
    client, home, documents
):
    conclusion, *_others = documents
    index = make_report_index(home)
    indicator = make_indicator()
    report = make_report(
        index,
        documents=[conclusion],
        body=[statistic(indicator, "3192", denominator="3327")],
    )
    report.tags.add("xây dựng Đảng")
    report.save_revision().publish()

    data = client.get(f"/api/v2/pages/{report.pk}/").json()
    assert data["period_start"] == "2021-11-01"
    assert data["documents"][0]["value"]["symbol"] == "21-KL/TW"
    figure = data["body"][0]["value"]
    assert figure["value"] == 3192 and figure["denominator"] == 3327
    assert figure["share_of_denominator"] == 95.94
    assert figure["indicator"] == "inspections"
    assert data["tag_names"] == ["xây dựng Đảng"]


def test_the_register_endpoint_serves_public_documents_only(client, documents):
    _conclusion, plan, secret = documents
    listing = client.get("/api/v2/party-documents/").json()
    symbols = {item["symbol"] for item in listing["items"]}
    assert symbols == {"21-KL/TW", "44-KH/HU"}
    assert client.get(f"/api/v2/party-documents/{secret.pk}/").status_code == 404
    detail = client.get(f"/api/v2/party-documents/{plan.pk}/").json()
    assert detail["implements"] == ["21-KL/TW"]  # the classified one is left out
    assert detail["issue_date"] == "2022-03-14"


def test_a_page_linking_a_document_classified_later_hides_it_in_the_api(client, home, documents):
    conclusion, *_ = documents
    report = make_report(make_report_index(home), documents=[conclusion])
    conclusion.secrecy = SecrecyLevel.SECRET
    conclusion.save()
    data = client.get(f"/api/v2/pages/{report.pk}/").json()
    assert data["documents"][0]["value"] is None


def test_drafts_are_not_served(client, home):
    draft = make_report(make_report_index(home), publish_it=False)
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.skipif(not API_V3, reason="Wagtail's API v3 arrives with Wagtail 8")
def test_api_v3_serves_the_same_fields_and_keeps_the_gate(client, home, documents):
    conclusion, _plan, secret = documents
    index = make_report_index(home)
    # A page naming a withheld document is never published: it was public then.
    secret.secrecy = SecrecyLevel.NORMAL
    secret.save()
    report = make_report(
        index,
        documents=[conclusion, secret],
        body=[statistic(make_indicator(), "3192", denominator="3327")],
    )
    secret.secrecy = SecrecyLevel.TOP_SECRET
    secret.save()
    data = client.get(f"/api/v3/pages/{report.pk}/").json()
    assert data["period_end"] == "2022-11-30"
    assert data["documents"][0]["value"]["symbol"] == "21-KL/TW"
    assert data["documents"][1]["value"] is None  # the classified one
    assert data["body"][0]["value"]["share_of_denominator"] == 95.94
    draft = make_report(index, publish_it=False)
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404
