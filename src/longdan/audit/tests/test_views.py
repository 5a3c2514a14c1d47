"""The audit page and its exports: who reads the trail, what the filters pick out, what an export leaves."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from longdan.accounts.models import Role
from longdan.audit.models import AuditAction, AuditEntry
from longdan.audit.services import audit_read, audit_record
from longdan.org.models import UnitKind
from longdan.testing.factories import (
    CommuneFactory,
    HamletFactory,
    HouseholdFactory,
    ProvinceFactory,
    UserFactory,
    grant,
    make_station,
    make_unit,
)

pytestmark = pytest.mark.django_db

URL = "/audit/"


@pytest.fixture
def other_province(world):
    """A second provincial command with a station, its commander and one household, each with a row."""
    province = ProvinceFactory(name="Tỉnh An Giang", code="89")
    commune = CommuneFactory(name="Xã Vĩnh Xương", parent=province)
    command = make_unit(kind=UnitKind.PROVINCE_COMMAND, parent=world.hq, name="Bộ Chỉ huy BĐBP An Giang")
    station = make_station(province_command=command, communes=[commune], name="Đồn Biên phòng Vĩnh Xương")
    hamlet = HamletFactory(name="Ấp Vĩnh Tây", commune=commune)
    household = HouseholdFactory(head_name="Chau Sóc Khanh", hamlet=hamlet, station=station)
    commander = UserFactory(username="commander-ag")
    grant(commander, Role.STATION_COMMAND, station)
    province_user = UserFactory(username="province-ag")
    grant(province_user, Role.PROVINCE_COMMAND, command)
    audit_read(actor=commander, obj=household, reason="Xác minh")
    return province_user, household


def _names(response):
    return [entry.object_repr for entry, _kind in response.context["rows"]]


def test_it_lists_for_an_administrator(client, world, other_province):
    audit_read(actor=world.commander_a, obj=world.household_a, reason="Xác minh")
    client.force_login(world.admin_user)
    response = client.get(URL)
    assert response.status_code == 200
    assert {"Thạch Thị Sà Vọng", "Chau Sóc Khanh"} <= set(_names(response))
    assert 'href="/audit/"' in response.text  # the tab in the top bar


def test_the_province_command_sees_its_own_province_only(client, world, other_province):
    audit_read(actor=world.commander_a, obj=world.household_a, reason="Xác minh")
    client.force_login(world.province_user)
    response = client.get(URL)
    assert response.status_code == 200
    names = _names(response)
    assert "Thạch Thị Sà Vọng" in names
    assert "Chau Sóc Khanh" not in names
    province_ag, _household = other_province
    client.force_login(province_ag)
    assert _names(client.get(URL, {"action": "read"})) == ["Chau Sóc Khanh"]


def test_a_login_is_filed_under_the_actors_unit(client, world, other_province):
    audit_record(actor=world.commander_a, action=AuditAction.LOGIN, obj=world.commander_a)
    entry = AuditEntry.objects.get(action=AuditAction.LOGIN)
    assert entry.unit_id == world.station_a.pk
    province_ag, _household = other_province
    client.force_login(province_ag)
    assert "commander-a" not in _names(client.get(URL))
    client.force_login(world.province_user)
    assert "commander-a" in _names(client.get(URL))


@pytest.mark.parametrize("who", ["commander_a", "member_user", "liaison_a"])
def test_it_is_404_to_other_roles(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(URL).status_code == 404
    assert client.get(URL + "export.csv").status_code == 404
    assert client.get(URL + "export.xlsx").status_code == 404
    assert 'href="/audit/"' not in client.get("/").text


def test_it_sends_anonymous_users_to_log_in(client):
    for path in (URL, URL + "export.csv"):
        response = client.get(path)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_no_write_method_is_allowed(client, world):
    audit_read(actor=world.commander_a, obj=world.household_a, reason="Xác minh")
    client.force_login(world.admin_user)
    before = list(AuditEntry.objects.values_list("pk", "reason"))
    for path in (URL, URL + "export.csv"):
        assert client.post(path, {"reason": "x"}).status_code == 405
        assert client.delete(path).status_code == 405
    assert list(AuditEntry.objects.values_list("pk", "reason")) == before


def test_the_filters(client, world):
    audit_read(actor=world.commander_a, obj=world.household_a, reason="Xác minh")
    audit_read(actor=world.province_user, obj=world.household_a2, reason="Kiểm tra")
    audit_record(actor=world.commander_a, action=AuditAction.LOGIN, obj=world.commander_a)
    client.force_login(world.admin_user)
    assert set(_names(client.get(URL, {"user": "commander"}))) == {"Thạch Thị Sà Vọng", "commander-a"}
    assert _names(client.get(URL, {"record": "sa vong"})) == ["Thạch Thị Sà Vọng"]
    assert _names(client.get(URL, {"record": "SÀ VỌNG"})) == ["Thạch Thị Sà Vọng"]
    by_id = {"record_type": "households.household", "record_id": str(world.household_a2.pk)}
    assert _names(client.get(URL, by_id)) == ["Lâm Văn Sơn"]
    assert _names(client.get(URL, {"action": "login", "user": "commander"})) == ["commander-a"]
    today = timezone.localdate()
    assert len(_names(client.get(URL, {"since": f"{today:%d/%m/%Y}", "until": f"{today:%d/%m/%Y}"}))) >= 3
    yesterday = today - timedelta(days=1)
    assert _names(client.get(URL, {"until": f"{yesterday:%d/%m/%Y}"})) == []
    assert _names(client.get(URL, {"since": f"{today + timedelta(days=1):%d/%m/%Y}"})) == []


def test_a_filter_change_answers_the_results_only(client, world):
    audit_read(actor=world.commander_a, obj=world.household_a, reason="Xác minh")
    client.force_login(world.admin_user)
    response = client.get(URL, {"record": "sa vong"}, headers={"HX-Request": "true"})
    assert "<html" not in response.text
    assert "Thạch Thị Sà Vọng" in response.text


def _csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_export_holds_the_filtered_rows_and_is_audited(client, world):
    audit_read(actor=world.commander_a, obj=world.household_a, reason="Xác minh")
    audit_read(actor=world.commander_a, obj=world.household_a2, reason="=HYPERLINK(1)")
    client.force_login(world.province_user)
    response = client.get(URL + "export.csv", {"record": "lam van"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = _csv_rows(response)
    assert len(rows) == 2  # the headings and Lâm Văn Sơn's row
    assert rows[1][5] == "Lâm Văn Sơn"
    assert rows[1][7] == "'=HYPERLINK(1)"  # a formula stays text in a spreadsheet
    export = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert export.actor_username == "province"
    assert export.changes == {"filters": {"record": "lam van"}, "format": "csv", "rows": 1}
    assert export.unit_id == world.command.pk  # the province command's own rows show it


def test_the_xlsx_export_holds_the_filtered_rows_and_is_audited(client, world):
    audit_read(actor=world.commander_a, obj=world.household_a, reason="Xác minh")
    audit_read(actor=world.commander_a, obj=world.household_a2, reason="Kiểm tra")
    client.force_login(world.admin_user)
    response = client.get(URL + "export.xlsx", {"record": "sa vong"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 2
    assert values[1][5] == "Thạch Thị Sà Vọng"
    export = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert export.changes["format"] == "xlsx"
    assert export.changes["rows"] == 1


def test_an_export_with_a_bad_date_is_refused_not_widened(client, world):
    client.force_login(world.admin_user)
    response = client.get(URL + "export.csv", {"since": "31/02/2026"})
    assert response.status_code == 400
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


# Session, user, second-factor device; the scope: grants, member, unit subtree; count, the top bar's
# grants, the page of entries with their units.
LIST_QUERIES = 9


@pytest.mark.parametrize("extra", [0, 30])
def test_its_query_count_does_not_grow_with_rows(client, world, django_assert_num_queries, extra):
    for index in range(extra):
        audit_read(actor=world.commander_a, obj=world.household_a, reason=f"Lần {index}")
    audit_record(actor=world.commander_a, action=AuditAction.LOGIN, obj=world.commander_a)
    client.force_login(world.province_user)
    visible = AuditEntry.objects.visible_to(world.province_user).count()
    assert visible >= 2 + extra  # the reads, commander A's login, the province user's own, the world's units
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(URL)
    assert len(response.context["rows"]) == visible


def test_the_command_exports_the_filtered_trail(world, tmp_path):
    from django.core.management import call_command

    audit_read(actor=world.commander_a, obj=world.household_a, reason="Xác minh")
    audit_read(actor=world.province_user, obj=world.household_a2, reason="Kiểm tra")
    today = timezone.localdate()
    output = tmp_path / "trail.csv"
    call_command(
        "audit_export", since=f"{today:%d/%m/%Y}", user="commander", action="read", output=str(output)
    )
    rows = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8-sig"))))
    assert [row[5] for row in rows[1:]] == ["Thạch Thị Sà Vọng"]
    export = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert export.actor is None
    assert export.changes["filters"] == {"user": "commander", "action": "read", "since": today.isoformat()}
    workbook = tmp_path / "trail.xlsx"
    call_command("audit_export", output=str(workbook))
    # The headings and every row written before the export's own.
    assert load_workbook(workbook).active.max_row == AuditEntry.objects.count()
