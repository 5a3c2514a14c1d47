"""The indicators of the model "đảng viên Đồn Biên phòng phụ trách hộ gia đình".

Each is one function `(scope, period) -> plain data` (ints, floats, strings, dicts, lists:
ready for JSON, a spreadsheet or a template), and its docstring is its exact definition;
docs/indicators.md collects them in one table. Common rules:

- Events (visits, petitions, tips, support, meetings) count for the station they were
  attributed to when they happened; households for the station and commune they belong to now.
- A period is a run of local days (Asia/Ho_Chi_Minh); an instant belongs to its local day.
- Point-in-time indicators (coverage, cadence, overdue, poverty status) are read on the
  as-of day: the period's last day, or today when the period has not ended yet.
- Only what the scope's user may see is counted (see `ReportScope`).

`compute_all(scope, period)` returns every indicator for the period and the one before it.
"""

from collections.abc import Callable
from typing import Any

from ..periods import Period
from ..scope import ReportScope
from . import parallel
from ._common import shared_reads
from .coverage import household_coverage, households_in_scope, members_in_charge
from .fieldwork import cell_meetings, visited_within_cadence, visits
from .petitions import petitions_overdue, petitions_received, petitions_resolved
from .poverty import poverty_status, poverty_transitions
from .support import loans, support_given
from .tips import tips

Indicator = Callable[[ReportScope, Period], Any]

# In the order reports show them.
INDICATORS: dict[str, Indicator] = {
    "members_in_charge": members_in_charge,
    "household_coverage": household_coverage,
    "visits": visits,
    "visited_within_cadence": visited_within_cadence,
    "petitions_received": petitions_received,
    "petitions_resolved": petitions_resolved,
    "petitions_overdue": petitions_overdue,
    "tips": tips,
    "support_given": support_given,
    "loans": loans,
    "poverty_status": poverty_status,
    "poverty_transitions": poverty_transitions,
    "cell_meetings": cell_meetings,
}


def compute(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Every indicator for one period (what several of them read is read once)."""
    with shared_reads():
        return {name: indicator(scope, period) for name, indicator in INDICATORS.items()}


def compute_all(scope: ReportScope, period: Period) -> dict[str, Any]:
    """Every indicator for `period` with the same for `period.previous()` beside it:

    {"scope": {...}, "period": {...}, "previous_period": {...},
     "indicators": {name: {"current": value, "previous": value}}}
    """
    previous = period.previous()
    with shared_reads():
        if parallel.may_run_in_parallel():
            current_values, previous_values = parallel.both(
                lambda: compute(scope, period), lambda: compute(scope, previous)
            )
        else:
            current_values = compute(scope, period)
            previous_values = compute(scope, previous)
    return {
        "scope": scope.as_dict(),
        "period": period.as_dict(),
        "previous_period": previous.as_dict(),
        "indicators": {
            name: {"current": current_values[name], "previous": previous_values[name]} for name in INDICATORS
        },
    }


__all__ = [
    "INDICATORS",
    "cell_meetings",
    "compute",
    "compute_all",
    "household_coverage",
    "households_in_scope",
    "loans",
    "members_in_charge",
    "petitions_overdue",
    "petitions_received",
    "petitions_resolved",
    "poverty_status",
    "poverty_transitions",
    "support_given",
    "tips",
    "visited_within_cadence",
    "visits",
]
