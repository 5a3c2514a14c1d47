"""The previous period on a second connection gives the same figures as computing both in turn."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from longdan.reports import indicators
from longdan.reports.indicators import parallel
from longdan.reports.periods import Period
from longdan.reports.scope import ReportScope
from longdan.testing.factories import VisitFactory
from longdan.testing.fixtures import build_world

OCTOBER = Period.month(2026, 10)


def test_inside_a_transaction_both_periods_stay_on_this_connection(db):
    # A second connection would not see this transaction's rows.
    assert connection.in_atomic_block
    assert not parallel.may_run_in_parallel()


@pytest.mark.django_db(transaction=True)
def test_two_connections_give_the_figures_of_one(settings, monkeypatch):
    if not parallel.may_run_in_parallel():
        pytest.skip("an in-memory SQLite database is seen by one connection only (runs on PostgreSQL)")
    world = build_world()
    for day, household in ((3, world.household_a), (28, world.household_a2), (15, world.household_b)):
        VisitFactory(household=household, visited_at=datetime(2026, 10, day, 3, tzinfo=UTC))
        VisitFactory(household=household, visited_at=datetime(2026, 9, day, 3, tzinfo=UTC))
    scope = ReportScope.for_unit(world.hq)
    calls = []
    monkeypatch.setattr(
        parallel, "both", lambda *fns, original=parallel.both: calls.append(1) or original(*fns)
    )

    settings.LONGDAN_PARALLEL_PERIODS = True
    together = indicators.compute_all(scope, OCTOBER)
    settings.LONGDAN_PARALLEL_PERIODS = False
    in_turn = indicators.compute_all(scope, OCTOBER)

    assert calls == [1]
    assert together == in_turn
