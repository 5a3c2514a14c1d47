"""longdan retention [--dry-run | --apply]: anonymise closed records past their retention (privacy/retention.py)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from longdan.privacy.retention import KINDS, retention_apply, retention_plan


class Command(BaseCommand):
    help = "Show (default) or apply the anonymisation of closed records past LONGDAN_RETENTION_YEARS."

    def add_arguments(self, parser: CommandParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--dry-run", action="store_true", help="Only show what would change (the default).")
        mode.add_argument(
            "--apply", action="store_true", help="Anonymise, in one transaction, with audit rows."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        apply = options["apply"]
        plan = retention_apply() if apply else retention_plan()
        verb = "anonymised" if apply else "would be anonymised"
        for kind in KINDS:
            self.stdout.write(
                f"{kind}: {plan.counts[kind]} {verb} (closed before {plan.cutoffs[kind]:%d/%m/%Y})"
            )
        if not apply:
            self.stdout.write("Dry run: nothing changed. Run with --apply to anonymise.")
