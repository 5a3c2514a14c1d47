"""Small pieces shared by the indicators."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import DateField, Func, IntegerField, Q, QuerySet
from django.db.models.functions import Cast, TruncDate, TruncMonth
from django.utils import timezone

from longdan.assignments.models import AssignmentRole, HouseholdAssignment
from longdan.rollup.services import local_midnight


def percent(part: int, whole: int) -> float | None:
    """`part` as a percentage of `whole`, to one decimal; None when there is nothing to divide by."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def end_of_day(day: date) -> datetime:
    """The aware instant just after `day` ends locally (local midnight of the next day)."""
    return local_midnight(day + timedelta(days=1))


def primary_open_on(day: date) -> QuerySet[HouseholdAssignment]:
    """Primary assignments in force on `day`: started on or before it, not ended before it.

    A reassignment on day D ends the old row on D − 1 and opens the new one on D, so on any
    day exactly one row of a household is in force; an end date of D still counts on D.
    """
    return HouseholdAssignment.objects.filter(role=AssignmentRole.PRIMARY, start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )


_shared: ContextVar[dict[Any, Any] | None] = ContextVar("longdan_reports_shared", default=None)


@contextmanager
def shared_reads() -> Iterator[None]:
    """Within the block, reads that several indicators need (`shared`) are made once, not once each."""
    if _shared.get() is not None:  # already inside one: share with it
        yield
        return
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def sharing() -> bool:
    """Whether reads are being shared (inside `shared_reads()`)."""
    return _shared.get() is not None


def already_read(key: Any) -> Any:
    """What `shared` remembered under `key`, or None."""
    memo = _shared.get()
    return None if memo is None else memo.get(key)


def shared[T](key: Any, read: Callable[[], T]) -> T:
    """`read()`, remembered under `key` inside a `shared_reads()` block (e.g. while computing all indicators)."""
    memo = _shared.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


def _fixed_offset_seconds() -> int | None:
    """The project time zone's offset from UTC in seconds if it never changes (no daylight saving in
    2000–2100, as for Asia/Ho_Chi_Minh, UTC+7 since 1975); None otherwise."""
    zone = timezone.get_default_timezone()
    offsets = {
        zone.utcoffset(datetime(year, month, 15)) for year in range(2000, 2101, 10) for month in (1, 4, 7, 10)
    }
    if len(offsets) != 1:
        return None
    (offset,) = offsets
    return int(offset.total_seconds()) if offset is not None else None


class LocalDate(TruncDate):
    """The local calendar day of an instant, computed by the database.

    Django computes it on SQLite with a Python function per row; with a fixed offset the
    database can do it itself (`date(t, '+25200 seconds')`), as fast as hand-written SQL.
    """

    def __init__(self, expression: Any, **extra: Any) -> None:
        super().__init__(expression, tzinfo=timezone.get_default_timezone(), **extra)

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        offset = _fixed_offset_seconds()
        if offset is None:
            return self.as_sql(compiler, connection, **extra_context)
        sql, params = compiler.compile(self.lhs)
        return f"date({sql}, '{offset:+d} seconds')", params


class LocalMonth(Cast):
    """The first day of the local month of an instant, as a date (for grouping by month).

    On SQLite, with a fixed offset, the database computes it itself instead of calling a
    Python function for each of millions of rows.
    """

    def __init__(self, expression: Any) -> None:
        super().__init__(
            TruncMonth(expression, tzinfo=timezone.get_default_timezone()), output_field=DateField()
        )

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        offset = _fixed_offset_seconds()
        if offset is None:
            return super().as_sqlite(compiler, connection, **extra_context)
        sql, params = compiler.compile(self.get_source_expressions()[0].get_source_expressions()[0])
        return f"strftime('%%Y-%%m-01', {sql}, '{offset:+d} seconds')", params


class DaysBetween(Func):
    """later − earlier, in whole days, for two dates."""

    output_field = IntegerField()
    arity = 2

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra_context,
        )

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return self.as_sql(
            compiler, connection, template="(%(expressions)s)", arg_joiner=" - ", **extra_context
        )


def median_of(histogram: dict[int, int]) -> float | int | None:
    """The median of values given as {value: how many times}; None for none."""
    total = sum(histogram.values())
    if not total:
        return None
    ordered = sorted(histogram.items())

    def nth(k: int) -> int:  # the k-th smallest value, from 0
        seen = 0
        for value, count in ordered:
            seen += count
            if k < seen:
                return value
        raise IndexError(k)

    if total % 2:
        return nth(total // 2)
    return (nth(total // 2 - 1) + nth(total // 2)) / 2
