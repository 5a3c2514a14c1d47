"""Who is in charge of which households, as of the period's end (from the dated assignments)."""

from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from longdan.assignments.models import HouseholdAssignment
from longdan.households.models import Household

from ..periods import Period
from ..scope import ReportScope
from ._common import end_of_day, percent, primary_open_on


def registered_households(scope: ReportScope, day: date) -> QuerySet[Household]:
    """Households of the scope in the register on `day`: registered (created) on or before it, or in
    some member's charge by then (a household entered today with an assignment dated 2018 was there).

    The scope is by the household's station and commune now: the register keeps no history of
    a household's moves, nor of households that left it.
    """
    assigned = HouseholdAssignment.objects.filter(household_id=OuterRef("pk"), start_date__lte=day)
    households = Household.objects.filter(Q(created_at__lt=end_of_day(day)) | Q(Exists(assigned))).order_by()
    return scope.filter_households(households)


def households_in_scope(scope: ReportScope, period: Period) -> int:
    """Households of the scope in the register on the as-of day (see `registered_households`)."""
    return registered_households(scope, period.as_of()).count()


def members_in_charge(scope: ReportScope, period: Period) -> int:
    """Members in charge: distinct members holding a primary assignment in force on the as-of day
    (the period's last day, or today if earlier) for a household in the scope.

    In force on day D: start_date ≤ D and (no end date, or end_date ≥ D). A member whose
    household was handed to someone else before D no longer counts; one who took a
    household over during the period counts.
    """
    rows = scope.filter_households(primary_open_on(period.as_of()), prefix="household__")
    return rows.values("member_id").distinct().count()


def household_coverage(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Households covered on the as-of day (the period's last day, or today if earlier).

    - households: households of the scope in the register on that day (`registered_households`);
    - covered: those with a primary assignment in force on the as-of day (a household
      reassigned mid-period is covered: one of its two rows is in force on any day);
    - without_member: households − covered;
    - percent: 100 × covered / households, one decimal (None for no households).
    """
    as_of = period.as_of()
    in_force = primary_open_on(as_of).filter(household_id=OuterRef("pk"))
    counts = registered_households(scope, as_of).aggregate(
        households=Count("*"), covered=Count("pk", filter=Q(Exists(in_force)))
    )
    households, covered = counts["households"], counts["covered"]
    return {
        "as_of": as_of.isoformat(),
        "households": households,
        "covered": covered,
        "without_member": households - covered,
        "percent": percent(covered, households),
    }


def coverage_by_station(scope: ReportScope, period: Period) -> dict[int, dict[str, int]]:
    """`household_coverage`'s households and covered, per station of the households (for station tables)."""
    as_of = period.as_of()
    in_force = primary_open_on(as_of).filter(household_id=OuterRef("pk"))
    rows = (
        registered_households(scope, as_of)
        .values("station_id")
        .annotate(households=Count("*"), covered=Count("pk", filter=Q(Exists(in_force))))
    )
    return {row["station_id"]: {"households": row["households"], "covered": row["covered"]} for row in rows}
