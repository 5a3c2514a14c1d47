"""The dashboard's indicators as groups of rows: a label, this period, the previous one, the change, a link.

Built from `dashboard()`'s plain data, so the page shows exactly the selector's figures.
"""

from typing import Any

from django.utils.translation import gettext as _

from longdan.households.poverty import PovertyCategory

from ..charts import number
from ..members import MEMBER_FIELDS

# The columns of the stations table that can be sorted (server-side: plain links, no script).
SORTABLE = (
    "name",
    "households",
    "coverage_percent",
    "within_cadence_percent",
    "visits",
    "households_visited",
    "cases_received",
    "cases_resolved",
    "cases_overdue",
    "tips_received",
    "benefits",
    "benefits_value",
    "meetings",
)


# The members table of a station's dashboard, sorted the same way.
MEMBER_SORTABLE = ("name", *MEMBER_FIELDS)


def sort_rows(rows: list[dict[str, Any]], field: str, *, descending: bool = False) -> list[dict[str, Any]]:
    """Rows by `field`; rows without a value (None: not applicable or not visible) always last."""
    if field == "name":  # by the Vietnamese sort key when the rows carry one (members)
        return sorted(rows, key=lambda row: row.get("name_sort") or row["name"], reverse=descending)
    present = [row for row in rows if row.get(field) is not None]
    missing = [row for row in rows if row.get(field) is None]
    present.sort(key=lambda row: (row[field], row["name"]), reverse=descending)
    return present + missing


def _row(
    key: str, label: str, current: Any, previous: Any, link: str = "", *, percent: bool = False
) -> dict[str, Any]:
    change = None
    if isinstance(current, int | float) and isinstance(previous, int | float):
        change = current - previous
    suffix = "%" if percent else ""
    return {
        "key": key,
        "label": label,
        "current": "–" if current is None else number(current) + suffix,
        "previous": "–" if previous is None else number(previous) + suffix,
        "change": ""
        if not change
        else ("+" if change > 0 else "−") + number(abs(change)) + (" pt" if percent else ""),
        "direction": "" if not change else ("up" if change > 0 else "down"),
        "link": link,
    }


def _keyed(label: str, found: tuple[str, Any, Any]) -> tuple[str, str, Any, Any]:
    return found[0], label, found[1], found[2]


def indicator_groups(indicators: dict[str, Any], *, links: Any, show_tips: bool) -> list[dict[str, Any]]:
    """[{"title", "rows": [row]}] in the order of the page."""

    def pair(name: str, key: str | None = None) -> tuple[str, Any, Any]:
        """(a stable key such as "visits.visits", this period's value, the previous period's)."""
        values = indicators[name]
        if key is None:
            return name, values["current"], values["previous"]
        return f"{name}.{key}", values["current"].get(key), values["previous"].get(key)

    groups = [
        {
            "key": "coverage",
            "title": _("Coverage"),
            "rows": [
                _row(*_keyed(_("Members in charge"), pair("members_in_charge"))),
                _row(
                    *_keyed(_("Households"), pair("household_coverage", "households")),
                    links.figure("households"),
                ),
                _row(
                    *_keyed(_("Households with a member in charge"), pair("household_coverage", "covered")),
                    links.figure("covered"),
                ),
                _row(
                    *_keyed(_("Households without a member"), pair("household_coverage", "without_member")),
                    links.figure("without_member"),
                ),
                _row(*_keyed(_("Coverage"), pair("household_coverage", "percent")), percent=True),
            ],
        },
        {
            "key": "visits",
            "title": _("Visits"),
            "rows": [
                _row(*_keyed(_("Visits"), pair("visits", "visits")), links.figure("visits")),
                _row(
                    *_keyed(_("Households visited"), pair("visits", "households_visited")),
                    links.figure("households_visited"),
                ),
                _row(*_keyed(_("Visits per household per month"), pair("visits", "per_household_per_month"))),
                _row(
                    *_keyed(
                        _("Households visited within their cadence"), pair("visited_within_cadence", "within")
                    )
                ),
                _row(*_keyed(_("Within cadence"), pair("visited_within_cadence", "percent")), percent=True),
            ],
        },
        {
            "key": "petitions",
            "title": _("Petitions"),
            "rows": [
                _row(
                    *_keyed(_("Received"), pair("petitions_received", "received")),
                    links.figure("petitions_received"),
                ),
                _row(
                    *_keyed(_("Resolved"), pair("petitions_resolved", "resolved")),
                    links.figure("petitions_resolved"),
                ),
                _row(*_keyed(_("Resolved on time"), pair("petitions_resolved", "on_time"))),
                _row(*_keyed(_("Median days to resolve"), pair("petitions_resolved", "median_days"))),
                _row(*_keyed(_("Overdue"), pair("petitions_overdue")), links.figure("petitions_overdue")),
            ],
        },
    ]
    if show_tips:
        groups.append(
            {
                "key": "tips",
                "title": _("Tips"),
                "rows": [
                    _row(*_keyed(_("Received"), pair("tips", "received")), links.figure("tips_received")),
                    _row(*_keyed(_("Verified"), pair("tips", "verified")), links.figure("tips_verified")),
                    _row(*_keyed(_("Acted on"), pair("tips", "acted_on")), links.figure("tips_acted_on")),
                ],
                "note": ""
                if indicators["tips"]["current"]["complete"]
                else _("Only the tips your role may see."),
            }
        )
    groups += [
        {
            "key": "support",
            "title": _("Support"),
            "rows": [
                _row(
                    *_keyed(_("Support given"), pair("support_given", "benefits")),
                    links.figure("support_given"),
                ),
                _row(*_keyed(_("Value (VND)"), pair("support_given", "total_value"))),
                _row(
                    *_keyed(_("People served at support events"), pair("support_given", "people_served")),
                    links.figure("support_events"),
                ),
                _row(*_keyed(_("Loans advised"), pair("loans", "advised")), links.figure("loans_advised")),
                _row(
                    *_keyed(_("Loans disbursed"), pair("loans", "disbursed")), links.figure("loans_disbursed")
                ),
                _row(*_keyed(_("Loans disbursed (VND)"), pair("loans", "disbursed_amount"))),
            ],
        },
        {
            "key": "poverty",
            "title": _("Poverty"),
            "rows": [
                *[
                    _row(
                        *_keyed(str(label), pair("poverty_status", value)),
                        links.figure(f"poverty_{value}"),
                    )
                    for value, label in PovertyCategory.choices
                ],
                _row(
                    *_keyed(_("Out of poverty in the period"), pair("poverty_transitions", "out_of_poverty")),
                    links.figure("out_of_poverty"),
                ),
                _row(
                    *_keyed(_("Into poverty in the period"), pair("poverty_transitions", "into_poverty")),
                    links.figure("into_poverty"),
                ),
            ],
        },
        {
            "key": "meetings",
            "title": _("Cell meetings"),
            "rows": [
                _row(
                    *_keyed(_("Meetings held"), pair("cell_meetings", "held")), links.figure("cell_meetings")
                ),
                _row(*_keyed(_("Attendances"), pair("cell_meetings", "attendances"))),
                _row(*_keyed(_("Members attending"), pair("cell_meetings", "members_attending"))),
            ],
        },
    ]
    return groups
