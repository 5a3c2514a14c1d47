"""Logging a visit through the API: the visit page's form and service, idempotent by client UUID."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from longdan.fieldwork.models import Topic, Visit

pytestmark = pytest.mark.django_db


def visit_body(world, **overrides):
    body = {
        "client_uuid": str(uuid.uuid4()),
        "household": world.household_a.pk,
        "visited_at": (timezone.now() - timedelta(hours=1)).isoformat(),
        "kind": "home",
        "members": [world.member_a.pk],
        "aspirations": "Muốn vay vốn buôn bán nhỏ",
        "advice": ["loans"],
    }
    return {**body, **overrides}


def post(client, body):
    return client.post("/api/v1/visits", body, content_type="application/json")


def test_it_records_a_visit(client, world):
    client.force_login(world.member_user)
    topic = Topic.objects.filter(is_active=True).first()
    response = post(client, visit_body(world, topics=[topic.pk] if topic else []))
    assert response.status_code == 201, response.content
    body = response.json()
    visit = Visit.objects.get()
    assert body["id"] == visit.pk
    assert body["household"]["head_name"] == "Thạch Thị Sà Vọng"
    assert [m["full_name"] for m in body["members"]] == ["Nguyễn Thiên Phú"]
    assert body["advice"] == ["loans"]
    assert visit.recorded_by == world.member_user


def test_the_same_uuid_twice_makes_one_visit(client, world):
    client.force_login(world.member_user)
    body = visit_body(world)
    first = post(client, body)
    second = post(client, body)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json() == second.json()
    assert Visit.objects.count() == 1
    assert str(Visit.objects.get().client_uuid) == body["client_uuid"]


def test_a_uuid_used_for_another_household_is_refused(client, world):
    client.force_login(world.commander_a)
    body = visit_body(world)
    assert post(client, body).status_code == 201
    again = post(client, {**body, "household": world.household_a2.pk, "members": [world.member_a2.pk]})
    assert again.status_code == 400
    assert "client_uuid" in again.json()["errors"]
    assert Visit.objects.count() == 1


def test_another_stations_household_answers_404(client, world):
    client.force_login(world.commander_b)
    response = post(client, visit_body(world, members=[world.member_b.pk]))
    assert response.status_code == 404
    assert not Visit.objects.exists()


def test_a_liaison_reads_visits_but_does_not_record_them(client, world):
    client.force_login(world.liaison_a)
    assert post(client, visit_body(world)).status_code == 404


def test_a_member_may_not_name_members_he_cannot_see(client, world):
    # The visit page offers a field member only himself: the API takes the same form.
    client.force_login(world.member_user)
    response = post(client, visit_body(world, members=[world.member_a2.pk]))
    assert response.status_code == 400
    assert "members" in response.json()["errors"]
    assert not Visit.objects.exists()


def test_the_service_rules_answer_400_in_vietnamese(client, world):
    client.force_login(world.member_user)
    future = (timezone.now() + timedelta(days=2)).isoformat()
    response = post(client, visit_body(world, visited_at=future))
    assert response.status_code == 400
    assert response.json()["detail"] == "Lần thăm hộ không được ở tương lai."
    assert not Visit.objects.exists()


def test_a_malformed_body_answers_400(client, world):
    client.force_login(world.member_user)
    response = post(client, visit_body(world, client_uuid="not-a-uuid"))
    assert response.status_code == 400
    assert response.json()["detail"] == "Yêu cầu không hợp lệ."


def test_visit_detail_and_household_visits(client, world, visit_a):
    client.force_login(world.member_user)
    detail = client.get(f"/api/v1/visits/{visit_a.pk}").json()
    assert detail["aspirations"] == "Muốn vay vốn"
    listed = client.get(f"/api/v1/households/{world.household_a.pk}/visits").json()
    assert listed["count"] == 1
    assert listed["items"][0]["id"] == visit_a.pk


def test_work_today(client, world, case_a):
    client.force_login(world.member_user)
    body = client.get("/api/v1/me/work-today").json()
    assert body["member"]["full_name"] == "Nguyễn Thiên Phú"
    assert body["households"] == 1
    assert [item["household"]["head_name"] for item in body["due"]] == ["Thạch Thị Sà Vọng"]
    assert [case["id"] for case in body["petitions"]] == [case_a.pk]


def test_work_today_is_for_field_members(client, world):
    client.force_login(world.liaison_a)
    assert client.get("/api/v1/me/work-today").status_code == 404
