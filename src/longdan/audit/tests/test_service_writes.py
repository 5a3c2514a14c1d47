"""Each service write leaves exactly one change row for the record it wrote."""

from datetime import date

import pytest

from longdan.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def _rows(obj):
    return list(AuditEntry.objects.for_object(obj).values_list("action", "actor_username"))


def test_household_writes(world):
    from longdan.households.services import household_create, poverty_assessment_record, resident_add

    household = household_create(
        code="HX-1", head_name="Kim Thị Ánh", hamlet=world.hamlet_a, acting_user=world.commander_a
    )
    assert _rows(household) == [(AuditAction.CREATE, "commander-a")]
    resident = resident_add(
        household=household,
        full_name="Kim Văn Bé",
        sex="male",
        relation="child",
        acting_user=world.commander_a,
    )
    assert _rows(resident) == [(AuditAction.CREATE, "commander-a")]
    assessment = poverty_assessment_record(
        household=household,
        assessed_on=date(2026, 1, 5),
        income_per_head=1_000_000,
        acting_user=world.commander_a,
    )
    assert _rows(assessment) == [(AuditAction.CREATE, "commander-a")]


def test_assignment_writes(world):
    """A reassignment changes two records, so it writes two rows: the old row's update, the new row's create."""
    from longdan.assignments.models import HouseholdAssignment
    from longdan.assignments.services import assignment_end, household_assign, household_reassign

    old = HouseholdAssignment.objects.get(household=world.household_a, end_date__isnull=True)
    new = household_reassign(
        household=world.household_a, member=world.member_a2, on=date.today(), acting_user=world.commander_a
    )
    assert _rows(old) == [(AuditAction.UPDATE, "commander-a")]
    assert _rows(new) == [(AuditAction.CREATE, "commander-a")]
    assignment_end(assignment=new, acting_user=world.commander_a)
    assert [a for a, _u in _rows(new)] == [AuditAction.UPDATE, AuditAction.CREATE]
    again = household_assign(
        household=world.household_a, member=world.member_a, acting_user=world.commander_a
    )
    assert _rows(again) == [(AuditAction.CREATE, "commander-a")]


def test_case_writes(world):
    from longdan.cases.models import CaseState
    from longdan.cases.services import case_open, case_transition

    case = case_open(
        category="social_welfare",
        description="Đề nghị hỗ trợ vay vốn",
        acting_user=world.member_user,
        household=world.household_a,
    )
    assert _rows(case) == [(AuditAction.CREATE, "member-a")]
    case_transition(case=case, to_state=CaseState.PROPOSED, acting_user=world.member_user)
    entries = AuditEntry.objects.for_object(case)
    assert entries.count() == 2
    assert entries.filter(action=AuditAction.UPDATE).get().changes["after"]["state"] == CaseState.PROPOSED


def test_fieldwork_writes(world):
    """A visit and a cell meeting: one create row each; replaying the same offline visit writes none."""
    import uuid
    from datetime import timedelta

    from django.utils import timezone

    from longdan.fieldwork.services import cell_meeting_record, visit_record
    from longdan.testing.factories import HamletCellFactory

    key = uuid.uuid4()
    arguments = {
        "household": world.household_a,
        "members": [world.member_a],
        "acting_user": world.member_user,
        "visited_at": timezone.now() - timedelta(hours=1),
        "client_uuid": key,
    }
    visit = visit_record(**arguments)
    assert _rows(visit) == [(AuditAction.CREATE, "member-a")]
    visit_record(**arguments)
    assert _rows(visit) == [(AuditAction.CREATE, "member-a")]
    meeting = cell_meeting_record(
        cell=HamletCellFactory(hamlet=world.hamlet_a),
        held_on=timezone.localdate() - timedelta(days=1),
        attendees=[world.member_a],
        acting_user=world.commander_a,
    )
    assert _rows(meeting) == [(AuditAction.CREATE, "commander-a")]


def test_an_admin_edit_writes_one_row(client, world):
    """A record edited straight in the admin (no service behind its form) is audited by the admin base."""
    from longdan.cases.models import CategoryDeadline

    deadline = CategoryDeadline.objects.first()
    if deadline is None:
        pytest.skip("no category deadline rows to edit")
    client.force_login(world.admin_user)
    client.post(f"/admin/cases/categorydeadline/{deadline.pk}/delete/", {"post": "yes"})
    assert [a for a, _u in _rows(deadline)] == [AuditAction.DELETE]


