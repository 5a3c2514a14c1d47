"""Writing the audit trail. Services call these inside their own transaction, so a rolled-back write leaves no row."""

from typing import Any

from django.apps import apps
from django.db import models

from longdan.core.crypto import EncryptedTextField

from .context import current_request_info
from .models import AuditAction, AuditEntry


def _actor_fields(actor: Any) -> dict[str, Any]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_username": ""}
    return {"actor": actor, "actor_username": actor.get_username()}


def _request_fields() -> dict[str, Any]:
    info = current_request_info()
    return {"ip": info.ip, "path": info.path} if info else {}


# Where a record's unit is found, in order: its own station or unit, else through what it belongs to.
_UNIT_FIELDS = ("station", "unit")
_OWNER_FIELDS = ("household", "member", "case", "tip", "visit", "meeting", "benefit", "event")


def _unit_id_of_record(obj: models.Model, depth: int = 0) -> int | None:
    """The station (or unit) `obj` belongs to, read from the record itself."""
    if obj._meta.label_lower == "org.unit":
        return obj.pk
    if obj._meta.label_lower == "accounts.user":
        return _unit_id_of_actor(obj)  # a login, a password reset: filed under the account holder's unit
    names = {field.name for field in obj._meta.concrete_fields}
    for name in _UNIT_FIELDS:
        if name in names and getattr(obj, f"{name}_id", None) is not None:
            return getattr(obj, f"{name}_id")
    if depth < 2:
        for name in _OWNER_FIELDS:
            if name in names and getattr(obj, f"{name}_id", None) is not None:
                owner = getattr(obj, name)  # usually already loaded by the service that wrote `obj`
                if (unit_id := _unit_id_of_record(owner, depth + 1)) is not None:
                    return unit_id
    return None


def _unit_id_of_actor(actor: Any) -> int | None:
    """The unit of the person acting: their member record's, else the unit of a role they hold."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    member = apps.get_model("people", "Member").objects.filter(user=actor).values_list("unit_id", flat=True)
    unit_id = member.first()
    if unit_id is None:
        grants = (
            apps.get_model("accounts", "RoleGrant").objects.active().filter(user=actor, unit__isnull=False)
        )
        unit_id = grants.order_by("unit__path").values_list("unit_id", flat=True).first()
    return unit_id


def audit_unit_id(*, actor: Any, obj: models.Model | None) -> int | None:
    """The unit a row is filed under: the record's station or unit, else (logins, hamlets) the actor's."""
    unit_id = _unit_id_of_record(obj) if obj is not None else None
    return unit_id if unit_id is not None else _unit_id_of_actor(actor)


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    unit_id: int | None = None,
) -> AuditEntry:
    """Append one row to the trail, filed under `unit_id` if given, else under `audit_unit_id`'s answer."""
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)
        object_repr = str(obj)[:200]
    return AuditEntry.objects.create(
        unit_id=unit_id if unit_id is not None else audit_unit_id(actor=actor, obj=obj),
        action=AuditAction(action),
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr,
        changes=changes or {},
        reason=reason,
        **_actor_fields(actor),
        **_request_fields(),
    )


def audit_read(*, actor: Any, obj: models.Model, reason: str = "") -> AuditEntry:
    """Log that `actor` opened a sensitive record, with the reason they gave."""
    return audit_record(actor=actor, action=AuditAction.READ, obj=obj, reason=reason)


def audit_change(
    *, actor: Any, obj: models.Model, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> AuditEntry:
    """Log a create (before is None), a delete (after is None) or an update (only the fields that changed)."""
    if before is None:
        action, changes = AuditAction.CREATE, {"after": after or {}}
    elif after is None:
        action, changes = AuditAction.DELETE, {"before": before}
    else:
        keys = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        action = AuditAction.UPDATE
        changes = {"before": {k: before.get(k) for k in keys}, "after": {k: after.get(k) for k in keys}}
    return audit_record(actor=actor, action=action, obj=obj, changes=changes)


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The JSON-safe values of a record's concrete fields, for before/after.

    Never a secret: a password hash or an encrypted field (a tip's source) is left out, so the
    trail cannot become the place they leak from."""
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.name == "password" or isinstance(field, EncryptedTextField):
            continue
        value = field.value_from_object(obj)
        values[field.attname] = (
            value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
        )
    return values
