"""Petitions through the API: the board's list, one case, opening one, and the state machine's moves."""

import pytest

from longdan.cases.models import Case, CaseEvent
from longdan.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db


def move(client, case, **body):
    return client.post(f"/api/v1/cases/{case.pk}/transitions", body, content_type="application/json")


def test_the_list_filters_by_state(client, world, case_a):
    CaseFactory(household=world.household_a2, state="planned")
    CaseFactory(household=world.household_b, state="received")
    client.force_login(world.commander_a)
    body = client.get("/api/v1/cases", {"state": "received"}).json()
    assert [row["id"] for row in body["items"]] == [case_a.pk]
    assert body["items"][0]["state_label"] == "Đã tiếp nhận"
    assert client.get("/api/v1/cases").json()["count"] == 2


def test_an_unknown_state_answers_400(client, world):
    client.force_login(world.commander_a)
    assert client.get("/api/v1/cases", {"state": "nowhere"}).status_code == 400


def test_the_case_shows_its_events_and_the_moves_open_to_the_user(client, world, case_a):
    client.force_login(world.member_user)
    body = client.get(f"/api/v1/cases/{case_a.pk}").json()
    assert body["title"] == "Xin vay vốn tạo việc làm"
    assert {action["to_state"] for action in body["actions"]} == {"proposed", "withdrawn"}


def test_a_legal_move_is_made_and_leaves_one_event(client, world, case_a):
    client.force_login(world.member_user)
    response = move(client, case_a, to_state="proposed", note="Đề nghị chỉ huy Đồn xem xét")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "proposed"
    event = CaseEvent.objects.get(case=case_a)
    assert (event.from_state, event.to_state, event.actor) == ("received", "proposed", world.member_user)


def test_an_illegal_move_answers_400_in_vietnamese_and_changes_nothing(client, world, case_a):
    client.force_login(world.commander_a)
    response = move(client, case_a, to_state="referred", referred_to="commune_committee")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Phản ánh, kiến nghị đang ở trạng thái")
    case_a.refresh_from_db()
    assert case_a.state == "received"
    assert case_a.responsible_body == ""
    assert not CaseEvent.objects.exists()


def test_a_move_without_its_input_answers_400(client, world, case_a):
    client.force_login(world.commander_a)
    response = move(client, case_a, to_state="withdrawn")
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]
    case_a.refresh_from_db()
    assert case_a.state == "received"


def test_a_move_the_user_may_not_make_answers_403(client, world, case_a):
    case_a.state = "proposed"
    case_a.save()
    client.force_login(world.member_user)
    response = move(client, case_a, to_state="planned", plan="Hỗ trợ")
    assert response.status_code == 403
    assert response.json()["detail"] == "Chỉ chỉ huy Đồn mới được làm việc này."
    case_a.refresh_from_db()
    assert case_a.state == "proposed"
    assert not CaseEvent.objects.exists()


def test_a_member_opens_a_petition_of_his_household(client, world):
    client.force_login(world.member_user)
    response = client.post(
        "/api/v1/cases",
        {
            "household": world.household_a.pk,
            "category": "livelihood_loans",
            "description": "Xin vay vốn tạo việc làm để buôn bán nhỏ",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    case = Case.objects.get()
    assert response.json()["id"] == case.pk
    assert (case.state, case.station, case.recorded_by_member) == (
        "received",
        world.station_a,
        world.member_a,
    )
    assert CaseEvent.objects.filter(case=case).count() == 1


def test_opening_needs_one_origin(client, world):
    client.force_login(world.commander_a)
    response = client.post(
        "/api/v1/cases",
        {"category": "land", "description": "Tranh chấp đất"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not Case.objects.exists()


def test_another_member_of_the_station_may_not_open_one(client, world, other_member_user):
    # He does not see household_a at all: the answer is the same as for another station's household.
    client.force_login(other_member_user)
    response = client.post(
        "/api/v1/cases",
        {"household": world.household_a.pk, "category": "land", "description": "Tranh chấp đất"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Case.objects.exists()


def test_a_liaison_sees_the_case_but_may_not_open_one(client, world):
    client.force_login(world.liaison_a)
    response = client.post(
        "/api/v1/cases",
        {"household": world.household_a.pk, "category": "land", "description": "Tranh chấp đất"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Case.objects.exists()
