"""`longdan export` and `longdan import`: the households of a subtree out as CSV/Excel, and back in."""

import csv
import io
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from longdan.assignments.models import HouseholdAssignment
from longdan.audit.models import AuditEntry
from longdan.households.models import Household, Resident
from longdan.households.services import household_create, resident_add
from longdan.households.transfer import read_table
from longdan.testing.factories import AssignmentFactory, CommuneFactory, HamletFactory, make_station

pytestmark = pytest.mark.django_db

HEAD = "Thạch Thị Sà Vọng"
CHILD = "Thạch Văn Ánh"


@pytest.fixture
def place(world: Any) -> dict[str, Any]:
    """A station of its own (commune, hamlet) with two households made through the services."""
    commune = CommuneFactory(name="Xã Vĩnh Châu", parent=world.province)
    hamlet = HamletFactory(name="Ấp Âu Thọ B", commune=commune)
    station = make_station(
        province_command=world.command, communes=[commune], name="Đồn Biên phòng Vĩnh Châu"
    )
    first = household_create(
        code="VC-001",
        head_name=HEAD,
        hamlet=hamlet,
        station=station,
        address="Số 5, đường Âu Thọ",
        ethnicity="Khmer",
        religion="Phật giáo Nam tông",
        priority="priority",
    )
    resident_add(
        household=first,
        full_name=HEAD,
        sex="female",
        relation="head",
        birth_year=1978,
        id_number="094178000123",
    )
    resident_add(household=first, full_name=CHILD, sex="male", relation="child", birth_year=2005)
    second = household_create(code="VC-002", head_name="Lâm Thị Hoa", hamlet=hamlet, station=station)
    resident_add(household=second, full_name="Lâm Thị Hoa", sex="female", relation="head")
    AssignmentFactory(member=world.member_a, household=first)
    return {"commune": commune, "hamlet": hamlet, "station": station}


def export(tmp_path: Path, scope: str, name: str = "out.csv", *extra: str) -> Path:
    output = tmp_path / name
    with translation.override("vi"):
        call_command("export", "--scope", scope, "--output", str(output), *extra, stdout=io.StringIO())
    return output


