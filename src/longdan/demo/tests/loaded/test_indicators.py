"""The indicators of the demo (`longdan demo`) equal counts obtained independently.

The independent side walks plain rows in Python, or asks the apps' own selectors
(the station coverage page, `Case.objects.overdue`), so a mistake in the indicators'
SQL cannot be repeated on both sides. The demo is loaded once for the package (conftest).
"""

import statistics
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from longdan.assignments.models import HouseholdAssignment
from longdan.cases.models import OPEN_STATES, Case, CaseEvent
from longdan.fieldwork.models import CellMeeting, Visit
from longdan.fieldwork.selectors import coverage
from longdan.households.models import Household, PovertyAssessment
from longdan.intel.models import Tip, TipEvent
from longdan.org.models import FIELD_UNIT_KINDS, Unit
from longdan.reports import indicators
from longdan.reports.periods import Period
from longdan.reports.scope import ReportScope
from longdan.support.models import Benefit

pytestmark = pytest.mark.django_db


def scopes() -> list[tuple[ReportScope, set[int]]]:
    command = Unit.objects.get(code="BCH-ST")
    units = [command, *Unit.objects.filter(parent=command, kind__in=FIELD_UNIT_KINDS)]
    found = []
    for unit in units:
        stations = {
            u.pk for u in Unit.objects.filter(kind__in=FIELD_UNIT_KINDS) if u.path.startswith(unit.path)
        }
        found.append((ReportScope.for_unit(unit), stations))
    return found


def periods() -> list[Period]:
    this_month = Period.containing_month(timezone.localdate())
    return [this_month, this_month.previous(), Period.year(this_month.start.year)]


def day(moment: Any) -> Any:
    return timezone.localdate(moment)


def in_force(assignment: HouseholdAssignment, on: Any) -> bool:
    return assignment.start_date <= on and (assignment.end_date is None or assignment.end_date >= on)


def registered(stations: set[int], on: Any) -> list[Household]:
    starts: dict[int, list[Any]] = {}
    for assignment in HouseholdAssignment.objects.all():
        starts.setdefault(assignment.household_id, []).append(assignment.start_date)
    return [
        h
        for h in Household.objects.filter(station_id__in=stations)
        if day(h.created_at) <= on or any(start <= on for start in starts.get(h.pk, []))
    ]


def category_on(assessments: list[PovertyAssessment], on: Any, *, strictly_before: bool = False) -> str:
    rows = [a for a in assessments if (a.assessed_on < on if strictly_before else a.assessed_on <= on)]
    return max(rows, key=lambda a: (a.assessed_on, a.pk)).category if rows else ""


@pytest.fixture(scope="module")
def cases(demo: str, django_db_blocker: Any) -> list[tuple[ReportScope, set[int], Period]]:
    with django_db_blocker.unblock():
        return [(scope, stations, period) for scope, stations in scopes() for period in periods()]


def test_the_demo_has_its_province_and_stations(cases):
    assert len({scope.label for scope, _s, _p in cases}) >= 6


def test_coverage_and_members(cases):
    for scope, stations, period in cases:
        as_of = period.as_of()
        households = registered(stations, as_of)
        primary = [
            a
            for a in HouseholdAssignment.objects.filter(role="primary", household__station_id__in=stations)
            if in_force(a, as_of)
        ]
        covered = {a.household_id for a in primary} & {h.pk for h in households}
        assert indicators.members_in_charge(scope, period) == len({a.member_id for a in primary})
        result = indicators.household_coverage(scope, period)
        assert (result["households"], result["covered"]) == (len(households), len(covered)), scope.label


def test_visits(cases):
    for scope, stations, period in cases:
        visits = [
            v for v in Visit.objects.filter(station_id__in=stations) if period.contains(day(v.visited_at))
        ]
        result = indicators.visits(scope, period)
        assert result["visits"] == len(visits)
        assert result["households_visited"] == len({v.household_id for v in visits})


