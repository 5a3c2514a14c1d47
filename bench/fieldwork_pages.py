"""Benchmark the field member's pages on national data: the work list (/today/) and the household card.

    .venv/bin/python bench/fieldwork_pages.py [--households 100000] [--seed 1] [--reuse]
                                              [--sample 40] [--repeat 3]

The database is SQLite in a file of its own, var/bench/fieldwork_pages.sqlite3 (DATABASE_URL is
set to it before Django starts, so var/longdan.sqlite3 and any DATABASE_URL in the environment
are never touched). Without --reuse it is made anew: migrate, the official units, then
`longdan generate --households N` (timed: wall and CPU, with the rows per table). With --reuse
the database already there is used as it is (generation of 100,000 households takes minutes).

Then --sample members in charge of households are given a login (member role, which needs no
second factor; usernames `gen-bench-…`, removed by `generate --reset`), and for each the work
list and the card of one of their households are fetched with Django's test Client, --repeat
times after one warm-up. Prints the median and 95th percentile in milliseconds and the queries
per page, and the median CPU time (wall time on a shared machine also measures the neighbours;
SQLite runs in the process, so CPU time is the page's own cost). Requirement (issue 3): each page under 150 ms. Not a test: timings depend on the
machine and its load (the load average is printed).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "var" / "bench" / "fieldwork_pages.sqlite3"
TARGET_MS = 150


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", default="2026-11-28", help="The day the data is generated as of.")
    parser.add_argument("--reuse", action="store_true", help="Use the database already there.")
    parser.add_argument("--sample", type=int, default=40, help="Members (and households) timed.")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        for old in DATABASE.parent.glob(DATABASE.name + "*"):
            old.unlink()
    # Before Django reads its settings: this benchmark's own file, whatever the environment says.
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "longdan.settings.local")
    os.environ["DEBUG"] = "false"  # as served: no query log, no debug toolbar
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")

    import django

    django.setup()
    from django.core.management import call_command

    from longdan.demo.synthetic import generated_exists

    call_command("migrate", verbosity=0)
    if not (args.reuse and generated_exists()):
        call_command("load_units", verbosity=0)
        print(
            f"generate --households {args.households} on SQLite, {os.cpu_count()} CPUs, "
            f"load average {os.getloadavg()[0]:.1f}",
            flush=True,
        )
        wall, cpu = time.perf_counter(), time.process_time()
        call_command(
            "generate",
            f"--households={args.households}",
            f"--seed={args.seed}",
            f"--as-of={args.as_of}",
            "--no-progress",
            stdout=sys.stdout,
        )
        print(
            f"generate: {time.perf_counter() - wall:.0f} s wall, {time.process_time() - cpu:.0f} s CPU, "
            f"database {DATABASE.stat().st_size / 2**30:.1f} GiB",
            flush=True,
        )
    measure(args)


def member_logins(sample: int, seed: int) -> list[tuple[object, int]]:
    """(user, one household in their charge) for `sample` members, chosen at random with `seed`."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from longdan.accounts.models import Role, RoleGrant, User
    from longdan.assignments.models import AssignmentRole, HouseholdAssignment
    from longdan.demo.synthetic.context import MODEL_START
    from longdan.people.models import Member

    open_primary = HouseholdAssignment.objects.filter(role=AssignmentRole.PRIMARY, end_date=None)
    member_ids = sorted(set(open_primary.values_list("member_id", flat=True)))
    chosen = random.Random(seed).sample(member_ids, min(sample, len(member_ids)))
    found = []
    with transaction.atomic():
        for member in Member.objects.filter(pk__in=chosen).select_related("unit").order_by("pk"):
            station_id = member.unit.parent_id if member.unit.kind == "team" else member.unit_id
            user, created = User.objects.get_or_create(
                username=f"gen-bench-{member.pk}", defaults={"password": make_password(None)}
            )
            if created:
                RoleGrant.objects.create(
                    user=user, role=Role.MEMBER, unit_id=station_id, start_date=MODEL_START
                )
                Member.objects.filter(pk=member.pk).update(user=user)
            household = open_primary.filter(member=member).order_by("household_id").first()
            assert household is not None
            found.append((user, household.household_id))
    return found


def measure(args: argparse.Namespace) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from longdan.fieldwork.models import Visit

    logins = member_logins(args.sample, args.seed)
    print(
        f"\n{Visit.objects.count():,} visits; {len(logins)} members, {args.repeat} runs each after a warm-up; "
        f"load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    pages = {
        "work list (/today/)": lambda household: reverse("work-today"),
        "household card": lambda household: reverse("household-detail", args=[household]),
    }
    failed = False
    for name, url_for in pages.items():
        times: list[float] = []
        cpu: list[float] = []
        queries: list[int] = []
        for user, household in logins:
            client = Client()
            client.force_login(user)  # type: ignore[arg-type]
            url = url_for(household)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)  # warm-up, and the query count
            assert response.status_code == 200, (url, response.status_code)
            queries.append(len(captured.captured_queries))
            for _ in range(args.repeat):
                started, used = time.perf_counter(), time.process_time()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - used) * 1000)
                assert response.status_code == 200
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        verdict = "ok" if p95 < TARGET_MS else f"OVER {TARGET_MS} ms"
        failed |= p95 >= TARGET_MS
        print(
            f"  {name:<22} median {median:6.1f} ms   p95 {p95:6.1f} ms   "
            f"(CPU median {statistics.median(cpu):6.1f} ms)   queries {min(queries)}–{max(queries)}   {verdict}",
            flush=True,
        )
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
