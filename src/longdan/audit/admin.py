from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: nobody edits or deletes the trail, administrators included."""

    list_display = ["at", "actor_username", "action", "object_type", "object_repr", "unit", "ip"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_username", "object_repr", "object_id", "reason"]
    date_hierarchy = "at"
    list_select_related = ["actor", "unit"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
