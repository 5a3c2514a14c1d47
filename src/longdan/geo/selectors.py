"""Reads over administrative units: find a unit by code or name, and follow the 2025 reform from old to new.

Names are matched by their folded key, so "vinh tan", "Vĩnh Tân" and "VĨNH TÂN"
are the same query, and the division type ("xã", "thị xã", …) may be left out.
A name alone is rarely enough (three current communes are called "Xã Vĩnh Hải"),
so a lookup that matches several units says so instead of guessing.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from longdan.core.text import fold

from .models import AdminUnit, AdminUnitQuerySet, Level
from .official import format_code

# Folded division types a name may start with, by level ("Thị xã Vĩnh Châu" may be typed "Vĩnh Châu").
_NAME_PREFIXES = {
    Level.PROVINCE: ("tinh", "thanh pho"),
    Level.DISTRICT: ("huyen", "quan", "thi xa", "thanh pho"),
    Level.COMMUNE: ("xa", "phuong", "thi tran", "dac khu"),
}
# How many candidates an "ambiguous" message lists before it stops.
_SHOWN_CANDIDATES = 8


def unit_by_code(*, level: str, code: int | str, current: bool = True) -> AdminUnit:
    """The unit with this official code (1, "1" and "01" alike) at `level`, current or from before 2025-07-01.

    Raises AdminUnit.DoesNotExist when there is none.
    """
    units = AdminUnit.objects.filter(level=level, code=format_code(level, code))
    units = units.current() if current else units.legacy()
    return units.select_related("parent__parent").get()


def units_named(name: str, *, level: str) -> AdminUnitQuerySet:
    """Units of `level` whose name is `name` once folded, with or without its division type."""
    folded = fold(name)
    keys = [folded, *(f"{prefix} {folded}" for prefix in _NAME_PREFIXES[Level(level)])]
    return AdminUnit.objects.filter(level=level, name_folded__in=keys)


def search_communes(text: str, *, current: bool | None = True) -> AdminUnitQuerySet:
    """Communes whose folded name contains every word of `text` ("vinh hai" finds the three "Xã Vĩnh Hải").

    `current=True` searches the communes in force, `False` those from before 2025-07-01,
    `None` both. Parents are fetched with the result, so `full_name()` costs no query.
    """
    communes = AdminUnit.objects.communes()
    if current is True:
        communes = communes.current()
    elif current is False:
        communes = communes.legacy()
    words = fold(text).split()
    if not words:
        return communes.none()
    for word in words:
        communes = communes.filter(name_folded__contains=word)
    return communes.select_related("parent__parent").order_by("name_sort", "code")


def successors_of(unit: AdminUnit) -> list[AdminUnit]:
    """The units in force today that took over `unit`; a current unit is its own successor.

    A commune split by the reform ("partly merged") has several. Districts were abolished
    rather than succeeded, so a district's successors are those of its communes.
    """
    if unit.is_current:
        return [unit]
    if unit.level == Level.DISTRICT:
        condition = Q(succession_in__predecessor__parent=unit)
    else:
        condition = Q(succession_in__predecessor=unit)
    return list(
        AdminUnit.objects.filter(condition).distinct().select_related("parent").order_by("name_sort", "code")
    )


def predecessors_of(unit: AdminUnit) -> list[AdminUnit]:
    """The units from before 2025-07-01 that went, wholly or in part, into `unit`."""
    return list(
        AdminUnit.objects.filter(succession_out__successor=unit)
        .select_related("parent__parent")
        .order_by("name_sort", "code")
    )


def current_unit_for(unit: AdminUnit) -> AdminUnit:
    """The one unit in force today that took over `unit` (itself if it is current).

    Raises ValidationError when the unit was split over several (the caller must choose
    among `successors_of(unit)`) or has no successor in the official mapping.
    """
    successors = successors_of(unit)
    if len(successors) == 1:
        return successors[0]
    if not successors:
        raise ValidationError(
            _("%(unit)s has no successor in the official list."),
            code="no_successor",
            params={"unit": unit.full_name()},
        )
    raise ValidationError(
        _("%(unit)s was split by the 2025 reform into: %(successors)s. Choose one of them."),
        code="split",
        params={"unit": unit.full_name(), "successors": _names(successors)},
    )


def current_provinces_for(unit: AdminUnit) -> list[AdminUnit]:
    """The provinces in force today that cover `unit` (tỉnh Sóc Trăng, thị xã Vĩnh Châu → thành phố Cần Thơ)."""
    provinces: dict[int, AdminUnit] = {}
    for successor in successors_of(unit):
        province = successor if successor.level == Level.PROVINCE else successor.parent
        if province is not None:
            provinces[province.pk] = province
    return sorted(provinces.values(), key=lambda p: (p.name_sort, p.code))


def find_legacy_commune(
    *,
    code: int | str | None = None,
    name: str | None = None,
    district: str | AdminUnit | None = None,
    province: str | AdminUnit | None = None,
) -> AdminUnit:
    """The commune from before 2025-07-01 with this code, or with this name in this old district/province.

    Names are folded ("vinh tan" finds "Xã Vĩnh Tân") and may omit the division type
    ("Vĩnh Châu" finds "Thị xã Vĩnh Châu"); `district` and `province` may also be given
    as an old unit or its official code ("950"). Raises ValidationError when nothing or
    more than one commune matches; the message lists the candidates.
    """
    if code is not None and str(code).strip():
        try:
            return unit_by_code(level=Level.COMMUNE, code=code, current=False)
        except (AdminUnit.DoesNotExist, ValueError):
            raise ValidationError(
                _("No commune from before 2025-07-01 has the code %(code)s."),
                code="not_found",
                params={"code": code},
            ) from None
    if not name or not fold(name):
        raise ValidationError(_("Give the code or the name of the former commune."), code="required")

    communes = units_named(name, level=Level.COMMUNE).legacy()
    if district is not None:
        communes = communes.filter(parent__in=_legacy_parents(district, Level.DISTRICT))
    if province is not None:
        communes = communes.filter(parent__parent__in=_legacy_parents(province, Level.PROVINCE))
    candidates = list(communes.select_related("parent__parent").order_by("code")[: _SHOWN_CANDIDATES + 1])
    if len(candidates) == 1:
        return candidates[0]
    place = ", ".join(str(p) for p in (district, province) if p is not None)
    if not candidates:
        if place:
            raise ValidationError(
                _("No commune from before 2025-07-01 named “%(name)s” in %(place)s."),
                code="not_found",
                params={"name": name, "place": place},
            )
        raise ValidationError(
            _("No commune from before 2025-07-01 is named “%(name)s”."),
            code="not_found",
            params={"name": name},
        )
    raise ValidationError(
        _(
            "“%(name)s” matches several communes from before 2025-07-01: %(candidates)s. Give its code, or its district and province."
        ),
        code="ambiguous",
        params={"name": name, "candidates": _names(candidates)},
    )


def resolve_legacy_commune(
    *,
    code: int | str | None = None,
    name: str | None = None,
    district: str | AdminUnit | None = None,
    province: str | AdminUnit | None = None,
) -> list[AdminUnit]:
    """The current commune(s) that took over an old commune found by `find_legacy_commune`.

    xã Vĩnh Tân (thị xã Vĩnh Châu, tỉnh Sóc Trăng) → [phường Vĩnh Phước, thành phố Cần Thơ].
    Most old communes have one successor; a partly merged one has several.
    """
    return successors_of(find_legacy_commune(code=code, name=name, district=district, province=province))


def _legacy_parents(value: str | AdminUnit, level: str) -> AdminUnitQuerySet:
    """An old district or province given as a unit, an official code ("950") or a name."""
    if isinstance(value, AdminUnit):
        return AdminUnit.objects.filter(pk=value.pk)
    if value.strip().isdigit():
        return AdminUnit.objects.legacy().filter(level=level, code=format_code(level, value))
    return units_named(value, level=level).legacy()


def _names(units: list[AdminUnit]) -> str:
    shown = "; ".join(f"{unit.full_name()} ({unit.code})" for unit in units[:_SHOWN_CANDIDATES])
    return shown + ("; …" if len(units) > _SHOWN_CANDIDATES else "")
