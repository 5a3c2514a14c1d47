"""Old report files are deleted by `longdan retention --apply`; the rows stay and the page says why.

Hand-built requests of station A's commander (testing.fixtures.world), generated at various ages
against LONGDAN_REPORT_FILE_DAYS (400 by default), plus stray files under MEDIA_ROOT/reports/.
"""

import os
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from longdan.audit.models import AuditEntry
from longdan.reports import retention
from longdan.reports.models import ReportRequest, ReportStatus

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def made(world, *, age_days: int, period: str = "2025-01", status: str = ReportStatus.DONE, finished=True):
    """A request of commander_a asked for `age_days` ago and generated at once (with a file when done)."""
    report = ReportRequest.objects.create(
        requested_by=world.commander_a, unit=world.station_a, period=period, format="xlsx"
    )
    at = timezone.now() - age_days * DAY
    if status == ReportStatus.DONE:
        report.file.save(report.filename, ContentFile(b"PK workbook"), save=False)
    report.status = status
    report.save()
    ReportRequest.objects.filter(pk=report.pk).update(created_at=at, finished_at=at if finished else None)
    report.refresh_from_db()
    return report


@pytest.fixture
def reports(world):
    return {
        "old": made(world, age_days=500, period="2025-01"),
        "old_unfinished_time": made(world, age_days=450, period="2025-02", finished=False),
        "recent": made(world, age_days=10, period="2026-10"),
        "just_kept": made(world, age_days=399, period="2025-10"),
        "old_failed": made(world, age_days=500, period="2025-03", status=ReportStatus.FAILED),
    }


def stray(media: Path, name: str, *, age_days: float) -> Path:
    path = media / "reports" / "2024" / "01" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF lost")
    moment = (timezone.now() - age_days * DAY).timestamp()
    os.utime(path, (moment, moment))
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def stored(report: ReportRequest) -> bool:
    return bool(report.file) and report.file.storage.exists(report.file.name)


def test_the_dry_run_lists_old_files_and_removes_nothing(reports, media):
    lost = stray(media, "lost.pdf", age_days=30)
    audit_rows = AuditEntry.objects.count()
    out = run()
    assert "report file: 2 would be removed" in out
    assert f"  #{reports['old'].pk} " in out and f"  #{reports['old_unfinished_time'].pk} " in out
    assert f"#{reports['recent'].pk} " not in out and f"#{reports['just_kept'].pk} " not in out
    assert "report file without a request: 1 would be removed" in out and "reports/2024/01/lost.pdf" in out
    assert "Dry run: nothing changed" in out
    for report in ReportRequest.objects.all():
        assert report.file_removed_at is None
    assert all(stored(reports[key]) for key in ("old", "old_unfinished_time", "recent", "just_kept"))
    assert lost.exists()
    assert AuditEntry.objects.count() == audit_rows
    assert run("--dry-run") == out


def test_apply_removes_only_the_old_files_and_keeps_the_rows(
    reports, media, django_capture_on_commit_callbacks
):
    old_path = Path(reports["old"].file.path)
    lost = stray(media, "lost.pdf", age_days=30)
    being_written = stray(media, "new.pdf", age_days=0.1)  # the worker may be writing it now
    with django_capture_on_commit_callbacks(execute=True):
        out = run("--apply")
    assert "report file: 2 removed" in out and "report file without a request: 1 removed" in out

    old = ReportRequest.objects.get(pk=reports["old"].pk)
    assert old.file_removed_at is not None and not old.file
    assert old.status == ReportStatus.DONE and old.period == "2025-01"
    assert not old_path.exists()
    assert ReportRequest.objects.get(pk=reports["old_unfinished_time"].pk).file_removed_at is not None
    for key in ("recent", "just_kept"):
        report = ReportRequest.objects.get(pk=reports[key].pk)
        assert report.file_removed_at is None and stored(report)
    assert ReportRequest.objects.get(pk=reports["old_failed"].pk).file_removed_at is None
    assert not lost.exists() and being_written.exists()

    entry = AuditEntry.objects.get(
        object_type="reports.reportrequest", object_id=str(old.pk), action="delete"
    )
    assert entry.reason == "retention" and entry.actor is None and entry.unit_id == old.unit_id
    orphans = AuditEntry.objects.get(object_type="reports.reportfile")
    assert orphans.changes == {"files": ["reports/2024/01/lost.pdf"]}

    # Done once: a second run finds nothing more.
    assert "report file: 0 removed" in run("--apply")


def test_the_keeping_time_is_a_setting_and_batches_each_commit(
    reports, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.LONGDAN_REPORT_FILE_DAYS = 5
    monkeypatch.setattr(retention, "BATCH", 1)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        plan = retention.report_files_remove()
    assert len(plan.reports) == 4 and plan.days == 5
    assert len(callbacks) == 4  # each batch deletes its files once committed
    assert ReportRequest.objects.filter(file_removed_at__isnull=False).count() == 4


def test_a_file_regenerated_since_is_not_removed(reports, django_capture_on_commit_callbacks):
    # A schedule's repeated run gave the old request a new file after the list was made.
    ReportRequest.objects.filter(pk=reports["old"].pk).update(finished_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        plan = retention.report_files_remove()
    assert reports["old"].pk not in [report.pk for report in plan.reports]
    assert stored(ReportRequest.objects.get(pk=reports["old"].pk))


def test_a_removed_files_download_answers_410_with_the_reason(
    client, world, reports, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        retention.report_files_remove()
    client.force_login(world.commander_a)
    response = client.get(reverse("report-download", args=[reports["old"].pk]))
    assert response.status_code == 410
    assert "Tệp của báo cáo này đã bị xóa sau 400 ngày" in response.text
    assert AuditEntry.objects.filter(action="export", object_id=str(reports["old"].pk)).count() == 0
    assert client.get(reverse("report-download", args=[reports["recent"].pk])).status_code == 200


def test_another_users_removed_report_still_answers_404(
    client, world, reports, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        retention.report_files_remove()
    client.force_login(world.commander_b)
    assert client.get(reverse("report-download", args=[reports["old"].pk])).status_code == 404


def test_the_list_shows_the_notice_instead_of_the_link(
    client, world, reports, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        retention.report_files_remove()
    client.force_login(world.commander_a)
    text = client.get(reverse("report-list")).text
    assert text.count("Tệp đã bị xóa sau 400 ngày") == 2
    assert reverse("report-download", args=[reports["old"].pk]) not in text
    assert reverse("report-download", args=[reports["recent"].pk]) in text
