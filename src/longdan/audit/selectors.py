"""Reading the audit trail: who may, and the rows a set of filters picks out."""

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.utils import timezone
from django.utils.text import capfirst

from longdan.core.text import fold

from .models import AuditEntry, AuditEntryQuerySet, audit_reach


@dataclass(frozen=True)
class AuditFilters:
    """What the audit page and `longdan audit_export` filter by; empty means "any"."""

    user: str = ""
    record_type: str = ""
    record_id: str = ""
    record: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None

    def described(self) -> dict[str, str]:
        """The filters that are set, as text, for the export's own audit row."""
        return {
            key: value.isoformat() if isinstance(value, date) else str(value)
            for key, value in asdict(self).items()
            if value
        }


def may_read_audit(user: Any) -> bool:
    """Administrators and the province command (or the national HQ) read the trail; the page is 404 to others."""
    everything, units = audit_reach(user)
    return everything or bool(units)


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_entries(*, user: Any, filters: AuditFilters) -> AuditEntryQuerySet:
    """The rows `user` may read that match `filters`, newest first. With `user=None`: every row (the command line)."""
    rows = AuditEntry.objects.all() if user is None else AuditEntry.objects.visible_to(user)
    if filters.user:
        rows = rows.filter(actor_username__icontains=filters.user.strip())
    if filters.record_type:
        rows = rows.filter(object_type=filters.record_type)
    if filters.record_id:
        rows = rows.filter(object_id=filters.record_id.strip())
    if filters.record and (key := fold(filters.record)):
        rows = rows.filter(object_repr_folded__contains=key)
    if filters.action:
        rows = rows.filter(action=filters.action)
    if filters.since:
        rows = rows.filter(at__gte=_local_midnight(filters.since))
    if filters.until:
        rows = rows.filter(at__lt=_local_midnight(filters.until + timedelta(days=1)))
    return rows.select_related("unit").order_by("-at", "-id")


def record_type_choices() -> list[tuple[str, str]]:
    """The project's record kinds ("households.household" → "Household"), by name."""
    choices = [
        (model._meta.label_lower, str(capfirst(model._meta.verbose_name)))
        for model in apps.get_models()
        if model.__module__.startswith("longdan.") and model is not AuditEntry
    ]
    return sorted(choices, key=lambda choice: fold(choice[1]))
