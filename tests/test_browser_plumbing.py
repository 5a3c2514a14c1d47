"""The browser-test plumbing works: Debian's Chromium, Playwright, and pytest-django's live server."""

import re

import pytest
from playwright.sync_api import expect

from longdan.accounts.models import User
from longdan.testing.auth import totp_code, totp_device_for


@pytest.mark.browser
def test_it_logs_in_to_the_admin_on_a_phone(live_server, phone_page, artifacts_dir):
    admin = User.objects.create_superuser("browser-admin", password="browser-pass-123")
    device = totp_device_for(admin)

    phone_page.goto(f"{live_server.url}/admin/login/")
    # The phone asks for Vietnamese, and Vietnamese is what Django answers.
    expect(phone_page.locator("html")).to_have_attribute("lang", "vi")
    phone_page.screenshot(path=artifacts_dir / "admin-login.png", full_page=True)

    phone_page.fill("#id_username", "browser-admin")
    phone_page.fill("#id_password", "browser-pass-123")
    phone_page.locator("input[type=submit]").click()
    # Administrators pass a second factor before any admin page.
    expect(phone_page).to_have_url(re.compile(r"/account/two-factor/\?next="))
    phone_page.fill("input[name=code]", totp_code(device))
    phone_page.locator(".login button[type=submit]").click()

    expect(phone_page).to_have_url(f"{live_server.url}/admin/")
    expect(phone_page.locator("#logout-form")).to_be_attached()
    assert phone_page.evaluate("window.innerWidth") == 390
    phone_page.screenshot(path=artifacts_dir / "admin-index.png", full_page=True)
    assert (artifacts_dir / "admin-login.png").stat().st_size > 0
