"""Debian's Chromium, as the browser tests drive it, and the screens they use."""

import os
from pathlib import Path

import pytest

#: Debian's package `chromium`; another path for another system: DANGVU_CHROMIUM=...
CHROMIUM = Path(os.environ.get("DANGVU_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

#: Where the screenshot tests write their PNGs (the README names it; ignored by git).
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "screenshots"

#: ``pytestmark = browser_test`` in every module here. The live server reads the database
#: from another thread, so each test's data is committed (transactional), and the state the
#: migrations left is restored for the next test (serialized rollback).
browser_test = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
