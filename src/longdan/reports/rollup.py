"""Reading the monthly rollup, and recounting it from the events (`longdan rollup_rebuild [--check]`).

The rollup (`longdan.rollup.MonthlyStationStats`) is kept by the services that write
events; `recount()` is its second, independent statement: the same counters computed
from the event tables, grouped by station and local month. The two must agree — a test
proves it after a series of service writes, and `rollup_rebuild --check` says where they
do not (a record changed outside the services, e.g. in the admin or by a bulk load).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, DateField, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from longdan.cases.models import Case, CaseEvent, CaseState
from longdan.fieldwork.models import CellMeeting, Visit
from longdan.intel.models import Tip, TipEvent, TipStatus
from longdan.rollup.models import ADDITIVE, COUNTERS, MonthlyStationStats
from longdan.support.models import Benefit, LoanStatus

from .indicators._common import LocalMonth
from .periods import Period
from .scope import ReportScope

Key = tuple[int, date]  # (station id, first day of the local month)
Counts = dict[Key, dict[str, int]]


def _month(field: str, *, instant: bool) -> Any:
    """The local month of a row as a date: instants are truncated in the project's time zone."""
    if instant:
        return LocalMonth(field)
    return TruncMonth(field, output_field=DateField())


def _add(counts: Counts, rows: Iterable[dict[str, Any]], station: str, **fields: str) -> None:
    for row in rows:
        month = row["month"]
        if hasattr(month, "date"):  # some backends hand back a datetime for a truncated instant
            month = month.date()
        key = (row[station], month)
        for counter, column in fields.items():
            counts[key][counter] += row[column] or 0


def recount(*, since: date | None = None) -> Counts:
    """Every counter of the rollup computed from the events, per (station, month), months from `since`.

    One grouped query per kind of event; each definition matches the call that bumps the counter.
    """
    counts: Counts = defaultdict(lambda: dict.fromkeys(COUNTERS, 0))

    def grouped(queryset: QuerySet, field: str, *, instant: bool, station: str = "station_id") -> QuerySet:
        if since is not None:
            queryset = queryset.filter(**{f"{field}__gte": since if not instant else _midnight(since)})
        return queryset.order_by().annotate(month=_month(field, instant=instant)).values(station, "month")

    _add(
        counts,
        grouped(Visit.objects.all(), "visited_at", instant=True).annotate(
            n=Count("*"), households=Count("household_id", distinct=True)
        ),
        "station_id",
        visits="n",
        households_visited="households",
    )
    _add(
        counts,
        grouped(Case.objects.all(), "received_on", instant=False).annotate(n=Count("*")),
        "station_id",
        cases_received="n",
    )
    resolutions = CaseEvent.objects.filter(to_state=CaseState.RESOLVED).exclude(from_state=CaseState.RESOLVED)
    _add(
        counts,
        grouped(resolutions, "at", instant=True).annotate(n=Count("*")),
        "station_id",
        cases_resolved="n",
    )
    _add(
        counts,
        grouped(Tip.objects.all(), "received_at", instant=True).annotate(n=Count("*")),
        "station_id",
        tips_received="n",
    )
    tip_moves = grouped(
        TipEvent.objects.filter(to_status__in=[TipStatus.VERIFIED, TipStatus.ACTED_ON]),
        "at",
        instant=True,
        station="tip__station_id",
    ).annotate(
        verified=Count("id", filter=Q(to_status=TipStatus.VERIFIED)),
        acted_on=Count("id", filter=Q(to_status=TipStatus.ACTED_ON)),
    )
    _add(counts, tip_moves, "tip__station_id", tips_verified="verified", tips_acted_on="acted_on")
    given = Benefit.objects.filter(Q(loan_status="") | Q(loan_status=LoanStatus.DISBURSED))
    _add(
        counts,
        grouped(given, "given_on", instant=False).annotate(
            n=Count("*"),
            value=Sum("value"),
            disbursed=Count("id", filter=Q(loan_status=LoanStatus.DISBURSED)),
        ),
        "station_id",
        benefits="n",
        benefits_value="value",
        loans_disbursed="disbursed",
    )
    loans = Benefit.objects.exclude(loan_status="")
    _add(
        counts,
        grouped(loans, "created_at", instant=True).annotate(n=Count("*")),
        "station_id",
        loans_advised="n",
    )
    _add(
        counts,
        grouped(CellMeeting.objects.all(), "held_on", instant=False).annotate(n=Count("*")),
        "station_id",
        meetings="n",
    )
    attendance = CellMeeting.attendees.through.objects.all()
    _add(
        counts,
        grouped(
            attendance, "cellmeeting__held_on", instant=False, station="cellmeeting__station_id"
        ).annotate(n=Count("*")),
        "cellmeeting__station_id",
        meeting_attendances="n",
    )
    return {key: values for key, values in counts.items() if any(values.values())}


