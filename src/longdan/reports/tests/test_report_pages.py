"""The "Báo cáo" page: ask for a report (queued as a task), watch it, download it; monthly schedules.

People (testing.fixtures.world): commander_a owns station A's reports; commander_b, another
station's commander, must get 404 for them; member_user (a field member) has no report page.
"""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from longdan.audit.models import AuditEntry
from longdan.reports.models import ReportRequest, ReportSchedule, ReportStatus
from longdan.reports.services import report_schedule_create, schedules_run

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def finished(report: ReportRequest, content: bytes = b"PK fake") -> ReportRequest:
    report.file.save(report.filename, ContentFile(content), save=False)
    report.status, report.progress = ReportStatus.DONE, 100
    report.save()
    return report


def test_it_shows_the_page_with_the_users_units(client, world):
    client.force_login(world.commander_a)
    response = client.get(reverse("report-list"))
    assert response.status_code == 200
    assert f'value="{world.station_a.pk}"' in response.text
    assert f'value="{world.station_b.pk}"' not in response.text
    assert 'list="period-suggestions"' in response.text
    assert reverse("report-list") in response.text  # the tab in the top bar


def test_it_queues_a_report_as_a_background_task(client, world):
    client.force_login(world.commander_a)
    response = client.post(
        reverse("report-list"), {"unit": world.station_a.pk, "period": "2026-Q3", "format": "docx"}
    )
    assert response.status_code == 302
    report = ReportRequest.objects.get()
    assert (report.requested_by, report.unit, report.period, report.format, report.status) == (
        world.commander_a, world.station_a, "2026-Q3", "docx", ReportStatus.QUEUED
    )  # fmt: skip
    task = DBTaskResult.objects.get(pk=report.task_id)
    assert task.task_path == "longdan.reports.tasks.generate_report"
    assert task.args_kwargs == {"args": [report.pk], "kwargs": {}}
    page = client.get(reverse("report-list"))
    assert f'hx-get="{reverse("report-progress", args=[report.pk])}"' in page.text
    assert 'hx-trigger="every 2s"' in page.text


def test_it_refuses_a_bad_period_and_a_unit_outside_the_scope(client, world):
    client.force_login(world.commander_a)
    response = client.post(
        reverse("report-list"), {"unit": world.station_a.pk, "period": "2026-13", "format": "pdf"}
    )
    assert response.status_code == 400 and "Không có tháng 13." in response.text
    response = client.post(
        reverse("report-list"), {"unit": world.station_b.pk, "period": "2026-10", "format": "pdf"}
    )
    assert response.status_code == 400
    assert not ReportRequest.objects.exists()


def test_a_commune_liaison_reports_on_their_communes(client, world):
    client.force_login(world.liaison_a)
    response = client.post(reverse("report-list"), {"unit": "", "period": "2026-10", "format": "xlsx"})
    assert response.status_code == 302
    assert ReportRequest.objects.get().unit is None


def test_a_field_member_has_no_report_page(client, world):
    client.force_login(world.member_user)
    assert client.get(reverse("report-list")).status_code == 403


def test_the_progress_row_stops_polling_when_the_report_is_done(client, world):
    report = ReportRequest.objects.create(
        requested_by=world.commander_a, unit=world.station_a, period="2026-10", format="xlsx", progress=40,
        status=ReportStatus.RUNNING,
    )  # fmt: skip
    client.force_login(world.commander_a)
    running = client.get(reverse("report-progress", args=[report.pk]), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in running.text and 'value="40"' in running.text
    finished(report)
    done = client.get(reverse("report-progress", args=[report.pk]), headers={"HX-Request": "true"})
    assert "hx-trigger" not in done.text
    assert reverse("report-download", args=[report.pk]) in done.text


def test_it_downloads_a_finished_report_and_records_the_export(client, world):
    report = finished(
        ReportRequest.objects.create(
            requested_by=world.commander_a, unit=world.station_a, period="2026-10", format="xlsx"
        ),
        b"workbook bytes",
    )
    client.force_login(world.commander_a)
    response = client.get(reverse("report-download", args=[report.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"workbook bytes"
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert f'filename="bao-cao_{world.station_a.code}_2026-10.xlsx"' in response["Content-Disposition"]
    assert AuditEntry.objects.filter(
        action="export", object_id=str(report.pk), actor=world.commander_a
    ).exists()


def test_another_users_report_answers_404(client, world):
    report = finished(
        ReportRequest.objects.create(
            requested_by=world.commander_a, unit=world.station_a, period="2026-10", format="pdf"
        )
    )
    client.force_login(world.commander_b)
    assert client.get(reverse("report-download", args=[report.pk])).status_code == 404
    assert client.get(reverse("report-progress", args=[report.pk])).status_code == 404
    assert client.get(reverse("report-download", args=[report.pk + 1000])).status_code == 404


def test_an_unfinished_report_cannot_be_downloaded(client, world):
    report = ReportRequest.objects.create(
        requested_by=world.commander_a, unit=world.station_a, period="2026-10", format="pdf"
    )
    client.force_login(world.commander_a)
    assert client.get(reverse("report-download", args=[report.pk])).status_code == 404


def test_a_station_schedules_its_monthly_report_from_the_page(client, world):
    client.force_login(world.commander_a)
    response = client.post(
        reverse("report-schedule-new"),
        {
            "unit": world.station_a.pk,
            "formats": ["xlsx", "pdf"],
            "recipients": "Bộ Chỉ huy BĐBP tỉnh;\nLưu: VT.",
        },
    )
    assert response.status_code == 302
    schedule = ReportSchedule.objects.get()
    assert schedule.formats == ["xlsx", "pdf"] and schedule.created_by == world.commander_a
    assert schedule.recipient_lines == ["Bộ Chỉ huy BĐBP tỉnh;", "Lưu: VT."]
    # Not for another station's unit, and not for a field member.
    client.post(reverse("report-schedule-new"), {"unit": world.station_b.pk, "formats": ["xlsx"]})
    assert ReportSchedule.objects.count() == 1
    client.force_login(world.member_user)
    assert client.post(reverse("report-schedule-new"), {"unit": world.station_a.pk}).status_code == 403


def test_scheduled_reports_are_made_once_a_month_and_listed_for_the_units_people(client, world):
    schedule = report_schedule_create(acting_user=world.commander_a, unit=world.station_a, formats=["xlsx"])
    made = schedules_run(today=date(2026, 11, 1))
    assert [(r.period, r.format, r.status) for r in made] == [("2026-10", "xlsx", ReportStatus.DONE)]
    assert schedules_run(today=date(2026, 11, 1)) == []  # never twice
    assert schedules_run(today=date(2026, 11, 17)) == []  # nor later in the month
    report = ReportRequest.objects.get(schedule=schedule)
    assert report.requested_by is None and report.includes_tips  # generated as the station commander

    client.force_login(world.commander_a)
    assert reverse("report-download", args=[report.pk]) in client.get(reverse("report-list")).text
    assert client.get(reverse("report-download", args=[report.pk])).status_code == 200
    # The province sees the station but not its tips: the file counts them, so it is not theirs.
    for outsider in (world.province_user, world.commander_b, world.liaison_a):
        client.force_login(outsider)
        assert client.get(reverse("report-download", args=[report.pk])).status_code == 404


def test_a_stopped_schedule_makes_nothing(world):
    schedule = report_schedule_create(acting_user=world.commander_a, unit=world.station_a, formats=["docx"])
    schedule.active = False
    schedule.save()
    assert schedules_run(today=date(2026, 12, 1)) == []
