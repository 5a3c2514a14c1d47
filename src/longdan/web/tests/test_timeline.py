"""The household card's timeline and buttons: one history, newest first, by kind; tips only as stubs, only for
those who may see them; a fixed number of queries however long the history."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from longdan.accounts.models import Role
from longdan.assignments.models import AssignmentRole
from longdan.cases.services import case_open, case_propose
from longdan.households.services import poverty_assessment_record
from longdan.intel.services import tip_record
from longdan.support.models import ProgramKind, SupportProgram
from longdan.support.services import benefit_record
from longdan.testing.factories import AssignmentFactory, UserFactory, VisitFactory, grant
from longdan.web.timeline import PAGE_SIZE, household_timeline

pytestmark = pytest.mark.django_db

TIP_CONTENT = "Ghe lạ neo ở cửa biển lúc 2 giờ sáng"
TIP_NOTE = "gặp sau bữa cơm"


@pytest.fixture
def client(settings):
    """The suite's client, with English chosen (the language cookie): the tests read the msgids."""
    from longdan.testing.auth import LongdanClient

    client = LongdanClient()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def login(client, user):
    client.force_login(user)
    return client


def card(client, world, query=""):
    response = client.get(world.household_a.get_absolute_url() + query)
    assert response.status_code == 200
    return response.text


def record_tip(world, user=None):
    return tip_record(
        acting_user=user or world.member_user,
        household=world.household_a,
        category="smuggling",
        content=TIP_CONTENT,
        source_note=TIP_NOTE,
    )


def history(world, days_ago=0):
    """One of every kind for household_a, `days_ago` back."""
    now = timezone.now() - timedelta(days=days_ago)
    VisitFactory(
        household=world.household_a, members=[world.member_a], visited_at=now, aspirations="Muốn vay vốn"
    )
    case = case_open(
        household=world.household_a,
        category="livelihood_loans",
        description="Xin vay vốn buôn bán nhỏ",
        acting_user=world.member_user,
        received_on=timezone.localdate(now),
    )
    case_propose(case=case, acting_user=world.member_user)
    benefit_record(
        acting_user=world.member_user,
        program=SupportProgram.objects.filter(kind=ProgramKind.GIFT).first(),
        household=world.household_a,
        given_on=timezone.localdate(now),
        value=500_000,
        description="Quà Tết",
    )
    poverty_assessment_record(
        household=world.household_a, assessed_on=timezone.localdate(now), income_per_head=1_200_000
    )


@pytest.fixture
def co_member_user(world):
    """member_a2's account, supporting household_a: sees the card, has no tip right."""
    user = UserFactory(username="member-a2")
    world.member_a2.user = user
    world.member_a2.save()
    grant(user, Role.MEMBER, world.station_a)
    AssignmentFactory(member=world.member_a2, household=world.household_a, role=AssignmentRole.SECONDARY)
    return user


class TestTimeline:
    def test_it_gathers_every_kind_newest_first(self, world):
        history(world, days_ago=3)
        VisitFactory(household=world.household_a, members=[world.member_a], visited_at=timezone.now())
        timeline = household_timeline(user=world.commander_a, household=world.household_a)
        kinds = {entry.kind for entry in timeline.entries}
        assert kinds == {"visit", "petition", "support", "poverty", "assignment"}
        moments = [entry.at for entry in timeline.entries]
        assert moments == sorted(moments, reverse=True)
        assert timeline.entries[0].kind == "visit"

    def test_the_page_shows_it_and_filters_by_kind(self, client, world):
        history(world)
        login(client, world.member_user)
        page = card(client, world)
        assert "Muốn vay vốn" in page and "Petition received" in page and "Quà Tết" in page
        assert "Poverty assessment" in page and "took charge" in page
        visits_only = card(client, world, "?kind=visit")
        assert "Muốn vay vốn" in visits_only and "Petition received" not in visits_only

    def test_htmx_gets_the_timeline_alone(self, client, world):
        history(world)
        response = login(client, world.member_user).get(
            world.household_a.get_absolute_url() + "?kind=petition",
            headers={"hx-request": "true", "hx-target": "timeline"},
        )
        assert "<html" not in response.text and 'id="timeline"' in response.text
        assert "Petition received" in response.text

    def test_older_entries_come_a_page_at_a_time(self, world):
        now = timezone.now()
        for index in range(PAGE_SIZE + 5):
            VisitFactory(
                household=world.household_a, members=[world.member_a], visited_at=now - timedelta(days=index)
            )
        first = household_timeline(user=world.member_user, household=world.household_a, kinds={"visit"})
        assert len(first.entries) == PAGE_SIZE and first.has_more
        both = household_timeline(
            user=world.member_user, household=world.household_a, kinds={"visit"}, more=2
        )
        assert len(both.entries) == PAGE_SIZE + 5 and not both.has_more

    def test_another_stations_card_is_404(self, client, world):
        for user in (world.commander_b, world.liaison_b):
            assert login(client, user).get(world.household_a.get_absolute_url()).status_code == 404


