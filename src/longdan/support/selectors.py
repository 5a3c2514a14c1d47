"""Reads for support: always through visible_to."""

from datetime import timedelta
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from longdan.geo.models import Hamlet
from longdan.org.models import FIELD_UNIT_KINDS, Unit

from .models import LOAN_NEXT, Benefit, LoanStatus, SupportEvent


def get_support_event_for_user(user: Any, pk: int) -> SupportEvent:
    return get_object_or_404(
        SupportEvent.objects.visible_to(user).select_related("program", "station", "hamlet"), pk=pk
    )


def support_event_list(*, user: Any, program: int | None = None) -> QuerySet[SupportEvent]:
    events = SupportEvent.objects.visible_to(user).select_related("program", "station", "hamlet")
    return events.filter(program_id=program) if program else events


# `loan` filter of the benefit list: not a loan, or a loan in one of its states.
NOT_A_LOAN = "none"


def benefit_list(*, user: Any, program: int | None = None, loan: str = "") -> QuerySet[Benefit]:
    """Support given to the households `user` may see, newest first, ready for a list."""
    benefits = Benefit.objects.visible_to(user).select_related(
        "program", "household", "household__hamlet", "resident", "station"
    )
    if program:
        benefits = benefits.filter(program_id=program)
    if loan == NOT_A_LOAN:
        benefits = benefits.filter(loan_status="")
    elif loan:
        benefits = benefits.filter(loan_status=loan)
    return benefits.order_by("-given_on", "-id")


def benefit_totals(benefits: QuerySet[Benefit]) -> dict[str, int]:
    """How many rows of a benefit list, and the value and loan amounts they add up to (VND)."""
    totals = benefits.order_by().aggregate(count=Count("pk"), value=Sum("value"), loans=Sum("loan_amount"))
    return {"count": totals["count"], "value": totals["value"] or 0, "loans": totals["loans"] or 0}


def benefits_of_household(household: Any) -> QuerySet[Benefit]:
    """The household card's list; the caller has already checked the household is visible."""
    return household.benefits.select_related("program", "resident", "event").order_by("-given_on", "-id")


def get_benefit_for_user(user: Any, pk: int) -> Benefit:
    """The benefit, or 404 for both "no such record" and "not yours" (the household's rule)."""
    return get_object_or_404(
        Benefit.objects.visible_to(user).select_related("program", "household", "resident"), pk=pk
    )


def benefits_of_event(*, user: Any, event: SupportEvent) -> QuerySet[Benefit]:
    """An event's benefits, only those of households `user` may see."""
    return (
        Benefit.objects.visible_to(user)
        .filter(event=event)
        .select_related("program", "household", "household__hamlet", "resident")
        .order_by("household__name_sort", "id")
    )


def stations_for_events(*, user: Any) -> QuerySet[Unit]:
    """The stations `user` may record support events for (a role on the unit, as support_event_record asks)."""
    return Unit.objects.visible_to(user).filter(kind__in=FIELD_UNIT_KINDS).order_by("name_sort", "pk")


def hamlets_of_stations(stations: QuerySet[Unit]) -> QuerySet[Hamlet]:
    """Hamlets in the areas of `stations` (where an event can be held)."""
    return (
        Hamlet.objects.filter(commune__area_links__unit__in=stations)
        .select_related("commune")
        .distinct()
        .order_by("name_sort", "pk")
    )


def events_for_benefit(*, user: Any, household: Any) -> QuerySet[SupportEvent]:
    """The last year's events of the household's station, which a benefit can belong to (newest first)."""
    since = timezone.localdate() - timedelta(days=366)
    return (
        SupportEvent.objects.visible_to(user)
        .filter(station_id=household.station_id, held_on__gte=since)
        .select_related("program")
        .order_by("-held_on", "-id")
    )


def loan_next_steps(benefit: Benefit) -> list[LoanStatus]:
    """The steps a loan may take now, in the order a loan moves (refused last); none for other support."""
    if not benefit.loan_status:
        return []
    order = list(LoanStatus)
    return sorted(LOAN_NEXT[LoanStatus(benefit.loan_status)], key=order.index)
