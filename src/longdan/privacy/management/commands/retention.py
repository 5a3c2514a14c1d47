"""longdan retention [--dry-run | --apply]: anonymise closed records past their retention (privacy/retention.py),
and delete report files past LONGDAN_REPORT_FILE_DAYS (reports/retention.py)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from longdan.privacy.retention import KINDS, retention_apply, retention_plan
from longdan.reports.retention import ReportFilePlan, report_files_plan, report_files_remove


class Command(BaseCommand):
    help = (
        "Show (default) or apply the anonymisation of closed records past LONGDAN_RETENTION_YEARS "
        "and the deletion of report files past LONGDAN_REPORT_FILE_DAYS."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--dry-run", action="store_true", help="Only show what would change (the default).")
        mode.add_argument(
            "--apply",
            action="store_true",
            help="Anonymise (one transaction) and delete old report files (a transaction per batch), with audit rows.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        apply = options["apply"]
        plan = retention_apply() if apply else retention_plan()
        verb = "anonymised" if apply else "would be anonymised"
        for kind in KINDS:
            self.stdout.write(
                f"{kind}: {plan.counts[kind]} {verb} (closed before {plan.cutoffs[kind]:%d/%m/%Y})"
            )
        self._report_files(report_files_remove() if apply else report_files_plan(), apply=apply)
        if not apply:
            self.stdout.write("Dry run: nothing changed. Run with --apply to anonymise and delete.")

    def _report_files(self, plan: ReportFilePlan, *, apply: bool) -> None:
        verb = "removed" if apply else "would be removed"
        self.stdout.write(
            f"report file: {len(plan.reports)} {verb} "
            f"(generated before {timezone.localtime(plan.cutoff):%d/%m/%Y}, kept {plan.days} days)"
        )
        for report in plan.reports:
            generated = timezone.localtime(report.finished_at or report.created_at)
            self.stdout.write(f"  #{report.pk} {report} generated {generated:%d/%m/%Y}")
        self.stdout.write(f"report file without a request: {len(plan.orphans)} {verb}")
        for name in plan.orphans:
            self.stdout.write(f"  {name}")
