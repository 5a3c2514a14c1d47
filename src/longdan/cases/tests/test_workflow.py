"""The state machine, walked over every (state, transition, role): allowed moves succeed with one event,
every other one raises and changes nothing.

The expected rules are written out here from the specification, not read from
workflow.TRANSITIONS, so a wrong row in the table fails a test.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from longdan.cases.models import Case, CaseState
from longdan.cases.services import case_transition
from longdan.cases.workflow import TRANSITIONS, Capacity
from longdan.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db

OPEN = {"received", "proposed", "planned", "referred", "resolved"}
DONE = {"closed", "rejected", "withdrawn", "resolved"}

# name, from states, to state, capacities that may, reason required
SPEC = [
    ("propose", {"received"}, "proposed", {"member", "command"}, False),
    ("plan", {"proposed"}, "planned", {"command"}, False),
    ("refer", {"planned"}, "referred", {"command"}, False),
    ("resolve", {"referred"}, "resolved", {"liaison", "command"}, False),
    ("answer", {"resolved"}, "answered", {"member", "command"}, False),
    ("close", {"answered"}, "closed", {"command"}, False),
    ("reject", OPEN, "rejected", {"command"}, True),
    ("withdraw", OPEN, "withdrawn", {"member", "command"}, True),
    ("reopen", DONE, "received", {"command"}, True),
    ("reopen", DONE, "proposed", {"command"}, True),
]

# The capacity each test user holds over a case of household_a referred to the commune's People's Committee.
CAPACITY_OF = {
    "member": "member",
    "other_member": None,
    "commander": "command",
    "province": "command",
    "liaison": "liaison",
    "commander_b": None,
    "liaison_b": None,
}


def test_the_table_is_the_specification():
    table = [
        (t.name, set(t.from_states), t.to_state, {str(c) for c in t.capacities}, t.reason_required)
        for t in TRANSITIONS
    ]
    assert table == SPEC


def test_no_two_transitions_share_a_from_and_to_state():
    pairs = [(state, t.to_state) for t in TRANSITIONS for state in t.from_states]
    assert len(pairs) == len(set(pairs))


def _inputs(to_state):
    """What a move needs besides the target state and the reason."""
    return {
        "planned": {"plan": "Đồn phối hợp UBND xã hướng dẫn hồ sơ vay vốn."},
        "referred": {"referred_to": "commune_committee", "referred_to_name": "UBND xã Vĩnh Hải"},
    }.get(to_state, {})


def _may(capacity, state, to_state):
    """The specification's answer: the row for (state → to_state), if any, names the capacity."""
    return any(state in row[1] and row[2] == to_state and capacity in row[3] for row in SPEC)


def _expected_error(capacity, state, to_state):
    """PermissionDenied for a user who may never make a move to `to_state` (or has no part in the case);
    ValidationError for one who may, but not from `state`."""
    if capacity is None or not any(capacity in row[3] for row in SPEC if row[2] == to_state):
        return PermissionDenied
    rows = [row for row in SPEC if row[2] == to_state and state in row[1]]
    return PermissionDenied if rows and capacity not in rows[0][3] else ValidationError


def _snapshot(case):
    case.refresh_from_db()
    return (case.state, case.plan, case.responsible_body, case.due_on, case.events.count())


TARGETS = sorted({row[2] for row in SPEC})


@pytest.mark.parametrize("state", CaseState.values)
def test_every_move_for_every_role(world, actors, subtests, state):
    """From `state`, every target for every kind of user: the specification's rows name who may.

    One world per state; a fresh case after each move that succeeded (a refused one changed nothing).
    """
    case = None
    for to_state in TARGETS:
        for role, user in actors.items():
            with subtests.test(to_state=to_state, role=role):
                if case is None or case.state != state:  # a move (expected or not) used it up
                    case = CaseFactory(
                        household=world.household_a,
                        state=state,
                        responsible_body="commune_committee",
                        recorded_by_user=world.member_user,
                    )
                before = _snapshot(case)
                # A reason is always given here: whether one is required is tested on its own below.
                kwargs = {**_inputs(to_state), "reason": "Lý do ghi rõ"}
                capacity = CAPACITY_OF[role]
                if _may(capacity, state, to_state):
                    event = case_transition(
                        case=case, to_state=to_state, acting_user=user, note="ghi chú", **kwargs
                    )
                    assert case.state == to_state
                    assert case.events.count() == before[-1] + 1
                    assert (event.from_state, event.to_state, event.actor) == (state, to_state, user)
                    assert (event.note, event.reason) == ("ghi chú", "Lý do ghi rõ")
                    assert event.station_id == world.station_a.pk
                    assert Case.objects.get(pk=case.pk).state == to_state
                else:
                    with pytest.raises(_expected_error(capacity, state, to_state)):
                        case_transition(case=case, to_state=to_state, acting_user=user, **kwargs)
                    assert _snapshot(case) == before
                    assert case.state == state  # the caller's instance is untouched too


@pytest.mark.parametrize(("name", "from_states", "to_state", "allowed", "needs_reason"), SPEC)
def test_a_reason_is_required_where_the_table_says(world, name, from_states, to_state, allowed, needs_reason):
    state = sorted(from_states)[0]
    case = CaseFactory(household=world.household_a, state=state, responsible_body="commune_committee")
    before = _snapshot(case)
    if needs_reason:
        with pytest.raises(ValidationError) as caught:
            case_transition(
                case=case, to_state=to_state, acting_user=world.commander_a, reason="  ", **_inputs(to_state)
            )
        assert "reason" in caught.value.message_dict
        assert _snapshot(case) == before
    else:
        case_transition(case=case, to_state=to_state, acting_user=world.commander_a, **_inputs(to_state))
        assert case.events.count() == before[-1] + 1


def test_capacities_of_the_test_users(world, actors):
    from longdan.cases.workflow import capacities

    case = CaseFactory(household=world.household_a, state="referred", responsible_body="commune_committee")
    found = {role: capacities(user, case) for role, user in actors.items()}
    assert found == {role: frozenset({Capacity(c)}) if c else frozenset() for role, c in CAPACITY_OF.items()}


def test_every_state_is_reachable_and_every_open_state_can_end():
    reachable = {"received"} | {t.to_state for t in TRANSITIONS}
    assert reachable == set(CaseState.values)
    ends = {t.to_state for t in TRANSITIONS if t.destructive}
    for state in OPEN:
        assert ends <= {t.to_state for t in TRANSITIONS if state in t.from_states}
