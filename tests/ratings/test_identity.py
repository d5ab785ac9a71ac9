"""Who a voter is, and where a request comes from."""

import pytest
from django.test import RequestFactory

from wagtail_dangvu.ratings.throttle import client_address, parse_rate
from wagtail_dangvu.ratings.voters import anonymous_key, cookie_path


def request_from(address, **headers):
    return RequestFactory().get("/", REMOTE_ADDR=address, **headers)


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [
        ("10/m", (10, 60)),
        ("1/s", (1, 1)),
        (" 5 / h ", (5, 3600)),
        ("100/d", (100, 86400)),
        # Any white space the check (wagtail_dangvu.E007) lets through.
        ("20/\th", (20, 3600)),
    ],
)
def test_a_rate_is_so_many_per_second_minute_hour_or_day(rate, parsed):
    assert parse_rate(rate) == parsed


def test_the_client_is_remote_addr_by_default():
    request = request_from("198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert client_address(request) == "198.51.100.7"


def test_a_named_proxy_header_is_read_from_its_last_address(ratings_settings):
    ratings_settings(CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
    request = request_from("10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")

    assert client_address(request) == "203.0.113.9"


def test_a_garbled_proxy_header_falls_back_to_remote_addr(ratings_settings):
    ratings_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP")

    assert client_address(request_from("10.0.0.1", HTTP_X_REAL_IP="nonsense")) == "10.0.0.1"
    assert client_address(request_from("10.0.0.1")) == "10.0.0.1"


def test_ipv6_clients_are_counted_per_64_network():
    one = client_address(request_from("2001:db8:1:2:aaaa::1"))
    same_network = client_address(request_from("2001:db8:1:2:bbbb::2"))
    other = client_address(request_from("2001:db8:1:3::1"))

    assert one == same_network == "2001:db8:1:2::/64"
    assert other != one
    assert client_address(request_from("::ffff:192.0.2.1")) == "192.0.2.1"


def test_an_anonymous_key_is_a_keyed_hash_of_the_cookie(settings):
    token = "A" * 43
    key = anonymous_key(token)

    assert key.startswith("anon:")
    assert token not in key
    assert anonymous_key(token) == key
    assert anonymous_key("B" * 43) != key
    settings.SECRET_KEY = "another-portal"
    assert anonymous_key(token) != key


def test_the_cookie_travels_only_to_the_rating_urls():
    assert cookie_path() == "/dangvu/ratings/"
