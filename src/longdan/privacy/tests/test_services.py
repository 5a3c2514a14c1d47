"""Consents, data-subject requests and breaches: the services validate, check who acts, and audit."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from longdan.audit.models import AuditAction, AuditEntry
from longdan.privacy.models import (
    Breach,
    Consent,
    ConsentPurpose,
    DataSubjectRequest,
    RequestKind,
    RequestStatus,
    SensitiveCategory,
)
from longdan.privacy.services import (
    breach_record,
    breach_update,
    consent_record,
    consent_withdraw,
    request_advance,
    request_record,
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 10)


def consent(world, user=None, **overrides):
    arguments = {
        "acting_user": user or world.member_user,
        "household": world.household_a,
        "purpose": ConsentPurpose.HOUSEHOLD_RECORD,
        "notice_version": "2026-01",
        "given_on": TODAY,
    }
    return consent_record(**(arguments | overrides))


def test_it_records_a_consent_with_its_audit_row(world):
    given = consent(world)
    assert given.is_standing and given.recorded_by == world.member_user
    assert AuditEntry.objects.for_object(given).get().action == AuditAction.CREATE


def test_a_household_has_one_standing_consent_per_purpose(world):
    consent(world)
    with pytest.raises(ValidationError):
        consent(world)
    consent(world, purpose=ConsentPurpose.PHOTOS)


def test_it_withdraws_a_consent_and_a_new_one_may_follow(world):
    given = consent(world)
    withdrawn = consent_withdraw(
        acting_user=world.commander_a,
        consent=given,
        withdrawn_on=TODAY + timedelta(days=1),
        reason="Không muốn",
    )
    assert withdrawn.withdrawn_by == world.commander_a and not withdrawn.is_standing
    assert AuditEntry.objects.for_object(given).filter(action=AuditAction.UPDATE).exists()
    with pytest.raises(ValidationError):
        consent_withdraw(acting_user=world.commander_a, consent=withdrawn, withdrawn_on=TODAY)
    consent(world, given_on=TODAY + timedelta(days=2))


def test_a_withdrawal_cannot_come_before_the_consent(world):
    given = consent(world)
    with pytest.raises(ValidationError):
        consent_withdraw(acting_user=world.member_user, consent=given, withdrawn_on=TODAY - timedelta(days=1))


def test_consent_cannot_be_recorded_for_another_stations_household_or_by_a_liaison(world):
    with pytest.raises(PermissionDenied):
        consent(world, user=world.commander_b)
    with pytest.raises(PermissionDenied):
        consent(world, user=world.liaison_a)
    assert not Consent.objects.exists()


def test_consents_are_visible_as_the_household_is(world):
    given = consent(world)
    assert list(Consent.objects.visible_to(world.liaison_a)) == [given]
    assert not Consent.objects.visible_to(world.commander_b).exists()


def request(world, user=None, **overrides):
    arguments = {
        "acting_user": user or world.commander_a,
        "household": world.household_a,
        "kind": RequestKind.CORRECTION,
        "received_on": TODAY,
    }
    return request_record(**(arguments | overrides))


def test_a_request_is_due_72_hours_after_it_was_received(world):
    received = request(world)
    assert received.due_on == TODAY + timedelta(days=3)
    assert received.status == RequestStatus.RECEIVED
    assert AuditEntry.objects.for_object(received).get().action == AuditAction.CREATE


def test_the_deadline_follows_the_setting(world, settings):
    settings.LONGDAN_PRIVACY_REQUEST_DAYS = settings.LONGDAN_PRIVACY_REQUEST_DAYS | {"access": 20}
    assert request(world, kind=RequestKind.ACCESS).due_on == TODAY + timedelta(days=20)


def test_only_the_command_over_the_households_station_registers_requests(world):
    for outsider in (world.member_user, world.liaison_a, world.commander_b):
        with pytest.raises(PermissionDenied):
            request(world, user=outsider)
    assert request(world, user=world.province_user).household == world.household_a


def test_a_request_names_a_resident_of_its_household_only(world):
    from longdan.households.models import Resident

    stranger = Resident.objects.create(
        household=world.household_a2, full_name="Lâm Thị Mai", sex="female", relation="spouse"
    )
    with pytest.raises(ValidationError):
        request(world, resident=stranger)


def test_a_request_moves_to_done_and_records_who_handled_it(world):
    received = request(world)
    moving = request_advance(
        acting_user=world.commander_a, request=received, status=RequestStatus.IN_PROGRESS
    )
    done = request_advance(acting_user=world.province_user, request=moving, status=RequestStatus.DONE)
    assert done.handled_by == world.province_user and done.closed_on == timezone.localdate()
    with pytest.raises(ValidationError):
        request_advance(acting_user=world.commander_a, request=done, status=RequestStatus.IN_PROGRESS)


def test_a_refusal_needs_its_reason(world):
    received = request(world)
    with pytest.raises(ValidationError):
        request_advance(acting_user=world.commander_a, request=received, status=RequestStatus.REFUSED)
    refused = request_advance(
        acting_user=world.commander_a, request=received, status=RequestStatus.REFUSED, reason="Dữ liệu đúng"
    )
    assert refused.refusal_reason == "Dữ liệu đúng" and refused.is_closed


def test_the_register_shows_station_command_and_above_their_own_stations_only(world):
    mine = request(world)
    request(world, user=world.commander_b, household=world.household_b)
    assert list(DataSubjectRequest.objects.visible_to(world.commander_a)) == [mine]
    assert DataSubjectRequest.objects.visible_to(world.province_user).count() == 2
    assert DataSubjectRequest.objects.visible_to(world.admin_user).count() == 2
    for user in (world.member_user, world.liaison_a, world.commander_b):
        assert mine not in DataSubjectRequest.objects.visible_to(user)


def breach(world, user=None, **overrides):
    arguments = {
        "acting_user": user or world.province_user,
        "unit": world.station_a,
        "discovered_at": timezone.now() - timedelta(hours=10),
        "description": "Máy tính xách tay của đồn bị mất",
        "sensitive_categories": [SensitiveCategory.ETHNIC_ORIGIN, SensitiveCategory.POLITICAL_RELIGIOUS],
        "households_affected": 42,
    }
    return breach_record(**(arguments | overrides))


def test_it_registers_a_breach_with_its_72_hour_clock(world):
    recorded = breach(world)
    left = recorded.notification_left()
    assert timedelta(hours=61) < left < timedelta(hours=62)
    with translation.override("en"):  # the labels follow the active language (Vietnamese by default)
        assert recorded.sensitive_labels() == ["Racial or ethnic origin", "Political and religious views"]
    assert AuditEntry.objects.for_object(recorded).get().action == AuditAction.CREATE


def test_the_clock_runs_negative_when_overdue(world):
    late = breach(world, discovered_at=timezone.now() - timedelta(hours=80))
    assert late.notification_left() < timedelta(0)


def test_a_breach_names_known_categories_only(world):
    with pytest.raises(ValidationError):
        breach(world, sensitive_categories=["astrology"])


def test_only_province_command_and_administrators_keep_the_breach_register(world):
    for user in (world.commander_a, world.member_user, world.liaison_a):
        with pytest.raises(PermissionDenied):
            breach(world, user=user)
    breach(world, user=world.admin_user)
    assert Breach.objects.visible_to(world.province_user).count() == 1
    assert not Breach.objects.visible_to(world.commander_a).exists()


def test_it_records_when_a05_was_notified(world):
    recorded = breach(world)
    notified = timezone.now() - timedelta(hours=1)
    updated = breach_update(
        acting_user=world.province_user,
        breach=recorded,
        measures="Đổi mật khẩu",
        notified_authority_at=notified,
    )
    assert updated.notified_authority_at == notified
    with pytest.raises(ValidationError):
        breach_update(
            acting_user=world.province_user,
            breach=recorded,
            measures="",
            notified_authority_at=recorded.discovered_at - timedelta(hours=1),
        )
    with pytest.raises(PermissionDenied):
        breach_update(
            acting_user=world.commander_a, breach=recorded, measures="x", notified_authority_at=None
        )
