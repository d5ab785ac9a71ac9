import itertools

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.portal.models import NewsPage

_addresses = itertools.count(1)


class Reader:
    """A browser of its own (cookies, CSRF token, address) talking to the rating API."""

    def __init__(self, user=None):
        self.client = Client(enforce_csrf_checks=True)
        if user is not None:
            self.client.force_login(user)
        n = next(_addresses)
        self.address = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        self.token = None

    def url(self, page):
        return reverse("dangvu_ratings:rating", kwargs={"page_id": getattr(page, "pk", page)})

    def get(self, page, **extra):
        response = self.client.get(
            self.url(page), HTTP_ACCEPT="application/json", REMOTE_ADDR=self.address, **extra
        )
        if "X-CSRFToken" in response.headers:
            self.token = response.headers["X-CSRFToken"]
        return response

    def post(self, page, data, *, token=True, accept="application/json", **extra):
        if token and self.token is None:
            self.get(page)
        headers = {"HTTP_X_CSRFTOKEN": self.token} if token and self.token else {}
        return self.client.post(
            self.url(page),
            data,
            HTTP_ACCEPT=accept,
            REMOTE_ADDR=self.address,
            **headers,
            **extra,
        )

    def vote(self, page, score=4, **extra):
        return self.post(page, {"score": str(score)}, **extra)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def reader_factory():
    return Reader


@pytest.fixture
def reader():
    return Reader()


@pytest.fixture
def article(home):
    """A published article under the portal's home page, of the portal's own page type."""
    return home.add_child(instance=NewsPage(title="Sơ kết 01 năm thực hiện Kết luận 21-KL/TW"))


@pytest.fixture
def ratings_settings(settings):
    """Change ``WAGTAIL_DANGVU["RATINGS"]`` for one test: ``ratings_settings(RATE="1/m")``."""

    def configure(**values):
        conf = dict(settings.WAGTAIL_DANGVU)
        conf["RATINGS"] = {**conf.get("RATINGS", {}), **values}
        settings.WAGTAIL_DANGVU = conf

    return configure
