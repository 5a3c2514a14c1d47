from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from longdan.assignments.models import AssignmentRole, HouseholdAssignment
from longdan.assignments.services import (
    assignment_end,
    cell_join,
    household_assign,
    household_reassign,
    member_transfer,
)
from longdan.org.models import CellKind
from longdan.org.services import party_cell_create
from longdan.people.models import MemberStatus
from longdan.testing.factories import HouseholdFactory, MemberFactory

pytestmark = pytest.mark.django_db


def open_primary(household):
    return HouseholdAssignment.objects.filter(household=household, role=AssignmentRole.PRIMARY, end_date=None)


def test_it_refuses_a_second_open_primary_with_a_clear_message(world):
    with pytest.raises(ValidationError) as exc:
        household_assign(household=world.household_a, member=world.member_a2, start_date=date(2025, 1, 1))
    assert "household" in exc.value.message_dict
    assert open_primary(world.household_a).count() == 1


def test_the_message_is_vietnamese_by_default(world):
    with translation.override("vi"), pytest.raises(ValidationError) as exc:
        household_assign(household=world.household_a, member=world.member_a2, start_date=date(2025, 1, 1))
    message = exc.value.message_dict["household"][0]
    assert "đảng viên phụ trách" in message


def test_the_database_refuses_a_second_open_primary_too(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        HouseholdAssignment.objects.create(
            household=world.household_a, member=world.member_a2, start_date=date(2025, 1, 1)
        )


def test_a_secondary_member_may_join(world):
    assignment = household_assign(
        household=world.household_a, member=world.member_a2, role=AssignmentRole.SECONDARY
    )
    assert assignment.is_open


def test_it_refuses_a_member_of_another_station(world):
    household = HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
    with pytest.raises(ValidationError):
        household_assign(household=household, member=world.member_b)
    assert not HouseholdAssignment.objects.filter(household=household).exists()


def test_reassign_closes_the_old_row_and_opens_a_new_one(world):
    new = household_reassign(
        household=world.household_a, member=world.member_a2, on=date(2025, 3, 1), reason="Điều chuyển"
    )
    old = HouseholdAssignment.objects.get(household=world.household_a, member=world.member_a)
    assert old.end_date == date(2025, 2, 28)
    assert old.end_reason == "Điều chuyển"
    assert new.start_date == date(2025, 3, 1)
    assert open_primary(world.household_a).get() == new
    assert HouseholdAssignment.objects.filter(household=world.household_a).count() == 2


def test_reassign_to_the_same_member_is_refused(world):
    with pytest.raises(ValidationError):
        household_reassign(household=world.household_a, member=world.member_a)


def test_reassign_before_the_current_start_is_refused(world):
    with pytest.raises(ValidationError):
        household_reassign(household=world.household_a, member=world.member_a2, on=date(2023, 1, 1))
    assert open_primary(world.household_a).get().member == world.member_a


def test_ending_twice_is_refused(world):
    assignment = open_primary(world.household_a).get()
    assignment_end(assignment=assignment, end_date=date(2025, 1, 1))
    with pytest.raises(ValidationError):
        assignment_end(assignment=assignment, end_date=date(2025, 2, 1))


def test_transfer_closes_everything_and_lists_uncovered_households(world):
    extra = HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
    household_assign(household=extra, member=world.member_a, start_date=date(2024, 6, 1))
    household_assign(
        household=world.household_a2,
        member=world.member_a,
        role=AssignmentRole.SECONDARY,
        start_date=date(2024, 2, 1),
    )
    result = member_transfer(member=world.member_a, on=date(2025, 9, 1))
    assert sorted(h.pk for h in result.uncovered) == sorted([world.household_a.pk, extra.pk])
    assert not HouseholdAssignment.objects.filter(member=world.member_a, end_date=None).exists()
    world.member_a.refresh_from_db()
    assert world.member_a.status == MemberStatus.TRANSFERRED


def test_transfer_to_another_unit_keeps_the_member_active(world):
    result = member_transfer(member=world.member_a, on=date(2025, 9, 1), to_unit=world.station_b)
    assert result.member.unit == world.station_b
    assert result.member.status == MemberStatus.ACTIVE


def test_an_inactive_member_cannot_take_a_household(world):
    retired = MemberFactory(unit=world.station_a, status=MemberStatus.RETIRED)
    household = HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
    with pytest.raises(ValidationError):
        household_assign(household=household, member=retired)


def test_members_join_only_hamlet_cells(world):
    unit_cell = party_cell_create(name="Chi bộ Đồn", kind=CellKind.UNIT, unit=world.station_a)
    with pytest.raises(ValidationError):
        cell_join(member=world.member_a, cell=unit_cell)
    hamlet_cell = party_cell_create(
        name="Chi bộ ấp Âu Thọ A", kind=CellKind.HAMLET, hamlet=world.hamlet_a, secretary_name="Trần Văn Ba"
    )
    participation = cell_join(member=world.member_a, cell=hamlet_cell, start_date=date(2024, 1, 1))
    assert participation.end_date is None
    with pytest.raises(ValidationError):
        cell_join(member=world.member_a, cell=hamlet_cell, start_date=date(2024, 2, 1))
