"""`longdan demo`: the seed case holds what the issue promises, and the logins see what their role allows."""

from collections import Counter
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from longdan.accounts.models import Role, RoleGrant
from longdan.accounts.services import DEMO_TOTP_SECRET
from longdan.assignments.models import CellParticipation
from longdan.geo.models import AdminUnit, Hamlet, UnitSuccession
from longdan.households.models import Household, PovertyAssessment
from longdan.households.poverty import PovertyCategory
from longdan.households.selectors import get_household_for_user
from longdan.org.models import PartyCell, Unit, UnitArea, UnitKind
from longdan.people.models import Member, Rank

from ... import seed_case
from .helpers import PASSWORD, households_of, login_request, user

pytestmark = pytest.mark.django_db


# The numbers of the seed article ------------------------------------------------------------


def test_it_has_exactly_75_members_each_in_charge_of_4_to_6_households():
    assert Member.objects.count() == 75
    per_member = Member.objects.annotate(
        n=Count("assignments", filter=Q(assignments__end_date__isnull=True, assignments__role="primary"))
    )
    assert {m.n for m in per_member} <= {4, 5, 6}


def test_it_has_about_350_households_each_with_exactly_one_open_primary_member():
    assert 340 <= Household.objects.count() <= 360
    open_primary = Count(
        "assignments", filter=Q(assignments__end_date__isnull=True, assignments__role="primary")
    )
    counts = Counter(Household.objects.annotate(n=open_primary).values_list("n", flat=True))
    assert set(counts) == {1}


def test_households_have_residents_and_a_poverty_history():
    households = Household.objects.annotate(residents_n=Count("residents", distinct=True))
    assert all(h.residents_n >= 1 for h in households)
    average = sum(h.residents_n for h in households) / len(households)
    assert 4.0 <= average <= 5.0
    years = set(PovertyAssessment.objects.values_list("assessed_on__year", flat=True))
    assert {2022, 2023, 2024, 2025} <= years
    # Some climb out of poverty, some stay poor.
    first = {}
    for assessment in PovertyAssessment.objects.order_by("assessed_on", "id"):
        first.setdefault(assessment.household_id, assessment.category)
    latest = dict(Household.objects.values_list("pk", "poverty_category"))
    climbed = [
        pk for pk, category in first.items() if category == PovertyCategory.POOR and latest[pk] == "average"
    ]
    stayed = [
        pk for pk, category in first.items() if category == PovertyCategory.POOR and latest[pk] == "poor"
    ]
    assert climbed and stayed


def test_lai_hoa_households_are_about_70_percent_khmer():
    ethnicities = Counter(Household.objects.filter(commune__code="31810").values_list("ethnicity", flat=True))
    assert 0.65 <= ethnicities["Khmer"] / sum(ethnicities.values()) <= 0.75


# The communes: current units under Cần Thơ, each traceable to its legacy unit ----------------


def test_it_covers_11_current_communes_of_can_tho_each_traceable_to_its_former_commune():
    communes = AdminUnit.objects.filter(area_links__unit__code__startswith="DBP-").distinct()
    assert communes.count() == 11
    assert set(Household.objects.values_list("commune", flat=True)) == set(
        communes.values_list("pk", flat=True)
    )
    for commune in communes.select_related("parent"):
        assert commune.is_current and commune.level == "commune"
        assert commune.parent.code == "92" and commune.parent.is_current
        predecessors = UnitSuccession.objects.filter(successor=commune).select_related(
            "predecessor__parent__parent"
        )
        legacy = {s.predecessor for s in predecessors}
        assert {p.parent.code for p in legacy} & {"950", "951", "945"}
        assert all(p.parent.parent.code == "94" for p in legacy if p.parent.code in {"950", "951", "945"})
        for hamlet in Hamlet.objects.filter(commune=commune).select_related("legacy_commune"):
            assert hamlet.legacy_commune in legacy


def test_lai_hoa_covers_xa_lai_hoa_and_the_former_xa_vinh_tan():
    areas = UnitArea.objects.filter(unit__code="DBP-LH").select_related("commune", "legacy_commune")
    assert {(a.commune.code, a.legacy_commune.code if a.legacy_commune else None) for a in areas} == {
        ("31810", None),
        ("31804", "31807"),
    }
    vinh_tan = next(a for a in areas if a.legacy_commune)
    assert vinh_tan.commune.name == "Phường Vĩnh Phước"
    assert vinh_tan.legacy_commune.name == "Xã Vĩnh Tân"
    assert vinh_tan.legacy_commune.parent.name == "Thị xã Vĩnh Châu"


