"""Writes for assignments: assign, reassign, end, transfer a member, join a hamlet cell.

History is never overwritten: a change closes one row and opens another.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.audit.models import AuditAction
from longdan.audit.services import audit_change, audit_record, snapshot
from longdan.core.services import error, validate_and_save
from longdan.households.models import Household
from longdan.org.models import CellKind, PartyCell, Unit
from longdan.people.models import Member, MemberStatus

from .models import AssignmentRole, CellParticipation, HouseholdAssignment


def _check_member_can_take(member: Member, household: Household) -> None:
    if member.status != MemberStatus.ACTIVE:
        raise error(_("Only an active member can take charge of a household."), field="member")
    if not member.unit.path.startswith(household.station.path) and not household.station.path.startswith(
        member.unit.path
    ):
        raise error(
            _("The member does not belong to the station responsible for this household."), field="member"
        )


@transaction.atomic
def household_assign(
    *,
    household: Household,
    member: Member,
    start_date: date | None = None,
    role: str = AssignmentRole.PRIMARY,
    reason: str = "",
    acting_user: Any = None,
) -> HouseholdAssignment:
    """Put a member in charge of (or in support of) a household from `start_date`."""
    start_date = start_date or timezone.localdate()
    _check_member_can_take(member, household)
    if (
        role == AssignmentRole.PRIMARY
        and HouseholdAssignment.objects.filter(household=household, role=AssignmentRole.PRIMARY)
        .open()
        .exists()
    ):
        raise error(
            _("This household already has a member in charge. Reassign it instead."), field="household"
        )
    assignment = HouseholdAssignment(
        household=household, member=member, role=role, start_date=start_date, reason=reason
    )
    assignment.full_clean()
    try:
        # The partial unique index is the last word when two commanders assign at once
        # (saved only here, so a race between the check above and the insert lands in this handler).
        with transaction.atomic():
            assignment.save()
    except IntegrityError as exc:  # pragma: no cover - only under a concurrent race
        raise error(_("This household already has a member in charge. Reassign it instead.")) from exc
    audit_change(actor=acting_user, obj=assignment, before=None, after=snapshot(assignment))
    return assignment


@transaction.atomic
def assignment_end(
    *,
    assignment: HouseholdAssignment,
    end_date: date | None = None,
    reason: str = "",
    acting_user: Any = None,
) -> None:
    """Close an open assignment on `end_date` (today by default)."""
    end_date = end_date or timezone.localdate()
    if assignment.end_date is not None:
        raise error(_("This assignment has already ended."))
    if end_date < assignment.start_date:
        raise error(_("The end date cannot be before the start date."), field="end_date")
    before = snapshot(assignment, _END_FIELDS)
    assignment.end_date = end_date
    assignment.end_reason = reason
    validate_and_save(assignment, update_fields=["end_date", "end_reason", "updated_at"])
    audit_change(actor=acting_user, obj=assignment, before=before, after=snapshot(assignment, _END_FIELDS))


_END_FIELDS = ["end_date", "end_reason"]


@transaction.atomic
def household_reassign(
    *,
    household: Household,
    member: Member,
    on: date | None = None,
    reason: str = "",
    acting_user: Any = None,
) -> HouseholdAssignment:
    """Hand a household to another member: the old primary row ends the day before `on`, a new one opens on `on`.

    Two records change, so the audit trail gets two rows: the old assignment's update and the new one's create.
    """
    on = on or timezone.localdate()
    current = (
        HouseholdAssignment.objects.select_for_update()
        .filter(household=household, role=AssignmentRole.PRIMARY)
        .open()
        .first()
    )
    if current is not None:
        if current.member_id == member.pk:
            raise error(_("This member is already in charge of this household."), field="member")
        if on <= current.start_date:
            raise error(_("The handover date must come after the current assignment started."), field="on")
        assignment_end(
            assignment=current, end_date=on - timedelta(days=1), reason=reason, acting_user=acting_user
        )
    return household_assign(
        household=household, member=member, start_date=on, reason=reason, acting_user=acting_user
    )


@dataclass(frozen=True)
class TransferResult:
    member: Member
    closed: list[HouseholdAssignment]
    uncovered: list[Household]


@transaction.atomic
def member_transfer(
    *,
    member: Member,
    on: date | None = None,
    to_unit: Unit | None = None,
    reason: str = "",
    acting_user: Any = None,
) -> TransferResult:
    """A member leaves (moved to `to_unit`, or out of the force): close all their open assignments and cells.

    Returns the households left without a member in charge, for the commander to reassign.
    Every record it changes gets its own audit row: each assignment and cell participation closed,
    and the member (unit or status).
    """
    on = on or timezone.localdate()
    last_day = on - timedelta(days=1)
    closed = list(
        HouseholdAssignment.objects.select_for_update()
        .filter(member=member)
        .open()
        .select_related("household")
    )
    for assignment in closed:
        if last_day < assignment.start_date:
            raise error(_("The transfer date must come after the member's assignments started."), field="on")
        assignment_end(
            assignment=assignment,
            end_date=last_day,
            reason=reason or _("Member transferred"),
            acting_user=acting_user,
        )
    for participation in CellParticipation.objects.filter(member=member, end_date__isnull=True):
        before = snapshot(participation, ["end_date"])
        participation.end_date = max(last_day, participation.start_date)
        participation.save(update_fields=["end_date", "updated_at"])
        audit_change(
            actor=acting_user, obj=participation, before=before, after=snapshot(participation, ["end_date"])
        )
    # Filed under the member's unit before the move: the station they leave keeps the row in view.
    before = snapshot(member, _TRANSFER_FIELDS)
    unit_before = member.unit_id
    if to_unit is not None:
        member.unit = to_unit
    else:
        member.status = MemberStatus.TRANSFERRED
    validate_and_save(member)
    audit_record(
        actor=acting_user,
        action=AuditAction.UPDATE,
        obj=member,
        changes=_changed(before, snapshot(member, _TRANSFER_FIELDS)),
        reason=reason,
        unit_id=unit_before,
    )
    primary_households = [a.household for a in closed if a.role == AssignmentRole.PRIMARY]
    still_covered = set(
        HouseholdAssignment.objects.filter(household__in=primary_households, role=AssignmentRole.PRIMARY)
        .open()
        .values_list("household_id", flat=True)
    )
    uncovered = [h for h in primary_households if h.pk not in still_covered]
    return TransferResult(member=member, closed=closed, uncovered=uncovered)


_TRANSFER_FIELDS = ["unit", "status"]


def _changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    keys = sorted(k for k in before if before[k] != after.get(k))
    return {"before": {k: before[k] for k in keys}, "after": {k: after.get(k) for k in keys}}


@transaction.atomic
def cell_join(
    *, member: Member, cell: PartyCell, start_date: date | None = None, acting_user: Any = None
) -> CellParticipation:
    """A station member starts attending a hamlet party cell."""
    if cell.kind != CellKind.HAMLET:
        raise error(_("Members attend the cells of hamlets; choose a hamlet cell."), field="cell")
    participation = CellParticipation(member=member, cell=cell, start_date=start_date or timezone.localdate())
    validate_and_save(participation)
    audit_change(actor=acting_user, obj=participation, before=None, after=snapshot(participation))
    return participation
