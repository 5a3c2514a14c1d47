"""Field work: visits, households visited within their cadence, hamlet cell meetings."""

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from longdan.fieldwork.cadence import _POOR as POOR_CATEGORIES
from longdan.fieldwork.cadence import DEFAULT_CADENCE, Cadence
from longdan.fieldwork.models import CellMeeting, Visit, VisitCadence
from longdan.households.models import Priority
from longdan.rollup.services import local_midnight

from ..periods import Period
from ..scope import ReportScope
from ._common import already_read, end_of_day, percent, primary_open_on, shared
from ._statements import statement_totals
from .coverage import households_in_scope, registered_households
from .poverty import category_then, poverty_key


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


def _within(scope: ReportScope, as_of: date) -> Q:
    """A household (annotated with `category_then`) visited recently enough on `as_of` for its cadence.

    Due date = local day of the last visit + days ≥ as_of  ⇔  a visit at or after local midnight
    of (as_of − days), and before the end of as_of. For a part of the country, one index probe
    per household on (household, visited_at), in the branch of its class only. For the whole
    country, the households visited in each window are read once, through the list of all
    stations so that the (station, visited_at, household) index serves it: PostgreSQL otherwise
    hashes the window from a scan of every visit (100,000 households: 1.8–2.0 s → 0.66–0.81 s
    of server CPU; no change on SQLite).
    """
    after = end_of_day(as_of)

    def visited_since(days: int) -> Q:
        since = local_midnight(as_of - timedelta(days=days))
        if scope.everything:
            visited = scope.filter_events(Visit.objects.filter(visited_at__gte=since, visited_at__lt=after))
            return Q(pk__in=visited.order_by().values("household_id"))
        return Q(
            Exists(
                Visit.objects.filter(household_id=OuterRef("pk"), visited_at__gte=since, visited_at__lt=after)
            )
        )

    priority = Q(priority=Priority.PRIORITY)
    poor = ~priority & Q(category_then__in=POOR_CATEGORIES)
    other = ~priority & ~Q(category_then__in=POOR_CATEGORIES)

    def rule(cadence: Cadence) -> Q:
        return (
            (priority & visited_since(cadence.priority_days))
            | (poor & visited_since(cadence.poor_days))
            | (other & visited_since(cadence.other_days))
        )

    # Stations with their own cadence (few), then every other station with the defaults.
    groups: dict[Cadence, list[int]] = defaultdict(list)
    for row in VisitCadence.objects.all():
        groups[Cadence.from_row(row)].append(row.station_id)
    custom = [station_id for ids in groups.values() for station_id in ids]
    condition = ~Q(station_id__in=custom) & rule(DEFAULT_CADENCE) if custom else rule(DEFAULT_CADENCE)
    for cadence, ids in groups.items():
        condition |= Q(station_id__in=ids) & rule(cadence)
    return condition


def _within_cadence(scope: ReportScope, as_of: date) -> Q:
    """A household (annotated with `category_then`) within its cadence on `as_of`: visited recently
    enough (`_within`), or never visited by then and due on that very day — the primary assignment
    in force started that day, or there is none and the household was registered that day or later
    (the fieldwork rule). The second test comes last, so it runs only for households not visited."""
    after = end_of_day(as_of)
    in_force = primary_open_on(as_of)
    never = ~Q(Exists(Visit.objects.filter(household_id=OuterRef("pk"), visited_at__lt=after)))
    due_that_day = Q(Exists(in_force.filter(household_id=OuterRef("pk"), start_date=as_of))) | (
        Q(created_at__gte=local_midnight(as_of)) & ~Q(Exists(in_force.filter(household_id=OuterRef("pk"))))
    )
    return _within(scope, as_of) | (never & due_that_day)


def cadence_by_member(scope: ReportScope, period: Period) -> dict[int | None, dict[str, int]]:
    """`visited_within_cadence`'s households and within, per member in charge on the as-of day (the
    member of the primary assignment in force then; None: households without one)."""
    as_of = period.as_of()
    member_then = (
        primary_open_on(as_of)
        .filter(household_id=OuterRef("pk"))
        .order_by("-start_date")
        .values("member_id")[:1]
    )
    rows = (
        registered_households(scope, as_of)
        .annotate(category_then=category_then(as_of), member_then=Subquery(member_then))
        .values("member_then")
        .annotate(households=Count("pk"), within=Count("pk", filter=_within_cadence(scope, as_of)))
    )
    return {
        row["member_then"]: {"households": row["households"], "within_cadence": row["within"]} for row in rows
    }


def _cadence_standing(scope: ReportScope, period: Period, *, by_station: bool) -> dict[Any, list[int]]:
    """[households, within cadence] on the as-of day by (station of the household or None, poverty
    category then), in one pass over the households.

    The poverty category then is read anyway (it decides the cadence class), so grouping by it
    also gives `poverty_status` its counts: computing all indicators, it reads them from here
    (`poverty_key`) instead of passing over the households again."""
    as_of = period.as_of()
    households = registered_households(scope, as_of).annotate(category_then=category_then(as_of))
    counts = {"households": Count("pk"), "within": Count("pk", filter=_within_cadence(scope, as_of))}
    keys = ["station_id", "category_then"] if by_station else ["category_then"]
    rows: Any = households.values(*keys).annotate(**counts)
    standing: dict[Any, list[int]] = {}
    categories: dict[str, int] = {}
    for row in rows:
        key = row["station_id"] if by_station else None
        totals = standing.setdefault(key, [0, 0])
        totals[0] += row["households"]
        totals[1] += row["within"]
        category = row["category_then"] or ""
        categories[category] = categories.get(category, 0) + row["households"]
    shared(poverty_key(scope, as_of), lambda: categories)
    return standing if by_station else {None: standing.get(None, [0, 0])}


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
    per_station = already_read(("cadence", scope, period.as_of()))
    if per_station is not None:  # a dashboard read it per station already: the same numbers, summed
        households = sum(counts["households"] for counts in per_station.values())
        within = sum(counts["within_cadence"] for counts in per_station.values())
    else:
        households, within = _cadence_standing(scope, period, by_station=False)[None]
    return {
        "as_of": period.as_of().isoformat(),
        "households": households,
        "within": within,
        "percent": percent(within, households),
    }


def cadence_by_station(scope: ReportScope, period: Period) -> dict[int, dict[str, int]]:
    return shared(("cadence", scope, period.as_of()), lambda: _cadence_by_station(scope, period))


def _cadence_by_station(scope: ReportScope, period: Period) -> dict[int, dict[str, int]]:
    return {
        station_id: {"households": counts[0], "within_cadence": counts[1]}
        for station_id, counts in _cadence_standing(scope, period, by_station=True).items()
        if station_id is not None
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
    held, attendances, members = statement_totals(
        ("cell_meetings", scope, period),
        lambda: meetings_queryset(scope, period),
        held=Count("pk", distinct=True),
        attendances=Count("attendees"),
        members=Count("attendees", distinct=True),
    )
    return {"held": held, "attendances": attendances, "members_attending": members}


__all__ = [
    "cadence_by_member",
    "cadence_by_station",
    "cell_meetings",
    "meetings_queryset",
    "visited_within_cadence",
    "visits",
    "visits_by_station",
    "visits_queryset",
]
