"""`longdan generate` writes three years of field activity: plausible counts, workflows respected, rollup equal.

One generation of 200 households (three years, as the benchmark's) is read by all
the tests here; the tests that generate again (seed, reset) are in test_generate.
"""

import json
from collections import defaultdict
from datetime import timedelta
from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count

from longdan.assignments.models import AssignmentRole, HouseholdAssignment
from longdan.cases.models import Case, CaseEvent, CaseState
from longdan.cases.workflow import find_transition
from longdan.fieldwork.models import CellMeeting, Visit, VisitMember
from longdan.households.models import Household
from longdan.intel.models import Tip, TipEvent, TipStatus
from longdan.rollup.models import MonthlyStationStats
from longdan.support.models import Benefit, LoanStatus, SupportEvent

from .test_generate import AS_OF, generate, make_provinces

HOUSEHOLDS = 200
MONTHS = 36


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """200 households with three years of events, generated once for the module (40 s) and rolled back after.

    Each test's own transaction nests inside this one (a savepoint), so every test
    of this module reads the same data and leaves it as it found it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        make_provinces()
        generate(HOUSEHOLDS, 1, months=MONTHS)
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def test_visits_are_about_two_a_household_a_month_by_the_member_in_charge(generated):
    visits = Visit.objects.count()
    assert 1.7 <= visits / (HOUSEHOLDS * MONTHS) <= 2.3
    assert VisitMember.objects.count() == visits
    primary = dict(
        HouseholdAssignment.objects.filter(role=AssignmentRole.PRIMARY, end_date=None).values_list(
            "household_id", "member_id"
        )
    )
    for visit in Visit.objects.select_related("household", "station").prefetch_related("presence")[:300]:
        assert visit.station_id == visit.household.station_id
        assert visit.province_command_id == visit.station.parent_id
        assert [p.member_id for p in visit.presence.all()] == [primary[visit.household_id]]
        assert visit.visited_at.date() <= AS_OF
    assert Visit.objects.filter(visited_at__date__gt=AS_OF).count() == 0
    first = Visit.objects.order_by("visited_at").first()
    assert first.visited_at.date() >= (AS_OF.replace(day=1) - timedelta(days=31 * (MONTHS - 1))).replace(
        day=1
    )


def test_other_events_come_in_plausible_numbers(generated):
    years = MONTHS / 12
    assert 0.7 <= Case.objects.count() / (HOUSEHOLDS * years) <= 1.3
    assert 0.7 <= Benefit.objects.count() / (HOUSEHOLDS * years) <= 1.3
    assert 0 < Benefit.objects.exclude(loan_status="").count() < Benefit.objects.count() * 0.2
    assert 0 < Tip.objects.count() <= HOUSEHOLDS * years * 0.15
    assert SupportEvent.objects.exists()
    meetings = CellMeeting.objects.annotate(n=Count("attendees"))
    assert meetings.exists()
    assert min(meetings.values_list("n", flat=True)) >= 1


def test_every_petition_moved_through_the_workflow_one_event_a_step(generated):
    events = defaultdict(list)
    for event in CaseEvent.objects.order_by("at", "id"):
        events[event.case_id].append(event)
    cases = list(Case.objects.all())
    states = {case.state for case in cases}
    assert {CaseState.CLOSED, CaseState.RECEIVED} <= states  # old ones finished, the newest still open
    assert CaseState.REJECTED in states
    for case in cases:
        chain = events[case.pk]
        assert chain[0].from_state == "" and chain[0].to_state == CaseState.RECEIVED
        for before, after in pairwise(chain):
            assert after.from_state == before.to_state
            assert find_transition(after.from_state, after.to_state) is not None, (before, after)
            assert after.at > before.at
        last = chain[-1]
        assert case.state == last.to_state
        assert case.state_changed_at == last.at
        assert case.created_at == chain[0].at
        assert case.due_on >= case.received_on
        assert case.station_id == last.station_id == case.household.station_id
        reached = {event.to_state for event in chain}
        assert bool(case.plan) == (CaseState.PLANNED in reached)
        assert bool(case.responsible_body) == (CaseState.REFERRED in reached)
        for event in chain:
            assert bool(event.reason) == (event.to_state in (CaseState.REJECTED, CaseState.WITHDRAWN))


def test_tips_name_their_source_household_encrypted_and_follow_their_steps(generated):
    tips = list(Tip.objects.all())
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, source FROM intel_tip")
        raw = dict(cursor.fetchall())
    assert tips
    steps = {
        "": {TipStatus.RECEIVED},
        TipStatus.RECEIVED: {TipStatus.PASSED},
        TipStatus.PASSED: {TipStatus.VERIFIED, TipStatus.NOT_VERIFIED},
        TipStatus.VERIFIED: {TipStatus.ACTED_ON},
    }
    for tip in tips:
        source = json.loads(tip.source)
        household = Household.objects.get(pk=source["household_id"])
        assert source["head_name"] == household.head_name
        assert tip.station_id == household.station_id
        assert "household_id" not in raw[tip.pk] and raw[tip.pk] != tip.source  # stored encrypted
        chain = list(TipEvent.objects.filter(tip=tip).order_by("at", "id"))
        for before, after in zip([None, *chain], chain, strict=False):
            assert after.to_status in steps[before.to_status if before else ""]
            assert after.from_status == (before.to_status if before else "")
        assert tip.status == chain[-1].to_status
        assert (tip.receiving_team_id is not None) == (len(chain) > 1)


def test_loans_have_amounts_and_count_their_value_once_disbursed(generated):
    for benefit in Benefit.objects.exclude(loan_status=""):
        assert benefit.loan_amount
        assert benefit.value == (benefit.loan_amount if benefit.loan_status == LoanStatus.DISBURSED else 0)
        assert benefit.given_on <= AS_OF


def test_the_rollup_equals_a_live_count_after_generate(generated):
    assert MonthlyStationStats.objects.exists()
    out = StringIO()
    call_command("rollup_rebuild", "--check", stdout=out, stderr=StringIO())
    assert "equals a live count" in out.getvalue()
