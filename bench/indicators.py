"""Benchmark the indicators (issue 5): a province dashboard, the national monthly indicators, and each
indicator against the best hand-written SQL for it, on `longdan generate --households N`.

    .venv/bin/python bench/indicators.py [--households 100000] [--data-dir DIR] [--reuse]
                                          [--fill-events] [--period 2026-10] [--repeat 5]
    scripts/with-postgres .venv/bin/python bench/indicators.py --fill-events     # PostgreSQL

SQLite: the database lives in --data-dir (default /tmp/longdan-bench-indicators); --reuse keeps
the one there (generation of 100,000 households takes a few minutes), otherwise it is made anew.
PostgreSQL: DATABASE_URL (scripts/with-postgres gives a throwaway one); --reuse keeps generated data.

`longdan generate` writes three years of visits, petitions, tips, support and meetings and rebuilds
the rollup; --fill-events is kept for old command lines and only says to ANALYZE a reused database.

Prints the median of --repeat runs after one warm-up, in milliseconds. For each indicator: the
ORM function, the hand-written SQL (same definition, same indexes), their ratio (target ≤ 2), and
whether both gave the same answer. Targets: province dashboard < 1 s, national monthly < 2 s.
Not a test: timings depend on the machine and its load (the load average is printed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", default="2026-11-28", help="The day the data is generated as of.")
    parser.add_argument("--data-dir", default="/tmp/longdan-bench-indicators")
    parser.add_argument("--reuse", action="store_true", help="Keep the database already there.")
    parser.add_argument("--fill-events", action="store_true", help="ANALYZE a reused database too.")
    parser.add_argument("--period", default="2026-10")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--only", default="", help="Comma-separated indicator names to compare (default all)."
    )
    args = parser.parse_args()

    postgres = bool(os.environ.get("DATABASE_URL"))
    if not postgres:
        data_dir = Path(args.data_dir)
        if not args.reuse and data_dir.exists():
            for name in data_dir.glob("longdan.sqlite3*"):
                name.unlink()
        data_dir.mkdir(parents=True, exist_ok=True)
        os.environ["LONGDAN_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "longdan.settings.local")
    os.environ.setdefault("DEBUG", "false")  # as in production: no query log, no debug cursor

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from longdan.demo.synthetic import generated_exists
    from longdan.fieldwork.models import Visit

    call_command("migrate", verbosity=0)
    as_of = date.fromisoformat(args.as_of)
    if not (args.reuse and generated_exists()):
        print(f"generate --households {args.households} …", flush=True)
        started = time.perf_counter()
        extra = ["--reset"] if generated_exists() else []
        call_command(
            "generate",
            f"--households={args.households}",
            f"--seed={args.seed}",
            f"--as-of={as_of}",
            "--no-progress",
            *extra,
            verbosity=0,
        )
        print(f"  {time.perf_counter() - started:.0f} s", flush=True)
    if not Visit.objects.exists():
        print("No visits: this database was generated before `longdan generate` wrote events; drop --reuse.")
    if args.fill_events or not args.reuse:
        analyze()

    print(
        f"\n{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    report_rows()
    run(args)


def analyze() -> None:
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  ANALYZE {time.perf_counter() - started:.1f} s", flush=True)


def report_rows() -> None:
    from django.apps import apps

    print("Rows:")
    missing = []
    for label in (
        "households.Household",
        "households.PovertyAssessment",
        "assignments.HouseholdAssignment",
        "fieldwork.Visit",
        "cases.Case",
        "cases.CaseEvent",
        "intel.Tip",
        "support.Benefit",
        "support.SupportEvent",
        "fieldwork.CellMeeting",
        "rollup.MonthlyStationStats",
    ):
        count = apps.get_model(label).objects.count()
        print(f"  {label:<34}{count:>12,}")
        if not count:
            missing.append(label)
    if missing:
        print(
            f"  (none yet: {', '.join(missing)} — the generator does not make them; --fill-events writes them)"
        )


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median wall and CPU milliseconds of `repeat` runs after a warm-up, and the last result.

    CPU time is this process's and, on PostgreSQL on this machine, the server's (`server_cpu`):
    the work itself, whatever the machine's load — on SQLite the database runs in this process.
    """
    result = fn()
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time() + server_cpu()
        result = fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() + server_cpu() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), result


_postmaster: list[int] = []


