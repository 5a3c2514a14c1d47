"""The dashboard selector: indicators with the previous period, 12-month trends from the rollup, station rows."""

import json

import pytest

from longdan.reports import indicators
from longdan.reports.periods import Period
from longdan.reports.scope import ReportScope
from longdan.reports.selectors import dashboard

pytestmark = pytest.mark.django_db

OCTOBER = Period.month(2026, 10)


def test_the_province_dashboard(dataset):
    w = dataset.world
    board = dashboard(user=w.province_user, period=OCTOBER)
    json.dumps(board)  # plain data, ready for a JSON endpoint or a report file
    assert (
        board["indicators"]
        == indicators.compute_all(ReportScope.for_user(w.province_user), OCTOBER)["indicators"]
    )
    assert board["previous_period"]["code"] == "2026-09"

    trend = board["trend"]
    assert trend["months"][0] == "2025-11" and trend["months"][-1] == "2026-10" and len(trend["months"]) == 12
    assert trend["series"]["visits"][-2:] == [0, 6]
    assert trend["series"]["cases_received"][-2:] == [2, 5]
    assert trend["series"]["benefits_value"][-1] == 33_500_000
    assert trend["series"]["tips_received"] == [None] * 12  # the province command sees no tips

    rows = {row["code"]: row for row in board["stations"]}
    a = rows[w.station_a.code]
    assert {k: a[k] for k in ("households", "covered", "coverage_percent", "within_cadence", "visits")} == {
        "households": 3,
        "covered": 2,
        "coverage_percent": 66.7,
        "within_cadence": 1,
        "visits": 5,
    }
    assert (a["households_visited"], a["cases_received"], a["cases_resolved"], a["cases_overdue"]) == (
        3,
        4,
        4,
        2,
    )
    assert (a["benefits"], a["benefits_value"], a["meetings"], a["meeting_attendances"]) == (
        3,
        32_500_000,
        2,
        3,
    )
    assert a["tips_received"] is None
    assert a["province_command"] == w.command.name
    assert rows[w.station_b.code]["visits"] == 1


def test_a_station_commander_sees_the_tip_trend_of_their_station(dataset):
    w = dataset.world
    board = dashboard(user=w.commander_a, period=OCTOBER)
    assert board["trend"]["series"]["tips_received"][-1] == 2
    assert [row["tips_received"] for row in board["stations"]] == [2]


def test_station_rows_of_a_period_that_is_not_whole_months_come_from_the_events(dataset):
    w = dataset.world
    board = dashboard(user=w.province_user, period=Period.parse("2026-10-01..2026-10-30"))
    a = {row["code"]: row for row in board["stations"]}[w.station_a.code]
    # Without 31/10: the 23:30 visit, c2's resolution, s2 and m2.
    assert (a["visits"], a["cases_resolved"], a["benefits"], a["meetings"]) == (4, 3, 2, 1)
    assert a["benefits_value"] == 32_000_000
