"""Reads of visits and meetings for lists, cards and timelines.

"Last visit per household" is a correlated subquery ordered on the (household, visited_at)
index: one index seek per household, never a scan of visits.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from longdan.households.models import Household
from longdan.org.models import Unit
from longdan.people.models import Member
from longdan.rollup.services import local_midnight

from ..models import CellMeeting, Topic, Visit, VisitMember


def presence_prefetch() -> Prefetch:
    return Prefetch("presence", queryset=VisitMember.objects.select_related("member").order_by("position"))


def visits_for_user(
    user: Any,
    *,
    station: Unit | None = None,
    since: date | None = None,
    until: date | None = None,
    kind: str = "",
    member: Member | None = None,
) -> QuerySet[Visit]:
    """Visits the user may see, newest first, ready for a list (no query per row); optionally of one
    station (at the time of the visit), of one kind, with one member present, or made on local days
    from `since` to `until`."""
    visits = Visit.objects.visible_to(user)
    if station is not None:
        visits = visits.filter(station=station)
    if since is not None:
        visits = visits.filter(visited_at__gte=local_midnight(since))
    if until is not None:
        visits = visits.filter(visited_at__lt=local_midnight(until + timedelta(days=1)))
    if kind:
        visits = visits.filter(kind=kind)
    if member is not None:
        visits = visits.filter(presence__member=member)
    return (
        visits.select_related("household__hamlet", "station")
        .prefetch_related(presence_prefetch(), "topics")
        .order_by("-visited_at", "-id")
    )


def household_visits(*, user: Any, household: Household) -> QuerySet[Visit]:
    """One household's visits for its card and timeline, newest first."""
    return visits_for_user(user).filter(household=household)


def last_visits(households: Iterable[Household | int]) -> dict[int, Visit]:
    """The latest visit of each household (by visit time), keyed by household id: one query.

    Reads one index seek per household on (household, visited_at).
    """
    ids = [h if isinstance(h, int) else h.pk for h in households]
    if not ids:
        return {}
    latest = Visit.objects.filter(household_id=OuterRef("pk")).order_by("-visited_at", "-id").values("pk")[:1]
    visits = Visit.objects.filter(
        pk__in=Household.objects.filter(pk__in=ids).annotate(last=Subquery(latest)).values("last")
    )
    return {visit.household_id: visit for visit in visits}


def topics_offered() -> QuerySet[Topic]:
    return Topic.objects.filter(is_active=True)


def with_last_visit(queryset: QuerySet, household_ref: str) -> QuerySet:
    """Annotate rows that point at a household with its last visit's time, id and follow-up date."""
    latest = Visit.objects.filter(household_id=OuterRef(household_ref)).order_by("-visited_at", "-id")
    return queryset.annotate(
        last_visited_at=Subquery(latest.values("visited_at")[:1]),
        last_visit_id=Subquery(latest.values("pk")[:1]),
        last_follow_up_on=Subquery(latest.values("follow_up_on")[:1]),
    )


def cell_meetings_for_user(
    user: Any, *, station: Unit | None = None, since: date | None = None, until: date | None = None
) -> QuerySet[CellMeeting]:
    """Cell meetings the user may see, newest first; optionally of one station, held from `since` to `until`."""
    meetings = CellMeeting.objects.visible_to(user)
    if station is not None:
        meetings = meetings.filter(station=station)
    if since is not None:
        meetings = meetings.filter(held_on__gte=since)
    if until is not None:
        meetings = meetings.filter(held_on__lte=until)
    return (
        meetings.select_related("cell__hamlet", "station")
        .prefetch_related("attendees", "issues")
        .order_by("-held_on", "-id")
    )
