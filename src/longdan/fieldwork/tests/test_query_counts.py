"""List pages read a fixed number of queries however many rows they show (no N+1).

Each page is measured on the small test world, then on a station with many members,
households, visits and meetings: the count must not grow, and stays under a recorded ceiling.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from longdan.fieldwork.models import Topic
from longdan.fieldwork.services import cell_meeting_record
from longdan.org.models import CellKind
from longdan.org.services import party_cell_create
from longdan.testing.factories import (
    AssignmentFactory,
    HamletFactory,
    HouseholdFactory,
    MemberFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

HOUSEHOLDS_PER_MEMBER = 8
EXTRA_MEMBERS = 8
VISITS_PER_HOUSEHOLD = 3


def grow(world):
    """A busy station: many members, each with many households, each with several visits and follow-ups."""
    topics = list(Topic.objects.all()[:3])
    hamlets = [HamletFactory(commune=world.commune_a) for _ in range(4)]
    members = [world.member_a] + [MemberFactory(unit=world.station_a) for _ in range(EXTRA_MEMBERS)]
    now = timezone.now()
    for m_index, member in enumerate(members):
        for h_index in range(HOUSEHOLDS_PER_MEMBER):
            household = HouseholdFactory(
                hamlet=hamlets[h_index % len(hamlets)],
                station=world.station_a,
                priority="priority" if h_index % 3 == 0 else "normal",
            )
            AssignmentFactory(member=member, household=household, start_date=date(2024, 1, 1))
            for v_index in range(VISITS_PER_HOUSEHOLD):
                visit = VisitFactory(
                    household=household,
                    members=[member],
                    visited_at=now - timedelta(days=10 * v_index + h_index + m_index),
                    follow_up_on=timezone.localdate() - timedelta(days=1) if v_index == 0 else None,
                )
                visit.topics.set(topics)
    for _ in range(5):  # households no one is in charge of yet
        HouseholdFactory(hamlet=hamlets[0], station=world.station_a)
    for _ in range(5):  # members with no household
        MemberFactory(unit=world.station_a)
    cell = party_cell_create(name="Chi bộ ấp thử", kind=CellKind.HAMLET, hamlet=hamlets[0])
    for days_ago in range(12):
        cell_meeting_record(
            cell=cell,
            held_on=timezone.localdate() - timedelta(days=30 * days_ago),
            attendees=members[:3],
            acting_user=world.commander_a,
            issues=["Vấn đề một", "Vấn đề hai"],
        )


def seed(world):
    """One row of each kind, so the small world already runs every query a row brings (prefetches)."""
    VisitFactory(household=world.household_a, members=[world.member_a], visited_at=timezone.now())
    cell = party_cell_create(name="Chi bộ ấp Âu Thọ A", kind=CellKind.HAMLET, hamlet=world.hamlet_a)
    cell_meeting_record(
        cell=cell,
        held_on=timezone.localdate(),
        attendees=[world.member_a],
        acting_user=world.commander_a,
        issues=["Một vấn đề"],
    )


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response


PAGES = [
    ("member_user", "work-today", lambda w: []),
    ("member_user", "visit-list", lambda w: []),
    ("commander_a", "station-work", lambda w: [w.station_a.pk]),
    ("commander_a", "station-member-work", lambda w: [w.station_a.pk, w.member_a.pk]),
    ("commander_a", "station-coverage", lambda w: [w.station_a.pk]),
    ("commander_a", "visit-list", lambda w: []),
    ("commander_a", "cellmeeting-list", lambda w: []),
]

# Recorded ceilings: the page's own reads plus every page's (session, user, second factor, role grants,
# the top bar). A new query on every page raises them all: update them with the reason in the commit.
CEILING = {
    "work-today": 9,
    "visit-list": 13,  # + the station and member pickers (station: only with two stations or more)
    "station-work": 12,
    "station-member-work": 12,
    "station-coverage": 11,
    "cellmeeting-list": 12,  # + the station picker
}


@pytest.mark.parametrize(("who", "name", "args"), PAGES, ids=[f"{w}-{n}" for w, n, _ in PAGES])
def test_the_page_reads_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries, who, name, args
):
    client.force_login(getattr(world, who))
    url = reverse(name, args=args(world))
    seed(world)
    small, _ = count(client, url)
    grow(world)
    with django_assert_max_num_queries(CEILING[name]):
        response = client.get(url)
    large, response = count(client, url)
    assert large <= small, f"{name}: {small} queries for the small world, {large} for the large one"
    assert len(response.content) > 2000