def _proc_times(pid: int) -> tuple[int, list[int]]:
    """(parent pid, [utime, stime, cutime, cstime] in clock ticks) of a process, from /proc."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[1]), [int(n) for n in fields[11:15]]


def server_cpu() -> float:
    """CPU seconds the PostgreSQL server on this machine has used so far: its live processes
    (backends, parallel workers) and those already reaped (the postmaster's children time).
    0 on SQLite, or when the server is elsewhere or /proc cannot be read."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    try:
        if not _postmaster:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                _postmaster.append(_proc_times(cursor.fetchone()[0])[0])
        postmaster = _postmaster[0]
        ticks = sum(_proc_times(postmaster)[1])
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    parent, (utime, stime, _cutime, _cstime) = _proc_times(int(entry.name))
                except (OSError, ValueError):
                    continue
                if parent == postmaster:
                    ticks += utime + stime
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def run(args: argparse.Namespace) -> None:
    from django.db.models import Count

    from longdan.accounts.models import Role, RoleGrant, User
    from longdan.households.models import Household
    from longdan.org.models import Unit, UnitKind
    from longdan.reports import indicators
    from longdan.reports.periods import Period
    from longdan.reports.scope import ReportScope
    from longdan.reports.selectors import dashboard

    period = Period.parse(args.period)
    top = Household.objects.values("station__parent_id").annotate(n=Count("*")).order_by("-n").first()
    assert top is not None, "no households: generate first"
    province = Unit.objects.get(pk=top["station__parent_id"])
    hq = Unit.objects.get(parent__isnull=True, kind=UnitKind.HQ)
    users = {}
    for name, role, unit in (("bench-province", Role.PROVINCE_COMMAND, province), ("bench-hq", Role.HQ, hq)):
        user, _ = User.objects.get_or_create(username=name)
        RoleGrant.objects.get_or_create(
            user=user, role=role, unit=unit, defaults={"start_date": date(2020, 1, 1)}
        )
        users[name] = user
    scopes = {"province": ReportScope.for_unit(province), "national": ReportScope.for_unit(hq)}
    print(
        f"\nPeriod {period.code}; province: {province.name} ({len(scopes['province'].station_ids)} stations, "
        f"{top['n']:,} households); national: {Household.objects.count():,} households."
    )

    print(
        f"\nWhole sets (median of {args.repeat}, ms; CPU of this process and a local PostgreSQL server "
        "beside; 1-minute load average "
        "after the runs — on a loaded machine the wall time waits for a CPU, the CPU time does not):"
    )
    for label, fn, target in (
        ("province: all indicators, one month", lambda: indicators.compute(scopes["province"], period), None),
        (
            "province: with the previous month",
            lambda: indicators.compute_all(scopes["province"], period),
            None,
        ),
        (
            "province dashboard (+ trend, stations)",
            lambda: dashboard(user=users["bench-province"], period=period),
            1000,
        ),
        ("national: all indicators, one month", lambda: indicators.compute(scopes["national"], period), None),
        (
            "national monthly (with previous)",
            lambda: indicators.compute_all(scopes["national"], period),
            2000,
        ),
        (
            "national dashboard (+ trend, stations)",
            lambda: dashboard(user=users["bench-hq"], period=period),
            None,
        ),
    ):
        ms, cpu, _result = timed(fn, args.repeat)
        verdict = "" if target is None else ("  OK" if ms < target else f"  OVER {target} ms")
        print(f"  {label:<42}{ms:>10.1f}{cpu:>10.1f}  load {os.getloadavg()[0]:4.1f}{verdict}", flush=True)

    only = {name for name in args.only.split(",") if name}
    print(
        f"\nEach indicator, ORM vs hand-written SQL (median of {args.repeat}, wall ms; then the CPU ms of "
        "this process and a local PostgreSQL server, and their ratio; the load average):"
    )
    print(
        f"  {'indicator':<24}{'scope':<10}{'ORM':>10}{'SQL':>10}{'ratio':>8}"
        f"{'ORM cpu':>10}{'SQL cpu':>10}{'ratio':>8}{'load':>6}  same answer"
    )
    everywhere = sorted(scopes["national"].station_ids)
    for name, indicator in indicators.INDICATORS.items():
        if only and name not in only:
            continue
        sql = HAND_SQL[name]
        for scope_name, scope in scopes.items():
            orm_ms, orm_cpu, orm_result = timed(lambda i=indicator, s=scope: i(s, period), args.repeat)
            # The best of the plain statement and, for the whole country, the one listing every station
            # (which lets the database read the (station, time) indexes, as the ORM functions do).
            variants = [sorted(scope.station_ids)] if not scope.everything else [None, everywhere]
            best = None
            for stations in variants:
                sql_ms, sql_cpu, sql_result = timed(lambda q=sql, st=stations: q(st, period), args.repeat)
                if best is None or sql_ms < best[0]:
                    best = (sql_ms, sql_cpu, sql_result)
            assert best is not None
            sql_ms, sql_cpu, sql_result = best
            same = EXTRACT[name](orm_result) == sql_result
            ratio = orm_ms / max(sql_ms, 0.01)
            print(
                f"  {name:<24}{scope_name:<10}{orm_ms:>10.1f}{sql_ms:>10.1f}{ratio:>8.2f}"
                f"{orm_cpu:>10.1f}{sql_cpu:>10.1f}{orm_cpu / max(sql_cpu, 0.01):>8.2f}"
                f"{os.getloadavg()[0]:>6.1f}  "
                f"{'yes' if same else f'NO: {EXTRACT[name](orm_result)} ≠ {sql_result}'}",
                flush=True,
            )

    print("\nTrend (12 months, visits):")
    from longdan.reports import rollup

    months = period.trailing_months(12)
    for scope_name, scope in scopes.items():
        rollup_ms, _c, _r = timed(lambda s=scope: rollup.trend(s, months), args.repeat)
        live_ms, _lc, _l = timed(lambda s=scope: live_trend(s, months), 1)
        print(f"  {scope_name:<10} rollup {rollup_ms:8.1f} ms   live count of the events {live_ms:10.1f} ms")


def live_trend(scope: Any, months: list[Any]) -> list[int]:
    from longdan.reports.indicators.fieldwork import visits_queryset

    return [visits_queryset(scope, month).count() for month in months]


# --- the hand-written SQL: the same definitions, written directly for the database ---


def _sql(statement: str, params: list[Any]) -> list[tuple]:
    from django.db import connection

    ops = connection.ops
    # As the ORM does: instants in UTC in the form the backend stores them (SQLite compares text).
    adapted = [
        ops.adapt_datetimefield_value(p) if isinstance(p, datetime)
        else ops.adapt_datefield_value(p) if isinstance(p, date)
        else p
        for p in params
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(statement, adapted)
        return list(cursor.fetchall())


def _pg() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def _in(column: str, stations: list[int] | None) -> tuple[str, list[int]]:
    if stations is None:
        return "1 = 1", []
    return f"{column} IN ({', '.join(['%s'] * len(stations))})", list(stations)


def _local_date(column: str) -> str:
    return f"(({column}) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date" if _pg() else f"date({column}, '+7 hours')"


def _bounds(period: Any) -> tuple[Any, Any]:
    return period.bounds()


def _as_of(period: Any) -> tuple[date, Any]:
    from longdan.reports.indicators._common import end_of_day

    day = period.as_of()
    return day, end_of_day(day)


IN_FORCE = (
    "a.role = 'primary' AND a.start_date <= %s AND (a.end_date IS NULL OR a.end_date >= %s)"  # day, day
)
REGISTERED = (
    "(h.created_at < %s OR EXISTS (SELECT 1 FROM assignments_householdassignment r "
    "WHERE r.household_id = h.id AND r.start_date <= %s))"  # end of day, day
)


def sql_members_in_charge(stations: list[int] | None, period: Any) -> int:
    day, _after = _as_of(period)
    if stations is None:
        rows = _sql(
            f"SELECT COUNT(DISTINCT a.member_id) FROM assignments_householdassignment a WHERE {IN_FORCE}",
            [day, day],
        )
    else:
        where, ids = _in("h.station_id", stations)
        rows = _sql(
            "SELECT COUNT(DISTINCT a.member_id) FROM assignments_householdassignment a "
            f"JOIN households_household h ON h.id = a.household_id WHERE {IN_FORCE} AND {where}",
            [day, day, *ids],
        )
    return rows[0][0]


def sql_household_coverage(stations: list[int] | None, period: Any) -> tuple:
    day, after = _as_of(period)
    where, ids = _in("h.station_id", stations)
    rows = _sql(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM assignments_householdassignment a "
        f"WHERE a.household_id = h.id AND {IN_FORCE}) THEN 1 ELSE 0 END), 0) "
        f"FROM households_household h WHERE {where} AND {REGISTERED}",
        [day, day, *ids, after, day],
    )
    return tuple(rows[0])


def sql_visits(stations: list[int] | None, period: Any) -> tuple:
    start, end = _bounds(period)
    day, after = _as_of(period)
    where, ids = _in("v.station_id", stations)
    h_where, h_ids = _in("h.station_id", stations)
    rows = _sql(
        f"SELECT COUNT(*), COUNT(DISTINCT v.household_id), (SELECT COUNT(*) FROM households_household h "
        f"WHERE {h_where} AND {REGISTERED}) FROM fieldwork_visit v "
        f"WHERE {where} AND v.visited_at >= %s AND v.visited_at < %s",
        [*h_ids, after, day, *ids, start, end],
    )
    return tuple(rows[0])


def sql_visited_within_cadence(stations: list[int] | None, period: Any) -> tuple:
    day, after = _as_of(period)
    where, ids = _in("h.station_id", stations)
    if _pg():
        due = (
            "CASE WHEN d.last_at IS NULL THEN COALESCE(d.since, (d.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) "
            "ELSE (d.last_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + d.days END"
        )
    else:
        due = (
            "CASE WHEN d.last_at IS NULL THEN COALESCE(d.since, date(d.created_at, '+7 hours')) "
            "ELSE date(d.last_at, '+7 hours', '+' || d.days || ' days') END"
        )
    rows = _sql(
        f"""
        WITH hh AS (
            SELECT h.id, h.station_id, h.priority, h.created_at,
                CASE WHEN h.poverty_assessed_on IS NULL OR h.poverty_assessed_on <= %s THEN h.poverty_category
                     ELSE COALESCE((SELECT p.category FROM households_povertyassessment p
                                    WHERE p.household_id = h.id AND p.assessed_on <= %s
                                    ORDER BY p.assessed_on DESC, p.id DESC LIMIT 1), '') END AS category,
                (SELECT v.visited_at FROM fieldwork_visit v WHERE v.household_id = h.id AND v.visited_at < %s
                 ORDER BY v.visited_at DESC LIMIT 1) AS last_at,
                (SELECT a.start_date FROM assignments_householdassignment a
                 WHERE a.household_id = h.id AND {IN_FORCE} ORDER BY a.start_date DESC LIMIT 1) AS since
            FROM households_household h WHERE {where} AND {REGISTERED}
        ), d AS (
            SELECT hh.*, CASE WHEN hh.priority = 'priority' THEN COALESCE(c.priority_days, 7)
                              WHEN hh.category IN ('poor', 'near_poor') THEN COALESCE(c.poor_days, 14)
                              ELSE COALESCE(c.other_days, 30) END AS days
            FROM hh LEFT JOIN fieldwork_visitcadence c ON c.station_id = hh.station_id
        )
        SELECT COUNT(*), COALESCE(SUM(CASE WHEN {due} >= %s THEN 1 ELSE 0 END), 0) FROM d
        """,
        [day, day, after, day, day, *ids, after, day, day],
    )
    return tuple(rows[0])


def sql_petitions_received(stations: list[int] | None, period: Any) -> dict:
    where, ids = _in("station_id", stations)
    rows = _sql(
        f"SELECT category, COUNT(*) FROM cases_case WHERE {where} AND received_on >= %s AND received_on <= %s "
        "GROUP BY category",
        [*ids, period.start, period.end],
    )
    return dict(rows)


def sql_petitions_resolved(stations: list[int] | None, period: Any) -> tuple:
    start, end = _bounds(period)
    where, ids = _in("e.station_id", stations)
    day = _local_date("e.at")
    days = f"({day} - c.received_on)" if _pg() else f"(julianday({day}) - julianday(c.received_on))"
    resolved = (
        f"SELECT {days} AS days, CASE WHEN {day} <= c.due_on THEN 1 ELSE 0 END AS on_time "
        "FROM cases_caseevent e JOIN cases_case c ON c.id = e.case_id "
        f"WHERE e.to_state = 'resolved' AND e.from_state <> 'resolved' AND e.at >= %s AND e.at < %s AND {where}"
    )
    if _pg():
        statement = (
            f"WITH r AS ({resolved}) SELECT COUNT(*), COALESCE(SUM(on_time), 0), "
            "percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM r"
        )
    else:
        statement = (
            f"WITH r AS ({resolved}) SELECT (SELECT COUNT(*) FROM r), (SELECT COALESCE(SUM(on_time), 0) FROM r), "
            "(SELECT AVG(days) FROM (SELECT days FROM r ORDER BY days "
            "LIMIT 2 - (SELECT COUNT(*) FROM r) %% 2 OFFSET (SELECT (COUNT(*) - 1) / 2 FROM r)))"
        )
    count, on_time, median = _sql(statement, [start, end, *ids])[0]
    return count, on_time, None if median is None else float(median)


OPEN = "('received', 'proposed', 'planned', 'referred', 'resolved')"


def sql_petitions_overdue(stations: list[int] | None, period: Any) -> int:
    day, after = _as_of(period)
    where, ids = _in("c.station_id", stations)
    candidates = f"FROM cases_case c WHERE {where} AND c.received_on <= %s AND c.due_on < %s"
    state_then = (
        "COALESCE((SELECT e.to_state FROM cases_caseevent e WHERE e.case_id = c.id AND e.at < %s "
        "ORDER BY e.at DESC, e.id DESC LIMIT 1), 'received')"
    )
    rows = _sql(
        f"""
        SELECT (SELECT COUNT(*) {candidates} AND c.state IN {OPEN})
             - (SELECT COUNT(*) {candidates} AND c.state_changed_at >= %s AND c.state IN {OPEN})
             + (SELECT COUNT(*) {candidates} AND c.state_changed_at >= %s AND {state_then} IN {OPEN})
        """,
        [*ids, day, day, *ids, day, day, after, *ids, day, day, after, after],
    )
    return rows[0][0]


def sql_tips(stations: list[int] | None, period: Any) -> tuple:
    start, end = _bounds(period)
    where, ids = _in("t.station_id", stations)
    rows = _sql(
        f"SELECT (SELECT COUNT(*) FROM intel_tip t WHERE {where} AND t.received_at >= %s AND t.received_at < %s), "
        "COALESCE(SUM(CASE WHEN e.to_status = 'verified' THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN e.to_status = 'acted_on' THEN 1 ELSE 0 END), 0) "
        "FROM intel_tipevent e JOIN intel_tip t ON t.id = e.tip_id "
        f"WHERE e.to_status IN ('verified', 'acted_on') AND e.at >= %s AND e.at < %s AND {where}",
        [*ids, start, end, start, end, *ids],
    )
    return tuple(rows[0])


def sql_support_given(stations: list[int] | None, period: Any) -> tuple:
    where, ids = _in("station_id", stations)
    benefits = _sql(
        f"SELECT program_id, COUNT(*), SUM(value) FROM support_benefit WHERE {where} "
        "AND given_on >= %s AND given_on <= %s AND loan_status IN ('', 'disbursed') GROUP BY program_id",
        [*ids, period.start, period.end],
    )
    events = _sql(
        f"SELECT program_id, COUNT(*), SUM(people_served), SUM(medicine_value) FROM support_supportevent "
        f"WHERE {where} AND held_on >= %s AND held_on <= %s GROUP BY program_id",
        [*ids, period.start, period.end],
    )
    return (
        sum(r[1] for r in benefits),
        sum(int(r[2]) for r in benefits),
        sum(r[1] for r in events),
        sum(int(r[3]) for r in events),
    )


def sql_loans(stations: list[int] | None, period: Any) -> tuple:
    start, end = _bounds(period)
    where, ids = _in("station_id", stations)
    rows = _sql(
        "SELECT a.n, a.amount, d.n, d.amount FROM "
        f"(SELECT COUNT(*) AS n, COALESCE(SUM(loan_amount), 0) AS amount FROM support_benefit WHERE {where} "
        "AND loan_status <> '' AND created_at >= %s AND created_at < %s) a, "
        f"(SELECT COUNT(*) AS n, COALESCE(SUM(loan_amount), 0) AS amount FROM support_benefit WHERE {where} "
        "AND loan_status = 'disbursed' AND given_on >= %s AND given_on <= %s) d",
        [*ids, start, end, *ids, period.start, period.end],
    )
    advised, advised_amount, disbursed, disbursed_amount = rows[0]
    return (advised, int(advised_amount), disbursed, int(disbursed_amount))


def sql_poverty_status(stations: list[int] | None, period: Any) -> dict:
    day, after = _as_of(period)
    where, ids = _in("h.station_id", stations)
    rows = _sql(
        f"""
        SELECT category, COUNT(*) FROM (
            SELECT CASE WHEN h.poverty_assessed_on IS NULL OR h.poverty_assessed_on <= %s THEN h.poverty_category
                        ELSE COALESCE((SELECT p.category FROM households_povertyassessment p
                                       WHERE p.household_id = h.id AND p.assessed_on <= %s
                                       ORDER BY p.assessed_on DESC, p.id DESC LIMIT 1), '') END AS category
            FROM households_household h WHERE {where} AND {REGISTERED}) s
        GROUP BY category
        """,
        [day, day, *ids, after, day],
    )
    return {category or "not_assessed": n for category, n in rows}


def sql_poverty_transitions(stations: list[int] | None, period: Any) -> tuple:
    where, ids = _in("h.station_id", stations)
    latest = (
        "(SELECT p.category FROM households_povertyassessment p WHERE p.household_id = h.id AND p.assessed_on {op} %s "
        "ORDER BY p.assessed_on DESC, p.id DESC LIMIT 1)"
    )
    rows = _sql(
        f"""
        SELECT COUNT(*),
               COALESCE(SUM(CASE WHEN before = 'poor' AND after <> 'poor' THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN before <> 'poor' AND after = 'poor' THEN 1 ELSE 0 END), 0)
        FROM (SELECT {latest.format(op="<")} AS before, {latest.format(op="<=")} AS after
              FROM households_household h WHERE {where} AND h.id IN (
                  SELECT household_id FROM households_povertyassessment
                  WHERE assessed_on >= %s AND assessed_on <= %s)) s
        """,
        [period.start, period.end, *ids, period.start, period.end],
    )
    return tuple(rows[0])


def sql_cell_meetings(stations: list[int] | None, period: Any) -> tuple:
    where, ids = _in("m.station_id", stations)
    rows = _sql(
        f"SELECT (SELECT COUNT(*) FROM fieldwork_cellmeeting m WHERE {where} AND m.held_on >= %s AND m.held_on <= %s), "
        "COUNT(*), COUNT(DISTINCT a.member_id) FROM fieldwork_cellmeeting_attendees a "
        f"JOIN fieldwork_cellmeeting m ON m.id = a.cellmeeting_id WHERE {where} AND m.held_on >= %s AND m.held_on <= %s",
        [*ids, period.start, period.end, *ids, period.start, period.end],
    )
    return tuple(rows[0])


HAND_SQL: dict[str, Callable[[list[int] | None, Any], Any]] = {
    "members_in_charge": sql_members_in_charge,
    "household_coverage": sql_household_coverage,
    "visits": sql_visits,
    "visited_within_cadence": sql_visited_within_cadence,
    "petitions_received": sql_petitions_received,
    "petitions_resolved": sql_petitions_resolved,
    "petitions_overdue": sql_petitions_overdue,
    "tips": sql_tips,
    "support_given": sql_support_given,
    "loans": sql_loans,
    "poverty_status": sql_poverty_status,
    "poverty_transitions": sql_poverty_transitions,
    "cell_meetings": sql_cell_meetings,
}

# What of the ORM function's answer the SQL computes, in the SQL's shape.
EXTRACT: dict[str, Callable[[Any], Any]] = {
    "members_in_charge": lambda r: r,
    "household_coverage": lambda r: (r["households"], r["covered"]),
    "visits": lambda r: (r["visits"], r["households_visited"], r["households"]),
    "visited_within_cadence": lambda r: (r["households"], r["within"]),
    "petitions_received": lambda r: {k: v for k, v in r["by_category"].items() if v},
    "petitions_resolved": lambda r: (
        r["resolved"],
        r["on_time"],
        None if r["median_days"] is None else float(r["median_days"]),
    ),
    "petitions_overdue": lambda r: r,
    "tips": lambda r: (r["received"], r["verified"], r["acted_on"]),
    "support_given": lambda r: (r["benefits"], r["value"], r["events"], r["medicine_value"]),
    "loans": lambda r: (r["advised"], r["advised_amount"], r["disbursed"], r["disbursed_amount"]),
    "poverty_status": lambda r: {k: v for k, v in r.items() if v},
    "poverty_transitions": lambda r: (r["reassessed"], r["out_of_poverty"], r["into_poverty"]),
    "cell_meetings": lambda r: (r["held"], r["attendances"], r["members_attending"]),
}


if __name__ == "__main__":
    main()
