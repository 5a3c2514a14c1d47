"""Every indicator on the hand-built month of conftest.py, with the answers counted by hand.

October 2026 is the period; the as-of day of point-in-time indicators is 31/10.
Scopes: station A (Vĩnh Hải), station B (Lai Hòa), their provincial command, the HQ.
"""

import pytest

from longdan.reports import indicators
from longdan.reports.periods import Period
from longdan.reports.scope import ReportScope

pytestmark = pytest.mark.django_db

OCTOBER = Period.month(2026, 10)
SEPTEMBER = Period.month(2026, 9)
NOVEMBER = Period.month(2026, 11)  # not over: read on "today", 20/11 (the clock)


@pytest.fixture
def scopes(dataset):
    w = dataset.world
    return {
        "A": ReportScope.for_unit(w.station_a),
        "B": ReportScope.for_unit(w.station_b),
        "province": ReportScope.for_unit(w.command),
        "country": ReportScope.for_unit(w.hq),
    }


def test_members_in_charge_count_whoever_holds_a_primary_assignment_on_the_last_day(scopes):
    # A: member_a (a, and a2 from 16/10); member_a2 handed a2 over on 16/10 and lost a3 on 30/09.
    assert indicators.members_in_charge(scopes["A"], OCTOBER) == 1
    assert indicators.members_in_charge(scopes["B"], OCTOBER) == 1
    assert indicators.members_in_charge(scopes["province"], OCTOBER) == 2
    assert indicators.members_in_charge(scopes["country"], OCTOBER) == 2
    # On 30/09 member_a2 still held a2, and a3 (its assignment ends that day).
    assert indicators.members_in_charge(scopes["A"], SEPTEMBER) == 2
    assert indicators.members_in_charge(scopes["province"], SEPTEMBER) == 3


def test_coverage_counts_a_household_reassigned_mid_month_as_covered(scopes):
    assert indicators.household_coverage(scopes["A"], OCTOBER) == {
        "as_of": "2026-10-31",
        "households": 3,  # a, a2, a3; a4 was registered in November
        "covered": 2,  # a, and a2 (reassigned on 16/10)
        "without_member": 1,  # a3, whose member left on 30/09
        "percent": 66.7,
    }
    assert indicators.household_coverage(scopes["province"], OCTOBER)["percent"] == 75.0
    assert indicators.household_coverage(scopes["B"], OCTOBER)["percent"] == 100.0
    september = indicators.household_coverage(scopes["A"], SEPTEMBER)
    assert (september["households"], september["covered"]) == (3, 3)


def test_coverage_of_the_running_month_is_read_today(scopes):
    november = indicators.household_coverage(scopes["A"], NOVEMBER)
    assert november["as_of"] == "2026-11-20"
    assert (november["households"], november["covered"], november["without_member"]) == (4, 2, 2)


def test_visits_count_by_local_day_with_23_30_on_the_last_day_in_the_month(scopes):
    # A: a 03/10 and 31/10 23:30; a2 01/10 00:30 and 15/10 (01/11 00:10 is November); a3 20/10.
    assert indicators.visits(scopes["A"], OCTOBER) == {
        "visits": 5,
        "households_visited": 3,
        "households": 3,
        "per_household_per_month": 1.67,
    }
    assert indicators.visits(scopes["B"], OCTOBER)["visits"] == 1
    province = indicators.visits(scopes["province"], OCTOBER)
    assert (province["visits"], province["households_visited"], province["per_household_per_month"]) == (
        6,
        4,
        1.5,
    )
    assert indicators.visits(scopes["country"], OCTOBER)["visits"] == 6
    november = indicators.visits(scopes["A"], NOVEMBER)
    assert (november["visits"], november["households"], november["per_household_per_month"]) == (1, 4, 0.25)
    assert indicators.visits(scopes["A"], SEPTEMBER)["visits"] == 0


def test_visits_per_household_per_month_divides_by_the_months_of_the_period(scopes):
    quarter = indicators.visits(scopes["province"], Period.parse("2026-Q4"))
    # 7 visits (6 in October, 1 in November) ÷ 5 households on 20/11 ÷ 3 months.
    assert (quarter["visits"], quarter["households"], quarter["per_household_per_month"]) == (7, 5, 0.47)


def test_visited_within_cadence_on_the_last_day(scopes):
    # a: poor, 14 days, last visit 31/10 23:30 → due 14/11: within.
    # a2: poor again since 25/10, 14 days, last visit 15/10 → due 29/10: overdue.
    # a3: priority, 7 days, last visit 20/10 → due 27/10: overdue.
    # b: average since 20/10, 30 days, last visit 10/10 → due 09/11: within.
    assert indicators.visited_within_cadence(scopes["A"], OCTOBER) == {
        "as_of": "2026-10-31",
        "households": 3,
        "within": 1,
        "percent": 33.3,
    }
    assert indicators.visited_within_cadence(scopes["B"], OCTOBER)["within"] == 1
    assert indicators.visited_within_cadence(scopes["province"], OCTOBER)["percent"] == 50.0


