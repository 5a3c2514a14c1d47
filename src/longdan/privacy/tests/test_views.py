"""Personal-data pages: the card's section, consent forms, the request register, the export, breaches; 404 elsewhere."""

import io
import json
import zipfile
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from longdan.audit.models import AuditAction, AuditEntry
from longdan.privacy.models import (
    Breach,
    Consent,
    ConsentPurpose,
    DataSubjectRequest,
    RequestKind,
    RequestStatus,
)
from longdan.privacy.services import breach_record, consent_record, request_record

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def given(world, household=None):
    return consent_record(
        acting_user=world.commander_a,
        household=household or world.household_a,
        purpose=ConsentPurpose.HOUSEHOLD_RECORD,
        notice_version="2026-01",
        given_on=date(2026, 1, 5),
    )


def registered(world, household=None, user=None, **overrides):
    arguments = {
        "acting_user": user or world.commander_a,
        "household": household or world.household_a,
        "kind": RequestKind.CORRECTION,
        "received_on": timezone.localdate() - timedelta(days=1),
    }
    return request_record(**(arguments | overrides))


# --- the household card ---------------------------------------------------------------------------


def test_the_card_shows_consents_and_the_members_form_link(client, world):
    given(world)
    page = login(client, world.member_user).get(world.household_a.get_absolute_url()).content.decode()
    assert "Personal data" in page and "Keeping the household&#x27;s record" in page
    assert reverse("privacy-consent-new", args=[world.household_a.pk]) in page
    # A field member neither registers requests nor exports.
    assert reverse("privacy-household-export", args=[world.household_a.pk]) not in page


def test_the_card_offers_the_command_the_register_and_the_export(client, world):
    page = login(client, world.commander_a).get(world.household_a.get_absolute_url()).content.decode()
    assert reverse("privacy-household-export", args=[world.household_a.pk]) in page
    assert reverse("privacy-request-new", args=[world.household_a.pk]) in page


def test_a_liaison_reads_consents_but_records_none(client, world):
    given(world)
    login(client, world.liaison_a)
    page = client.get(world.household_a.get_absolute_url()).content.decode()
    assert "Keeping the household&#x27;s record" in page
    assert reverse("privacy-consent-new", args=[world.household_a.pk]) not in page
    assert client.get(reverse("privacy-consent-new", args=[world.household_a.pk])).status_code == 403


def test_a_member_records_and_withdraws_consent(client, world):
    login(client, world.member_user)
    response = client.post(
        reverse("privacy-consent-new", args=[world.household_a.pk]),
        {"purpose": "photos", "notice_version": "2026-01", "given_on": "2026-02-01"},
    )
    assert response.status_code == 302
    consent = Consent.objects.get(household=world.household_a)
    response = client.post(
        reverse("privacy-consent-withdraw", args=[consent.pk]),
        {"withdrawn_on": "2026-02-03", "reason": "Đổi ý"},
    )
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == date(2026, 2, 3) and consent.withdrawn_by == world.member_user


def test_consent_pages_answer_404_for_another_stations_household(client, world):
    consent = given(world)
    login(client, world.commander_b)
    assert client.get(reverse("privacy-consent-new", args=[world.household_a.pk])).status_code == 404
    assert client.post(reverse("privacy-consent-withdraw", args=[consent.pk])).status_code == 404


# --- the request register -------------------------------------------------------------------------


def test_the_command_registers_a_request_with_its_due_date(client, world):
    login(client, world.commander_a)
    response = client.post(
        reverse("privacy-request-new", args=[world.household_a.pk]),
        {"kind": "deletion", "received_on": timezone.localdate().isoformat(), "notes": "Xóa số điện thoại"},
    )
    request = DataSubjectRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == request.get_absolute_url()
    assert request.due_on == timezone.localdate() + timedelta(days=3)


def test_the_register_lists_filters_and_pages_within_scope(client, world):
    mine = registered(world)
    registered(world, household=world.household_a2, kind=RequestKind.ACCESS)
    theirs = registered(world, household=world.household_b, user=world.commander_b)
    login(client, world.commander_a)
    page = client.get(reverse("privacy-request-list")).content.decode()
    assert "Thạch Thị Sà Vọng" in page and "Lâm Văn Sơn" in page and "Sơn Thị Mỹ" not in page
    page = client.get(reverse("privacy-request-list"), {"kind": "correction"}).content.decode()
    assert "Thạch Thị Sà Vọng" in page and "Lâm Văn Sơn" not in page
    page = client.get(reverse("privacy-request-list"), {"q": "sa vong"}).content.decode()
    assert mine.get_absolute_url() in page and "Lâm Văn Sơn" not in page
    assert client.get(theirs.get_absolute_url()).status_code == 404
    province = login(client, world.province_user).get(reverse("privacy-request-list")).content.decode()
    assert "Sơn Thị Mỹ" in province


