"""Writes for petitions: open a case, move it through the state machine, add a note.

Every write runs in one transaction, re-reads the case under `select_for_update`,
checks the move against workflow.TRANSITIONS and the acting user's capacity, and
writes exactly one CaseEvent. An illegal move raises before anything is written,
so it changes nothing: not the row, not the events, not the caller's instance.
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.assignments.models import HouseholdAssignment
from longdan.audit.services import audit_change, snapshot
from longdan.core.scoping import get_scope
from longdan.core.services import error, validate_and_save
from longdan.geo.models import Hamlet
from longdan.households.models import Household
from longdan.org.models import FIELD_UNIT_KINDS, Unit, UnitKind
from longdan.org.services import station_for_hamlet
from longdan.people.models import Member, MemberStatus
from longdan.rollup.services import rollup_bump

from .models import Case, CaseEvent, CaseState, ResponsibleBody, due_date
from .workflow import TRANSITIONS, Capacity, Transition, capacities, find_transition, transitions_named

TITLE_LENGTH = 200


def _member_of(user: Any) -> Member | None:
    try:
        return user.member
    except Member.DoesNotExist:
        return None


def _province_command_of(station: Unit) -> Unit | None:
    return station.ancestors().filter(kind=UnitKind.PROVINCE_COMMAND).first()


def _title_from(description: str) -> str:
    first_line = description.strip().splitlines()[0] if description.strip() else ""
    if len(first_line) <= TITLE_LENGTH:
        return first_line
    return first_line[: TITLE_LENGTH - 1].rstrip() + "…"


def _check_may_open(*, user: Any, station: Unit, household: Household | None) -> Member | None:
    """The command over the station, or a member: in charge of the household / of the station (hamlet)."""
    scope = get_scope(user)
    member = _member_of(user)
    if scope.everything or station.pk in scope.unit_ids:
        return member
    if scope.member_id is not None and member is not None:
        if household is not None:
            in_charge = HouseholdAssignment.objects.filter(
                household=household, member_id=scope.member_id, end_date__isnull=True
            ).exists()
            if in_charge:
                return member
        elif member.status == MemberStatus.ACTIVE and member.unit.path.startswith(station.path):
            return member
    raise PermissionDenied(
        _("Only the member in charge of the household or the station command may record its petitions.")
        if household is not None
        else _(
            "Only members and the command of the station responsible for this hamlet may record its petitions."
        )
    )


def _write_event(
    *, case: Case, from_state: str, to_state: str, actor: Any, note: str = "", reason: str = ""
) -> CaseEvent:
    event = CaseEvent(
        case=case,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        at=timezone.now(),
        note=note,
        reason=reason,
        station_id=case.station_id,
        province_command_id=case.province_command_id,
    )
    # The links come from rows already saved (the case, the logged-in user): not looked up again.
    event.full_clean(exclude=["case", "actor", "station", "province_command"])
    event.save()
    return event


@transaction.atomic
def case_open(
    *,
    category: str,
    description: str,
    acting_user: Any,
    household: Household | None = None,
    hamlet: Hamlet | None = None,
    title: str = "",
    received_on: date | None = None,
    source_visit: Any = None,
    source_meeting_issue: Any = None,
) -> Case:
    """Record a petition, in "received", with its first event.

    From a household, or from a hamlet when raised at a cell meeting (exactly one).
    The station, provincial command and commune are copied on at receipt and never
    follow the household afterwards; the due date comes from the category's deadline.
    """
    if (household is None) == (hamlet is None):
        raise error(_("A petition comes from a household or from a hamlet: choose one."))
    today = timezone.localdate()
    received_on = received_on or today
    if received_on > today:
        raise error(_("The date received cannot be in the future."), field="received_on")
    if household is not None:
        station = household.station
        commune_id = household.commune_id
    else:
        assert hamlet is not None
        found = station_for_hamlet(hamlet)
        if found is None:
            raise error(_("No station has this hamlet's commune in its area."), field="hamlet")
        station = found
        commune_id = hamlet.commune_id
    if station.kind not in FIELD_UNIT_KINDS:  # pragma: no cover - households belong to stations
        raise error(_("Petitions belong to a station or flotilla."))
    member = _check_may_open(user=acting_user, station=station, household=household)
    if source_visit is not None and (household is None or source_visit.household_id != household.pk):
        raise error(_("The visit was to another household."), field="source_visit")
    if source_meeting_issue is not None and (
        hamlet is None or source_meeting_issue.meeting.cell.hamlet_id != hamlet.pk
    ):
        raise error(_("The issue was raised at another hamlet's meeting."), field="source_meeting_issue")
    case = Case(
        household=household,
        hamlet=hamlet,
        category=category,
        title=title.strip() or _title_from(description),
        description=description,
        received_on=received_on,
        due_on=due_date(category=category, station_id=station.pk, start=received_on),
        state=CaseState.RECEIVED,
        state_changed_at=timezone.now(),
        recorded_by_member=member,
        recorded_by_user=acting_user,
        station=station,
        province_command=_province_command_of(station),
        commune_id=commune_id,
        source_visit=source_visit,
        source_meeting_issue=source_meeting_issue,
    )
    validate_and_save(case)
    audit_change(actor=acting_user, obj=case, before=None, after=snapshot(case))
    _write_event(case=case, from_state="", to_state=CaseState.RECEIVED, actor=acting_user)
    rollup_bump(station_id=case.station_id, day=received_on, cases_received=1)
    return case


_LINKS = [
    "household",
    "hamlet",
    "recorded_by_member",
    "recorded_by_user",
    "source_visit",
    "source_meeting_issue",
    "station",
    "province_command",
    "commune",
]
_WORKFLOW_FIELDS = [
    "state",
    "state_changed_at",
    "plan",
    "responsible_body",
    "responsible_body_name",
    "due_on",
]


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update().get(pk=case.pk)


def _no_business() -> PermissionDenied:
    return PermissionDenied(_("You have no part in this petition."))


def _refused(transition: Transition) -> PermissionDenied:
    who = {
        frozenset({Capacity.COMMAND}): _("Only the station command may do this."),
        frozenset({Capacity.MEMBER, Capacity.COMMAND}): _(
            "Only the member in charge of the household or the station command may do this."
        ),
        frozenset({Capacity.LIAISON, Capacity.COMMAND}): _(
            "Only the liaison of the commune the petition was referred to, or the station command, may do this."
        ),
    }
    return PermissionDenied(who.get(transition.capacities, _("You may not make this change.")))


@transaction.atomic
def case_transition(
    *,
    case: Case,
    to_state: str,
    acting_user: Any,
    note: str = "",
    reason: str = "",
    referred_to: str | None = None,
    referred_to_name: str = "",
    plan: str | None = None,
) -> CaseEvent:
    """Move `case` to `to_state` if the table allows it from its state and to the acting user.

    `plan` is required to plan (the command's decision), `referred_to` (a ResponsibleBody)
    to refer, `reason` to reject, withdraw and reopen. Raises PermissionDenied when the
    user may not make the move, ValidationError when the move or its input is wrong;
    in both cases nothing is written. On success the caller's `case` is refreshed.
    """
    locked = _lock(case)
    held = capacities(acting_user, locked)
    if not held:
        raise _no_business()
    # Whether the user could ever make this kind of move comes before whether the case is ready for it.
    towards = [t for t in TRANSITIONS if t.to_state == to_state]
    if towards and not any(t.allows(held) for t in towards):
        raise _refused(towards[0])
    transition = find_transition(locked.state, to_state)
    if transition is None:
        raise error(
            _("A petition that is “%(state)s” cannot be moved to “%(target)s”.")
            % {
                "state": CaseState(locked.state).label,
                "target": CaseState(to_state).label if to_state in CaseState.values else to_state,
            },
            code="illegal_transition",
        )
    if not transition.allows(held):
        raise _refused(transition)
    note, reason = note.strip(), reason.strip()
    if transition.reason_required and not reason:
        raise error(_("Give a reason."), field="reason", code="required")

    if to_state == CaseState.PLANNED:
        plan = (plan or "").strip()
        if not plan:
            raise error(_("Write down the command's decision and plan."), field="plan", code="required")
        locked.plan = plan
    elif plan:
        raise error(_("A plan is recorded only when the command decides."), field="plan")
    if to_state == CaseState.REFERRED:
        if not referred_to:
            raise error(
                _("Choose the body the petition is referred to."), field="referred_to", code="required"
            )
        if referred_to not in ResponsibleBody.values:
            raise error(_("Choose a body from the list."), field="referred_to")
        if referred_to == ResponsibleBody.OTHER and not referred_to_name.strip():
            raise error(_("Name the agency."), field="referred_to_name", code="required")
        locked.responsible_body = referred_to
        locked.responsible_body_name = referred_to_name
    elif referred_to:
        raise error(_("A body is chosen only when the petition is referred."), field="referred_to")
    if transition.name == "reopen":
        # A reopened case is owed a fresh answer: the deadline runs again from today.
        locked.due_on = due_date(
            category=locked.category, station_id=locked.station_id, start=timezone.localdate()
        )

    before = snapshot(locked, _WORKFLOW_FIELDS)
    from_state = locked.state
    locked.state = to_state
    locked.state_changed_at = timezone.now()
    # Only the workflow's own fields change; the links were checked when the case was opened.
    locked.full_clean(exclude=_LINKS)
    locked.save(update_fields=[*_WORKFLOW_FIELDS, "updated_at"])
    audit_change(actor=acting_user, obj=locked, before=before, after=snapshot(locked, _WORKFLOW_FIELDS))
    event = _write_event(
        case=locked, from_state=from_state, to_state=to_state, actor=acting_user, note=note, reason=reason
    )
    rollup_bump(
        station_id=locked.station_id, day=event.at, cases_resolved=int(to_state == CaseState.RESOLVED)
    )
    case.refresh_from_db()
    return event


@transaction.atomic
def case_add_note(*, case: Case, acting_user: Any, note: str) -> CaseEvent:
    """Add a note without moving the case (e.g. the commune reporting progress); one event, state unchanged."""
    locked = _lock(case)
    if not capacities(acting_user, locked):
        raise _no_business()
    note = note.strip()
    if not note:
        raise error(_("Write the note."), field="note", code="required")
    return _write_event(
        case=locked, from_state=locked.state, to_state=locked.state, actor=acting_user, note=note
    )


# Named wrappers: what callers read in views, the demo and other apps.


def case_propose(*, case: Case, acting_user: Any, note: str = "") -> CaseEvent:
    """The member (or the command itself) puts the petition before the station command."""
    return case_transition(case=case, to_state=CaseState.PROPOSED, acting_user=acting_user, note=note)


def case_plan(*, case: Case, acting_user: Any, plan: str, note: str = "") -> CaseEvent:
    """The station command decides what to do and how."""
    return case_transition(
        case=case, to_state=CaseState.PLANNED, acting_user=acting_user, plan=plan, note=note
    )


def case_refer(
    *, case: Case, acting_user: Any, referred_to: str, referred_to_name: str = "", note: str = ""
) -> CaseEvent:
    """The command hands the petition to the body responsible for it."""
    return case_transition(
        case=case,
        to_state=CaseState.REFERRED,
        acting_user=acting_user,
        referred_to=referred_to,
        referred_to_name=referred_to_name,
        note=note,
    )


def case_resolve(*, case: Case, acting_user: Any, note: str = "") -> CaseEvent:
    """The responsible body has settled it (recorded by the commune liaison or the command)."""
    return case_transition(case=case, to_state=CaseState.RESOLVED, acting_user=acting_user, note=note)


def case_answer(*, case: Case, acting_user: Any, note: str = "") -> CaseEvent:
    """The member has told the household the outcome."""
    return case_transition(case=case, to_state=CaseState.ANSWERED, acting_user=acting_user, note=note)


def case_close(*, case: Case, acting_user: Any, note: str = "") -> CaseEvent:
    return case_transition(case=case, to_state=CaseState.CLOSED, acting_user=acting_user, note=note)


def case_reject(*, case: Case, acting_user: Any, reason: str, note: str = "") -> CaseEvent:
    """The command will not take it up (not within its remit, unfounded, a duplicate); the reason is kept."""
    return case_transition(
        case=case, to_state=CaseState.REJECTED, acting_user=acting_user, reason=reason, note=note
    )


def case_withdraw(*, case: Case, acting_user: Any, reason: str, note: str = "") -> CaseEvent:
    """The household no longer asks; the reason is kept."""
    return case_transition(
        case=case, to_state=CaseState.WITHDRAWN, acting_user=acting_user, reason=reason, note=note
    )


def case_reopen(
    *, case: Case, acting_user: Any, reason: str, to_state: str = CaseState.RECEIVED, note: str = ""
) -> CaseEvent:
    """Take a finished (or disputed resolved) case up again, back to "received" or straight to the command."""
    if to_state not in {t.to_state for t in transitions_named("reopen")}:
        raise error(_("A petition is reopened as received or as proposed to the command."), field="to_state")
    return case_transition(case=case, to_state=to_state, acting_user=acting_user, reason=reason, note=note)
