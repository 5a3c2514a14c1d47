"""`longdan demo`: a year of the model at work (visits, petitions, tips, support, cell meetings), every record through the services."""

import itertools
from collections import Counter, defaultdict
from datetime import date
from typing import Any

import pytest
from django.db.models import Sum
from django.utils import timezone

from longdan.accounts.models import Role, RoleGrant
from longdan.cases.models import COMMUNE_BODIES, Case, CaseEvent, CaseState, Category, ResponsibleBody
from longdan.fieldwork.cadence import cadence_class, cadences_for
from longdan.fieldwork.models import Advice, CellMeeting, MeetingIssue, Visit
from longdan.households.models import Household
from longdan.households.poverty import PovertyCategory
from longdan.intel.models import Tip, TipStatus
from longdan.org.models import PartyCell, Unit
from longdan.people.models import Member
from longdan.rollup.models import MonthlyStationStats
from longdan.support.models import Benefit, LoanStatus, ProgramKind, SupportEvent

from ... import seed_case
from ...activity import period
from .helpers import STATION_CODES, user

pytestmark = pytest.mark.django_db


# A year of work ------------------------------------------------------------------------------


def demo_households() -> list[Household]:
    return list(Household.objects.filter(station__code__in=STATION_CODES).order_by("pk"))


def local(moment: Any) -> date:
    return timezone.localdate(moment)


def test_every_household_is_visited_all_year_at_its_cadence_with_gaps():
    households = demo_households()
    visits = Visit.objects.filter(station__code__in=STATION_CODES)
    assert 4_000 <= visits.count() <= 7_500
    by_household: dict[int, list[date]] = defaultdict(list)
    for household_id, visited_at in visits.order_by("visited_at").values_list("household_id", "visited_at"):
        by_household[household_id].append(local(visited_at))
    assert set(by_household) == {h.pk for h in households}
    days = [day for days in by_household.values() for day in days]
    assert min(days) >= period.START and max(days) <= period.END
    assert len({(day.year, day.month) for day in days}) == 12
    cadences = cadences_for({h.station_id for h in households})
    late, gappy = [], 0
    for household in households:
        every = cadences[household.station_id].days(cadence_class(household))
        seen = by_household[household.pk]
        late.append((period.END - seen[-1]).days - every)
        gappy += any((b - a).days > 1.5 * every for a, b in itertools.pairwise(seen))
    # On the year's last day most are within their cadence, some are overdue — by days or weeks, never months.
    overdue = [days for days in late if days > 0]
    assert 0.05 * len(households) <= len(overdue) <= 0.5 * len(households)
    assert max(late) <= 45
    assert gappy >= 0.1 * len(households)


def test_about_150_petitions_in_every_state_from_visits_and_cell_meetings():
    cases = Case.objects.filter(station__code__in=STATION_CODES)
    assert 140 <= cases.count() <= 160
    states = Counter(cases.values_list("state", flat=True))
    assert set(states) == set(CaseState.values)
    assert states[CaseState.CLOSED] == max(states.values())  # the year's old petitions are done with
    assert all(period.START <= day <= period.END for day in cases.values_list("received_on", flat=True))
    assert cases.filter(source_visit__isnull=False).count() >= 100
    assert cases.filter(hamlet__isnull=False, source_meeting_issue__isnull=False).count() >= 10
    assert len(set(cases.values_list("category", flat=True))) >= 9
    assert cases.overdue(today=period.END).exists()
    for case in cases.filter(state__in=[CaseState.REJECTED, CaseState.WITHDRAWN]):
        assert case.events.get(to_state=case.state).reason


