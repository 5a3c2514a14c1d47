"""The members of one station side by side: what each holds and did in the period.

A station's dashboard shows one row of the stations table; its commander wants the members
beside each other instead. Each figure is the station's indicator split by member, with the
indicator's own definition (`indicators`), so a column adds up to the station's figure
except where one record counts for several members (a visit by two members counts for both).
"""

from typing import Any

from django.db.models import Count

from longdan.cases.models import Case
from longdan.fieldwork.models import CellMeeting, VisitMember
from longdan.org.models import FIELD_UNIT_KINDS
from longdan.people.models import Member, MemberStatus

from .indicators.fieldwork import cadence_by_member, meetings_queryset, visits_queryset
from .indicators.petitions import received_queryset
from .periods import Period
from .scope import ReportScope

# The columns of the members table: (field, sortable); headings are the page's.
MEMBER_FIELDS = (
    "households",
    "within_cadence_percent",
    "visits",
    "households_visited",
    "cases_recorded",
    "meetings_attended",
)


def single_station(scope: ReportScope) -> bool:
    """Whether the scope is one station (or flotilla): its dashboard shows its members side by side."""
    return scope.unit is not None and scope.unit.kind in FIELD_UNIT_KINDS


def member_rows(scope: ReportScope, period: Period) -> list[dict[str, Any]]:
    """One row per member of the station (its teams included) who is active or did something in the period.

    - households / within_cadence(_percent): households of the station in the register on the
      as-of day whose primary assignment in force then is the member's, and how many of them
      were within their cadence (`visited_within_cadence`'s rule);
    - visits / households_visited: visits of the period (`visits`'s rule) at which the member was present;
    - cases_recorded: petitions received in the period (`petitions_received`'s rule) recorded by the member;
    - meetings_attended: cell meetings of the period (`cell_meetings`'s rule) the member attended.
    """
    if not single_station(scope):
        return []
    assert scope.unit is not None
    cadence = cadence_by_member(scope, period)
    presence = (
        VisitMember.objects.filter(visit__in=visits_queryset(scope, period))
        .values("member_id")
        .annotate(visits=Count("visit_id"), households=Count("visit__household_id", distinct=True))
    )
    visited: dict[int, dict[str, int]] = {
        row["member_id"]: {"visits": row["visits"], "households": row["households"]} for row in presence
    }
    recorded = dict(
        Case.objects.filter(pk__in=received_queryset(scope, period).values("pk"))
        .exclude(recorded_by_member__isnull=True)
        .values("recorded_by_member_id")
        .annotate(n=Count("*"))
        .values_list("recorded_by_member_id", "n")
    )
    attendance: Any = CellMeeting.attendees.through.objects.filter(
        cellmeeting__in=meetings_queryset(scope, period)
    )
    attended = dict(attendance.values("member_id").annotate(n=Count("*")).values_list("member_id", "n"))
    active = Member.objects.filter(unit__path__startswith=scope.unit.path, status=MemberStatus.ACTIVE)
    involved = {pk for pk in [*cadence, *visited, *recorded, *attended] if pk is not None}
    members = Member.objects.filter(pk__in=[*active.values_list("pk", flat=True), *involved]).order_by(
        "name_sort"
    )
    rows = []
    for member in members.only("pk", "full_name", "name_sort", "rank", "status"):
        standing = cadence.get(member.pk, {"households": 0, "within_cadence": 0})
        households = standing["households"]
        rows.append(
            {
                "member_id": member.pk,
                "name": member.full_name,
                "name_sort": member.name_sort,
                "rank": member.get_rank_display(),
                "active": member.status == MemberStatus.ACTIVE,
                "households": households,
                "within_cadence": standing["within_cadence"],
                "within_cadence_percent": (
                    round(100 * standing["within_cadence"] / households, 1) if households else None
                ),
                "visits": visited.get(member.pk, {}).get("visits", 0),
                "households_visited": visited.get(member.pk, {}).get("households", 0),
                "cases_recorded": recorded.get(member.pk, 0),
                "meetings_attended": attended.get(member.pk, 0),
            }
        )
    return rows


__all__ = ["MEMBER_FIELDS", "member_rows", "single_station"]
