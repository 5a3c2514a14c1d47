"""Reads for petitions. Every list starts from Case.objects.visible_to(user) (or from one member's own cases)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Case as SqlCase
from django.db.models import Count, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from longdan.core.scoping import get_scope
from longdan.geo.models import Hamlet
from longdan.org.models import FIELD_UNIT_KINDS, Unit
from longdan.people.models import Member

from .models import (
    COMMUNE_BODIES,
    OPEN_STATES,
    REFERRED_ONWARD_STATES,
    Case,
    CaseEvent,
    CaseQuerySet,
    CaseState,
)
from .workflow import Transition, available_transitions

# What a list row shows; one join per name, never a query per row.
_LIST_RELATED = ("household", "hamlet", "commune", "station", "recorded_by_member")


def get_case_for_user(*, user: Any, pk: Any) -> Case:
    """The case if `user` may see it; 404 both for "no such case" and "not yours"."""
    try:
        return (
            Case.objects.visible_to(user)
            .select_related(*_LIST_RELATED, "household__hamlet", "recorded_by_user")
            .get(pk=pk)
        )
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@dataclass(frozen=True)
class BoardColumn:
    state: str
    label: str
    count: int
    overdue: int


@dataclass
class CasesBoard:
    """Counts per state (all states, under the filters other than state) and the filtered cases to page through."""

    columns: list[BoardColumn]
    total: int
    overdue: int
    cases: QuerySet[Case]
    today: date
    filters: dict[str, Any] = field(default_factory=dict)


def cases_board(
    *,
    user: Any,
    station: Any = None,
    state: str | None = None,
    category: str | None = None,
    overdue: bool = False,
    member: Member | None = None,
    today: date | None = None,
    narrow: Callable[[CaseQuerySet], CaseQuerySet] | None = None,
) -> CasesBoard:
    """The command's petitions board: how many cases stand in each state, and the ones the filters pick.

    Two queries whatever the number of cases: one aggregate for the counts, and the
    list (with its joins) when the page evaluates it. `narrow`, when given, narrows the
    visible cases before anything is counted (a drill-down from a report's figure).
    """
    today = today or timezone.localdate()
    base = Case.objects.visible_to(user)
    if narrow is not None:
        base = narrow(base)
    if station is not None:
        base = base.filter(station=station)
    if category:
        base = base.filter(category=category)
    if member is not None:
        base = base.of_member(member.pk)
    if overdue:
        base = base.overdue(today)
    late = Q(state__in=OPEN_STATES, due_on__lt=today)
    counts: dict[str, tuple[int, int]] = {
        row["state"]: (row["n"], row["late"])
        for row in base.order_by().values("state").annotate(n=Count("id"), late=Count("id", filter=late))
    }
    columns = [
        BoardColumn(
            state=value,
            label=str(label),
            count=counts.get(value, (0, 0))[0],
            overdue=counts.get(value, (0, 0))[1],
        )
        for value, label in CaseState.choices
    ]
    cases = base.filter(state=state) if state else base
    cases = cases.select_related(*_LIST_RELATED).order_by("due_on", "id")
    return CasesBoard(
        columns=columns,
        total=sum(c.count for c in columns),
        overdue=sum(c.overdue for c in columns),
        cases=cases,
        today=today,
        filters={
            "state": state,
            "category": category,
            "overdue": overdue,
            "member": member,
            "station": station,
        },
    )


def cases_waiting_for_member(*, member: Member) -> QuerySet[Case]:
    """Petitions of `member`'s households (and hamlet petitions they recorded) still waiting for an answer.

    For the member's "work today": resolved ones first — the member's move is to tell the
    household — then the rest by due date. Open states only; answered or finished cases drop out.
    """
    return (
        Case.objects.of_member(member.pk)
        .filter(state__in=OPEN_STATES)
        .annotate(
            member_turn=SqlCase(
                When(state=CaseState.RESOLVED, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .select_related(*_LIST_RELATED)
        .order_by("member_turn", "due_on", "id")
    )


def cases_for_commune(*, user: Any, state: str | None = None) -> QuerySet[Case]:
    """For a commune liaison: cases referred to a body of their communes, those waiting for them first.

    Empty for a user without communes (an administrator sees every commune's).
    """
    scope = get_scope(user)
    cases = Case.objects.visible_to(user).filter(
        responsible_body__in=COMMUNE_BODIES, state__in=REFERRED_ONWARD_STATES
    )
    if not scope.everything:
        cases = cases.filter(commune_id__in=scope.commune_ids)
    if state:
        cases = cases.filter(state=state)
    return (
        cases.annotate(
            waiting=SqlCase(
                When(state=CaseState.REFERRED, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .select_related(*_LIST_RELATED)
        .order_by("waiting", "due_on", "id")
    )


def case_timeline(case: Case) -> list[CaseEvent]:
    """The case's events in the order they happened, each with who made it."""
    return list(case.events.select_related("actor", "actor__member").order_by("at", "id"))


def case_actions(*, user: Any, case: Case) -> list[Transition]:
    """The transitions `user` may make on `case` now (the buttons on the case page)."""
    return available_transitions(user, case)


def hamlets_for_new_case(*, user: Any) -> QuerySet[Hamlet]:
    """Hamlets in the area of the stations `user` may record petitions for (command over it, or a member of it)."""
    scope = get_scope(user)
    if scope.everything:
        return Hamlet.objects.all()
    station_ids: set[int] = set(scope.unit_ids)
    if scope.member_id is not None:
        member = Member.objects.select_related("unit").get(pk=scope.member_id)
        station_ids |= set(member.unit.ancestors().values_list("id", flat=True))
    stations = Unit.objects.filter(pk__in=station_ids, kind__in=FIELD_UNIT_KINDS)
    return Hamlet.objects.filter(commune__area_links__unit__in=stations).distinct()


# The source links are foreign keys to the fieldwork app, on the same layer as this one:
# its models are reached through those keys rather than imported.
def visits_for_new_case(*, user: Any, household: Any) -> QuerySet:
    """Visits to `household` that `user` may see, to link a new petition to the visit it came from."""
    visit: Any = Case._meta.get_field("source_visit").related_model
    return visit.objects.visible_to(user).filter(household=household)


def meeting_issues_for_new_case(*, user: Any, hamlet: Hamlet) -> QuerySet:
    """Issues raised at meetings of `hamlet`'s cell that `user` may see, to turn one into a petition."""
    issue: Any = Case._meta.get_field("source_meeting_issue").related_model
    meeting: Any = issue._meta.get_field("meeting").related_model
    visible = meeting.objects.visible_to(user).filter(cell__hamlet=hamlet)
    return issue.objects.filter(meeting__in=visible)
