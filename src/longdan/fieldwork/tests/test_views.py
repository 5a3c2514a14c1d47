"""Field pages: who may open them, what they show, and 404 for another station's records."""

import re
import uuid
from datetime import timedelta

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from longdan.fieldwork.models import Topic, Visit, VisitCadence
from longdan.testing.factories import VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit_a(world):
    return VisitFactory(
        household=world.household_a, members=[world.member_a], visited_at=timezone.now() - timedelta(days=2)
    )


def logged_in(client, user):
    client.force_login(user)
    return client


def visit_post(world, **overrides):
    data = {
        "kind": "home",
        "visited_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "members": [world.member_a.pk],
        "topics": [Topic.objects.get(code="law").pk],
        "advice": ["loans"],
        "aspirations": "Muốn vay vốn tạo việc làm\nđể buôn bán nhỏ",
        "security_situation": "",
        "welfare_situation": "",
        "follow_up_on": "",
        "client_uuid": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


# ---------------------------------------------------------------- work today


def test_it_requires_login(client, world):
    for url in [
        reverse("work-today"),
        reverse("visit-create", args=[world.household_a.pk]),
        reverse("station-work", args=[world.station_a.pk]),
        reverse("cellmeeting-list"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_it_shows_the_members_work_today(client, world):
    response = logged_in(client, world.member_user).get(reverse("work-today"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thạch Thị Sà Vọng" in html
    assert reverse("visit-create", args=[world.household_a.pk]) in html
    assert "Lâm Văn Sơn" not in html  # member_a2's household


def test_a_commander_without_member_record_is_sent_to_the_station(client, world):
    response = logged_in(client, world.commander_a).get(reverse("work-today"))
    assert response.status_code == 302
    assert response["Location"] == reverse("station-work", args=[world.station_a.pk])


def test_a_liaison_has_no_work_list(client, world):
    # The message is checked in English; pages speak Vietnamese unless the user picks English.
    client.cookies["django_language"] = "en"
    response = logged_in(client, world.liaison_a).get(reverse("work-today"))
    assert response.status_code == 200
    assert "not linked to a field member" in response.content.decode()


# ---------------------------------------------------------------- log a visit


def test_the_visit_form_is_prefilled(client, world):
    response = logged_in(client, world.member_user).get(reverse("visit-create", args=[world.household_a.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thạch Thị Sà Vọng" in html
    assert re.search(r'type="hidden" name="client_uuid" value="[0-9a-f-]{36}"', html)
    assert re.search(r'name="kind" value="home"[^>]*checked', html)
    assert re.search(rf'name="members" value="{world.member_a.pk}"[^>]*checked', html)
    assert timezone.localtime().strftime("%Y-%m-%dT") in html
    # A member picks among the members he may see: himself.
    assert "Lê Văn Hai" not in html


def test_it_logs_a_visit(client, world):
    response = logged_in(client, world.member_user).post(
        reverse("visit-create", args=[world.household_a.pk]), visit_post(world)
    )
    visit = Visit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == visit.get_absolute_url() + "?saved=1"
    assert visit.household == world.household_a
    assert visit.recorded_by == world.member_user
    assert visit.aspirations == "Muốn vay vốn tạo việc làm\nđể buôn bán nhỏ"
    assert visit.advice == ["loans"]


def test_the_same_form_sent_twice_makes_one_visit(client, world):
    logged_in(client, world.member_user)
    data = visit_post(world)
    url = reverse("visit-create", args=[world.household_a.pk])
    first = client.post(url, data)
    second = client.post(url, data)
    assert Visit.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_an_invalid_visit_shows_the_errors(client, world):
    # The message is checked in English; pages speak Vietnamese unless the user picks English.
    client.cookies["django_language"] = "en"
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = logged_in(client, world.member_user).post(
        reverse("visit-create", args=[world.household_a.pk]), visit_post(world, visited_at=future)
    )
    assert response.status_code == 200
    assert "The visit cannot be in the future." in response.content.decode()
    assert not Visit.objects.exists()


def test_with_htmx_an_invalid_form_comes_back_alone(client, world):
    response = logged_in(client, world.member_user).post(
        reverse("visit-create", args=[world.household_a.pk]),
        visit_post(world, members=[]),
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith("<form")
    assert "<html" not in html


def test_with_htmx_a_saved_visit_redirects_the_page(client, world):
    response = logged_in(client, world.member_user).post(
        reverse("visit-create", args=[world.household_a.pk]),
        visit_post(world),
        headers={"HX-Request": "true"},
    )
    assert response["HX-Redirect"] == Visit.objects.get().get_absolute_url() + "?saved=1"


def test_after_saving_it_offers_the_next_steps(client, world, visit_a):
    response = logged_in(client, world.member_user).get(visit_a.get_absolute_url() + "?saved=1")
    html = response.content.decode()
    assert response.status_code == 200
    if not apps.is_installed("longdan.cases"):
        pytest.skip("the cases app is not installed: no petition button")
    petition_url = reverse("case-new")
    assert f"{petition_url}?household={world.household_a.pk}&amp;visit={visit_a.pk}" in html


@pytest.mark.parametrize(("app", "name"), [("longdan.intel", "tip-new"), ("longdan.support", "benefit-new")])
def test_after_saving_it_offers_a_tip_and_support_when_those_apps_are_there(
    client, world, visit_a, app, name
):
    if not apps.is_installed(app):
        pytest.skip(f"{app} is not installed")
    html = logged_in(client, world.member_user).get(visit_a.get_absolute_url()).content.decode()
    assert f"{reverse(name)}?household={world.household_a.pk}&amp;visit={visit_a.pk}" in html


def test_the_commander_logs_a_visit_with_two_members(client, world):
    response = logged_in(client, world.commander_a).post(
        reverse("visit-create", args=[world.household_a2.pk]),
        visit_post(world, members=[world.member_a2.pk, world.member_a.pk]),
    )
    assert response.status_code == 302
    assert set(Visit.objects.get().members.all()) == {world.member_a, world.member_a2}


@pytest.mark.parametrize("who", ["commander_b", "liaison_b", "liaison_a"])
def test_it_answers_404_for_a_household_out_of_reach(client, world, who):
    """Another station's commander, another commune's liaison, and a liaison (who reads, never records)."""
    response = logged_in(client, getattr(world, who)).get(
        reverse("visit-create", args=[world.household_a.pk])
    )
    assert response.status_code == 404
    response = client.post(reverse("visit-create", args=[world.household_a.pk]), visit_post(world))
    assert response.status_code == 404
    assert not Visit.objects.exists()


def test_a_member_gets_404_for_a_colleagues_household(client, world):
    response = logged_in(client, world.member_user).get(reverse("visit-create", args=[world.household_a2.pk]))
    assert response.status_code == 404


def test_it_answers_404_for_no_such_household(client, world):
    response = logged_in(client, world.commander_a).get(reverse("visit-create", args=[999999]))
    assert response.status_code == 404


# ---------------------------------------------------------------- a visit


@pytest.mark.parametrize("who", ["member_user", "commander_a", "province_user", "liaison_a", "admin_user"])
def test_a_visit_is_shown_to_those_who_see_the_household(client, world, visit_a, who):
    response = logged_in(client, getattr(world, who)).get(visit_a.get_absolute_url())
    assert response.status_code == 200
    assert "Thạch Thị Sà Vọng" in response.content.decode()


@pytest.mark.parametrize("who", ["commander_b", "liaison_b"])
def test_another_stations_visit_answers_404(client, world, visit_a, who):
    response = logged_in(client, getattr(world, who)).get(visit_a.get_absolute_url())
    assert response.status_code == 404


def test_the_visit_list_holds_only_visible_visits(client, world, visit_a):
    VisitFactory(household=world.household_b, members=[world.member_b])
    response = logged_in(client, world.commander_b).get(reverse("visit-list"))
    html = response.content.decode()
    assert "Sơn Thị Mỹ" in html
    assert "Thạch Thị Sà Vọng" not in html


def test_the_visit_list_filters_by_station_dates_and_kind(client, world):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    vn = ZoneInfo("Asia/Ho_Chi_Minh")
    late = VisitFactory(household=world.household_a, visited_at=datetime(2026, 10, 31, 23, 30, tzinfo=vn))
    early = VisitFactory(household=world.household_a, visited_at=datetime(2026, 9, 30, 23, 30, tzinfo=vn))
    phone = VisitFactory(
        household=world.household_a, kind="phone", visited_at=datetime(2026, 10, 15, 9, tzinfo=vn)
    )
    other = VisitFactory(household=world.household_b, visited_at=datetime(2026, 10, 20, 9, tzinfo=vn))
    client = logged_in(client, world.province_user)

    def listed(**query):
        response = client.get(reverse("visit-list"), query)
        assert response.status_code == 200
        return {visit.pk for visit in response.context["page"].object_list}

    assert listed() == {late.pk, early.pk, phone.pk, other.pk}
    assert listed(station=world.station_a.pk) == {late.pk, early.pk, phone.pk}
    # Local days: 23:30 on 31/10 is in October, 23:30 on 30/09 is not.
    assert listed(since="2026-10-01", until="2026-10-31") == {late.pk, phone.pk, other.pk}
    assert listed(since="01/10/2026", until="31/10/2026", kind="phone") == {phone.pk}
    response = client.get(reverse("visit-list"), {"since": "2026-10-31", "until": "2026-10-01"})
    assert "Ngày kết thúc trước ngày bắt đầu." in response.text


def test_the_visit_list_keeps_its_filters_from_page_to_page(client, world):
    from longdan.fieldwork.views import PAGE_SIZE

    for day in range(PAGE_SIZE + 1):
        VisitFactory(household=world.household_a, visited_at=timezone.now() - timedelta(days=day))
    response = logged_in(client, world.province_user).get(
        reverse("visit-list"), {"station": world.station_a.pk}
    )
    assert f"?station={world.station_a.pk}&amp;page=2" in response.text


def test_a_commander_of_one_station_is_not_offered_a_station_picker(client, world, visit_a):
    response = logged_in(client, world.commander_a).get(reverse("visit-list"))
    assert "station" not in response.context["form"].fields


# ---------------------------------------------------------------- station pages


@pytest.mark.parametrize("name", ["station-work", "station-coverage", "station-cadence"])
def test_the_station_pages_open_for_its_command(client, world, name):
    response = logged_in(client, world.commander_a).get(reverse(name, args=[world.station_a.pk]))
    assert response.status_code == 200
    assert "Đồn Biên phòng Vĩnh Hải" in response.content.decode()


@pytest.mark.parametrize("name", ["station-work", "station-coverage", "station-cadence"])
@pytest.mark.parametrize("who", ["commander_b", "liaison_a", "member_user"])
def test_the_station_pages_answer_404_to_others(client, world, name, who):
    response = logged_in(client, getattr(world, who)).get(reverse(name, args=[world.station_a.pk]))
    assert response.status_code == 404


def test_the_province_sees_a_stations_work(client, world):
    response = logged_in(client, world.province_user).get(reverse("station-work", args=[world.station_a.pk]))
    assert response.status_code == 200


def test_the_station_work_lists_members_and_expands_one_with_htmx(client, world):
    logged_in(client, world.commander_a)
    page = client.get(reverse("station-work", args=[world.station_a.pk])).content.decode()
    assert "Nguyễn Thiên Phú" in page and "Lê Văn Hai" in page
    url = reverse("station-member-work", args=[world.station_a.pk, world.member_a.pk])
    assert f'hx-get="{url}"' in page
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "Thạch Thị Sà Vọng" in fragment
    assert "<html" not in fragment
    assert "<html" in client.get(url).content.decode()  # without JavaScript: a whole page


def test_a_member_of_another_station_answers_404_on_the_member_work_page(client, world):
    url = reverse("station-member-work", args=[world.station_a.pk, world.member_b.pk])
    assert logged_in(client, world.commander_a).get(url).status_code == 404


def test_the_commander_changes_the_cadence(client, world):
    response = logged_in(client, world.commander_a).post(
        reverse("station-cadence", args=[world.station_a.pk]),
        {"priority_days": 5, "poor_days": 10, "other_days": 21},
    )
    assert response.status_code == 302
    assert VisitCadence.objects.get(station=world.station_a).other_days == 21


def test_a_bad_cadence_is_explained(client, world):
    # The message is checked in English; pages speak Vietnamese unless the user picks English.
    client.cookies["django_language"] = "en"
    response = logged_in(client, world.commander_a).post(
        reverse("station-cadence", args=[world.station_a.pk]),
        {"priority_days": 30, "poor_days": 10, "other_days": 5},
    )
    assert response.status_code == 200
    assert "at least as often" in response.content.decode()


def test_a_next_step_whose_page_does_not_exist_is_not_offered():
    from longdan.fieldwork.templatetags.fieldwork import first_url

    assert first_url(("no-such-page",), household=1) == ""
    assert first_url(("no-such-page", "visit-list"), household=1, visit=None) == "/visits/?household=1"


def test_the_work_list_speaks_vietnamese_by_default(world):
    from .conftest import make_client

    vietnamese = make_client()
    vietnamese.force_login(world.member_user)
    html = vietnamese.get(reverse("work-today")).content.decode()
    assert '<html lang="vi">' in html
    assert "Work today" not in html  # the heading comes through gettext
