"""The dashboard and map pages: allowed for the commands, 404 outside the user's units, the selector's figures."""

from decimal import Decimal

import pytest
from django.urls import reverse

from longdan.households.models import Household
from longdan.reports.charts import number
from longdan.reports.drilldown import drill_url
from longdan.reports.periods import Period
from longdan.reports.scope import ReportScope
from longdan.reports.selectors import dashboard
from longdan.testing.factories import HouseholdFactory

pytestmark = pytest.mark.django_db

OCTOBER = Period.month(2026, 10)


def _dashboard(client, **query):
    return client.get(reverse("dashboard"), query)


class TestDashboard:
    def test_it_shows_a_station_commander_their_station(self, client, world):
        client.force_login(world.commander_a)
        response = _dashboard(client, period="2026-10")
        assert response.status_code == 200
        assert world.station_a.name in response.text
        assert "data:image/svg+xml;base64," in response.text  # the 12-month charts, as images
        assert "<script" not in response.text.split("</head>")[1]  # no inline script in the page body

    def test_it_shows_a_province_commander_a_station_of_theirs(self, client, world):
        client.force_login(world.province_user)
        assert _dashboard(client, scope=world.station_b.code, period="2026-10").status_code == 200

    def test_it_answers_404_for_a_unit_outside_the_users(self, client, world):
        client.force_login(world.commander_b)
        assert _dashboard(client, scope=world.station_a.code).status_code == 404
        assert _dashboard(client, scope=world.command.code).status_code == 404
        assert _dashboard(client, scope="NO-SUCH-UNIT").status_code == 404

    def test_it_refuses_a_field_member(self, client, world):
        client.force_login(world.member_user)
        assert _dashboard(client).status_code == 403

    def test_it_says_when_the_period_cannot_be_read(self, client, world):
        client.force_login(world.commander_a)
        response = _dashboard(client, period="2026-13")
        assert response.status_code == 400
        assert 'role="alert"' in response.text

    def test_the_figures_are_the_selectors(self, client, dataset):
        w = dataset.world
        client.force_login(w.province_user)
        response = _dashboard(client, scope=w.command.code, period="2026-10", sort="visits", dir="desc")
        assert response.status_code == 200
        board = dashboard(user=w.province_user, scope=ReportScope.for_unit(w.command), period=OCTOBER)
        figures = board["indicators"]
        shown = response.context["groups"]
        by_key = {row["key"]: row for group in shown for row in group["rows"]}
        assert by_key["visits.visits"]["current"] == number(figures["visits"]["current"]["visits"])
        assert by_key["visits.visits"]["previous"] == number(figures["visits"]["previous"]["visits"])
        assert by_key["petitions_received.received"]["current"] == number(
            figures["petitions_received"]["current"]["received"]
        )
        assert by_key["petitions_overdue"]["current"] == number(figures["petitions_overdue"]["current"])
        assert by_key["support_given.total_value"]["current"] == number(
            figures["support_given"]["current"]["total_value"]
        )
        assert "tips.received" not in by_key  # the province command sees no tips
        # The stations table: sorted by visits, most first, with the selector's rows.
        rows = response.context["rows"]
        assert [row["visits"] for row in rows] == sorted(
            (r["visits"] for r in board["stations"]), reverse=True
        )
        assert rows[0]["code"] == w.station_a.code
        # Drill-down: the overdue figure of a station links to the petitions behind it (test_drilldown).
        links = response.context["station_links"][w.station_a.pk]
        assert links["cases_overdue"] == drill_url(
            "petitions_overdue", scope_code=w.station_a.code, period=OCTOBER
        )
        assert links["cases_overdue"].replace("&", "&amp;") in response.text

    def test_a_station_commander_sees_the_tip_figures(self, client, dataset):
        client.force_login(dataset.world.commander_a)
        response = _dashboard(client, period="2026-10")
        assert any(group["key"] == "tips" for group in response.context["groups"])

    def test_the_tab_is_there_for_commands_only(self, client, world):
        client.force_login(world.commander_a)
        assert reverse("dashboard") in client.get(reverse("home")).text
        client.force_login(world.member_user)
        assert reverse("dashboard") not in client.get(reverse("home")).text


class TestMapPoints:
    @pytest.fixture
    def located(self, world):
        for n, household in enumerate([world.household_a, world.household_a2, world.household_b]):
            household.latitude, household.longitude = Decimal("9.3") + n, Decimal("106.1")
            household.save()
        return world

    def test_the_map_page(self, client, world):
        client.force_login(world.commander_a)
        response = client.get(reverse("map"))
        assert response.status_code == 200
        assert "vendor/leaflet/leaflet.js" in response.text

    @pytest.mark.parametrize("color", ["poverty", "overdue"])
    def test_it_gives_a_commander_the_points_of_their_station_only(self, client, located, color):
        w = located
        client.force_login(w.commander_b)
        data = client.get(reverse("map-points"), {"color": color}).json()
        urls = [point[3] for point in data["points"]]
        assert urls == [w.household_b.get_absolute_url()]
        assert [c["households"] for c in data["centroids"]] == [1]

    def test_it_answers_404_for_another_stations_points(self, client, located):
        client.force_login(located.commander_b)
        response = client.get(reverse("map-points"), {"scope": located.station_a.code})
        assert response.status_code == 404

    def test_the_points_carry_no_name_or_sensitive_field(self, client, located):
        w = located
        Household.objects.filter(pk=w.household_a.pk).update(ethnicity="Khmer", religion="Phật giáo Nam tông")
        client.force_login(w.commander_a)
        text = client.get(reverse("map-points")).text
        for secret in ("Khmer", "Nam t", w.household_a.head_name, w.household_a.phone or "no phone"):
            assert secret not in text

    def test_the_query_count_does_not_grow_with_households(
        self, client, located, django_assert_max_num_queries
    ):
        w = located
        client.force_login(w.commander_a)
        url = reverse("map-points")
        with django_assert_max_num_queries(20) as baseline:
            client.get(url, {"color": "overdue"})
        for n in range(10):
            HouseholdFactory(
                hamlet=w.hamlet_a, station=w.station_a, latitude=Decimal("9.5"), longitude=Decimal(n)
            )
        with django_assert_max_num_queries(len(baseline.captured_queries)):
            data = client.get(url, {"color": "overdue"}).json()
        assert len(data["points"]) == 12
