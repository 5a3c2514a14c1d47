"""`longdan load_units`: the official list, complete, keyed by (level, code, era), and idempotent."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from longdan.core.text import fold, vietnamese_sort_key
from longdan.geo.models import AdminUnit, Level, UnitSuccession
from longdan.geo.official import read_official_list
from longdan.geo.services import official_units_load

pytestmark = pytest.mark.django_db


def test_it_loads_the_units_in_force(official_units):
    units = AdminUnit.objects.current()
    assert units.provinces().count() == 34
    assert units.communes().count() == 3321
    assert units.filter(level=Level.DISTRICT).count() == 0
    assert not units.exclude(valid_from=date(2025, 7, 1)).exists()
    # Every current commune hangs directly under a current province.
    assert (
        units.communes().filter(parent__level=Level.PROVINCE, parent__valid_to__isnull=True).count() == 3321
    )


def test_it_loads_the_legacy_units_with_their_parent_chain(official_units):
    units = AdminUnit.objects.legacy()
    assert units.provinces().count() == 63
    assert units.filter(level=Level.DISTRICT).count() == 696
    assert units.communes().count() == 10051
    assert not units.exclude(valid_to=date(2025, 6, 30)).exists()
    assert (
        units.communes()
        .filter(
            parent__level=Level.DISTRICT,
            parent__parent__level=Level.PROVINCE,
            parent__parent__valid_to__isnull=False,
        )
        .count()
        == 10051
    )


def test_codes_are_zero_padded_official_codes(official_units):
    hanoi = AdminUnit.objects.current().get(level=Level.PROVINCE, code="01")
    assert hanoi.name == "Thành phố Hà Nội"
    assert hanoi.division_type == "thành phố trung ương"
    assert AdminUnit.objects.legacy().get(level=Level.DISTRICT, code="001").name == "Quận Ba Đình"
    assert AdminUnit.objects.current().get(level=Level.COMMUNE, code="00004").name == "Phường Ba Đình"


def test_the_same_code_is_two_units_in_two_eras(official_units):
    old, new = (
        AdminUnit.objects.get(level=Level.COMMUNE, code="31795", valid_to__isnull=is_current)
        for is_current in (False, True)
    )
    assert old.pk != new.pk
    assert old.full_name() == "Xã Vĩnh Hải, Thị xã Vĩnh Châu, Tỉnh Sóc Trăng"
    assert new.full_name() == "Xã Vĩnh Hải, Thành phố Cần Thơ"
    assert list(old.successors.all()) == [new]


def test_division_types_come_from_the_package(official_units):
    types = set(AdminUnit.objects.values_list("division_type", flat=True))
    assert {"tỉnh", "thành phố trung ương", "huyện", "thị xã", "quận", "thành phố"} <= types
    assert {"xã", "phường", "thị trấn", "đặc khu"} <= types
    assert AdminUnit.objects.legacy().get(level=Level.DISTRICT, code="950").division_type == "thị xã"


def test_it_loads_the_succession(official_units):
    official = read_official_list()
    assert UnitSuccession.objects.count() == len(official.successions)
    # The package maps every legacy commune but a few dissolved before 2025, and reaches every
    # current commune but the island special zones, which were districts without communes.
    assert AdminUnit.objects.legacy().communes().filter(succession_out__isnull=True).count() == 28
    orphans = AdminUnit.objects.current().communes().filter(succession_in__isnull=True)
    assert set(orphans.values_list("division_type", flat=True)) == {"đặc khu"}
    soc_trang = AdminUnit.objects.legacy().get(level=Level.PROVINCE, code="94")
    assert [unit.name for unit in soc_trang.successors.all()] == ["Thành phố Cần Thơ"]
    assert not soc_trang.succession_out.get().partial


def test_a_partly_merged_commune_has_several_partial_successions(official_units):
    # Phường Ngọc Hà (Ba Đình, Hà Nội) was split between phường Ba Đình and phường Ngọc Hà.
    ngoc_ha = AdminUnit.objects.legacy().get(level=Level.COMMUNE, code="00016")
    links = ngoc_ha.succession_out.select_related("successor").order_by("successor__code")
    assert [(link.successor.code, link.partial) for link in links] == [("00004", True), ("00008", True)]


def test_a_second_run_changes_nothing(official_units):
    counts = (AdminUnit.objects.count(), UnitSuccession.objects.count())
    out = StringIO()
    with translation.override("en"):
        call_command("load_units", stdout=out)
    assert (AdminUnit.objects.count(), UnitSuccession.objects.count()) == counts
    assert "Nothing to change" in out.getvalue()


def test_a_second_run_reports_only_unchanged_rows(official_units):
    result = official_units_load()
    assert not result.changed
    assert sum(result.created.values()) == sum(result.updated.values()) == 0
    assert sum(result.unchanged.values()) == 34 + 3321 + 63 + 696 + 10051


def test_it_takes_back_the_official_name_and_keys(official_units):
    unit = AdminUnit.objects.current().get(level=Level.COMMUNE, code="31795")
    AdminUnit.objects.filter(pk=unit.pk).update(name="Xã Tên Sai", name_folded="xa ten sai", name_sort="0")
    result = official_units_load()
    assert result.updated[(Level.COMMUNE, True)] == 1
    unit.refresh_from_db()
    assert unit.name == "Xã Vĩnh Hải"
    assert unit.name_folded == fold("Xã Vĩnh Hải") == "xa vinh hai"
    assert unit.name_sort == vietnamese_sort_key("Xã Vĩnh Hải")


def test_it_restores_a_lost_succession_and_drops_a_foreign_one(official_units):
    vinh_tan = AdminUnit.objects.legacy().get(level=Level.COMMUNE, code="31807")
    vinh_tan.succession_out.all().delete()
    stray = UnitSuccession.objects.create(
        predecessor=vinh_tan, successor=AdminUnit.objects.current().get(level=Level.COMMUNE, code="00004")
    )
    result = official_units_load()
    assert (result.successions_created, result.successions_removed) == (1, 1)
    assert not UnitSuccession.objects.filter(pk=stray.pk).exists()
    assert [unit.code for unit in vinh_tan.successors.all()] == ["31804"]


def test_the_command_prints_a_summary(official_units):
    out = StringIO()
    with translation.override("en"):
        call_command("load_units", stdout=out)
    text = out.getvalue()
    assert "vietnam-provinces" in text
    assert "Current communes" in text
    assert "3321" in text


def test_a_load_that_changes_something_leaves_one_audit_row(official_units):
    """One row with the counts per load that writes, none for a load that writes nothing."""
    from longdan.audit.models import AuditEntry

    before = AuditEntry.objects.count()
    assert not official_units_load().changed
    assert AuditEntry.objects.count() == before
    unit = AdminUnit.objects.current().get(level=Level.COMMUNE, code="31795")
    AdminUnit.objects.filter(pk=unit.pk).update(name="Xã Tên Sai")
    official_units_load()
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.order_by("-pk").first()
    assert entry is not None
    assert entry.object_type == "geo.adminunit"
    assert entry.changes["updated"] == 1
