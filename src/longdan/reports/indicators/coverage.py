"""Who is in charge of which households, as of the period's end (from the dated assignments)."""

from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from longdan.assignments.models import HouseholdAssignment
from longdan.households.models import Household

from ..periods import Period
from ..scope import ReportScope
from ._common import already_read, end_of_day, percent, primary_open_on, shared, sharing
from ._statements import statement_totals

# Up to this many households left out of a register are excluded by id; more, by the condition itself.
_EXCLUDE_BY_ID = 2000


def registered_households(scope: ReportScope, day: date) -> QuerySet[Household]:
    """Households of the scope in the register on `day`: registered (created) on or before it, or in
    some member's charge by then (a household entered today with an assignment dated 2018 was there).

    The scope is by the household's station and commune now: the register keeps no history of
    a household's moves, nor of households that left it.
    """
    households = scope.filter_households(Household.objects.order_by())
    condition = Q(created_at__lt=end_of_day(day)) | Q(Exists(_assigned_by(day)))
    if not sharing():
        return households.filter(condition)
    # Computing several indicators: usually few households are not yet in the register on `day`
    # (created later and not assigned by then). Found once, they are left out by id, so the
    # indicators that count households do not each test every household's assignments again.
    later = shared(("unregistered", scope, day), lambda: _not_yet_registered(scope, day))
    if not later:
        return households
    if len(later) <= _EXCLUDE_BY_ID:
        return households.exclude(pk__in=later)
    return households.filter(condition)


def _assigned_by(day: date) -> QuerySet[HouseholdAssignment]:
    return HouseholdAssignment.objects.filter(household_id=OuterRef("pk"), start_date__lte=day)


def _not_yet_registered(scope: ReportScope, day: date) -> list[int]:
    created_later = scope.filter_households(
        Household.objects.filter(created_at__gte=end_of_day(day)).order_by()
    )
    return list(created_later.exclude(Exists(_assigned_by(day))).values_list("pk", flat=True))


def households_in_scope(scope: ReportScope, period: Period) -> int:
    """Households of the scope in the register on the as-of day (see `registered_households`)."""
    day = period.as_of()
    if not sharing():
        return registered_households(scope, day).count()
    later = shared(("unregistered", scope, day), lambda: _not_yet_registered(scope, day))
    if len(later) <= _EXCLUDE_BY_ID:
        # Counted on the (station) index, less those not yet registered.
        return scope.filter_households(Household.objects.order_by()).count() - len(later)
    return registered_households(scope, day).count()


def members_in_charge(scope: ReportScope, period: Period) -> int:
    """Members in charge: distinct members holding a primary assignment in force on the as-of day
    (the period's last day, or today if earlier) for a household in the scope.

    In force on day D: start_date ≤ D and (no end date, or end_date ≥ D). A member whose
    household was handed to someone else before D no longer counts; one who took a
    household over during the period counts.
    """
    as_of = period.as_of()
    (members,) = statement_totals(
        ("members_in_charge", scope, as_of),
        lambda: scope.filter_households(primary_open_on(as_of), prefix="household__"),
        n=Count("member_id", distinct=True),
    )
    return int(members)


def household_coverage(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Households covered on the as-of day (the period's last day, or today if earlier).

    - households: households of the scope in the register on that day (`registered_households`);
    - covered: those with a primary assignment in force on the as-of day (a household
      reassigned mid-period is covered: one of its two rows is in force on any day);
    - without_member: households − covered;
    - percent: 100 × covered / households, one decimal (None for no households).
    """
    as_of = period.as_of()
    per_station = already_read(("coverage", scope, as_of))
    if per_station is not None:  # a dashboard read it per station already: the same numbers, summed
        households = sum(counts["households"] for counts in per_station.values())
        covered = sum(counts["covered"] for counts in per_station.values())
    elif scope.everything:
        # Every household with an assignment in force is in the register: one pass over the
        # assignments' (household, role, dates) index instead of a look-up per household.
        households = households_in_scope(scope, period)
        covered = primary_open_on(as_of).values("household_id").distinct().count()
    else:
        in_force = primary_open_on(as_of).filter(household_id=OuterRef("pk"))
        counts = registered_households(scope, as_of).aggregate(
            households=Count("pk"), covered=Count("pk", filter=Q(Exists(in_force)))
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
    return shared(("coverage", scope, period.as_of()), lambda: _coverage_by_station(scope, period))


def _coverage_by_station(scope: ReportScope, period: Period) -> dict[int, dict[str, int]]:
    as_of = period.as_of()
    in_force = primary_open_on(as_of).filter(household_id=OuterRef("pk"))
    rows = (
        registered_households(scope, as_of)
        .values("station_id")
        .annotate(households=Count("*"), covered=Count("pk", filter=Q(Exists(in_force))))
    )
    return {row["station_id"]: {"households": row["households"], "covered": row["covered"]} for row in rows}
