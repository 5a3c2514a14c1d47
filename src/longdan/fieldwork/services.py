"""Writes for field work: record a visit, record a hamlet cell meeting, set a station's cadence.

Each is atomic, checks who is acting, validates and calls full_clean(). Visits and
meetings carry a client UUID: a second post with the same UUID returns the first
record and writes nothing, so a double tap or a retry on a bad line is harmless.
"""

import uuid
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.audit.services import audit_change, snapshot
from longdan.core.scoping import get_scope
from longdan.core.services import error, validate_and_save
from longdan.households.models import Household
from longdan.org.models import FIELD_UNIT_KINDS, CellKind, PartyCell, Unit, UnitKind
from longdan.org.services import station_for_hamlet
from longdan.people.models import Member, MemberStatus
from longdan.rollup.services import rollup_bump, rollup_visit

from .cadence import local_day
from .models import CellMeeting, MeetingIssue, Topic, Visit, VisitCadence, VisitKind, VisitMember
from .selectors import may_record_for_household

# Phones keep their own time; a visit logged "now" may arrive stamped a few minutes ahead of the server.
CLOCK_SKEW = timedelta(minutes=10)


def _province_command_of(station: Unit) -> Unit | None:
    ids = [int(part) for part in station.path.strip("/").split("/") if part]
    return Unit.objects.filter(id__in=ids, kind=UnitKind.PROVINCE_COMMAND).first()


def _station_members(members: Iterable[Member], station: Unit, field: str) -> list[Member]:
    """The members, in the order given and without repeats, checked to be active members of `station`.

    Members of a team under the station count as the station's, and so do officers of the
    commands above it: a provincial commissar may take charge of households himself (the
    seed case's does, in Lai Hòa) and goes out to them, or to their hamlet's cell.
    """
    ordered_ids = list(dict.fromkeys(member.pk for member in members))
    if not ordered_ids:
        raise error(_("Choose at least one member who was present."), field=field)
    found = {m.pk: m for m in Member.objects.filter(pk__in=ordered_ids).select_related("unit")}
    if len(found) != len(ordered_ids):
        raise error(_("One of the chosen members does not exist."), field=field)
    for member in found.values():
        if member.status != MemberStatus.ACTIVE:
            raise error(
                _("%(member)s is no longer an active member.") % {"member": member.full_name}, field=field
            )
        in_line = member.unit.path.startswith(station.path) or station.path.startswith(member.unit.path)
        if not in_line:
            raise error(
                _("%(member)s is not a member of %(station)s.")
                % {"member": member.full_name, "station": station.name},
                field=field,
            )
    return [found[pk] for pk in ordered_ids]


def _recorder_first(members: list[Member], acting_user: Any) -> list[Member]:
    member_id = get_scope(acting_user).member_id
    return sorted(members, key=lambda member: member.pk != member_id)  # stable: the others keep their order


def _check_time(visited_at: datetime) -> None:
    if not isinstance(visited_at, datetime) or timezone.is_naive(visited_at):
        raise error(_("The visit time must include its time zone."), field="visited_at")
    if visited_at > timezone.now() + CLOCK_SKEW:
        raise error(_("The visit cannot be in the future."), field="visited_at")


def _replay(model: type[Visit] | type[CellMeeting], client_uuid: uuid.UUID | None, **same: Any) -> Any:
    """The record a previous post with this UUID made, if any; a UUID reused for another record is refused."""
    if client_uuid is None:
        return None
    existing = model.objects.filter(client_uuid=client_uuid).first()
    if existing is None:
        return None
    if any(getattr(existing, f"{name}_id") != value.pk for name, value in same.items()):
        raise error(_("This form was already used for another record. Open a new form."), field="client_uuid")
    return existing


