"""Work lists: who is due a visit, a member's work today, a station's work and coverage.

Each list is a fixed number of queries however many rows it holds; due and overdue are
computed on local dates (Asia/Ho_Chi_Minh) in Python from the last visit's instant.
"""

import importlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.apps import apps
from django.db.models import Exists, OuterRef, QuerySet, Subquery

from longdan.assignments.models import AssignmentQuerySet, AssignmentRole, HouseholdAssignment
from longdan.households.models import Household
from longdan.org.models import Unit
from longdan.people.models import Member, MemberStatus

from ..cadence import Cadence, cadence_class, cadences_for, due_on, local_day
from .visits import with_last_visit


@dataclass(frozen=True)
class DueHousehold:
    """A household on a work list, with where it stands against its cadence on `today`."""

    household: Household
    member: Member | None
    cadence_class: str
    cadence_days: int
    last_visited_at: datetime | None
    due_on: date
    days_overdue: int  # today − due date: negative when not yet due, 0 when due today

    @property
    def last_visited_on(self) -> date | None:
        return local_day(self.last_visited_at) if self.last_visited_at else None

    @property
    def is_due(self) -> bool:
        return self.days_overdue >= 0

    @property
    def is_overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def days_until_due(self) -> int:
        return -self.days_overdue


@dataclass(frozen=True)
class FollowUp:
    """A household whose latest visit asked for a follow-up on or before today (a later visit answers it)."""

    household: Household
    member: Member | None
    visit_id: int
    follow_up_on: date
    days_late: int


def _due(
    row: Any, *, household: Household, member: Member | None, since: date, today: date, cadences: dict
) -> DueHousehold:
    klass = cadence_class(household)
    days = cadences[household.station_id].days(klass)
    due = due_on(last_visited_at=row.last_visited_at, since=since, days=days)
    return DueHousehold(
        household=household,
        member=member,
        cadence_class=klass,
        cadence_days=days,
        last_visited_at=row.last_visited_at,
        due_on=due,
        days_overdue=(today - due).days,
    )


def _by_urgency(item: DueHousehold) -> tuple:
    # Most overdue first, then by hamlet so a member can plan one trip per hamlet, then by name.
    return (-item.days_overdue, item.household.hamlet.name_sort, item.household.name_sort, item.household.pk)


def _follow_up(row: Any, household: Household, member: Member | None, today: date) -> FollowUp | None:
    if row.last_follow_up_on is None or row.last_follow_up_on > today:
        return None
    return FollowUp(
        household=household,
        member=member,
        visit_id=row.last_visit_id,
        follow_up_on=row.last_follow_up_on,
        days_late=(today - row.last_follow_up_on).days,
    )


def open_primary_assignments() -> AssignmentQuerySet:
    return HouseholdAssignment.objects.filter(role=AssignmentRole.PRIMARY, end_date__isnull=True)


UPCOMING_DAYS = 7


@dataclass
class WorkToday:
    """What one member has to do today."""

    member: Member
    today: date
    # Every household in charge with where it stands, most urgent first.
    standing: list[DueHousehold]
    follow_ups: list[FollowUp]
    # Filled from the cases app when it is installed; None means "no petitions section".
    petitions: list | None = None

    @property
    def households(self) -> int:
        return len(self.standing)

    @property
    def due(self) -> list[DueHousehold]:
        return [item for item in self.standing if item.is_due]

    @property
    def upcoming(self) -> list[DueHousehold]:
        """Not yet due, but due within the next week."""
        return [item for item in self.standing if not item.is_due and item.days_until_due <= UPCOMING_DAYS]

    @property
    def overdue_count(self) -> int:
        return sum(1 for item in self.standing if item.is_overdue)


def _work_for_rows(
    rows: Iterable[HouseholdAssignment], today: date, cadences: dict, members: dict[int, Member]
) -> tuple[list[DueHousehold], list[FollowUp]]:
    standing: list[DueHousehold] = []
    follow_ups: list[FollowUp] = []
    for row in rows:
        member = members.get(row.member_id)
        standing.append(
            _due(
                row,
                household=row.household,
                member=member,
                since=row.start_date,
                today=today,
                cadences=cadences,
            )
        )
        follow_up = _follow_up(row, row.household, member, today)
        if follow_up is not None:
            follow_ups.append(follow_up)
    standing.sort(key=_by_urgency)
    follow_ups.sort(key=lambda f: (-f.days_late, f.household.hamlet.name_sort, f.household.name_sort))
    return standing, follow_ups


# The household columns a work list shows or computes with. Loading only these keeps a station's list
# of a thousand households light: no timestamps to convert, no notes, no sensitive fields.
_HOUSEHOLD_LIST_FIELDS = (
    "code",
    "head_name",
    "name_sort",
    "station",
    "priority",
    "poverty_category",
    "hamlet__name",
    "hamlet__name_sort",
)


def _assignment_rows(assignments: AssignmentQuerySet) -> list[HouseholdAssignment]:
    """Open primary assignments with their household, its hamlet and its last visit; unordered, since
    the lists are sorted in Python by how overdue each household is."""
    return list(
        with_last_visit(
            assignments.select_related("household__hamlet")
            .only("member", "start_date", *(f"household__{name}" for name in _HOUSEHOLD_LIST_FIELDS))
            .order_by(),
            "household_id",
        )
    )


