"""The home page: what each role sees first."""

import pytest
from django.urls import reverse

from longdan.testing.factories import AssignmentFactory, HouseholdFactory, MemberFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = reverse("home")


def test_it_requires_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next=/"


def test_it_shows_my_households(client, world):
    world.household_a.priority = "priority"
    world.household_a.save()
    client.force_login(world.member_user)
    response = client.get(URL)
    assert response.status_code == 200
    home = response.context["home"]
    assert [h.head_name for h in home.my_households] == ["Thạch Thị Sà Vọng"]
    assert home.stations == [] and home.overviews == []
    assert "Thạch Thị Sà Vọng" in response.text
    assert "Ấp Âu Thọ A" in response.text
    assert "badge-priority" in response.text
    assert "Lâm Văn Sơn" not in response.text
    # The top bar names the person logged in.
    assert "Nguyễn Thiên Phú" in response.text


def test_it_shows_the_station_commander_his_members_and_their_household_counts(client, world):
    idle = MemberFactory(full_name="Đào Văn Rảnh", unit=world.station_a)
    uncovered = HouseholdFactory(head_name="Kim Thị Lan", hamlet=world.hamlet_a, station=world.station_a)
    client.force_login(world.commander_a)
    response = client.get(URL)
    assert response.status_code == 200
    home = response.context["home"]
    assert home.my_households is None
    [panel] = home.stations
    assert panel.unit == world.station_a
    assert {m.full_name: m.household_count for m in panel.members} == {
        "Nguyễn Thiên Phú": 1,
        "Lê Văn Hai": 1,
        idle.full_name: 0,
    }
    assert (panel.household_count, panel.uncovered_count, panel.idle_count) == (3, 1, 1)
    assert reverse("member-detail", args=[world.member_a.pk]) in response.text
    assert reverse("member-detail", args=[idle.pk]) in response.text
    assert "Phạm Hoài Đức" not in response.text  # station B's member
    assert uncovered.head_name not in response.text  # counts, not a list of households


def test_it_shows_the_province_its_stations(client, world):
    AssignmentFactory(
        member=world.member_b, household=HouseholdFactory(hamlet=world.hamlet_b, station=world.station_b)
    )
    HouseholdFactory(hamlet=world.hamlet_b, station=world.station_b)
    client.force_login(world.province_user)
    response = client.get(URL)
    [panel] = response.context["home"].overviews
    rows = {u.name: (u.member_count, u.household_count, u.uncovered_count) for u in panel.children}
    assert rows == {"Đồn Biên phòng Vĩnh Hải": (2, 2, 0), "Đồn Biên phòng Lai Hòa": (1, 3, 1)}
    assert f"{reverse('household-list')}?station={world.station_b.pk}" in response.text


def test_it_shows_the_liaison_the_households_of_his_commune(client, world):
    client.force_login(world.liaison_a)
    response = client.get(URL)
    page = response.context["home"].commune_households
    assert sorted(h.head_name for h in page.object_list) == ["Lâm Văn Sơn", "Thạch Thị Sà Vọng"]
    assert "Sơn Thị Mỹ" not in response.text


def test_it_shows_the_admin_the_provinces(client, world):
    client.force_login(world.admin_user)
    [panel] = client.get(URL).context["home"].overviews
    assert panel.unit == world.hq
    assert [(u.name, u.household_count) for u in panel.children] == [("Bộ Chỉ huy BĐBP Sóc Trăng", 3)]


def test_it_tells_a_user_without_a_role_to_ask_for_one(client, world):
    client.force_login(UserFactory())
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["home"].is_empty


@pytest.mark.parametrize("extra", [0, 10])
def test_commander_home_query_count_does_not_grow_with_members(
    client, world, django_assert_num_queries, extra
):
    for _ in range(extra):
        member = MemberFactory(unit=world.station_a)
        AssignmentFactory(
            member=member, household=HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
        )
    client.force_login(world.commander_a)
    # Session, user, second-factor device; scope: grants, member, unit subtree; home: grants (kept for
    # the top bar), household counts, members with their counts.
    with django_assert_num_queries(9):
        response = client.get(URL)
    assert len(response.context["home"].stations[0].members) == 2 + extra


def test_member_home_query_count_does_not_grow_with_households(client, world, django_assert_num_queries):
    client.force_login(world.member_user)
    for _ in range(10):
        AssignmentFactory(
            member=world.member_a, household=HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
        )
    # Session, user; scope: grants, member; households, their members in charge; grants (home and top bar).
    with django_assert_num_queries(7):
        response = client.get(URL)
    assert len(response.context["home"].my_households) == 11


def test_not_found_is_our_page_and_says_nothing_of_the_record(client, world):
    client.force_login(world.commander_b)
    response = client.get(reverse("household-detail", args=[world.household_a.pk]))
    assert response.status_code == 404
    assert "Lòng Dân" in response.text
    assert world.household_a.head_name not in response.text
    assert 'href="/"' in response.text
