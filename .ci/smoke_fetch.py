"""Fetch the home page and every live page of the demo with Django's test client."""

import os
import sys

import django

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()

from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

client = Client()
failures = []
urls = ["/", "/tim-kiem/?q=21+KL+TW", "/tim-kiem/?q=%22unclosed", "/rss/"]
# Input the search cannot use: a 4xx that says so, never a 500.
refused = ["/tim-kiem/?q=%22", "/tim-kiem/?q=x%00", "/tim-kiem/?q=%27%22)--"]
for page in Page.objects.live().filter(depth__gt=1).specific():
    url = page.get_url()
    urls.append(url)
    if hasattr(page, "feed_url") and page.specific_class.__name__.endswith("IndexPage"):
        urls.append(page.feed_url())
for url in urls:
    response = client.get(url)
    print(response.status_code, url)
    if response.status_code != 200:
        failures.append(url)
for url in refused:
    response = client.get(url)
    print(response.status_code, url)
    if not 400 <= response.status_code < 500:
        failures.append(url)
if failures:
    sys.exit(f"not 200 (or 4xx for refused input): {failures}")