def test_every_station_has_hamlets_with_a_cell_and_its_secretary():
    for station in Unit.objects.filter(kind=UnitKind.STATION):
        hamlets = Hamlet.objects.filter(households__station=station).distinct()
        assert hamlets.count() >= 3
    assert PartyCell.objects.filter(hamlet__isnull=False, secretary_name="").count() == 0
    assert Hamlet.objects.filter(cell__isnull=True, households__isnull=False).count() == 0


# The people the seed article names ----------------------------------------------------------


def test_thieu_uy_nguyen_thien_phu_is_in_charge_of_thach_thi_sa_vong():
    phu = Member.objects.get(full_name="Nguyễn Thiên Phú")
    assert phu.rank == Rank.THIEU_UY
    assert phu.position == "Đội trưởng Đội Tham mưu hành chính"
    assert phu.unit.name == "Đồn Biên phòng Vĩnh Hải"
    sa_vong = Household.objects.get(head_name="Thạch Thị Sà Vọng")
    assert sa_vong.hamlet.name == "Ấp Âu Thọ A"
    assert sa_vong.commune.code == "31795" and sa_vong.commune.parent.code == "92"
    assert sa_vong.ethnicity == "Khmer"
    assert sa_vong.pk in households_of(phu)


def test_thieu_uy_pham_hoai_duc_attends_the_cell_of_ap_xung_thum_a():
    duc = Member.objects.get(full_name="Phạm Hoài Đức")
    assert duc.rank == Rank.THIEU_UY
    assert duc.position == "Phó đội trưởng Đội Vận động quần chúng"
    assert duc.unit.name == "Đồn Biên phòng Lai Hòa"
    cell = PartyCell.objects.get(hamlet__name="Ấp Xung Thum A", hamlet__commune__code="31810")
    assert cell.secretary_name == "Phan Thúy Mừng"
    assert CellParticipation.objects.filter(member=duc, cell=cell, end_date__isnull=True).exists()


def test_dai_ta_nguyen_triu_men_is_the_commands_political_commissar():
    men = Member.objects.get(full_name="Nguyễn Trìu Mến")
    assert men.rank == Rank.DAI_TA
    assert men.position == "Chính ủy"
    assert men.unit.kind == UnitKind.PROVINCE_COMMAND
    assert men.unit.name == "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sóc Trăng"
    assert men.unit.province.code == "92"
    assert men.unit.parent.kind == UnitKind.HQ


def test_the_five_stations_sit_under_the_provincial_command():
    command = Unit.objects.get(code=seed_case.COMMAND_CODE)
    stations = Unit.objects.filter(parent=command, kind=UnitKind.STATION)
    assert sorted(s.name for s in stations) == sorted(
        f"Đồn Biên phòng {name}" for name in ("Vĩnh Hải", "Lai Hòa", "Vĩnh Phước", "Trần Đề", "Cù Lao Dung")
    )
    assert Unit.objects.filter(parent__in=stations, kind=UnitKind.TEAM).exists()


# Logins ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "role", "unit_code"),
    [
        ("demo-member", Role.MEMBER, "DBP-VH"),
        ("demo-station", Role.STATION_COMMAND, "DBP-VH"),
        ("demo-station-laihoa", Role.STATION_COMMAND, "DBP-LH"),
        ("demo-province", Role.PROVINCE_COMMAND, "BCH-ST"),
        ("demo-commune", Role.COMMUNE_LIAISON, None),
        ("demo-admin", Role.ADMIN, None),
    ],
)
def test_each_login_authenticates_with_the_demo_password_and_holds_its_role(username, role, unit_code):
    account = authenticate(login_request(), username=username, password=PASSWORD)
    assert account is not None and account.username == username
    assert account.first_name and account.last_name
    grant = RoleGrant.objects.active().get(user=account)
    assert grant.role == role
    assert (grant.unit.code if grant.unit else None) == unit_code


