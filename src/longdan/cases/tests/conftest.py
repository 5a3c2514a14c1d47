"""Who is who for petitions, on top of the shared `world` (longdan.testing.fixtures)."""

import pytest

from longdan.accounts.models import Role
from longdan.testing.factories import UserFactory, grant


@pytest.fixture
def other_member_user(world):
    """member_a2's account: same station as member_a, but not in charge of household_a."""
    user = UserFactory(username="member-a2")
    world.member_a2.user = user
    world.member_a2.save()
    grant(user, Role.MEMBER, world.station_a)
    return user


@pytest.fixture
def actors(world, other_member_user):
    """Every kind of user the workflow must tell apart, by the name the tests use."""
    return {
        "member": world.member_user,  # in charge of household_a
        "other_member": other_member_user,
        "commander": world.commander_a,
        "province": world.province_user,
        "liaison": world.liaison_a,  # commune_a, where household_a lives
        "commander_b": world.commander_b,
        "liaison_b": world.liaison_b,
    }
