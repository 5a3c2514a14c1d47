"""The household list: who sees what, the folded search, filters, paging, htmx, and its query count."""

import unicodedata
from datetime import date

import pytest
from django.urls import reverse

from longdan.households.poverty import PovertyCategory
from longdan.households.services import poverty_assessment_record
from longdan.testing.factories import AssignmentFactory, HamletFactory, HouseholdFactory, MemberFactory

pytestmark = pytest.mark.django_db

URL = reverse("household-list")


def names(response):
    return sorted(h.head_name for h in response.context["page"].object_list)


def add_households(world, count, *, member=None, hamlet=None):
    """`count` more households in station A, each with a member in charge and an assessment."""
    hamlet = hamlet or world.hamlet_a
    for index in range(count):
        household = HouseholdFactory(hamlet=hamlet, station=world.station_a)
        AssignmentFactory(member=member or MemberFactory(unit=world.station_a), household=household)
        poverty_assessment_record(
            household=household, assessed_on=date(2025, 3, 1), income_per_head=1_000_000 + index * 100_000
        )


def test_it_requires_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={URL}"


def test_it_shows_a_member_only_his_households(client, world):
    client.force_login(world.member_user)
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Thạch Thị Sà Vọng"]
    assert "Lâm Văn Sơn" not in response.text


def test_it_shows_the_commander_his_station(client, world):
    client.force_login(world.commander_a)
    assert names(client.get(URL)) == ["Lâm Văn Sơn", "Thạch Thị Sà Vọng"]


def test_it_shows_the_other_commander_only_his_station(client, world):
    client.force_login(world.commander_b)
    assert names(client.get(URL)) == ["Sơn Thị Mỹ"]


def test_it_shows_a_liaison_the_households_of_his_commune(client, world):
    client.force_login(world.liaison_b)
    assert names(client.get(URL)) == ["Sơn Thị Mỹ"]


@pytest.mark.parametrize(
    "typed",
    ["sa vong", "SÀ VỌNG", "Sà Vọng", unicodedata.normalize("NFD", "sà vọng"), "  thach thi  sa vong "],
)
def test_it_finds_sa_vong_however_it_is_typed(client, world, typed):
    client.force_login(world.commander_a)
    response = client.get(URL, {"q": typed})
    assert names(response) == ["Thạch Thị Sà Vọng"]


def test_search_does_not_cross_the_station(client, world):
    client.force_login(world.commander_b)
    assert names(client.get(URL, {"q": "sa vong"})) == []


def test_it_finds_a_household_by_code(client, world):
    client.force_login(world.commander_a)
    assert names(client.get(URL, {"q": world.household_a2.code})) == ["Lâm Văn Sơn"]


def test_it_filters_by_hamlet(client, world):
    other_hamlet = HamletFactory(name="Ấp Âu Thọ B", commune=world.commune_a)
    HouseholdFactory(head_name="Trần Văn Bé", hamlet=other_hamlet, station=world.station_a)
    client.force_login(world.commander_a)
    response = client.get(URL, {"hamlet": other_hamlet.pk})
    assert names(response) == ["Trần Văn Bé"]
    # The filter offers the hamlets of the station, not those of another.
    choices = [str(label) for _value, label in response.context["form"].fields["hamlet"].choices]
    assert "Ấp Âu Thọ B — Xã Vĩnh Hải" in choices
    assert not any("Xung Thum" in label for label in choices)


def test_it_ignores_a_hamlet_of_another_station(client, world):
    client.force_login(world.commander_a)
    response = client.get(URL, {"hamlet": world.hamlet_b.pk})
    assert response.status_code == 200
    assert names(response) == ["Lâm Văn Sơn", "Thạch Thị Sà Vọng"]


def test_it_filters_by_poverty_status(client, world):
    poverty_assessment_record(
        household=world.household_a,
        assessed_on=date(2025, 1, 15),
        income_per_head=900_000,
        deprivations=["lacks_housing_quality", "lacks_sanitation", "lacks_clean_water"],
    )
    client.force_login(world.commander_a)
    response = client.get(URL, {"poverty": PovertyCategory.POOR})
    assert names(response) == ["Thạch Thị Sà Vọng"]
    assert "15/01/2025" in response.text


def test_the_province_may_filter_by_station(client, world):
    client.force_login(world.province_user)
    assert names(client.get(URL)) == ["Lâm Văn Sơn", "Sơn Thị Mỹ", "Thạch Thị Sà Vọng"]
    assert names(client.get(URL, {"station": world.station_b.pk})) == ["Sơn Thị Mỹ"]


def test_a_station_commander_has_no_station_filter(client, world):
    client.force_login(world.commander_a)
    response = client.get(URL)
    assert "station" not in response.context["form"].fields
    assert 'name="station"' not in response.text


def test_it_pages(client, world):
    add_households(world, 30)
    client.force_login(world.commander_a)
    first = client.get(URL)
    assert len(first.context["page"].object_list) == 25
    assert "?page=2" in first.text
    second = client.get(URL, {"page": 2})
    assert len(second.context["page"].object_list) == 7
    # A page past the end shows the last page rather than an error.
    assert client.get(URL, {"page": 99}).context["page"].number == 2


def test_htmx_gets_the_results_alone(client, world):
    client.force_login(world.commander_a)
    response = client.get(URL, {"q": "sa vong"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="result-count"' in response.text
    assert "Thạch Thị Sà Vọng" in response.text
    assert "HX-Request" in response["Vary"]


def test_without_javascript_the_form_is_a_plain_get(client, world):
    client.force_login(world.commander_a)
    response = client.get(URL, {"q": "sa vong"})
    assert "<html" in response.text
    assert 'method="get"' in response.text
    assert 'name="q"' in response.text
    assert 'value="sa vong"' in response.text


def test_it_escapes_names(client, world):
    HouseholdFactory(head_name="<script>alert(1)</script>", hamlet=world.hamlet_a, station=world.station_a)
    client.force_login(world.commander_a)
    response = client.get(URL)
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


# Session, user, the second factor's device; the scope: role grants, member, unit subtree;
# the filter's hamlets and stations; count, page, members in charge of the page's rows; the top bar's grants.
COMMANDER_LIST_QUERIES = 12
# A field member passes no second factor, and his scope has no units: no device, subtree or stations.
MEMBER_LIST_QUERIES = 9


@pytest.mark.parametrize("extra", [0, 20])
def test_its_query_count_does_not_grow_with_rows(client, world, django_assert_num_queries, extra):
    add_households(world, extra)
    client.force_login(world.commander_a)
    with django_assert_num_queries(COMMANDER_LIST_QUERIES):
        response = client.get(URL)
    assert len(response.context["page"].object_list) == 2 + extra


@pytest.mark.parametrize("extra", [0, 20])
def test_a_members_list_query_count_does_not_grow_with_rows(client, world, django_assert_num_queries, extra):
    add_households(world, extra, member=world.member_a)
    client.force_login(world.member_user)
    with django_assert_num_queries(MEMBER_LIST_QUERIES):
        response = client.get(URL)
    assert len(response.context["page"].object_list) == 1 + extra