def test_visited_within_cadence_uses_the_stations_own_cadence(scopes, dataset):
    from longdan.fieldwork.models import VisitCadence

    VisitCadence.objects.create(
        station=dataset.world.station_a, priority_days=12, poor_days=20, other_days=30
    )
    # a2 (poor, last 15/10 + 20 = 04/11) and a3 (priority, last 20/10 + 12 = 01/11) are now within.
    assert indicators.visited_within_cadence(scopes["A"], OCTOBER)["within"] == 3


def test_petitions_received_by_category(scopes):
    received = indicators.petitions_received(scopes["A"], OCTOBER)
    assert received["received"] == 4
    assert {k: v for k, v in received["by_category"].items() if v} == {
        "land": 1,
        "security_order": 1,
        "health": 1,
        "legal": 1,
    }
    province = indicators.petitions_received(scopes["province"], OCTOBER)
    assert (province["received"], province["by_category"]["land"]) == (5, 2)
    assert indicators.petitions_received(scopes["A"], SEPTEMBER)["received"] == 2


def test_petitions_resolved_on_time_and_median_days(scopes):
    # c6 resolved 10/10 and again 14/10 (due 27/10 after reopening; the 15/10 note is no resolution),
    # c1 20/10 (due 01/11), c2 31/10 23:30 (due 05/10: late). Days: 9, 13, 18, 41.
    expected = {"resolved": 4, "on_time": 3, "on_time_percent": 75.0, "median_days": 15.5}
    assert indicators.petitions_resolved(scopes["A"], OCTOBER) == expected
    assert indicators.petitions_resolved(scopes["province"], OCTOBER) == expected
    # c7 was resolved at 00:10 on 01/11 (still 31/10 in UTC): a November resolution.
    assert indicators.petitions_resolved(scopes["B"], OCTOBER)["resolved"] == 0
    assert indicators.petitions_resolved(scopes["B"], NOVEMBER) == {
        "resolved": 1,
        "on_time": 1,
        "on_time_percent": 100.0,
        "median_days": 24,
    }
    assert indicators.petitions_resolved(scopes["A"], SEPTEMBER)["median_days"] is None


def test_petitions_overdue_on_the_last_day_by_their_state_then(scopes):
    # c2 (due 05/10) was resolved 31/10 23:30 but answered only on 02/11: still owed an answer on 31/10.
    # c3 (due 12/10) is still with the commune. c5 was rejected, c6 answered, c1 and c4 not yet due.
    assert indicators.petitions_overdue(scopes["A"], OCTOBER) == 2
    assert indicators.petitions_overdue(scopes["B"], OCTOBER) == 0
    assert indicators.petitions_overdue(scopes["province"], OCTOBER) == 2
    # Today (20/11): c3, and c4 (due 09/11); c7 (due 07/11) is resolved but not yet answered.
    assert indicators.petitions_overdue(scopes["A"], NOVEMBER) == 2
    assert indicators.petitions_overdue(scopes["B"], NOVEMBER) == 1
    assert indicators.petitions_overdue(scopes["A"], SEPTEMBER) == 0


def test_tips_received_verified_acted_on(scopes):
    assert indicators.tips(scopes["A"], OCTOBER) == {
        "received": 2,
        "verified": 1,
        "acted_on": 0,
        "complete": True,
    }
    assert indicators.tips(scopes["A"], NOVEMBER) == {
        "received": 1,
        "verified": 0,
        "acted_on": 1,
        "complete": True,
    }
    assert indicators.tips(scopes["province"], OCTOBER)["received"] == 3


def test_support_given_by_program_counts_loans_once_disbursed(scopes):
    given = indicators.support_given(scopes["A"], OCTOBER)
    assert {row["kind"]: (row["benefits"], row["value"], row["events"]) for row in given["programs"]} == {
        "medical": (0, 0, 1),
        "scholarship": (1, 2_000_000, 0),
        "gift": (1, 500_000, 0),
        "loan": (1, 30_000_000, 0),  # l1, disbursed 20/10; l2 is only advised
    }
    assert {k: v for k, v in given.items() if k != "programs"} == {
        "benefits": 3,
        "value": 32_500_000,
        "events": 1,
        "people_served": 120,
        "medicine_value": 15_000_000,
        "total_value": 47_500_000,
    }
    province = indicators.support_given(scopes["province"], OCTOBER)
    assert (province["benefits"], province["value"]) == (4, 33_500_000)