def test_within_cadence_today_matches_the_stations_coverage_page(cases):
    from longdan.accounts.models import User

    admin = User.objects.filter(is_superuser=True).first() or User.objects.create_superuser("reports-admin")
    for scope, stations, period in cases:
        if period.as_of() != timezone.localdate():
            continue
        pages = [
            coverage(user=admin, station=Unit.objects.get(pk=pk), today=timezone.localdate())
            for pk in stations
        ]
        result = indicators.visited_within_cadence(scope, period)
        assert result["households"] == sum(page.households_total for page in pages)
        assert result["within"] == sum(page.within_cadence for page in pages)


def test_petitions(cases):
    for scope, stations, period in cases:
        received = [c for c in Case.objects.filter(station_id__in=stations) if period.contains(c.received_on)]
        assert indicators.petitions_received(scope, period)["received"] == len(received)
        resolutions = [
            e
            for e in CaseEvent.objects.filter(station_id__in=stations, to_state="resolved").select_related(
                "case"
            )
            if e.from_state != "resolved" and period.contains(day(e.at))
        ]
        result = indicators.petitions_resolved(scope, period)
        assert result["resolved"] == len(resolutions)
        assert result["on_time"] == sum(day(e.at) <= e.case.due_on for e in resolutions)
        days = [(day(e.at) - e.case.received_on).days for e in resolutions]
        assert result["median_days"] == (statistics.median(days) if days else None)
        if period.as_of() == timezone.localdate():
            overdue = Case.objects.filter(station_id__in=stations).overdue(timezone.localdate())
            assert indicators.petitions_overdue(scope, period) == overdue.count()
            assert all(c.state in OPEN_STATES for c in overdue)


def test_tips_support_meetings(cases):
    for scope, stations, period in cases:
        tips = [t for t in Tip.objects.filter(station_id__in=stations) if period.contains(day(t.received_at))]
        moves = [
            e for e in TipEvent.objects.filter(tip__station_id__in=stations) if period.contains(day(e.at))
        ]
        result = indicators.tips(scope, period)
        assert result["received"] == len(tips)
        assert result["verified"] == sum(e.to_status == "verified" for e in moves)
        benefits = [
            b
            for b in Benefit.objects.filter(station_id__in=stations)
            if b.loan_status in ("", "disbursed") and period.contains(b.given_on)
        ]
        given = indicators.support_given(scope, period)
        assert (given["benefits"], given["value"]) == (len(benefits), sum(b.value for b in benefits))
        meetings = [
            m for m in CellMeeting.objects.filter(station_id__in=stations) if period.contains(m.held_on)
        ]
        result = indicators.cell_meetings(scope, period)
        assert result["held"] == len(meetings)
        assert result["attendances"] == sum(m.attendees.count() for m in meetings)


def test_poverty(cases):
    history: dict[int, list[PovertyAssessment]] = {}
    for assessment in PovertyAssessment.objects.all():
        history.setdefault(assessment.household_id, []).append(assessment)
    for scope, stations, period in cases:
        as_of = period.as_of()
        expected = {"poor": 0, "near_poor": 0, "average": 0, "other": 0, "not_assessed": 0}
        for household in registered(stations, as_of):
            expected[category_on(history.get(household.pk, []), as_of) or "not_assessed"] += 1
        assert indicators.poverty_status(scope, period) == expected, scope.label
        out = into = reassessed = 0
        for household in Household.objects.filter(station_id__in=stations):
            rows = history.get(household.pk, [])
            if not any(period.contains(a.assessed_on) for a in rows):
                continue
            reassessed += 1
            before = category_on(rows, period.start, strictly_before=True)
            after = category_on(rows, period.end)
            out += before == "poor" and after != "poor"
            into += before not in ("", "poor") and after == "poor"
        assert indicators.poverty_transitions(scope, period) == {
            "reassessed": reassessed,
            "out_of_poverty": out,
            "into_poverty": into,
        }


def test_the_previous_period_is_just_before(cases):
    for _scope, _stations, period in cases:
        assert period.previous().end == period.start - timedelta(days=1)
