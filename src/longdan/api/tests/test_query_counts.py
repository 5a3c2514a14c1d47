"""List endpoints read a fixed number of queries however many rows they return (no N+1)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from longdan.fieldwork.models import Topic
from longdan.testing.factories import (
    AssignmentFactory,
    CaseFactory,
    HouseholdFactory,
    MemberFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

# Session, user, role grants, member, device, and the endpoint's own queries: measured, with room for one more.
CEILING = 14


def urls(world):
    return [
        "/api/v1/households",
        "/api/v1/members",
        "/api/v1/cases",
        f"/api/v1/households/{world.household_a.pk}/visits",
        "/api/v1/me/work-today",
    ]


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    return len(captured.captured_queries)


def grow(world):
    topics = list(Topic.objects.all()[:3])
    for index in range(12):
        member = MemberFactory(unit=world.station_a)
        household = HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
        AssignmentFactory(member=member, household=household)
        AssignmentFactory(
            member=world.member_a, household=HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
        )
        CaseFactory(household=household, state="received", recorded_by_member=member)
        CaseFactory(household=world.household_a, state="referred", recorded_by_member=world.member_a)
        visit = VisitFactory(
            household=world.household_a,
            members=[world.member_a, member],
            visited_at=timezone.now() - timedelta(days=index + 1),
            follow_up_on=timezone.localdate() - timedelta(days=1),
        )
        visit.topics.set(topics)


@pytest.mark.parametrize("username", ["commander_a", "member_user"])
def test_list_endpoints_do_not_grow_with_their_rows(client, world, visit_a, case_a, username):
    # One row in each list to start with: an empty list skips its prefetch queries.
    user = getattr(world, username)
    client.force_login(user)
    before = {
        url: count(client, url)
        for url in urls(world)
        if url != "/api/v1/me/work-today" or username == "member_user"
    }
    grow(world)
    client.force_login(user)
    after = {url: count(client, url) for url in before}
    assert after == before
    assert max(after.values()) <= CEILING, after
