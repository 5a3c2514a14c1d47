"""XSS: user-entered text with markup is shown as text on every page that shows it, and never runs."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NAME = "<script>alert(1)</script> Sà Vọng"
NOTES = '<img src=x onerror="alert(2)"><b>đậm</b>'


def test_a_household_named_with_a_script_is_shown_as_text(live_server, page, world):
    from longdan.testing.factories import VisitFactory

    household = world.household_a
    household.head_name = NAME
    household.notes = NOTES
    household.save()
    VisitFactory(household=household, members=[world.member_a], aspirations=NOTES)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "member-a")
    page.fill("input[name=password]", "secret-pass-123")
    page.locator(".login button[type=submit]").click()

    for path in ("/households/", household.get_absolute_url(), "/households/?q=sa+vong", "/visits/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert dialogs == [], f"a dialog opened on {path}"
    page.goto(f"{live_server.url}/households/")
    expect(page.get_by_text(NAME).first).to_be_visible()
    page.goto(f"{live_server.url}{household.get_absolute_url()}")
    expect(page.get_by_text(NAME).first).to_be_visible()
    assert page.locator("script:has-text('alert(1)')").count() == 0
    assert page.locator("img[onerror]").count() == 0
    assert dialogs == []
