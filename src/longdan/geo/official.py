"""Vietnam's official unit list, read from the `vietnam-provinces` package into plain records.

No database here: `services.official_units_load` syncs these records into `AdminUnit`
and `UnitSuccession`. Keeping the reading apart lets a package upgrade be checked
(counts, odd rows) without touching the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Level

# (level, official code, is current): codes repeat across eras (xã Vĩnh Hải is 31795
# before and after 2025), so the era is part of a unit's identity.
UnitKey = tuple[str, str, bool]

# Official codes are fixed-width numbers; we store them zero-padded as the GSO lists print them.
CODE_WIDTH = {Level.PROVINCE: 2, Level.DISTRICT: 3, Level.COMMUNE: 5}


def format_code(level: str, code: int | str) -> str:
    """The official code of a unit of `level` as a zero-padded string ("1" → "01" for a province)."""
    return f"{int(code):0{CODE_WIDTH[Level(level)]}d}"


@dataclass(frozen=True)
class OfficialUnit:
    level: str
    code: str
    current: bool
    name: str
    division_type: str
    parent: UnitKey | None

    @property
    def key(self) -> UnitKey:
        return (self.level, self.code, self.current)


@dataclass(frozen=True)
class OfficialSuccession:
    predecessor: UnitKey
    successor: UnitKey
    partial: bool


@dataclass
class OfficialList:
    """Units ordered parents first (provinces, districts, communes), and the old → new mapping."""

    version: str
    units: list[OfficialUnit] = field(default_factory=list)
    successions: list[OfficialSuccession] = field(default_factory=list)
    # Mapping rows naming an old commune the legacy list does not have (merged before 2025).
    skipped_successions: int = 0


def read_official_list() -> OfficialList:
    """Everything the package knows: 34 + 3,321 current units, 63/696/10,051 legacy units, the 2025 mapping."""
    # Imported here: the package's lookup tables are large and only the loader needs them.
    import vietnam_provinces as current
    from vietnam_provinces import _province_conversion_2025, _ward_conversion_2025
    from vietnam_provinces.legacy import base as legacy

    result = OfficialList(version=f"{current.__version__} ({current.__data_version__})")
    units = result.units

    def key(level: str, code: int, is_current: bool) -> UnitKey:
        return (level, format_code(level, code), is_current)

    for province in current.Province.iter_all():
        units.append(_unit(Level.PROVINCE, province.code, True, province.name, province.division_type, None))
    for old_province in legacy.Province.iter_all():
        units.append(
            _unit(
                Level.PROVINCE, old_province.code, False, old_province.name, old_province.division_type, None
            )
        )
    for district in legacy.District.iter_all():
        parent = key(Level.PROVINCE, district.province_code, False)
        units.append(
            _unit(Level.DISTRICT, district.code, False, district.name, district.division_type, parent)
        )
    for ward in current.Ward.iter_all():
        parent = key(Level.PROVINCE, ward.province_code, True)
        units.append(_unit(Level.COMMUNE, ward.code, True, ward.name, ward.division_type, parent))
    legacy_communes: set[UnitKey] = set()
    for old_ward in legacy.Ward.iter_all():
        parent = key(Level.DISTRICT, old_ward.district_code, False)
        unit = _unit(Level.COMMUNE, old_ward.code, False, old_ward.name, old_ward.division_type, parent)
        units.append(unit)
        legacy_communes.add(unit.key)

    for entry in _province_conversion_2025.OLD_TO_NEW.values():
        # The province table has no "partly" flag: a province split over several new ones is partial.
        partial = len(entry.new_provinces) > 1
        for new in entry.new_provinces:
            result.successions.append(
                OfficialSuccession(
                    key(Level.PROVINCE, entry.old_province.code, False),
                    key(Level.PROVINCE, new.code, True),
                    partial,
                )
            )
    for ward_entry in _ward_conversion_2025.OLD_TO_NEW.values():
        old = key(Level.COMMUNE, ward_entry.old_ward.code, False)
        if old not in legacy_communes:
            result.skipped_successions += 1
            continue
        for new_ward in ward_entry.new_wards:
            result.successions.append(
                OfficialSuccession(
                    old, key(Level.COMMUNE, new_ward.code, True), ward_entry.old_ward.is_partly_merged
                )
            )
    return result


def _unit(
    level: str, code: int, is_current: bool, name: str, division_type: str, parent: UnitKey | None
) -> OfficialUnit:
    # The package's codes and types are enums; we keep their plain values.
    return OfficialUnit(
        level=level,
        code=format_code(level, code),
        current=is_current,
        name=str(name),
        division_type=str(division_type),
        parent=parent,
    )
