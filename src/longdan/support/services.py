"""Writes for support: events, benefits, and a loan's steps from advice to disbursement."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.audit.services import audit_change, snapshot
from longdan.core.services import error, validate_and_save
from longdan.geo.models import Hamlet
from longdan.households.models import Household, Resident
from longdan.org.models import FIELD_UNIT_KINDS, Unit
from longdan.rollup.services import rollup_bump

from .models import LOAN_NEXT, Benefit, LoanStatus, ProgramKind, SupportEvent, SupportProgram


def _province_command(station: Unit) -> Unit:
    command = station.province_command()
    if command is None:
        raise error(_("The station is not under a provincial command."))
    return command


def _not_future(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise error(_("The date cannot be in the future."), field=field)


@transaction.atomic
def support_event_record(
    *,
    acting_user: Any,
    program: SupportProgram,
    station: Unit,
    title: str,
    held_on: date,
    hamlet: Hamlet | None = None,
    place: str = "",
    people_served: int = 0,
    medicine_value: int = 0,
    notes: str = "",
) -> SupportEvent:
    """Record a support event held by a station (the user must hold a role on it)."""
    if station.kind not in FIELD_UNIT_KINDS:
        raise error(_("Support events are held by a station or flotilla."), field="station")
    if not Unit.objects.visible_to(acting_user).filter(pk=station.pk).exists():
        raise PermissionDenied(_("You cannot record events for this station."))
    _not_future(held_on, "held_on")
    if people_served < 0 or medicine_value < 0:
        raise error(_("Numbers cannot be negative."))
    event = SupportEvent(
        program=program,
        station=station,
        province_command=_province_command(station),
        title=title,
        held_on=held_on,
        hamlet=hamlet,
        place=place,
        people_served=people_served,
        medicine_value=medicine_value,
        notes=notes,
        recorded_by=acting_user,
    )
    validate_and_save(event)
    audit_change(actor=acting_user, obj=event, before=None, after=snapshot(event))
    return event


@transaction.atomic
def benefit_record(
    *,
    acting_user: Any,
    program: SupportProgram,
    household: Household,
    given_on: date,
    value: int = 0,
    description: str = "",
    resident: Resident | None = None,
    event: SupportEvent | None = None,
    loan_amount: int | None = None,
) -> Benefit:
    """Record support given to a household (or one resident). A loan program starts the loan at "advised"."""
    if not Household.objects.visible_to(acting_user).filter(pk=household.pk).exists():
        raise PermissionDenied(_("You cannot record support for this household."))
    _not_future(given_on, "given_on")
    if resident is not None and resident.household_id != household.pk:
        raise error(_("The resident does not live in this household."), field="resident")
    if event is not None and event.station_id != household.station_id:
        raise error(_("The event belongs to another station."), field="event")
    is_loan = program.kind == ProgramKind.LOAN
    if is_loan and not loan_amount:
        raise error(_("Enter the loan amount."), field="loan_amount")
    benefit = Benefit(
        program=program,
        household=household,
        resident=resident,
        event=event,
        given_on=given_on,
        value=value,
        description=description,
        loan_amount=loan_amount if is_loan else None,
        loan_status=LoanStatus.ADVISED if is_loan else "",
        station=household.station,
        province_command=_province_command(household.station),
        commune=household.commune,
        recorded_by=acting_user,
    )
    validate_and_save(benefit)
    # A loan counts as support given when it is disbursed (loan_advance); until then it is advice.
    rollup_bump(
        station_id=benefit.station_id,
        day=given_on,
        benefits=int(not is_loan),
        benefits_value=0 if is_loan else value,
    )
    rollup_bump(station_id=benefit.station_id, day=benefit.created_at, loans_advised=int(is_loan))
    audit_change(actor=acting_user, obj=benefit, before=None, after=snapshot(benefit))
    return benefit


@transaction.atomic
def loan_advance(*, benefit: Benefit, acting_user: Any, to_status: str, on: date | None = None) -> Benefit:
    """Move a loan one step: advised → applied → approved → disbursed (or refused)."""
    benefit = Benefit.objects.select_for_update().get(pk=benefit.pk)
    if not Benefit.objects.visible_to(acting_user).filter(pk=benefit.pk).exists():
        raise PermissionDenied(_("You cannot change this loan."))
    if not benefit.is_loan:
        raise error(_("This support is not a loan."))
    if LoanStatus(to_status) not in LOAN_NEXT[LoanStatus(benefit.loan_status)]:
        raise error(
            _("A loan that is “%(status)s” cannot move to that step.")
            % {"status": benefit.get_loan_status_display()}
        )
    before = snapshot(benefit)
    benefit.loan_status = to_status
    if to_status == LoanStatus.DISBURSED:
        # The value of a loan counts as support when the money reaches the household.
        benefit.value = benefit.loan_amount or 0
        benefit.given_on = on or timezone.localdate()
        _not_future(benefit.given_on, "on")
    validate_and_save(benefit)
    if to_status == LoanStatus.DISBURSED:
        rollup_bump(
            station_id=benefit.station_id,
            day=benefit.given_on,
            benefits=1,
            benefits_value=benefit.value,
            loans_disbursed=1,
        )
    audit_change(actor=acting_user, obj=benefit, before=before, after=snapshot(benefit))
    return benefit
