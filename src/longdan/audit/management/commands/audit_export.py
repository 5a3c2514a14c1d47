"""`longdan audit_export --since 01/11/2026 --until 30/11/2026 --user … --format csv|xlsx --output FILE`.

Run on the server by whoever operates it, so it reads the whole trail (as the administrator's page
does); the export itself is written to the trail, with no user and the filters it used.
"""

from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from longdan.audit.exports import FORMATS, audit_export_record, csv_lines, xlsx_bytes
from longdan.audit.forms import DATE_INPUT_FORMATS
from longdan.audit.models import AuditAction
from longdan.audit.selectors import AuditFilters, audit_entries


def _day(text: str) -> date:
    for pattern in DATE_INPUT_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CommandError(f"Not a date: {text!r} (write dd/mm/yyyy or yyyy-mm-dd).")


class Command(BaseCommand):
    help = "Export the audit trail (optionally filtered) as CSV or Excel."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--since", type=_day, help="First day, dd/mm/yyyy or yyyy-mm-dd.")
        parser.add_argument("--until", type=_day, help="Last day (included).")
        parser.add_argument("--user", default="", help="Part of the username of who acted.")
        parser.add_argument("--action", default="", choices=["", *AuditAction.values])
        parser.add_argument("--format", dest="fmt", choices=FORMATS, help="Default: the output's extension.")
        parser.add_argument("--output", required=True, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        fmt = options["fmt"] or output.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            raise CommandError("Choose --format csv or xlsx.")
        # call_command(since="01/11/2026") skips argparse's conversion: convert here too.
        since, until = (_day(v) if isinstance(v, str) else v for v in (options["since"], options["until"]))
        filters = AuditFilters(user=options["user"], action=options["action"], since=since, until=until)
        rows = audit_export_record(
            actor=None, rows=audit_entries(user=None, filters=filters), filters=filters, fmt=fmt
        )
        if fmt == "csv":
            with output.open("w", encoding="utf-8", newline="") as handle:
                handle.writelines(csv_lines(rows))
        else:
            output.write_bytes(xlsx_bytes(rows))
        self.stdout.write(f"{rows.count()} entries → {output}")
