"""`longdan export --scope <unit code> --output FILE [--format csv|xlsx] [--sensitive]`.

The households of the unit's subtree, one row per resident (see households.transfer), as the
system. Ethnicity, religion and identity numbers only with --sensitive. One audit row.
"""

import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from longdan.audit.models import AuditAction
from longdan.audit.services import audit_record
from longdan.households.models import Household
from longdan.households.transfer import FORMATS, export_bytes, export_rows
from longdan.org.models import Unit
from longdan.reports.scope import ReportScope


class Command(BaseCommand):
    help = "Export the households of a unit's subtree, one row per resident, as CSV or Excel."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scope", required=True, metavar="UNIT_CODE", help="The unit's code, e.g. DBP-VH."
        )
        parser.add_argument("--output", required=True, metavar="FILE", help="Where to write the file.")
        parser.add_argument(
            "--format",
            dest="fmt",
            metavar="FORMAT",
            help="csv or xlsx (default: the output file's extension).",
        )
        parser.add_argument(
            "--sensitive", action="store_true", help="Also write ethnicity, religion and identity numbers."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        fmt = (options["fmt"] or output.suffix.lstrip(".")).lower()
        if fmt not in FORMATS:
            raise CommandError(
                _("Unknown format “%(format)s”: choose csv or xlsx.") % {"format": options["fmt"] or fmt}
            )
        unit = Unit.objects.filter(code=options["scope"]).first()
        if unit is None:
            raise CommandError(_("No unit has the code “%(code)s”.") % {"code": options["scope"]})
        if not output.parent.is_dir():
            raise CommandError(_("The folder %(folder)s does not exist.") % {"folder": output.parent})
        sensitive = bool(options["sensitive"])
        households = ReportScope.for_unit(unit).filter_households(Household.objects.all())
        data, count = export_bytes(export_rows(households, sensitive=sensitive), fmt=fmt, sensitive=sensitive)
        # Written beside the target and renamed: a reader never sees half a file.
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=".longdan-export-", suffix=f".{fmt}")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, output)
        audit_record(
            actor=None,
            action=AuditAction.EXPORT,
            object_type="households.household",
            object_id=unit.code,
            object_repr=f"longdan export {unit.code} {fmt}" + (" sensitive" if sensitive else ""),
            unit_id=unit.pk,
        )
        self.stdout.write(
            _("%(file)s: %(unit)s, %(count)s rows") % {"file": output, "unit": unit.name, "count": count}
        )
