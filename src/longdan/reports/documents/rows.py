"""The indicator table of a report: which figure goes on which line, under which name.

One list for every format, so the .xlsx, the .docx and the PDF show the same lines in the
same order. Each line names the figure it shows by its path in the dashboard's data
("household_coverage.covered" is `indicators["household_coverage"]["current"]["covered"]`):
the .xlsx writes that key beside the figure, and a test compares them with the dashboard.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from longdan.cases.models import Category

from ..charts import number

INT, PERCENT, DECIMAL, VND = "int", "percent", "decimal", "vnd"


@dataclass(frozen=True)
class IndicatorRow:
    number: str  # "1", "1.2" … (empty for a group heading's own line: it has none)
    label: str
    unit: str
    key: str  # path into the indicators; "" for a group heading
    kind: str = INT
    current: Any = None
    previous: Any = None

    @property
    def is_heading(self) -> bool:
        return not self.key

    def shown(self, value: Any) -> str:
        """The figure as text for a document: 1.234, 66,7; "—" for none."""
        if value is None:
            return "—"
        return number(value)


# (group title, [(key, label, unit, kind)]). Units are the customary ones of such reports.
_GROUPS: list[tuple[Any, list[tuple[str, Any, Any, str]]]] = [
    (
        gettext_lazy("Households in charge"),
        [
            ("members_in_charge", gettext_lazy("Party members in charge of households"), gettext_lazy("members"), INT),
            ("household_coverage.households", gettext_lazy("Households in the area"), gettext_lazy("households"), INT),
            ("household_coverage.covered", gettext_lazy("Households with a member in charge"), gettext_lazy("households"), INT),
            ("household_coverage.percent", gettext_lazy("Share of households with a member in charge"), "%", PERCENT),
            ("household_coverage.without_member", gettext_lazy("Households without a member in charge"), gettext_lazy("households"), INT),
        ],
    ),
    (
        gettext_lazy("Visits"),
        [
            ("visits.visits", gettext_lazy("Visits to households"), gettext_lazy("visits"), INT),
            ("visits.households_visited", gettext_lazy("Households visited"), gettext_lazy("households"), INT),
            ("visits.per_household_per_month", gettext_lazy("Visits per household per month"), gettext_lazy("visits"), DECIMAL),
            ("visited_within_cadence.within", gettext_lazy("Households visited within their cadence"), gettext_lazy("households"), INT),
            ("visited_within_cadence.percent", gettext_lazy("Share of households visited within their cadence"), "%", PERCENT),
        ],
    ),
    (
        gettext_lazy("Petitions"),
        [
            ("petitions_received.received", gettext_lazy("Petitions received"), gettext_lazy("petitions"), INT),
            *[
                (f"petitions_received.by_category.{value}", label, gettext_lazy("petitions"), INT)
                for value, label in Category.choices
            ],
            ("petitions_resolved.resolved", gettext_lazy("Petitions resolved"), gettext_lazy("petitions"), INT),
            ("petitions_resolved.on_time", gettext_lazy("of which on time"), gettext_lazy("petitions"), INT),
            ("petitions_resolved.on_time_percent", gettext_lazy("Share resolved on time"), "%", PERCENT),
            ("petitions_resolved.median_days", gettext_lazy("Median days to resolve"), gettext_lazy("days"), DECIMAL),
            ("petitions_overdue", gettext_lazy("Petitions overdue"), gettext_lazy("petitions"), INT),
        ],
    ),
    (
        gettext_lazy("Security tips"),
        [
            ("tips.received", gettext_lazy("Tips received"), gettext_lazy("tips"), INT),
            ("tips.verified", gettext_lazy("Tips verified"), gettext_lazy("tips"), INT),
            ("tips.acted_on", gettext_lazy("Tips acted on"), gettext_lazy("tips"), INT),
        ],
    ),
    (
        gettext_lazy("Support"),
        [
            ("support_given.benefits", gettext_lazy("Support given to households"), gettext_lazy("times"), INT),
            ("support_given.value", gettext_lazy("Value of support given"), "VND", VND),
            ("support_given.events", gettext_lazy("Support events held"), gettext_lazy("events"), INT),
            ("support_given.people_served", gettext_lazy("People served at support events"), gettext_lazy("people"), INT),
            ("support_given.medicine_value", gettext_lazy("Value of medicine given"), "VND", VND),
            ("support_given.total_value", gettext_lazy("Total value of support"), "VND", VND),
            ("loans.advised", gettext_lazy("Loans advised"), gettext_lazy("loans"), INT),
            ("loans.advised_amount", gettext_lazy("Amount of loans advised"), "VND", VND),
            ("loans.disbursed", gettext_lazy("Loans disbursed"), gettext_lazy("loans"), INT),
            ("loans.disbursed_amount", gettext_lazy("Amount of loans disbursed"), "VND", VND),
        ],
    ),
    (
        gettext_lazy("Poverty"),
        [
            ("poverty_status.poor", gettext_lazy("Poor households"), gettext_lazy("households"), INT),
            ("poverty_status.near_poor", gettext_lazy("Near-poor households"), gettext_lazy("households"), INT),
            ("poverty_transitions.out_of_poverty", gettext_lazy("Households out of poverty in the period"), gettext_lazy("households"), INT),
            ("poverty_transitions.into_poverty", gettext_lazy("Households into poverty in the period"), gettext_lazy("households"), INT),
        ],
    ),
    (
        gettext_lazy("Hamlet cell meetings"),
        [
            ("cell_meetings.held", gettext_lazy("Hamlet cell meetings held"), gettext_lazy("meetings"), INT),
            ("cell_meetings.attendances", gettext_lazy("Attendances of station members"), gettext_lazy("attendances"), INT),
            ("cell_meetings.members_attending", gettext_lazy("Members attending"), gettext_lazy("members"), INT),
        ],
    ),
]  # fmt: skip

# Petition categories with nothing in either period are left out of a document (eleven empty lines).
_OPTIONAL_PREFIX = "petitions_received.by_category."


def lookup(indicators: dict[str, Any], key: str, which: str) -> Any:
    """`indicators[name][which]` followed down the rest of the dotted key; None when absent."""
    name, _dot, rest = key.partition(".")
    value: Any = indicators.get(name, {}).get(which)
    for part in rest.split(".") if rest else []:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def indicator_rows(data: dict[str, Any]) -> list[IndicatorRow]:
    """The lines of the indicator table for `data` (as from `report_data`), numbered 1, 1.1 …

    Tip lines are left out when the figures are not every tip of the scope (a role that
    sees only some tips: its counts would read as the scope's); a note says so.
    """
    indicators = data["indicators"]
    tips_complete = bool(lookup(indicators, "tips.complete", "current"))
    rows: list[IndicatorRow] = []
    group_number = 0
    for title, lines in _GROUPS:
        if lines[0][0].startswith("tips.") and not tips_complete:
            continue
        group_number += 1
        rows.append(IndicatorRow(number=str(group_number), label=str(title), unit="", key=""))
        line_number = 0
        for key, label, unit, kind in lines:
            current, previous = lookup(indicators, key, "current"), lookup(indicators, key, "previous")
            if key.startswith(_OPTIONAL_PREFIX) and not current and not previous:
                continue
            line_number += 1
            rows.append(
                IndicatorRow(
                    number=f"{group_number}.{line_number}",
                    label=str(label),
                    unit=str(unit),
                    key=key,
                    kind=kind,
                    current=current,
                    previous=previous,
                )
            )
    return rows


def figures(rows: list[IndicatorRow]) -> Iterator[IndicatorRow]:
    return (row for row in rows if not row.is_heading)


def tips_note(data: dict[str, Any]) -> str:
    """A sentence for the document when the tip lines were left out; "" otherwise."""
    if lookup(data["indicators"], "tips.complete", "current"):
        return ""
    return _("Security tips are not counted in this report: they are seen only by the station command.")