def work_today(*, member: Member, today: date) -> WorkToday:
    """A member's work list: households due or overdue (most overdue first, then by hamlet), follow-ups due,
    and — when the cases app provides them — petitions of theirs waiting for an answer.

    A household never visited is due since the member took charge of it.
    """
    rows = _assignment_rows(open_primary_assignments().filter(member=member))
    cadences = cadences_for({row.household.station_id for row in rows})
    standing, follow_ups = _work_for_rows(rows, today, cadences, {member.pk: member})
    return WorkToday(
        member=member,
        today=today,
        standing=standing,
        follow_ups=follow_ups,
        petitions=petitions_waiting(member=member, today=today),
    )


# The cases app is written alongside this one; the work list asks it by name, so neither imports the other.
PETITIONS_HOOK = "longdan.cases.selectors"
PETITIONS_HOOK_FUNCTION = "cases_waiting_for_member"


def petitions_waiting(*, member: Member, today: date) -> list | None:
    """Petitions of `member` waiting for an answer, from `cases.selectors.cases_waiting_for_member(member=)`
    when the cases app is installed and provides it; None otherwise (the page hides the section).

    `today` is accepted for when the cases app wants it; its selector reads the clock itself today.
    """
    if not apps.is_installed("longdan.cases"):
        return None
    try:
        module = importlib.import_module(PETITIONS_HOOK)
    except ImportError:
        return None
    function = getattr(module, PETITIONS_HOOK_FUNCTION, None)
    if function is None:
        return None
    return list(function(member=member))


@dataclass
class MemberWork:
    """One member's line on the station's work page."""

    member: Member
    households: int = 0
    due: list[DueHousehold] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)

    @property
    def overdue_count(self) -> int:
        return sum(1 for item in self.due if item.is_overdue)

    @property
    def most_overdue(self) -> int:
        return max((item.days_overdue for item in self.due), default=0)


def active_station_members(user: Any, station: Unit) -> QuerySet[Member]:
    return Member.objects.visible_to(user).filter(
        unit__path__startswith=station.path, status=MemberStatus.ACTIVE
    )


def station_work(*, user: Any, station: Unit, today: date) -> list[MemberWork]:
    """Each active member of the station with their households due, overdue and follow-ups due.

    Members with the most overdue work come first. A fixed number of queries whatever the size of the station.
    """
    rows = _assignment_rows(open_primary_assignments().visible_to(user).filter(household__station=station))
    cadences = cadences_for([station.pk])
    members = {m.pk: m for m in active_station_members(user, station)}
    missing = {row.member_id for row in rows} - members.keys()
    if missing:  # in charge here, but now of another unit: still on the list
        members.update(Member.objects.in_bulk(missing))
    work = {member_id: MemberWork(member=member) for member_id, member in members.items()}
    by_member: dict[int, list[HouseholdAssignment]] = defaultdict(list)
    for row in rows:
        by_member[row.member_id].append(row)
    for member_id, member_rows in by_member.items():
        standing, follow_ups = _work_for_rows(member_rows, today, cadences, members)
        work[member_id].households = len(member_rows)
        work[member_id].due = [item for item in standing if item.is_due]
        work[member_id].follow_ups = follow_ups
    return sorted(
        work.values(),
        key=lambda w: (-w.overdue_count, -len(w.due), -len(w.follow_ups), w.member.name_sort),
    )


@dataclass
class Coverage:
    """Gaps in a station's coverage on `today`."""

    station: Unit
    today: date
    cadence: Cadence
    households_total: int
    within_cadence: int
    households_without_member: list[Household]
    members_without_household: list[Member]
    not_visited_in_cadence: list[DueHousehold]

    @property
    def percent_within_cadence(self) -> int:
        if not self.households_total:
            return 100
        return round(100 * self.within_cadence / self.households_total)


def coverage(*, user: Any, station: Unit, today: date) -> Coverage:
    """Households with no open primary member, active members in charge of no household, and households
    not visited within their cadence (a household never visited counts from its assignment, or from
    when it was registered if it has none). A fixed number of queries.
    """
    primary = open_primary_assignments().filter(household_id=OuterRef("pk"))
    households = list(
        with_last_visit(
            Household.objects.visible_to(user)
            .filter(station=station)
            .select_related("hamlet")
            .only("created_at", *_HOUSEHOLD_LIST_FIELDS)
            .order_by()
            .annotate(
                primary_member_id=Subquery(primary.values("member_id")[:1]),
                primary_since=Subquery(primary.values("start_date")[:1]),
            ),
            "pk",
        )
    )
    members = list(
        active_station_members(user, station).annotate(
            in_charge=Exists(open_primary_assignments().filter(member_id=OuterRef("pk")))
        )
    )
    by_id = {m.pk: m for m in members}
    missing = {h.primary_member_id for h in households if h.primary_member_id} - by_id.keys()
    if missing:  # members of another unit still in charge here
        by_id.update(Member.objects.in_bulk(missing))
    cadences = cadences_for([station.pk])
    without_member: list[Household] = []
    late: list[DueHousehold] = []
    within = 0
    for household in households:
        if household.primary_member_id is None:
            without_member.append(household)
        since = household.primary_since or local_day(household.created_at)
        item = _due(
            household,
            household=household,
            member=by_id.get(household.primary_member_id),
            since=since,
            today=today,
            cadences=cadences,
        )
        if item.is_overdue:
            late.append(item)
        else:
            within += 1
    late.sort(key=_by_urgency)
    without_member.sort(key=lambda h: (h.hamlet.name_sort, h.name_sort))
    return Coverage(
        station=station,
        today=today,
        cadence=cadences[station.pk],
        households_total=len(households),
        within_cadence=within,
        households_without_member=without_member,
        members_without_household=[m for m in members if not m.in_charge],
        not_visited_in_cadence=late,
    )
