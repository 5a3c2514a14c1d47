"""The monthly rollup kept by the services equals a live count of the events."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from longdan.reports import rollup
from longdan.rollup.models import COUNTERS, MonthlyStationStats
from longdan.rollup.services import rollup_bump

pytestmark = pytest.mark.django_db


def row(station, month):
    stats = MonthlyStationStats.objects.get(station_id=station.pk, month=month)
    return {name: getattr(stats, name) for name in COUNTERS if getattr(stats, name)}


def test_the_services_keep_the_rollup_by_station_and_local_month(dataset):
    w = dataset.world
    assert row(w.station_a, date(2026, 10, 1)) == {
        "visits": 5,
        "households_visited": 3,
        "cases_received": 4,
        "cases_resolved": 4,
        "tips_received": 2,
        "tips_verified": 1,
        "benefits": 3,
        "benefits_value": 32_500_000,
        "loans_advised": 1,
        "loans_disbursed": 1,
        "meetings": 2,
        "meeting_attendances": 3,
    }
    assert row(w.station_a, date(2026, 9, 1)) == {"cases_received": 2, "loans_advised": 1}
    assert row(w.station_a, date(2026, 11, 1)) == {
        "visits": 1,
        "households_visited": 1,
        "tips_received": 1,
        "tips_acted_on": 1,
        "benefits": 1,
        "benefits_value": 300_000,
        "meetings": 1,
        "meeting_attendances": 1,
    }
    assert row(w.station_b, date(2026, 11, 1)) == {"cases_resolved": 1}


def test_the_incremental_rollup_equals_a_live_count(dataset):
    assert rollup.compare() == []
    assert rollup.recount() == rollup.stored()


def test_check_reports_a_difference_and_rebuild_repairs_it(dataset):
    w = dataset.world
    MonthlyStationStats.objects.filter(station_id=w.station_a.pk, month=date(2026, 10, 1)).update(visits=99)
    out = StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("rollup_rebuild", "--check", stdout=out, stderr=StringIO())
    assert exit_.value.code == 1
    assert f"station {w.station_a.pk} 2026-10 visits: stored 99, counted 5" in out.getvalue()

    call_command("rollup_rebuild", stdout=StringIO())
    out = StringIO()
    call_command("rollup_rebuild", "--check", stdout=out)
    assert "equals a live count" in out.getvalue()
    assert row(w.station_a, date(2026, 10, 1))["visits"] == 5


def test_rebuild_since_a_month_leaves_earlier_months_alone(dataset):
    w = dataset.world
    MonthlyStationStats.objects.filter(station_id=w.station_a.pk, month=date(2026, 9, 1)).update(
        cases_received=7
    )
    MonthlyStationStats.objects.filter(station_id=w.station_a.pk, month=date(2026, 10, 1)).update(visits=0)
    rollup.rebuild(since=date(2026, 10, 1))
    assert row(w.station_a, date(2026, 9, 1))["cases_received"] == 7
    assert row(w.station_a, date(2026, 10, 1))["visits"] == 5
    assert [d.counter for d in rollup.compare()] == ["cases_received"]


def test_a_visit_is_a_new_household_visited_only_once_a_month(clock, world):
    from longdan.fieldwork.services import visit_record

    from .conftest import local

    for day in (3, 17):
        clock.set(local(2026, 10, day, 10))
        visit_record(
            household=world.household_a,
            members=[world.member_a],
            acting_user=world.commander_a,
            visited_at=local(2026, 10, day, 10),
        )
    assert row(world.station_a, date(2026, 10, 1)) == {"visits": 2, "households_visited": 1}


def test_bump_adds_to_an_existing_row_and_ignores_zeros(world):
    rollup_bump(station_id=world.station_a.pk, day=date(2026, 10, 5), visits=1)
    rollup_bump(station_id=world.station_a.pk, day=date(2026, 10, 31), visits=2, meetings=0)
    rollup_bump(station_id=world.station_a.pk, day=date(2026, 12, 1), meetings=0)
    assert row(world.station_a, date(2026, 10, 1)) == {"visits": 3}
    assert not MonthlyStationStats.objects.filter(month=date(2026, 12, 1)).exists()
    with pytest.raises(ValueError):
        rollup_bump(station_id=world.station_a.pk, day=date(2026, 10, 5), unknown=1)
