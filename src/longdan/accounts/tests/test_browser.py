"""A station commander's login on a phone: password, then the code from the app; the CSP blocks nothing we serve."""

import re

import pytest
from playwright.sync_api import expect

from longdan.testing.auth import totp_code, totp_device_for

pytestmark = pytest.mark.browser


def csp_complaints(page):
    complaints = []
    page.on(
        "console",
        lambda message: (
            complaints.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return complaints


def test_commander_sets_up_the_second_factor_then_logs_in_with_it(
    live_server, phone_page, artifacts_dir, world
):
    page = phone_page
    complaints = csp_complaints(page)
    page.goto(f"{live_server.url}/households/")
    page.fill("input[name=username]", "commander-a")
    page.fill("input[name=password]", "secret-pass-123")
    page.locator(".login button[type=submit]").click()

    # No device yet: the set-up page, with a QR code and the key to type.
    expect(page).to_have_url(re.compile(r"/account/two-factor/setup/\?next=%2Fhouseholds%2F$"))
    expect(page.locator(".qr svg")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone"
    page.screenshot(path=artifacts_dir / "1-set-up.png", full_page=True)
    device = world.commander_a.totpdevice_set.get()
    page.fill("input[name=code]", totp_code(device))
    page.locator(".login button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/households/")

    # htmx search still works under the CSP (its script from our static files, the token in a header).
    page.locator("input[name=q]").press_sequentially("sa vong", delay=40)
    expect(page.locator("#results").get_by_role("link", name="Thạch Thị Sà Vọng")).to_be_visible()

    page.get_by_role("button", name="Đăng xuất").click()
    expect(page).to_have_url(re.compile(r"/login/"))
    page.fill("input[name=username]", "commander-a")
    page.fill("input[name=password]", "secret-pass-123")
    page.locator(".login button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/account/two-factor/\?next=%2F$"))
    page.screenshot(path=artifacts_dir / "2-code.png", full_page=True)
    # The code of the next time step: the one used above cannot be used twice.
    page.fill("input[name=code]", totp_code(device, steps=1))
    page.locator(".login button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/")
    assert complaints == []


def test_the_lock_out_message_on_a_phone(live_server, phone_page, artifacts_dir, world):
    page = phone_page
    page.goto(f"{live_server.url}/login/")
    for _ in range(5):
        page.fill("input[name=username]", "member-a")
        page.fill("input[name=password]", "wrong")
        page.locator(".login button[type=submit]").click()
    expect(page.get_by_role("alert")).to_contain_text("15 phút")
    page.screenshot(path=artifacts_dir / "locked.png", full_page=True)


def test_the_admin_shows_no_csp_complaint(live_server, phone_page, world):
    page = phone_page
    totp_device_for(world.admin_user)
    complaints = csp_complaints(page)
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "secret-pass-123")
    page.locator(".login button[type=submit]").click()
    page.fill("input[name=code]", totp_code(world.admin_user.totpdevice_set.get()))
    page.locator(".login button[type=submit]").click()
    for path in ["/admin/", "/admin/accounts/user/", f"/admin/accounts/user/{world.commander_a.pk}/change/"]:
        page.goto(f"{live_server.url}{path}")
        expect(page.locator("#content")).to_be_visible()
    assert complaints == []