def test_the_logins_are_linked_to_the_right_people():
    assert user("demo-member").member.full_name == "Nguyễn Thiên Phú"
    commander = user("demo-station").member
    assert commander.unit.code == "DBP-VH" and commander.position == "Đồn trưởng"
    assert user("demo-station-laihoa").member.unit.code == "DBP-LH"
    assert user("demo-province").member.full_name == "Nguyễn Trìu Mến"
    grant = RoleGrant.objects.get(user__username="demo-commune")
    assert [c.code for c in grant.communes.all()] == ["31795"]
    admin = user("demo-admin")
    assert admin.is_staff and admin.is_superuser


def test_it_prints_the_logins(demo):
    for username in seed_case.USERNAMES:
        assert username in demo
    assert PASSWORD in demo
    assert "Nguyễn Thiên Phú" in demo


def test_it_prints_how_the_command_logins_pass_the_second_factor(demo):
    # The sentence is translated; the command, the names and the key are not.
    note = next(line for line in demo.splitlines() if "longdan otp_code" in line)
    assert DEMO_TOTP_SECRET in note
    for username in ("demo-station", "demo-station-laihoa", "demo-province", "demo-admin"):
        assert username in note
    assert "demo-member" not in note and "demo-commune" not in note


@pytest.mark.parametrize("username", ["demo-station", "demo-station-laihoa", "demo-province", "demo-admin"])
def test_a_command_login_passes_the_second_factor_with_the_printed_code(client, username):
    out = StringIO()
    call_command("otp_code", username, stdout=out)
    code = out.getvalue().strip()
    assert len(code) == 6 and code.isdigit()
    client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert client.get(reverse("home")).url.startswith(reverse("otp-verify"))
    assert client.post(reverse("otp-verify"), {"code": code}).status_code == 302
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize("username", ["demo-member", "demo-commune"])
def test_member_and_commune_logins_need_no_second_factor(client, username):
    assert not TOTPDevice.objects.filter(user__username=username).exists()
    client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert client.get(reverse("home")).status_code == 200
    with pytest.raises(CommandError):
        call_command("otp_code", username, stdout=StringIO())


# Scoping ---------------------------------------------------------------------------------------


def test_demo_member_sees_only_his_households_including_sa_vong():
    phu = Member.objects.get(full_name="Nguyễn Thiên Phú")
    visible = set(Household.objects.visible_to(user("demo-member")).values_list("pk", flat=True))
    assert visible == households_of(phu)
    assert Household.objects.get(head_name="Thạch Thị Sà Vọng").pk in visible


def test_demo_station_sees_only_vinh_hai_households():
    visible = Household.objects.visible_to(user("demo-station"))
    assert set(visible.values_list("station__code", flat=True)) == {"DBP-VH"}
    assert visible.count() == Household.objects.filter(station__code="DBP-VH").count()


def test_demo_station_laihoa_sees_none_of_vinh_hai():
    visible = Household.objects.visible_to(user("demo-station-laihoa"))
    assert visible.exists()
    assert not visible.filter(station__code="DBP-VH").exists()
    assert not visible.filter(head_name="Thạch Thị Sà Vọng").exists()


def test_demo_station_laihoa_gets_404_for_sa_vong_and_demo_member_gets_her_card(client):
    sa_vong = Household.objects.get(head_name="Thạch Thị Sà Vọng")
    with pytest.raises(Http404):
        get_household_for_user(user("demo-station-laihoa"), sa_vong.pk)
    assert get_household_for_user(user("demo-station"), sa_vong.pk) == sa_vong
    # A field member needs no second factor, so the page itself can be asked.
    client.force_login(user("demo-member"))
    response = client.get(sa_vong.get_absolute_url())
    assert response.status_code == 200
    assert "Thạch Thị Sà Vọng" in response.text


def test_demo_province_and_commune_see_their_part():
    province = Household.objects.visible_to(user("demo-province"))
    assert province.count() == Household.objects.count()
    commune = Household.objects.visible_to(user("demo-commune"))
    assert set(commune.values_list("commune__code", flat=True)) == {"31795"}


def test_search_sa_vong_without_diacritics_finds_her():
    found = Household.objects.search("sa vong")
    assert [h.head_name for h in found] == ["Thạch Thị Sà Vọng"]
