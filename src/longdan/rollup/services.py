"""Keeping the monthly rollup current: called by the services that write events, inside their transaction.

    rollup_bump(station_id=visit.station_id, day=visit.visited_at, visits=1)

The month is the local calendar month (Asia/Ho_Chi_Minh) of `day`: a visit at
23:30 on 31 October counts for October whatever its UTC date. The row is
created on first use; the increment is an UPDATE … SET n = n + delta, so two
writers at once never lose a count.
"""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import COUNTERS, MonthlyStationStats


def local_date(day: date | datetime) -> date:
    """The local calendar day of an aware instant; a date is returned as it is."""
    if isinstance(day, datetime):
        return timezone.localdate(day)
    return day


def month_start(day: date | datetime) -> date:
    return local_date(day).replace(day=1)


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def local_midnight(day: date) -> datetime:
    """The aware instant at which `day` begins in the project's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def rollup_bump(*, station_id: int, day: date | datetime, **deltas: int) -> None:
    """Add `deltas` (counter name → amount) to the station's row for the month of `day`.

    Zero deltas are dropped, so a call site may pass `cases_resolved=int(to_state == RESOLVED)`
    and cost nothing when it is zero. Run inside the transaction that writes the event:
    if the event is rolled back, so is the count.
    """
    unknown = set(deltas) - set(COUNTERS)
    if unknown:
        raise ValueError(f"unknown rollup counters: {sorted(unknown)}")
    deltas = {name: int(amount) for name, amount in deltas.items() if amount}
    if not deltas:
        return
    month = month_start(day)
    row = MonthlyStationStats.objects.filter(station_id=station_id, month=month)
    increments: dict[str, Any] = {name: F(name) + amount for name, amount in deltas.items()}
    if row.update(**increments):
        return
    try:
        with transaction.atomic():
            MonthlyStationStats.objects.create(station_id=station_id, month=month, **deltas)
    except IntegrityError:
        # Another transaction created the row between our UPDATE and INSERT: add to theirs.
        row.update(**increments)


def rollup_visit(visit: Any) -> None:
    """A visit was recorded: one more visit for its station and month, and one more household visited
    when it is the household's first visit attributed to that station in that month.

    Takes the saved Visit (duck-typed: this layer imports no domain app); its own class is
    queried, through the (household, visited_at) index.
    """
    month = month_start(visit.visited_at)
    earlier = (
        type(visit)
        ._default_manager.filter(
            household_id=visit.household_id,
            station_id=visit.station_id,
            visited_at__gte=local_midnight(month),
            visited_at__lt=local_midnight(next_month(month)),
        )
        .exclude(pk=visit.pk)
        .exists()
    )
    rollup_bump(station_id=visit.station_id, day=month, visits=1, households_visited=0 if earlier else 1)