def _midnight(day: date) -> Any:
    from longdan.rollup.services import local_midnight

    return local_midnight(day)


def stored(*, since: date | None = None) -> Counts:
    rows = MonthlyStationStats.objects.all()
    if since is not None:
        rows = rows.filter(month__gte=since.replace(day=1))
    found: Counts = {}
    for row in rows.values("station_id", "month", *COUNTERS):
        values = {name: row[name] for name in COUNTERS}
        if any(values.values()):
            found[(row["station_id"], row["month"])] = values
    return found


@dataclass(frozen=True)
class Difference:
    station_id: int
    month: date
    counter: str
    stored: int
    counted: int


def compare(*, since: date | None = None) -> list[Difference]:
    """Where the stored rollup and a recount from the events disagree (empty: they are equal)."""
    expected, actual = recount(since=since), stored(since=since)
    differences = []
    for key in sorted(expected.keys() | actual.keys()):
        want = expected.get(key, dict.fromkeys(COUNTERS, 0))
        have = actual.get(key, dict.fromkeys(COUNTERS, 0))
        for name in COUNTERS:
            if want[name] != have[name]:
                differences.append(Difference(key[0], key[1], name, have[name], want[name]))
    return differences


@transaction.atomic
def rebuild(*, since: date | None = None) -> int:
    """Replace the stored rollup (from the month of `since`, or all of it) with a recount; returns rows written."""
    counted = recount(since=since)
    old = MonthlyStationStats.objects.all()
    if since is not None:
        old = old.filter(month__gte=since.replace(day=1))
    old.delete()
    MonthlyStationStats.objects.bulk_create(
        (
            MonthlyStationStats(station_id=station_id, month=month, **values)
            for (station_id, month), values in counted.items()
        ),
        batch_size=1000,
    )
    return len(counted)


# --- reading, for trends and station tables ---


def _rows(scope: ReportScope, months: list[Period]) -> QuerySet[MonthlyStationStats]:
    rows = MonthlyStationStats.objects.filter(month__gte=months[0].start, month__lte=months[-1].start)
    if scope.everything:
        return rows
    return rows.filter(station_id__in=sorted(scope.station_ids))


def trend(scope: ReportScope, months: list[Period]) -> dict[str, Any]:
    """Monthly series of the rollup counters over `months` (consecutive months, oldest first).

    Summed over the scope's stations; `households_visited` is the sum of each station's
    distinct households (a household visited by two stations in a month counts twice).
    Tip series are None when the user does not see every tip of the scope. A commune
    scope has no rollup (it is kept per station): its series are None.
    """
    series: dict[str, list[int | None]] = {name: [0] * len(months) for name in COUNTERS}
    index = {period.start: i for i, period in enumerate(months)}
    if scope.commune_ids or scope.is_empty:
        series = {name: [None] * len(months) for name in COUNTERS}
    else:
        sums = (
            _rows(scope, months).values("month").annotate(**{name: Sum(name) for name in COUNTERS}).order_by()
        )
        row: Any
        for row in sums:
            for name in COUNTERS:
                series[name][index[row["month"]]] = row[name] or 0
    if not scope.tips_complete:
        for name in ("tips_received", "tips_verified", "tips_acted_on"):
            series[name] = [None] * len(months)
    return {
        "months": [period.code for period in months],
        "labels": [period.label for period in months],
        "series": series,
    }


def station_totals(scope: ReportScope, period: Period) -> dict[int, dict[str, int]]:
    """The additive rollup counters summed over the period's months, per station (whole-month periods)."""
    months = list(period.months())
    rows = (
        _rows(scope, months)
        .values("station_id")
        .annotate(**{name: Sum(name) for name in ADDITIVE})
        .order_by()
    )
    found: dict[int, dict[str, int]] = {}
    row: Any
    for row in rows:
        found[row["station_id"]] = {name: row[name] or 0 for name in ADDITIVE}
    return found
