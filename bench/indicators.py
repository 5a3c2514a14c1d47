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
from datetime import date
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
    from indicator_sql import EXTRACT, HAND_SQL

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


if __name__ == "__main__":
    main()
