"""Stopgap for the indicator benchmark: events on top of `longdan generate`, written in bulk.

`longdan generate` (src/longdan/demo/synthetic.py) does not make visits, petitions,
tips, support or cell meetings yet; its owner is adding them. Until then
bench/indicators.py calls `fill()` here (with --fill-events) to write three years of
them for every generated household, shaped like DESIGN.md's measurement
(100,000 households → about 7.2 million visits):

- visits: 0–4 a month per household (mean 2), 07:00–20:59 local, attributed to the
  household's station and its provincial command;
- petitions: about one a household a year, moved through received → proposed →
  planned → referred → resolved → answered → closed (5 % rejected) with one event
  per step, stopping where "now" falls; due dates by category (land 30, security 7, else 15 days);
- tips: about one in 20 households a year, passed, verified (70 %) and acted on (half);
- benefits: about one a household a year across the programs, 8 % of them loans
  (advised → … → disbursed or refused); support events: a third of stations a month;
- cell meetings: every hamlet cell with station members attending, monthly.

Rows are inserted with explicit ids (executemany on SQLite, COPY on PostgreSQL); no
service runs, so the rollup is rebuilt afterwards (`rollup.rebuild()`), as the
generator will have to do. Deterministic for a seed. Delete this file once the
generator writes events.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction

MONTHS = 36
CHUNK = 20_000
LOCAL = timedelta(hours=7)  # Asia/Ho_Chi_Minh, no daylight saving since 1975
DEADLINES = {"land": 30, "security_order": 7}
CATEGORIES = [
    ("land", 18), ("social_welfare", 22), ("security_order", 6), ("infrastructure", 14), ("environment", 6),
    ("fishing_sea", 6), ("legal", 8), ("livelihood_loans", 12), ("health", 5), ("education", 3),
]  # fmt: skip
TIP_CATEGORIES = [
    "smuggling",
    "drugs",
    "iuu_fishing",
    "illegal_crossing",
    "trafficking",
    "public_order",
    "other",
]


class Writer:
    """Bulk INSERT with explicit ids: executemany on SQLite, COPY on PostgreSQL."""

    def __init__(self) -> None:
        self.postgres = connection.vendor == "postgresql"

    def instant(self, moment: datetime) -> str:
        """A UTC instant as the backend stores it."""
        text = moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        return f"{text}+00" if self.postgres else text

    def insert(self, table: str, columns: list[str], rows: Iterable[tuple]) -> int:
        written = 0
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= CHUNK:
                written += self._write(table, columns, batch)
                batch = []
        if batch:
            written += self._write(table, columns, batch)
        if self.postgres:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
                )
        return written

    def _write(self, table: str, columns: list[str], batch: list[tuple]) -> int:
        with transaction.atomic(), connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", batch)
        return len(batch)


def _next_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        return int(cursor.fetchone()[0]) + 1


def _months(as_of: date) -> list[date]:
    month = as_of.replace(day=1)
    found = []
    for _ in range(MONTHS):
        found.append(month)
        month = (month - timedelta(days=1)).replace(day=1)
    return found[::-1]


def _local(day: date, rng: random.Random, first_hour: int = 7, last_hour: int = 20) -> datetime:
    """A random wall-clock time on `day` in Vietnam, as an aware UTC instant."""
    wall = datetime(day.year, day.month, day.day, rng.randint(first_hour, last_hour), rng.randint(0, 59))
    return (wall - LOCAL).replace(tzinfo=UTC)


def _day_in(month: date, rng: random.Random, last: date) -> date | None:
    end = (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    end = min(end, last)
    if end < month:
        return None
    return month + timedelta(days=rng.randint(0, (end - month).days))


def fill(*, as_of: date, seed: int = 1, progress: bool = True) -> dict[str, int]:
    """Write the events for every household; returns the rows written per table."""
    from longdan.accounts.models import User
    from longdan.assignments.models import CellParticipation
    from longdan.households.models import Household
    from longdan.org.models import PartyCell, Unit, UnitArea
    from longdan.support.models import SupportProgram

    writer = Writer()
    now = datetime.now(UTC)
    last_day = min(as_of, (now + LOCAL).date())
    user, _created = User.objects.get_or_create(username="bench-recorder", defaults={"is_active": False})
    parent = dict(Unit.objects.filter(kind__in=["station", "flotilla"]).values_list("pk", "parent_id"))
    households = list(
        Household.objects.order_by("pk").values_list("pk", "station_id", "commune_id", "hamlet_id")
    )
    months = _months(as_of)
    counts: dict[str, int] = {}

    def step(name: str, table: str, columns: list[str], rows: Iterator[tuple]) -> None:
        started = time.perf_counter()
        counts[name] = writer.insert(table, columns, rows)
        if progress:
            print(f"  {name:<22}{counts[name]:>12,} rows  {time.perf_counter() - started:6.1f} s", flush=True)

    # --- visits ---
    def visits() -> Iterator[tuple]:
        rng = random.Random(f"{seed}-visits")
        pk = _next_id("fieldwork_visit")
        for household, station, _commune, _hamlet in households:
            province = parent.get(station)
            for month in months:
                for _ in range(rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4))):
                    day = _day_in(month, rng, last_day)
                    if day is None:
                        continue
                    at = writer.instant(_local(day, rng))
                    yield (
                        pk,
                        at,
                        at,
                        household,
                        at,
                        "home",
                        "",
                        "",
                        "",
                        "[]",
                        None,
                        f"{pk:032x}",
                        None,
                        station,
                        province,
                    )
                    pk += 1

    step(
        "visits",
        "fieldwork_visit",
        ["id", "created_at", "updated_at", "household_id", "visited_at", "kind", "security_situation",
         "welfare_situation", "aspirations", "advice", "follow_up_on", "client_uuid", "recorded_by_id",
         "station_id", "province_command_id"],
        visits(),
    )  # fmt: skip

    # --- petitions and their events ---
    case_events: list[tuple] = []

    def cases() -> Iterator[tuple]:
        rng = random.Random(f"{seed}-cases")
        categories = [c for c, w in CATEGORIES for _ in range(w)]
        pk = _next_id("cases_case")
        event_pk = _next_id("cases_caseevent")
        for household, station, commune, _hamlet in households:
            province = parent.get(station)
            for month in months:
                if rng.random() >= 1 / 12:
                    continue
                received = _day_in(month, rng, last_day)
                if received is None:
                    continue
                category = rng.choice(categories)
                due = received + timedelta(days=DEADLINES.get(category, 15))
                steps = [("", "received", _local(received, rng, 8, 16))]
                moment = steps[0][2]
                path = ["proposed", "planned", "referred", "resolved", "answered", "closed"]
                if rng.random() < 0.05:
                    path = ["proposed", "rejected"]
                for state in path:
                    gap = {"resolved": rng.randint(2, 45), "proposed": 1, "planned": rng.randint(1, 4)}.get(
                        state, 2
                    )
                    moment = moment + timedelta(days=gap, minutes=rng.randint(0, 300))
                    if moment > now:
                        break
                    steps.append((steps[-1][1], state, moment))
                state, changed = steps[-1][1], steps[-1][2]
                for from_state, to_state, at in steps:
                    case_events.append(
                        (
                            event_pk,
                            pk,
                            from_state,
                            to_state,
                            user.pk,
                            writer.instant(at),
                            "",
                            "",
                            station,
                            province,
                        )
                    )
                    event_pk += 1
                created = writer.instant(steps[0][2])
                yield (
                    pk, created, created, household, None, category, f"Kiến nghị {pk}", "Hộ gia đình kiến nghị.",
                    received.isoformat(), due.isoformat(), state, writer.instant(changed), None, user.pk,
                    "commune_committee" if state not in ("received", "proposed", "planned", "rejected") else "",
                    "", "", None, None, station, province, commune,
                )  # fmt: skip
                pk += 1

    step(
        "cases",
        "cases_case",
        ["id", "created_at", "updated_at", "household_id", "hamlet_id", "category", "title", "description",
         "received_on", "due_on", "state", "state_changed_at", "recorded_by_member_id", "recorded_by_user_id",
         "responsible_body", "responsible_body_name", "plan", "source_visit_id", "source_meeting_issue_id",
         "station_id", "province_command_id", "commune_id"],
        cases(),
    )  # fmt: skip
    step(
        "case events",
        "cases_caseevent",
        ["id", "case_id", "from_state", "to_state", "actor_id", "at", "note", "reason", "station_id",
         "province_command_id"],
        iter(case_events),
    )  # fmt: skip
    case_events.clear()

    # --- tips ---
    tip_events: list[tuple] = []

    def tips() -> Iterator[tuple]:
        rng = random.Random(f"{seed}-tips")
        pk = _next_id("intel_tip")
        event_pk = _next_id("intel_tipevent")
        for _household, station, _commune, _hamlet in households:
            for month in months:
                if rng.random() >= 0.05 / 12:
                    continue
                day = _day_in(month, rng, last_day)
                if day is None:
                    continue
                received = _local(day, rng)
                steps = [("", "received", received)]
                moment = received
                for state in ("passed", "verified" if rng.random() < 0.7 else "not_verified", "acted_on"):
                    if state == "acted_on" and (steps[-1][1] != "verified" or rng.random() < 0.5):
                        break
                    moment = moment + timedelta(days=rng.randint(1, 10))
                    if moment > now:
                        break
                    steps.append((steps[-1][1], state, moment))
                for from_status, to_status, at in steps:
                    tip_events.append((event_pk, pk, from_status, to_status, user.pk, writer.instant(at), ""))
                    event_pk += 1
                created = writer.instant(received)
                yield (
                    pk, created, created, station, parent.get(station), None, user.pk, created,
                    rng.choice(TIP_CATEGORIES), "Nguồn tin", "unknown", "routine", steps[-1][1], "", "",
                )  # fmt: skip
                pk += 1

    step(
        "tips",
        "intel_tip",
        ["id", "created_at", "updated_at", "station_id", "province_command_id", "receiving_team_id",
         "recorded_by_id", "received_at", "category", "content", "credibility", "urgency", "status", "outcome",
         "source"],
        tips(),
    )  # fmt: skip
    step(
        "tip events",
        "intel_tipevent",
        ["id", "tip_id", "from_status", "to_status", "actor_id", "at", "note"],
        iter(tip_events),
    )
    tip_events.clear()

    # --- support ---
    programs = dict(SupportProgram.objects.values_list("kind", "pk"))
    others = [kind for kind in programs if kind not in ("loan", "medical")]

    def benefits() -> Iterator[tuple]:
        rng = random.Random(f"{seed}-benefits")
        pk = _next_id("support_benefit")
        for household, station, commune, _hamlet in households:
            province = parent.get(station)
            for month in months:
                if rng.random() >= 1 / 12:
                    continue
                day = _day_in(month, rng, last_day)
                if day is None:
                    continue
                created = writer.instant(_local(day, rng))
                if rng.random() < 0.08:
                    amount = rng.choice((10, 20, 30, 50, 100)) * 1_000_000
                    status = rng.choice(
                        ("advised", "applied", "approved", "disbursed", "disbursed", "refused")
                    )
                    given = day + timedelta(days=rng.randint(20, 60)) if status == "disbursed" else day
                    if given > last_day:
                        status, given = "approved", day
                    value = amount if status == "disbursed" else 0
                    yield (pk, created, created, programs["loan"], household, None, None, given.isoformat(), value, "",
                           amount, status, station, province, commune, user.pk)  # fmt: skip
                else:
                    kind = rng.choice(others)
                    value = rng.choice((200, 300, 500, 1000, 2000, 5000)) * 1000
                    yield (pk, created, created, programs[kind], household, None, None, day.isoformat(), value, "",
                           None, "", station, province, commune, user.pk)  # fmt: skip
                pk += 1

    step(
        "benefits",
        "support_benefit",
        ["id", "created_at", "updated_at", "program_id", "household_id", "resident_id", "event_id", "given_on",
         "value", "description", "loan_amount", "loan_status", "station_id", "province_command_id", "commune_id",
         "recorded_by_id"],
        benefits(),
    )  # fmt: skip

    def support_events() -> Iterator[tuple]:
        rng = random.Random(f"{seed}-support-events")
        pk = _next_id("support_supportevent")
        for station, province in sorted(parent.items()):
            for month in months:
                if rng.random() >= 1 / 3:
                    continue
                day = _day_in(month, rng, last_day)
                if day is None:
                    continue
                created = writer.instant(_local(day, rng))
                yield (pk, created, created, programs["medical"], "Khám bệnh, cấp thuốc", day.isoformat(), station,
                       province, None, "", rng.randint(50, 300), rng.randint(5, 40) * 1_000_000, "", user.pk)  # fmt: skip
                pk += 1

    step(
        "support events",
        "support_supportevent",
        ["id", "created_at", "updated_at", "program_id", "title", "held_on", "station_id", "province_command_id",
         "hamlet_id", "place", "people_served", "medicine_value", "notes", "recorded_by_id"],
        support_events(),
    )  # fmt: skip

    # --- hamlet cell meetings ---
    attending: dict[int, list[int]] = defaultdict(list)
    for cell, member in CellParticipation.objects.filter(end_date__isnull=True).values_list(
        "cell_id", "member_id"
    ):
        attending[cell].append(member)
    cell_commune = dict(
        PartyCell.objects.filter(pk__in=attending, kind="hamlet").values_list("pk", "hamlet__commune_id")
    )
    commune_station = dict(UnitArea.objects.values_list("commune_id", "unit_id"))
    attendance: list[tuple] = []

    def meetings() -> Iterator[tuple]:
        rng = random.Random(f"{seed}-meetings")
        pk = _next_id("fieldwork_cellmeeting")
        attendance_pk = _next_id("fieldwork_cellmeeting_attendees")
        for cell in sorted(cell_commune):
            commune = cell_commune[cell]
            station = commune_station.get(commune)
            if station is None:
                continue
            for month in months:
                day = _day_in(month, rng, last_day)
                if day is None:
                    continue
                created = writer.instant(_local(day, rng, 18, 20))
                yield (pk, created, created, cell, day.isoformat(), "", f"{pk:032x}", None, station,
                       parent.get(station), commune)  # fmt: skip
                for member in attending[cell]:
                    attendance.append((attendance_pk, pk, member))
                    attendance_pk += 1
                pk += 1

    step(
        "cell meetings",
        "fieldwork_cellmeeting",
        ["id", "created_at", "updated_at", "cell_id", "held_on", "contributions", "client_uuid", "recorded_by_id",
         "station_id", "province_command_id", "commune_id"],
        meetings(),
    )  # fmt: skip
    step(
        "meeting attendance",
        "fieldwork_cellmeeting_attendees",
        ["id", "cellmeeting_id", "member_id"],
        iter(attendance),
    )
    return counts