class TestTips:
    def test_the_recorder_sees_a_stub_of_his_own_tip(self, client, world):
        tip = record_tip(world)
        page = card(login(client, world.member_user), world)
        assert "A security tip was recorded" in page and tip.get_absolute_url() in page
        assert TIP_CONTENT not in page and TIP_NOTE not in page

    def test_the_station_command_sees_the_stub_never_the_content(self, client, world):
        tip = record_tip(world)
        page = card(login(client, world.commander_a), world)
        assert tip.get_absolute_url() in page
        assert TIP_CONTENT not in page and TIP_NOTE not in page

    def test_a_member_without_the_tip_right_never_sees_a_tip(self, client, world, co_member_user):
        tip = record_tip(world)
        login(client, co_member_user)
        for query in ("", "?kind=tip"):
            page = card(client, world, query)
            assert tip.get_absolute_url() not in page and "security tip" not in page
        assert not any(
            entry.kind == "tip"
            for entry in household_timeline(user=co_member_user, household=world.household_a).entries
        )

    @pytest.mark.parametrize("who", ["liaison_a", "province_user"])
    def test_others_who_see_the_card_see_no_tip(self, client, world, who):
        tip = record_tip(world)
        page = card(login(client, getattr(world, who)), world)
        assert tip.get_absolute_url() not in page and "security tip" not in page

    def test_a_tip_from_another_household_is_not_on_this_card(self, client, world):
        tip = tip_record(
            acting_user=world.commander_a, household=world.household_a2, category="drugs", content="x"
        )
        assert tip.get_absolute_url() not in card(login(client, world.commander_a), world)


class TestButtons:
    def test_the_member_gets_the_buttons(self, client, world):
        page = card(login(client, world.member_user), world)
        for url in (
            f"/households/{world.household_a.pk}/visits/new/",
            f"/cases/new/?household={world.household_a.pk}",
            f"/tips/new/?household={world.household_a.pk}",
            f"/support/benefits/new/?household={world.household_a.pk}",
        ):
            assert url in page

    def test_a_liaison_only_reads(self, client, world):
        page = card(login(client, world.liaison_a), world)
        assert f"/tips/new/?household={world.household_a.pk}" not in page


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("who", ["member_user", "commander_a"])
def test_the_card_reads_a_fixed_number_of_queries(client, world, who):
    history(world, days_ago=400)
    record_tip(world)
    login(client, getattr(world, who))
    url = world.household_a.get_absolute_url()
    few = _count(client, url)
    for index in range(40):
        history(world, days_ago=index * 7)
        record_tip(world)
    AssignmentFactory(member=world.member_a2, household=world.household_a, role=AssignmentRole.SECONDARY)
    many = _count(client, url)
    assert many == few
    # Recorded: 19 for a member, 21 for the station command (the card's own, then 9 for timeline, buttons, support).
    assert few <= 25


def test_every_kind_of_entry_has_a_date(world):
    history(world)
    for entry in household_timeline(user=world.commander_a, household=world.household_a).entries:
        assert entry.at.date() <= date.today() + timedelta(days=1)
