"""Reads for households: lists, one household's card, a member's households — all scoped to a user.

Assignments sit above households in the layers, so the assignment model is looked
up by name (as in querysets.py) and reached through the reverse relation
`household.assignments`; nothing here imports the assignments app.
"""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Case, F, IntegerField, Prefetch, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from longdan.core.scoping import get_scope
from longdan.geo.models import Hamlet
from longdan.org.models import Unit

from .models import Household, PovertyAssessment, Priority, Resident

_PRIMARY = "primary"


def _assignment_model() -> Any:
    return apps.get_model("assignments", "HouseholdAssignment")


def _with_member_in_charge(households: QuerySet[Household]) -> QuerySet[Household]:
    """Prefetch the open primary assignment and its member into `household.in_charge` (a list of 0 or 1)."""
    open_primary = (
        _assignment_model().objects.filter(end_date__isnull=True, role=_PRIMARY).select_related("member")
    )
    return households.prefetch_related(Prefetch("assignments", queryset=open_primary, to_attr="in_charge"))


def get_household_for_user(user: Any, pk: int) -> Household:
    """The household `pk` if `user` may see it; 404 for "no such id" and "not yours" alike."""
    households = Household.objects.visible_to(user).select_related(
        "hamlet",
        "hamlet__legacy_commune",
        "hamlet__legacy_commune__parent",
        "commune",
        "commune__parent",
        "station",
    )
    return get_object_or_404(households, pk=pk)


def household_list(
    *,
    user: Any,
    search: str = "",
    hamlet: Hamlet | int | None = None,
    poverty: str | None = None,
    station: Any = None,
) -> QuerySet[Household]:
    """The households `user` may see, narrowed by a folded name/code search and filters, in Vietnamese order.

    Each row carries its hamlet, commune and station, and `in_charge` (the open primary
    assignment with its member), so a page of any length costs the same few queries.
    """
    households = Household.objects.visible_to(user)
    if search:
        households = households.search(search)
    if hamlet:
        households = households.filter(hamlet=hamlet)
    if poverty:
        households = households.filter(poverty_category=poverty)
    if station:
        households = households.filter(station=station)
    households = households.select_related("hamlet", "commune", "station").order_by("name_sort", "pk")
    return _with_member_in_charge(households)


def households_of_member(member: Any, *, user: Any) -> QuerySet[Household]:
    """The households `member` is in charge of or supports today, as far as `user` may see them.

    `user` is required: a commune liaison may open a member's page, but sees only the
    households of that member that lie in the liaison's communes. Priority households first.
    """
    return _with_member_in_charge(
        Household.objects.visible_to(user)
        .filter(assignments__member=member, assignments__end_date__isnull=True)
        .select_related("hamlet", "commune")
        .annotate(
            # The same join as the filter above: this member's own open assignment.
            assignment_role=F("assignments__role"),
            priority_rank=Case(
                When(priority=Priority.PRIORITY, then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
        )
        .order_by("priority_rank", "name_sort", "pk")
    )


def hamlet_options(*, user: Any) -> QuerySet[Hamlet]:
    """The hamlets that hold at least one household `user` may see (for the list filter)."""
    visible = Household.objects.visible_to(user).values("hamlet_id")
    return Hamlet.objects.filter(pk__in=visible).select_related("commune").order_by("name_sort", "pk")


def station_options(*, user: Any) -> QuerySet[Unit] | None:
    """The stations `user` may filter the list by, or None when they see one station or none."""
    stations = Unit.objects.visible_to(user).stations().order_by("name_sort", "pk")
    return stations if len(stations.values_list("pk", flat=True)[:2]) > 1 else None


@dataclass(frozen=True)
class HouseholdCard:
    """What the household card shows. Sensitive values are None unless the viewer's role grants them."""

    household: Household
    current_assignments: list[Any]
    past_assignments: list[Any]
    residents: list[Resident]
    assessments: list[PovertyAssessment]
    show_sensitive: bool
    ethnicity: str | None
    religion: str | None

    @property
    def in_charge(self) -> Any:
        return next((a for a in self.current_assignments if a.role == _PRIMARY), None)

    @property
    def member_ids(self) -> set[int]:
        return {a.member_id for a in self.current_assignments + self.past_assignments}


def household_card(*, user: Any, pk: int) -> HouseholdCard:
    """One household as the card shows it: place, members in charge now and before, residents, poverty history."""
    household = get_household_for_user(user, pk)
    assignments = list(household.assignments.select_related("member").order_by("-start_date", "-id"))
    current = sorted(
        (a for a in assignments if a.end_date is None), key=lambda a: (a.role != _PRIMARY, a.start_date)
    )
    sensitive = get_scope(user).sensitive
    return HouseholdCard(
        household=household,
        current_assignments=current,
        past_assignments=[a for a in assignments if a.end_date is not None],
        residents=list(household.residents.order_by("id")),
        assessments=list(household.assessments.order_by("-assessed_on", "-id")),
        show_sensitive=sensitive,
        ethnicity=household.ethnicity if sensitive else None,
        religion=household.religion if sensitive else None,
    )
