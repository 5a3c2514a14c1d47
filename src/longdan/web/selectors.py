"""Reads for the shared pages: who is logged in, and what their home page shows.

The home page is the one place that looks across apps (households, members, units),
so its reads live here, in the page layer, built from each app's own selectors.
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from longdan.accounts.models import COMMAND_ROLES, Role, RoleGrant
from longdan.assignments.models import AssignmentRole, HouseholdAssignment
from longdan.core.scoping import get_scope
from longdan.households.models import Household
from longdan.households.selectors import household_list, households_of_member
from longdan.org.models import FIELD_UNIT_KINDS, Unit, UnitKind
from longdan.people.models import Member, MemberStatus
from longdan.people.selectors import station_members

# The role named in the top bar when a user holds several: the widest first.
_ROLE_ORDER = [
    Role.ADMIN,
    Role.HQ,
    Role.PROVINCE_COMMAND,
    Role.STATION_COMMAND,
    Role.TEAM_LEAD,
    Role.COMMUNE_LIAISON,
    Role.MEMBER,
]
HOME_PAGE_SIZE = 25


def member_of(user: Any) -> Member | None:
    """The active Member record of `user`, if any (the reverse one-to-one is cached on the user)."""
    try:
        member = user.member
    except Member.DoesNotExist:
        return None
    return member if member.status == MemberStatus.ACTIVE else None


def _active_grants(user: Any) -> list[RoleGrant]:
    """The user's grants in force today, read once per request (cached on the user object, like the scope)."""
    cached = getattr(user, "_longdan_web_grants", None)
    if cached is None:
        cached = list(RoleGrant.objects.active().filter(user=user).select_related("unit"))
        user._longdan_web_grants = cached
    return cached


@dataclass(frozen=True)
class Identity:
    """What the top bar says about the person logged in."""

    name: str
    role: str
    place: str


def user_identity(user: Any) -> Identity:
    grants = sorted(_active_grants(user), key=lambda g: _ROLE_ORDER.index(Role(g.role)))
    member = member_of(user)
    name = str(member) if member else (user.get_full_name() or user.get_username())
    if not grants:
        role = str(Role.ADMIN.label) if user.is_superuser else ""
        return Identity(name=name, role=role, place="")
    top = grants[0]
    if top.unit is not None:
        place = top.unit.name
    else:
        place = ", ".join(commune.name for commune in top.communes.all())
    return Identity(name=name, role=top.get_role_display(), place=place)


def commanded_units(user: Any) -> list[Unit]:
    """The units `user` commands today (station, province, HQ), widest first.

    A superuser or administrator without a command grant commands the roots of the tree.
    """
    units = {g.unit for g in _active_grants(user) if g.role in COMMAND_ROLES and g.unit is not None}
    if not units and get_scope(user).everything:
        units = set(Unit.objects.filter(parent__isnull=True))
    return sorted(units, key=lambda unit: (unit.path.count("/"), unit.name_sort))


def subunit_overview(*, user: Any, parent: Unit) -> QuerySet[Unit]:
    """The units right under `parent` that hold members (stations under a province, provinces under HQ).

    Each carries `member_count` (active members in its subtree), `household_count` and
    `uncovered_count` (households without a member in charge): correlated subqueries,
    so one query for the whole table. The counts cover the child's whole subtree, which
    the user sees in full since they command `parent`.
    """
    child_kinds = [UnitKind.PROVINCE_COMMAND, *FIELD_UNIT_KINDS]
    subtree = OuterRef("path")
    members = Member.objects.filter(unit__path__startswith=subtree, status=MemberStatus.ACTIVE)
    households = Household.objects.filter(station__path__startswith=subtree)
    return (
        Unit.objects.visible_to(user)
        .filter(parent=parent, kind__in=child_kinds)
        .annotate(
            member_count=_count(members),
            household_count=_count(households),
            uncovered_count=_count(households.exclude(_has_member_in_charge())),
        )
        .order_by("name_sort", "pk")
    )


def _has_member_in_charge() -> Exists:
    return Exists(
        HouseholdAssignment.objects.filter(
            household=OuterRef("pk"), end_date__isnull=True, role=AssignmentRole.PRIMARY
        )
    )


def _count(queryset: QuerySet[Any]) -> Any:
    """COUNT(*) of `queryset` as a scalar subquery (no GROUP BY, so exactly one row)."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


@dataclass
class StationPanel:
    unit: Unit
    members: list[Member]
    household_count: int
    uncovered_count: int

    @property
    def idle_count(self) -> int:
        """Members in charge of no household: a coverage gap the commander should see at once."""
        return len([member for member in self.members if not getattr(member, "household_count", 0)])


@dataclass
class OverviewPanel:
    unit: Unit
    children: list[Unit]

    def _total(self, name: str) -> int:
        return sum(getattr(child, name) for child in self.children)

    @property
    def member_total(self) -> int:
        return self._total("member_count")

    @property
    def household_total(self) -> int:
        return self._total("household_count")

    @property
    def uncovered_total(self) -> int:
        return self._total("uncovered_count")


@dataclass
class Home:
    """The sections of a user's home page; each present only for the roles it belongs to."""

    my_households: list[Household] | None = None
    stations: list[StationPanel] = field(default_factory=list)
    overviews: list[OverviewPanel] = field(default_factory=list)
    commune_households: Page | None = None

    @property
    def is_empty(self) -> bool:
        return (
            self.my_households is None
            and not (self.stations or self.overviews)
            and self.commune_households is None
        )


def home_for(user: Any) -> Home:
    """What `user` sees first: their households, the station they command, the stations under them, their communes."""
    home = Home()
    scope = get_scope(user)
    member = member_of(user)
    if member is not None:
        mine = list(households_of_member(member, user=user))
        # A commander who is not a field member sees the panel only when he has households himself.
        if mine or Role.MEMBER in scope.roles or not scope.is_command:
            home.my_households = mine
    for unit in commanded_units(user):
        if unit.kind in FIELD_UNIT_KINDS or unit.kind == UnitKind.TEAM:
            home.stations.append(_station_panel(user=user, unit=unit))
        else:
            home.overviews.append(
                OverviewPanel(unit=unit, children=list(subunit_overview(user=user, parent=unit)))
            )
    if scope.commune_ids:
        home.commune_households = Paginator(household_list(user=user), HOME_PAGE_SIZE).get_page(1)
    return home


def _station_panel(*, user: Any, unit: Unit) -> StationPanel:
    households = Household.objects.visible_to(user).filter(station__path__startswith=unit.path)
    counts = households.annotate(covered=_has_member_in_charge()).aggregate(
        total=Count("pk"), uncovered=Count("pk", filter=Q(covered=False))
    )
    return StationPanel(
        unit=unit,
        members=list(station_members(user=user, unit=unit)),
        household_count=counts["total"],
        uncovered_count=counts["uncovered"],
    )
