"""Admin for household assignments and hamlet-cell participation.

Why the admin writes through the services instead of being read-only: administrators
correct data when the pages cannot (a wrong member entered, a forgotten closing), and a
read-only admin would push them to `longdan shell`, where nothing checks anything. So
adding calls `household_assign` / `cell_join` and closing calls `assignment_end`; their
rules (one open primary member per household, an active member of the household's
station, hamlet cells only) come back as form errors, and the database constraint stays
the last word. History is never overwritten: an assignment's member, household, role
and dates cannot be edited once saved, only an open one closed, and nothing is deleted.
A reassignment is a closing followed by a new assignment (or the commanders' page).
"""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from longdan.core.admin import FoldedSearchMixin, ScopedModelAdmin, ServiceAdminMixin
from longdan.core.services import error

from .models import CellParticipation, HouseholdAssignment
from .services import assignment_end, cell_join, household_assign

TIMESTAMPS = ("created_at", "updated_at")


class OpenFilter(admin.SimpleListFilter):
    title = _("open or closed")
    parameter_name = "open"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("Open")), ("no", _("Closed"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "yes":
            return queryset.filter(end_date__isnull=True)
        if self.value() == "no":
            return queryset.filter(end_date__isnull=False)
        return queryset


class _HistoryAdmin(FoldedSearchMixin, ServiceAdminMixin, ScopedModelAdmin):
    """Rows that are history: added through a service, closed once, never deleted."""

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.end_date is not None:
            return False  # closed rows are shown read-only
        return super().has_change_permission(request, obj)

    @admin.display(description=_("open"), boolean=True)
    def is_open(self, obj: Any) -> bool:
        return obj.end_date is None


@admin.register(HouseholdAssignment)
class HouseholdAssignmentAdmin(_HistoryAdmin):
    list_display = ("member", "household", "role", "start_date", "end_date", "is_open")
    list_filter = (
        "role",
        OpenFilter,
        ("household__station", admin.RelatedOnlyFieldListFilter),
        ("household__commune", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("member", "household")
    search_fields = ("=household__code",)
    folded_search_fields = ("member__name_folded", "household__name_folded")
    autocomplete_fields = ("member", "household")
    date_hierarchy = "start_date"

    def get_fields(self, request: HttpRequest, obj: HouseholdAssignment | None = None) -> Any:
        if obj is None:
            return ("household", "member", "role", "start_date", "reason")
        return ("household", "member", "role", "start_date", "reason", "end_date", "end_reason", *TIMESTAMPS)

    def get_readonly_fields(self, request: HttpRequest, obj: HouseholdAssignment | None = None) -> Any:
        if obj is None:
            return ()
        return ("household", "member", "role", "start_date", "reason", *TIMESTAMPS)

    def save_via_service(self, request: HttpRequest, form: ModelForm, change: bool) -> HouseholdAssignment:
        data = form.cleaned_data
        if not change:
            return household_assign(
                household=data["household"],
                member=data["member"],
                role=data["role"],
                start_date=data["start_date"],
                reason=data.get("reason", ""),
                acting_user=request.user,
            )
        # The form has already put the new end date on form.instance: close the stored row.
        stored = HouseholdAssignment.objects.get(pk=form.instance.pk)
        if data.get("end_date") is None:
            if data.get("end_reason"):
                raise error(_("Set the end date to close the assignment."), field="end_date")
            return stored
        assignment_end(
            assignment=stored,
            end_date=data["end_date"],
            reason=data.get("end_reason", ""),
            acting_user=request.user,
        )
        return stored


@admin.register(CellParticipation)
class CellParticipationAdmin(_HistoryAdmin):
    list_display = ("member", "cell", "start_date", "end_date", "is_open")
    list_filter = (
        OpenFilter,
        ("member__unit", admin.RelatedOnlyFieldListFilter),
        ("cell__hamlet__commune", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("member", "cell")
    folded_search_fields = ("member__name_folded", "cell__name_folded")
    autocomplete_fields = ("member", "cell")

    def get_fields(self, request: HttpRequest, obj: CellParticipation | None = None) -> Any:
        if obj is None:
            return ("member", "cell", "start_date")
        return ("member", "cell", "start_date", "end_date", *TIMESTAMPS)

    def get_readonly_fields(self, request: HttpRequest, obj: CellParticipation | None = None) -> Any:
        if obj is None:
            return ()
        return ("member", "cell", "start_date", *TIMESTAMPS)

    def save_via_service(
        self, request: HttpRequest, form: ModelForm, change: bool
    ) -> CellParticipation | None:
        if change:
            return None  # closing: the end-after-start constraint is validated by the form
        data = form.cleaned_data
        return cell_join(
            member=data["member"], cell=data["cell"], start_date=data["start_date"], acting_user=request.user
        )
