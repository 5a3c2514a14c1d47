"""`longdan report --scope <unit code> --period 2026-10 --format xlsx|docx|pdf --output FILE`.

Generates the report file here and now (no worker needed), as the system: everything in the
unit's subtree, tips included. For a person's report, with their scope, use the reports page.
"""

import os
import tempfile
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from longdan.audit.models import AuditAction
from longdan.audit.services import audit_record
from longdan.org.models import Unit
from longdan.reports.documents import FORMATS, render_report
from longdan.reports.periods import Period, PeriodError
from longdan.reports.scope import ReportScope


class Command(BaseCommand):
    help = (
        "Generate the report “Kết quả thực hiện mô hình đảng viên Đồn Biên phòng phụ trách hộ gia đình” for a "
        "unit and a period, as .xlsx, .docx or PDF. The period is a month (2026-10), a quarter (2026-Q3), a "
        "half-year (2026-H1), a year (2026) or a range of days (2026-01-01..2026-03-31)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scope", required=True, metavar="UNIT_CODE", help="The unit's code, e.g. DBP-VH."
        )
        parser.add_argument(
            "--period", required=True, help="2026-10, 2026-Q3, 2026-H1, 2026 or a range of days."
        )
        parser.add_argument(
            "--format",
            dest="fmt",
            metavar="FORMAT",
            help="xlsx, docx or pdf (default: the output file's extension).",
        )
        parser.add_argument("--output", required=True, metavar="FILE", help="Where to write the file.")
        parser.add_argument(
            "--recipients",
            default="",
            help="The “Nơi nhận” lines of the document, separated by “;” (default: the parent unit and the archive).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        fmt = (options["fmt"] or output.suffix.lstrip(".")).lower()
        if fmt not in FORMATS:
            raise CommandError(
                _("Unknown format “%(format)s”: choose xlsx, docx or pdf.")
                % {"format": options["fmt"] or fmt}
            )
        try:
            period = Period.parse(options["period"])
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        unit = Unit.objects.filter(code=options["scope"]).first()
        if unit is None:
            raise CommandError(_("No unit has the code “%(code)s”.") % {"code": options["scope"]})
        if not output.parent.is_dir():
            raise CommandError(_("The folder %(folder)s does not exist.") % {"folder": output.parent})
        recipients = [line.strip() for line in options["recipients"].split(";") if line.strip()]

        started = time.perf_counter()

        def progress(percent: int, what: str) -> None:
            if options["verbosity"] > 0:
                self.stdout.write(f"{percent:3d}% {what}")

        data = render_report(
            scope=ReportScope.for_unit(unit),
            period=period,
            fmt=fmt,
            recipients=recipients or None,
            progress=progress,
        )
        # Written beside the target and renamed: a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=".longdan-report-", suffix=f".{fmt}")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, output)
        audit_record(
            actor=None,
            action=AuditAction.EXPORT,
            object_type="reports.report",
            object_id=unit.code,
            object_repr=f"longdan report {unit.code} {period.code} {fmt}",
        )
        self.stdout.write(
            _("%(file)s: %(unit)s, %(period)s, %(size)s kB in %(seconds).1f s")
            % {
                "file": output,
                "unit": unit.name,
                "period": period.label,
                "size": max(1, len(data) // 1024),
                "seconds": time.perf_counter() - started,
            }
        )
