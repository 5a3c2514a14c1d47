"""The dashboard (`/reports/dashboard/`) and the map (`/reports/map/`) of a scope.

Thin: read the scope and the period from the query string, call the selectors
(`reports.selectors.dashboard`, `.selectors.map_points`), render. A scope the user
may not see answers 404, like a record of another station.
"""

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from longdan.intel.selectors import has_tip_role
from longdan.org.models import UnitKind

from .. import charts
from ..files.forms import period_suggestions
from ..periods import Period, PeriodError
from ..scope import ReportScope
from ..selectors import dashboard
from . import selectors
from .groups import MEMBER_SORTABLE, SORTABLE, indicator_groups, sort_rows


def _scope(request: HttpRequest) -> ReportScope:
    """The scope of `?scope=<unit code>`, or everything the user may see (403 for a user with no unit)."""
    code = request.GET.get("scope", "").strip()
    if code:
        return ReportScope.for_unit(code, user=request.user)  # Http404 when not theirs
    scope = ReportScope.for_user(request.user)
    if scope.is_empty:  # a field member: their households, but no unit to report on
        raise PermissionDenied
    return scope


def _period(request: HttpRequest) -> tuple[Period, str]:
    """The period of `?period=`, else the current month; and the error to show when it could not be read."""
    text = request.GET.get("period", "").strip()
    if text:
        try:
            return Period.parse(text), ""
        except PeriodError as exc:
            return Period.containing_month(timezone.localdate()), str(exc)
    return Period.containing_month(timezone.localdate()), ""


@login_required
@require_GET
def dashboard_view(request: HttpRequest) -> HttpResponse:
    """The indicators with the previous period beside them, 12-month trends, the stations side by side."""
    scope = _scope(request)
    period, period_error = _period(request)
    board = dashboard(user=request.user, scope=scope, period=period)
    show_tips = has_tip_role(request.user)
    sort, descending = request.GET.get("sort", "name"), request.GET.get("dir") == "desc"
    members = board["members"]  # a station: its members side by side instead of its one row
    if sort not in (MEMBER_SORTABLE if members else SORTABLE):
        sort = "name"
    rows = [] if members else sort_rows(board["stations"], sort, descending=descending)
    scope_code = request.GET.get("scope", "").strip()
    links = selectors.DrillDown(period=period, scope_code=scope_code)
    context: dict[str, Any] = {
        "board": board,
        "scope": scope,
        "period": period,
        "period_error": period_error,
        "period_text": request.GET.get("period", "").strip() or period.code,
        "scope_code": scope_code,
        "scope_choices": selectors.scope_choices(request.user),
        "suggestions": period_suggestions(),
        "groups": indicator_groups(board["indicators"], links=links, show_tips=show_tips),
        "charts": _trend_charts(board["trend"], show_tips=show_tips),
        "rows": rows,
        "columns": selectors.station_columns(show_tips=show_tips),
        "sort": sort,
        "descending": descending,
        "station_links": {
            row["station_id"]: links.for_station(row["station_id"], row["code"]) for row in rows
        },
        "members": sort_rows(members, sort, descending=descending),
        "member_columns": selectors.member_columns(),
        "member_links": {row["member_id"]: links.for_member(scope, row["member_id"]) for row in members},
    }
    context["side_by_side"] = _side_by_side(context, scope=scope)
    return render(request, "reports/dashboard.html", context, status=400 if period_error else 200)


def _side_by_side(context: dict[str, Any], *, scope: ReportScope) -> dict[str, Any] | None:
    """The table of the stations, or of a station's members, as the template draws it (name, cells)."""
    if context["members"]:
        columns, links = context["member_columns"], context["member_links"]
        rows = [
            {
                "name": row["name"],
                "url": links[row["member_id"]]["name"],
                "sub": row["rank"] if row["active"] else f"{row['rank']} · {_('no longer active')}",
                "cells": [(row[field], links[row["member_id"]].get(field)) for field, _heading in columns],
            }
            for row in context["members"]
        ]
        title, heading, help_text = (
            _("Members side by side"),
            _("Member"),
            _(
                "Each member's households in charge on the last day of the period, and what they did "
                "in it. Click a heading to sort."
            ),
        )
    elif context["rows"]:
        columns, links = context["columns"], context["station_links"]
        in_province = scope.unit is not None and scope.unit.kind == UnitKind.PROVINCE_COMMAND
        period = context["period"].code
        rows = [
            {
                "name": row["name"],
                "url": f"?{urlencode({'scope': row['code'], 'period': period})}",
                "sub": "" if in_province else row["province_command"],
                "cells": [(row[field], links[row["station_id"]].get(field)) for field, _heading in columns],
            }
            for row in context["rows"]
        ]
        title, heading, help_text = (
            _("Stations side by side"),
            _("Station"),
            _("Click a heading to sort; click a figure for the records behind it."),
        )
    else:
        return None
    return {
        "title": title,
        "help": help_text,
        "name_heading": heading,
        "table_class": "dash-members" if context["members"] else "dash-stations",
        "columns": columns,
        "rows": rows,
    }


def _trend_charts(trend: dict[str, Any], *, show_tips: bool) -> list[dict[str, Any]]:
    """The 12-month charts, as data: URIs (matplotlib's SVG styles its shapes inline, which our CSP
    forbids in a page's markup but allows in an image), with the figures as text beside them."""
    series = trend["series"]
    wanted = [
        (_("Visits"), {_("Visits"): series["visits"]}, "line"),
        (
            _("Petitions"),
            {_("Received"): series["cases_received"], _("Resolved"): series["cases_resolved"]},
            "bar",
        ),
        (_("Support given (VND)"), {_("Value (VND)"): series["benefits_value"]}, "bar"),
        (_("Cell meetings"), {_("Meetings"): series["meetings"]}, "line"),
    ]
    if show_tips:
        wanted.insert(2, (_("Tips"), {_("Received"): series["tips_received"]}, "line"))
    found = []
    for title, data, kind in wanted:
        image = charts.trend_chart(data, title=title, labels=trend["months"], kind=kind)  # type: ignore[arg-type]
        found.append(
            {
                "title": title,
                "src": charts.data_uri(image),
                "rows": [
                    {"name": name, "values": [charts.number(v) if v is not None else "–" for v in values]}
                    for name, values in data.items()
                ],
            }
        )
    return found


@login_required
@require_GET
def map_view(request: HttpRequest) -> HttpResponse:
    """The households of the scope on a map; the points come from `map_points`, drawn by Leaflet."""
    scope = _scope(request)
    color = "overdue" if request.GET.get("color") == "overdue" else "poverty"
    context = {
        "scope": scope,
        "scope_code": request.GET.get("scope", "").strip(),
        "scope_choices": selectors.scope_choices(request.user),
        "color": color,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
    return render(request, "reports/map.html", context)


@login_required
@require_GET
def map_points(request: HttpRequest) -> JsonResponse:
    """{"points": [[lat, lng, category, household url]], "centroids": [...], "legend": {...}}."""
    scope = _scope(request)
    color = "overdue" if request.GET.get("color") == "overdue" else "poverty"
    return JsonResponse(selectors.map_points(scope, user=request.user, color=color))
