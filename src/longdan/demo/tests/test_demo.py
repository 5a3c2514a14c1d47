"""`longdan demo`: the seed case and its year of work hold what the issues promise, and the logins see
what their role allows.

The official units and the demo are loaded once for the module, inside a transaction
rolled back at the end (as geo's `official_units` fixture does), so other modules
never see them; each test runs in its own savepoint inside it.
"""

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from longdan.accounts.models import Role, RoleGrant, User
from longdan.accounts.services import DEMO_TOTP_SECRET
from longdan.assignments.models import AssignmentRole, CellParticipation, HouseholdAssignment
from longdan.cases.models import COMMUNE_BODIES, Case, CaseEvent, CaseState, Category, ResponsibleBody
from longdan.fieldwork.cadence import cadence_class, cadences_for
from longdan.fieldwork.models import Advice, CellMeeting, MeetingIssue, Visit
from longdan.geo.models import AdminUnit, Hamlet, UnitSuccession
from longdan.households.models import Household, PovertyAssessment
from longdan.households.poverty import PovertyCategory
from longdan.households.selectors import get_household_for_user
from longdan.intel.models import Tip, TipStatus
from longdan.org.models import PartyCell, Unit, UnitArea, UnitKind
from longdan.people.models import Member, Rank
from longdan.rollup.models import MonthlyStationStats
from longdan.support.models import Benefit, LoanStatus, ProgramKind, SupportEvent

from .. import seed_case
from ..activity import period
from ..selectors import demo_is_loaded

pytestmark = pytest.mark.django_db

