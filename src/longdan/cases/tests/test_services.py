"""Services: opening a petition, the inputs each move needs, deadlines, overdue, notes, the liaison's reach."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from longdan.cases.models import Case, CaseEvent, CaseState, CategoryDeadline, deadline_days
from longdan.cases.services import (
    case_add_note,
    case_answer,
    case_close,
    case_open,
    case_plan,
    case_propose,
    case_refer,
    case_reject,
    case_reopen,
    case_resolve,
    case_withdraw,
)
from longdan.testing.factories import CaseFactory, HamletFactory, HouseholdFactory

pytestmark = pytest.mark.django_db


def open_for_a(world, **kwargs):
    defaults = {
        "household": world.household_a,
        "category": "livelihood_loans",
        "description": "Xin hướng dẫn vay vốn giải quyết việc làm để buôn bán nhỏ.",
        "acting_user": world.member_user,
    }
    return case_open(**{**defaults, **kwargs})


def test_it_opens_a_petition_with_its_first_event(world):
    case = open_for_a(world)
    assert case.state == CaseState.RECEIVED
    assert case.title == "Xin hướng dẫn vay vốn giải quyết việc làm để buôn bán nhỏ."
    assert (case.station, case.commune, case.province_command) == (
        world.station_a,
        world.commune_a,
        world.command,
    )
    assert (case.recorded_by_member, case.recorded_by_user) == (world.member_a, world.member_user)
    [event] = case.events.all()
    assert (event.from_state, event.to_state, event.actor) == ("", "received", world.member_user)


def test_it_keeps_text_nfc(world):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Thạch Thị Sà Vọng xin vay vốn")
    case = open_for_a(world, description=decomposed, title=decomposed)
    case.refresh_from_db()
    assert case.description == unicodedata.normalize("NFC", decomposed)
    assert case.title == unicodedata.normalize("NFC", decomposed)


def test_it_opens_a_hamlet_petition_from_a_cell_meeting(world):
    case = case_open(
        hamlet=world.hamlet_a,
        category="infrastructure",
        description="Đường vào ấp sạt lở.",
        acting_user=world.member_user,
    )
    assert (case.household, case.hamlet, case.station, case.commune) == (
        None,
        world.hamlet_a,
        world.station_a,
        world.commune_a,
    )


def test_it_needs_exactly_one_origin(world):
    with pytest.raises(ValidationError):
        open_for_a(world, hamlet=world.hamlet_a)
    with pytest.raises(ValidationError):
        open_for_a(world, household=None)
    assert not Case.objects.exists()


def test_the_database_refuses_two_origins(world):
    from django.db import IntegrityError, transaction

    case = CaseFactory(household=world.household_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(hamlet=world.hamlet_a)


def test_only_the_member_in_charge_or_the_command_opens_a_household_petition(world, other_member_user):
    for outsider in (other_member_user, world.commander_b, world.liaison_a, world.liaison_b):
        with pytest.raises(PermissionDenied):
            open_for_a(world, acting_user=outsider)
    assert not Case.objects.exists()
    assert open_for_a(world, acting_user=world.commander_a).recorded_by_member is None
    assert open_for_a(world, acting_user=world.province_user).station == world.station_a


def test_a_member_of_another_station_cannot_open_for_our_hamlet(world):
    from longdan.accounts.models import Role
    from longdan.testing.factories import UserFactory, grant

    user = UserFactory()
    world.member_b.user = user
    world.member_b.save()
    grant(user, Role.MEMBER, world.station_b)
    with pytest.raises(PermissionDenied):
        case_open(hamlet=world.hamlet_a, category="other", description="x", acting_user=user)


def test_received_on_cannot_be_in_the_future(world):
    with pytest.raises(ValidationError) as caught:
        open_for_a(world, received_on=timezone.localdate() + timedelta(days=1))
    assert "received_on" in caught.value.message_dict


@pytest.mark.parametrize(("category", "days"), [("land", 30), ("security_order", 7), ("health", 15)])
def test_the_due_date_comes_from_the_category(world, category, days):
    received = date(2026, 1, 20)
    case = open_for_a(world, category=category, received_on=received)
    assert case.due_on == received + timedelta(days=days)


def test_a_station_may_set_its_own_deadline(world):
    CategoryDeadline.objects.create(station=world.station_a, category="land", days=45)
    assert deadline_days(category="land", station_id=world.station_a.pk) == 45
    assert deadline_days(category="land", station_id=world.station_b.pk) == 30
    case = open_for_a(world, category="land", received_on=date(2026, 3, 1))
    assert case.due_on == date(2026, 4, 15)


def test_without_rows_the_shipped_default_applies(world):
    CategoryDeadline.objects.all().delete()
    assert deadline_days(category="security_order", station_id=None) == 7


def test_the_whole_road_to_closed(world):
    """The article's case: a job-creation loan, from the household's request to closing."""
    case = open_for_a(world)
    case_propose(case=case, acting_user=world.member_user, note="Hộ nghèo, cần vốn buôn bán nhỏ")
    case_plan(case=case, acting_user=world.commander_a, plan="Phối hợp NHCSXH hướng dẫn hồ sơ")
    case_refer(case=case, acting_user=world.commander_a, referred_to="social_policy_bank")
    case_resolve(case=case, acting_user=world.liaison_a, note="Đã giải ngân 50 triệu đồng")
    case_answer(case=case, acting_user=world.member_user, note="Đã báo hộ")
    case_close(case=case, acting_user=world.commander_a)
    assert case.state == CaseState.CLOSED
    assert case.plan == "Phối hợp NHCSXH hướng dẫn hồ sơ"
    assert case.responsible_body == "social_policy_bank"
    assert list(case.events.values_list("to_state", flat=True)) == [
        "received",
        "proposed",
        "planned",
        "referred",
        "resolved",
        "answered",
        "closed",
    ]


def test_planning_needs_the_plan(world):
    case = CaseFactory(household=world.household_a, state="proposed")
    with pytest.raises(ValidationError) as caught:
        case_plan(case=case, acting_user=world.commander_a, plan="   ")
    assert "plan" in caught.value.message_dict
    assert CaseEvent.objects.count() == 0


def test_referring_needs_a_body_from_the_list_and_a_name_for_another_agency(world):
    case = CaseFactory(household=world.household_a, state="planned")
    for kwargs, field in (
        ({"referred_to": ""}, "referred_to"),
        ({"referred_to": "district_court"}, "referred_to"),
        ({"referred_to": "other"}, "referred_to_name"),
    ):
        with pytest.raises(ValidationError) as caught:
            case_refer(case=case, acting_user=world.commander_a, **kwargs)
        assert field in caught.value.message_dict
    case_refer(case=case, acting_user=world.commander_a, referred_to="other", referred_to_name="Phòng TN-MT")
    with translation.override("en"):
        assert case.responsible_display() == "Other agency: Phòng TN-MT"


@pytest.mark.parametrize("service", [case_reject, case_withdraw, case_reopen])
def test_reject_withdraw_reopen_need_a_reason(world, service):
    state = "closed" if service is case_reopen else "received"
    case = CaseFactory(household=world.household_a, state=state)
    with pytest.raises(ValidationError) as caught:
        service(case=case, acting_user=world.commander_a, reason="")
    assert "reason" in caught.value.message_dict
    case.refresh_from_db()
    assert case.state == state
    service(case=case, acting_user=world.commander_a, reason="Hộ đã tự giải quyết")
    assert case.events.get().reason == "Hộ đã tự giải quyết"


def test_reopen_restarts_the_deadline(world):
    case = CaseFactory(
        household=world.household_a,
        state="rejected",
        category="land",
        received_on=date(2025, 1, 1),
        due_on=date(2025, 1, 31),
    )
    case_reopen(case=case, acting_user=world.commander_a, reason="Có tình tiết mới", to_state="proposed")
    assert case.state == CaseState.PROPOSED
    assert case.due_on == timezone.localdate() + timedelta(days=30)


def test_reopen_goes_only_to_received_or_proposed(world):
    case = CaseFactory(household=world.household_a, state="closed")
    with pytest.raises(ValidationError):
        case_reopen(case=case, acting_user=world.commander_a, reason="x", to_state="planned")


def test_a_stale_instance_is_judged_by_the_row(world):
    """Two people on the same page: the second move is checked against the state the first one left."""
    case = CaseFactory(household=world.household_a, state="received")
    stale = Case.objects.get(pk=case.pk)
    case_propose(case=case, acting_user=world.member_user)
    with pytest.raises(ValidationError):
        case_propose(case=stale, acting_user=world.commander_a)
    assert case.events.count() == 1


class TestTheLiaison:
    def test_resolves_a_case_referred_to_a_body_of_their_commune(self, world):
        case = CaseFactory(household=world.household_a, state="referred", responsible_body="commune_police")
        case_resolve(case=case, acting_user=world.liaison_a, note="Công an xã đã hòa giải")
        assert case.state == CaseState.RESOLVED

    def test_not_one_referred_to_the_station_or_another_agency(self, world):
        for body in ("station", "other"):
            case = CaseFactory(household=world.household_a, state="referred", responsible_body=body)
            with pytest.raises(PermissionDenied):
                case_resolve(case=case, acting_user=world.liaison_a)
            case.refresh_from_db()
            assert case.state == "referred"

    def test_not_one_of_another_commune(self, world):
        case = CaseFactory(
            household=world.household_b, state="referred", responsible_body="commune_committee"
        )
        with pytest.raises(PermissionDenied):
            case_resolve(case=case, acting_user=world.liaison_a)
        case_resolve(case=case, acting_user=world.liaison_b)

    def test_adds_notes_to_their_cases_only(self, world):
        ours = CaseFactory(
            household=world.household_a, state="referred", responsible_body="commune_committee"
        )
        event = case_add_note(case=ours, acting_user=world.liaison_a, note="UBND xã đang xác minh")
        assert (event.from_state, event.to_state, event.is_note) == ("referred", "referred", True)
        theirs = CaseFactory(
            household=world.household_b, state="referred", responsible_body="commune_committee"
        )
        with pytest.raises(PermissionDenied):
            case_add_note(case=theirs, acting_user=world.liaison_a, note="x")
        assert theirs.events.count() == 0


def test_a_note_needs_text(world):
    case = CaseFactory(household=world.household_a)
    with pytest.raises(ValidationError):
        case_add_note(case=case, acting_user=world.member_user, note="  ")


def test_a_reassigned_member_can_no_longer_act(world):
    from longdan.assignments.services import household_reassign

    case = CaseFactory(household=world.household_a, state="received")
    household_reassign(household=world.household_a, member=world.member_a2)
    with pytest.raises(PermissionDenied):
        case_propose(case=case, acting_user=world.member_user)


def test_the_member_who_recorded_a_hamlet_case_acts_on_it(world, other_member_user):
    case = case_open(
        hamlet=world.hamlet_a, category="environment", description="Rác thải", acting_user=world.member_user
    )
    case_propose(case=case, acting_user=world.member_user)
    with pytest.raises(PermissionDenied):
        case_withdraw(case=case, acting_user=other_member_user, reason="x")


class TestOverdue:
    def test_open_cases_past_their_due_date(self, world):
        today = date(2026, 10, 15)
        late = CaseFactory(
            household=world.household_a, received_on=date(2026, 9, 1), due_on=date(2026, 10, 14)
        )
        due_today = CaseFactory(household=world.household_a, received_on=date(2026, 9, 1), due_on=today)
        CaseFactory(
            household=world.household_a,
            received_on=date(2026, 9, 1),
            due_on=date(2026, 10, 1),
            state="answered",
        )
        CaseFactory(
            household=world.household_a,
            received_on=date(2026, 9, 1),
            due_on=date(2026, 10, 1),
            state="closed",
        )
        resolved_late = CaseFactory(
            household=world.household_a,
            received_on=date(2026, 9, 1),
            due_on=date(2026, 10, 1),
            state="resolved",
        )
        assert set(Case.objects.overdue(today)) == {late, resolved_late}
        assert late.is_overdue_on(today) and not due_today.is_overdue_on(today)

    def test_the_flag_uses_the_local_date(self, world):
        case = CaseFactory(
            household=world.household_a,
            received_on=timezone.localdate() - timedelta(days=20),
            due_on=timezone.localdate() - timedelta(days=1),
        )
        assert case.is_overdue
        assert Case.objects.overdue().get() == case

    def test_a_new_household_in_a_new_hamlet_gets_its_station(self, world):
        hamlet = HamletFactory(commune=world.commune_b)
        household = HouseholdFactory(hamlet=hamlet, station=world.station_b)
        case = case_open(
            household=household, category="other", description="x", acting_user=world.commander_b
        )
        assert (case.station, case.commune) == (world.station_b, world.commune_b)
