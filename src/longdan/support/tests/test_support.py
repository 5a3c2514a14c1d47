from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from longdan.audit.models import AuditEntry
from longdan.support.models import Benefit, LoanStatus, ProgramKind, SupportEvent, SupportProgram
from longdan.support.services import benefit_record, loan_advance, support_event_record

pytestmark = pytest.mark.django_db


def program(kind):
    return SupportProgram.objects.filter(kind=kind).first()


def test_default_programs_exist():
    names = set(SupportProgram.objects.values_list("name", flat=True))
    assert {"Nâng bước em tới trường", "Con nuôi Đồn Biên phòng", "Mái ấm biên cương"} <= names


def test_the_article_loan_goes_from_advice_to_disbursement(world):
    loan = benefit_record(
        acting_user=world.member_user,
        program=program(ProgramKind.LOAN),
        household=world.household_a,
        given_on=date(2025, 3, 1),
        loan_amount=30_000_000,
        description="Vay vốn buôn bán nhỏ",
    )
    assert loan.loan_status == LoanStatus.ADVISED and loan.value == 0
    for step in (LoanStatus.APPLIED, LoanStatus.APPROVED):
        loan = loan_advance(benefit=loan, acting_user=world.member_user, to_status=step)
    loan = loan_advance(
        benefit=loan, acting_user=world.commander_a, to_status=LoanStatus.DISBURSED, on=date(2025, 5, 10)
    )
    assert loan.loan_status == LoanStatus.DISBURSED
    assert loan.value == 30_000_000
    assert loan.given_on == date(2025, 5, 10)
    assert AuditEntry.objects.for_object(loan).count() == 4


def test_a_loan_cannot_skip_steps(world):
    loan = benefit_record(
        acting_user=world.member_user,
        program=program(ProgramKind.LOAN),
        household=world.household_a,
        given_on=date(2025, 3, 1),
        loan_amount=10_000_000,
    )
    with pytest.raises(ValidationError):
        loan_advance(benefit=loan, acting_user=world.member_user, to_status=LoanStatus.DISBURSED)
    loan.refresh_from_db()
    assert loan.loan_status == LoanStatus.ADVISED


def test_a_loan_needs_its_amount(world):
    with pytest.raises(ValidationError):
        benefit_record(
            acting_user=world.member_user,
            program=program(ProgramKind.LOAN),
            household=world.household_a,
            given_on=date(2025, 3, 1),
        )
    assert not Benefit.objects.exists()


def test_support_for_a_household_out_of_scope_is_refused(world):
    with pytest.raises(PermissionDenied):
        benefit_record(
            acting_user=world.member_user,
            program=program(ProgramKind.GIFT),
            household=world.household_b,
            given_on=date(2025, 1, 20),
            value=500_000,
        )


def test_benefits_carry_station_and_commune_of_the_time(world):
    gift = benefit_record(
        acting_user=world.commander_a,
        program=program(ProgramKind.GIFT),
        household=world.household_a,
        given_on=date(2025, 1, 20),
        value=500_000,
    )
    assert gift.station == world.station_a
    assert gift.province_command == world.command
    assert gift.commune == world.commune_a


def test_benefit_visibility_follows_the_household(world):
    gift = benefit_record(
        acting_user=world.commander_a,
        program=program(ProgramKind.GIFT),
        household=world.household_a,
        given_on=date(2025, 1, 20),
        value=500_000,
    )
    assert Benefit.objects.visible_to(world.member_user).get() == gift
    assert not Benefit.objects.visible_to(world.commander_b).exists()
    assert not Benefit.objects.visible_to(world.liaison_b).exists()


def test_a_medical_camp(world):
    camp = support_event_record(
        acting_user=world.commander_a,
        program=program(ProgramKind.MEDICAL),
        station=world.station_a,
        title="Khám bệnh, cấp thuốc miễn phí tại ấp Âu Thọ A",
        held_on=date(2025, 8, 15),
        hamlet=world.hamlet_a,
        people_served=320,
        medicine_value=45_000_000,
    )
    assert SupportEvent.objects.visible_to(world.liaison_a).get() == camp
    assert SupportEvent.objects.visible_to(world.member_user).get() == camp
    assert not SupportEvent.objects.visible_to(world.commander_b).exists()
    assert not SupportEvent.objects.visible_to(world.liaison_b).exists()


def test_another_station_cannot_record_an_event_here(world):
    with pytest.raises(PermissionDenied):
        support_event_record(
            acting_user=world.commander_b,
            program=program(ProgramKind.MEDICAL),
            station=world.station_a,
            title="x",
            held_on=date(2025, 8, 15),
        )