def test_loans_advised_and_disbursed(scopes):
    assert indicators.loans(scopes["A"], OCTOBER) == {
        "advised": 1,
        "advised_amount": 20_000_000,
        "disbursed": 1,
        "disbursed_amount": 30_000_000,
    }
    assert indicators.loans(scopes["A"], SEPTEMBER) == {
        "advised": 1,
        "advised_amount": 30_000_000,
        "disbursed": 0,
        "disbursed_amount": 0,
    }


def test_poverty_transitions_compare_the_two_ends_of_the_period(scopes):
    # a: first assessed in October (neither); a2: poor → near-poor → poor (neither);
    # a3: near-poor → poor (into); b: poor → average (out).
    assert indicators.poverty_transitions(scopes["A"], OCTOBER) == {
        "reassessed": 3,
        "out_of_poverty": 0,
        "into_poverty": 1,
    }
    assert indicators.poverty_transitions(scopes["province"], OCTOBER) == {
        "reassessed": 4,
        "out_of_poverty": 1,
        "into_poverty": 1,
    }


def test_poverty_transitions_within_part_of_the_round_trip(scopes):
    # Up to 10/10, a2 had left poverty (near-poor on 05/10).
    first = indicators.poverty_transitions(scopes["A"], Period.parse("2026-10-01..2026-10-10"))
    assert first == {"reassessed": 2, "out_of_poverty": 1, "into_poverty": 0}
    # From 06/10, a2 came back into it (near-poor then, poor on 25/10), as did a3.
    second = indicators.poverty_transitions(scopes["A"], Period.parse("2026-10-06..2026-10-31"))
    assert second == {"reassessed": 3, "out_of_poverty": 0, "into_poverty": 2}


def test_poverty_status_on_the_last_day(scopes):
    october = indicators.poverty_status(scopes["province"], OCTOBER)
    assert october == {"poor": 3, "near_poor": 0, "average": 1, "other": 0, "not_assessed": 0}
    # On 30/09: a not yet assessed, a2 poor, a3 near-poor, b poor.
    september = indicators.poverty_status(scopes["province"], SEPTEMBER)
    assert september == {"poor": 2, "near_poor": 1, "average": 0, "other": 0, "not_assessed": 1}
    assert indicators.poverty_status(scopes["A"], NOVEMBER)["not_assessed"] == 1  # a4


def test_cell_meetings_held_and_attended(scopes):
    assert indicators.cell_meetings(scopes["A"], OCTOBER) == {
        "held": 2,
        "attendances": 3,
        "members_attending": 2,
    }
    assert indicators.cell_meetings(scopes["province"], OCTOBER) == {
        "held": 3,
        "attendances": 4,
        "members_attending": 3,
    }
    assert indicators.cell_meetings(scopes["A"], NOVEMBER)["held"] == 1


def test_compute_all_puts_the_previous_period_beside(scopes):
    result = indicators.compute_all(scopes["A"], OCTOBER)
    assert result["period"]["code"] == "2026-10"
    assert result["previous_period"]["code"] == "2026-09"
    assert set(result["indicators"]) == set(indicators.INDICATORS)
    assert result["indicators"]["members_in_charge"] == {"current": 1, "previous": 2}
    assert result["indicators"]["petitions_received"]["previous"]["received"] == 2


def test_a_commune_scope_counts_the_events_of_its_communes(dataset):
    w = dataset.world
    commune_b = ReportScope.for_communes([w.commune_b])
    assert indicators.visits(commune_b, OCTOBER)["visits"] == 1
    assert indicators.petitions_received(commune_b, OCTOBER)["received"] == 1
    assert indicators.household_coverage(commune_b, OCTOBER)["households"] == 1
    assert indicators.cell_meetings(commune_b, OCTOBER)["held"] == 1
    # Tips carry no commune: a commune scope counts none, and says so.
    assert indicators.tips(commune_b, OCTOBER) == {
        "received": 0,
        "verified": 0,
        "acted_on": 0,
        "complete": False,
    }


def test_the_record_date_of_a_household_keeps_it_out_of_months_before_it(scopes, dataset):
    # a4, registered on 10/11 with nobody in charge, is not in October's register.
    assert indicators.households_in_scope(scopes["A"], OCTOBER) == 3
    assert indicators.households_in_scope(scopes["A"], Period.parse("2026-11-01..2026-11-09")) == 3
    assert indicators.households_in_scope(scopes["A"], Period.parse("2026-11-10..2026-11-10")) == 4
