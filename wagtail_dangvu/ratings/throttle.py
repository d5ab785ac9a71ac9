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
    cache = caches[ratings_setting("CACHE")]
    cache.add(key, 0, timeout=period + 1)
    try:
        hits = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        cache.set(key, 1, timeout=period + 1)
        hits = 1
    if hits <= limit:
        return None
    return max(1, math.ceil((window + 1) * period - now))
