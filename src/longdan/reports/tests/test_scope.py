"""Reports count only what their user may see: the access rule of core.scoping, never a second one."""

import pytest
from django.http import Http404

from longdan.reports import indicators
from longdan.reports.periods import Period
from longdan.reports.scope import ReportScope
from longdan.reports.selectors import dashboard

pytestmark = pytest.mark.django_db

OCTOBER = Period.month(2026, 10)


def test_a_station_commanders_scope_never_counts_another_stations_records(dataset):
    w = dataset.world
    mine = ReportScope.for_user(w.commander_a)
    assert mine.station_ids == {w.station_a.pk}  # the team under the station has no events of its own
    station_a = ReportScope.for_unit(w.station_a)
    province = ReportScope.for_unit(w.command)
    differs = 0
    for name, indicator in indicators.INDICATORS.items():
        assert indicator(mine, OCTOBER) == indicator(station_a, OCTOBER), name
        differs += indicator(mine, OCTOBER) != indicator(province, OCTOBER)
    # Most indicators have something at station B too, so a leak would show.
    assert differs >= 10


def test_another_stations_unit_answers_404(dataset):
    w = dataset.world
    with pytest.raises(Http404):
        ReportScope.for_unit(w.station_b, user=w.commander_a)
    with pytest.raises(Http404):
        ReportScope.for_unit(w.command, user=w.commander_a)
    with pytest.raises(Http404):
        ReportScope.for_unit("NO-SUCH-UNIT", user=w.commander_a)
    assert ReportScope.for_unit(w.station_b, user=w.province_user).station_ids == {w.station_b.pk}


def test_a_dashboard_for_a_scope_the_user_may_not_see_answers_404(dataset):
    w = dataset.world
    with pytest.raises(Http404):
        dashboard(user=w.commander_a, scope=ReportScope.for_unit(w.station_b), period=OCTOBER)
    with pytest.raises(Http404):
        dashboard(user=w.liaison_b, scope=ReportScope.for_communes([w.commune_a]), period=OCTOBER)


def test_a_province_command_sees_every_station_but_no_tip(dataset):
    w = dataset.world
    scope = ReportScope.for_user(w.province_user)
    assert scope.station_ids == {w.station_a.pk, w.station_b.pk}
    assert scope.label == w.command.name
    assert indicators.visits(scope, OCTOBER)["visits"] == 6
    # Tips are seen by the station command and the receiving team only (intel's rule).
    assert indicators.tips(scope, OCTOBER) == {"received": 0, "verified": 0, "acted_on": 0, "complete": False}
    assert indicators.tips(ReportScope.for_user(w.commander_b), OCTOBER)["received"] == 1


def test_a_commune_liaison_counts_their_communes(dataset):
    w = dataset.world
    scope = ReportScope.for_user(w.liaison_a)
    assert scope.commune_ids == {w.commune_a.pk} and not scope.station_ids
    assert indicators.visits(scope, OCTOBER)["visits"] == 5
    assert indicators.petitions_received(scope, OCTOBER)["received"] == 4
    with pytest.raises(Http404):
        ReportScope.for_communes([w.commune_b], user=w.liaison_a)


def test_a_field_member_has_no_report_scope(dataset):
    scope = ReportScope.for_user(dataset.world.member_user)
    assert scope.is_empty
    assert indicators.visits(scope, OCTOBER)["visits"] == 0
    assert indicators.household_coverage(scope, OCTOBER)["households"] == 0
    assert indicators.petitions_resolved(scope, OCTOBER)["resolved"] == 0


def test_the_administrator_sees_the_whole_country(dataset):
    scope = ReportScope.for_user(dataset.world.admin_user)
    assert scope.everything
    assert indicators.visits(scope, OCTOBER)["visits"] == 6
