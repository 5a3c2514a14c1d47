"""`longdan import FILE --station <unit code> [--dry-run]`.

Reads a file in the format `longdan export` writes (CSV or .xlsx, by its extension) and creates
its households and residents at the station, as the system, all in one transaction: one bad
row and nothing is written. Households the station already has (same code) are skipped, so
importing the same file twice changes nothing.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from longdan.households.transfer import FORMATS, import_rows, read_table
from longdan.org.models import Unit


class Command(BaseCommand):
    help = "Import households and residents from a CSV or Excel file (the export's format) into a station."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE", help="A .csv or .xlsx file.")
        parser.add_argument("--station", required=True, metavar="UNIT_CODE", help="The station's code.")
        parser.add_argument(
            "--format", dest="fmt", metavar="FORMAT", help="csv or xlsx (default: the file's extension)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; write nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        fmt = (options["fmt"] or path.suffix.lstrip(".")).lower()
        if fmt not in FORMATS:
            raise CommandError(
                _("Unknown format “%(format)s”: choose csv or xlsx.") % {"format": options["fmt"] or fmt}
            )
        if not path.is_file():
            raise CommandError(_("The file %(file)s does not exist.") % {"file": path})
        station = Unit.objects.filter(code=options["station"]).first()
        if station is None:
            raise CommandError(_("No unit has the code “%(code)s”.") % {"code": options["station"]})
        try:
            rows = read_table(path.read_bytes(), fmt=fmt)
        except Exception as exc:  # a damaged or mislabelled file: say so, not a traceback
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": path, "error": exc}) from exc
        result = import_rows(rows, station=station, dry_run=options["dry_run"])
        for message in result.errors:
            self.stderr.write(message)
        counts = _(
            "%(households)s households and %(residents)s residents created, %(present)s already present."
        ) % {
            "households": result.households_created,
            "residents": result.residents_created,
            "present": result.already_present,
        }
        if result.errors:
            raise CommandError(_("%(count)s errors: nothing was written.") % {"count": len(result.errors)})
        if options["dry_run"]:
            counts = _("Dry run, nothing written: %(counts)s") % {"counts": counts}
        self.stdout.write(counts)
