"""Indicators through the API: the dashboard's data for a unit the user may see and a period."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_commander_reads_his_station(client, world):
    client.force_login(world.commander_a)
    response = client.get("/api/v1/indicators", {"scope": world.station_a.code, "period": "2026-10"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["period"]["code"] == "2026-10"
    assert body["previous_period"]["code"] == "2026-09"
    assert body["scope"]["unit"]["code"] == world.station_a.code
    assert "household_coverage" in body["indicators"]
    assert [row["code"] for row in body["stations"]] == [world.station_a.code]


def test_the_province_reads_a_station_below_it(client, world):
    client.force_login(world.province_user)
    response = client.get("/api/v1/indicators", {"scope": world.station_a.code, "period": "2026-Q3"})
    assert response.status_code == 200


@pytest.mark.parametrize("user", ["commander_b", "liaison_a", "member_user"])
def test_a_unit_outside_the_users_scope_answers_404(client, world, user):
    client.force_login(getattr(world, user))
    response = client.get("/api/v1/indicators", {"scope": world.station_a.code, "period": "2026-10"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy"}


def test_an_unknown_unit_reads_the_same(client, world):
    client.force_login(world.commander_a)
    response = client.get("/api/v1/indicators", {"scope": "no-such-unit", "period": "2026-10"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy"}


def test_without_a_scope_it_is_everything_the_user_may_see(client, world):
    client.force_login(world.liaison_a)
    body = client.get("/api/v1/indicators", {"period": "2026"}).json()
    assert body["scope"]["communes"] == [world.commune_a.pk]


def test_a_period_it_cannot_read_answers_400(client, world):
    client.force_login(world.commander_a)
    response = client.get("/api/v1/indicators", {"period": "2026-13"})
    assert response.status_code == 400
    assert "period" in response.json()["errors"]
