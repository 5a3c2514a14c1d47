"""Poverty: households by status, and households that moved out of poverty or into it (assessment history)."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Case, CharField, Count, F, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from longdan.households.models import Household, PovertyAssessment
from longdan.households.poverty import PovertyCategory

from ..periods import Period
from ..scope import ReportScope
from ._common import already_read
from .coverage import registered_households

POOR = PovertyCategory.POOR
NOT_POOR = [category for category in PovertyCategory.values if category != POOR]
NOT_ASSESSED = "not_assessed"


def poverty_key(scope: ReportScope, day: date) -> tuple[str, ReportScope, date]:
    """Where `visited_within_cadence`, computing all indicators, leaves households per category on `day`."""
    return ("poverty", scope, day)


def _latest(*, before: date | None = None, on_or_before: date | None = None) -> Subquery:
    """The category of a household's latest assessment before (or on or before) a day; the same
    order as the household's own status: latest date, then the latest recorded that day."""
    rows = PovertyAssessment.objects.filter(household_id=OuterRef("pk"))
    if before is not None:
        rows = rows.filter(assessed_on__lt=before)
    if on_or_before is not None:
        rows = rows.filter(assessed_on__lte=on_or_before)
    return Subquery(rows.order_by("-assessed_on", "-id").values("category")[:1])


def categories_on(household_ids: Iterable[int], day: date) -> dict[int, str]:
    """The poverty category in force on `day` for each household ("" when not yet assessed)."""
    ids = list(household_ids)
    found: dict[int, str] = {}
    for chunk in range(0, len(ids), 5000):
        rows = (
            Household.objects.filter(pk__in=ids[chunk : chunk + 5000])
            .annotate(category_then=_latest(on_or_before=day))
            .values_list("pk", "category_then")
        )
        found.update({pk: category or "" for pk, category in rows})
    return found


def transitions_queryset(scope: ReportScope, period: Period) -> QuerySet[Household]:
    """Households of the scope with an assessment dated in the period, annotated with their category
    at its start (`before`: latest assessment dated before its first day) and at its end (`after`)."""
    dated = PovertyAssessment.objects.filter(assessed_on__gte=period.start, assessed_on__lte=period.end)
    return (
        scope.filter_households(Household.objects.order_by())
        .filter(pk__in=dated.values("household_id"))
        .annotate(before=_latest(before=period.start), after=_latest(on_or_before=period.end))
    )


def poverty_transitions(scope: ReportScope, period: Period) -> dict[str, int]:
    """Households whose poverty status changed between the start and the end of the period.

    The status at the start is the category of the latest assessment dated before the
    period's first day; at the end, of the latest assessment dated on or before its last day
    (same date: the one recorded last). Only the two ends are compared, so a household that
    went poor → near-poor → poor within the period counts in neither direction.

    - out_of_poverty: poor at the start, and near-poor / average / other at the end
      (thoát nghèo; poor → near-poor counts);
    - into_poverty: assessed and not poor at the start, poor at the end (tái nghèo or
      newly poor); a household first assessed during the period counts in neither;
    - reassessed: households of the scope with at least one assessment dated in the period.
    """
    # Grouped by (before, after): each look-up in the history runs once per household. Counting
    # with filters instead made PostgreSQL run them again for every count (4.4x the hand-written SQL).
    households: Any = transitions_queryset(scope, period)  # annotated with before and after
    pairs = households.values("before", "after").annotate(n=Count("pk")).order_by()
    counts = {"reassessed": 0, "out_of_poverty": 0, "into_poverty": 0}
    for row in pairs:
        counts["reassessed"] += row["n"]
        if row["before"] == POOR and row["after"] in NOT_POOR:
            counts["out_of_poverty"] += row["n"]
        elif row["before"] in NOT_POOR and row["after"] == POOR:
            counts["into_poverty"] += row["n"]
    return counts


def category_then(day: date) -> Case:
    """The poverty category in force on `day` ("" when not yet assessed): the household's own status
    (its latest assessment) unless it was assessed again after `day`, then looked up in its history."""
    return Case(
        When(poverty_assessed_on__gt=day, then=Coalesce(_latest(on_or_before=day), Value(""))),
        default=F("poverty_category"),
        output_field=CharField(),
    )


def poverty_status(scope: ReportScope, period: Period) -> dict[str, int]:
    """Households of the scope in the register on the as-of day (the period's last day, or today if
    earlier; `registered_households`) by the poverty category in force that day: poor, near_poor,
    average, other, and not_assessed (no assessment dated on or before it).
    """
    as_of = period.as_of()
    counts: dict[str, int] = dict.fromkeys([*PovertyCategory.values, NOT_ASSESSED], 0)
    per_category = already_read(poverty_key(scope, as_of))
    if per_category is not None:  # the cadence read of all indicators counted them already
        for category, n in per_category.items():
            counts[category or NOT_ASSESSED] += n
        return counts
    # Grouped on the category then: the look-up in the history runs once per household reassessed since.
    rows = (
        registered_households(scope, as_of)
        .annotate(category_then=category_then(as_of))
        .values("category_then")
        .annotate(n=Count("pk"))
        .values_list("category_then", "n")
    )
    for category, n in rows:
        counts[category or NOT_ASSESSED] += n
    return counts


__all__ = [
    "categories_on",
    "category_then",
    "poverty_status",
    "poverty_transitions",
    "transitions_queryset",
]
