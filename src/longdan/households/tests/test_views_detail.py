"""The household card: allowed, 404 for anyone who may not see it, sensitive fields, history."""

from datetime import date

import pytest
from django.urls import reverse

from longdan.assignments.services import household_assign, household_reassign
from longdan.households.services import poverty_assessment_record, resident_add
from longdan.testing.factories import CommuneFactory, MemberFactory

pytestmark = pytest.mark.django_db


def url(household):
    return reverse("household-detail", args=[household.pk])


def test_it_requires_login(client, world):
    response = client.get(url(world.household_a))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_shows_my_household(client, world):
    client.force_login(world.member_user)
    response = client.get(url(world.household_a))
    assert response.status_code == 200
    assert "Thạch Thị Sà Vọng" in response.text
    assert "Ấp Âu Thọ A" in response.text
    assert "Xã Vĩnh Hải" in response.text
    assert "Đồn Biên phòng Vĩnh Hải" in response.text
    assert "Nguyễn Thiên Phú" in response.text


def test_it_shows_the_commander_any_household_of_his_station(client, world):
    client.force_login(world.commander_a)
    assert client.get(url(world.household_a2)).status_code == 200


def test_it_shows_the_liaison_a_household_of_his_commune(client, world):
    client.force_login(world.liaison_a)
    assert client.get(url(world.household_a)).status_code == 200


@pytest.mark.parametrize("who", ["commander_b", "liaison_b"])
def test_it_returns_404_for_other_station(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(url(world.household_a)).status_code == 404


def test_it_returns_404_for_a_household_of_my_station_that_is_not_mine(client, world):
    client.force_login(world.member_user)
    assert client.get(url(world.household_a2)).status_code == 404


def test_not_found_and_not_yours_answer_alike(client, world):
    client.force_login(world.commander_b)
    missing = client.get(reverse("household-detail", args=[999_999]))
    not_yours = client.get(url(world.household_a))
    assert missing.status_code == not_yours.status_code == 404
    assert missing.content == not_yours.content


def _mark_sensitive(household):
    household.ethnicity = "Khmer"
    household.religion = "Phật giáo Nam tông"
    household.save()
    resident_add(
        household=household,
        full_name="Thạch Thị Sà Vọng",
        sex="female",
        relation="head",
        id_number="094123456789",
    )


def test_it_hides_sensitive_fields_from_the_member(client, world):
    _mark_sensitive(world.household_a)
    client.force_login(world.member_user)
    response = client.get(url(world.household_a))
    assert response.status_code == 200
    assert "Phật giáo Nam tông" not in response.text
    assert 'class="sensitive"' not in response.text
    assert "094123456789" not in response.text
    assert response.context["card"].ethnicity is None


def test_it_hides_sensitive_fields_from_the_liaison(client, world):
    _mark_sensitive(world.household_a)
    client.force_login(world.liaison_a)
    assert "Phật giáo Nam tông" not in client.get(url(world.household_a)).text


def test_it_shows_sensitive_fields_to_the_commander(client, world):
    _mark_sensitive(world.household_a)
    client.force_login(world.commander_a)
    response = client.get(url(world.household_a))
    assert "Phật giáo Nam tông" in response.text
    assert "Khmer" in response.text
    assert "094123456789" in response.text


def test_it_shows_the_member_in_charge_and_past_members(client, world):
    successor = MemberFactory(full_name="Trần Quốc Toản", unit=world.station_a)
    household_reassign(
        household=world.household_a, member=successor, on=date(2025, 8, 1), reason="Chuyển công tác"
    )
    client.force_login(world.commander_a)
    response = client.get(url(world.household_a))
    card = response.context["card"]
    assert card.in_charge.member == successor
    assert [a.member for a in card.past_assignments] == [world.member_a]
    assert "01/01/2024 – 31/07/2025" in response.text
    assert "Chuyển công tác" in response.text
    # The commander may open both members' pages, so both names are links.
    assert reverse("member-detail", args=[successor.pk]) in response.text
    assert reverse("member-detail", args=[world.member_a.pk]) in response.text


def test_it_links_only_the_members_the_viewer_may_open(client, world):
    supporter = MemberFactory(full_name="Lý Văn Tư", unit=world.station_a)
    household_assign(household=world.household_a, member=supporter, role="secondary")
    client.force_login(world.member_user)
    response = client.get(url(world.household_a))
    assert "Lý Văn Tư" in response.text
    assert reverse("member-detail", args=[supporter.pk]) not in response.text
    assert reverse("member-detail", args=[world.member_a.pk]) in response.text


def test_it_shows_the_poverty_history_newest_first(client, world):
    deprived = ["lacks_housing_quality", "lacks_sanitation", "lacks_clean_water"]
    poverty_assessment_record(
        household=world.household_a,
        assessed_on=date(2023, 12, 1),
        income_per_head=1_000_000,
        deprivations=deprived,
    )
    poverty_assessment_record(
        household=world.household_a, assessed_on=date(2025, 12, 1), income_per_head=1_400_000
    )
    client.force_login(world.member_user)
    response = client.get(url(world.household_a))
    text = response.text
    assert text.index("01/12/2025") < text.index("01/12/2023")
    assert "1.400.000 ₫" in text
    assert "3/12" in text


def test_it_shows_the_former_commune_of_the_hamlet(client, world):
    district = CommuneFactory(
        name="Thị xã Vĩnh Châu", level="district", parent=world.province, valid_to=date(2025, 6, 30)
    )
    former = CommuneFactory(name="Xã Vĩnh Hải", parent=district, valid_to=date(2025, 6, 30))
    world.hamlet_a.legacy_commune = former
    world.hamlet_a.save()
    client.force_login(world.member_user)
    response = client.get(url(world.household_a))
    assert "Thị xã Vĩnh Châu" in response.text


def test_it_lists_the_residents(client, world):
    resident_add(
        household=world.household_a, full_name="Sơn Văn Mạnh", sex="male", relation="child", birth_year=2012
    )
    client.force_login(world.member_user)
    response = client.get(url(world.household_a))
    assert "Sơn Văn Mạnh" in response.text
    assert "2012" in response.text