def test_each_step_of_a_petition_was_taken_when_it_happened_by_whose_step_it_is():
    commanders = set(
        RoleGrant.objects.filter(role=Role.STATION_COMMAND, unit__code__in=STATION_CODES).values_list(
            "user_id", flat=True
        )
    )
    liaison = user("demo-commune")
    months = set()
    cases = Case.objects.filter(station__code__in=STATION_CODES).prefetch_related("events")
    for case in cases:
        events = sorted(case.events.all(), key=lambda e: (e.at, e.pk))
        # Received on the day of the visit or the meeting, typed in then or the next morning.
        assert 0 <= (local(events[0].at) - case.received_on).days <= 1
        assert events[0].to_state == CaseState.RECEIVED
        assert events[-1].to_state == case.state
        for before, after in itertools.pairwise(events):
            assert after.from_state == before.to_state
        for event in events:
            day = local(event.at)
            months.add((day.year, day.month))
            assert day <= period.END
            if event.to_state in (
                CaseState.PLANNED,
                CaseState.REFERRED,
                CaseState.CLOSED,
                CaseState.REJECTED,
            ):
                assert event.actor_id in commanders
            if (
                event.to_state == CaseState.RESOLVED
                and case.commune.code == "31795"
                and case.responsible_body in COMMUNE_BODIES
            ):
                assert event.actor_id == liaison.pk
    assert len(months) == 12
    reopened = CaseEvent.objects.filter(
        case__in=cases, from_state__in=[CaseState.CLOSED, CaseState.RESOLVED], to_state=CaseState.PROPOSED
    )
    assert reopened.exists() and all(event.reason for event in reopened)


def test_sa_vong_was_advised_on_a_job_creation_loan_for_small_trade_and_the_loan_was_disbursed():
    her = Household.objects.get(head_name=seed_case.SA_VONG)
    loan = Benefit.objects.get(household=her, program__kind=ProgramKind.LOAN)
    assert loan.loan_status == LoanStatus.DISBURSED
    assert loan.loan_amount == loan.value == 50_000_000
    assert "buôn bán nhỏ" in loan.description
    petition = Case.objects.get(household=her, category=Category.LIVELIHOOD_LOANS)
    assert petition.state == CaseState.CLOSED
    assert petition.responsible_body == ResponsibleBody.SOCIAL_POLICY_BANK
    visit = petition.source_visit
    assert visit.advice == [Advice.LOANS, Advice.LIVELIHOOD]
    assert [m.full_name for m in visit.members.all()] == ["Nguyễn Thiên Phú"]
    steps = [(e.to_state, e.actor.username) for e in petition.events.order_by("at", "pk")]
    assert steps == [
        (CaseState.RECEIVED, "demo-member"),
        (CaseState.PROPOSED, "demo-member"),
        (CaseState.PLANNED, "demo-station"),
        (CaseState.REFERRED, "demo-station"),
        (CaseState.RESOLVED, "demo-commune"),
        (CaseState.ANSWERED, "demo-member"),
        (CaseState.CLOSED, "demo-station"),
    ]
    assert (
        local(visit.visited_at) <= loan.given_on <= local(petition.events.get(to_state=CaseState.RESOLVED).at)
    )


def test_sa_vong_was_poor_and_is_near_poor_now():
    her = Household.objects.get(head_name=seed_case.SA_VONG)
    assert her.poverty_category == PovertyCategory.NEAR_POOR
    reviews = list(her.assessments.order_by("assessed_on", "pk"))
    assert [r.category for r in reviews[:-1]] == [PovertyCategory.POOR] * (len(reviews) - 1)
    assert reviews[-1].category == PovertyCategory.NEAR_POOR
    disbursed = Benefit.objects.get(household=her, program__kind=ProgramKind.LOAN).given_on
    assert reviews[-2].assessed_on < disbursed < reviews[-1].assessed_on


