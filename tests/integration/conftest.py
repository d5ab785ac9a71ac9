"""Content shared by the integration tests: the register and two of its documents."""

import datetime

import pytest

from tests.factories import make_document, make_register
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
