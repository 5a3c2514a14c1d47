"""Admin for units and hamlets. Official units are loaded by `longdan load_units`, so they are read-only here."""

from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from longdan.core.admin import AuditedAdminWritesMixin, FoldedSearchMixin

from .models import AdminUnit, Hamlet, UnitSuccession


class EraFilter(admin.SimpleListFilter):
    title = _("era")
    parameter_name = "era"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("current", _("In force (since 2025-07-01)")), ("legacy", _("Before 2025-07-01"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "current":
            return queryset.filter(valid_to__isnull=True)
        if self.value() == "legacy":
            return queryset.filter(valid_to__isnull=False)
        return queryset


def _province_choices(*, current_only: bool) -> list[tuple[str, Any]]:
    provinces = AdminUnit.objects.provinces()
    if current_only:
        provinces = provinces.current()
    choices: list[tuple[str, Any]] = []
    for province in provinces.order_by("valid_to", "name_sort"):
        label = (
            province.name if province.is_current else _("%(name)s (before 2025)") % {"name": province.name}
        )
        choices.append((str(province.pk), label))
    return choices


class UnitProvinceFilter(admin.SimpleListFilter):
    """A province and every unit under it, current or legacy (a legacy commune's province is its grandparent)."""

    title = _("province")
    parameter_name = "province"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return _province_choices(current_only=False)

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.value():
            return queryset
        pk = self.value()
        return queryset.filter(Q(pk=pk) | Q(parent_id=pk) | Q(parent__parent_id=pk))


class SuccessorInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    verbose_name = _("successor")
    verbose_name_plural = _("successors (units in force that took it over)")
    fields = ("successor", "partial", "effective_date")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("successor")


class PredecessorInline(SuccessorInline):
    fk_name = "successor"
    verbose_name = _("predecessor")
    verbose_name_plural = _("predecessors (units before 2025-07-01 merged into it)")
    fields = ("predecessor", "partial", "effective_date")
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("predecessor")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Official data: viewable by staff, changed only by `longdan load_units`."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AdminUnit)
class AdminUnitAdmin(FoldedSearchMixin, ReadOnlyAdmin):
    folded_search_fields = ("name_folded",)
    search_fields = ("=code",)  # an official code, exactly
    list_display = ("name", "code", "level", "division_type", "parent", "valid_from", "valid_to")
    list_filter = ("level", EraFilter, UnitProvinceFilter, "division_type")
    list_select_related = ("parent",)
    fields = ("name", "code", "level", "division_type", "parent", "full_name", "valid_from", "valid_to")
    readonly_fields = ("full_name",)
    inlines = (SuccessorInline, PredecessorInline)

    def get_inlines(self, request: HttpRequest, obj: Any) -> Any:
        # A current unit has predecessors, a legacy one successors; never both.
        if obj is None:
            return ()
        return (PredecessorInline,) if obj.is_current else (SuccessorInline,)

    @admin.display(description=_("full name"))
    def full_name(self, obj: AdminUnit) -> str:
        return obj.full_name()


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(FoldedSearchMixin, ReadOnlyAdmin):
    folded_search_fields = ("predecessor__name_folded", "successor__name_folded")
    search_fields = ("=predecessor__code", "=successor__code")
    list_display = ("predecessor_place", "predecessor_code", "successor_place", "successor_code", "partial")
    list_filter = ("partial", "predecessor__level")
    list_select_related = ("predecessor__parent__parent", "successor__parent")

    @admin.display(description=_("old unit"), ordering="predecessor__name_sort")
    def predecessor_place(self, obj: UnitSuccession) -> str:
        return obj.predecessor.full_name()

    @admin.display(description=_("old code"), ordering="predecessor__code")
    def predecessor_code(self, obj: UnitSuccession) -> str:
        return obj.predecessor.code

    @admin.display(description=_("new unit"), ordering="successor__name_sort")
    def successor_place(self, obj: UnitSuccession) -> str:
        return obj.successor.full_name()

    @admin.display(description=_("new code"), ordering="successor__code")
    def successor_code(self, obj: UnitSuccession) -> str:
        return obj.successor.code


class HamletProvinceFilter(admin.SimpleListFilter):
    title = _("province")
    parameter_name = "province"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return _province_choices(current_only=True)

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.value():
            return queryset
        return queryset.filter(commune__parent_id=self.value())


@admin.register(Hamlet)
class HamletAdmin(FoldedSearchMixin, AuditedAdminWritesMixin, admin.ModelAdmin):
    folded_search_fields = ("name_folded", "commune__name_folded")
    # Set for the autocomplete of the household and cell pages (admin.E040); the folded search does the work.
    search_fields = ("name_folded",)
    list_display = ("name", "kind", "commune", "province", "legacy_commune")
    list_filter = ("kind", HamletProvinceFilter)
    list_select_related = ("commune__parent", "legacy_commune")
    autocomplete_fields = ("commune", "legacy_commune")

    @admin.display(description=_("province"), ordering="commune__parent__name_sort")
    def province(self, obj: Hamlet) -> AdminUnit | None:
        return obj.commune.parent
