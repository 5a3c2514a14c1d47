"""Indicator statements built once (`indicators._statements`): the statement is kept, never its rows."""

from datetime import date

import pytest
from django.db.models import Count, Sum

from longdan.cases.models import Case
from longdan.reports.indicators import _statements
from longdan.support.models import Benefit
from longdan.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh():
    _statements.clear()
    yield
    _statements.clear()


def test_the_queryset_is_built_once_and_the_rows_read_every_time(world):
    built = []

    def build():
        built.append(1)
        return (
            Case.objects.filter(station=world.station_a)
            .values("category")
            .annotate(n=Count("*"))
            .values_list("category", "n")
        )

    assert _statements.statement_rows(("test", world.station_a.pk), build) == []

    CaseFactory(household=world.household_a, category="land")
    assert _statements.statement_rows(("test", world.station_a.pk), build) == [("land", 1)]
    assert len(built) == 1


def test_a_statement_that_can_match_nothing_gives_no_rows_and_empty_totals(world):
    assert _statements.statement_rows(("none",), lambda: Case.objects.none().values_list("pk")) == []
    assert _statements.statement_totals(
        ("none-totals",), lambda: Benefit.objects.none(), n=Count("*"), value=Sum("value")
    ) == (0, None)


def test_totals_are_what_aggregate_gives(world):

    CaseFactory(household=world.household_a, category="land", received_on=date(2026, 10, 2))
    CaseFactory(household=world.household_a2, category="land", received_on=date(2026, 10, 3))
    cases = Case.objects.filter(station=world.station_a)
    expected = cases.aggregate(n=Count("*"), households=Count("household_id", distinct=True))
    assert _statements.statement_totals(
        ("totals",), lambda: cases, n=Count("*"), households=Count("household_id", distinct=True)
    ) == (expected["n"], expected["households"])


def test_the_least_recently_used_statement_goes_first(world, monkeypatch):
    monkeypatch.setattr(_statements, "SIZE", 2)
    for key in ("a", "b", "a", "c"):  # "b" is the least recently used when "c" comes
        _statements.statement_rows((key,), lambda: Case.objects.values_list("pk"))
    assert list(_statements._compiled) == [("a",), ("c",)]
