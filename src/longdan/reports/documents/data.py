"""What a report file shows, as plain data: the dashboard's figures and the lists behind them.

    report_data(scope=scope, period=period, user=request.user)   # == dashboard(user=…, scope=…, period=…)
    report_data(scope=ReportScope.for_unit("DBP-VH"), period=period, user=None)   # the system (CLI)

The figures are the dashboard's own (`selectors.dashboard`), so a file and the page agree
number for number. The lists are the records behind some of them, read through the same
scope and the same indicator querysets, with no sensitive field (ethnicity, religion,
tips or their sources).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext as _

from longdan.cases.models import CaseState, Category
from longdan.fieldwork.models import VisitMember
from longdan.people.models import Member
from longdan.support.models import SupportEvent

from .. import rollup
from ..indicators import compute_all
from ..indicators._common import primary_open_on
from ..indicators.coverage import registered_households
from ..indicators.petitions import overdue_queryset
from ..indicators.support import benefits_queryset
from ..periods import Period
from ..scope import ReportScope
from ..selectors import TREND_MONTHS, dashboard, station_rows


def report_data(*, scope: ReportScope, period: Period, user: Any) -> dict[str, Any]:
    """The dashboard's data for `scope` and `period` as `user` sees it; for user=None, as the
    system sees it (everything in the scope, tips included): the same three parts as `dashboard`."""
    if user is not None:
        return dashboard(user=user, scope=scope, period=period)
    result = compute_all(scope, period)
    result["trend"] = rollup.trend(scope, period.trailing_months(TREND_MONTHS))
    result["stations"] = station_rows(scope, period)
    return result


@dataclass
class Listing:
    """A list of records: a title, column names and rows of plain values (dates, ints, strings)."""

    key: str
    title: str
    sheet: str  # a short name for its sheet in the workbook (Excel allows 31 characters)
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    # Per row, the station it belongs to (for the per-station sheets).
    station_ids: list[int | None] = field(default_factory=list)
    money: frozenset[int] = frozenset()  # indexes of VND columns


def report_lists(scope: ReportScope, period: Period) -> list[Listing]:
    """The lists behind the figures: overdue petitions and households without a member on the
    as-of day, and the support given in the period (benefits, then support events)."""
    return [
        overdue_petitions(scope, period),
        households_without_member(scope, period),
        support_given_list(scope, period),
        support_events_list(scope, period),
    ]


def overdue_petitions(scope: ReportScope, period: Period) -> Listing:
    """The petitions counted by `petitions_overdue`, most overdue first."""
    as_of = period.as_of()
    unchanged, changed = overdue_queryset(scope, period)
    columns = ["pk", "title", "category", "received_on", "due_on", "state", "station__name", "station_id"]
    columns += ["household__head_name", "household__hamlet__name", "hamlet__name"]
    found = [(row, row["state"]) for row in unchanged.values(*columns)]
    found += [
        (row, row["state_then"] or CaseState.RECEIVED) for row in changed.values(*columns, "state_then")
    ]
    found.sort(key=lambda pair: (pair[0]["due_on"], pair[0]["pk"]))
    categories, states = dict(Category.choices), dict(CaseState.choices)
    listing = Listing(
        key="overdue_petitions",
        title=_("Overdue petitions on %(day)s") % {"day": f"{as_of:%d/%m/%Y}"},
        sheet=_("Overdue petitions"),
        columns=[
            _("Petition"), _("Category"), _("Household"), _("Hamlet"), _("Received on"), _("Due on"),
            _("Days overdue"), _("State"), _("Station"),
        ],
    )  # fmt: skip
    for row, state in found:
        listing.rows.append(
            [
                row["title"],
                str(categories.get(row["category"], row["category"])),
                row["household__head_name"] or "",
                row["household__hamlet__name"] or row["hamlet__name"] or "",
                row["received_on"],
                row["due_on"],
                (as_of - row["due_on"]).days,
                str(states.get(state, state)),
                row["station__name"],
            ]
        )
    listing.station_ids = [row["station_id"] for row, _state in found]
    return listing


def households_without_member(scope: ReportScope, period: Period) -> Listing:
    """The households counted in `household_coverage.without_member`: in the register on the
    as-of day with no primary assignment in force that day."""
    as_of = period.as_of()
    in_force = primary_open_on(as_of).filter(household_id=OuterRef("pk"))
    rows = (
        registered_households(scope, as_of)
        .filter(~Exists(in_force))
        .order_by("station__path", "hamlet__name", "name_sort")
        .values_list("code", "head_name", "hamlet__name", "commune__name", "station__name", "station_id")
    )
    listing = Listing(
        key="households_without_member",
        title=_("Households without a member in charge on %(day)s") % {"day": f"{as_of:%d/%m/%Y}"},
        sheet=_("Without a member"),
        columns=[_("Household code"), _("Head of household"), _("Hamlet"), _("Commune"), _("Station")],
    )
    for code, head, hamlet, commune, station, station_id in rows:
        listing.rows.append([code, head, hamlet or "", commune or "", station or ""])
        listing.station_ids.append(station_id)
    return listing


def support_given_list(scope: ReportScope, period: Period) -> Listing:
    """The benefits counted by `support_given` (what reached a household in the period)."""
    rows = (
        benefits_queryset(scope, period)
        .order_by("given_on", "pk")
        .values_list(
            "given_on",
            "program__name",
            "household__head_name",
            "household__hamlet__name",
            "value",
            "loan_amount",
            "station__name",
            "station_id",
        )
    )
    listing = Listing(
        key="support_given",
        title=_("Support given in the period"),
        sheet=_("Support given"),
        columns=[
            _("Date"), _("Program"), _("Household"), _("Hamlet"), _("Value (VND)"), _("Loan (VND)"), _("Station"),
        ],
        money=frozenset({4, 5}),
    )  # fmt: skip
    for given_on, program, head, hamlet, value, loan, station, station_id in rows:
        listing.rows.append([given_on, program, head or "", hamlet or "", value, loan, station])
        listing.station_ids.append(station_id)
    return listing


def support_events_list(scope: ReportScope, period: Period) -> Listing:
    """The support events counted by `support_given` (medical camps, ceremonies …) in the period."""
    events = scope.filter_events(
        SupportEvent.objects.filter(held_on__gte=period.start, held_on__lte=period.end),
        commune="hamlet__commune_id",
    ).order_by("held_on", "pk")
    rows = events.values_list(
        "held_on",
        "title",
        "program__name",
        "hamlet__name",
        "place",
        "people_served",
        "medicine_value",
        "station__name",
        "station_id",
    )
    listing = Listing(
        key="support_events",
        title=_("Support events in the period"),
        sheet=_("Support events"),
        columns=[
            _("Date"), _("Event"), _("Program"), _("Where"), _("People served"), _("Medicine (VND)"), _("Station"),
        ],
        money=frozenset({5}),
    )  # fmt: skip
    for held_on, title, program, hamlet, place, people, medicine, station, station_id in rows:
        listing.rows.append([held_on, title, program, hamlet or place or "", people, medicine, station])
        listing.station_ids.append(station_id)
    return listing


def members_in_charge_by_station(scope: ReportScope, period: Period) -> dict[int, list[list[Any]]]:
    """Per station of the households: the members in charge on the as-of day, with the number of
    households in their charge then and of visits they took part in during the period."""
    as_of = period.as_of()
    charge = (
        scope.filter_households(primary_open_on(as_of), prefix="household__")
        .values("household__station_id", "member_id")
        .annotate(households=Count("*"))
        .order_by()
    )
    per_station: dict[int, dict[int, int]] = defaultdict(dict)
    for row in charge:
        per_station[row["household__station_id"]][row["member_id"]] = row["households"]
    member_ids = {pk for members in per_station.values() for pk in members}
    start, end = period.bounds()
    visits = dict(
        VisitMember.objects.filter(
            member_id__in=member_ids, visit__visited_at__gte=start, visit__visited_at__lt=end
        )
        .values("member_id")
        .annotate(n=Count("visit_id", distinct=True))
        .values_list("member_id", "n")
        .order_by()
    )
    members = {
        member.pk: member
        for member in Member.objects.filter(pk__in=member_ids).only("full_name", "rank", "position")
    }
    result: dict[int, list[list[Any]]] = {}
    for station_id, counts in per_station.items():
        rows: list[list[Any]] = [
            [
                members[pk].full_name,
                members[pk].get_rank_display(),
                members[pk].position,
                households,
                visits.get(pk, 0),
            ]
            for pk, households in counts.items()
        ]
        rows.sort(key=lambda row: str(row[0]))
        result[station_id] = rows
    return result
