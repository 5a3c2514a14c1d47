"""Writing the audit trail. Services call these inside their own transaction, so a rolled-back write leaves no row."""

from typing import Any

from django.db import models

from .context import current_request_info
from .models import AuditAction, AuditEntry


def _actor_fields(actor: Any) -> dict[str, Any]:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {"actor": None, "actor_username": ""}
    return {"actor": actor, "actor_username": actor.get_username()}


def _request_fields() -> dict[str, Any]:
    info = current_request_info()
    return {"ip": info.ip, "path": info.path} if info else {}


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
) -> AuditEntry:
    """Append one row to the trail."""
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)
        object_repr = str(obj)[:200]
    return AuditEntry.objects.create(
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
    """The JSON-safe values of a record's concrete fields, for before/after."""
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        value = field.value_from_object(obj)
        values[field.attname] = (
            value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
        )
    return values
