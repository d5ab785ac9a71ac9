"""A per-address limit on votes, counted in Django's cache (Redis in production).

The limit is ``WAGTAIL_DANGVU["RATINGS"]["RATE"]``, e.g. ``"10/m"``, counted in fixed
windows. The client address is ``REMOTE_ADDR``, unless ``CLIENT_IP_HEADER`` names a
header set by a trusted proxy; from a list such as ``X-Forwarded-For`` the last address
is taken, the one that proxy saw. IPv6 clients are counted per /64 network, the block
one subscriber usually holds.
"""

from __future__ import annotations

import ipaddress
import math
import re
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

from .conf import ratings_setting

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

#: What ``RATE`` may be (checked by ``wagtail_dangvu.E007``): ``"10/m"``, ``" 20 / h "``.
RATE_RE = re.compile(r"^\s*(?P<count>[1-9]\d*)\s*/\s*(?P<unit>[smhd])\s*$")


def parse_rate(rate: str) -> tuple[int, int]:
    """``"10/m"`` -> (10, 60): so many hits per so many seconds (``rate`` matches
    :data:`RATE_RE`)."""
    match = RATE_RE.match(rate)
    return int(match["count"]), _PERIODS[match["unit"]]


def client_address(request) -> str:
    header = ratings_setting("CLIENT_IP_HEADER")
    candidates = []
    if header:
        candidates.append(request.META.get(header, "").split(",")[-1].strip())
    candidates.append(request.META.get("REMOTE_ADDR", ""))
    for candidate in candidates:
        try:
            address = ipaddress.ip_address(candidate)
        except ValueError:
            continue
        if address.version == 6 and address.ipv4_mapped:
            address = address.ipv4_mapped
        if address.version == 6:
            return str(ipaddress.ip_network(f"{address}/64", strict=False))
        return str(address)
    return "unknown"


def retry_after(request, *, rate: str | None = None, scope: str = "ratings") -> int | None:
    """Count one vote from the request's address; return seconds to wait if over the rate.

    ``rate`` and ``scope`` let another counter (the content app's view counter) use the
    same limit with its own rate and its own count, apart from the votes'.
    """
    limit, period = parse_rate(rate or ratings_setting("RATE"))
    now = time.time()
    window = int(now // period)
    key = f"wagtail_dangvu.{scope}:{client_address(request)}:{period}:{window}"
    hits = count_hit(caches[ratings_setting("CACHE")], key, timeout=period + 1)
    if hits <= limit:
        return None
    return max(1, math.ceil((window + 1) * period - now))


def count_hit(cache, key: str, *, timeout: int) -> int:
    """Add one to the counter ``key`` (created with ``timeout`` seconds to live) and return
    it, in one round trip to the cache.

    On Django's Redis cache, ``SET NX EX`` and ``INCR`` go in one MULTI pipeline (Django's own
    ``add()`` then ``incr()`` would take three). On other caches ``incr()`` comes first: one
    call in the window's usual case, and ``add()`` only for the window's first hit.
    """
    if isinstance(cache, RedisCache):
        key = cache.make_and_validate_key(key)
        client = cache._cache.get_client(key, write=True)
        pipe = client.pipeline(transaction=True)  # MULTI: the key cannot expire in between
        pipe.set(key, 0, ex=timeout, nx=True)
        pipe.incr(key)
        return pipe.execute()[1]
    try:
        return cache.incr(key)
    except ValueError:  # the window's first hit
        if cache.add(key, 1, timeout=timeout):
            return 1
        return cache.incr(key)  # another request added it meanwhile
