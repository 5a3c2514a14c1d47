"""Who is who for the support pages, on top of the shared `world` (longdan.testing.fixtures)."""

import pytest

from longdan.accounts.models import Role
from longdan.testing.factories import UserFactory, grant


@pytest.fixture
def client(settings):
    """The suite's client (force_login passes the second factor), with English chosen (the language cookie):
    the tests read the msgids, not a translation a colleague may reword."""
    from longdan.testing.auth import LongdanClient

    client = LongdanClient()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def member_b_user(world):
    """member_b's account: a field member of station B."""
    user = UserFactory(username="member-b")
    world.member_b.user = user
    world.member_b.save()
    grant(user, Role.MEMBER, world.station_b)
    return user