def run_import(path: Path, station: str, *extra: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with translation.override("vi"):
        call_command("import", str(path), "--station", station, *extra, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def wipe(station: Any) -> None:
    HouseholdAssignment.objects.filter(household__station=station).delete()
    Household.objects.filter(station=station).delete()


def snapshot(station: Any) -> list[tuple[Any, ...]]:
    return sorted(
        Resident.objects.filter(household__station=station).values_list(
            "household__code",
            "household__head_name",
            "household__hamlet__name",
            "household__address",
            "household__priority",
            "household__ethnicity",
            "household__religion",
            "full_name",
            "relation",
            "sex",
            "birth_year",
            "id_number",
        ),
        key=repr,
    )


def test_export_writes_one_row_per_resident_with_vietnamese_headers_and_an_audit_row(
    place: dict[str, Any], tmp_path: Path, world: Any
) -> None:
    station = place["station"]
    output = export(tmp_path, station.code)
    content = output.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")  # BOM: Excel on Windows reads UTF-8
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert header[:3] == ["Mã hộ", "Chủ hộ", "Mã xã"]
    rows = read_table(content, fmt="csv")
    assert [row["full_name"] for row in rows] == [HEAD, CHILD, "Lâm Thị Hoa"]
    first = rows[0]
    assert first["commune_code"] == place["commune"].code
    assert first["hamlet"] == "Ấp Âu Thọ B"
    assert first["station_code"] == station.code
    assert first["member_in_charge"] == world.member_a.full_name
    assert first["birth_year"] == "1978"
    assert AuditEntry.objects.filter(action="export", object_id=station.code).count() == 1


def test_sensitive_columns_only_with_the_flag(place: dict[str, Any], tmp_path: Path) -> None:
    code = place["station"].code
    plain = read_table(export(tmp_path, code).read_bytes(), fmt="csv")
    assert not {"ethnicity", "religion", "id_number"} & set(plain[0])
    assert "094178000123" not in export(tmp_path, code).read_text(encoding="utf-8-sig")
    full = read_table(export(tmp_path, code, "full.csv", "--sensitive").read_bytes(), fmt="csv")
    assert (full[0]["ethnicity"], full[0]["religion"], full[0]["id_number"]) == (
        "Khmer",
        "Phật giáo Nam tông",
        "094178000123",
    )


def test_export_of_a_command_covers_its_stations(place: dict[str, Any], tmp_path: Path, world: Any) -> None:
    rows = read_table(export(tmp_path, world.command.code).read_bytes(), fmt="csv")
    codes = {row["household_code"] for row in rows}
    assert {"VC-001", "VC-002", world.household_a.code, world.household_b.code} <= codes
    station_rows = read_table(export(tmp_path, world.station_b.code).read_bytes(), fmt="csv")
    assert {row["household_code"] for row in station_rows} == {world.household_b.code}


def test_unknown_unit_code_is_a_clear_error(tmp_path: Path, db: Any) -> None:
    with (
        translation.override("vi"),
        pytest.raises(CommandError, match="Không có đơn vị nào mang mã “KHONG-CO”"),
    ):
        call_command("export", "--scope", "KHONG-CO", "--output", str(tmp_path / "x.csv"))
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("name", ["out.csv", "out.xlsx"])
def test_round_trip_after_deleting_then_a_second_import_changes_nothing(
    place: dict[str, Any], tmp_path: Path, name: str
) -> None:
    station = place["station"]
    before = snapshot(station)
    output = export(tmp_path, station.code, name, "--sensitive")
    wipe(station)
    assert not Household.objects.filter(station=station).exists()

    out, err = run_import(output, station.code)
    assert err == ""
    assert "Đã tạo 2 hộ và 3 nhân khẩu; 0 hộ đã có sẵn." in out
    assert snapshot(station) == before  # the Vietnamese names come back NFC, letter for letter

    again, _err = run_import(output, station.code)
    assert "Đã tạo 0 hộ và 0 nhân khẩu; 2 hộ đã có sẵn." in again
    assert snapshot(station) == before


def test_dry_run_writes_nothing(place: dict[str, Any], tmp_path: Path) -> None:
    station = place["station"]
    output = export(tmp_path, station.code)
    wipe(station)
    out, _err = run_import(output, station.code, "--dry-run")
    assert "Chạy thử" in out and "Đã tạo 2 hộ và 3 nhân khẩu" in out
    assert not Household.objects.filter(station=station).exists()
    assert not Resident.objects.filter(household__station=station).exists()


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    keys = list(rows[0])
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(keys)  # the column keys are accepted as headers too
        writer.writerows([row[key] for key in keys] for row in rows)


def test_one_bad_row_writes_nothing_and_every_error_names_its_row(
    place: dict[str, Any], tmp_path: Path
) -> None:
    station = place["station"]
    rows = read_table(export(tmp_path, station.code).read_bytes(), fmt="csv")
    wipe(station)
    rows[1]["birth_year"] = "20x5"  # file row 3
    rows[2]["hamlet"] = "Ấp Không Có"  # file row 4
    bad = tmp_path / "bad.csv"
    _write_csv(bad, rows)
    err = io.StringIO()
    with translation.override("vi"), pytest.raises(CommandError, match="2 lỗi"):
        call_command("import", str(bad), "--station", station.code, stdout=io.StringIO(), stderr=err)
    messages = err.getvalue()
    assert "Dòng 3: năm sinh “20x5”" in messages
    assert "Dòng 4: ấp “Ấp Không Có” chưa có trong Xã Vĩnh Châu" in messages
    # The good household (rows 2–3 minus the bad year) was not written either.
    assert not Household.objects.filter(station=station).exists()


def test_a_commune_outside_the_station_area_is_refused(
    place: dict[str, Any], tmp_path: Path, world: Any
) -> None:
    rows = read_table(export(tmp_path, place["station"].code).read_bytes(), fmt="csv")
    path = tmp_path / "other.csv"
    _write_csv(path, rows)
    with translation.override("vi"), pytest.raises(CommandError):
        call_command("import", str(path), "--station", world.station_b.code, stderr=(err := io.StringIO()))
    assert "Dòng 2: Xã Vĩnh Châu không thuộc địa bàn của Đồn Biên phòng Lai Hòa." in err.getvalue()
    assert not Household.objects.filter(code="VC-001", station=world.station_b).exists()


def test_decomposed_vietnamese_text_is_stored_composed(place: dict[str, Any], tmp_path: Path) -> None:
    station = place["station"]
    rows = read_table(export(tmp_path, station.code).read_bytes(), fmt="csv")
    wipe(station)
    decomposed = [{key: unicodedata.normalize("NFD", value) for key, value in row.items()} for row in rows]
    assert decomposed[1]["full_name"] != CHILD
    path = tmp_path / "nfd.csv"
    _write_csv(path, decomposed)
    run_import(path, station.code)
    assert Resident.objects.filter(household__station=station, full_name=CHILD).exists()
    assert Household.objects.get(station=station, code="VC-001").hamlet == place["hamlet"]
