"""Admin: official units are read-only and found by folded name; hamlets are edited there."""

from datetime import date

import pytest
from django.urls import reverse

from longdan.geo.models import AdminUnit, Hamlet, Level, UnitSuccession
from longdan.testing.factories import CommuneFactory, HamletFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    can_tho = ProvinceFactory(name="Thành phố Cần Thơ", code="92")
    soc_trang = AdminUnit.objects.create(
        level=Level.PROVINCE,
        code="94",
        name="Tỉnh Sóc Trăng",
        division_type="tỉnh",
        valid_to=date(2025, 6, 30),
    )
    vinh_chau = AdminUnit.objects.create(
        level=Level.DISTRICT,
        code="950",
        name="Thị xã Vĩnh Châu",
        division_type="thị xã",
        parent=soc_trang,
        valid_to=date(2025, 6, 30),
    )
    old_vinh_tan = AdminUnit.objects.create(
        level=Level.COMMUNE,
        code="31807",
        name="Xã Vĩnh Tân",
        division_type="xã",
        parent=vinh_chau,
        valid_to=date(2025, 6, 30),
    )
    vinh_phuoc = CommuneFactory(
        name="Phường Vĩnh Phước", code="31804", division_type="phường", parent=can_tho
    )
    vinh_hai = CommuneFactory(name="Xã Vĩnh Hải", code="31795", parent=can_tho)
    UnitSuccession.objects.create(predecessor=old_vinh_tan, successor=vinh_phuoc)
    return {"can_tho": can_tho, "soc_trang": soc_trang, "vinh_tan": old_vinh_tan, "vinh_hai": vinh_hai}


def changelist(model):
    return reverse(f"admin:geo_{model}_changelist")


def listed(response):
    return list(response.context["cl"].result_list)


def test_it_finds_a_unit_by_folded_name(admin_client, units):
    for term in ("vinh hai", "VĨNH HẢI", "Vĩnh Hải"):
        response = admin_client.get(changelist("adminunit"), {"q": term})
        assert listed(response) == [units["vinh_hai"]]


def test_it_finds_a_unit_by_code(admin_client, units):
    response = admin_client.get(changelist("adminunit"), {"q": "31807"})
    assert listed(response) == [units["vinh_tan"]]


def test_it_filters_by_era_and_province(admin_client, units):
    legacy = listed(admin_client.get(changelist("adminunit"), {"era": "legacy"}))
    assert {unit.code for unit in legacy} == {"94", "950", "31807"}
    in_soc_trang = listed(admin_client.get(changelist("adminunit"), {"province": units["soc_trang"].pk}))
    assert {unit.code for unit in in_soc_trang} == {"94", "950", "31807"}


def test_official_units_cannot_be_added_changed_or_deleted(admin_client, units):
    vinh_hai = units["vinh_hai"]
    assert admin_client.get(reverse("admin:geo_adminunit_add")).status_code == 403
    page = admin_client.get(reverse("admin:geo_adminunit_change", args=[vinh_hai.pk]))
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    response = admin_client.post(
        reverse("admin:geo_adminunit_change", args=[vinh_hai.pk]), {"name": "Xã Khác"}
    )
    assert response.status_code == 403
    assert admin_client.post(reverse("admin:geo_adminunit_delete", args=[vinh_hai.pk])).status_code == 403
    vinh_hai.refresh_from_db()
    assert vinh_hai.name == "Xã Vĩnh Hải"


def test_a_legacy_unit_page_shows_its_successor(admin_client, units):
    page = admin_client.get(reverse("admin:geo_adminunit_change", args=[units["vinh_tan"].pk]))
    assert "Phường Vĩnh Phước" in page.content.decode()


def test_the_succession_list_searches_both_ends(admin_client, units):
    for term in ("vinh tan", "vinh phuoc", "31804"):
        response = admin_client.get(changelist("unitsuccession"), {"q": term})
        assert [str(row) for row in listed(response)] == ["Xã Vĩnh Tân → Phường Vĩnh Phước"]


def test_the_unit_list_costs_a_fixed_number_of_queries(admin_client, units, django_assert_max_num_queries):
    CommuneFactory.create_batch(20, parent=units["can_tho"])
    with django_assert_max_num_queries(12):
        admin_client.get(changelist("adminunit"))


def test_it_finds_a_hamlet_by_folded_name_and_filters_by_province(admin_client, units):
    au_tho = HamletFactory(name="Ấp Âu Thọ A", commune=units["vinh_hai"])
    HamletFactory(name="Ấp Khác")  # in another province
    assert listed(admin_client.get(changelist("hamlet"), {"q": "au tho"})) == [au_tho]
    assert listed(admin_client.get(changelist("hamlet"), {"province": units["can_tho"].pk})) == [au_tho]


def test_a_hamlet_is_added_through_the_admin(admin_client, units):
    response = admin_client.post(
        reverse("admin:geo_hamlet_add"),
        {"name": "  Ấp  Xung Thum A ", "kind": "ap", "commune": units["vinh_hai"].pk, "legacy_commune": ""},
    )
    assert response.status_code == 302
    hamlet = Hamlet.objects.get()
    assert hamlet.name == "Ấp Xung Thum A"
    assert hamlet.name_folded == "ap xung thum a"


def test_a_hamlet_cannot_be_put_under_a_legacy_commune(admin_client, units):
    response = admin_client.post(
        reverse("admin:geo_hamlet_add"),
        {"name": "Ấp Sai", "kind": "ap", "commune": units["vinh_tan"].pk, "legacy_commune": ""},
    )
    assert response.status_code == 200
    assert "commune" in response.context["adminform"].form.errors
    assert not Hamlet.objects.exists()
