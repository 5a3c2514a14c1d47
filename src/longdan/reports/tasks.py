"""Background tasks of the reports app (Django's tasks framework; the database backend runs them
in `longdan db_worker`, which `make run` starts beside the web server)."""

from django.tasks import task

from .models import ReportRequest, ReportStatus
from .services import report_generate


@task()
def generate_report(report_id: int) -> str:
    """Generate a requested report file; returns its final status (a failure is also on the request)."""
    report = (
        ReportRequest.objects.select_related("unit", "requested_by", "schedule").filter(pk=report_id).first()
    )
    if report is None or report.status == ReportStatus.DONE:
        return "gone" if report is None else report.status
    report_generate(report=report)
    return ReportStatus.DONE
