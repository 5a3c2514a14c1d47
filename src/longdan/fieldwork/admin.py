"""Admin for field work.

Topics are reference data the command keeps (retire one rather than delete it: old visits
name it). A station's cadence is set here or on the station's cadence page. Visits and cell
meetings are events recorded on the field pages through the services (UUID idempotency, the
station at the time, who was present); the admin shows them, scoped, and does not edit them.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from longdan.core.admin import ScopedAdminMixin, ScopedModelAdmin

from .models import CellMeeting, MeetingIssue, Topic, Visit, VisitCadence, VisitMember


@admin.register(Topic)
class TopicAdmin(ScopedModelAdmin):
    list_display = ("name", "code", "is_active", "position")
    list_editable = ("is_active", "position")
    list_filter = ("is_active",)
    search_fields = ("name", "code")
    global_only = False  # every staff user reads the list; the admin role edits it

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(VisitCadence)
class VisitCadenceAdmin(ScopedModelAdmin):
    list_display = ("station", "priority_days", "poor_days", "other_days")
    autocomplete_fields = ("station",)


class _ReadOnly:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class VisitMemberInline(_ReadOnly, ScopedAdminMixin, admin.TabularInline):
    model = VisitMember
    fields = ("position", "member")
    readonly_fields = fields
    extra = 0
    global_only = False


@admin.register(Visit)
class VisitAdmin(_ReadOnly, ScopedModelAdmin):
    list_display = ("household", "visited_at", "kind", "station", "follow_up_on")
    list_filter = ("kind",)
    date_hierarchy = "visited_at"
    list_select_related = ("household", "station")
    inlines = [VisitMemberInline]
    readonly_fields = (
        "household",
        "visited_at",
        "kind",
        "security_situation",
        "welfare_situation",
        "aspirations",
        "topics",
        "advice",
        "follow_up_on",
        "client_uuid",
        "recorded_by",
        "station",
        "province_command",
    )
    fields = readonly_fields


class MeetingIssueInline(_ReadOnly, ScopedAdminMixin, admin.TabularInline):
    model = MeetingIssue
    fields = ("position", "text")
    readonly_fields = fields
    extra = 0
    global_only = False


@admin.register(CellMeeting)
class CellMeetingAdmin(_ReadOnly, ScopedModelAdmin):
    list_display = ("cell", "held_on", "station", "commune")
    date_hierarchy = "held_on"
    list_select_related = ("cell", "station", "commune")
    inlines = [MeetingIssueInline]
    readonly_fields = (
        "cell",
        "held_on",
        "attendees",
        "contributions",
        "client_uuid",
        "recorded_by",
        "station",
        "province_command",
        "commune",
    )
    fields = readonly_fields
