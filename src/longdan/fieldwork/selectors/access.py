"""Who may reach what: get_<thing>_for_user helpers answer 404 for "no such id" and "not yours" alike."""

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from longdan.assignments.models import CellParticipation
from longdan.core.scoping import get_scope
from longdan.households.models import Household
from longdan.org.models import FIELD_UNIT_KINDS, CellKind, PartyCell, Unit, UnitArea
from longdan.people.models import Member

from ..models import CellMeeting, Visit
from .visits import presence_prefetch
from .work import active_station_members, open_primary_assignments


def may_record_for_household(user: Any, household: Household) -> bool:
    """Visible under the one rule, and the user is a field member or a commander (a liaison only reads)."""
    scope = get_scope(user)
    if not (scope.everything or scope.is_command or scope.member_id):
        return False
    return Household.objects.visible_to(user).filter(pk=household.pk).exists()


def get_household_for_visit(*, user: Any, household_id: int) -> Household:
    """The household a user may log a visit for; 404 alike for "no such household" and "not yours"."""
    household = (
        Household.objects.visible_to(user).select_related("hamlet", "station").filter(pk=household_id).first()
    )
    if household is None or not may_record_for_household(user, household):
        raise Http404
    return household


def get_visit_for_user(*, user: Any, visit_id: int) -> Visit:
    visit = (
        Visit.objects.visible_to(user)
        .select_related("household__hamlet", "station", "recorded_by")
        .prefetch_related(presence_prefetch(), "topics")
        .filter(pk=visit_id)
        .first()
    )
    if visit is None:
        raise Http404
    return visit


def get_station_for_user(*, user: Any, station_id: int) -> Unit:
    """A station whose work the user may oversee: command roles over it only."""
    scope = get_scope(user)
    station = Unit.objects.visible_to(user).filter(pk=station_id, kind__in=FIELD_UNIT_KINDS).first()
    if station is None or not (scope.everything or scope.is_command):
        raise Http404
    return station


def stations_for_user(user: Any) -> QuerySet[Unit]:
    """The stations a user commands or oversees (for a station picker and the "my station" shortcut)."""
    scope = get_scope(user)
    if not (scope.everything or scope.is_command):
        return Unit.objects.none()
    return Unit.objects.visible_to(user).stations().order_by("name_sort")


def get_cell_meeting_for_user(*, user: Any, meeting_id: int) -> CellMeeting:
    meeting = (
        CellMeeting.objects.visible_to(user)
        .select_related("cell__hamlet", "station", "commune", "recorded_by")
        .prefetch_related("attendees", "issues")
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def cells_for_user(user: Any) -> QuerySet[PartyCell]:
    """Hamlet cells a user may record a meeting of: in the areas of the stations they command or serve in,
    or cells they attend."""
    scope = get_scope(user)
    cells = PartyCell.objects.filter(kind=CellKind.HAMLET).select_related("hamlet")
    if scope.everything:
        return cells
    unit_ids = set(scope.unit_ids)
    member = (
        Member.objects.select_related("unit").filter(pk=scope.member_id).first() if scope.member_id else None
    )
    if member is not None:
        # The member's station (or, for a member of a team, the station above it) and its area.
        unit_ids.update(int(part) for part in member.unit.path.strip("/").split("/") if part)
    condition = Q(
        Exists(UnitArea.objects.filter(unit_id__in=unit_ids, commune_id=OuterRef("hamlet__commune_id")))
    )
    if scope.member_id:
        condition |= Q(
            Exists(
                CellParticipation.objects.filter(
                    cell_id=OuterRef("pk"), member_id=scope.member_id, end_date__isnull=True
                )
            )
        )
    return cells.filter(condition)


def member_for_user(user: Any) -> Member | None:
    """The active member record of a logged-in user, if they are a field member."""
    member_id = get_scope(user).member_id
    return Member.objects.select_related("unit").filter(pk=member_id).first() if member_id else None


def get_member_for_station(*, user: Any, station: Unit, member_id: int) -> Member:
    member = active_station_members(user, station).filter(pk=member_id).first()
    if member is None:
        # A member of another unit who is still in charge of a household of this station.
        member = (
            Member.objects.visible_to(user)
            .filter(pk=member_id)
            .filter(
                Exists(
                    open_primary_assignments().filter(member_id=OuterRef("pk"), household__station=station)
                )
            )
            .first()
        )
    if member is None:
        raise Http404
    return member
