"""Reads for personal-data duties, scoped to the user: the household card's section, the request register,
the breach register. "No such id" and "not yours" answer the same 404."""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from longdan.fieldwork.selectors import may_record_for_household
from longdan.households.models import Household
from longdan.org.models import Unit

from .models import (
    BREACH_ROLES,
    CLOSED_REQUEST_STATUSES,
    Breach,
    Consent,
    DataSubjectRequest,
    handler_units,
    may_handle_household,
)


@dataclass(frozen=True)
class PrivacyPanel:
    """The household card's section: consents, and what the user may do."""

    consents: list[Consent]
    may_record: bool
    may_handle: bool
    open_requests: int


def household_privacy_panel(*, user: Any, household: Household) -> PrivacyPanel:
    may_handle = may_handle_household(user, household)
    return PrivacyPanel(
        consents=list(
            Consent.objects.visible_to(user)
            .filter(household=household)
            .select_related("recorded_by", "withdrawn_by")
            .order_by("withdrawn_on", "-given_on", "-id")
        ),
        may_record=may_record_for_household(user, household),
        may_handle=may_handle,
        open_requests=(
            DataSubjectRequest.objects.filter(household=household)
            .exclude(status__in=CLOSED_REQUEST_STATUSES)
            .count()
            if may_handle
            else 0
        ),
    )


def get_household_for_handler(user: Any, pk: int) -> Household:
    """A household whose requests and export `user` may handle; 404 otherwise."""
    household = get_object_or_404(Household.objects.visible_to(user).select_related("station"), pk=pk)
    if not may_handle_household(user, household):
        raise Http404
    return household


def get_consent_for_user(user: Any, pk: int) -> Consent:
    return get_object_or_404(Consent.objects.visible_to(user).select_related("household"), pk=pk)


def request_list(
    *, user: Any, status: str = "", kind: str = "", overdue: bool = False, search: str = ""
) -> QuerySet[DataSubjectRequest]:
    """The request register `user` may see (station command and above), newest first."""
    requests = DataSubjectRequest.objects.visible_to(user)
    if status:
        requests = requests.filter(status=status)
    if kind:
        requests = requests.filter(kind=kind)
    if overdue:
        requests = requests.exclude(status__in=CLOSED_REQUEST_STATUSES).filter(
            due_on__lt=timezone.localdate()
        )
    if search:
        requests = requests.filter(household__in=Household.objects.search(search))
    return requests.select_related("household", "household__hamlet", "resident", "handled_by").order_by(
        "-received_on", "-id"
    )


def get_request_for_user(user: Any, pk: int) -> DataSubjectRequest:
    return get_object_or_404(
        DataSubjectRequest.objects.visible_to(user).select_related(
            "household", "household__station", "resident", "handled_by", "recorded_by"
        ),
        pk=pk,
    )


def breach_units(*, user: Any) -> QuerySet[Unit]:
    """The units `user` may register a breach for (province command and above, administrators)."""
    everything, units = handler_units(user, BREACH_ROLES)
    found = Unit.objects.all() if everything else Unit.objects.filter(pk__in=units)
    return found.order_by("path")


def breach_list(*, user: Any) -> QuerySet[Breach]:
    return Breach.objects.visible_to(user).select_related("unit", "recorded_by")


def get_breach_for_user(user: Any, pk: int) -> Breach:
    return get_object_or_404(breach_list(user=user), pk=pk)
