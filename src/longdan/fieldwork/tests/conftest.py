"""Helpers for the field-work tests: local times in Asia/Ho_Chi_Minh and a visit written through the service."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def local(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """An aware instant at a wall-clock time in Vietnam."""
    return datetime(year, month, day, hour, minute, tzinfo=VN)


@pytest.fixture
def record_visit(world):
    """visit_record with sensible defaults: member_a visits household_a an hour ago."""
    from longdan.fieldwork.services import visit_record

    def record(**overrides):
        arguments = {
            "household": world.household_a,
            "members": [world.member_a],
            "acting_user": world.member_user,
            "visited_at": timezone.now() - timedelta(hours=1),
        }
        arguments.update(overrides)
        return visit_record(**arguments)

    return record


@pytest.fixture(autouse=True)
def english():
    """Assert on the msgids, not on a translation a colleague may reword; one test checks the Vietnamese page."""
    from django.utils import translation

    with translation.override("en"):
        yield


def make_client(**kwargs):
    """The suite's client, whose force_login passes the second factor too (plain Django's before 2FA)."""
    try:
        from longdan.testing.auth import LongdanClient as ClientClass
    except ImportError:
        from django.test import Client as ClientClass
    return ClientClass(**kwargs)


@pytest.fixture
def client():
    """Asking for English pages (LocaleMiddleware reads Accept-Language)."""
    return make_client(headers={"accept-language": "en"})
