"""Small pieces shared by the indicators."""

from datetime import date, datetime, timedelta

from django.db.models import Q, QuerySet

from longdan.assignments.models import AssignmentRole, HouseholdAssignment
from longdan.rollup.services import local_midnight


def percent(part: int, whole: int) -> float | None:
    """`part` as a percentage of `whole`, to one decimal; None when there is nothing to divide by."""
    if not whole:
        return None
    return round(100 * part / whole, 1)


def end_of_day(day: date) -> datetime:
    """The aware instant just after `day` ends locally (local midnight of the next day)."""
    return local_midnight(day + timedelta(days=1))


def primary_open_on(day: date) -> QuerySet[HouseholdAssignment]:
    """Primary assignments in force on `day`: started on or before it, not ended before it.

    A reassignment on day D ends the old row on D − 1 and opens the new one on D, so on any
    day exactly one row of a household is in force; an end date of D still counts on D.
    """
    return HouseholdAssignment.objects.filter(role=AssignmentRole.PRIMARY, start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )
