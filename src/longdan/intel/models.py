"""Security tips (nguồn tin) received from households: restricted, with the source protected.

Only the station command and the receiving team see a tip; the member who
recorded one sees their own. The source household is not a foreign key:
its identity is stored encrypted, so a database copy alone does not say who
spoke to the Border Guard.
"""

from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from longdan.core.crypto import EncryptedTextField
from longdan.core.fields import NormalizedTextField
from longdan.core.models import TimeStampedModel
from longdan.core.scoping import get_scope


class TipCategory(models.TextChoices):
    SMUGGLING = "smuggling", _("Smuggling, trade fraud")
    DRUGS = "drugs", _("Drugs")
    IUU_FISHING = "iuu_fishing", _("Illegal fishing (IUU)")
    ILLEGAL_CROSSING = "illegal_crossing", _("Illegal border crossing")
    TRAFFICKING = "trafficking", _("Human trafficking")
    PUBLIC_ORDER = "public_order", _("Public order")
    OTHER = "other", _("Other")


class Credibility(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed by other sources")
    PROBABLE = "probable", _("Probably true")
    POSSIBLE = "possible", _("Possibly true")
    DOUBTFUL = "doubtful", _("Doubtful")
    UNKNOWN = "unknown", _("Cannot be judged")


class Urgency(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    URGENT = "urgent", _("Urgent")
    IMMEDIATE = "immediate", _("Immediate")


class TipStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PASSED = "passed", _("Passed to the reconnaissance team")
    VERIFIED = "verified", _("Verified")
    NOT_VERIFIED = "not_verified", _("Not verified")
    ACTED_ON = "acted_on", _("Acted on")


# Roles that see every tip of their station (and the stations under them).
TIP_COMMAND_ROLES = ("station_command",)
TIP_TEAM_ROLES = ("team_lead",)


class TipQuerySet(models.QuerySet["Tip"]):
    def visible_to(self, user: Any) -> Self:
        """Station command by station, the receiving team by team, the recorder their own. Nobody else."""
        scope = get_scope(user)
        if not getattr(user, "is_authenticated", False):
            return self.none()
        condition = Q(recorded_by=user)
        station_ids = scope.units_for(*TIP_COMMAND_ROLES)
        if station_ids:
            condition |= Q(station_id__in=station_ids)
        team_ids = scope.units_for(*TIP_TEAM_ROLES)
        if team_ids:
            condition |= Q(receiving_team_id__in=team_ids)
        return self.filter(condition)

    def open(self) -> Self:
        return self.exclude(status__in=[TipStatus.ACTED_ON, TipStatus.NOT_VERIFIED])


class Tip(TimeStampedModel):
    """One piece of security information from the people, and what the station did with it."""

    station = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="tips", verbose_name=_("station")
    )
    province_command = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("provincial command")
    )
    receiving_team = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_tips",
        verbose_name=_("receiving team"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    received_at = models.DateTimeField(_("received at"))
    category = models.CharField(_("category"), max_length=24, choices=TipCategory.choices)
    content = NormalizedTextField(_("content"))
    credibility = models.CharField(
        _("credibility"), max_length=16, choices=Credibility.choices, default=Credibility.UNKNOWN
    )
    urgency = models.CharField(_("urgency"), max_length=16, choices=Urgency.choices, default=Urgency.ROUTINE)
    status = models.CharField(
        _("status"), max_length=16, choices=TipStatus.choices, default=TipStatus.RECEIVED
    )
    outcome = NormalizedTextField(_("outcome"), blank=True)
    # JSON {"household_id": …, "head_name": …, "note": …}, encrypted with FIELD_ENCRYPTION_KEYS.
    source = EncryptedTextField(_("source (encrypted)"), blank=True)

    objects = TipQuerySet.as_manager()

    class Meta:
        verbose_name = _("security tip")
        verbose_name_plural = _("security tips")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["station", "received_at"], name="tip_station_received"),
            models.Index(fields=["province_command", "received_at"], name="tip_province_received"),
        ]

    def __str__(self) -> str:
        # Never the content or the source: this string lands in logs and the audit trail.
        return f"{_('Tip')} #{self.pk} ({self.get_category_display()})"

    def get_absolute_url(self) -> str:
        return reverse("tip-detail", args=[self.pk])


class TipEvent(models.Model):
    """A step of a tip: passed to the team, verified, acted on — who and when."""

    tip = models.ForeignKey(Tip, on_delete=models.CASCADE, related_name="events", verbose_name=_("tip"))
    from_status = models.CharField(_("from"), max_length=16, choices=TipStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=TipStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    note = NormalizedTextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("tip event")
        verbose_name_plural = _("tip events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.tip}: {self.from_status} → {self.to_status}"