def test_the_register_is_for_station_command_and_above(client, world):
    for user in (world.member_user, world.liaison_a):
        assert login(client, user).get(reverse("privacy-request-list")).status_code == 403
    assert client.get(reverse("privacy-request-new", args=[world.household_a.pk])).status_code == 404


def test_the_register_shows_overdue_requests(client, world):
    late = registered(world, received_on=timezone.localdate() - timedelta(days=10))
    registered(world, household=world.household_a2)
    login(client, world.commander_a)
    page = client.get(reverse("privacy-request-list"), {"overdue": "on"}).content.decode()
    assert late.get_absolute_url() in page and "Lâm Văn Sơn" not in page and "Overdue" in page


def test_the_register_reads_a_page_in_a_fixed_number_of_queries(client, world):
    for _ in range(3):
        registered(world)
    login(client, world.commander_a)
    client.get(reverse("privacy-request-list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("privacy-request-list"))
    for _ in range(5):
        registered(world, household=world.household_a2)
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("privacy-request-list"))
    assert len(more) == len(few)


def test_a_request_moves_on_and_a_refusal_needs_a_reason(client, world):
    request = registered(world)
    login(client, world.commander_a)
    url = request.get_absolute_url()
    response = client.post(url, {"status": "refused", "reason": ""})
    assert response.status_code == 200 and "A refusal needs its reason." in response.content.decode()
    assert client.post(url, {"status": "in_progress"}).status_code == 302
    assert client.post(url, {"status": "done", "note": "Đã sửa"}).status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.DONE and request.handled_by == world.commander_a
    assert client.post(url, {"status": "in_progress"}).status_code == 403


# --- the export -----------------------------------------------------------------------------------


def test_the_command_downloads_the_households_export(client, world):
    given(world)
    response = login(client, world.commander_a).get(
        reverse("privacy-household-export", args=[world.household_a.pk])
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("household.json"))
    assert data["household"]["head_name"] == "Thạch Thị Sà Vọng" and len(data["consents"]) == 1
    assert AuditEntry.objects.for_object(world.household_a).filter(action=AuditAction.EXPORT).count() == 1


def test_the_export_answers_404_outside_the_command(client, world):
    url = reverse("privacy-household-export", args=[world.household_a.pk])
    for user in (world.member_user, world.liaison_a, world.commander_b):
        assert login(client, user).get(url).status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


# --- the breach register --------------------------------------------------------------------------


def test_the_province_registers_a_breach_and_sees_its_clock(client, world):
    login(client, world.province_user)
    discovered = timezone.localtime() - timedelta(hours=80)
    response = client.post(
        reverse("privacy-breach-new"),
        {
            "unit": world.station_a.pk,
            "discovered_at": discovered.strftime("%Y-%m-%dT%H:%M"),
            "description": "Danh sách hộ bị gửi nhầm qua Zalo",
            "basic_data": "on",
            "sensitive_categories": ["ethnic_origin", "political_religious"],
            "households_affected": "12",
        },
    )
    breach = Breach.objects.get()
    assert response.status_code == 302
    assert breach.sensitive_categories == ["ethnic_origin", "political_religious"]
    page = client.get(breach.get_absolute_url()).content.decode()
    assert "Overdue by 8 h" in page and "Racial or ethnic origin" in page
    listing = client.get(reverse("privacy-breach-list")).content.decode()
    assert "Overdue by 8 h" in listing


def test_the_clock_counts_down_in_vietnam_time(client, world):
    breach = breach_record(
        acting_user=world.province_user,
        unit=world.station_a,
        discovered_at=timezone.now() - timedelta(hours=2),
        description="Mất USB",
    )
    page = login(client, world.province_user).get(breach.get_absolute_url()).content.decode()
    due = timezone.localtime(breach.notification_due_at)
    assert "69 h" in page and f"due {due:%d/%m/%Y %H:%M}" in page


def test_the_province_records_the_notification_to_a05(client, world):
    breach = breach_record(
        acting_user=world.province_user,
        unit=world.station_a,
        discovered_at=timezone.now() - timedelta(hours=1),
        description="x",
    )
    login(client, world.province_user)
    at = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        breach.get_absolute_url(), {"measures": "Đổi mật khẩu", "notified_authority_at": at}
    )
    assert response.status_code == 302
    breach.refresh_from_db()
    assert breach.notified_authority_at is not None and breach.measures == "Đổi mật khẩu"


def test_the_breach_register_is_for_the_province_and_administrators(client, world):
    breach = breach_record(
        acting_user=world.province_user, unit=world.station_a, discovered_at=timezone.now(), description="x"
    )
    for user in (world.commander_a, world.member_user, world.liaison_a):
        login(client, user)
        assert client.get(reverse("privacy-breach-list")).status_code == 403
        assert client.get(breach.get_absolute_url()).status_code == 404
    assert login(client, world.admin_user).get(breach.get_absolute_url()).status_code == 200
