"""Privacy tests run on the shared `world` (longdan.testing.fixtures), read in English."""

import pytest


@pytest.fixture
def client(settings):
    """The suite's client (force_login passes the second factor), with English chosen."""
    from longdan.testing.auth import LongdanClient

    client = LongdanClient()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
