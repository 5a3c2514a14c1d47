"""The access rule at the queryset level: each role sees exactly its part."""

import pytest

from longdan.core.scoping import get_scope
from longdan.households.models import Household
from longdan.people.models import Member
from longdan.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def names(queryset):
    return sorted(h.head_name for h in queryset)


def test_member_sees_only_own_households(world):
    visible = Household.objects.visible_to(world.member_user)
    assert names(visible) == ["Thạch Thị Sà Vọng"]


def test_station_commander_sees_the_station(world):
    visible = Household.objects.visible_to(world.commander_a)
    assert names(visible) == ["Lâm Văn Sơn", "Thạch Thị Sà Vọng"]


def test_other_station_commander_sees_none_of_station_a(world):
    visible = Household.objects.visible_to(world.commander_b)
    assert names(visible) == ["Sơn Thị Mỹ"]


def test_province_command_sees_all_its_stations(world):
    assert Household.objects.visible_to(world.province_user).count() == 3


def test_liaison_sees_own_commune(world):
    assert names(Household.objects.visible_to(world.liaison_a)) == ["Lâm Văn Sơn", "Thạch Thị Sà Vọng"]
    assert names(Household.objects.visible_to(world.liaison_b)) == ["Sơn Thị Mỹ"]


def test_user_without_grant_sees_nothing(world):
    stranger = UserFactory()
    assert not Household.objects.visible_to(stranger).exists()
    assert not Member.objects.visible_to(stranger).exists()
    assert get_scope(stranger).is_empty


def test_anonymous_sees_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert not Household.objects.visible_to(AnonymousUser()).exists()


def test_admin_sees_everything(world):
    assert Household.objects.visible_to(world.admin_user).count() == 3


def test_reassigned_member_loses_the_household(world):
    from longdan.assignments.services import household_reassign

    household_reassign(household=world.household_a, member=world.member_a2)
    assert not Household.objects.visible_to(world.member_user).exists()


def test_members_visible_to_commander_are_the_station(world):
    visible = Member.objects.visible_to(world.commander_a)
    assert sorted(m.full_name for m in visible) == ["Lê Văn Hai", "Nguyễn Thiên Phú"]


def test_member_sees_only_self_among_members(world):
    assert [m.full_name for m in Member.objects.visible_to(world.member_user)] == ["Nguyễn Thiên Phú"]


def test_ended_grant_gives_nothing(world):
    from datetime import timedelta

    from django.utils import timezone

    grant = world.commander_a.grants.get()
    grant.end_date = timezone.localdate() - timedelta(days=1)
    grant.save()
    commander = type(world.commander_a).objects.get(pk=world.commander_a.pk)
    assert not Household.objects.visible_to(commander).exists()


def test_only_command_roles_see_sensitive_fields(world):
    assert get_scope(world.commander_a).sensitive
    assert not get_scope(world.member_user).sensitive
    assert not get_scope(world.liaison_a).sensitive
