"""Reads for members."""

import pytest
from django.http import Http404

from longdan.assignments.services import assignment_end, household_assign
from longdan.core.scoping import get_scope
from longdan.people.models import MemberStatus
from longdan.people.selectors import get_member_for_user, station_members, visible_member_ids
from longdan.testing.factories import HouseholdFactory, MemberFactory, make_unit

pytestmark = pytest.mark.django_db


def test_get_member_for_user_refuses_another_station(world):
    assert get_member_for_user(world.commander_a, world.member_a.pk) == world.member_a
    with pytest.raises(Http404):
        get_member_for_user(world.commander_b, world.member_a.pk)


def test_station_members_counts_open_primary_households_in_one_query(world, django_assert_num_queries):
    extra = HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
    household_assign(household=extra, member=world.member_a)
    # A supporting role and an ended assignment do not count.
    household_assign(household=world.household_a2, member=world.member_a, role="secondary")
    ended = HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
    assignment_end(assignment=household_assign(household=ended, member=world.member_a2))
    team = make_unit(kind="team", parent=world.station_a, name="Đội Vận động quần chúng")
    idle = MemberFactory(full_name="Đào Văn Rảnh", unit=team)
    MemberFactory(full_name="Hồ Văn Cũ", unit=world.station_a, status=MemberStatus.RETIRED)

    get_scope(world.commander_a)  # computed once per request; not what is counted here
    with django_assert_num_queries(1):
        counts = {
            m.full_name: m.household_count
            for m in station_members(user=world.commander_a, unit=world.station_a)
        }
    assert counts == {"Nguyễn Thiên Phú": 2, "Lê Văn Hai": 1, idle.full_name: 0}


def test_station_members_is_scoped(world):
    assert list(station_members(user=world.commander_b, unit=world.station_a)) == []


def test_visible_member_ids(world):
    ids = [world.member_a.pk, world.member_a2.pk, world.member_b.pk]
    assert visible_member_ids(user=world.member_user, ids=ids) == {world.member_a.pk}
    assert visible_member_ids(user=world.commander_a, ids=ids) == {world.member_a.pk, world.member_a2.pk}
