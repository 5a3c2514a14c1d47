"""Drill-down: from a figure of the dashboard to the list of the records behind it.

On the hand-built October (conftest), every figure's list holds exactly as many records as
the indicator counted, for the same scope and period, within what the user may see.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from longdan.reports import indicators
from longdan.reports.drilldown import FIGURES, LIST_PAGES, drill_url
from longdan.reports.indicators.petitions import resolutions_queryset
from longdan.reports.periods import Period
from longdan.reports.scope import ReportScope

pytestmark = pytest.mark.django_db

OCTOBER = Period.month(2026, 10)

# figure → (indicator, key in its result; None when the result is the number itself)
EXPECTED = {
    "households": ("household_coverage", "households"),
    "covered": ("household_coverage", "covered"),
    "without_member": ("household_coverage", "without_member"),
    "poverty_poor": ("poverty_status", "poor"),
    "poverty_near_poor": ("poverty_status", "near_poor"),
    "poverty_average": ("poverty_status", "average"),
    "poverty_other": ("poverty_status", "other"),
    "poverty_not_assessed": ("poverty_status", "not_assessed"),
    "out_of_poverty": ("poverty_transitions", "out_of_poverty"),
    "into_poverty": ("poverty_transitions", "into_poverty"),
    "households_visited": ("visits", "households_visited"),
    "visits": ("visits", "visits"),
    "petitions_received": ("petitions_received", "received"),
    "petitions_overdue": ("petitions_overdue", None),
    "tips_received": ("tips", "received"),
    "tips_verified": ("tips", "verified"),
    "tips_acted_on": ("tips", "acted_on"),
    "support_given": ("support_given", "benefits"),
    "loans_advised": ("loans", "advised"),
    "loans_disbursed": ("loans", "disbursed"),
    "support_events": ("support_given", "events"),
    "cell_meetings": ("cell_meetings", "held"),
}


def _listed(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.context["drill"] is not None
    return response.context["page"].paginator.count


def _expected(figure: str, scope: ReportScope) -> int:
    name, key = EXPECTED[figure]
    value = indicators.INDICATORS[name](scope, OCTOBER)
    return value if key is None else value[key]


def test_every_figure_has_a_list_and_an_expectation():
    assert set(FIGURES) == set(EXPECTED) | {"petitions_resolved"}
    assert {figure.model for figure in FIGURES.values()} <= set(LIST_PAGES)


@pytest.mark.parametrize(
    "figure", sorted(set(EXPECTED) - {"tips_received", "tips_verified", "tips_acted_on"})
)
def test_a_province_figure_lists_exactly_the_records_it_counts(client, dataset, figure):
    w = dataset.world
    client.force_login(w.province_user)
    scope = ReportScope.for_unit(w.command, user=w.province_user)
    assert _listed(client, drill_url(figure, scope_code=w.command.code, period=OCTOBER)) == _expected(
        figure, scope
    )


@pytest.mark.parametrize(
    ("figure", "period"),
    [
        ("tips_received", OCTOBER),
        ("tips_verified", OCTOBER),
        ("tips_acted_on", Period.month(2026, 11)),  # t1, acted on 02/11
        ("visits", OCTOBER),
        ("cell_meetings", OCTOBER),
    ],
)
def test_a_station_figure_lists_exactly_the_records_it_counts(client, dataset, figure, period):
    w = dataset.world
    client.force_login(w.commander_a)
    scope = ReportScope.for_unit(w.station_a, user=w.commander_a)
    name, key = EXPECTED[figure]
    expected = indicators.INDICATORS[name](scope, period)[key]
    assert expected > 0  # the dataset has some of each in station A
    assert _listed(client, drill_url(figure, scope_code=w.station_a.code, period=period)) == expected


def test_a_petition_resolved_twice_in_the_period_is_listed_once(client, dataset):
    w = dataset.world
    client.force_login(w.province_user)
    scope = ReportScope.for_unit(w.command)
    resolutions = list(resolutions_queryset(scope, OCTOBER).values_list("case_id", flat=True))
    assert len(resolutions) == indicators.petitions_resolved(scope, OCTOBER)["resolved"]
    assert len(resolutions) > len(set(resolutions))  # c6: resolved, reopened, resolved again
    url = drill_url("petitions_resolved", scope_code=w.command.code, period=OCTOBER)
    assert _listed(client, url) == len(set(resolutions))


def test_the_support_list_adds_up_to_the_value_given(client, dataset):
    w = dataset.world
    client.force_login(w.province_user)
    response = client.get(drill_url("support_given", scope_code=w.command.code, period=OCTOBER))
    given = indicators.support_given(ReportScope.for_unit(w.command), OCTOBER)
    assert response.context["totals"]["value"] == given["value"]


def test_without_a_scope_the_list_narrows_to_everything_the_user_may_see(client, dataset):
    w = dataset.world
    client.force_login(w.commander_a)
    listed = _listed(client, drill_url("visits", period=OCTOBER))
    assert listed == indicators.visits(ReportScope.for_user(w.commander_a), OCTOBER)["visits"]


def test_the_list_says_what_it_shows_and_keeps_it_through_its_filters(client, dataset):
    w = dataset.world
    client.force_login(w.province_user)
    url = drill_url("petitions_received", scope_code=w.command.code, period=OCTOBER)
    response = client.get(url)
    assert 'class="drill-banner"' in response.text
    assert response.context["drill"].dashboard_url.replace("&", "&amp;") in response.text  # back to it
    assert 'type="hidden" name="figure" value="petitions_received"' in response.text
    assert f'name="scope" value="{w.command.code}"' in response.text
    # Another filter narrows further, within the figure's records.
    narrowed = client.get(url + "&category=land")
    assert 0 < narrowed.context["page"].paginator.count < response.context["page"].paginator.count


def test_a_scope_outside_the_users_answers_404(client, dataset):
    w = dataset.world
    client.force_login(w.commander_b)
    assert client.get(drill_url("visits", scope_code=w.station_a.code, period=OCTOBER)).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"figure": "no_such_figure", "period": "2026-10"},
        {"figure": "petitions_received", "period": "2026-10"},  # a figure of another list
        {"figure": "visits", "period": "2026-13"},
    ],
)
def test_a_link_that_cannot_be_read_answers_404(client, world, query):
    client.force_login(world.commander_a)
    assert client.get(reverse("visit-list"), query).status_code == 404


def test_the_dashboard_links_each_figure_to_its_records(client, dataset):
    w = dataset.world
    client.force_login(w.province_user)
    response = client.get(reverse("dashboard"), {"scope": w.command.code, "period": "2026-10"})
    by_key = {row["key"]: row for group in response.context["groups"] for row in group["rows"]}
    link = by_key["visits.visits"]["link"]
    assert urlsplit(link).path == reverse("visit-list")
    assert parse_qs(urlsplit(link).query) == {
        "figure": ["visits"],
        "scope": [w.command.code],
        "period": ["2026-10"],
    }
    station = response.context["station_links"][w.station_a.pk]
    assert station["cases_overdue"] == drill_url(
        "petitions_overdue", scope_code=w.station_a.code, period=OCTOBER
    )
    # Every linked figure of the page reaches its list.
    for row in by_key.values():
        if row["link"]:
            assert client.get(row["link"]).status_code == 200, row["key"]
