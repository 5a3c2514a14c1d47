import unicodedata
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from longdan.households.models import Household
from longdan.households.poverty import PovertyCategory, Standard, categorize
from longdan.households.services import household_create, poverty_assessment_record, resident_add
from longdan.org.services import unit_add_area
from longdan.testing.factories import HamletFactory, make_station

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("standard", "area", "income", "deprived", "expected"),
    [
        (Standard.ND07_2021, "rural", 1_500_000, 3, PovertyCategory.POOR),
        (Standard.ND07_2021, "rural", 1_500_000, 2, PovertyCategory.NEAR_POOR),
        (Standard.ND07_2021, "rural", 1_500_001, 6, PovertyCategory.AVERAGE),
        (Standard.ND07_2021, "rural", 2_250_000, 0, PovertyCategory.AVERAGE),
        (Standard.ND07_2021, "rural", 2_250_001, 0, PovertyCategory.OTHER),
        (Standard.ND07_2021, "urban", 2_000_000, 3, PovertyCategory.POOR),
        (Standard.ND351_2025, "rural", 2_000_000, 1, PovertyCategory.NEAR_POOR),
        (Standard.ND351_2025, "urban", 2_800_000, 4, PovertyCategory.POOR),
    ],
)
def test_categories_follow_the_decrees(standard, area, income, deprived, expected):
    assert categorize(standard=standard, area=area, income_per_head=income, deprivations=deprived) == expected


def test_the_latest_assessment_is_the_status_and_history_is_kept(world):
    household = world.household_a
    poverty_assessment_record(
        household=household,
        assessed_on=date(2023, 12, 1),
        income_per_head=1_000_000,
        deprivations=["lacks_housing_quality", "lacks_sanitation", "lacks_clean_water"],
    )
    poverty_assessment_record(household=household, assessed_on=date(2025, 12, 1), income_per_head=1_400_000)
    # An older review entered late does not change the current status.
    poverty_assessment_record(
        household=household,
        assessed_on=date(2022, 12, 1),
        income_per_head=900_000,
        deprivations=["lacks_health_insurance", "lacks_sanitation", "lacks_clean_water"],
    )
    household.refresh_from_db()
    assert household.poverty_category == PovertyCategory.NEAR_POOR
    assert household.poverty_assessed_on == date(2025, 12, 1)
    assert household.assessments.count() == 3


def test_assessments_in_the_future_or_with_unknown_indicators_are_refused(world):
    with pytest.raises(ValidationError):
        poverty_assessment_record(
            household=world.household_a,
            assessed_on=timezone.localdate() + timedelta(days=1),
            income_per_head=1,
        )
    with pytest.raises(ValidationError):
        poverty_assessment_record(
            household=world.household_a, assessed_on=date(2024, 1, 1), income_per_head=1, deprivations=["x"]
        )
    assert not world.household_a.assessments.exists()


def test_household_create_finds_its_station_and_normalises_text(world):
    decomposed = unicodedata.normalize("NFD", "  Danh  Thị Sa Rươl ")
    household = household_create(code="VH-999", head_name=decomposed, hamlet=world.hamlet_a)
    assert household.station == world.station_a
    assert household.commune == world.commune_a
    assert household.head_name == "Danh Thị Sa Rươl"
    assert household.name_folded == "danh thi sa ruol"
    assert Household.objects.search("sa ruol").get() == household


def test_household_code_is_unique_within_a_commune(world):
    household_create(code="VH-1", head_name="A", hamlet=world.hamlet_a)
    with pytest.raises(ValidationError):
        household_create(code="VH-1", head_name="B", hamlet=world.hamlet_a)


def test_a_hamlet_outside_every_area_is_refused(world):
    orphan = HamletFactory()
    with pytest.raises(ValidationError) as exc:
        household_create(code="X-1", head_name="A", hamlet=orphan)
    assert "hamlet" in exc.value.message_dict


def test_the_former_commune_decides_between_two_stations(world):
    # Lai Hòa covers only the part of a commune that was a former commune; another station the rest.
    from longdan.testing.factories import CommuneFactory

    merged = CommuneFactory(name="Phường Vĩnh Phước", parent=world.province)
    former = CommuneFactory(name="Xã Vĩnh Tân", parent=None, valid_to=date(2025, 6, 30))
    other_station = make_station(province_command=world.command, communes=[merged], name="Đồn Vĩnh Phước")
    unit_add_area(unit=world.station_b, commune=merged, legacy_commune=former)
    from_vinh_tan = HamletFactory(commune=merged, legacy_commune=former)
    elsewhere = HamletFactory(commune=merged)
    assert household_create(code="1", head_name="A", hamlet=from_vinh_tan).station == world.station_b
    assert household_create(code="2", head_name="B", hamlet=elsewhere).station == other_station


def test_resident_birth_year_cannot_be_in_the_future(world):
    with pytest.raises(ValidationError):
        resident_add(
            household=world.household_a,
            full_name="Thạch Văn Con",
            sex="male",
            relation="child",
            birth_year=timezone.localdate().year + 1,
        )
