"""The confidentiality gate holds for a whole translation group from the moment of saving.

Marking 21-KL/TW Mật in Vietnamese withholds its English translation at once, with no
re-synchronisation: not in the English register, the search or the documents API.
"""

import pytest

from wagtail_dangvu.models import Circulation, PartyDocument, SecrecyLevel
from wagtail_dangvu.signals import document_visibility_changed
from wagtail_dangvu.translation import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_register(register, locale_en):
    translated = translate(register, locale_en, lambda text: f"EN {text}")
    assert translated.live
    return translated


@pytest.fixture
def english(conclusion, locale_en, english_register):
    """21-KL/TW in English, public, with an English register to list it."""
    translated = translate(conclusion, locale_en, lambda text: f"On Party building: {text}")
    assert translated.is_public
    return translated


@pytest.fixture
def signals():
    received = []

    def receiver(sender, documents, public, **kwargs):
        received.append(({document.pk for document in documents}, public))

    document_visibility_changed.connect(receiver)
    yield received
    document_visibility_changed.disconnect(receiver)


def english_surfaces(client, register):
    """The English register, search and documents API, as an anonymous reader gets them."""
    responses = [
        client.get(register.url),
        client.get("/en/tim-kiem/", {"q": "21-KL/TW"}),
        client.get("/api/v2/party-documents/", {"fields": "summary"}),
    ]
    for response in responses:
        assert response.status_code == 200
    return [response.content.decode() for response in responses]


def test_withholding_the_original_withholds_the_translation_at_once(
    client, conclusion, english, english_register, signals
):
    before = english_surfaces(client, english_register)
    assert all("On Party building" in text for text in before)
    document_url = english_register.document_url(english)
    assert client.get(document_url).status_code == 200

    conclusion.secrecy = SecrecyLevel.SECRET
    conclusion.save()

    english.refresh_from_db()
    assert english.secrecy == SecrecyLevel.SECRET
    for text in english_surfaces(client, english_register):
        assert "On Party building" not in text
    assert client.get(document_url).status_code == 404
    assert signals == [({conclusion.pk, english.pk}, False)]


def test_internal_circulation_set_on_a_translation_holds_for_the_original(
    conclusion, english, signals
):
    english.circulation = Circulation.INTERNAL
    english.save()

    conclusion.refresh_from_db()
    assert conclusion.circulation == Circulation.INTERNAL
    assert not PartyDocument.objects.public().filter(translation_key=conclusion.translation_key)
    assert signals == [({conclusion.pk, english.pk}, False)]


def test_releasing_the_entry_releases_every_language(conclusion, english, signals):
    conclusion.secrecy = SecrecyLevel.TOP_SECRET
    conclusion.save()
    conclusion.secrecy = SecrecyLevel.NORMAL
    conclusion.save()

    english.refresh_from_db()
    assert english.is_public
    assert signals[-1] == ({conclusion.pk, english.pk}, True)


def test_a_save_that_changes_nothing_sends_nothing(conclusion, english, signals):
    conclusion.summary = "Tóm tắt mới"
    conclusion.save()
    reloaded = PartyDocument.objects.get(pk=english.pk)
    reloaded.save()
    assert signals == []


def test_a_new_withheld_entry_is_announced_so_its_file_is_kept_private(signals):
    from tests.factories import make_document

    document = make_document("09-BC/ĐU", type_name="Báo cáo", secrecy=SecrecyLevel.SECRET)
    assert signals == [({document.pk}, False)]
    make_document("10-BC/ĐU", type_name="Báo cáo")
    assert len(signals) == 1


def test_the_english_register_never_lists_a_withheld_group(
    client, register, english_register, locale_en
):
    from tests.factories import make_document

    document = make_document("25-KH/ĐU", type_name="Kế hoạch", summary="Kế hoạch thực hiện")
    english = translate(document, locale_en, lambda text: "Implementation plan")
    english.secrecy = SecrecyLevel.ABSOLUTE_SECRET
    english.save()
    assert "Implementation plan" not in client.get(english_register.url).content.decode()
    assert "Kế hoạch thực hiện" not in client.get(register.url).content.decode()
