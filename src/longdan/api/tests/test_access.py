"""The access rule through the API: 401 for anonymous, 404 for another station's record, sensitive fields
only for the roles granted them.

The routes are read from the API's own OpenAPI document, not from a hand-kept list: a route added
later with an id in its path and no scoping fails here (and an id this file does not know stops it).
"""

import json
import re

import pytest

from longdan.api.api import api as longdan_api

pytestmark = pytest.mark.django_db

SENSITIVE_KEYS = {"ethnicity", "religion", "id_number"}


def operations():
    """(method, path template) of every operation the API serves."""
    schema = longdan_api.get_openapi_schema(path_prefix="/api/v1")
    return [(method.upper(), path) for path, item in schema["paths"].items() for method in item]


def record_ids(world, visit, case):
    """Station A's records, by the path parameter that names each kind."""
    return {
        "household_id": world.household_a.pk,
        "member_id": world.member_a.pk,
        "visit_id": visit.pk,
        "case_id": case.pk,
    }


def fill(path, ids):
    names = re.findall(r"\{(\w+)\}", path)
    missing = [name for name in names if name not in ids]
    assert not missing, f"{path}: add a station A record for {missing} to record_ids()"
    return re.sub(r"\{(\w+)\}", lambda m: str(ids[m.group(1)]), path)


# A body that passes the schema, so a write answers from the scoping and not from the schema check.
VALID_BODIES = {"/api/v1/cases/{case_id}/transitions": {"to_state": "proposed"}}


def call(client, method, url, path=""):
    if method == "GET":
        return client.get(url)
    return client.generic(
        method, url, data=json.dumps(VALID_BODIES.get(path, {})), content_type="application/json"
    )


def test_the_api_has_the_routes_this_file_sweeps():
    paths = {path for _method, path in operations()}
    assert "/api/v1/households/{household_id}" in paths
    assert "/api/v1/cases/{case_id}/transitions" in paths
    assert len(paths) >= 12


def test_it_answers_401_to_anonymous_on_every_route(client, world, visit_a, case_a):
    ids = record_ids(world, visit_a, case_a)
    for method, path in operations():
        response = call(client, method, fill(path, ids))
        assert response.status_code == 401, (method, path, response.content)
        assert response.json() == {"detail": "Hãy đăng nhập để dùng API."}


@pytest.mark.parametrize("outsider", ["commander_b", "liaison_b", "other_member"])
def test_it_answers_404_for_station_a_records_to_outsiders(
    client, world, visit_a, case_a, other_member_user, outsider
):
    user = other_member_user if outsider == "other_member" else getattr(world, outsider)
    client.force_login(user)
    ids = record_ids(world, visit_a, case_a)
    swept = 0
    for method, path in operations():
        if "{" not in path:
            continue
        url = fill(path, ids)
        response = call(client, method, url, path)
        assert response.status_code == 404, (outsider, method, url, response.content)
        assert response.json() == {"detail": "Không tìm thấy"}
        swept += 1
    assert swept >= 6


def test_the_owner_and_the_commander_get_the_same_routes(client, world, visit_a, case_a):
    ids = record_ids(world, visit_a, case_a)
    for user in (world.member_user, world.commander_a):
        client.force_login(user)
        for method, path in operations():
            if "{" in path and method == "GET":
                assert client.get(fill(path, ids)).status_code == 200, (user, path)


def test_a_missing_id_reads_like_another_stations(client, world):
    client.force_login(world.commander_a)
    response = client.get("/api/v1/households/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy"}


def test_the_household_list_holds_only_what_the_user_may_see(client, world):
    client.force_login(world.commander_b)
    names = [row["head_name"] for row in client.get("/api/v1/households").json()["items"]]
    assert names == ["Sơn Thị Mỹ"]
    client.force_login(world.member_user)
    names = [row["head_name"] for row in client.get("/api/v1/households").json()["items"]]
    assert names == ["Thạch Thị Sà Vọng"]


def test_the_search_ignores_diacritics(client, world):
    client.force_login(world.commander_a)
    body = client.get("/api/v1/households", {"search": "sa vong"}).json()
    assert [row["head_name"] for row in body["items"]] == ["Thạch Thị Sà Vọng"]
    assert body["items"][0]["member_in_charge"]["full_name"] == "Nguyễn Thiên Phú"


class TestSensitiveFields:
    @pytest.fixture
    def household(self, world):
        household = world.household_a
        household.ethnicity = "Khmer"
        household.religion = "Phật giáo Nam tông"
        household.save()
        household.residents.create(
            full_name="Thạch Thị Sà Vọng", sex="female", relation="head", id_number="094123456789"
        )
        return household

    def test_the_member_gets_no_sensitive_keys(self, client, world, household):
        client.force_login(world.member_user)
        response = client.get(f"/api/v1/households/{household.pk}")
        assert response.status_code == 200
        body = response.json()
        assert SENSITIVE_KEYS.isdisjoint(body)
        assert SENSITIVE_KEYS.isdisjoint(body["residents"][0])
        for secret in ("Khmer", "Phật giáo", "094123456789"):
            assert secret not in response.text

    def test_the_liaison_gets_no_sensitive_keys(self, client, world, household):
        client.force_login(world.liaison_a)
        response = client.get(f"/api/v1/households/{household.pk}")
        assert response.status_code == 200
        assert "Khmer" not in response.text and "094123456789" not in response.text

    def test_the_commander_gets_them(self, client, world, household):
        client.force_login(world.commander_a)
        body = client.get(f"/api/v1/households/{household.pk}").json()
        assert body["ethnicity"] == "Khmer"
        assert body["religion"] == "Phật giáo Nam tông"
        assert body["residents"][0]["id_number"] == "094123456789"

    def test_no_list_carries_them(self, client, world, household, visit_a):
        client.force_login(world.commander_a)
        for url in [
            "/api/v1/households",
            f"/api/v1/households/{household.pk}/visits",
            "/api/v1/me/work-today",
        ]:
            response = client.get(url)
            assert "Khmer" not in response.text and "094123456789" not in response.text


class TestAuthentication:
    def test_a_command_role_without_its_second_factor_gets_no_data(self, world):
        from django.test import Client

        from longdan.testing.auth import first_factor_login

        browser = Client()
        first_factor_login(browser, world.commander_a)
        response = browser.get("/api/v1/households")
        assert response.status_code in (302, 401)
        assert "Sà Vọng" not in response.content.decode()

    def test_unsafe_methods_need_the_csrf_token(self, world, case_a):
        from django.test import Client

        from longdan.testing.auth import verified_login

        browser = Client(enforce_csrf_checks=True)
        verified_login(browser, world.member_user)
        url = f"/api/v1/cases/{case_a.pk}/transitions"
        refused = browser.post(url, {"to_state": "proposed"}, content_type="application/json")
        assert refused.status_code == 403
        assert "CSRF" in refused.json()["detail"]
        case_a.refresh_from_db()
        assert case_a.state == "received"
        browser.get("/api/v1/docs")  # a page that carries the token sets its cookie
        token = browser.cookies["csrftoken"].value
        accepted = browser.post(
            url, {"to_state": "proposed"}, content_type="application/json", headers={"X-CSRFToken": token}
        )
        assert accepted.status_code == 200, accepted.content
        assert accepted.json()["state"] == "proposed"

    def test_reads_need_no_token(self, world):
        from django.test import Client

        from longdan.testing.auth import verified_login

        browser = Client(enforce_csrf_checks=True)
        verified_login(browser, world.member_user)
        assert browser.get("/api/v1/households").status_code == 200
