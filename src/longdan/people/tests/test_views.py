"""The member page: rank, position, unit, languages, households in charge — and 404 for outsiders."""

import pytest
from django.urls import reverse
from django.utils import translation

from longdan.people.models import Language
from longdan.testing.factories import AssignmentFactory, CommuneFactory, HamletFactory, HouseholdFactory

pytestmark = pytest.mark.django_db


def url(member):
    return reverse("member-detail", args=[member.pk])


def test_it_requires_login(client, world):
    response = client.get(url(world.member_a))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_shows_the_commander_a_member_of_his_station(client, world):
    world.member_a.languages = ["vi", "km"]
    world.member_a.position = "Đội trưởng Tham mưu hành chính"
    world.member_a.save()
    client.force_login(world.commander_a)
    response = client.get(url(world.member_a))
    assert response.status_code == 200
    text = response.text
    assert "Nguyễn Thiên Phú" in text
    assert "Thiếu úy" in text
    assert "Đội trưởng Tham mưu hành chính" in text
    assert "Đồn Biên phòng Vĩnh Hải" in text
    with translation.override("vi"):  # the UI's default language, as the request gets it
        assert str(Language.KHMER.label) in text
    assert "Thạch Thị Sà Vọng" in text
    assert "Lâm Văn Sơn" not in text


def test_it_shows_a_member_his_own_page(client, world):
    client.force_login(world.member_user)
    assert client.get(url(world.member_a)).status_code == 200


def test_it_returns_404_for_another_member_of_my_station_to_a_member(client, world):
    client.force_login(world.member_user)
    assert client.get(url(world.member_a2)).status_code == 404


@pytest.mark.parametrize("who", ["commander_b", "liaison_b"])
def test_it_returns_404_for_other_station(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(url(world.member_a)).status_code == 404


def test_it_returns_404_for_no_such_member(client, world):
    client.force_login(world.admin_user)
    assert client.get(reverse("member-detail", args=[999_999])).status_code == 404


def test_a_liaison_sees_only_the_households_in_his_communes(client, world):
    elsewhere = HamletFactory(commune=CommuneFactory(name="Xã Vĩnh Phước", parent=world.province))
    far = HouseholdFactory(head_name="Kim Thị Ngọc", hamlet=elsewhere, station=world.station_a)
    AssignmentFactory(member=world.member_a, household=far)
    client.force_login(world.liaison_a)
    response = client.get(url(world.member_a))
    assert response.status_code == 200
    assert "Thạch Thị Sà Vọng" in response.text
    assert "Kim Thị Ngọc" not in response.text


@pytest.mark.parametrize("extra", [0, 15])
def test_its_query_count_does_not_grow_with_households(client, world, django_assert_num_queries, extra):
    for _ in range(extra):
        AssignmentFactory(
            member=world.member_a, household=HouseholdFactory(hamlet=world.hamlet_a, station=world.station_a)
        )
    client.force_login(world.commander_a)
    # Session, user, second-factor device; scope: grants, member, unit subtree; the member; households;
    # their members in charge; the top bar's grants.
    with django_assert_num_queries(10):
        response = client.get(url(world.member_a))
    assert len(response.context["households"]) == 1 + extra
