"""Users and the roles they hold on a part of the unit tree (or on communes, for liaisons)."""

from datetime import date

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Field members link to their Member record (people.Member.user)."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def get_full_name(self) -> str:
        """Vietnamese order: family name (last_name, "Trương") before middle and given names ("Thị Ngọc Hân")."""
        return f"{self.last_name} {self.first_name}".strip()


class Role(models.TextChoices):
    MEMBER = "member", _("Field member")
    STATION_COMMAND = "station_command", _("Station command")
    TEAM_LEAD = "team_lead", _("Team lead")
    PROVINCE_COMMAND = "province_command", _("Province command")
    HQ = "hq", _("National HQ")
    COMMUNE_LIAISON = "commune_liaison", _("Commune liaison")
    ADMIN = "admin", _("Administrator")


# Roles that see everything in their unit subtree (not just their own households).
COMMAND_ROLES = frozenset({Role.STATION_COMMAND, Role.TEAM_LEAD, Role.PROVINCE_COMMAND, Role.HQ})
# Roles that may see ethnicity, religion and other sensitive fields of the records in scope.
SENSITIVE_ROLES = frozenset({Role.STATION_COMMAND, Role.PROVINCE_COMMAND, Role.HQ, Role.ADMIN})


class RoleGrantQuerySet(models.QuerySet["RoleGrant"]):
    def active(self, day: date | None = None) -> "RoleGrantQuerySet":
        day = day or timezone.localdate()
        return self.filter(Q(start_date__lte=day), Q(end_date__isnull=True) | Q(end_date__gte=day))


class RoleGrant(models.Model):
    """A role held by a user on a unit and everything under it, or on communes (liaisons), for a time."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="grants", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grants",
        verbose_name=_("unit"),
        help_text=_("The role covers this unit and every unit under it."),
    )
    communes = models.ManyToManyField(
        "geo.AdminUnit",
        blank=True,
        related_name="liaison_grants",
        verbose_name=_("communes"),
        help_text=_("For commune liaisons: the communes whose records they see."),
    )
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = RoleGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="rolegrant_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(role="commune_liaison") | Q(role="admin") | Q(unit__isnull=False),
                name="rolegrant_unit_required",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"
