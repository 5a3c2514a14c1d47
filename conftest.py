"""Browser-test plumbing shared by the whole suite (the domain fixtures live in longdan.testing.fixtures).

Chromium comes from Debian (`make test` installs it), not from `playwright install`, which would download
a browser build of its own. Playwright drives it synchronously from the test thread while pytest-django's
live_server answers from another; Django's guard against database calls from an event loop would
otherwise refuse the test's own queries, hence DJANGO_ALLOW_ASYNC_UNSAFE.
"""

import os
import re
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # No calls home: the machines that run the tests reach package registries and nothing else.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# A cheap Android phone, the field member's device.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 13; SM-A045F) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36"
    ),
}
VIETNAM = {"locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: `make test-deps` installs Debian's chromium (or set CHROMIUM=…)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """The default `page`: a desktop browser of a station's office, in Vietnamese."""
    return {**browser_context_args, **VIETNAM}


@pytest.fixture
def phone_page(browser: Any) -> Any:
    """A page in a phone-sized browser, Vietnamese locale and time zone."""
    context = browser.new_context(**PHONE, **VIETNAM)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def artifacts_dir(request: pytest.FixtureRequest) -> Path:
    """test-artifacts/<test name>/ under the repository root, for screenshots a person may look at."""
    name = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")  # test_x[chromium] → test_x-chromium
    path = request.config.rootpath / "test-artifacts" / name
    path.mkdir(parents=True, exist_ok=True)
    return path
