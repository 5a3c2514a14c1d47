"""Petitions (cases): received, resolved, on time, overdue, by category, days to resolve."""

from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from longdan.cases.models import OPEN_STATES, Case, CaseEvent, CaseState, Category

from ..periods import Period
from ..scope import ReportScope
from ._common import DaysBetween, LocalDate, already_read, end_of_day, median_of, percent, shared
from ._statements import statement_rows, statement_totals


def received_queryset(scope: ReportScope, period: Period) -> QuerySet[Case]:
    cases = Case.objects.filter(received_on__gte=period.start, received_on__lte=period.end).order_by()
    return scope.filter_events(cases)


def petitions_received(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Petitions received: cases of a station of the scope (at receipt) or of one of its communes whose
    `received_on` is in the period; `by_category`: the same, per category (every category listed)."""
    by_category: dict[str, int] = dict.fromkeys(Category.values, 0)
    rows = statement_rows(
        ("petitions_received", scope, period),
        lambda: (
            received_queryset(scope, period)
            .values("category")
            .annotate(n=Count("*"))
            .values_list("category", "n")
        ),
    )
    for category, n in rows:
        by_category[category] = n
    return {"received": sum(by_category.values()), "by_category": by_category}


def resolutions_queryset(scope: ReportScope, period: Period) -> QuerySet[CaseEvent]:
    """Transitions into "resolved" in the period (a note on a resolved case is not one)."""
    start, end = period.bounds()
    events = (
        CaseEvent.objects.filter(to_state=CaseState.RESOLVED, at__gte=start, at__lt=end)
        .exclude(from_state=CaseState.RESOLVED)
        .order_by()
    )
    return scope.filter_events(events, commune="case__commune_id")


def petitions_resolved(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Petitions resolved in the period, and how fast.

    - resolved: transitions of a case of the scope into "resolved" whose time falls on a
      local day of the period (a case reopened and resolved again counts once per resolution);
    - on_time: those whose local day is on or before the case's due date (`due_on` as
      recorded now: reopening a case gives it a new due date);
    - on_time_percent: 100 × on_time / resolved, one decimal;
    - median_days: the median of (local day of the resolution − `received_on`) in days,
      None when nothing was resolved.
    """
    # Grouped by days taken in the database: a few dozen rows however many resolutions.
    rows = (
        resolutions_queryset(scope, period)
        .annotate(day=LocalDate("at"))
        .annotate(days=DaysBetween("day", "case__received_on"))
        .values("days")
        .annotate(n=Count("pk"), on_time=Count("pk", filter=Q(day__lte=F("case__due_on"))))
        .values_list("days", "n", "on_time")
    )
    histogram: dict[int, int] = {}
    on_time = 0
    for days, n, in_time in rows:
        histogram[days] = n
        on_time += in_time
    resolved = sum(histogram.values())
    return {
        "resolved": resolved,
        "on_time": on_time,
        "on_time_percent": percent(on_time, resolved),
        "median_days": median_of(histogram),
    }


def _overdue_parts(scope: ReportScope, period: Period) -> tuple[QuerySet[Case], QuerySet[Any]]:
    """The two reads behind `petitions_overdue`, each on its own index:

    - open now: cases open now, received by the as-of day D and due before it — (station, state, due_on);
    - changed since: the candidates (received by D, due before D) whose state changed after D —
      (station, state_changed_at); none when D is today — annotated with `state_then`, their state
      on D (the `to_state` of their last event before the end of D; none yet: "received", as a
      case recorded later with an earlier date received).

    Overdue = open now − (changed since and open now) + (changed since and open then).
    """
    as_of = period.as_of()
    after = end_of_day(as_of)
    candidates = scope.filter_events(Case.objects.filter(received_on__lte=as_of, due_on__lt=as_of).order_by())
    state_then = (
        CaseEvent.objects.filter(case_id=OuterRef("pk"), at__lt=after)
        .order_by("-at", "-id")
        .values("to_state")[:1]
    )
    changed = candidates.filter(state_changed_at__gte=after).annotate(
        state_then=Coalesce(Subquery(state_then), Value(CaseState.RECEIVED))
    )
    return candidates.filter(state__in=OPEN_STATES), changed


def overdue_queryset(scope: ReportScope, period: Period) -> tuple[QuerySet[Case], QuerySet[Any]]:
    """The records behind `petitions_overdue` (for lists): the open cases whose state has not changed
    since the as-of day, and the cases changed since that were open then (annotated `state_then`)."""
    open_now, changed = _overdue_parts(scope, period)
    unchanged = open_now.filter(state_changed_at__lt=end_of_day(period.as_of()))
    return unchanged, changed.filter(state_then__in=OPEN_STATES)


_CHANGED_COUNTS = {
    "open_now": Count("pk", filter=Q(state__in=OPEN_STATES)),
    "open_then": Count("pk", filter=Q(state_then__in=OPEN_STATES)),
}


def petitions_overdue(scope: ReportScope, period: Period) -> int:
    """Petitions overdue on the as-of day D (the period's last day, or today if earlier): cases of the
    scope received on or before D, due before D (`due_on` < D: a case due on D is not yet late), and
    open on D — their state then, the `to_state` of their last event before the end of D, is one of
    received, proposed, planned, referred, resolved (the household is still owed its answer)."""
    per_station = already_read(("overdue", scope, period.as_of()))
    if per_station is not None:  # a dashboard read it per station already
        return sum(per_station.values())
    key = (scope, period.as_of())
    (open_now,) = statement_totals(
        ("overdue.open", *key), lambda: _overdue_parts(scope, period)[0], n=Count("pk")
    )
    # Grouped by (state now, state then): the look-up of the state then runs once per case.
    moved = statement_rows(
        ("overdue.changed", *key),
        lambda: (
            _overdue_parts(scope, period)[1]
            .values("state", "state_then")
            .annotate(n=Count("pk"))
            .values_list("state", "state_then", "n")
        ),
    )
    for state, state_then, n in moved:  # open then counts, open now no longer does
        open_now += n * (int(state_then in OPEN_STATES) - int(state in OPEN_STATES))
    return open_now


def overdue_by_station(scope: ReportScope, period: Period) -> dict[int, int]:
    return shared(("overdue", scope, period.as_of()), lambda: _overdue_by_station(scope, period))


def _overdue_by_station(scope: ReportScope, period: Period) -> dict[int, int]:
    open_now, changed = _overdue_parts(scope, period)
    found = dict(open_now.values("station_id").annotate(n=Count("pk")).values_list("station_id", "n"))
    row: Any
    for row in changed.values("station_id").annotate(**_CHANGED_COUNTS):
        station_id = row["station_id"]
        found[station_id] = found.get(station_id, 0) - row["open_now"] + row["open_then"]
    return found


__all__ = [
    "overdue_by_station",
    "overdue_queryset",
    "petitions_overdue",
    "petitions_received",
    "petitions_resolved",
    "received_queryset",
    "resolutions_queryset",
]
