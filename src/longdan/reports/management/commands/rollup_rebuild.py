"""`longdan rollup_rebuild [--check] [--since 2026-01]`: recount the monthly rollup from the events."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from longdan.reports import rollup
from longdan.reports.periods import Period, PeriodError


class Command(BaseCommand):
    help = (
        "Recount the monthly rollup (station × month) from the events and store it. With --check, store "
        "nothing: list where the stored rollup differs from the recount, and exit with status 1 if it does."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="Compare only; change nothing.")
        parser.add_argument("--since", default=None, help="Only months from this one (e.g. 2026-01).")

    def handle(self, *args: Any, **options: Any) -> None:
        since = None
        if options["since"]:
            try:
                since = Period.parse(options["since"]).start
            except PeriodError as exc:
                raise CommandError(str(exc)) from exc
        started = time.perf_counter()
        if options["check"]:
            differences = rollup.compare(since=since)
            for d in differences[:200]:
                self.stdout.write(
                    f"station {d.station_id} {d.month:%Y-%m} {d.counter}: stored {d.stored}, counted {d.counted}"
                )
            if len(differences) > 200:
                self.stdout.write(f"… and {len(differences) - 200} more")
            seconds = time.perf_counter() - started
            if differences:
                self.stderr.write(
                    f"The rollup differs from the events in {len(differences)} counters ({seconds:.1f} s)."
                )
                raise SystemExit(1)
            self.stdout.write(f"The rollup equals a live count of the events ({seconds:.1f} s).")
            return
        rows = rollup.rebuild(since=since)
        self.stdout.write(
            f"Rebuilt the rollup: {rows} station-months ({time.perf_counter() - started:.1f} s)."
        )
