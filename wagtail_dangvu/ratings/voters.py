"""Who a voter is, without keeping anything that points at a person.

A signed-in reader is their user id. An anonymous reader is a long-lived random cookie,
set on their first vote and sent back only to the rating URLs; the database keeps a
keyed hash of it (HMAC-SHA256, keyed from ``SECRET_KEY``), never the cookie itself and
never an IP address.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta

from django.urls import reverse
from django.utils.crypto import salted_hmac

from .conf import ratings_setting

#: Browsers keep a cookie for at most 400 days; each vote renews it.
COOKIE_MAX_AGE = timedelta(days=400)
_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{43}")
_HMAC_SALT = "wagtail_dangvu.ratings.voter"


def voter_key(request) -> str | None:
    """The reader's voter key, or None for an anonymous reader without the cookie yet."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    token = _cookie_token(request)
    return anonymous_key(token) if token else None


def new_voter(request) -> tuple[str, str | None]:
    """The reader's voter key, making one up if need be.

    Returns the key and the cookie token to set on the response (None if there is
    nothing to set).
    """
    key = voter_key(request)
    if key is not None:
        return key, _cookie_token(request)
    token = secrets.token_urlsafe(32)
    return anonymous_key(token), token


def anonymous_key(token: str) -> str:
    return "anon:" + salted_hmac(_HMAC_SALT, token, algorithm="sha256").hexdigest()


def remember_voter(response, request, token: str | None, *, path: str | None = None) -> None:
    """Set (or renew) the anonymous reader's cookie on ``response``, for the rating URLs
    or for ``path`` (the content app's view counter keeps the same identity there)."""
    if token is None or request.user.is_authenticated:
        return
    response.set_cookie(
        ratings_setting("COOKIE_NAME"),
        token,
        max_age=COOKIE_MAX_AGE,
        path=path or cookie_path(),
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


def cookie_path() -> str:
    """The URL prefix of the ratings app: the cookie never travels with article pages,
    whose responses a CDN may then cache."""
    return reverse("dangvu_ratings:rating", kwargs={"page_id": 0}).removesuffix("0/")


def _cookie_token(request) -> str | None:
    token = request.COOKIES.get(ratings_setting("COOKIE_NAME"), "")
    return token if _TOKEN_RE.fullmatch(token) else None
