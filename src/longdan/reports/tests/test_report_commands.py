"""`longdan report` (the system's report on a unit, synchronously) and `longdan run_schedules`."""

import os
import subprocess
import sys
from io import BytesIO, StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from longdan.reports.models import ReportRequest
from longdan.reports.services import report_schedule_create

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_it_writes_the_report_of_a_units_subtree(world, tmp_path):
    output = tmp_path / "bao-cao.xlsx"
    out = StringIO()
    call_command(
        "report", "--scope", world.command.code, "--period", "2026-10", "--format", "xlsx", "--output", str(output),
        stdout=out,
    )  # fmt: skip
    lines = out.getvalue().splitlines()
    assert lines[0].strip().startswith("5%") and lines[-2].strip().startswith("100%")
    assert str(output) in lines[-1]
    sheet = openpyxl.load_workbook(BytesIO(output.read_bytes())).worksheets[0]
    figures = {row[5]: row[3] for row in sheet.iter_rows(values_only=True) if row[5]}
    assert figures["household_coverage.households"] == 3  # both stations of the command
    assert "tips.received" in figures  # the system counts every tip
    assert not list(tmp_path.glob(".longdan-report-*"))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_format_may_come_from_the_file_name(world, tmp_path, fmt):
    output = tmp_path / f"bao-cao.{fmt}"
    call_command(
        "report", "--scope", world.station_b.code, "--period", "2026", "--output", str(output), verbosity=0
    )
    assert output.read_bytes()[:4] == (b"PK\x03\x04" if fmt == "docx" else b"%PDF")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--scope", "NO-SUCH-UNIT", "--period", "2026-10", "--format", "pdf"], "NO-SUCH-UNIT"),
        (["--period", "2026-13", "--format", "pdf"], "13"),
        (["--period", "2026-10..2026-09-01", "--format", "pdf"], "2026-10..2026-09-01"),
        (["--period", "2026-10", "--format", "odt"], "odt"),
    ],
)
def test_it_refuses_a_bad_unit_period_or_format(world, tmp_path, arguments, message):
    if "--scope" not in arguments:
        arguments = ["--scope", world.station_a.code, *arguments]
    with pytest.raises(CommandError, match=message):
        call_command("report", *arguments, "--output", str(tmp_path / "out.pdf"))
    assert not (tmp_path / "out.pdf").exists()


def test_the_command_line_exits_non_zero_with_the_reason(tmp_path):
    env = {**os.environ, "LONGDAN_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "longdan.settings.test"}
    result = subprocess.run(
        [sys.executable, "-m", "longdan", "report", "--scope", "X", "--period", "2026-Q5", "--format", "pdf",
         "--output", str(tmp_path / "x.pdf")],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert (
        "Q1, Q2, Q3" in result.stderr
    )  # "Một quý là Q1, Q2, Q3 hoặc Q4." / "A quarter is Q1, Q2, Q3 or Q4."


def test_run_schedules_makes_last_months_reports_once(world):
    report_schedule_create(acting_user=world.commander_a, unit=world.station_a, formats=["docx", "pdf"])
    out = StringIO()
    call_command("run_schedules", "--date", "2026-12-01", stdout=out)
    assert out.getvalue().count("2026-11") == 2
    call_command("run_schedules", "--date", "2026-12-01", stdout=(again := StringIO()))
    assert ReportRequest.objects.count() == 2 and "2026-11" not in again.getvalue()
    with pytest.raises(CommandError):
        call_command("run_schedules", "--date", "1/12/2026")
