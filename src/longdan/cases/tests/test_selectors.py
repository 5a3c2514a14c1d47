"""Reads: who sees which case, 404 for the rest, the board, the member's waiting list, the liaison's list."""

from datetime import date, timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from longdan.cases.models import Case
from longdan.cases.selectors import (
    case_timeline,
    cases_board,
    cases_for_commune,
    cases_waiting_for_member,
    get_case_for_user,
)
from longdan.cases.services import case_open, case_propose
from longdan.testing.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cases(world):
    return (
        CaseFactory(household=world.household_a, title="Case A"),
        CaseFactory(household=world.household_b, title="Case B"),
    )


def titles(queryset):
    return sorted(case.title for case in queryset)


class TestVisibleTo:
    def test_each_station_command_sees_its_own(self, world, two_cases):
        assert titles(Case.objects.visible_to(world.commander_a)) == ["Case A"]
        assert titles(Case.objects.visible_to(world.commander_b)) == ["Case B"]

    def test_the_province_sees_its_stations(self, world, two_cases):
        assert titles(Case.objects.visible_to(world.province_user)) == ["Case A", "Case B"]

    def test_liaisons_see_their_communes(self, world, two_cases):
        assert titles(Case.objects.visible_to(world.liaison_a)) == ["Case A"]
        assert titles(Case.objects.visible_to(world.liaison_b)) == ["Case B"]

    def test_a_member_sees_their_households_and_what_they_recorded(self, world, two_cases, other_member_user):
        assert titles(Case.objects.visible_to(world.member_user)) == ["Case A"]
        assert titles(Case.objects.visible_to(other_member_user)) == []
        hamlet_case = case_open(
            hamlet=world.hamlet_a, category="other", description="Cầu tạm hư", acting_user=other_member_user
        )
        assert list(Case.objects.visible_to(other_member_user)) == [hamlet_case]
        assert hamlet_case not in Case.objects.visible_to(world.member_user)

    def test_nobody_and_anonymous_see_nothing(self, world, two_cases):
        from django.contrib.auth.models import AnonymousUser

        assert not Case.objects.visible_to(UserFactory()).exists()
        assert not Case.objects.visible_to(AnonymousUser()).exists()

    def test_the_case_stays_with_the_station_that_received_it(self, world, two_cases):
        """Events carry their station at the time: moving the household later does not move the case."""
        case_a, _ = two_cases
        world.household_a.station = world.station_b
        world.household_a.save()
        assert case_a in Case.objects.visible_to(world.commander_a)
        assert case_a not in Case.objects.visible_to(world.commander_b)


class TestGetCaseForUser:
    def test_it_returns_a_visible_case(self, world, two_cases):
        assert get_case_for_user(user=world.member_user, pk=two_cases[0].pk) == two_cases[0]

    @pytest.mark.parametrize("who", ["commander_b", "liaison_b"])
    def test_another_station_or_commune_gets_404(self, world, two_cases, who):
        with pytest.raises(Http404):
            get_case_for_user(user=getattr(world, who), pk=two_cases[0].pk)

    def test_another_member_gets_404(self, world, two_cases, other_member_user):
        with pytest.raises(Http404):
            get_case_for_user(user=other_member_user, pk=two_cases[0].pk)

    def test_no_such_case_is_the_same_404(self, world):
        with pytest.raises(Http404):
            get_case_for_user(user=world.admin_user, pk=999999)
        with pytest.raises(Http404):
            get_case_for_user(user=world.admin_user, pk="x")


class TestBoard:
    def test_counts_by_state_and_overdue(self, world):
        today = date(2026, 10, 15)
        past = today - timedelta(days=40)
        CaseFactory.create_batch(
            3, household=world.household_a, received_on=past, due_on=today - timedelta(days=1)
        )
        CaseFactory(household=world.household_a, state="proposed", received_on=past, due_on=today)
        CaseFactory(household=world.household_a, state="closed", received_on=past, due_on=past)
        CaseFactory(household=world.household_b)  # another station's
        board = cases_board(user=world.commander_a, today=today)
        counts = {c.state: (c.count, c.overdue) for c in board.columns}
        assert counts["received"] == (3, 3)
        assert counts["proposed"] == (1, 0)
        assert counts["closed"] == (1, 0)
        assert (board.total, board.overdue) == (5, 3)
        assert board.cases.count() == 5

    def test_filters(self, world, other_member_user):
        CaseFactory(household=world.household_a, category="land")
        CaseFactory(household=world.household_a2, category="health", state="proposed")
        assert cases_board(user=world.commander_a, category="land").cases.get().category == "land"
        only_proposed = cases_board(user=world.commander_a, state="proposed")
        assert only_proposed.cases.get().state == "proposed"
        assert only_proposed.total == 2  # the counts ignore the state filter, so every tab shows its number
        by_member = cases_board(user=world.commander_a, member=world.member_a2)
        assert by_member.cases.get().household == world.household_a2
        assert cases_board(user=world.province_user, station=world.station_b).total == 0

    def test_overdue_filter(self, world):
        today = timezone.localdate()
        CaseFactory(
            household=world.household_a,
            received_on=today - timedelta(days=30),
            due_on=today - timedelta(days=2),
        )
        CaseFactory(household=world.household_a)
        assert cases_board(user=world.commander_a, overdue=True).cases.count() == 1


def test_cases_waiting_for_member_puts_their_turn_first(world):
    today = timezone.localdate()
    received = CaseFactory(household=world.household_a, received_on=today - timedelta(days=10), due_on=today)
    resolved = CaseFactory(household=world.household_a, state="resolved", due_on=today + timedelta(days=5))
    CaseFactory(household=world.household_a, state="answered")
    CaseFactory(household=world.household_a, state="closed")
    CaseFactory(household=world.household_a2)  # someone else's household
    assert list(cases_waiting_for_member(member=world.member_a)) == [resolved, received]


def test_cases_for_commune_lists_what_was_referred_there(world):
    waiting = CaseFactory(household=world.household_a, state="referred", responsible_body="commune_committee")
    done = CaseFactory(household=world.household_a, state="resolved", responsible_body="commune_police")
    CaseFactory(household=world.household_a, state="referred", responsible_body="station")
    CaseFactory(household=world.household_a, state="planned")
    CaseFactory(household=world.household_b, state="referred", responsible_body="commune_committee")
    assert list(cases_for_commune(user=world.liaison_a)) == [waiting, done]
    assert list(cases_for_commune(user=world.liaison_a, state="resolved")) == [done]
    assert not cases_for_commune(user=world.commander_a).exists()


def test_case_timeline_in_order(world):
    case = case_open(
        household=world.household_a, category="health", description="Khám bệnh", acting_user=world.member_user
    )
    case_propose(case=case, acting_user=world.member_user)
    assert [e.to_state for e in case_timeline(case)] == ["received", "proposed"]