@transaction.atomic
def visit_record(
    *,
    household: Household,
    members: Sequence[Member],
    acting_user: Any,
    visited_at: datetime,
    kind: str = VisitKind.HOME,
    security_situation: str = "",
    welfare_situation: str = "",
    aspirations: str = "",
    topics: Iterable[Topic] = (),
    advice: Iterable[str] = (),
    follow_up_on: date | None = None,
    client_uuid: uuid.UUID | None = None,
) -> Visit:
    """Record a visit to a household by members of its station.

    The visit carries the household's station and provincial command as they are
    today, so it stays with them if the household later moves to another station.
    """
    if not may_record_for_household(acting_user, household):
        raise error(_("You may not record visits for this household."), field="household", code="forbidden")
    replayed = _replay(Visit, client_uuid, household=household)
    if replayed is not None:
        return replayed
    _check_time(visited_at)
    if follow_up_on is not None and follow_up_on < local_day(visited_at):
        raise error(_("The follow-up date cannot be before the visit."), field="follow_up_on")
    station = household.station
    present = _recorder_first(_station_members(members, station, "members"), acting_user)
    visit = Visit(
        household=household,
        visited_at=visited_at,
        kind=kind,
        security_situation=security_situation,
        welfare_situation=welfare_situation,
        aspirations=aspirations,
        advice=list(dict.fromkeys(advice)),
        follow_up_on=follow_up_on,
        client_uuid=client_uuid or uuid.uuid4(),
        recorded_by=acting_user,
        station=station,
        province_command=_province_command_of(station),
    )
    # Not full_clean's unique check: two identical posts racing must end in one row, not an error.
    # Nor its look-ups of the links: the household, its station and command, and the acting user are
    # rows already loaded; reading each again cost four queries a visit.
    visit.full_clean(
        exclude=["household", "station", "province_command", "recorded_by"], validate_unique=False
    )
    try:
        with transaction.atomic():
            visit.save()
    except IntegrityError:
        replayed = _replay(Visit, visit.client_uuid, household=household)
        if replayed is None:
            raise
        return replayed
    VisitMember.objects.bulk_create(
        VisitMember(visit=visit, member=member, position=index) for index, member in enumerate(present)
    )
    topics = list(topics)
    if topics:  # a new visit has none yet: add them, nothing to compare
        visit.topics.add(*topics)
    audit_change(actor=acting_user, obj=visit, before=None, after=snapshot(visit))
    rollup_visit(visit)
    return visit


@transaction.atomic
def cell_meeting_record(
    *,
    cell: PartyCell,
    held_on: date,
    attendees: Sequence[Member],
    acting_user: Any,
    contributions: str = "",
    issues: Iterable[str] = (),
    client_uuid: uuid.UUID | None = None,
) -> CellMeeting:
    """Record a hamlet cell meeting, the station members who attended and the issues raised.

    The meeting belongs to the station whose area holds the hamlet; it may be recorded
    by that station's command or by a member who attended.
    """
    if cell.kind != CellKind.HAMLET or cell.hamlet_id is None:
        raise error(_("Only meetings of hamlet cells are recorded here."), field="cell")
    hamlet = cell.hamlet
    assert hamlet is not None  # for the type checker: the check above holds
    station = station_for_hamlet(hamlet)
    if station is None:
        raise error(_("No station has this hamlet's commune in its area."), field="cell")
    present = _station_members(attendees, station, "attendees")
    scope = get_scope(acting_user)
    if not (scope.everything or station.pk in scope.unit_ids or scope.member_id in {m.pk for m in present}):
        raise error(
            _("Only the station command or a member who attended may record this meeting."),
            field="cell",
            code="forbidden",
        )
    replayed = _replay(CellMeeting, client_uuid, cell=cell)
    if replayed is not None:
        return replayed
    if not isinstance(held_on, date) or held_on > timezone.localdate():
        raise error(_("The meeting date cannot be in the future."), field="held_on")
    texts = [text.strip() for text in issues if text and text.strip()]
    meeting = CellMeeting(
        cell=cell,
        held_on=held_on,
        contributions=contributions,
        client_uuid=client_uuid or uuid.uuid4(),
        recorded_by=acting_user,
        station=station,
        province_command=_province_command_of(station),
        commune_id=hamlet.commune_id,
    )
    meeting.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError:
        replayed = _replay(CellMeeting, meeting.client_uuid, cell=cell)
        if replayed is None:
            raise
        return replayed
    meeting.attendees.set(present)
    for index, text in enumerate(texts):
        validate_and_save(MeetingIssue(meeting=meeting, text=text, position=index))
    rollup_bump(station_id=station.pk, day=held_on, meetings=1, meeting_attendances=len(present))
    audit_change(actor=acting_user, obj=meeting, before=None, after=snapshot(meeting))
    return meeting


@transaction.atomic
def visit_cadence_set(
    *, station: Unit, acting_user: Any, priority_days: int, poor_days: int, other_days: int
) -> VisitCadence:
    """Set how often a station's households are due a visit; only the command over the station may."""
    scope = get_scope(acting_user)
    if station.kind not in FIELD_UNIT_KINDS:
        raise error(_("Cadence is set for a station or flotilla."), field="station")
    if not (scope.everything or (scope.is_command and station.pk in scope.unit_ids)):
        raise error(_("Only the station command may change the visit cadence."), code="forbidden")
    if not priority_days <= poor_days <= other_days:
        raise error(
            _(
                "Priority households are visited at least as often as poor ones, and poor ones as often as others."
            )
        )
    cadence = VisitCadence.objects.filter(station=station).first() or VisitCadence(station=station)
    before = snapshot(cadence) if cadence.pk is not None else None
    cadence.priority_days = priority_days
    cadence.poor_days = poor_days
    cadence.other_days = other_days
    validate_and_save(cadence)
    audit_change(actor=acting_user, obj=cadence, before=before, after=snapshot(cadence))
    return cadence
