"""Writes for administrative units: the official list is loaded here (never edited by hand), hamlets are entered."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from longdan.audit.models import AuditAction
from longdan.audit.services import audit_change, audit_record, snapshot
from longdan.core.fields import FoldedKeyField, SortKeyField
from longdan.core.services import error, validate_and_save
from longdan.core.text import nfc

from .models import LEGACY_VALID_TO, REFORM_DATE, AdminUnit, Hamlet, HamletKind, Level, UnitSuccession
from .official import OfficialList, UnitKey, read_official_list

_BATCH = 1000
_UPDATED_FIELDS = ["name", "name_folded", "name_sort", "division_type", "parent", "valid_from", "valid_to"]
# bulk_update() skips pre_save(), so the folded and sort keys are derived here by the fields themselves.
_DERIVED_FIELDS = [f for f in AdminUnit._meta.concrete_fields if isinstance(f, FoldedKeyField | SortKeyField)]


@dataclass
class UnitLoadResult:
    """What `official_units_load` did, for the command's summary and for tests."""

    version: str
    # Keyed by (level, is current).
    created: Counter[tuple[str, bool]] = field(default_factory=Counter)
    updated: Counter[tuple[str, bool]] = field(default_factory=Counter)
    unchanged: Counter[tuple[str, bool]] = field(default_factory=Counter)
    # Units in the database that the package no longer lists: kept (hamlets may point at them), reported.
    not_in_package: int = 0
    successions_created: int = 0
    successions_updated: int = 0
    successions_removed: int = 0
    successions_unchanged: int = 0
    successions_skipped: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            sum(self.created.values())
            or sum(self.updated.values())
            or self.successions_created
            or self.successions_updated
            or self.successions_removed
        )


@transaction.atomic
def official_units_load(
    *,
    official: OfficialList | None = None,
    progress: Callable[[str], None] | None = None,
    acting_user: Any = None,
) -> UnitLoadResult:
    """Sync `AdminUnit` and `UnitSuccession` with the official list, in one transaction.

    Idempotent: a unit is matched by (level, code, era), created when missing and
    updated when the package renames or re-parents it; a second run writes nothing.
    Bulk inserts and updates keep a full load to a few seconds on SQLite. A load that changes
    something leaves one audit row with its counts (not one per unit: 14,000 rows would bury the
    trail); one that changes nothing leaves none.
    """
    say = progress or (lambda message: None)
    if official is None:
        say(_("Reading the official list…"))
        official = read_official_list()
    result = UnitLoadResult(version=official.version, successions_skipped=official.skipped_successions)

    # Plain tuples, not model instances: building 14,000 instances would double the time of a re-run.
    compared = ("name", "division_type", "parent_id", "valid_from", "valid_to")
    existing: dict[UnitKey, tuple[int, tuple[Any, ...]]] = {}
    for pk, level, code, *values in AdminUnit.objects.values_list("pk", "level", "code", *compared):
        existing[(level, code, values[-1] is None)] = (pk, tuple(values))
    ids: dict[UnitKey, int] = {key: pk for key, (pk, _values) in existing.items()}

    # Parents first, so every child finds its parent's id.
    for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
        records = [record for record in official.units if record.level == level]
        say(_("%(level)s: %(count)d units…") % {"level": Level(level).label, "count": len(records)})
        new: list[AdminUnit] = []
        changed: list[AdminUnit] = []
        for record in records:
            values = {
                "name": nfc(record.name),
                "division_type": record.division_type,
                "parent_id": ids[record.parent] if record.parent else None,
                "valid_from": REFORM_DATE if record.current else None,
                "valid_to": None if record.current else LEGACY_VALID_TO,
            }
            era = (level, record.current)
            found = existing.get(record.key)
            if found is None:
                new.append(AdminUnit(level=level, code=record.code, **values))
                result.created[era] += 1
            elif found[1] != tuple(values[name] for name in compared):
                unit = AdminUnit(pk=found[0], level=level, code=record.code, **values)
                for derived in _DERIVED_FIELDS:
                    derived.pre_save(unit, add=False)
                changed.append(unit)
                result.updated[era] += 1
            else:
                result.unchanged[era] += 1
        AdminUnit.objects.bulk_create(new, batch_size=_BATCH)
        AdminUnit.objects.bulk_update(changed, _UPDATED_FIELDS, batch_size=_BATCH)
        if new:
            # Read the new ids back rather than rely on the backend returning them from a bulk insert.
            for pk, code, valid_to in AdminUnit.objects.filter(level=level).values_list(
                "pk", "code", "valid_to"
            ):
                ids[(level, code, valid_to is None)] = pk
    result.not_in_package = len(existing.keys() - {record.key for record in official.units})

    say(_("Successions: %(count)d old → new links…") % {"count": len(official.successions)})
    _sync_successions(official, ids, result)
    if result.changed:
        audit_record(
            actor=acting_user,
            action=AuditAction.UPDATE,
            object_type=AdminUnit._meta.label_lower,
            object_repr=f"{AdminUnit._meta.verbose_name_plural} {official.version}"[:200],
            changes={
                "version": official.version,
                "created": sum(result.created.values()),
                "updated": sum(result.updated.values()),
                "successions_created": result.successions_created,
                "successions_updated": result.successions_updated,
                "successions_removed": result.successions_removed,
            },
        )
    return result


