"""Benchmark `longdan generate`: a fresh database, the official units, then the generator, timed.

    .venv/bin/python bench/generate.py [--households 100000] [--seed 1] [--months 36] [--keep]

The target (issue 2): 100,000 households — the people and places, `--months 0` — in under
3 minutes on SQLite on a 2-core machine. The three years of field activity that
`generate` adds by default (7.2 million visits and the rest) have no target of their own;
the figure is printed for the record. Each run uses a new temporary data directory, so the embedded SQLite
database starts empty and nobody's var/ is touched. With DATABASE_URL set
(PostgreSQL), that database is migrated and the generator runs with --reset.

Prints the wall-clock and CPU time of the generator alone (the unit list is
loaded before the clock starts), the row counts and the database size. Not a
test: timings depend on the machine; CPU time is shown because wall time on a
shared machine also measures the neighbours.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--months", type=int, default=36, help="Months of field activity (0: none).")
    parser.add_argument(
        "--keep", action="store_true", help="Keep the temporary data directory and say where."
    )
    args = parser.parse_args()

    # Before Django reads its settings: the database goes to a directory of our own.
    data_dir = Path(tempfile.mkdtemp(prefix="longdan-bench-"))
    os.environ["LONGDAN_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "longdan.settings.local")
    postgres = bool(os.environ.get("DATABASE_URL"))

    import django

    django.setup()
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection

    try:
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        call_command("load_units", verbosity=0)
        print(f"load_units: {time.perf_counter() - started:.1f} s", flush=True)

        extra = ["--reset"] if postgres else []
        print(f"generate --households {args.households} on {connection.vendor}, {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
        wall, cpu = time.perf_counter(), time.process_time()
        call_command(
            "generate",
            f"--households={args.households}",
            f"--seed={args.seed}",
            f"--months={args.months}",
            "--no-progress",
            *extra,
        )
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu

        print("\nRows:")
        for label in (
            "org.Unit",
            "org.UnitArea",
            "org.PartyCell",
            "geo.Hamlet",
            "people.Member",
            "households.Household",
            "households.Resident",
            "households.PovertyAssessment",
            "assignments.HouseholdAssignment",
            "assignments.CellParticipation",
            "fieldwork.Visit",
            "cases.Case",
            "cases.CaseEvent",
            "intel.Tip",
            "support.Benefit",
            "fieldwork.CellMeeting",
        ):
            print(f"  {label:<34}{apps.get_model(label).objects.count():>10,}")
        if not postgres:
            size = sum(f.stat().st_size for f in data_dir.glob("longdan.sqlite3*"))
            print(f"  database size {size / 2**20:,.0f} MiB")
        target = (
            " (target: under 180 s)"
            if args.months == 0
            else f" ({args.months} months of activity; no target)"
        )
        print(f"\ngenerate: {wall:.1f} s wall, {cpu:.1f} s CPU{target}")
    finally:
        connection.close()
        if args.keep:
            print(f"Data kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
