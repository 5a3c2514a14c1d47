"""`longdan run_schedules [--date 2026-11-01]`: make the monthly reports that schedules ask for.

Run it daily, e.g. from cron at 01:00:

    0 1 * * *  cd /srv/longdan && LONGDAN_DATA_DIR=/srv/longdan/var .venv/bin/longdan run_schedules

On the 1st of a month it generates the month before for every active schedule; on other
days only what is still missing. A schedule never gets the same month twice.
"""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from longdan.reports.models import ReportStatus
from longdan.reports.services import schedules_run


class Command(BaseCommand):
    help = (
        "Generate the monthly reports of the active schedules for the month before the given day (today by "
        "default), each once. Meant to run daily from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", default=None, help="Act as if today were this day (YYYY-MM-DD).")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["date"]:
            try:
                today = date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(_("Write the day as YYYY-MM-DD, e.g. 2026-11-01.")) from exc
        reports = schedules_run(today=today)
        if not reports:
            if options["verbosity"] > 0:
                self.stdout.write(_("Nothing to generate."))
            return
        failed = 0
        for report in reports:
            ok = report.status == ReportStatus.DONE
            failed += not ok
            self.stdout.write(
                f"{'✓' if ok else '✗'} {report.unit} {report.period} .{report.format}"
                + ("" if ok else f": {report.error}")
            )
        if failed:
            raise CommandError(
                _("%(failed)s of %(total)s reports failed; they will be tried again on the next run.")
                % {"failed": failed, "total": len(reports)}
            )
