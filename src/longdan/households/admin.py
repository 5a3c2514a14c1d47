"""Admin for households, their residents and their poverty assessments.

New rows go through the services (`household_create` derives the commune and the
station from the hamlet; `resident_add`; `poverty_assessment_record` derives the
category and moves the household's current status). On a household, the hamlet and the
station are read-only once it exists: moving a household between communes or stations
is not a plain edit. Assessments are history: they are added, never edited or deleted,
so the household's status always equals its latest assessment.
"""

from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from longdan.core.admin import FoldedSearchMixin, ScopedAdminMixin, ScopedModelAdmin, ServiceAdminMixin
from longdan.core.scoping import get_scope

from .models import Household, PovertyAssessment, Resident
from .poverty import DEPRIVATIONS
from .services import household_create, poverty_assessment_record, resident_add

TIMESTAMPS = ("created_at", "updated_at")
DEPRIVATION_FIELDS = tuple(name for name, _label in DEPRIVATIONS)


def _without_sensitive(fields: tuple[str, ...], request: HttpRequest, sensitive: tuple[str, ...]) -> Any:
    """Ethnicity, religion and identity numbers only for roles that hold the right to them."""
    if get_scope(request.user).sensitive:
        return fields
    return tuple(field for field in fields if field not in sensitive)


class _ReadOnlyInline(ScopedAdminMixin, admin.TabularInline):
    """Shown on the household for reading; added and edited on their own pages, through the services."""

    extra = 0
    can_delete = False
    show_change_link = True
    global_only = False  # reached only through a household the user may see

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ResidentInline(_ReadOnlyInline):
    model = Resident
    fields = ("full_name", "birth_year", "sex", "relation", "schooling")
    readonly_fields = fields


class PovertyAssessmentInline(_ReadOnlyInline):
    model = PovertyAssessment
    fields = ("assessed_on", "standard", "area_type", "income_per_head", "category")
    readonly_fields = fields


@admin.register(Household)
class HouseholdAdmin(FoldedSearchMixin, ServiceAdminMixin, ScopedModelAdmin):
    list_display = ("code", "head", "hamlet", "commune", "station", "poverty_category", "priority")
    list_filter = (
        ("station", admin.RelatedOnlyFieldListFilter),
        ("commune", admin.RelatedOnlyFieldListFilter),
        "poverty_category",
        "priority",
        "is_policy_family",
        "has_difficult_circumstances",
    )
    # One query for the page whatever its length (tested with 3 and 30 households).
    list_select_related = ("hamlet", "commune", "station")
    search_fields = ("=code",)
    folded_search_fields = ("name_folded",)
    autocomplete_fields = ("hamlet", "station")
    inlines = (ResidentInline, PovertyAssessmentInline)
    _fields = (
        "code",
        "head_name",
        "hamlet",
        "commune",
        "station",
        "address",
        "latitude",
        "longitude",
        "phone",
        "ethnicity",
        "religion",
        "livelihood",
        "is_policy_family",
        "has_difficult_circumstances",
        "priority",
        "poverty_category",
        "poverty_assessed_on",
        "notes",
        *TIMESTAMPS,
    )
    _derived = ("commune", "poverty_category", "poverty_assessed_on", *TIMESTAMPS)

    @admin.display(description=_("head of household"), ordering="name_sort")
    def head(self, obj: Household) -> str:
        return obj.head_name

    def get_fields(self, request: HttpRequest, obj: Household | None = None) -> Any:
        fields = self._fields if obj is not None else tuple(f for f in self._fields if f not in self._derived)
        return _without_sensitive(fields, request, ("ethnicity", "religion"))

    def get_readonly_fields(self, request: HttpRequest, obj: Household | None = None) -> Any:
        if obj is None:
            return ()
        return ("hamlet", "station", *self._derived)

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None and "station" in form.base_fields:
            form.base_fields["station"].required = False
            form.base_fields["station"].help_text = _(
                "Leave empty for the station whose area holds the hamlet's commune."
            )
        return form

    def save_via_service(self, request: HttpRequest, form: ModelForm, change: bool) -> Household | None:
        if change:
            return None  # the editable fields carry no rule beyond the model's
        data = dict(form.cleaned_data)
        return household_create(
            code=data.pop("code"),
            head_name=data.pop("head_name"),
            hamlet=data.pop("hamlet"),
            station=data.pop("station", None),
            acting_user=request.user,
            **data,
        )


# Residents and assessments are filtered by their household's station and commune.
BY_HOUSEHOLD_PLACE = (
    ("household__station", admin.RelatedOnlyFieldListFilter),
    ("household__commune", admin.RelatedOnlyFieldListFilter),
)


class _HouseholdPartAdmin(FoldedSearchMixin, ServiceAdminMixin, ScopedModelAdmin):
    """Residents and assessments: found by their household, filtered by its station and commune."""

    search_fields = ("=household__code",)
    autocomplete_fields = ("household",)


@admin.register(Resident)
class ResidentAdmin(_HouseholdPartAdmin):
    list_display = ("full_name", "household", "relation", "sex", "birth_year", "schooling")
    list_filter = ("relation", "sex", "schooling", *BY_HOUSEHOLD_PLACE)
    list_select_related = ("household",)
    folded_search_fields = ("name_folded", "household__name_folded")
    fields = (
        "household",
        "full_name",
        "birth_year",
        "sex",
        "relation",
        "schooling",
        "id_number",
        *TIMESTAMPS,
    )
    readonly_fields = TIMESTAMPS

    def get_fields(self, request: HttpRequest, obj: Resident | None = None) -> Any:
        return _without_sensitive(tuple(super().get_fields(request, obj)), request, ("id_number",))

    def get_readonly_fields(self, request: HttpRequest, obj: Resident | None = None) -> Any:
        return ("household", *TIMESTAMPS) if obj is not None else TIMESTAMPS

    def save_via_service(self, request: HttpRequest, form: ModelForm, change: bool) -> Resident | None:
        if change:
            return None
        data = dict(form.cleaned_data)
        return resident_add(
            household=data.pop("household"),
            full_name=data.pop("full_name"),
            sex=data.pop("sex"),
            relation=data.pop("relation"),
            acting_user=request.user,
            **data,
        )


@admin.register(PovertyAssessment)
class PovertyAssessmentAdmin(_HouseholdPartAdmin):
    list_display = ("household", "assessed_on", "standard", "area_type", "income_per_head", "category")
    list_filter = ("category", "standard", "area_type", *BY_HOUSEHOLD_PLACE)
    list_select_related = ("household",)
    folded_search_fields = ("household__name_folded",)
    date_hierarchy = "assessed_on"
    fields = (
        "household",
        "assessed_on",
        "standard",
        "area_type",
        "income_per_head",
        "category",
        *DEPRIVATION_FIELDS,
        "note",
        *TIMESTAMPS,
    )
    readonly_fields = ("category", *TIMESTAMPS)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None and "standard" in form.base_fields:
            form.base_fields["standard"].required = False
            form.base_fields["standard"].help_text = _(
                "Leave empty for the standard in force on the assessment date."
            )
        return form

    def save_via_service(self, request: HttpRequest, form: ModelForm, change: bool) -> PovertyAssessment:
        data = form.cleaned_data
        return poverty_assessment_record(
            household=data["household"],
            assessed_on=data["assessed_on"],
            income_per_head=data["income_per_head"],
            deprivations=[name for name in DEPRIVATION_FIELDS if data.get(name)],
            area_type=data["area_type"],
            standard=data.get("standard") or None,
            note=data.get("note", ""),
            acting_user=request.user,
        )
