"""Writes of the reports app: asking for a report file, generating it, and monthly schedules.

    report = report_request_create(acting_user=user, unit=unit, period="2026-10", fmt="docx")
    # … the task `tasks.generate_report` runs report_generate(report=report) in the worker

Who may ask: anyone whose scope holds the unit (ReportScope.for_unit with the user: 404
otherwise), or, with no unit, for everything they may see. A schedule is made by a command
role on its unit and generates as its creator.
"""

import logging
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.audit.models import AuditAction
from longdan.audit.services import audit_record
from longdan.core.scoping import get_scope
from longdan.org.models import Unit, UnitKind

from .documents import FORMATS, render_report
from .models import ReportFormat, ReportRequest, ReportSchedule, ReportStatus
from .periods import Period, PeriodError
from .scope import ReportScope

logger = logging.getLogger(__name__)

# Units a report can be made for: not a team (teams have no events of their own).
REPORT_UNIT_KINDS = (UnitKind.HQ, UnitKind.PROVINCE_COMMAND, UnitKind.STATION, UnitKind.FLOTILLA)
# Roles that may schedule a unit's monthly report.
SCHEDULE_ROLES = ("station_command", "province_command", "hq")


def report_scope(*, unit: Unit | None, user: Any) -> ReportScope:
    """The scope of a report: the unit's subtree, or (unit None) everything `user` may see.

    With a user, Http404 unless they may see the unit; without one (the system), the whole subtree.
    """
    if unit is None:
        if user is None:
            raise ValueError("a report without a unit is made for a user")
        return ReportScope.for_user(user)
    return ReportScope.for_unit(unit, user=user)


@transaction.atomic
def report_request_create(*, acting_user: Any, unit: Unit | None, period: str, fmt: str) -> ReportRequest:
    """Record the request and queue its generation (in the same transaction: both or neither)."""
    parsed = _period(period)
    if fmt not in FORMATS:
        raise ValidationError({"format": _("Choose xlsx, docx or pdf.")})
    scope = report_scope(unit=unit, user=acting_user)  # Http404 when the unit is not theirs
    if scope.is_empty:
        raise PermissionDenied
    report = ReportRequest(requested_by=acting_user, unit=unit, period=parsed.code, format=fmt)
    report.full_clean(exclude=["file"])
    report.save()
    audit_record(actor=acting_user, action=AuditAction.CREATE, obj=report)
    _enqueue(report)
    return report


def _enqueue(report: ReportRequest) -> None:
    from .tasks import generate_report

    result = generate_report.enqueue(report.pk)
    ReportRequest.objects.filter(pk=report.pk).update(task_id=str(result.id))
    report.task_id = str(result.id)


def report_generate(*, report: ReportRequest) -> ReportRequest:
    """Generate the file of `report` now, as its requester (or its schedule's creator) sees the scope.

    Progress is written as it goes, in its own small updates, so a page polling it sees it move.
    A failure is recorded on the request (status "failed", the error) and raised again.
    """
    user = report.requested_by if report.requested_by_id else _schedule_user(report)
    now = timezone.now()
    ReportRequest.objects.filter(pk=report.pk).update(
        status=ReportStatus.RUNNING, progress=1, started_at=now, error=""
    )

    def progress(percent: int, _what: str) -> None:
        ReportRequest.objects.filter(pk=report.pk).update(progress=min(max(percent, 0), 99))

    try:
        scope = report_scope(unit=report.unit, user=user)
        recipients = report.schedule.recipient_lines if report.schedule_id and report.schedule else None
        data = render_report(
            scope=scope,
            period=Period.parse(report.period),
            fmt=report.format,
            user=user,
            recipients=recipients or None,
            progress=progress,
        )
    except Exception as exc:
        message = _("This report is no longer within your scope.") if isinstance(exc, Http404) else str(exc)
        ReportRequest.objects.filter(pk=report.pk).update(
            status=ReportStatus.FAILED, error=message or exc.__class__.__name__, finished_at=timezone.now()
        )
        report.refresh_from_db()
        raise
    if report.file:
        report.file.delete(save=False)  # a schedule's failed or repeated run: keep only the new file
    report.file.save(report.filename, ContentFile(data), save=False)
    report.status, report.progress, report.finished_at = ReportStatus.DONE, 100, timezone.now()
    report.includes_tips = scope.tips_complete
    report.error = ""
    report.save(update_fields=["file", "status", "progress", "finished_at", "includes_tips", "error"])
    return report


