"""Read-only admin views of the registers: every write goes through the services (and their audit rows)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Breach, Consent, DataSubjectRequest


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdmin):
    list_display = ["household", "purpose", "notice_version", "given_on", "withdrawn_on"]
    list_filter = ["purpose"]
    raw_id_fields = ["household"]


@admin.register(DataSubjectRequest)
class DataSubjectRequestAdmin(ReadOnlyAdmin):
    list_display = ["household", "kind", "received_on", "due_on", "status"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["household", "resident"]


@admin.register(Breach)
class BreachAdmin(ReadOnlyAdmin):
    list_display = ["discovered_at", "unit", "households_affected", "notified_authority_at"]
