"""The top bar's tabs: the pages a user's roles can use, and which one is open."""

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from longdan.audit.selectors import may_read_audit
from longdan.core.scoping import get_scope
from longdan.intel.selectors import has_tip_role
from longdan.privacy.models import may_handle_requests

register = template.Library()

# (URL name, label, URL-name prefixes that mark the tab as open).
_PETITIONS = ("case-board", _("Petitions"), ("case-",))
_COMMUNE_PETITIONS = ("case-commune", _("Petitions"), ("case-",))
_TIPS = ("tip-list", _("Tips"), ("tip-",))
_SUPPORT = ("support-event-list", _("Support"), ("support-", "benefit-"))
_DASHBOARD = ("dashboard", _("Dashboard"), ("dashboard", "map"))
_REPORTS = ("report-list", _("Reports"), ("report-list", "report-progress", "report-schedule"))
_PRIVACY = ("privacy-request-list", _("Personal data"), ("privacy-",))
_AUDIT = ("audit-list", _("Audit trail"), ("audit-",))
_WORK = ("work-today", _("Work today"), ("work-today", "visit-", "station-", "cellmeeting-"))


def _tab(spec: tuple[str, Any, tuple[str, ...]], current: str) -> dict[str, Any] | None:
    name, label, prefixes = spec
    try:
        url = reverse(name)
    except NoReverseMatch:  # an app not installed
        return None
    return {"url": url, "label": label, "current": current.startswith(prefixes)}


@register.simple_tag(takes_context=True)
def nav_tabs(context: template.Context) -> dict[str, Any]:
    """{"work": tab or None, "more": [tabs after Households]} for the user of this request (no query)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    current = (match.url_name or "") if match else ""
    scope = get_scope(user)
    if scope.is_empty:
        return {"work": None, "more": []}
    work = _tab(_WORK, current) if (scope.member_id or scope.is_command or scope.everything) else None
    specs: list[tuple[str, Any, tuple[str, ...]]] = []
    if scope.commune_ids and not (scope.unit_ids or scope.member_id or scope.everything):
        specs.append(_COMMUNE_PETITIONS)  # a liaison's petitions are those referred to the commune
    else:
        specs.append(_PETITIONS)
    if has_tip_role(user):
        specs.append(_TIPS)
    specs.append(_SUPPORT)
    # Report files: for whoever commands a station or more, or liaises for communes (reports.files).
    if scope.everything or scope.commune_ids or scope.units_for("station_command", "province_command", "hq"):
        specs.append(_REPORTS)
    # The dashboard and the map: for the commands (a station or more), whose units it is drawn for.
    if scope.everything or scope.units_for("station_command", "province_command", "hq"):
        specs.append(_DASHBOARD)
    if may_read_audit(user):  # administrators and the province command
        specs.append(_AUDIT)
    # Data-subject requests (and from there the breach register): station command and above.
    if may_handle_requests(user):
        specs.append(_PRIVACY)
    return {"work": work, "more": [tab for spec in specs if (tab := _tab(spec, current))]}
