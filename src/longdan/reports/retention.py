"""Old report files are deleted: a generated file is kept LONGDAN_REPORT_FILE_DAYS days, then removed.

A report file is a copy of figures and lists (names of households, petitions) as they were on the
day it was made; the figures themselves stay in the database and a report can be made again. So
the file goes and the request row stays, with `file_removed_at` set: the reports page then says
"File removed after N days" where the download link was, and the download answers 410.

Counted from when the file was generated (`finished_at`; `created_at` for a row that has none).
`longdan retention` shows what would go (dry run, the default); `--apply` deletes, in batches of
BATCH rows, each batch in one transaction with one audit row per request. The stored files are
deleted only once their batch is committed: a rollback leaves both row and file, and a file whose
deletion fails after the commit is left as an orphan, which the next run finds and removes.

Orphans: files under MEDIA_ROOT/reports/ that no request names (a request deleted with its user,
a crash between writing a file and saving its row). Only those older than ORPHAN_GRACE are
touched, so a file being written by the worker right now is never taken for one.
"""

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from longdan.audit.models import AuditAction, SystemReason
from longdan.audit.services import audit_record

from .models import ReportRequest, ReportStatus

logger = logging.getLogger(__name__)

BATCH = 200
ORPHAN_GRACE = timedelta(days=1)
FOLDER = "reports"


def report_file_cutoff(now: datetime | None = None) -> datetime:
    """Files generated before this instant are past their keeping time."""
    return (now or timezone.now()) - timedelta(days=settings.LONGDAN_REPORT_FILE_DAYS)


def expired_report_files(now: datetime | None = None) -> QuerySet[ReportRequest]:
    """Finished requests whose file is still stored and was generated before the cut-off."""
    return (
        ReportRequest.objects.filter(
            status__in=(ReportStatus.DONE, ReportStatus.FAILED), file_removed_at__isnull=True
        )
        .exclude(file="")
        .alias(generated_at=Coalesce("finished_at", "created_at"))
        .filter(generated_at__lt=report_file_cutoff(now))
        .order_by("pk")
    )


def _walk(storage: Storage, folder: str) -> Iterator[str]:
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # no report was ever generated
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}")


def orphan_report_files(now: datetime | None = None, storage: Storage | None = None) -> list[str]:
    """Stored files under reports/ that no request names, older than ORPHAN_GRACE (sorted)."""
    storage = storage or default_storage
    known = set(ReportRequest.objects.exclude(file="").values_list("file", flat=True))
    before = (now or timezone.now()) - ORPHAN_GRACE
    return sorted(
        name
        for name in _walk(storage, FOLDER)
        if name not in known and storage.get_modified_time(name) < before
    )


@dataclass(frozen=True)
class ReportFilePlan:
    """What the report-file step would remove, or removed: the requests and the orphan files."""

    cutoff: datetime
    days: int
    reports: list[ReportRequest] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)


def report_files_plan(*, now: datetime | None = None) -> ReportFilePlan:
    return ReportFilePlan(
        cutoff=report_file_cutoff(now),
        days=settings.LONGDAN_REPORT_FILE_DAYS,
        reports=list(expired_report_files(now).select_related("unit")),
        orphans=orphan_report_files(now),
    )


def _delete_stored(storage: Storage, names: list[str]) -> None:
    for name in names:
        try:
            storage.delete(name)
        except OSError:  # left as an orphan: the next run removes it
            logger.warning(
                "Report file %s could not be deleted; it is left for the next run", name, exc_info=True
            )


def _remove_batch(ids: list[int], *, acting_user: Any, now: datetime) -> list[ReportRequest]:
    removed: list[ReportRequest] = []
    with transaction.atomic():
        # Read again under lock: a schedule may have regenerated a file since the plan was made.
        for report in expired_report_files(now).filter(pk__in=ids).select_for_update():
            name, storage = report.file.name, report.file.storage
            report.file = ""  # the stored file goes below, once committed
            report.file_removed_at = now
            report.save(update_fields=["file", "file_removed_at"])
            audit_record(
                actor=acting_user,
                action=AuditAction.DELETE,
                obj=report,
                changes={"file": [os.path.basename(name or ""), None]},
                reason=SystemReason.RETENTION,
            )
            transaction.on_commit(partial(_delete_stored, storage, [name or ""]))
            removed.append(report)
    return removed


def report_files_remove(*, acting_user: Any = None, now: datetime | None = None) -> ReportFilePlan:
    """Delete the files past their keeping time (rows kept and marked) and the old orphan files."""
    now = now or timezone.now()
    ids = list(expired_report_files(now).values_list("pk", flat=True))
    removed: list[ReportRequest] = []
    for start in range(0, len(ids), BATCH):
        removed += _remove_batch(ids[start : start + BATCH], acting_user=acting_user, now=now)
    orphans = orphan_report_files(now)
    if orphans:
        # No row to file them under: one audit row for the lot, naming the files.
        audit_record(
            actor=acting_user,
            action=AuditAction.DELETE,
            object_type="reports.reportfile",
            object_repr=f"{len(orphans)} report file(s) without a request",
            changes={"files": orphans},
            reason=SystemReason.RETENTION,
        )
        _delete_stored(default_storage, orphans)
    return ReportFilePlan(
        cutoff=report_file_cutoff(now),
        days=settings.LONGDAN_REPORT_FILE_DAYS,
        reports=removed,
        orphans=orphans,
    )
