"""Finding units by code or folded name, and following the 2025 reform from old to new."""

import pytest
from django.core.exceptions import ValidationError

from longdan.geo.models import AdminUnit, Level
from longdan.geo.selectors import (
    current_provinces_for,
    current_unit_for,
    find_legacy_commune,
    predecessors_of,
    resolve_legacy_commune,
    search_communes,
    successors_of,
    unit_by_code,
)

pytestmark = pytest.mark.django_db


def names(units):
    return [unit.full_name() for unit in units]


def test_vinh_tan_of_vinh_chau_became_phuong_vinh_phuoc_of_can_tho(official_units):
    result = resolve_legacy_commune(
        name="Xã Vĩnh Tân", district="Thị xã Vĩnh Châu", province="Tỉnh Sóc Trăng"
    )
    assert names(result) == ["Phường Vĩnh Phước, Thành phố Cần Thơ"]
    assert result[0].code == "31804"


def test_it_resolves_a_folded_name_without_division_types(official_units):
    result = resolve_legacy_commune(name="vinh tan", district="vinh chau", province="SOC TRANG")
    assert names(result) == ["Phường Vĩnh Phước, Thành phố Cần Thơ"]


def test_vinh_hai_of_vinh_chau_keeps_its_name_and_code(official_units):
    result = resolve_legacy_commune(name="Vĩnh Hải", district="Vĩnh Châu")
    assert names(result) == ["Xã Vĩnh Hải, Thành phố Cần Thơ"]
    assert result[0].code == "31795"
    assert result[0].is_current


def test_it_resolves_by_code(official_units):
    assert names(resolve_legacy_commune(code=31807)) == ["Phường Vĩnh Phước, Thành phố Cần Thơ"]
    assert find_legacy_commune(code="31795").full_name() == "Xã Vĩnh Hải, Thị xã Vĩnh Châu, Tỉnh Sóc Trăng"


def test_a_name_found_in_several_provinces_is_ambiguous(official_units):
    with pytest.raises(ValidationError) as caught:
        resolve_legacy_commune(name="vinh hai")
    assert caught.value.code == "ambiguous"
    message = caught.value.messages[0]
    assert "Thị xã Vĩnh Châu" in message
    assert "Huyện Vĩnh Bảo" in message


def test_a_name_twice_in_one_district_is_ambiguous(official_units):
    # Thành phố Thanh Hóa had two communes called Đông Khê; only the code tells them apart.
    with pytest.raises(ValidationError) as caught:
        find_legacy_commune(name="Đông Khê", district="Thành phố Thanh Hóa")
    assert caught.value.code == "ambiguous"
    assert "16387" in caught.value.messages[0]


def test_an_unknown_name_or_code_is_not_found(official_units):
    with pytest.raises(ValidationError) as caught:
        resolve_legacy_commune(name="Vĩnh Tân", province="Cà Mau")
    assert caught.value.code == "not_found"
    assert "Cà Mau" in caught.value.messages[0]
    with pytest.raises(ValidationError) as caught:
        resolve_legacy_commune(code="99999")
    assert caught.value.code == "not_found"


def test_it_needs_a_code_or_a_name(official_units):
    with pytest.raises(ValidationError) as caught:
        resolve_legacy_commune(district="Vĩnh Châu")
    assert caught.value.code == "required"


def test_three_current_communes_named_vinh_hai_are_told_apart_by_code(official_units):
    found = AdminUnit.objects.current().communes().filter(name="Xã Vĩnh Hải")
    assert sorted(found.values_list("code", flat=True)) == ["11875", "22846", "31795"]
    assert len({unit.parent_id for unit in found}) == 3
    assert unit_by_code(level=Level.COMMUNE, code=31795).parent.name == "Thành phố Cần Thơ"


def test_search_communes_folds_the_query(official_units):
    assert [u.code for u in search_communes("vinh hai")] == ["11875", "22846", "31795"]
    assert [u.code for u in search_communes("VĨNH HẢI")] == ["11875", "22846", "31795"]
    legacy = search_communes("vinh tan", current=False)
    assert "Xã Vĩnh Tân, Thị xã Vĩnh Châu, Tỉnh Sóc Trăng" in names(legacy)
    assert not legacy.filter(valid_to__isnull=True).exists()
    assert not search_communes("   ").exists()


def test_a_current_unit_is_its_own_successor(official_units):
    vinh_hai = unit_by_code(level=Level.COMMUNE, code="31795")
    assert successors_of(vinh_hai) == [vinh_hai]
    assert current_unit_for(vinh_hai) == vinh_hai


def test_a_current_commune_knows_its_predecessors(official_units):
    vinh_phuoc = unit_by_code(level=Level.COMMUNE, code="31804")
    assert sorted(u.code for u in predecessors_of(vinh_phuoc)) == ["31804", "31807"]


def test_a_split_commune_has_no_single_current_unit(official_units):
    ngoc_ha = unit_by_code(level=Level.COMMUNE, code=16, current=False)
    assert [u.code for u in successors_of(ngoc_ha)] == ["00004", "00008"]
    with pytest.raises(ValidationError) as caught:
        current_unit_for(ngoc_ha)
    assert caught.value.code == "split"


def test_old_province_and_district_lead_to_the_current_province(official_units):
    soc_trang = unit_by_code(level=Level.PROVINCE, code=94, current=False)
    assert names(current_provinces_for(soc_trang)) == ["Thành phố Cần Thơ"]
    vinh_chau = find_legacy_commune(code=31795).parent
    assert names(current_provinces_for(vinh_chau)) == ["Thành phố Cần Thơ"]
    assert {u.code for u in successors_of(vinh_chau)} >= {"31795", "31804"}
