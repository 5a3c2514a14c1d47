"""Writes for the unit tree, station areas and party cells."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from longdan.audit.services import audit_change, snapshot
from longdan.core.services import error, validate_and_save
from longdan.geo.models import AdminUnit, Hamlet, Level

from .models import CellKind, PartyCell, Unit, UnitArea, UnitKind

# What may sit under what in the tree.
_ALLOWED_PARENTS: dict[str, set[str | None]] = {
    UnitKind.HQ: {None},
    UnitKind.PROVINCE_COMMAND: {UnitKind.HQ},
    UnitKind.STATION: {UnitKind.PROVINCE_COMMAND},
    UnitKind.FLOTILLA: {UnitKind.PROVINCE_COMMAND},
    UnitKind.TEAM: {UnitKind.STATION, UnitKind.FLOTILLA, UnitKind.PROVINCE_COMMAND},
}


@transaction.atomic
def unit_create(
    *,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None = None,
    province: AdminUnit | None = None,
    acting_user: Any = None,
) -> Unit:
    """Create a unit under `parent` and give it its materialised path."""
    parent_kind = parent.kind if parent is not None else None
    if parent_kind not in _ALLOWED_PARENTS[UnitKind(kind)]:
        raise error(_("A unit of this kind cannot be placed under that parent unit."), field="parent")
    if province is None and parent is not None:
        province = parent.province
    unit = Unit(code=code, name=name, kind=kind, parent=parent, province=province)
    validate_and_save(unit)
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.save(update_fields=["path"])
    audit_change(actor=acting_user, obj=unit, before=None, after=snapshot(unit))
    return unit


@transaction.atomic
def unit_add_area(
    *, unit: Unit, commune: AdminUnit, legacy_commune: AdminUnit | None = None, acting_user: Any = None
) -> UnitArea:
    """Add a current commune (or the part of it that was `legacy_commune`) to a station's area."""
    if unit.kind not in (UnitKind.STATION, UnitKind.FLOTILLA):
        raise error(_("Only a station or flotilla has an area of responsibility."), field="unit")
    if commune.level != Level.COMMUNE or not commune.is_current:
        raise error(_("Choose a commune in force today."), field="commune")
    if legacy_commune is not None and (legacy_commune.level != Level.COMMUNE or legacy_commune.is_current):
        raise error(_("The former commune must be a unit from before 2025-07-01."), field="legacy_commune")
    area = UnitArea(unit=unit, commune=commune, legacy_commune=legacy_commune)
    validate_and_save(area)
    audit_change(actor=acting_user, obj=area, before=None, after=snapshot(area))
    return area


def station_for_hamlet(hamlet: Hamlet) -> Unit | None:
    """The station whose area holds `hamlet`: a link naming the hamlet's former commune wins over a whole-commune one."""
    links = UnitArea.objects.filter(commune_id=hamlet.commune_id).select_related("unit")
    fallback = None
    for link in links:
        if link.legacy_commune_id is not None and link.legacy_commune_id == hamlet.legacy_commune_id:
            return link.unit
        if link.legacy_commune_id is None and fallback is None:
            fallback = link.unit
    return fallback


@transaction.atomic
def party_cell_create(
    *,
    name: str,
    kind: str,
    unit: Unit | None = None,
    hamlet: Hamlet | None = None,
    secretary_name: str = "",
    acting_user: Any = None,
) -> PartyCell:
    if kind == CellKind.HAMLET and hamlet is None:
        raise error(_("A hamlet cell needs its hamlet."), field="hamlet")
    if kind == CellKind.UNIT and unit is None:
        raise error(_("A unit cell needs its unit."), field="unit")
    cell = PartyCell(name=name, kind=kind, unit=unit, hamlet=hamlet, secretary_name=secretary_name)
    validate_and_save(cell)
    audit_change(actor=acting_user, obj=cell, before=None, after=snapshot(cell))
    return cell
