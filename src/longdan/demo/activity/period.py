"""The year the demo's activity covers, and the times of day things happen in it.

Fixed dates, so the demo is the same whenever it is loaded. The year ends two days
before the day the activity was written for (2026-11-29), a Friday: loaded then,
"work today" shows what it would on a Monday morning — most households visited
within their cadence, some due, a few overdue by days or weeks. Every date is in
the past, as the services require; loaded later, the overdue figures grow.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

START = date(2025, 12, 1)
END = date(2026, 11, 27)
TET = date(2026, 2, 17)  # Tết Bính Ngọ: members bring gifts the week before, and visit less the week after
CHOL_CHNAM_THMAY = date(2026, 4, 14)  # the Khmer new year


def moment(day: date, hour: int, minute: int = 0) -> datetime:
    """An aware local instant (Asia/Ho_Chi_Minh)."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)), timezone.get_default_timezone())


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def field_time(rng: random.Random, day: date) -> datetime:
    """When a member calls at a house: early morning before the fields, late afternoon, or after dinner."""
    hour = rng.choices([7, 8, 9, 10, 14, 15, 16, 17, 18, 19], weights=[8, 12, 12, 8, 8, 12, 14, 10, 8, 5])[0]
    return moment(day, hour, rng.randrange(0, 60, 5))


def office_time(rng: random.Random, day: date, *, after: datetime | None = None) -> datetime:
    """A time in office hours on `day`, and later than `after` when that is the same day."""
    at = moment(day, rng.choice([7, 8, 9, 10, 13, 14, 15, 16]), rng.randrange(0, 60, 5))
    if after is not None and at <= after:
        at = after + timedelta(minutes=rng.randint(10, 90))
    return at


def later(rng: random.Random, at: datetime, low: int, high: int) -> datetime:
    """`at` plus `low`–`high` minutes: a record is typed in after the fact, on the way back or that evening."""
    return at + timedelta(minutes=rng.randint(low, high))
