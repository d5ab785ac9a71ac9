"""Content shared by the integration tests: the register and two of its documents, and one
article of each type."""

import datetime

import pytest

from tests.factories import (
    make_document,
    make_event,
    make_event_index,
    make_news,
    make_news_index,
    make_register,
    make_report,
    make_report_index,
    make_story,
    make_story_index,
)
from wagtail_dangvu.models import SecrecyLevel


@pytest.fixture
def register(home):
    return make_register(home)


@pytest.fixture
def conclusion():
    return make_document("21-KL/TW", term="XIII")


@pytest.fixture
def secret():
    """A document marked Mật: the confidentiality gate keeps it out of sight."""
    return make_document(
        "09-BC/ĐU",
        type_name="Báo cáo",
        summary="Báo cáo mật",
        issue_date=datetime.date(2022, 11, 20),
        secrecy=SecrecyLevel.SECRET,
    )


@pytest.fixture
def articles(home):
    """One article of each type, published under the home page, each with its summary."""
    return {
        "report": make_report(
            make_report_index(home), title="Báo cáo sơ kết", summary="Tóm tắt BC"
        ),
        "event": make_event(make_event_index(home), title="Tọa đàm", summary="Tóm tắt SK"),
        "story": make_story(make_story_index(home), title="Mô hình hay", summary="Tóm tắt MH"),
        "news": make_news(make_news_index(home), title="Tin hoạt động", summary="Tóm tắt TT"),
    }
