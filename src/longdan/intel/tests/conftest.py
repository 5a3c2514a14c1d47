"""Who is who for the tip pages, on top of the shared `world` (longdan.testing.fixtures)."""

import pytest

from longdan.accounts.models import Role
from longdan.intel.models import TipCategory
from longdan.org.models import UnitKind
from longdan.testing.factories import UserFactory, grant, make_unit


@pytest.fixture
def client(settings):
    """The suite's client (force_login passes the second factor), with English chosen (the language cookie):
    the tests read the msgids, not a translation a colleague may reword."""
    from longdan.testing.auth import LongdanClient

    client = LongdanClient()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def tip(world):
    from longdan.intel.services import tip_record

    return tip_record(
        acting_user=world.member_user,
        household=world.household_a,
        category=TipCategory.SMUGGLING,
        content="Ghe lạ neo ở cửa biển lúc 2 giờ sáng",
        source_note="gặp tại nhà, sau bữa cơm",
    )


@pytest.fixture
def team(world):
    return make_unit(kind=UnitKind.TEAM, parent=world.station_a, name="Đội Trinh sát")


@pytest.fixture
def team_lead(team):
    user = UserFactory(username="team-lead")
    grant(user, Role.TEAM_LEAD, team)
    return user


@pytest.fixture
def other_member_user(world):
    """member_a2's account: a field member of the same station, without the tip right."""
    user = UserFactory(username="member-a2")
    world.member_a2.user = user
    world.member_a2.save()
    grant(user, Role.MEMBER, world.station_a)
    return user


@pytest.fixture
def member_b_user(world):
    """member_b's account: a field member of station B."""
    user = UserFactory(username="member-b")
    world.member_b.user = user
    world.member_b.save()
    grant(user, Role.MEMBER, world.station_b)
    return user
