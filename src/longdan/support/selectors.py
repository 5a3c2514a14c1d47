"""Reads for support: always through visible_to."""

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Benefit, SupportEvent


def get_support_event_for_user(user: Any, pk: int) -> SupportEvent:
    return get_object_or_404(
        SupportEvent.objects.visible_to(user).select_related("program", "station", "hamlet"), pk=pk
    )


def support_event_list(*, user: Any, program: int | None = None) -> QuerySet[SupportEvent]:
    events = SupportEvent.objects.visible_to(user).select_related("program", "station", "hamlet")
    return events.filter(program_id=program) if program else events


def benefits_of_household(household: Any) -> QuerySet[Benefit]:
    """The household card's list; the caller has already checked the household is visible."""
    return household.benefits.select_related("program", "resident", "event").order_by("-given_on", "-id")
