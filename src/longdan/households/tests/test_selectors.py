"""Reads for households: scoping, the folded search, a member's households, the card."""

import unicodedata

import pytest
from django.http import Http404

from longdan.core.scoping import get_scope
from longdan.households.selectors import (
    get_household_for_user,
    hamlet_options,
    household_card,
    household_list,
    households_of_member,
    station_options,
)
from longdan.testing.factories import AssignmentFactory, CommuneFactory, HamletFactory, HouseholdFactory

pytestmark = pytest.mark.django_db


def names(households):
    return [h.head_name for h in households]


@pytest.mark.parametrize(
    "typed", ["sa vong", "SÀ VỌNG", unicodedata.normalize("NFD", "Sà Vọng"), "thach thi"]
)
def test_household_list_finds_sa_vong_by_the_folded_key(world, typed):
    assert names(household_list(user=world.commander_a, search=typed)) == ["Thạch Thị Sà Vọng"]


def test_household_list_is_scoped_before_it_searches(world):
    assert names(household_list(user=world.commander_b, search="sa vong")) == []
    assert names(household_list(user=world.member_user)) == ["Thạch Thị Sà Vọng"]


def test_household_list_carries_the_member_in_charge_without_a_query_per_row(
    world, django_assert_num_queries
):
    for _ in range(5):
        AssignmentFactory(
            member=world.member_a2, household=HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
        )
    get_scope(world.commander_a)
    with django_assert_num_queries(2):  # the households with their places, then the members in charge
        rows = list(household_list(user=world.commander_a))
        in_charge = {h.head_name: str(h.in_charge[0].member.full_name) for h in rows}
        places = {(h.hamlet.name, h.commune.name, h.station.name) for h in rows}
    assert in_charge["Thạch Thị Sà Vọng"] == "Nguyễn Thiên Phú"
    assert places == {("Ấp Âu Thọ A", "Xã Vĩnh Hải", "Đồn Biên phòng Vĩnh Hải")}


def test_get_household_for_user_answers_404_for_missing_and_not_yours(world):
    assert get_household_for_user(world.member_user, world.household_a.pk) == world.household_a
    for user, pk in [
        (world.member_user, world.household_a2.pk),
        (world.commander_b, world.household_a.pk),
        (world.liaison_b, world.household_a.pk),
        (world.admin_user, 999_999),
    ]:
        with pytest.raises(Http404):
            get_household_for_user(user, pk)


def test_households_of_member_lists_open_assignments_the_viewer_may_see(world):
    far_hamlet = HamletFactory(commune=CommuneFactory(name="Xã Vĩnh Phước", parent=world.province))
    far = HouseholdFactory(head_name="Kim Thị Ngọc", hamlet=far_hamlet, station=world.station_a)
    AssignmentFactory(member=world.member_a, household=far)
    assert names(households_of_member(world.member_a, user=world.commander_a)) == [
        "Kim Thị Ngọc",
        "Thạch Thị Sà Vọng",
    ]
    # The liaison of xã Vĩnh Hải sees the member's household there, not the one in another commune.
    assert names(households_of_member(world.member_a, user=world.liaison_a)) == ["Thạch Thị Sà Vọng"]
    assert names(households_of_member(world.member_a, user=world.commander_b)) == []


def test_households_of_member_puts_priority_households_first(world):
    urgent = HouseholdFactory(
        head_name="Ông Văn Ưu", hamlet=world.hamlet_a, station=world.station_a, priority="priority"
    )
    AssignmentFactory(member=world.member_a, household=urgent)
    assert names(households_of_member(world.member_a, user=world.member_user)) == [
        "Ông Văn Ưu",
        "Thạch Thị Sà Vọng",
    ]


def test_filter_options_are_scoped(world):
    assert [h.name for h in hamlet_options(user=world.commander_b)] == ["Ấp Xung Thum A"]
    assert station_options(user=world.commander_a) is None
    assert station_options(user=world.member_user) is None
    assert set(station_options(user=world.province_user)) == {world.station_a, world.station_b}


def test_household_card_withholds_sensitive_values_from_roles_without_the_right(world):
    world.household_a.ethnicity = "Khmer"
    world.household_a.religion = "Phật giáo Nam tông"
    world.household_a.save()
    member_card = household_card(user=world.member_user, pk=world.household_a.pk)
    assert (member_card.show_sensitive, member_card.ethnicity, member_card.religion) == (False, None, None)
    commander_card = household_card(user=world.commander_a, pk=world.household_a.pk)
    assert (commander_card.ethnicity, commander_card.religion) == ("Khmer", "Phật giáo Nam tông")
    assert commander_card.in_charge.member == world.member_a
