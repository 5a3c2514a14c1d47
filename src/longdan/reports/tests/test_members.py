"""A station's dashboard puts its members side by side (reports.members), counted by hand on the October of conftest."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from longdan.fieldwork.models import Visit
from longdan.reports import indicators
from longdan.reports.members import member_rows
from longdan.reports.periods import Period
from longdan.reports.scope import ReportScope

pytestmark = pytest.mark.django_db

OCTOBER = Period.month(2026, 10)


def _by_member(rows):
    return {row["member_id"]: row for row in rows}


def test_each_member_holds_and_did_what_the_records_say(dataset):
    w = dataset.world
    scope = ReportScope.for_unit(w.station_a)
    rows = _by_member(member_rows(scope, OCTOBER))
    # On 31/10: a is member_a's, a2 was handed from member_a2 to member_a on 16/10, a3's ended on 30/09.
    assert rows[w.member_a.pk]["households"] == 2
    assert rows[w.member_a2.pk]["households"] == 0
    assert rows[w.member_a2.pk]["within_cadence_percent"] is None
    # Meetings of cell A in October: 07/10 (a, a2) and 31/10 (a); 01/11 is November's.
    assert rows[w.member_a.pk]["meetings_attended"] == 2
    assert rows[w.member_a2.pk]["meetings_attended"] == 1
    # Visits, counted here from the rows themselves: October's local days, station A, the member present.
    october = [
        visit
        for visit in Visit.objects.filter(station=w.station_a).prefetch_related("presence")
        if OCTOBER.contains(timezone.localtime(visit.visited_at).date())
    ]
    for member in (w.member_a, w.member_a2):
        present = [v for v in october if member.pk in {p.member_id for p in v.presence.all()}]
        assert rows[member.pk]["visits"] == len(present) > 0
        assert rows[member.pk]["households_visited"] == len({v.household_id for v in present})


def test_the_members_add_up_to_the_station_where_each_record_has_one_member(dataset):
    w = dataset.world
    scope = ReportScope.for_unit(w.station_a)
    rows = member_rows(scope, OCTOBER)
    standing = indicators.visited_within_cadence(scope, OCTOBER)
    coverage = indicators.household_coverage(scope, OCTOBER)
    assert sum(row["households"] for row in rows) == coverage["covered"]
    assert sum(row["within_cadence"] for row in rows) <= standing["within"]
    assert (
        sum(row["visits"] for row in rows) == indicators.visits(scope, OCTOBER)["visits"]
    )  # one member each


def test_a_wider_scope_has_no_members_table(dataset):
    w = dataset.world
    assert member_rows(ReportScope.for_unit(w.command), OCTOBER) == []


def test_the_station_dashboard_shows_its_members_sorted_with_links(client, dataset):
    w = dataset.world
    client.force_login(w.commander_a)
    response = client.get(
        reverse("dashboard"),
        {"scope": w.station_a.code, "period": "2026-10", "sort": "visits", "dir": "desc"},
    )
    assert response.status_code == 200
    members = response.context["members"]
    assert [row["visits"] for row in members] == sorted((row["visits"] for row in members), reverse=True)
    assert response.context["rows"] == []  # no stations table of one row
    assert 'class="dash-table dash-members"' in response.text
    links = response.context["member_links"][w.member_a.pk]
    assert links["name"] == reverse("station-member-work", args=[w.station_a.pk, w.member_a.pk])
    # The visits link opens the visit list narrowed to the member, the station and the month.
    listed = client.get(links["visits"])
    row = next(row for row in members if row["member_id"] == w.member_a.pk)
    assert listed.context["page"].paginator.count == row["visits"]
    assert listed.context["form"].cleaned_data["since"] == date(2026, 10, 1)
