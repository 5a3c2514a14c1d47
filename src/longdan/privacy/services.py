"""Writes for personal-data duties: consents, data-subject requests, breaches. Each runs in a transaction,
validates the row, and writes its audit row."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.audit.services import audit_change, snapshot
from longdan.core.services import error, validate_and_save
from longdan.fieldwork.selectors import may_record_for_household
from longdan.households.models import Household, Resident
from longdan.org.models import Unit

from .models import (
    REQUEST_NEXT,
    Breach,
    Consent,
    DataSubjectRequest,
    RequestStatus,
    may_handle_household,
    may_keep_breaches_of,
    request_due_on,
)


def _not_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise error(_("The date cannot be in the future."), field=field)


@transaction.atomic
def consent_record(
    *, acting_user: Any, household: Household, purpose: str, notice_version: str, given_on: date
) -> Consent:
    """Record that the household consented to `purpose` after being shown notice `notice_version`."""
    if not may_record_for_household(acting_user, household):
        raise PermissionDenied(_("You cannot record consent for this household."))
    _not_future(given_on, "given_on")
    consent = Consent(
        household=household,
        purpose=purpose,
        notice_version=notice_version,
        given_on=given_on,
        recorded_by=acting_user,
    )
    validate_and_save(consent)
    audit_change(actor=acting_user, obj=consent, before=None, after=snapshot(consent))
    return consent


@transaction.atomic
def consent_withdraw(*, acting_user: Any, consent: Consent, withdrawn_on: date, reason: str = "") -> Consent:
    """Withdraw a standing consent. The row stays, as proof of what was consented to and until when."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if not may_record_for_household(acting_user, consent.household):
        raise PermissionDenied(_("You cannot record consent for this household."))
    if not consent.is_standing:
        raise error(_("This consent was already withdrawn."))
    _not_future(withdrawn_on, "withdrawn_on")
    before = snapshot(consent)
    consent.withdrawn_on = withdrawn_on
    consent.withdrawn_by = acting_user
    consent.withdrawal_reason = reason
    validate_and_save(consent)
    audit_change(actor=acting_user, obj=consent, before=before, after=snapshot(consent))
    return consent


@transaction.atomic
def request_record(
    *,
    acting_user: Any,
    household: Household,
    kind: str,
    received_on: date,
    resident: Resident | None = None,
    notes: str = "",
) -> DataSubjectRequest:
    """Register a request received from a household; its due date follows from the kind (request_due_on)."""
    if not may_handle_household(acting_user, household):
        raise PermissionDenied(_("You cannot handle requests for this household."))
    _not_future(received_on, "received_on")
    request = DataSubjectRequest(
        household=household,
        resident=resident,
        kind=kind,
        received_on=received_on,
        due_on=request_due_on(kind, received_on),
        notes=notes,
        recorded_by=acting_user,
    )
    validate_and_save(request)
    audit_change(actor=acting_user, obj=request, before=None, after=snapshot(request))
    return request


@transaction.atomic
def request_advance(
    *, acting_user: Any, request: DataSubjectRequest, status: str, reason: str = "", note: str = ""
) -> DataSubjectRequest:
    """Move a request on: received → in progress → done, or refused with a reason. The one who moves it
    is recorded as handling it."""
    request = DataSubjectRequest.objects.select_for_update().get(pk=request.pk)
    if not may_handle_household(acting_user, request.household):
        raise PermissionDenied(_("You cannot handle requests for this household."))
    if status not in REQUEST_NEXT.get(request.status, ()):
        raise error(_("This request cannot move to that status."), field="status")
    if status == RequestStatus.REFUSED and not reason.strip():
        raise error(_("A refusal needs its reason."), field="reason")
    before = snapshot(request)
    request.status = status
    request.handled_by = acting_user
    if status == RequestStatus.REFUSED:
        request.refusal_reason = reason
    if status in (RequestStatus.DONE, RequestStatus.REFUSED):
        request.closed_on = timezone.localdate()
    if note.strip():
        request.notes = f"{request.notes}\n{note}".strip()
    validate_and_save(request)
    audit_change(actor=acting_user, obj=request, before=before, after=snapshot(request))
    return request


@transaction.atomic
def breach_record(
    *,
    acting_user: Any,
    unit: Unit,
    discovered_at: datetime,
    description: str,
    basic_data: bool = True,
    sensitive_categories: list[str] | None = None,
    households_affected: int = 0,
    measures: str = "",
) -> Breach:
    """Register a breach in a unit the user keeps the register for (province command and above)."""
    if not may_keep_breaches_of(acting_user, unit):
        raise PermissionDenied(_("You cannot keep the breach register for this unit."))
    if discovered_at > timezone.now():
        raise error(_("The date cannot be in the future."), field="discovered_at")
    breach = Breach(
        unit=unit,
        discovered_at=discovered_at,
        description=description,
        basic_data=basic_data,
        sensitive_categories=list(sensitive_categories or []),
        households_affected=households_affected,
        measures=measures,
        recorded_by=acting_user,
    )
    validate_and_save(breach)
    audit_change(actor=acting_user, obj=breach, before=None, after=snapshot(breach))
    return breach


@transaction.atomic
def breach_update(
    *, acting_user: Any, breach: Breach, measures: str, notified_authority_at: datetime | None
) -> Breach:
    """Record the measures taken and when A05 was notified."""
    if not Breach.objects.visible_to(acting_user).filter(pk=breach.pk).exists():
        raise PermissionDenied(_("You cannot keep the breach register for this unit."))
    if notified_authority_at and notified_authority_at > timezone.now():
        raise error(_("The date cannot be in the future."), field="notified_authority_at")
    before = snapshot(breach)
    breach.measures = measures
    breach.notified_authority_at = notified_authority_at
    validate_and_save(breach)
    audit_change(actor=acting_user, obj=breach, before=before, after=snapshot(breach))
    return breach
