"""Petitions (cases): received, resolved, on time, overdue, by category, days to resolve."""

import statistics
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from longdan.cases.models import OPEN_STATES, Case, CaseEvent, CaseState, Category

from ..periods import Period
from ..scope import ReportScope
from ._common import end_of_day, percent


def received_queryset(scope: ReportScope, period: Period) -> QuerySet[Case]:
    cases = Case.objects.filter(received_on__gte=period.start, received_on__lte=period.end).order_by()
    return scope.filter_events(cases)


def petitions_received(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Petitions received: cases of a station of the scope (at receipt) or of one of its communes whose
    `received_on` is in the period; `by_category`: the same, per category (every category listed)."""
    by_category: dict[str, int] = dict.fromkeys(Category.values, 0)
    rows = (
        received_queryset(scope, period)
        .values("category")
        .annotate(n=Count("*"))
        .values_list("category", "n")
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
    rows = resolutions_queryset(scope, period).values_list("at", "case__received_on", "case__due_on")
    days, on_time = [], 0
    for at, received_on, due_on in rows:
        day = timezone.localdate(at)
        days.append((day - received_on).days)
        on_time += day <= due_on
    return {
        "resolved": len(days),
        "on_time": on_time,
        "on_time_percent": percent(on_time, len(days)),
        "median_days": statistics.median(days) if days else None,
    }


def overdue_queryset(scope: ReportScope, period: Period) -> tuple[QuerySet[Case], QuerySet[Case]]:
    """The two parts of `petitions_overdue`: cases whose state has not changed since the as-of day,
    and cases changed since, with the state they were in then."""
    as_of = period.as_of()
    after = end_of_day(as_of)
    candidates = scope.filter_events(Case.objects.filter(received_on__lte=as_of, due_on__lt=as_of).order_by())
    unchanged = candidates.filter(state_changed_at__lt=after, state__in=OPEN_STATES)
    state_then = (
        CaseEvent.objects.filter(case_id=OuterRef("pk"), at__lt=after)
        .order_by("-at", "-id")
        .values("to_state")[:1]
    )
    changed = (
        candidates.filter(state_changed_at__gte=after)
        .annotate(state_then=Subquery(state_then))
        # No event yet by then: recorded later with an earlier date received, so still "received" then.
        .filter(Q(state_then__isnull=True) | Q(state_then__in=OPEN_STATES))
    )
    return unchanged, changed


def petitions_overdue(scope: ReportScope, period: Period) -> int:
    """Petitions overdue on the as-of day D (the period's last day, or today if earlier): cases of the
    scope received on or before D, due before D (`due_on` < D: a case due on D is not yet late), and
    open on D — their state then, the `to_state` of their last event before the end of D, is one of
    received, proposed, planned, referred, resolved (the household is still owed its answer)."""
    unchanged, changed = overdue_queryset(scope, period)
    return unchanged.count() + changed.count()


def overdue_by_station(scope: ReportScope, period: Period) -> dict[int, int]:
    found: dict[int, int] = {}
    for part in overdue_queryset(scope, period):
        for station_id, n in part.values("station_id").annotate(n=Count("*")).values_list("station_id", "n"):
            found[station_id] = found.get(station_id, 0) + n
    return found


__all__ = [
    "overdue_by_station",
    "petitions_overdue",
    "petitions_received",
    "petitions_resolved",
    "received_queryset",
    "resolutions_queryset",
]
