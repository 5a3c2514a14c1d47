"""Who calls the API in these tests, on top of the shared `world` (longdan.testing.fixtures)."""

import pytest

from longdan.accounts.models import Role
from longdan.testing.factories import CaseFactory, UserFactory, VisitFactory, grant


@pytest.fixture
def other_member_user(world):
    """member_a2's account: same station as member_a, but not in charge of household_a."""
    user = UserFactory(username="member-a2")
    world.member_a2.user = user
    world.member_a2.save()
    grant(user, Role.MEMBER, world.station_a)
    return user


@pytest.fixture
def visit_a(world):
    return VisitFactory(household=world.household_a, members=[world.member_a], aspirations="Muốn vay vốn")


@pytest.fixture
def case_a(world):
    return CaseFactory(
        household=world.household_a,
        title="Xin vay vốn tạo việc làm",
        state="received",
        recorded_by_member=world.member_a,
        recorded_by_user=world.member_user,
    )
