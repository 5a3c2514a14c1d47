"""The household map in a real browser: its cluster bubbles say what they hold, not only how many.

Two groups of households far enough apart to make two clusters at the zoom the map opens at:
a mixed one (poor, near-poor, not assessed) and one of average households only. Each bubble is a
ring split by category, in the points' colours, with the count in the middle and the counts in
words in its title. The page keeps our CSP (no inline style attribute); a violation would show
in the console.
"""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from longdan.households.models import Household
from longdan.testing.auth import totp_code, totp_device_for
from longdan.testing.factories import HouseholdFactory

pytestmark = pytest.mark.browser

MIXED = ["poor", "poor", "poor", "near_poor", "near_poor", ""]
AVERAGE = ["average"] * 4


@pytest.fixture
def clustered(world):
    for group, (lat, categories) in enumerate([(Decimal("9.300000"), MIXED), (Decimal("9.400000"), AVERAGE)]):
        for n, category in enumerate(categories):
            household = HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
            # A few metres apart: one bubble per group at any zoom the map opens at.
            Household.objects.filter(pk=household.pk).update(
                latitude=lat + Decimal("0.0001") * n,
                longitude=Decimal("106.100000") + Decimal("0.1") * group,
                poverty_category=category,
            )
    return world


def slices(ring) -> list[str]:
    """The colours of a ring's conic-gradient, in order (the browser writes each slice's colour twice)."""
    gradient = ring.evaluate("el => getComputedStyle(el).backgroundImage")
    assert gradient.startswith("conic-gradient(")
    colours = re.findall(r"rgb\(\d+, \d+, \d+\)", gradient)
    return [c for i, c in enumerate(colours) if i == 0 or c != colours[i - 1]]


def test_a_cluster_shows_the_split_of_its_households(live_server, page, artifacts_dir, clustered):
    csp_errors: list[str] = []
    page.on(
        "console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    device = totp_device_for(clustered.commander_a)  # before logging in: the code is asked, not set up
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "commander-a")
    page.fill("input[name=password]", "secret-pass-123")
    page.locator(".login button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/account/two-factor/"))
    page.fill("input[name=code]", totp_code(device))
    page.locator(".login button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/login/|/two-factor/"))

    page.goto(f"{live_server.url}/reports/map/")
    mixed = page.locator(".cluster-ring[data-total='6']")
    expect(mixed).to_be_visible()
    expect(mixed).to_have_attribute("data-count-poor", "3")
    expect(mixed).to_have_attribute("data-count-near_poor", "2")
    expect(mixed).to_have_attribute("data-count-none", "1")
    expect(mixed).to_have_attribute("title", "6 hộ: Hộ nghèo: 3, Hộ cận nghèo: 2, Chưa rà soát: 1")
    expect(mixed.locator(".cluster-count")).to_have_text("6")
    # Three slices in the points' colours, in the legend's order, set without a style attribute.
    assert slices(mixed) == ["rgb(185, 28, 28)", "rgb(217, 119, 6)", "rgb(156, 163, 175)"]

    average = page.locator(".cluster-ring[data-total='4']")
    expect(average).to_have_attribute("data-count-average", "4")
    assert average.get_attribute("data-count-poor") is None
    assert slices(average) == ["rgb(21, 128, 61)"]
    page.screenshot(path=artifacts_dir / "map-clusters.png", full_page=True)
    mixed.screenshot(path=artifacts_dir / "mixed-cluster.png")

    # Coloured by visits on a phone-sized screen, the same bubbles split into overdue and on time.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/reports/map/?color=overdue")
    overdue = page.locator(".cluster-ring[data-total='6']")
    expect(overdue).to_be_visible()
    expect(page.locator(".cluster-ring")).to_have_count(2)  # the zoom's animation is over
    assert overdue.get_attribute("title").startswith("6 hộ: ")
    page.screenshot(path=artifacts_dir / "map-clusters-overdue.png", full_page=True)
    assert csp_errors == []