def test_twenty_tips_passed_to_the_reconnaissance_team_and_some_acted_on():
    tips = Tip.objects.filter(station__code__in=STATION_CODES)
    assert tips.count() == 20
    assert set(tips.values_list("status", flat=True)) == set(TipStatus.values)
    assert len(set(tips.values_list("category", flat=True))) >= 6
    for tip in tips.exclude(status=TipStatus.RECEIVED):
        assert tip.receiving_team.code == f"{tip.station.code}-TS"
    assert all(tip.outcome for tip in tips.filter(status=TipStatus.ACTED_ON))
    # Each heard by the member in charge of the household it came from, on the day of a visit there.
    for tip in tips:
        assert Visit.objects.filter(
            recorded_by=tip.recorded_by, visited_at__date=local(tip.received_at)
        ).exists()


def test_two_medical_camps_a_scholarship_ceremony_gifts_livelihood_and_loans():
    events = SupportEvent.objects.filter(station__code__in=STATION_CODES)
    camps = events.filter(program__kind=ProgramKind.MEDICAL)
    assert camps.count() == 2
    assert all(camp.hamlet and camp.people_served > 100 and camp.medicine_value > 0 for camp in camps)
    ceremony = events.get(program__kind=ProgramKind.SCHOLARSHIP)
    assert "Nâng bước em tới trường" in ceremony.title
    pupils = ceremony.benefits.all()
    assert pupils.count() >= 5 and all(b.resident for b in pupils)
    assert "Lâm Sô Phol" in {b.resident.full_name for b in pupils}
    assert events.filter(program__kind=ProgramKind.GIFT).count() == len(STATION_CODES)
    benefits = Benefit.objects.filter(station__code__in=STATION_CODES)
    assert benefits.count() >= 200
    # Loans at every step of the bank's process, each moved by the member who advised it.
    loans = benefits.exclude(loan_status="")
    assert set(loans.values_list("loan_status", flat=True)) == set(LoanStatus.values)
    assert benefits.filter(program__kind=ProgramKind.LIVELIHOOD).exists()


def test_the_hamlet_cells_members_attend_meet_every_month():
    meetings = CellMeeting.objects.filter(station__code__in=STATION_CODES)
    for cell in PartyCell.objects.filter(participations__end_date__isnull=True).distinct():
        held = meetings.filter(cell=cell)
        assert {(m.held_on.year, m.held_on.month) for m in held} >= {(2025, 12), (2026, 6), (2026, 10)}
        assert 11 <= held.count() <= 12
        members = set(cell.participations.filter(end_date__isnull=True).values_list("member_id", flat=True))
        for meeting in held.prefetch_related("attendees"):
            assert {m.pk for m in meeting.attendees.all()} <= members
    issues = MeetingIssue.objects.filter(meeting__in=meetings)
    assert issues.count() >= 100
    assert issues.filter(cases__isnull=False).count() >= 10


def test_each_member_records_under_their_own_account_and_only_the_six_logins_can_log_in():
    members = Member.objects.select_related("user")
    assert all(m.user_id for m in members)
    usable = {m.user.username for m in members if m.user.has_usable_password()}
    assert usable == {"demo-member", "demo-station", "demo-station-laihoa", "demo-province"}
    sample = Visit.objects.filter(station__code__in=STATION_CODES).select_related("recorded_by__member")[:300]
    for visit in sample:
        assert visit.recorded_by.member in visit.members.all()


def test_the_monthly_rollup_counts_what_the_services_recorded():
    stations = list(Unit.objects.filter(code__in=STATION_CODES).values_list("pk", flat=True))
    totals = MonthlyStationStats.objects.filter(station_id__in=stations).aggregate(
        visits=Sum("visits"), cases=Sum("cases_received"), meetings=Sum("meetings")
    )
    assert totals == {
        "visits": Visit.objects.filter(station_id__in=stations).count(),
        "cases": Case.objects.filter(station_id__in=stations).count(),
        "meetings": CellMeeting.objects.filter(station_id__in=stations).count(),
    }


def test_it_prints_the_years_activity(demo):
    visits = Visit.objects.filter(station__code__in=STATION_CODES).count()
    line = next(line for line in demo.splitlines() if str(visits) in line)
    assert "01/12/2025" in line and "27/11/2026" in line
