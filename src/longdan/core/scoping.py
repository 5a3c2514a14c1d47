"""The one scoping rule: what a user may see, computed once per request from their role grants.

A user sees the records of the units they hold a command role on (and every unit
below), the households they are in charge of themselves, and — for commune
liaisons — the records of their communes. Every `visible_to(user)` queryset
method reads this and nothing else.
"""

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Q

# Kept in step with accounts.models.Role; plain strings so core imports no app.
_COMMAND_ROLES = {"station_command", "team_lead", "province_command", "hq"}
_SENSITIVE_ROLES = {"station_command", "province_command", "hq", "admin"}


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    unit_ids: frozenset[int] = field(default_factory=frozenset)
    commune_ids: frozenset[int] = field(default_factory=frozenset)
    member_id: int | None = None
    roles: frozenset[str] = field(default_factory=frozenset)
    sensitive: bool = False
    # Unit subtrees per command role, for rules narrower than "any command role" (tips: station command and team).
    role_units: dict[str, frozenset[int]] = field(default_factory=dict)

    def units_for(self, *roles: str) -> frozenset[int]:
        """Units (with their subtrees) on which the user holds one of `roles`."""
        result: frozenset[int] = frozenset()
        for role in roles:
            result |= self.role_units.get(role, frozenset())
        return result

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.unit_ids or self.commune_ids or self.member_id)

    @property
    def is_command(self) -> bool:
        return self.everything or bool(self.roles & _COMMAND_ROLES)


NOTHING = Scope()


def get_scope(user: Any) -> Scope:
    """The scope of `user` today, cached on the user object for the request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    cached = getattr(user, "_longdan_scope", None)
    if cached is not None:
        return cached
    scope = _compute_scope(user)
    user._longdan_scope = scope
    return scope


def _compute_scope(user: Any) -> Scope:
    role_grant = apps.get_model("accounts", "RoleGrant")
    unit_model = apps.get_model("org", "Unit")
    grants = list(role_grant.objects.active().filter(user=user).select_related("unit"))
    roles = frozenset(grant.role for grant in grants)
    member = _member_of(user)
    member_id = member.pk if member is not None and member.status == "active" else None
    if user.is_superuser or "admin" in roles:
        return Scope(everything=True, roles=roles, sensitive=True, member_id=member_id)

    # (role, unit) pairs, so the type says what the filter ensured: the unit is there.
    command_grants = [(g.role, g.unit) for g in grants if g.role in _COMMAND_ROLES and g.unit is not None]
    role_units: dict[str, frozenset[int]] = {}
    if command_grants:
        prefix_match = Q()
        for _role, unit in command_grants:
            prefix_match |= Q(path__startswith=unit.path)
        units = list(unit_model.objects.filter(prefix_match).values_list("id", "path"))
        for role, unit in command_grants:
            ids = frozenset(uid for uid, path in units if path.startswith(unit.path))
            role_units[role] = role_units.get(role, frozenset()) | ids
    if any(unit.parent_id is None for _role, unit in command_grants):
        return Scope(
            everything=True,
            roles=roles,
            sensitive=bool(roles & _SENSITIVE_ROLES),
            member_id=member_id,
            role_units=role_units,
        )
    unit_ids = frozenset().union(*role_units.values()) if role_units else frozenset()
    commune_ids = frozenset(
        role_grant.communes.through.objects.filter(
            rolegrant__in=[g.pk for g in grants if g.role == "commune_liaison"]
        ).values_list("adminunit_id", flat=True)
    )
    return Scope(
        unit_ids=unit_ids,
        commune_ids=commune_ids,
        member_id=member_id,
        roles=roles,
        sensitive=bool(roles & _SENSITIVE_ROLES),
        role_units=role_units,
    )


def _member_of(user: Any) -> Any:
    try:
        return user.member
    except apps.get_model("people", "Member").DoesNotExist:
        return None
