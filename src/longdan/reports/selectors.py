"""Reads for dashboards and report files: what the pages, charts and `longdan report` draw.

    dashboard(user=request.user, scope=None, period=Period.parse("2026-10"))

returns plain data (JSON-ready): the indicators with the previous period beside them,
12-month trend series from the monthly rollup, and one row per station of the scope.
"""

import dataclasses
from typing import Any

from django.http import Http404

from longdan.core.scoping import get_scope
from longdan.org.models import Unit, UnitKind

from . import rollup
from .indicators import compute_all
from .indicators._common import shared_reads
from .indicators.coverage import coverage_by_station
from .indicators.fieldwork import cadence_by_station, meetings_queryset, visits_by_station
from .indicators.petitions import overdue_by_station
from .members import member_rows
from .periods import Period
from .scope import ReportScope

TREND_MONTHS = 12


def _for_user(user: Any, scope: ReportScope | None) -> ReportScope:
    """The scope, checked against what `user` may see (Http404 otherwise), carrying the user for the tip rule."""
    if scope is None:
        return ReportScope.for_user(user)
    access = get_scope(user)
    if not access.everything and (
        scope.everything
        or not scope.station_ids <= access.unit_ids
        or not scope.commune_ids <= access.commune_ids
    ):
        raise Http404
    return scope if scope.user is user else dataclasses.replace(scope, user=user)


def station_rows(scope: ReportScope, period: Period) -> list[dict[str, Any]]:
    """One row per station of the scope, for a table the page can sort.

    Counts of events come from the rollup when the period is whole months, otherwise from
    the event tables; households visited always from the visits (it does not add up over months). Coverage, cadence and overdue petitions
    are read on the as-of day. Tip columns are None where the user does not see the station's tips.
    """
    if scope.commune_ids and not scope.station_ids:
        return []
    stations = list(scope.stations().order_by("path").values("pk", "code", "name", "path", "kind"))
    provinces = {
        unit.pk: unit.name for unit in Unit.objects.filter(kind=UnitKind.PROVINCE_COMMAND).only("pk", "name")
    }
    coverage = coverage_by_station(scope, period)
    cadence = cadence_by_station(scope, period)
    overdue = overdue_by_station(scope, period)
    visited = visits_by_station(scope, period)
    totals = rollup.station_totals(scope, period) if period.is_whole_months else _live_totals(scope, period)
    tip_stations = scope.tip_station_ids()
    rows = []
    for station in stations:
        pk = station["pk"]
        province_id = (
            int(station["path"].strip("/").split("/")[1]) if station["path"].count("/") > 3 else None
        )
        households = coverage.get(pk, {}).get("households", 0)
        covered = coverage.get(pk, {}).get("covered", 0)
        within = cadence.get(pk, {}).get("within_cadence", 0)
        counted = totals.get(pk, {})
        tips_visible = tip_stations is None or pk in tip_stations
        rows.append(
            {
                "station_id": pk,
                "code": station["code"],
                "name": station["name"],
                "kind": station["kind"],
                "province_command_id": province_id,
                "province_command": provinces.get(province_id or 0, ""),
                "households": households,
                "covered": covered,
                "coverage_percent": round(100 * covered / households, 1) if households else None,
                "within_cadence": within,
                "within_cadence_percent": round(100 * within / households, 1) if households else None,
                "visits": counted.get("visits", 0),
                "households_visited": visited.get(pk, {}).get("households_visited", 0),
                "cases_received": counted.get("cases_received", 0),
                "cases_resolved": counted.get("cases_resolved", 0),
                "cases_overdue": overdue.get(pk, 0),
                "tips_received": counted.get("tips_received", 0) if tips_visible else None,
                "benefits": counted.get("benefits", 0),
                "benefits_value": counted.get("benefits_value", 0),
                "loans_disbursed": counted.get("loans_disbursed", 0),
                "meetings": counted.get("meetings", 0),
                "meeting_attendances": counted.get("meeting_attendances", 0),
            }
        )
    return rows


def _live_totals(scope: ReportScope, period: Period) -> dict[int, dict[str, int]]:
    """The additive rollup counters for a period that is not whole months, from the event tables."""
    from django.db.models import Count, Q, Sum

    from longdan.fieldwork.models import CellMeeting

    from .indicators.petitions import received_queryset, resolutions_queryset
    from .indicators.support import benefits_queryset

    totals: dict[int, dict[str, int]] = {}

    def add(rows: Any, station: str = "station_id", **fields: str) -> None:
        for row in rows:
            target = totals.setdefault(row[station], {})
            for name, column in fields.items():
                target[name] = target.get(name, 0) + (row[column] or 0)

    for pk, values in visits_by_station(scope, period).items():
        totals.setdefault(pk, {})["visits"] = values["visits"]
    add(received_queryset(scope, period).values("station_id").annotate(n=Count("*")), cases_received="n")
    add(resolutions_queryset(scope, period).values("station_id").annotate(n=Count("*")), cases_resolved="n")
    start, end = period.bounds()
    tips = scope.tips().filter(received_at__gte=start, received_at__lt=end).order_by()
    add(tips.values("station_id").annotate(n=Count("*")), tips_received="n")
    add(
        benefits_queryset(scope, period)
        .values("station_id")
        .annotate(n=Count("*"), value=Sum("value"), loans=Count("pk", filter=~Q(loan_status=""))),
        benefits="n",
        benefits_value="value",
        loans_disbursed="loans",
    )
    meetings = meetings_queryset(scope, period)
    add(meetings.values("station_id").annotate(n=Count("*")), meetings="n")
    attendance = CellMeeting.attendees.through.objects.filter(cellmeeting__in=meetings)
    add(
        attendance.values("cellmeeting__station_id").annotate(n=Count("*")),
        station="cellmeeting__station_id",
        meeting_attendances="n",
    )
    return totals


def dashboard(*, user: Any, scope: ReportScope | None = None, period: Period) -> dict[str, Any]:
    """Everything a dashboard (or a report file) shows for `scope` and `period`, as plain data:

        {"scope", "period", "previous_period",
         "indicators": {name: {"current", "previous"}},     # see indicators.compute_all
         "trend": {"months", "labels", "series": {counter: [12 values]}},   # from the rollup
         "stations": [one row per station],                  # see station_rows
         "members": [one row per member]}                    # a station's scope only: see members.member_rows

    `scope` defaults to everything the user may see; a scope outside it answers Http404.
    """
    scope = _for_user(user, scope)
    with shared_reads():
        # Station rows first: the indicators then sum what they read per station instead of reading it again.
        stations = station_rows(scope, period)
        result = compute_all(scope, period)
    result["trend"] = rollup.trend(scope, period.trailing_months(TREND_MONTHS))
    result["stations"] = stations
    result["members"] = member_rows(scope, period)
    return result
