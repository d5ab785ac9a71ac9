import pytest

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_vietnamese(client, home):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Đảng bộ xã Long Bình" in html


def test_english_is_the_second_locale(locale_vi, locale_en):
    assert locale_vi.language_code == "vi"
    assert locale_en.language_code == "en"
