"""The petition state machine as one table, and who a user is with respect to one case.

The table is the single statement of the rules: the services enforce it, the pages
draw their buttons from it and the tests walk every (state, transition, role) in it.
A transition is identified by its (from state, to state) pair; no two rows share one.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from longdan.assignments.models import HouseholdAssignment
from longdan.core.scoping import get_scope

from .models import COMMUNE_BODIES, OPEN_STATES, Case, CaseState


class Capacity(StrEnum):
    """In what capacity a user acts on a case (derived from their grants; not an account role)."""

    MEMBER = "member"  # the field member in charge of the household (or who recorded a hamlet case)
    COMMAND = "command"  # station command, or a province command / HQ above the case's station
    LIAISON = "liaison"  # commune liaison, for a case referred to a body of their commune


@dataclass(frozen=True)
class Transition:
    name: str
    from_states: frozenset[str]
    to_state: str
    capacities: frozenset[Capacity]
    label: str | Promise
    reason_required: bool = False
    # Destructive moves end the case's handling; the form asks the user to confirm.
    destructive: bool = False

    def allows(self, capacities: set[Capacity] | frozenset[Capacity]) -> bool:
        return bool(self.capacities & set(capacities))


S = CaseState
M, C, L = Capacity.MEMBER, Capacity.COMMAND, Capacity.LIAISON

TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        "propose", frozenset({S.RECEIVED}), S.PROPOSED, frozenset({M, C}), _("Propose to the command")
    ),
    Transition("plan", frozenset({S.PROPOSED}), S.PLANNED, frozenset({C}), _("Decide and plan")),
    Transition(
        "refer", frozenset({S.PLANNED}), S.REFERRED, frozenset({C}), _("Refer to the responsible body")
    ),
    # The command may record the result too: the body may be the station itself or an
    # agency without an account, and a commune without a liaison must not block the case.
    Transition("resolve", frozenset({S.REFERRED}), S.RESOLVED, frozenset({L, C}), _("Mark resolved")),
    Transition(
        "answer",
        frozenset({S.RESOLVED}),
        S.ANSWERED,
        frozenset({M, C}),
        _("Record the answer to the household"),
    ),
    Transition("close", frozenset({S.ANSWERED}), S.CLOSED, frozenset({C}), _("Close")),
    Transition(
        "reject", OPEN_STATES, S.REJECTED, frozenset({C}), _("Reject"), reason_required=True, destructive=True
    ),
    Transition(
        "withdraw",
        OPEN_STATES,
        S.WITHDRAWN,
        frozenset({M, C}),
        _("Withdraw (the household no longer asks)"),
        reason_required=True,
        destructive=True,
    ),
    Transition(
        "reopen",
        frozenset({S.CLOSED, S.REJECTED, S.WITHDRAWN, S.RESOLVED}),
        S.RECEIVED,
        frozenset({C}),
        _("Reopen"),
        reason_required=True,
    ),
    Transition(
        "reopen",
        frozenset({S.CLOSED, S.REJECTED, S.WITHDRAWN, S.RESOLVED}),
        S.PROPOSED,
        frozenset({C}),
        _("Reopen and put to the command"),
        reason_required=True,
    ),
)

TRANSITION_NAMES = tuple(dict.fromkeys(t.name for t in TRANSITIONS))


def find_transition(from_state: str, to_state: str) -> Transition | None:
    for transition in TRANSITIONS:
        if from_state in transition.from_states and transition.to_state == to_state:
            return transition
    return None


def transitions_named(name: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.name == name]


def capacities(user: Any, case: Case) -> frozenset[Capacity]:
    """What `user` is with respect to `case` today; empty when they have no business with it.

    At most one query (the member's open assignment on the household).
    """
    scope = get_scope(user)
    found: set[Capacity] = set()
    if scope.everything or case.station_id in scope.unit_ids:
        found.add(Capacity.COMMAND)
    if case.commune_id in scope.commune_ids and case.responsible_body in COMMUNE_BODIES:
        found.add(Capacity.LIAISON)
    if scope.member_id is not None and _is_members_case(scope.member_id, case):
        found.add(Capacity.MEMBER)
    return frozenset(found)


def _is_members_case(member_id: int, case: Case) -> bool:
    """In charge of the household now; for a hamlet case (no household), the member who recorded it."""
    if case.household_id is None:
        return case.recorded_by_member_id == member_id
    return HouseholdAssignment.objects.filter(
        household_id=case.household_id, member_id=member_id, end_date__isnull=True
    ).exists()


def available_transitions(user: Any, case: Case) -> list[Transition]:
    """The moves `user` may make on `case` now, in table order (for the buttons on the page)."""
    held = capacities(user, case)
    return [t for t in TRANSITIONS if case.state in t.from_states and t.allows(held)]
