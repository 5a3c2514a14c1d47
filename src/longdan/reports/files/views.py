"""Report-file pages: the "Báo cáo" page (ask for a report, my reports with their progress, the
scheduled ones), a report's progress row (polled by htmx), the download, and schedules.

Thin: parse, call a selector or a service, render. A report that is not the user's answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from longdan.audit.models import AuditAction
from longdan.audit.services import audit_record

from ..models import CONTENT_TYPES, ReportSchedule, ReportStatus
from ..scope import ReportScope
from ..services import report_request_create, report_schedule_create, report_schedule_stop
from .forms import ReportRequestForm, ReportScheduleForm, period_suggestions
from .selectors import (
    get_report_for_user,
    may_schedule,
    my_reports,
    scheduled_reports,
    schedules_for_user,
)


def _scope_or_403(request: HttpRequest) -> ReportScope:
    scope = ReportScope.for_user(request.user)
    if scope.is_empty:  # a field member: their households, but no unit to report on
        raise PermissionDenied
    return scope


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request: HttpRequest) -> HttpResponse:
    """Ask for a report; the user's reports with their progress; the scheduled reports and schedules."""
    scope = _scope_or_403(request)
    form = ReportRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            report_request_create(
                acting_user=request.user,
                unit=form.cleaned_data["unit"],
                period=form.cleaned_data["period"],
                fmt=form.cleaned_data["format"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The report is being generated; it will be ready to download below."))
            return redirect("report-list")
    context = {
        "form": form,
        "scope": scope,
        "suggestions": period_suggestions(),
        "reports": my_reports(request.user),
        "scheduled": scheduled_reports(request.user),
        "schedules": schedules_for_user(request.user),
        "schedule_form": ReportScheduleForm(user=request.user) if may_schedule(request.user) else None,
    }
    return render(request, "reports/report_list.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def report_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """One report's row: htmx polls it while the report is generated, and stops when it is done."""
    report = get_report_for_user(request.user, pk)
    return render(request, "reports/_report_row.html", {"report": report})


@login_required
@require_GET
def report_download(request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
    report = get_report_for_user(request.user, pk)
    if report.file_removed_at is not None:
        # 410, not 404: the report was there and is gone for good (an old link, a bookmark); the
        # page says why and what to do, after the same check as a download (404 when not theirs).
        return render(request, "reports/report_file_removed.html", {"report": report}, status=410)
    if report.status != ReportStatus.DONE or not report.file:
        raise Http404
    audit_record(actor=request.user, action=AuditAction.EXPORT, obj=report)
    return FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=report.filename,
        content_type=CONTENT_TYPES[report.format],
    )


@login_required
@require_POST
def report_schedule_new(request: HttpRequest) -> HttpResponse:
    if not may_schedule(request.user):
        raise PermissionDenied
    form = ReportScheduleForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            report_schedule_create(
                acting_user=request.user,
                unit=form.cleaned_data["unit"],
                formats=form.cleaned_data["formats"],
                recipients=form.cleaned_data["recipients"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Scheduled: the monthly report will be generated on the first day of each month.")
            )
    else:
        messages.error(request, _("The schedule was not saved: choose a unit and at least one format."))
    return redirect("report-list")


@login_required
@require_POST
def report_schedule_stop_view(request: HttpRequest, pk: int) -> HttpResponse:
    schedule = get_object_or_404(ReportSchedule, pk=pk, active=True)
    report_schedule_stop(acting_user=request.user, schedule=schedule)  # Http404 when not theirs
    messages.success(request, _("The schedule is stopped; the reports already made stay."))
    return redirect("report-list")
