"""Household admin: folded search, a constant number of queries per page, new rows through the services."""

import unicodedata

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from longdan.households.models import Household, PovertyAssessment
from longdan.households.poverty import PovertyCategory
from longdan.testing.factories import HouseholdFactory
from longdan.testing.fixtures import World

CHANGELIST = "admin:households_household_changelist"


@pytest.fixture
def admin_client_(world: World, client: Client) -> Client:
    # The suite's `client`, whose force_login also passes the second factor administrators owe.
    client.force_login(world.admin_user)
    return client


def _found(client: Client, term: str) -> set[str]:
    response = client.get(reverse(CHANGELIST), {"q": term})
    assert response.status_code == 200
    return {household.head_name for household in response.context["cl"].result_list}


@pytest.mark.parametrize(
    "term",
    ["sa vong", "SÀ VỌNG", unicodedata.normalize("NFD", "Sà Vọng"), "thach vong", '"thi sa vong"'],
)
def test_search_by_folded_key_finds_thach_thi_sa_vong(admin_client_: Client, term: str) -> None:
    assert _found(admin_client_, term) == {"Thạch Thị Sà Vọng"}


def test_search_by_household_code_finds_that_household(world: World, admin_client_: Client) -> None:
    assert _found(admin_client_, world.household_b.code.lower()) == {"Sơn Thị Mỹ"}


def test_search_that_matches_nothing_lists_nothing(admin_client_: Client) -> None:
    assert _found(admin_client_, "sa vong khong co") == set()


def test_the_autocomplete_of_other_admins_uses_the_folded_search(admin_client_: Client) -> None:
    response = admin_client_.get(
        reverse("admin:autocomplete"),
        {
            "term": "SÀ VONG",
            "app_label": "assignments",
            "model_name": "householdassignment",
            "field_name": "household",
        },
    )
    assert [row["text"] for row in response.json()["results"]] == ["Thạch Thị Sà Vọng"]


def _changelist_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(CHANGELIST))
        assert response.status_code == 200
    return len(queries)


def test_the_household_list_makes_as_many_queries_for_30_households_as_for_3(
    world: World, admin_client_: Client
) -> None:
    assert Household.objects.count() == 3
    few = _changelist_queries(admin_client_)
    for _ in range(27):
        HouseholdFactory(hamlet=world.hamlet_b, station=world.station_b)
    assert _changelist_queries(admin_client_) == few


def test_adding_a_household_goes_through_the_service(world: World, admin_client_: Client) -> None:
    response = admin_client_.post(
        reverse("admin:households_household_add"),
        {
            "code": "VH-0999",
            "head_name": "  Lâm  Thị Sô Phi ",
            "hamlet": world.hamlet_a.pk,
            "station": "",  # the service takes the station whose area holds the hamlet
            "priority": "normal",
            **_empty_inlines(),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    household = Household.objects.get(code="VH-0999")
    assert (household.head_name, household.commune, household.station) == (
        "Lâm Thị Sô Phi",
        world.commune_a,
        world.station_a,
    )


def test_adding_a_household_with_a_code_taken_in_the_commune_shows_the_error(
    world: World, admin_client_: Client
) -> None:
    response = admin_client_.post(
        reverse("admin:households_household_add"),
        {
            "code": world.household_a.code,
            "head_name": "Lâm Thị Sô Phi",
            "hamlet": world.hamlet_a.pk,
            "priority": "normal",
            **_empty_inlines(),
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert Household.objects.count() == 3


def test_an_assessment_added_in_the_admin_derives_the_category_and_the_household_status(
    world: World, admin_client_: Client
) -> None:
    response = admin_client_.post(
        reverse("admin:households_povertyassessment_add"),
        {
            "household": world.household_a.pk,
            "assessed_on": "2025-03-01",
            "standard": "",
            "area_type": "rural",
            "income_per_head": "1200000",
            "lacks_clean_water": "on",
            "lacks_sanitation": "on",
            "lacks_telecom": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assessment = PovertyAssessment.objects.get(household=world.household_a)
    assert (assessment.category, assessment.standard) == (PovertyCategory.POOR, "nd07_2021")
    world.household_a.refresh_from_db()
    assert world.household_a.poverty_category == PovertyCategory.POOR


def test_an_assessment_in_the_future_is_refused_on_the_form(world: World, admin_client_: Client) -> None:
    response = admin_client_.post(
        reverse("admin:households_povertyassessment_add"),
        {
            "household": world.household_a.pk,
            "assessed_on": "2099-03-01",
            "area_type": "rural",
            "income_per_head": "1200000",
        },
    )
    assert response.status_code == 200
    assert "assessed_on" in response.context["adminform"].form.errors
    assert not PovertyAssessment.objects.exists()


def _empty_inlines() -> dict[str, str]:
    data = {}
    for prefix in ("residents", "assessments"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return data
