"""Admin for petitions: deadlines are edited here; cases and their events are only read.

A case changes state through the services (which check who may and write the event),
never by an admin edit, so the case admin is read-only and has no "add".
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from longdan.core.admin import ScopedAdminMixin, ScopedModelAdmin

from .models import Case, CaseEvent, CategoryDeadline


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CaseEventInline(_ReadOnly, ScopedAdminMixin, admin.TabularInline):
    model = CaseEvent
    extra = 0
    global_only = False  # reached only through a case the user may see
    fields = ("at", "from_state", "to_state", "actor", "reason", "note")
    readonly_fields = fields


@admin.register(Case)
class CaseAdmin(_ReadOnly, ScopedModelAdmin):
    list_display = ("title", "category", "state", "received_on", "due_on", "station", "commune")
    list_filter = ("state", "category", ("station", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("station", "commune")
    search_fields = ("title",)
    date_hierarchy = "received_on"
    inlines = (CaseEventInline,)


@admin.register(CategoryDeadline)
class CategoryDeadlineAdmin(ScopedModelAdmin):
    """Deadlines per category: rows without a station are the defaults, a station's rows override them.

    Administrators only for now (no `visible_to`): a station command edits its deadlines through them.
    """

    list_display = ("category", "station", "days")
    list_filter = ("category", ("station", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("station",)
