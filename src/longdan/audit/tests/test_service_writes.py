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
