"""The household card's timeline and its other cross-app parts (actions, support received).

Households sit below field work, petitions, tips and support in the layers (DESIGN.md), so
what gathers from all of them lives here, in the page layer, and the card's view calls it.

Every source is read through its own `visible_to(user)` — the one access rule — and with a
fixed number of queries whatever the number of entries: one per kind (plus the members present
at visits), each limited to the newest rows the page shows, then merged in Python.

Tips carry their source household only inside the encrypted `source`, never as a link. For a
user who may see tips, the tips of the household's station (or their own) are read and matched on
the decrypted household id, and shown as a stub — category and date, never the content or the
source note; the stub links to the tip page, which asks for a reason before opening it.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from longdan.assignments.models import HouseholdAssignment
from longdan.cases.models import Case, CaseEvent
from longdan.fieldwork.models import Visit
from longdan.fieldwork.selectors import may_record_for_household
from longdan.fieldwork.selectors.visits import presence_prefetch
from longdan.households.models import Household, PovertyAssessment
from longdan.intel.models import Tip
from longdan.intel.selectors import has_tip_role
from longdan.support.models import Benefit
from longdan.support.selectors import benefits_of_household, loan_next_steps

PAGE_SIZE = 30
MAX_PAGES = 20

# The kinds, in the order of the filter; "tip" is offered only to those who may see tips.
KINDS: list[tuple[str, Any]] = [
    ("visit", _("Visits")),
    ("petition", _("Petitions")),
    ("support", _("Support")),
    ("poverty", _("Poverty status")),
    ("assignment", _("Members in charge")),
    ("tip", _("Tips")),
]
KIND_KEYS = [key for key, _label in KINDS]


@dataclass(frozen=True)
class Entry:
    """One line of the timeline. `obj` is the record the template draws; `step` tells an assignment's start from its end."""

    kind: str
    at: datetime
    obj: Any
    dated_only: bool = False
    step: str = ""


@dataclass(frozen=True)
class Timeline:
    entries: list[Entry]
    kinds: list[tuple[str, Any]]
    selected: str
    more: int
    has_more: bool


@dataclass(frozen=True)
class CardExtras:
    """What the household card shows beyond the household app: the timeline, support received, actions."""

    timeline: Timeline
    benefits: list[tuple[Benefit, list[Any]]] = field(default_factory=list)
    may_record: bool = False


def _day(value: date) -> datetime:
    """A date as the start of that day in Vietnam, to sort among timed entries."""
    return timezone.make_aware(datetime.combine(value, time.min))


def _visits(user: Any, household: Household, limit: int) -> list[Entry]:
    visits = (
        Visit.objects.visible_to(user)
        .filter(household=household)
        .prefetch_related(presence_prefetch())
        .order_by("-visited_at", "-id")[:limit]
    )
    return [Entry("visit", visit.visited_at, visit) for visit in visits]


def _petition_events(user: Any, household: Household, limit: int) -> list[Entry]:
    cases = Case.objects.visible_to(user).filter(household=household)
    events = (
        CaseEvent.objects.filter(case__in=cases)
        .select_related("case", "actor", "actor__member")
        .order_by("-at", "-id")[:limit]
    )
    return [Entry("petition", event.at, event) for event in events]


def _benefits(user: Any, household: Household, limit: int) -> list[Entry]:
    benefits = (
        Benefit.objects.visible_to(user)
        .filter(household=household)
        .select_related("program", "resident", "event")
        .order_by("-given_on", "-id")[:limit]
    )
    return [Entry("support", _day(b.given_on), b, dated_only=True) for b in benefits]


def _assessments(user: Any, household: Household) -> list[Entry]:
    # A household has a few assessments in its life: all of them, no limit needed.
    assessments = PovertyAssessment.objects.visible_to(user).filter(household=household)
    return [Entry("poverty", _day(a.assessed_on), a, dated_only=True) for a in assessments]


def _assignments(user: Any, household: Household) -> list[Entry]:
    # Few per household too; each gives its start and, when closed, its end.
    entries = []
    for assignment in (
        HouseholdAssignment.objects.visible_to(user).filter(household=household).select_related("member")
    ):
        entries.append(
            Entry("assignment", _day(assignment.start_date), assignment, dated_only=True, step="start")
        )
        if assignment.end_date:
            entries.append(
                Entry("assignment", _day(assignment.end_date), assignment, dated_only=True, step="end")
            )
    return entries


def _tips(user: Any, household: Household, limit: int) -> list[Entry]:
    """Stubs of the tips heard from this household that `user` may see (see the module's docstring)."""
    tips = (
        Tip.objects.visible_to(user)
        .filter(Q(station_id=household.station_id) | Q(recorded_by=user))
        .only("id", "category", "received_at", "status", "source")
        .order_by("-received_at", "-id")
    )
    entries = []
    for tip in tips.iterator(chunk_size=500):
        if _source_household_id(tip) == household.pk:
            # Only what the stub shows: the content is deferred and the source stays in this function.
            stub = Tip(id=tip.pk, category=tip.category, received_at=tip.received_at, status=tip.status)
            entries.append(Entry("tip", tip.received_at, stub))
            if len(entries) >= limit:
                break
    return entries


def _source_household_id(tip: Tip) -> int | None:
    try:
        return json.loads(tip.source).get("household_id") if tip.source else None
    except ValueError:
        return None


def household_timeline(
    *, user: Any, household: Household, kinds: set[str] | None = None, more: int = 1
) -> Timeline:
    """The household's history, newest first: visits, petitions and their events, support, poverty assessments,
    members taking charge and handing over, and — for those who may see them — stubs of tips.

    `kinds` narrows it to some of KIND_KEYS; `more` shows that many pages of PAGE_SIZE entries.
    """
    offered = [(key, label) for key, label in KINDS if key != "tip" or has_tip_role(user)]
    wanted = {key for key in (kinds or set()) if key in KIND_KEYS} or set(KIND_KEYS)
    more = min(max(more, 1), MAX_PAGES)
    limit = PAGE_SIZE * more
    fetch = limit + 1  # one more than shown tells whether there is more
    entries: list[Entry] = []
    if "visit" in wanted:
        entries += _visits(user, household, fetch)
    if "petition" in wanted:
        entries += _petition_events(user, household, fetch)
    if "support" in wanted:
        entries += _benefits(user, household, fetch)
    if "poverty" in wanted:
        entries += _assessments(user, household)
    if "assignment" in wanted:
        entries += _assignments(user, household)
    if "tip" in wanted:
        entries += _tips(user, household, fetch)
    # Newest first; on the same instant, a petition's steps keep their order (higher id is later).
    entries.sort(key=lambda e: (e.at, getattr(e.obj, "pk", 0) or 0), reverse=True)
    selected = next(iter(wanted)) if len(wanted) == 1 else ""
    return Timeline(
        entries=entries[:limit], kinds=offered, selected=selected, more=more, has_more=len(entries) > limit
    )


def household_card_extras(*, user: Any, household: Household, kind: str = "", more: Any = None) -> CardExtras:
    """The timeline (filtered by `kind` from the query string), the support received, and whether the user
    may record things for the household (the action buttons, the loan steps)."""
    try:
        pages = int(more) if more else 1
    except (TypeError, ValueError):
        pages = 1
    timeline = household_timeline(user=user, household=household, kinds={kind} if kind else None, more=pages)
    may_record = may_record_for_household(user, household)
    benefits = [(benefit, loan_next_steps(benefit)) for benefit in benefits_of_household(household)]
    return CardExtras(timeline=timeline, benefits=benefits, may_record=may_record)
