"""The demo's clock: the services run as if it were the moment the demo's activity happened.

A year of visits, petitions and tips goes through the same services a person's
form calls, and those stamp their rows with "now" (a petition's events, a tip's
steps, the audit trail, created_at). Written at load time, a year's petitions
would all have moved on the same afternoon. So each service call runs inside
`at(moment)`, which makes `django.utils.timezone.now` answer `moment` — the
services' own rules ("not in the future") are then checked against that moment,
and the clock refuses any moment past the real now, so nothing is dated ahead.

Only the demo's build uses it, in its own process (`longdan demo`) or a test's
set-up, never while serving requests.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from django.utils import timezone

_real_now = timezone.now


class ClockError(Exception):
    """The demo asked for a moment that has not come yet."""


@contextmanager
def at(moment: datetime) -> Iterator[None]:
    """Run the block as if it were `moment` (aware, not after the real now)."""
    if timezone.is_naive(moment):
        raise ClockError(f"the demo clock needs an aware datetime, not {moment!r}")
    if moment > _real_now():
        raise ClockError(f"the demo clock cannot run ahead of today: {moment.isoformat()}")
    previous = timezone.now
    timezone.now = lambda: moment
    try:
        yield
    finally:
        timezone.now = previous
