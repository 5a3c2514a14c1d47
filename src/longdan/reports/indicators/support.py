"""Support given to households: by program (count and VND), and loans from advice to disbursement."""

from typing import Any

from django.db.models import Count, IntegerField, Q, QuerySet, Sum, Value

from longdan.support.models import Benefit, LoanStatus, SupportEvent, SupportProgram

from ..periods import Period
from ..scope import ReportScope
from ._statements import statement_rows

# Support counts as given when it reaches the household: a benefit that is not a loan, or a loan disbursed.
GIVEN = Q(loan_status="") | Q(loan_status=LoanStatus.DISBURSED)


def benefits_queryset(scope: ReportScope, period: Period) -> QuerySet[Benefit]:
    benefits = Benefit.objects.filter(GIVEN, given_on__gte=period.start, given_on__lte=period.end).order_by()
    return scope.filter_events(benefits)


def events_queryset(scope: ReportScope, period: Period) -> QuerySet[SupportEvent]:
    """Support events of the scope (held in one of its communes) held in the period."""
    events = SupportEvent.objects.filter(held_on__gte=period.start, held_on__lte=period.end).order_by()
    return scope.filter_events(events, commune="hamlet__commune_id")


_BENEFITS, _EVENTS = 1, 2


def _given_and_held(scope: ReportScope, period: Period) -> QuerySet[Any]:
    """(source, program, count, value, people served, medicine value) per program: benefits given
    (source 1) and events held (source 2), as one statement (UNION ALL)."""
    number = IntegerField()
    given = (
        benefits_queryset(scope, period)
        .values("program_id")
        .annotate(
            source=Value(_BENEFITS, output_field=number),
            n=Count("pk"),
            value=Sum("value"),
            people=Value(0, output_field=number),
            medicine=Value(0, output_field=number),
        )
        .values_list("source", "program_id", "n", "value", "people", "medicine")
    )
    held = (
        events_queryset(scope, period)
        .values("program_id")
        .annotate(
            source=Value(_EVENTS, output_field=number),
            n=Count("pk"),
            value=Value(0, output_field=number),
            people=Sum("people_served"),
            medicine=Sum("medicine_value"),
        )
        .values_list("source", "program_id", "n", "value", "people", "medicine")
    )
    return given.union(held, all=True).order_by()


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
    found: dict[int, dict[str, Any]] = {}

    def program_row(program_id: int, name: str, kind: str) -> dict[str, Any]:
        return found.setdefault(
            program_id,
            {"program_id": program_id, "program": name, "kind": kind, "benefits": 0, "value": 0, "events": 0,
             "people_served": 0, "medicine_value": 0},
        )  # fmt: skip

    # Grouped by the program id only (a join to the programs would make the database loop over them);
    # benefits and events in one statement, told apart by their first column.
    programs = {
        pk: (name, kind)
        for pk, name, kind in statement_rows(
            ("support_programs",), lambda: SupportProgram.objects.values_list("pk", "name", "kind")
        )
    }
    for source, program_id, n, value, people, medicine in statement_rows(
        ("support_given", scope, period), lambda: _given_and_held(scope, period)
    ):
        target = program_row(program_id, *programs[program_id])
        if source == _BENEFITS:
            target.update(benefits=n, value=value or 0)
        else:
            target.update(events=n, people_served=people or 0, medicine_value=medicine or 0)
    rows = sorted(found.values(), key=lambda r: r["program"])
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


__all__ = ["benefits_queryset", "events_queryset", "loans", "support_given"]