def _sync_successions(official: OfficialList, ids: dict[UnitKey, int], result: UnitLoadResult) -> None:
    wanted: dict[tuple[int, int], bool] = {}
    for succession in official.successions:
        predecessor, successor = ids.get(succession.predecessor), ids.get(succession.successor)
        if predecessor is None or successor is None:
            result.successions_skipped += 1
            continue
        wanted[(predecessor, successor)] = succession.partial

    have = {
        (predecessor, successor): (pk, partial)
        for pk, predecessor, successor, partial in UnitSuccession.objects.values_list(
            "pk", "predecessor_id", "successor_id", "partial"
        )
    }
    new = [
        UnitSuccession(predecessor_id=predecessor, successor_id=successor, partial=partial)
        for (predecessor, successor), partial in wanted.items()
        if (predecessor, successor) not in have
    ]
    changed = [
        UnitSuccession(pk=have[pair][0], partial=partial)
        for pair, partial in wanted.items()
        if pair in have and have[pair][1] != partial
    ]
    # The table is the package's mapping and nothing else: links the package dropped go.
    stale = [pk for pair, (pk, _partial) in have.items() if pair not in wanted]
    UnitSuccession.objects.bulk_create(new, batch_size=_BATCH)
    UnitSuccession.objects.bulk_update(changed, ["partial"], batch_size=_BATCH)
    for start in range(0, len(stale), _BATCH):
        UnitSuccession.objects.filter(pk__in=stale[start : start + _BATCH]).delete()
    result.successions_created = len(new)
    result.successions_updated = len(changed)
    result.successions_removed = len(stale)
    result.successions_unchanged = len(wanted) - len(new) - len(changed)


@transaction.atomic
def hamlet_create(
    *,
    name: str,
    commune: AdminUnit,
    kind: str = HamletKind.AP,
    legacy_commune: AdminUnit | None = None,
    acting_user: Any = None,
) -> Hamlet:
    """Create a hamlet under a current commune, remembering the former commune it belonged to."""
    if commune.level != Level.COMMUNE or not commune.is_current:
        raise error(_("A hamlet belongs to a commune in force today."), field="commune")
    if legacy_commune is not None and legacy_commune.is_current:
        raise error(_("The former commune must be a unit from before 2025-07-01."), field="legacy_commune")
    hamlet = Hamlet(name=name, kind=kind, commune=commune, legacy_commune=legacy_commune)
    validate_and_save(hamlet)
    audit_change(actor=acting_user, obj=hamlet, before=None, after=snapshot(hamlet))
    return hamlet
