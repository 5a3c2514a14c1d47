"""Admin for the unit tree, station areas and party cells.

A unit is created through `unit_create` (it checks what may sit under what and gives the
unit its materialised path); its kind and parent are read-only afterwards, because
moving a unit means rewriting the paths of its whole subtree, which no service does yet.
"""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from longdan.core.admin import FoldedSearchMixin, ScopedAdminMixin, ScopedModelAdmin, ServiceAdminMixin

from .models import FIELD_UNIT_KINDS, PartyCell, Unit, UnitArea
from .services import party_cell_create, unit_add_area, unit_create

TIMESTAMPS = ("created_at", "updated_at")


class UnitAreaInline(ScopedAdminMixin, admin.TabularInline):
    """The communes of a station's area.

    Saved by the formset directly: `unit_add_area`'s rules are all enforced here too —
    only a station or flotilla gets rows (has_add_permission) and the commune choices are
    limited to current communes, the former-commune choices to legacy ones
    (limit_choices_to, which the autocomplete and the form validation both apply).
    """

    model = UnitArea
    extra = 0
    fields = ("commune", "legacy_commune")
    autocomplete_fields = ("commune", "legacy_commune")
    global_only = False  # reached only through a unit the user may see

    def get_queryset(self, request: HttpRequest) -> QuerySet[UnitArea]:
        return super().get_queryset(request).select_related("commune", "legacy_commune")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is not None and obj.kind in FIELD_UNIT_KINDS and super().has_add_permission(request, obj)


@admin.register(Unit)
class UnitAdmin(FoldedSearchMixin, ServiceAdminMixin, ScopedModelAdmin):
    list_display = ("name", "code", "kind", "parent", "province")
    list_filter = (
        "kind",
        ("parent", admin.RelatedOnlyFieldListFilter),
        ("province", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("parent", "province")
    search_fields = ("=code",)
    folded_search_fields = ("name_folded",)
    autocomplete_fields = ("parent", "province")
    readonly_fields = ("path", *TIMESTAMPS)
    inlines = (UnitAreaInline,)

    def get_fields(self, request: HttpRequest, obj: Unit | None = None) -> Any:
        if obj is None:
            return ("code", "name", "kind", "parent", "province")
        return ("code", "name", "kind", "parent", "province", "path", *TIMESTAMPS)

    def get_readonly_fields(self, request: HttpRequest, obj: Unit | None = None) -> Any:
        if obj is None:
            return ()
        return ("kind", "parent", *self.readonly_fields)

    def save_via_service(self, request: HttpRequest, form: ModelForm, change: bool) -> Unit | None:
        if change:
            return None  # code, name and province: no rule beyond the model's
        data = form.cleaned_data
        return unit_create(
            code=data["code"],
            name=data["name"],
            kind=data["kind"],
            parent=data.get("parent"),
            province=data.get("province"),
            acting_user=request.user,
        )


@admin.register(UnitArea)
class UnitAreaAdmin(ServiceAdminMixin, ScopedModelAdmin):
    """Rows are added through `unit_add_area`; to change one, delete it and add another."""

    list_display = ("unit", "commune", "legacy_commune")
    list_filter = (("unit", admin.RelatedOnlyFieldListFilter), ("commune", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("unit", "commune", "legacy_commune")
    autocomplete_fields = ("unit", "commune", "legacy_commune")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_via_service(self, request: HttpRequest, form: ModelForm, change: bool) -> UnitArea:
        data = form.cleaned_data
        return unit_add_area(
            unit=data["unit"],
            commune=data["commune"],
            legacy_commune=data.get("legacy_commune"),
            acting_user=request.user,
        )


@admin.register(PartyCell)
class PartyCellAdmin(FoldedSearchMixin, ServiceAdminMixin, ScopedModelAdmin):
    list_display = ("name", "kind", "unit", "hamlet", "commune", "secretary_name")
    list_filter = (
        "kind",
        ("unit", admin.RelatedOnlyFieldListFilter),
        ("hamlet__commune", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("unit", "hamlet__commune")
    search_fields = ("secretary_name",)
    folded_search_fields = ("name_folded", "hamlet__name_folded")
    autocomplete_fields = ("unit", "hamlet")
    fields = ("name", "kind", "unit", "hamlet", "secretary_name", *TIMESTAMPS)
    readonly_fields = TIMESTAMPS

    @admin.display(description=_("commune"), ordering="hamlet__commune__name_sort")
    def commune(self, obj: PartyCell) -> Any:
        return obj.hamlet.commune if obj.hamlet is not None else None

    def save_via_service(self, request: HttpRequest, form: ModelForm, change: bool) -> PartyCell | None:
        if change:
            return None  # the kind/owner rule is a check constraint, which the form validates
        data = form.cleaned_data
        return party_cell_create(
            name=data["name"],
            kind=data["kind"],
            unit=data.get("unit"),
            hamlet=data.get("hamlet"),
            secretary_name=data.get("secretary_name", ""),
            acting_user=request.user,
        )
