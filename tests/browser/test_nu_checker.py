"""Every page of the example portal passes the W3C Nu HTML checker (vnu.jar) without an
error: the demo's pages in both languages, a document's page, the search page.

vnu.jar comes from npm (``package.json``; ``bash .ci/system-packages`` runs ``npm
install``) and needs Java 11 or newer. Without either the test is skipped with the reason,
except in CI, where it fails.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from wagtail.models import Page

from tests.browser.chromium import browser_test
from wagtail_dangvu.models import DocumentRegisterPage

pytestmark = browser_test

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def checker():
    java = shutil.which("java")
    if java and VNU.exists():
        return [java, "-jar", str(VNU)]
    reason = f"the Nu HTML checker needs java and {VNU.relative_to(ROOT)} (npm install)"
    if os.environ.get("DANGVU_BROWSER_TESTS") == "required":
        pytest.fail(reason)
    pytest.skip(reason)


def test_every_page_of_the_demo_is_valid_html(demo, client, tmp_path):
    command = checker()
    addresses = {page.get_url() for page in Page.objects.live().filter(depth__gt=1)}
    for register in DocumentRegisterPage.objects.live():
        document = register.documents().first()
        if document is not None:
            addresses.add(register.document_url(document))
    addresses |= {"/tim-kiem/?q=bao+cao+so+ket", "/tim-kiem/?q=21-KL/TW"}
    written = {}
    for address in sorted(a for a in addresses if a):
        response = client.get(address)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        name = re.sub(r"[^a-z0-9]+", "-", address.lower()).strip("-") or "home"
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        written[f"file:{path}"] = address
    assert len(written) > 40, "the demo's pages were not all found"
    result = subprocess.run(
        [*command, "--errors-only", "--format", "json", *map(str, tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{written.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert errors == [], errors
    assert result.returncode == 0, result.stderr[-2000:]  # the checker ran
