"""Reads of the dashboard and map pages: the units one may pick, the drill-down links, the map's points.

The figures themselves come from `reports.selectors.dashboard`; the map's households from
`Household.objects.visible_to(user)` narrowed to the scope — the one access rule, twice applied.
"""

from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from longdan.core.scoping import get_scope
from longdan.fieldwork.cadence import cadence_class, cadences_for, due_on
from longdan.fieldwork.models import Visit
from longdan.households.models import Household
from longdan.households.poverty import PovertyCategory
from longdan.org.models import FIELD_UNIT_KINDS, Unit, UnitKind

from ..drilldown import drill_url
from ..indicators._common import primary_open_on
from ..periods import Period
from ..scope import ReportScope

# Units a dashboard is drawn for: the HQ, a province command, a station or flotilla (teams have no events).
PICKABLE_KINDS = (UnitKind.HQ, UnitKind.PROVINCE_COMMAND, *FIELD_UNIT_KINDS)


def scope_choices(user: Any) -> list[tuple[str, str]]:
    """(code, name) of the units `user` may draw a dashboard for, top units first."""
    access = get_scope(user)
    units = Unit.objects.filter(kind__in=PICKABLE_KINDS)
    if not access.everything:
        units = units.filter(pk__in=access.unit_ids)
    return [
        (code, "\u2003" * max(path.count("/") - 2, 0) + name)
        for code, name, path in units.order_by("path").values_list("code", "name", "path")
    ]


def station_columns(*, show_tips: bool) -> list[tuple[str, str]]:
    """(field, heading) of the stations table, in order."""
    columns = [
        ("households", _("Households")),
        ("coverage_percent", _("Covered %")),
        ("within_cadence_percent", _("Visited in cadence %")),
        ("visits", _("Visits")),
        ("households_visited", _("Households visited")),
        ("cases_received", _("Petitions received")),
        ("cases_resolved", _("Petitions resolved")),
        ("cases_overdue", _("Petitions overdue")),
        ("benefits", _("Support given")),
        ("benefits_value", _("Support (VND)")),
        ("meetings", _("Cell meetings")),
    ]
    if show_tips:
        columns.insert(8, ("tips_received", _("Tips received")))
    return columns


def member_columns() -> list[tuple[str, str]]:
    """(field, heading) of a station's members table, in order (`members.MEMBER_FIELDS`)."""
    return [
        ("households", _("Households in charge")),
        ("within_cadence_percent", _("Visited in cadence %")),
        ("visits", _("Visits")),
        ("households_visited", _("Households visited")),
        ("cases_recorded", _("Petitions recorded")),
        ("meetings_attended", _("Cell meetings attended")),
    ]


@dataclass
class DrillDown:
    """Links from a figure to the list of records behind it (`reports.drilldown`): the list page of
    the figure's records, narrowed to those the indicator counted for the scope and period.

    Those pages apply the access rule themselves (`visible_to`) before narrowing, so a link can
    only show what the user already sees.
    """

    period: Period
    scope_code: str = ""

    def figure(self, name: str, *, scope_code: str | None = None) -> str:
        code = self.scope_code if scope_code is None else scope_code
        return drill_url(name, scope_code=code, period=self.period)

    def for_member(self, scope: ReportScope, member_id: int) -> dict[str, str]:
        """The links of one row of a station's members table: the member's work list, and the visits
        of the period at which they were present (the visit list's own filters)."""
        assert scope.unit is not None
        station = scope.unit.pk
        query = urlencode(
            {
                "station": station,
                "member": member_id,
                "since": self.period.start.isoformat(),
                "until": self.period.end.isoformat(),
            }
        )
        work = reverse("station-member-work", args=[station, member_id])
        visits = f"{reverse('visit-list')}?{query}"
        return {"name": work, "households": work, "visits": visits, "households_visited": visits}

    def for_station(self, station_id: int, station_code: str) -> dict[str, str]:
        """The links of one row of the stations table (the station's figures, with the station as scope)."""

        def figure(name: str) -> str:
            return self.figure(name, scope_code=station_code)

        return {
            "households": figure("households"),
            "coverage_percent": reverse("station-coverage", args=[station_id]),
            "within_cadence_percent": reverse("station-cadence", args=[station_id]),
            "visits": figure("visits"),
            "households_visited": figure("households_visited"),
            "cases_received": figure("petitions_received"),
            "cases_resolved": figure("petitions_resolved"),
            "cases_overdue": figure("petitions_overdue"),
            "tips_received": figure("tips_received"),
            "benefits": figure("support_given"),
            "benefits_value": figure("support_given"),
            "meetings": figure("cell_meetings"),
        }


# --- the map ---

OVERDUE, ON_TIME = "overdue", "on_time"


def map_points(scope: ReportScope, *, user: Any, color: str = "poverty") -> dict[str, Any]:
    """The scope's households that have a location, as points, and each commune's centroid.

    A point is [latitude, longitude, category, url]: no name, ethnicity, religion or phone —
    a map is looked at over a shoulder. `category` is the poverty status ("" when not
    assessed), or "overdue" / "on_time" for the visit cadence on today's date.
    The unit list carries no commune outlines, so a station's area is shown by the centroid
    of its communes' households.
    """
    households = scope.filter_households(Household.objects.visible_to(user)).filter(
        latitude__isnull=False, longitude__isnull=False
    )
    fields = ["pk", "latitude", "longitude", "poverty_category", "commune_id", "commune__name"]
    if color == "overdue":
        today = timezone.localdate()
        last_visit = (
            Visit.objects.filter(household_id=OuterRef("pk")).order_by("-visited_at").values("visited_at")[:1]
        )
        since = (
            primary_open_on(today)
            .filter(household_id=OuterRef("pk"))
            .order_by("-start_date")
            .values("start_date")[:1]
        )
        rows = list(
            households.annotate(last_visited_at=Subquery(last_visit), primary_since=Subquery(since)).values(
                *fields, "station_id", "priority", "created_at", "last_visited_at", "primary_since"
            )
        )
        cadences = cadences_for({row["station_id"] for row in rows})
        for row in rows:
            klass = cadence_class(
                SimpleNamespace(priority=row["priority"], poverty_category=row["poverty_category"])
            )
            due = due_on(
                last_visited_at=row["last_visited_at"],
                since=row["primary_since"] or timezone.localdate(row["created_at"]),
                days=cadences[row["station_id"]].days(klass),
            )
            row["category"] = ON_TIME if due >= today else OVERDUE
        legend = {OVERDUE: _("Visit overdue"), ON_TIME: _("Visited within cadence")}
    else:
        rows = list(households.values(*fields))
        for row in rows:
            row["category"] = row["poverty_category"] or ""
        legend = {**{value: str(label) for value, label in PovertyCategory.choices}, "": _("Not assessed")}
    detail = reverse("household-detail", args=[0]).rstrip("/").rsplit("/", 1)[0]
    points = []
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    names: dict[int, str] = {}
    for row in rows:
        lat, lng = float(row["latitude"]), float(row["longitude"])
        points.append([round(lat, 6), round(lng, 6), row["category"], f"{detail}/{row['pk']}/"])
        total = sums[row["commune_id"]]
        total[0] += lat
        total[1] += lng
        total[2] += 1
        names[row["commune_id"]] = row["commune__name"]
    centroids = [
        {"name": names[pk], "lat": round(lat / n, 6), "lng": round(lng / n, 6), "households": int(n)}
        for pk, (lat, lng, n) in sums.items()
    ]
    return {"color": color, "legend": legend, "points": points, "centroids": centroids}
