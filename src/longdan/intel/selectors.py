"""Reads for security tips: always through Tip.objects.visible_to."""

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from longdan.core.scoping import get_scope
from longdan.org.models import Unit, UnitKind

from .models import TIP_COMMAND_ROLES, TIP_TEAM_ROLES, Tip, TipStatus


def get_tip_for_user(user: Any, pk: int) -> Tip:
    """The tip, or 404 for both "no such tip" and "not yours"."""
    return get_object_or_404(Tip.objects.visible_to(user).select_related("station", "receiving_team"), pk=pk)


def tip_list(*, user: Any, status: str = "", category: str = "", urgency: str = "") -> QuerySet[Tip]:
    tips = Tip.objects.visible_to(user).select_related("station", "receiving_team", "recorded_by")
    if status:
        tips = tips.filter(status=status)
    if category:
        tips = tips.filter(category=category)
    if urgency:
        tips = tips.filter(urgency=urgency)
    return tips


def is_station_command(user: Any, tip: Tip) -> bool:
    """The user commands the tip's station (or a unit above it with the station-command role)."""
    return tip.station_id in get_scope(user).units_for(*TIP_COMMAND_ROLES)


def is_receiving_team(user: Any, tip: Tip) -> bool:
    return tip.receiving_team_id is not None and tip.receiving_team_id in get_scope(user).units_for(
        *TIP_TEAM_ROLES
    )


def has_tip_role(user: Any) -> bool:
    """Holds a role that sees other people's tips (station command or team lead) — the tips list's audience."""
    return bool(get_scope(user).units_for(*TIP_COMMAND_ROLES, *TIP_TEAM_ROLES))


# The step each status allows next, and who may take it (the services check the same, and stay the authority).
TIP_ACTIONS = ("pass", "assess", "act")


def tip_actions(*, user: Any, tip: Tip) -> list[str]:
    """The steps `user` may take on `tip` now: "pass" to a team, "assess" it, record what was done ("act")."""
    command = is_station_command(user, tip)
    team = is_receiving_team(user, tip)
    if tip.status == TipStatus.RECEIVED and command:
        return ["pass"]
    if tip.status == TipStatus.PASSED and (command or team):
        return ["assess"]
    if tip.status == TipStatus.VERIFIED and (command or team):
        return ["act"]
    return []


def teams_of_station(station: Unit) -> QuerySet[Unit]:
    """The teams a tip of `station` can be passed to."""
    return Unit.objects.filter(kind=UnitKind.TEAM, parent=station).order_by("name_sort", "pk")


def tip_events(tip: Tip) -> list[Any]:
    """The tip's steps in the order they happened, each with who took it."""
    return list(tip.events.select_related("actor", "actor__member").order_by("at", "id"))
