"""`longdan generate --households N --seed S`: a synthetic national dataset for scale tests and benchmarks."""

import time
from datetime import date
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError
from django.utils import timezone

from longdan.demo import synthetic
from longdan.geo.models import AdminUnit


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--as-of: expected a date like 2026-10-31, got {value!r}") from exc


class Command(BaseCommand):
    help = (
        "Generate a synthetic national dataset shaped like the real one: border provinces, stations of "
        "20–60 members, about 5 households per member and 4.5 residents per household, poverty histories "
        "and reassignments, then months of visits, petitions, tips, support and cell meetings. Refuses to run when generated data exists, unless --reset."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--households", type=int, default=1000, help="Number of households (default 1000)."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed: the same seed gives the same data."
        )
        parser.add_argument(
            "--as-of",
            type=_day,
            default=None,
            help="The day the data is generated as of (default today); fix it for identical dates too.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the data generated before (and only that) and generate anew.",
        )
        parser.add_argument(
            "--password",
            default=None,
            help="Password for the generated logins (gen-station-N, gen-member-N); without it they cannot log in.",
        )
        parser.add_argument(
            "--months",
            type=int,
            default=36,
            help="Months of activity up to --as-of: visits, petitions, tips, support, cell meetings "
            "(default 36; 0 for none).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")

    def handle(self, *args: Any, **options: Any) -> None:
        households = options["households"]
        if households < 1:
            raise CommandError("--households must be at least 1.")
        as_of = options["as_of"] or timezone.localdate()
        if as_of < date(2020, 1, 1):
            raise CommandError("--as-of must be 2020-01-01 or later (the model started in 2018).")
        if not 0 <= options["months"] <= 120:
            raise CommandError("--months must be between 0 and 120.")
        verbosity = options["verbosity"]
        started = time.perf_counter()
        if not AdminUnit.objects.current().provinces().exists():
            # A fresh database: the generator places everything in the official units.
            call_command("load_units", verbosity=verbosity, stdout=self.stdout, stderr=self.stderr)
        try:
            ctx = synthetic.generate(
                households=households,
                seed=options["seed"],
                as_of=as_of,
                progress=verbosity >= 1 and not options["no_progress"],
                password=options["password"],
                reset=options["reset"],
                months=options["months"],
            )
        except (synthetic.GeneratedDataExists, synthetic.NoBorderProvinces) as exc:
            raise CommandError(str(exc)) from exc
        except IntegrityError as exc:
            # --reset deletes kind by kind and lets the database check the references at commit.
            raise CommandError(
                "--reset stopped and changed nothing: records that the generator does not know "
                f"(visits, petitions, … entered by hand) refer to generated data. {exc}"
            ) from exc
        if verbosity >= 1:
            self._summary(ctx, time.perf_counter() - started)

    def _summary(self, ctx: synthetic.Synthetic, seconds: float) -> None:
        self.stdout.write(
            f"Generated {ctx.households:,} households, seed {ctx.seed}, as of {ctx.as_of:%Y-%m-%d}, "
            f"in {ctx.counts['provinces']} province(s):"
        )
        for label, count in sorted(ctx.counts.items()):
            if "." in label:
                self.stdout.write(f"  {label:<32}{count:>12,}")
        if ctx.usernames:
            self.stdout.write(f"  Logins: {', '.join(ctx.usernames)}")
        self.stdout.write(self.style.SUCCESS(f"Done in {seconds:.1f} s."))
