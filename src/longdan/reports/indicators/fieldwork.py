"""Field work: visits, households visited within their cadence, hamlet cell meetings."""

from collections import defaultdict
from types import SimpleNamespace
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.utils import timezone

from longdan.fieldwork.cadence import cadence_class, cadences_for, due_on
from longdan.fieldwork.models import CellMeeting, Visit

from ..periods import Period
from ..scope import ReportScope
from ._common import end_of_day, percent, primary_open_on
from .coverage import households_in_scope, registered_households
from .poverty import categories_on


def visits_queryset(scope: ReportScope, period: Period) -> QuerySet[Visit]:
    """Visits attributed to a station of the scope (or to a household of its communes) in the period."""
    start, end = period.bounds()
    visits = Visit.objects.filter(visited_at__gte=start, visited_at__lt=end).order_by()
    return scope.filter_events(visits, commune="household__commune_id")


def visits(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Visits in the period.

    - visits: Visit rows whose station at the time is in the scope (for a commune scope:
      whose household is in one of its communes) and whose `visited_at` falls on a local
      day of the period (23:30 on the last day of the month counts for that month);
    - households_visited: distinct households among those visits;
    - per_household_per_month: visits ÷ households of the scope in the register on the as-of
      day (`households_in_scope`) ÷ months in the period (`Period.month_count`), two decimals; None without households.
    """
    counts = visits_queryset(scope, period).aggregate(
        visits=Count("*"), households=Count("household_id", distinct=True)
    )
    households = households_in_scope(scope, period)
    per = round(counts["visits"] / households / period.month_count, 2) if households else None
    return {
        "visits": counts["visits"],
        "households_visited": counts["households"],
        "households": households,
        "per_household_per_month": per,
    }


def visits_by_station(scope: ReportScope, period: Period) -> dict[int, dict[str, int]]:
    rows = (
        visits_queryset(scope, period)
        .values("station_id")
        .annotate(visits=Count("*"), households_visited=Count("household_id", distinct=True))
    )
    return {
        row["station_id"]: {"visits": row["visits"], "households_visited": row["households_visited"]}
        for row in rows
    }


def _cadence_standing(scope: ReportScope, period: Period) -> dict[int, list[int]]:
    """Per station of the households: [households, within cadence] on the as-of day."""
    as_of = period.as_of()
    last_visit = (
        Visit.objects.filter(household_id=OuterRef("pk"), visited_at__lt=end_of_day(as_of))
        .order_by("-visited_at")
        .values("visited_at")[:1]
    )
    since = (
        primary_open_on(as_of)
        .filter(household_id=OuterRef("pk"))
        .order_by("-start_date")
        .values("start_date")[:1]
    )
    rows = list(
        registered_households(scope, as_of)
        .annotate(last_visited_at=Subquery(last_visit), primary_since=Subquery(since))
        .values_list(
            "pk",
            "station_id",
            "priority",
            "poverty_category",
            "poverty_assessed_on",
            "created_at",
            "last_visited_at",
            "primary_since",
        )
    )
    # The category in force on the as-of day; the household's own field unless reassessed since.
    reassessed = categories_on([row[0] for row in rows if row[4] is not None and row[4] > as_of], as_of)
    cadences = cadences_for({row[1] for row in rows})
    standing: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for pk, station_id, priority, category, assessed_on, created_at, last_visited_at, primary_since in rows:
        if assessed_on is not None and assessed_on > as_of:
            category = reassessed.get(pk, "")
        klass = cadence_class(SimpleNamespace(priority=priority, poverty_category=category))
        due = due_on(
            last_visited_at=last_visited_at,
            since=primary_since or timezone.localdate(created_at),
            days=cadences[station_id].days(klass),
        )
        counts = standing[station_id]
        counts[0] += 1
        if due >= as_of:
            counts[1] += 1
    return standing


def visited_within_cadence(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Households visited within their cadence on the as-of day (the period's last day, or today if earlier).

    The fieldwork rule of the station's coverage page, read on the as-of day D: a household
    of the scope is within its cadence when it is not overdue on D, i.e. D ≤ its due date,
    where the due date is the local day of its last visit on or before D plus the cadence
    days of its class at its station (VisitCadence, else the defaults 7 / 14 / 30): a
    priority household; a poor or near-poor one (poverty category in force on D); others.
    A household never visited by D is due from the start of the primary assignment in force
    on D, else from the day it was registered. households: those in the register on D
    (`registered_households`); percent = 100 × within / households.
    """
    standing = _cadence_standing(scope, period)
    households = sum(counts[0] for counts in standing.values())
    within = sum(counts[1] for counts in standing.values())
    return {
        "as_of": period.as_of().isoformat(),
        "households": households,
        "within": within,
        "percent": percent(within, households),
    }


def cadence_by_station(scope: ReportScope, period: Period) -> dict[int, dict[str, int]]:
    return {
        station_id: {"households": counts[0], "within_cadence": counts[1]}
        for station_id, counts in _cadence_standing(scope, period).items()
    }


def meetings_queryset(scope: ReportScope, period: Period) -> QuerySet[CellMeeting]:
    meetings = CellMeeting.objects.filter(held_on__gte=period.start, held_on__lte=period.end).order_by()
    return scope.filter_events(meetings)


def cell_meetings(scope: ReportScope, period: Period) -> dict[str, int]:
    """Hamlet cell meetings in the period.

    - held: CellMeeting rows of a station in the scope (or held in one of its communes)
      with `held_on` in the period;
    - attendances: station members attending them, one per member per meeting;
    - members_attending: distinct members who attended at least one of them.
    """
    meetings = meetings_queryset(scope, period)
    attendance = CellMeeting.attendees.through.objects.filter(cellmeeting__in=meetings).aggregate(
        attendances=Count("*"), members=Count("member_id", distinct=True)
    )
    return {
        "held": meetings.count(),
        "attendances": attendance["attendances"],
        "members_attending": attendance["members"],
    }


__all__ = [
    "cadence_by_station",
    "cell_meetings",
    "meetings_queryset",
    "visited_within_cadence",
    "visits",
    "visits_by_station",
    "visits_queryset",
]
