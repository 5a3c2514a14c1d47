"""Indicators: reports.selectors.dashboard for a unit the user may see and a period."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Schema

from longdan.reports.periods import Period, PeriodError
from longdan.reports.scope import ReportScope
from longdan.reports.selectors import dashboard

router = Router(tags=["indicators"])


class IndicatorQuery(Schema):
    scope: str = ""
    period: str = ""


@router.get("/indicators", response=dict[str, Any])
def indicators_api(request: HttpRequest, query: Query[IndicatorQuery]) -> Any:
    """Every indicator for `scope` (a unit code; everything the user may see when left out) and `period`
    (2026-10, 2026-Q3, 2026-H1, 2026 or 2026-01-01..2026-03-31; this month when left out), with the
    previous period beside it, a 12-month trend and one row per station — the dashboard's data.

    404 for a unit outside the user's scope, the same as for no such unit.
    """
    try:
        period = Period.parse(query.period) if query.period else Period.containing_month(timezone.localdate())
    except PeriodError as exc:
        raise ValidationError({"period": [str(exc)]}) from exc
    scope = ReportScope.for_unit(query.scope, user=request.user) if query.scope else None
    return dashboard(user=request.user, scope=scope, period=period)
