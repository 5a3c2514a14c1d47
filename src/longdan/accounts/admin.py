"""Admin for user accounts and the roles they hold on the unit tree (or on communes, for liaisons)."""

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from longdan.core.admin import AuditedAdminWritesMixin, ScopedAdminMixin, ScopedModelAdmin

from .models import RoleGrant, User
from .services import password_reset_link_create

# Accounts and roles carry no rule beyond the model's own constraints (a unit for every
# role but liaison and admin, an end after the start), which the admin forms validate,
# so they are edited here directly. Only users who see everything may list them.


class RoleGrantInline(ScopedAdminMixin, admin.TabularInline):
    model = RoleGrant
    extra = 0
    fields = ("role", "unit", "communes", "start_date", "end_date")
    # 3,321 current communes and thousands of units: never a full <select>.
    autocomplete_fields = ("unit", "communes")
    verbose_name = _("role")
    verbose_name_plural = _("roles")

    def get_queryset(self, request: HttpRequest) -> QuerySet[RoleGrant]:
        return super().get_queryset(request).select_related("unit")


@admin.register(User)
class UserAdmin(AuditedAdminWritesMixin, ScopedAdminMixin, DjangoUserAdmin):
    inlines = (RoleGrantInline,)
    list_display = ("username", "first_name", "last_name", "email", "is_staff", "is_active", "member")
    # `member` is the reverse one-to-one from people.Member; a user without one shows "-".
    list_select_related = ("member",)
    actions = ("make_password_links",)

    @admin.action(description=_("Make a one-time password link"))
    def make_password_links(self, request: HttpRequest, queryset: QuerySet[User]) -> TemplateResponse:
        """No mail server: the administrator sees the links and hands each to its user."""
        links = [
            (
                user,
                request.build_absolute_uri(password_reset_link_create(user=user, acting_user=request.user)),
            )
            for user in queryset.order_by("username")
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("One-time password links"),
            "opts": self.model._meta,
            "links": links,
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }
        return TemplateResponse(request, "admin/accounts/user/password_links.html", context)


class ActiveGrantFilter(admin.SimpleListFilter):
    title = _("in force")
    parameter_name = "active"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("In force today")), ("no", _("Ended or not started"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        active = RoleGrant.objects.active().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=active)
        if self.value() == "no":
            return queryset.exclude(pk__in=active)
        return queryset


@admin.register(RoleGrant)
class RoleGrantAdmin(ScopedModelAdmin):
    list_display = ("user", "role", "unit", "start_date", "end_date")
    list_filter = ("role", ActiveGrantFilter, ("unit", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("user", "unit")
    search_fields = ("user__username", "user__first_name", "user__last_name", "=unit__code")
    autocomplete_fields = ("user", "unit", "communes")
    date_hierarchy = "start_date"
