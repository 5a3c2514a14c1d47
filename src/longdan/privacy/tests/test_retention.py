"""`longdan retention`: a dry run changes nothing; --apply anonymises closed records past the limit, with audit rows."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from longdan.audit.models import AuditEntry
from longdan.cases.models import Case, CaseEvent
from longdan.privacy.models import Consent, ConsentPurpose, DataSubjectRequest, RequestKind, RequestStatus
from longdan.privacy.retention import ANONYMISED
from longdan.testing.factories import CaseFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=365 * 6)


@pytest.fixture
def old_records(world):
    closed = CaseFactory(household=world.household_a, state="closed", description="Bà Sà Vọng xin vay vốn")
    Case.objects.filter(pk=closed.pk).update(state_changed_at=LONG_AGO)
    CaseEvent.objects.create(
        case=closed, to_state="closed", actor=world.commander_a, note="Gọi cho bà", station=world.station_a
    )
    still_open = CaseFactory(household=world.household_a, description="Đang xử lý")
    Case.objects.filter(pk=still_open.pk).update(state_changed_at=LONG_AGO)
    recent = CaseFactory(household=world.household_a, state="closed", description="Mới đóng")
    withdrawn = Consent.objects.create(
        household=world.household_a,
        purpose=ConsentPurpose.PHOTOS,
        notice_version="2019",
        given_on=date(2019, 1, 1),
        withdrawn_on=date(2019, 6, 1),
        withdrawal_reason="Không muốn lên báo",
        recorded_by=world.commander_a,
    )
    done = DataSubjectRequest.objects.create(
        household=world.household_a,
        kind=RequestKind.CORRECTION,
        received_on=date(2020, 1, 1),
        due_on=date(2020, 1, 4),
        status=RequestStatus.DONE,
        closed_on=date(2020, 1, 3),
        notes="Sửa năm sinh của cháu",
        recorded_by=world.commander_a,
    )
    return {"closed": closed, "open": still_open, "recent": recent, "consent": withdrawn, "request": done}


def run(*args):
    out = StringIO()
    call_command("retention", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_counts_and_changes_nothing(old_records):
    audit_rows = AuditEntry.objects.count()
    out = run()
    assert "petition: 1 would be anonymised" in out
    assert "consent: 1 would be anonymised" in out and "request: 1 would be anonymised" in out
    assert Case.objects.get(pk=old_records["closed"].pk).description == "Bà Sà Vọng xin vay vốn"
    assert AuditEntry.objects.count() == audit_rows
    assert run("--dry-run") == out


def test_apply_anonymises_old_closed_records_and_keeps_the_rows(old_records):
    out = run("--apply")
    assert "petition: 1 anonymised" in out
    closed = Case.objects.get(pk=old_records["closed"].pk)
    assert closed.description == ANONYMISED and closed.title == ANONYMISED and closed.state == "closed"
    assert CaseEvent.objects.get(case=closed).note == ANONYMISED
    assert Case.objects.get(pk=old_records["open"].pk).description == "Đang xử lý"
    assert Case.objects.get(pk=old_records["recent"].pk).description == "Mới đóng"
    consent = Consent.objects.get(pk=old_records["consent"].pk)
    assert consent.withdrawal_reason == ANONYMISED and consent.anonymised_at is not None
    request = DataSubjectRequest.objects.get(pk=old_records["request"].pk)
    assert request.notes == ANONYMISED and request.status == RequestStatus.DONE
    for record in (closed, consent, request):
        assert AuditEntry.objects.for_object(record).filter(reason="retention").count() == 1


def test_apply_twice_does_nothing_the_second_time(old_records):
    run("--apply")
    assert "petition: 0 anonymised" in run("--apply")


def test_the_limits_follow_the_setting(old_records, settings):
    settings.LONGDAN_RETENTION_YEARS = settings.LONGDAN_RETENTION_YEARS | {"petition": 10}
    assert "petition: 0 would be anonymised" in run()