PASSWORD = "longdan-demo"
STATION_CODES = [spec.code for spec in seed_case.STATIONS]


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """Run `longdan demo` (which loads the official units first) once; yield what it printed."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = StringIO()
            call_command("demo", stdout=out)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield out.getvalue()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def user(username: str) -> User:
    # A fresh object each time: the scope is cached on the user instance.
    return User.objects.get(username=username)


def login_request() -> HttpRequest:
    # The lock-out backend (django-axes) counts attempts per request, so authenticate() needs one.
    return RequestFactory().post("/login/")


def households_of(member: Member) -> set[int]:
    return set(
        HouseholdAssignment.objects.filter(
            member=member, role=AssignmentRole.PRIMARY, end_date__isnull=True
        ).values_list("household_id", flat=True)
    )


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


# A year of work ------------------------------------------------------------------------------


def demo_households() -> list[Household]:
    return list(Household.objects.filter(station__code__in=STATION_CODES).order_by("pk"))


def local(moment: Any) -> date:
    return timezone.localdate(moment)


def test_every_household_is_visited_all_year_at_its_cadence_with_gaps():
    households = demo_households()
    visits = Visit.objects.filter(station__code__in=STATION_CODES)
    assert 4_000 <= visits.count() <= 7_500
    by_household: dict[int, list[date]] = defaultdict(list)
    for household_id, visited_at in visits.order_by("visited_at").values_list("household_id", "visited_at"):
        by_household[household_id].append(local(visited_at))
    assert set(by_household) == {h.pk for h in households}
    days = [day for days in by_household.values() for day in days]
    assert min(days) >= period.START and max(days) <= period.END
    assert len({(day.year, day.month) for day in days}) == 12
    cadences = cadences_for({h.station_id for h in households})
    late, gappy = [], 0
    for household in households:
        every = cadences[household.station_id].days(cadence_class(household))
        seen = by_household[household.pk]
        late.append((period.END - seen[-1]).days - every)
        gappy += any((b - a).days > 1.5 * every for a, b in itertools.pairwise(seen))
    # On the year's last day most are within their cadence, some are overdue — by days or weeks, never months.
    overdue = [days for days in late if days > 0]
    assert 0.05 * len(households) <= len(overdue) <= 0.5 * len(households)
    assert max(late) <= 45
    assert gappy >= 0.1 * len(households)


def test_about_150_petitions_in_every_state_from_visits_and_cell_meetings():
    cases = Case.objects.filter(station__code__in=STATION_CODES)
    assert 140 <= cases.count() <= 160
    states = Counter(cases.values_list("state", flat=True))
    assert set(states) == set(CaseState.values)
    assert states[CaseState.CLOSED] == max(states.values())  # the year's old petitions are done with
    assert all(period.START <= day <= period.END for day in cases.values_list("received_on", flat=True))
    assert cases.filter(source_visit__isnull=False).count() >= 100
    assert cases.filter(hamlet__isnull=False, source_meeting_issue__isnull=False).count() >= 10
    assert len(set(cases.values_list("category", flat=True))) >= 9
    assert cases.overdue(today=period.END).exists()
    for case in cases.filter(state__in=[CaseState.REJECTED, CaseState.WITHDRAWN]):
        assert case.events.get(to_state=case.state).reason


def test_each_step_of_a_petition_was_taken_when_it_happened_by_whose_step_it_is():
    commanders = set(
        RoleGrant.objects.filter(role=Role.STATION_COMMAND, unit__code__in=STATION_CODES).values_list(
            "user_id", flat=True
        )
    )
    liaison = user("demo-commune")
    months = set()
    cases = Case.objects.filter(station__code__in=STATION_CODES).prefetch_related("events")
    for case in cases:
        events = sorted(case.events.all(), key=lambda e: (e.at, e.pk))
        # Received on the day of the visit or the meeting, typed in then or the next morning.
        assert 0 <= (local(events[0].at) - case.received_on).days <= 1
        assert events[0].to_state == CaseState.RECEIVED
        assert events[-1].to_state == case.state
        for before, after in itertools.pairwise(events):
            assert after.from_state == before.to_state
        for event in events:
            day = local(event.at)
            months.add((day.year, day.month))
            assert day <= period.END
            if event.to_state in (
                CaseState.PLANNED,
                CaseState.REFERRED,
                CaseState.CLOSED,
                CaseState.REJECTED,
            ):
                assert event.actor_id in commanders
            if (
                event.to_state == CaseState.RESOLVED
                and case.commune.code == "31795"
                and case.responsible_body in COMMUNE_BODIES
            ):
                assert event.actor_id == liaison.pk
    assert len(months) == 12
    reopened = CaseEvent.objects.filter(
        case__in=cases, from_state__in=[CaseState.CLOSED, CaseState.RESOLVED], to_state=CaseState.PROPOSED
    )
    assert reopened.exists() and all(event.reason for event in reopened)


def test_sa_vong_was_advised_on_a_job_creation_loan_for_small_trade_and_the_loan_was_disbursed():
    her = Household.objects.get(head_name=seed_case.SA_VONG)
    loan = Benefit.objects.get(household=her, program__kind=ProgramKind.LOAN)
    assert loan.loan_status == LoanStatus.DISBURSED
    assert loan.loan_amount == loan.value == 50_000_000
    assert "buôn bán nhỏ" in loan.description
    petition = Case.objects.get(household=her, category=Category.LIVELIHOOD_LOANS)
    assert petition.state == CaseState.CLOSED
    assert petition.responsible_body == ResponsibleBody.SOCIAL_POLICY_BANK
    visit = petition.source_visit
    assert visit.advice == [Advice.LOANS, Advice.LIVELIHOOD]
    assert [m.full_name for m in visit.members.all()] == ["Nguyễn Thiên Phú"]
    steps = [(e.to_state, e.actor.username) for e in petition.events.order_by("at", "pk")]
    assert steps == [
        (CaseState.RECEIVED, "demo-member"),
        (CaseState.PROPOSED, "demo-member"),
        (CaseState.PLANNED, "demo-station"),
        (CaseState.REFERRED, "demo-station"),
        (CaseState.RESOLVED, "demo-commune"),
        (CaseState.ANSWERED, "demo-member"),
        (CaseState.CLOSED, "demo-station"),
    ]
    assert (
        local(visit.visited_at) <= loan.given_on <= local(petition.events.get(to_state=CaseState.RESOLVED).at)
    )


def test_sa_vong_was_poor_and_is_near_poor_now():
    her = Household.objects.get(head_name=seed_case.SA_VONG)
    assert her.poverty_category == PovertyCategory.NEAR_POOR
    reviews = list(her.assessments.order_by("assessed_on", "pk"))
    assert [r.category for r in reviews[:-1]] == [PovertyCategory.POOR] * (len(reviews) - 1)
    assert reviews[-1].category == PovertyCategory.NEAR_POOR
    disbursed = Benefit.objects.get(household=her, program__kind=ProgramKind.LOAN).given_on
    assert reviews[-2].assessed_on < disbursed < reviews[-1].assessed_on


def test_twenty_tips_passed_to_the_reconnaissance_team_and_some_acted_on():
    tips = Tip.objects.filter(station__code__in=STATION_CODES)
    assert tips.count() == 20
    assert set(tips.values_list("status", flat=True)) == set(TipStatus.values)
    assert len(set(tips.values_list("category", flat=True))) >= 6
    for tip in tips.exclude(status=TipStatus.RECEIVED):
        assert tip.receiving_team.code == f"{tip.station.code}-TS"
    assert all(tip.outcome for tip in tips.filter(status=TipStatus.ACTED_ON))
    # Each heard by the member in charge of the household it came from, on the day of a visit there.
    for tip in tips:
        assert Visit.objects.filter(
            recorded_by=tip.recorded_by, visited_at__date=local(tip.received_at)
        ).exists()


def test_two_medical_camps_a_scholarship_ceremony_gifts_livelihood_and_loans():
    events = SupportEvent.objects.filter(station__code__in=STATION_CODES)
    camps = events.filter(program__kind=ProgramKind.MEDICAL)
    assert camps.count() == 2
    assert all(camp.hamlet and camp.people_served > 100 and camp.medicine_value > 0 for camp in camps)
    ceremony = events.get(program__kind=ProgramKind.SCHOLARSHIP)
    assert "Nâng bước em tới trường" in ceremony.title
    pupils = ceremony.benefits.all()
    assert pupils.count() >= 5 and all(b.resident for b in pupils)
    assert "Lâm Sô Phol" in {b.resident.full_name for b in pupils}
    assert events.filter(program__kind=ProgramKind.GIFT).count() == len(STATION_CODES)
    benefits = Benefit.objects.filter(station__code__in=STATION_CODES)
    assert benefits.count() >= 200
    # Loans at every step of the bank's process, each moved by the member who advised it.
    loans = benefits.exclude(loan_status="")
    assert set(loans.values_list("loan_status", flat=True)) == set(LoanStatus.values)
    assert benefits.filter(program__kind=ProgramKind.LIVELIHOOD).exists()


def test_the_hamlet_cells_members_attend_meet_every_month():
    meetings = CellMeeting.objects.filter(station__code__in=STATION_CODES)
    for cell in PartyCell.objects.filter(participations__end_date__isnull=True).distinct():
        held = meetings.filter(cell=cell)
        assert {(m.held_on.year, m.held_on.month) for m in held} >= {(2025, 12), (2026, 6), (2026, 10)}
        assert 11 <= held.count() <= 12
        members = set(cell.participations.filter(end_date__isnull=True).values_list("member_id", flat=True))
        for meeting in held.prefetch_related("attendees"):
            assert {m.pk for m in meeting.attendees.all()} <= members
    issues = MeetingIssue.objects.filter(meeting__in=meetings)
    assert issues.count() >= 100
    assert issues.filter(cases__isnull=False).count() >= 10


def test_each_member_records_under_their_own_account_and_only_the_six_logins_can_log_in():
    members = Member.objects.select_related("user")
    assert all(m.user_id for m in members)
    usable = {m.user.username for m in members if m.user.has_usable_password()}
    assert usable == {"demo-member", "demo-station", "demo-station-laihoa", "demo-province"}
    sample = Visit.objects.filter(station__code__in=STATION_CODES).select_related("recorded_by__member")[:300]
    for visit in sample:
        assert visit.recorded_by.member in visit.members.all()


def test_the_monthly_rollup_counts_what_the_services_recorded():
    stations = list(Unit.objects.filter(code__in=STATION_CODES).values_list("pk", flat=True))
    totals = MonthlyStationStats.objects.filter(station_id__in=stations).aggregate(
        visits=Sum("visits"), cases=Sum("cases_received"), meetings=Sum("meetings")
    )
    assert totals == {
        "visits": Visit.objects.filter(station_id__in=stations).count(),
        "cases": Case.objects.filter(station_id__in=stations).count(),
        "meetings": CellMeeting.objects.filter(station_id__in=stations).count(),
    }


def test_it_prints_the_years_activity(demo):
    visits = Visit.objects.filter(station__code__in=STATION_CODES).count()
    line = next(line for line in demo.splitlines() if str(visits) in line)
    assert "01/12/2025" in line and "27/11/2026" in line


# Running it again ---------------------------------------------------------------------------


def counts() -> tuple[int, ...]:
    models = (Member, Household, Unit, User, Visit, Case, CaseEvent, Tip, Benefit, CellMeeting)
    return tuple(model.objects.count() for model in models)


def test_running_it_again_changes_nothing_and_still_prints_the_logins():
    before = counts()
    out = StringIO()
    call_command("demo", stdout=out)
    assert counts() == before
    assert "demo-member" in out.getvalue() and PASSWORD in out.getvalue()


def the_year() -> tuple[Any, ...]:
    """What the year's activity looks like, without ids (a reset makes new rows)."""
    return (
        sorted(Visit.objects.values_list("household__code", "visited_at", "kind", "aspirations")),
        sorted(Case.objects.values_list("title", "received_on", "state", "household__code", "hamlet__name")),
        sorted(Tip.objects.values_list("received_at", "status")),
        sorted(Benefit.objects.values_list("household__code", "given_on", "value", "loan_status")),
        sorted(CellMeeting.objects.values_list("cell__name", "held_on")),
    )


def test_reset_loads_the_same_demo_again():
    heads = sorted(Household.objects.values_list("code", "head_name"))
    year = the_year()
    users = User.objects.count()
    admin_pk = user("demo-admin").pk
    call_command("demo", "--reset", stdout=StringIO())
    assert demo_is_loaded()
    assert sorted(Household.objects.values_list("code", "head_name")) == heads
    assert the_year() == year
    assert User.objects.count() == users  # every account kept, and taken over again
    assert Member.objects.count() == 75
    # The accounts are kept (the audit trail may point at them) and granted again.
    assert user("demo-admin").pk == admin_pk
    assert authenticate(login_request(), username="demo-member", password=PASSWORD) is not None
    assert RoleGrant.objects.filter(user__username__in=seed_case.USERNAMES).count() == 6
