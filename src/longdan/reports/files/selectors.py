"""Reads for the report-file pages: which reports and schedules a user may see, and which units they may pick.

The rule: a report asked for by a user is theirs alone. A report made by a schedule is for
everyone who may see its unit, except that a file counting the unit's tips (generated as a
station commander) is for those who see that unit's tips too; anyone else gets 404.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from longdan.core.scoping import get_scope
from longdan.intel.models import TIP_COMMAND_ROLES
from longdan.org.models import Unit

from ..models import ReportRequest, ReportSchedule
from ..services import REPORT_UNIT_KINDS, schedulable_units

RECENT = 30


def report_units(user: Any) -> QuerySet[Unit]:
    """The units `user` may ask a report for: those in their scope that have events (not teams)."""
    scope = get_scope(user)
    units = Unit.objects.filter(kind__in=REPORT_UNIT_KINDS).order_by("path")
    return units if scope.everything else units.filter(pk__in=scope.unit_ids)


def _visible_units_q(user: Any) -> Q:
    scope = get_scope(user)
    return Q() if scope.everything else Q(unit_id__in=scope.unit_ids)


def may_see_report(user: Any, report: ReportRequest) -> bool:
    if report.requested_by_id is not None:
        return report.requested_by_id == user.pk
    if report.schedule_id is None or report.unit_id is None:
        return False
    scope = get_scope(user)
    if not (scope.everything or report.unit_id in scope.unit_ids):
        return False
    return not report.includes_tips or report.unit_id in scope.units_for(*TIP_COMMAND_ROLES)


def get_report_for_user(user: Any, pk: int) -> ReportRequest:
    """The report, if `user` may see it; Http404 for "no such report" and "not yours" alike."""
    report = ReportRequest.objects.select_related("unit").filter(pk=pk).first()
    if report is None or not may_see_report(user, report):
        raise Http404
    return report


def my_reports(user: Any) -> list[ReportRequest]:
    """The reports `user` asked for, newest first (the last RECENT)."""
    return list(ReportRequest.objects.filter(requested_by=user).select_related("unit")[:RECENT])


def scheduled_reports(user: Any) -> list[ReportRequest]:
    """Reports made by schedules of units `user` may see, newest first, as `may_see_report` allows."""
    rows = (
        ReportRequest.objects.filter(schedule__isnull=False)
        .filter(_visible_units_q(user))
        .select_related("unit")[: RECENT * 3]
    )
    return [report for report in rows if may_see_report(user, report)][:RECENT]


def schedules_for_user(user: Any) -> QuerySet[ReportSchedule]:
    """Active schedules of units `user` may see."""
    return ReportSchedule.objects.filter(active=True).filter(_visible_units_q(user)).select_related("unit")


def may_schedule(user: Any) -> bool:
    return schedulable_units(user).exists()
