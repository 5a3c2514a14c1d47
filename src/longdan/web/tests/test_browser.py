"""A field member's first minute, in a real browser on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_member_finds_sa_vong_and_opens_her_card(live_server, phone_page, artifacts_dir, world):
    page = phone_page
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/$"))
    page.screenshot(path=artifacts_dir / "1-login.png", full_page=True)

    page.fill("input[name=username]", "member-a")
    page.fill("input[name=password]", "secret-pass-123")
    page.locator(".login button[type=submit]").click()

    expect(page).to_have_url(f"{live_server.url}/")
    my_households = page.locator("#my-households")
    expect(my_households.get_by_role("link", name="Thạch Thị Sà Vọng")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone"
    page.screenshot(path=artifacts_dir / "2-my-households.png", full_page=True)

    page.locator('nav.tabs a[href="/households/"]').click()
    expect(page).to_have_url(f"{live_server.url}/households/")
    search = page.locator("input[name=q]")
    search.press_sequentially("sa vong", delay=40)
    # htmx replaces the results as one types, and the address follows so it can be shared.
    expect(page).to_have_url(re.compile(r"/households/\?q=sa(\+|%20)vong"))
    results = page.locator("#results")
    expect(results.get_by_role("link", name="Thạch Thị Sà Vọng")).to_be_visible()
    page.screenshot(path=artifacts_dir / "3-search.png", full_page=True)

    results.get_by_role("link", name="Thạch Thị Sà Vọng").click()
    expect(page).to_have_url(f"{live_server.url}/households/{world.household_a.pk}/")
    expect(page.locator("h1")).to_contain_text("Thạch Thị Sà Vọng")
    expect(page.get_by_text("Ấp Âu Thọ A").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=artifacts_dir / "4-household-card.png", full_page=True)
