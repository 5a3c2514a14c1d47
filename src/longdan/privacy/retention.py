"""Retention of closed records: after LONGDAN_RETENTION_YEARS[kind] years, their personal text is anonymised.

The choice: anonymise, do not delete. Indicators and reports count closed petitions (received,
resolved, on time) over the years, and consents and requests are the proof that the duties were
met; deleting the rows would change past reports and lose that proof. What identifies or describes
a person in free text is replaced by ANONYMISED; dates, states, categories and links to the
household (which has its own life) stay.

Per kind, counted from the closing:
- petition: closed, rejected or withdrawn (`state_changed_at`) — title, description, plan, the
  responsible body's name, and every event's note and reason;
- consent: withdrawn (`withdrawn_on`) — the reason for withdrawal;
- request: done or refused (`closed_on`) — notes, reason for refusal, the resident it named.

`longdan retention` shows what would change (dry run, the default); `--apply` does it in one
transaction with one audit row per record.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from longdan.audit.models import AuditAction, SystemReason
from longdan.audit.services import audit_record
from longdan.cases.models import FINAL_STATES, Case, CaseEvent

from .models import CLOSED_REQUEST_STATUSES, Consent, DataSubjectRequest

ANONYMISED = "[đã ẩn danh]"
KINDS = ("petition", "consent", "request")
CASE_TEXT = ("title", "description", "plan", "responsible_body_name")


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def cutoff(kind: str, today: date | None = None) -> date:
    """Records closed before this day are past retention."""
    return _years_before(today or timezone.localdate(), settings.LONGDAN_RETENTION_YEARS[kind])


def _petitions(today: date | None) -> QuerySet[Case]:
    limit = timezone.make_aware(datetime.combine(cutoff("petition", today), time.min))
    return Case.objects.filter(state__in=FINAL_STATES, state_changed_at__lt=limit).exclude(
        description=ANONYMISED
    )


def _consents(today: date | None) -> QuerySet[Consent]:
    return Consent.objects.filter(
        withdrawn_on__isnull=False, withdrawn_on__lt=cutoff("consent", today), anonymised_at__isnull=True
    )


def _requests(today: date | None) -> QuerySet[DataSubjectRequest]:
    return DataSubjectRequest.objects.filter(
        status__in=CLOSED_REQUEST_STATUSES, closed_on__lt=cutoff("request", today), anonymised_at__isnull=True
    )


@dataclass(frozen=True)
class RetentionPlan:
    """Per kind: the cut-off day and how many records are past it."""

    cutoffs: dict[str, date]
    counts: dict[str, int]


def retention_plan(*, today: date | None = None) -> RetentionPlan:
    return RetentionPlan(
        cutoffs={kind: cutoff(kind, today) for kind in KINDS},
        counts={
            "petition": _petitions(today).count(),
            "consent": _consents(today).count(),
            "request": _requests(today).count(),
        },
    )


def _audit(actor: Any, obj: Any, fields: list[str]) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=obj,
        changes={"anonymised": fields},
        reason=SystemReason.RETENTION,
    )


@transaction.atomic
def retention_apply(*, acting_user: Any = None, today: date | None = None) -> RetentionPlan:
    """Anonymise every record past retention; one audit row per record (the values are not kept there)."""
    plan = retention_plan(today=today)
    now = timezone.now()
    for case in _petitions(today).select_for_update():
        for name in CASE_TEXT:
            if getattr(case, name):
                setattr(case, name, ANONYMISED)
        # The description is required and is the marker of a case already done.
        case.description = ANONYMISED
        case.save(update_fields=[*CASE_TEXT, "updated_at"])
        CaseEvent.objects.filter(case=case).exclude(note="").update(note=ANONYMISED)
        CaseEvent.objects.filter(case=case).exclude(reason="").update(reason=ANONYMISED)
        _audit(acting_user, case, [*CASE_TEXT, "events.note", "events.reason"])
    for consent in _consents(today).select_for_update():
        consent.withdrawal_reason = ANONYMISED if consent.withdrawal_reason else ""
        consent.anonymised_at = now
        consent.save(update_fields=["withdrawal_reason", "anonymised_at", "updated_at"])
        _audit(acting_user, consent, ["withdrawal_reason"])
    for request in _requests(today).select_for_update():
        request.notes = ANONYMISED if request.notes else ""
        if request.refusal_reason:
            request.refusal_reason = ANONYMISED
        request.resident = None
        request.anonymised_at = now
        request.save(update_fields=["notes", "refusal_reason", "resident", "anonymised_at", "updated_at"])
        _audit(acting_user, request, ["notes", "refusal_reason", "resident"])
    return plan
