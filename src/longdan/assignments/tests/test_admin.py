"""Assignment admin: writes go through the services, so their rules show as form errors, not server errors."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from longdan.assignments.models import AssignmentRole, HouseholdAssignment
from longdan.testing.fixtures import World

ADD = "admin:assignments_householdassignment_add"


@pytest.fixture
def admin_client_(world: World, client: Client) -> Client:
    # The suite's `client`, whose force_login also passes the second factor administrators owe.
    client.force_login(world.admin_user)
    return client


def _assign(client: Client, world: World, **data: object) -> object:
    return client.post(
        reverse(ADD),
        {
            "household": world.household_a.pk,
            "member": world.member_a2.pk,
            "role": AssignmentRole.PRIMARY,
            "start_date": "2025-06-01",
            **data,
        },
    )


def test_a_second_member_in_charge_is_refused_on_the_form_in_vietnamese(
    world: World, admin_client_: Client
) -> None:
    response = _assign(admin_client_, world)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["household"] == ["Hộ này đã có đảng viên phụ trách. Hãy dùng chức năng phân công lại."]
    assert HouseholdAssignment.objects.filter(household=world.household_a).count() == 1


def test_a_member_of_another_station_is_refused_on_the_form(world: World, admin_client_: Client) -> None:
    response = _assign(admin_client_, world, member=world.member_b.pk, role=AssignmentRole.SECONDARY)
    assert response.status_code == 200
    assert "member" in response.context["adminform"].form.errors
    assert HouseholdAssignment.objects.filter(household=world.household_a).count() == 1


def test_a_supporting_member_is_added_through_the_service(world: World, admin_client_: Client) -> None:
    response = _assign(admin_client_, world, role=AssignmentRole.SECONDARY, reason="Biết tiếng Khmer")
    assert response.status_code == 302
    added = HouseholdAssignment.objects.get(household=world.household_a, member=world.member_a2)
    assert (added.role, added.start_date, added.end_date) == (
        AssignmentRole.SECONDARY,
        date(2025, 6, 1),
        None,
    )


def test_an_assignment_added_in_the_admin_is_audited_once_with_the_administrator(
    world: World, admin_client_: Client
) -> None:
    from longdan.audit.models import AuditEntry

    # The service also runs as a trial while the form validates; that run is rolled back, audit row included.
    assert _assign(admin_client_, world, role=AssignmentRole.SECONDARY).status_code == 302
    added = HouseholdAssignment.objects.get(household=world.household_a, member=world.member_a2)
    entries = AuditEntry.objects.filter(object_type="assignments.householdassignment")
    assert [(e.object_id, e.action, e.actor) for e in entries] == [
        (str(added.pk), "create", world.admin_user)
    ]


def test_closing_an_assignment_in_the_admin_ends_it_and_leaves_it_read_only(
    world: World, admin_client_: Client
) -> None:
    assignment = HouseholdAssignment.objects.get(household=world.household_a)
    url = reverse("admin:assignments_householdassignment_change", args=[assignment.pk])
    response = admin_client_.post(url, {"end_date": "2025-12-31", "end_reason": "Chuyển công tác"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assignment.refresh_from_db()
    assert (assignment.end_date, assignment.end_reason) == (date(2025, 12, 31), "Chuyển công tác")
    # Closed rows are history: shown, never edited or deleted.
    assert admin_client_.post(url, {"end_date": "2026-01-01"}).status_code == 403
    delete = reverse("admin:assignments_householdassignment_delete", args=[assignment.pk])
    assert admin_client_.get(delete).status_code == 403


def test_closing_before_the_start_is_refused_on_the_form(world: World, admin_client_: Client) -> None:
    assignment = HouseholdAssignment.objects.get(household=world.household_a)
    url = reverse("admin:assignments_householdassignment_change", args=[assignment.pk])
    response = admin_client_.post(url, {"end_date": "2020-01-01"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assignment.refresh_from_db()
    assert assignment.end_date is None


def test_a_unit_cell_is_refused_for_participation(world: World, admin_client_: Client) -> None:
    from longdan.org.models import CellKind
    from longdan.org.services import party_cell_create

    unit_cell = party_cell_create(name="Chi bộ Đồn Vĩnh Hải", kind=CellKind.UNIT, unit=world.station_a)
    response = admin_client_.post(
        reverse("admin:assignments_cellparticipation_add"),
        {"member": world.member_a.pk, "cell": unit_cell.pk, "start_date": "2025-06-01"},
    )
    assert response.status_code == 200
    assert "cell" in response.context["adminform"].form.errors