def test_org_people_and_geo_writes(world):
    """Units, station areas, party cells, members and hamlets: one create row each, naming who acted."""
    from longdan.geo.services import hamlet_create
    from longdan.org.models import CellKind, UnitKind
    from longdan.org.services import party_cell_create, unit_add_area, unit_create
    from longdan.people.services import member_create
    from longdan.testing.factories import CommuneFactory

    admin = world.admin_user
    station = unit_create(
        code="DBP-TEST",
        name="Đồn Biên phòng Thử",
        kind=UnitKind.STATION,
        parent=world.command,
        acting_user=admin,
    )
    assert _rows(station) == [(AuditAction.CREATE, "admin")]
    assert AuditEntry.objects.for_object(station).get().changes["after"]["path"] == station.path
    area = unit_add_area(unit=station, commune=CommuneFactory(parent=world.province), acting_user=admin)
    assert _rows(area) == [(AuditAction.CREATE, "admin")]
    hamlet = hamlet_create(name="Ấp Mới", commune=area.commune, acting_user=admin)
    assert _rows(hamlet) == [(AuditAction.CREATE, "admin")]
    cell = party_cell_create(name="Chi bộ ấp Mới", kind=CellKind.HAMLET, hamlet=hamlet, acting_user=admin)
    assert _rows(cell) == [(AuditAction.CREATE, "admin")]
    member = member_create(full_name="Trần Văn Ba", rank="thieu_uy", unit=station, acting_user=admin)
    assert _rows(member) == [(AuditAction.CREATE, "admin")]
    # Filed under the station, so the province command above it sees them.
    assert AuditEntry.objects.for_object(member).get().unit_id == station.pk
    assert AuditEntry.objects.for_object(area).get().unit_id == station.pk


def test_cell_join_and_member_transfer(world):
    """A transfer changes each open assignment, each open cell participation and the member: a row each."""
    from longdan.assignments.models import HouseholdAssignment
    from longdan.assignments.services import cell_join, member_transfer
    from longdan.testing.factories import HamletCellFactory

    participation = cell_join(
        member=world.member_a,
        cell=HamletCellFactory(hamlet=world.hamlet_a),
        start_date=date(2026, 1, 1),
        acting_user=world.commander_a,
    )
    assert _rows(participation) == [(AuditAction.CREATE, "commander-a")]
    assignment = HouseholdAssignment.objects.get(member=world.member_a, end_date__isnull=True)
    result = member_transfer(
        member=world.member_a, to_unit=world.station_b, reason="Điều động", acting_user=world.commander_a
    )
    assert result.uncovered == [world.household_a]
    assert _rows(assignment) == [(AuditAction.UPDATE, "commander-a")]
    assert [a for a, _u in _rows(participation)] == [AuditAction.UPDATE, AuditAction.CREATE]
    moved = AuditEntry.objects.for_object(world.member_a).get()
    assert moved.action == AuditAction.UPDATE
    assert moved.changes == {
        "before": {"unit_id": world.station_a.pk},
        "after": {"unit_id": world.station_b.pk},
    }
    assert moved.unit_id == world.station_a.pk  # the station the member left


def test_visit_cadence_set(world):
    """The first setting creates the station's cadence, a later one changes it: one row each."""
    from longdan.fieldwork.services import visit_cadence_set

    cadence = visit_cadence_set(
        station=world.station_a, acting_user=world.commander_a, priority_days=14, poor_days=30, other_days=60
    )
    assert _rows(cadence) == [(AuditAction.CREATE, "commander-a")]
    visit_cadence_set(
        station=world.station_a, acting_user=world.commander_a, priority_days=7, poor_days=30, other_days=60
    )
    update = AuditEntry.objects.for_object(cadence).filter(action=AuditAction.UPDATE).get()
    assert update.changes["before"]["priority_days"] == 14
    assert update.changes["after"]["priority_days"] == 7
    assert AuditEntry.objects.for_object(cadence).count() == 2
