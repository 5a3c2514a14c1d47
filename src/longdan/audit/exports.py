"""The filtered trail as a file (CSV or Excel), for the page's export and `longdan audit_export`.

Each export is itself written to the trail (action "export", with its filters and row count), in
the same transaction as the count, before the first row leaves.
"""

import csv
import json
from collections.abc import Iterable, Iterator
from io import BytesIO
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from .models import AuditAction, AuditEntry, AuditEntryQuerySet
from .selectors import AuditFilters
from .services import audit_record

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_CHUNK = 2000
# A cell starting with one of these is a formula to a spreadsheet: a household named "=HYPERLINK(…)"
# must stay text when the export is opened.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _headings() -> list[str]:
    return [
        _("When"),
        _("User"),
        _("Action"),
        _("Record type"),
        _("Record id"),
        _("Record"),
        _("Unit"),
        _("Reason"),
        _("Address"),
        _("Page"),
        _("Changes"),
    ]


def _safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _row(entry: AuditEntry) -> list[str]:
    return [
        _safe(text)
        for text in (
            timezone.localtime(entry.at).strftime("%d/%m/%Y %H:%M:%S"),
            entry.actor_username,
            str(entry.get_action_display()),
            entry.object_type,
            entry.object_id,
            entry.object_repr,
            entry.unit.name if entry.unit_id and entry.unit else "",
            entry.reason,
            entry.ip or "",
            entry.path,
            json.dumps(entry.changes, ensure_ascii=False, sort_keys=True) if entry.changes else "",
        )
    ]


def audit_export_record(
    *, actor: Any, rows: AuditEntryQuerySet, filters: AuditFilters, fmt: str
) -> AuditEntryQuerySet:
    """Write the export's own row to the trail; returns the rows the file holds: those written before it."""
    with transaction.atomic():
        count = rows.count()
        entry = audit_record(
            actor=actor,
            action=AuditAction.EXPORT,
            object_type=AuditEntry._meta.label_lower,
            object_repr=str(AuditEntry._meta.verbose_name_plural),
            changes={"filters": filters.described(), "format": fmt, "rows": count},
        )
    return rows.filter(pk__lt=entry.pk)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: AuditEntryQuerySet) -> Iterator[str]:
    """The rows as CSV text, a line at a time (with a byte-order mark, so Excel reads the accents)."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(_headings())
    for entry in rows.iterator(chunk_size=_CHUNK):
        yield writer.writerow(_row(entry))


def xlsx_bytes(rows: Iterable[AuditEntry] | AuditEntryQuerySet) -> bytes:
    """The rows as one Excel sheet (write-only: memory stays flat however many rows)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Audit trail")[:31])
    sheet.append(_headings())
    entries = rows.iterator(chunk_size=_CHUNK) if isinstance(rows, AuditEntryQuerySet) else rows
    for entry in entries:
        sheet.append(_row(entry))
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
