"""What the event steps share: three years of months, local wall-clock times, the household facts, the recorder.

Events (visits, petitions, tips, support, cell meetings) are written after the
people and households, three years of them up to `as_of` (DESIGN.md measures
7.2 million visits for 100,000 households). They carry the station and the
provincial command of their household, as the services copy them at the time.

No service runs for them: they would take hours at this volume. The rows are the
ones the services write (the same fields, states moved through the cases and tips
workflows one event per step), without the audit rows, and the monthly rollup the
services keep current is rebuilt from them at the end (`finish`).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone

from longdan.accounts.models import User
from longdan.reports import rollup
from longdan.rollup.models import MonthlyStationStats

from .context import USERNAME_PREFIX, Synthetic
from .writing import Stored

MONTHS = 36  # the default: three years, as DESIGN.md measured
# Asia/Ho_Chi_Minh has had no daylight saving since 1975: local time is UTC+7 all year.
LOCAL_OFFSET = timedelta(hours=7)
RECORDER = f"{USERNAME_PREFIX}recorder"


@dataclass(frozen=True, slots=True)
class HouseholdFacts:
    id: int
    station_id: int
    province_command_id: int
    commune_id: int
    hamlet_id: int
    member_id: int


class Clock:
    """The months the events fall in, and instants as the backend stores them.

    The last day is `as_of`, or today when `as_of` is later (services refuse the
    future); `now` is the end of that day, so a petition still moving stops there
    and the same seed and `as_of` give the same rows on any day.
    """

    def __init__(self, as_of: date, months: int = MONTHS) -> None:
        self.stored = Stored()
        self.last_day = min(as_of, timezone.localdate())
        self.now = self.utc(self.last_day, 24 * 60 - 1)
        month = self.last_day.replace(day=1)
        found = []
        for _ in range(months):
            found.append(month)
            month = (month - timedelta(days=1)).replace(day=1)
        self.months = found[::-1]
        # Visits fall between 07:00 and 20:59 local, which is the same UTC date: their stored text is built
        # from a day's text and a time's text instead of formatting a datetime seven million times.
        self._times = [f"{(m // 60) - 7:02d}:{m % 60:02d}:00" for m in range(24 * 60)]
        self._days: dict[date, str] = {}

    def days_in(self, month: date) -> int:
        """Days of `month` up to the last day (0 when the month has not begun)."""
        end = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        end = min(end, self.last_day)
        return max(0, (end - month).days + 1)

    @staticmethod
    def utc(day: date, minute: int) -> datetime:
        """Local wall-clock `minute` of `day` (0 = midnight) as an aware UTC instant."""
        wall = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(minutes=minute)
        return wall - LOCAL_OFFSET

    def daytime(self, day: date, minute: int) -> Any:
        """The stored instant for a local minute between 07:00 and 23:59 (fast on SQLite)."""
        if self.stored.sqlite and minute >= 7 * 60:
            text = self._days.get(day)
            if text is None:
                text = self._days[day] = day.isoformat()
            return f"{text} {self._times[minute]}"
        return self.stored.instant(self.utc(day, minute))


def household_facts(ctx: Synthetic) -> list[HouseholdFacts]:
    stations = ctx.stations
    commands = {code: unit.pk for code, unit in ctx.commands.items()}
    return [
        HouseholdFacts(
            id=plan.id,
            station_id=stations[plan.station].id,
            province_command_id=commands[stations[plan.station].province_code],
            commune_id=ctx.hamlets[plan.hamlet].commune_id,
            hamlet_id=ctx.hamlets[plan.hamlet].id,
            member_id=ctx.members[plan.member].id,
        )
        for plan in ctx.household_plans
    ]


def recorder_id(ctx: Synthetic) -> int:
    """The account the generated events are recorded by: one inactive login that cannot sign in.

    The services need an acting user (tips, benefits and petition events cannot be
    without one); a member's own login exists for only a few generated stations.
    Its `gen-` name is also how `--reset` tells generated events from ones entered
    by people on generated households.
    """
    if not ctx.recorder_id:
        user, _created = User.objects.get_or_create(
            username=RECORDER,
            defaults={"is_active": False, "password": make_password(None), "last_name": "Dữ liệu mẫu"},
        )
        ctx.recorder_id = user.pk
    return ctx.recorder_id


def finish(ctx: Synthetic) -> None:
    """The monthly rollup recounted from the events written, then planner statistics on PostgreSQL.

    The services keep the rollup current as they write; no service ran here.
    PostgreSQL's autovacuum would analyse the tables some minutes later, and
    until then plans over millions of fresh rows are guesses: ANALYZE now, once.
    """
    with ctx.bar("monthly rollup", 1) as bar:
        ctx.counts[MonthlyStationStats._meta.label] = rollup.rebuild()
        bar.update(1)
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for label in sorted(label for label in ctx.counts if "." in label):  # models; "provinces" is a tally
            cursor.execute(f"ANALYZE {quote(apps.get_model(label)._meta.db_table)}")