def _schedule_user(report: ReportRequest) -> Any:
    if report.schedule_id is None or report.schedule is None:
        raise ValueError("a report without a requester comes from a schedule")
    return report.schedule.created_by


def _period(text: str) -> Period:
    try:
        return Period.parse(text)
    except PeriodError as exc:
        raise ValidationError({"period": str(exc)}) from exc


# --- schedules ---


def schedulable_units(user: Any) -> Any:
    """The units `user` may schedule a monthly report for: where they hold a command role."""
    scope = get_scope(user)
    units = Unit.objects.filter(kind__in=REPORT_UNIT_KINDS)
    if scope.everything:
        return units
    return units.filter(pk__in=scope.units_for(*SCHEDULE_ROLES))


@transaction.atomic
def report_schedule_create(
    *, acting_user: Any, unit: Unit, formats: Iterable[str], recipients: str = ""
) -> ReportSchedule:
    if not schedulable_units(acting_user).filter(pk=unit.pk).exists():
        raise Http404
    chosen = set(formats)
    if not chosen or not chosen <= set(ReportFormat.values):
        raise ValidationError({"formats": _("Choose at least one format.")})
    schedule = ReportSchedule(
        unit=unit,
        recipients=recipients.strip(),
        created_by=acting_user,
        **{fmt: fmt in chosen for fmt in ReportFormat.values},
    )
    schedule.full_clean()
    schedule.save()
    audit_record(actor=acting_user, action=AuditAction.CREATE, obj=schedule)
    return schedule


@transaction.atomic
def report_schedule_stop(*, acting_user: Any, schedule: ReportSchedule) -> ReportSchedule:
    if not schedulable_units(acting_user).filter(pk=schedule.unit_id).exists():
        raise Http404
    schedule.active = False
    schedule.save(update_fields=["active"])
    audit_record(actor=acting_user, action=AuditAction.UPDATE, obj=schedule, changes={"active": False})
    return schedule


def month_before(day: date) -> Period:
    last = day.replace(day=1) - timedelta(days=1)
    return Period.month(last.year, last.month)


def schedules_run(*, today: date | None = None) -> list[ReportRequest]:
    """Generate, for every active schedule, the report of the month before `today`'s month, once.

    Meant to run daily (cron): on the 1st it makes the reports of the month just ended; on a
    later day it makes only those still missing (the machine was off on the 1st, or a run
    failed), so a month is never generated twice for a schedule and a format. Reports are
    generated here, in this process, one after the other; one that fails is recorded as
    failed and tried again on the next run.
    """
    today = today or timezone.localdate()
    period = month_before(today)
    made = []
    for schedule in ReportSchedule.objects.filter(active=True).select_related("unit", "created_by"):
        for fmt in schedule.formats:
            report = _scheduled_report(schedule, period, fmt)
            if report is None:
                continue
            try:
                made.append(report_generate(report=report))
            except Exception:
                logger.exception("Scheduled report %s failed", report.pk)
                made.append(report)
    return made


def _scheduled_report(schedule: ReportSchedule, period: Period, fmt: str) -> ReportRequest | None:
    """The request for this schedule, month and format, when it still has to be generated."""
    existing = ReportRequest.objects.filter(schedule=schedule, period=period.code, format=fmt).first()
    if existing is not None:
        return existing if existing.status == ReportStatus.FAILED else None
    try:
        with transaction.atomic():
            return ReportRequest.objects.create(
                schedule=schedule, unit=schedule.unit, period=period.code, format=fmt
            )
    except IntegrityError:  # another run made it at the same moment
        return None
