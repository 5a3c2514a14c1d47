"""Support given to households: by program (count and VND), and loans from advice to disbursement."""

from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from longdan.support.models import Benefit, LoanStatus, SupportEvent, SupportProgram

from ..periods import Period
from ..scope import ReportScope

# Support counts as given when it reaches the household: a benefit that is not a loan, or a loan disbursed.
GIVEN = Q(loan_status="") | Q(loan_status=LoanStatus.DISBURSED)


def benefits_queryset(scope: ReportScope, period: Period) -> QuerySet[Benefit]:
    benefits = Benefit.objects.filter(GIVEN, given_on__gte=period.start, given_on__lte=period.end).order_by()
    return scope.filter_events(benefits)


def support_given(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Support given in the period, per program and in total.

    - benefits / value: Benefit rows of a station of the scope (or of one of its communes)
      dated in the period (`given_on`) that reached the household — any benefit that is not
      a loan, and loans once disbursed (a disbursed loan is dated on its disbursal day and
      valued at its amount); value is the sum of their `value` in VND;
    - events / people_served / medicine_value: SupportEvent rows of the scope (held in one of
      its communes) held in the period, the people they served and the medicine they gave (VND);
    - total_value: value + medicine_value.

    `programs` lists every program with something in the period, by name.
    """
    per_benefit: dict[int, Any] = {
        row["program_id"]: row
        for row in benefits_queryset(scope, period)
        .values("program_id")
        .annotate(benefits=Count("*"), value=Sum("value"))
    }
    events = scope.filter_events(
        SupportEvent.objects.filter(held_on__gte=period.start, held_on__lte=period.end).order_by(),
        commune="hamlet__commune_id",
    )
    per_event: dict[int, Any] = {
        row["program_id"]: row
        for row in events.values("program_id").annotate(
            events=Count("*"), people=Sum("people_served"), medicine=Sum("medicine_value")
        )
    }
    programs = SupportProgram.objects.filter(pk__in=per_benefit.keys() | per_event.keys()).order_by("name")
    rows = []
    for program in programs:
        benefit = per_benefit.get(program.pk, {})
        event = per_event.get(program.pk, {})
        rows.append(
            {
                "program_id": program.pk,
                "program": program.name,
                "kind": program.kind,
                "benefits": benefit.get("benefits", 0),
                "value": benefit.get("value") or 0,
                "events": event.get("events", 0),
                "people_served": event.get("people") or 0,
                "medicine_value": event.get("medicine") or 0,
            }
        )
    totals = {
        name: sum(row[name] for row in rows)
        for name in ("benefits", "value", "events", "people_served", "medicine_value")
    }
    return {**totals, "total_value": totals["value"] + totals["medicine_value"], "programs": rows}


def loans(scope: ReportScope, period: Period) -> dict[str, int]:
    """Loans (Benefit rows of a loan program) of the scope's stations or communes.

    - advised / advised_amount: loans recorded in the period (their `created_at`, local
      day), whatever became of them, and their amounts in VND. The record's date is used
      because `given_on` moves to the disbursal day when a loan is disbursed;
    - disbursed / disbursed_amount: loans disbursed in the period (status "disbursed",
      `given_on` — the disbursal day — in the period), and their amounts in VND.
    """
    start, end = period.bounds()
    all_loans = scope.filter_events(Benefit.objects.exclude(loan_status="").order_by())
    advised = all_loans.filter(created_at__gte=start, created_at__lt=end).aggregate(
        n=Count("*"), amount=Sum("loan_amount")
    )
    disbursed = all_loans.filter(
        loan_status=LoanStatus.DISBURSED, given_on__gte=period.start, given_on__lte=period.end
    ).aggregate(n=Count("*"), amount=Sum("loan_amount"))
    return {
        "advised": advised["n"],
        "advised_amount": advised["amount"] or 0,
        "disbursed": disbursed["n"],
        "disbursed_amount": disbursed["amount"] or 0,
    }


__all__ = ["benefits_queryset", "loans", "support_given"]
