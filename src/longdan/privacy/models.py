"""Duties under the Law on Personal Data Protection (Law 91/2025/QH15, in force 1 January 2026) and
Decree 356/2025/NĐ-CP: households' consent, the register of data-subject requests, and the breach register.

Privacy sits beside reports in the layers (DESIGN.md): it reads, exports and — for retention — anonymises
records of every app below it; nothing below imports it.
"""

from datetime import date, datetime, timedelta
from typing import Any, Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import NormalizedCharField, NormalizedTextField
from longdan.core.models import TimeStampedModel
from longdan.core.scoping import get_scope
from longdan.households.querysets import ScopedByHouseholdQuerySet

# Who handles requests and exports (station command and above) and who keeps the breach register
# (province command and above, and administrators): role names as in accounts.models.Role.
HANDLER_ROLES = ("station_command", "province_command", "hq")
BREACH_ROLES = ("province_command", "hq")

# What the breach register counts down from discovery to the report to A05 (Ministry of Public
# Security's Department of Cybersecurity and High-Tech Crime Prevention): 72 hours, the period the
# law keeps from Decree 13/2023/NĐ-CP art. 23.
BREACH_NOTIFICATION_HOURS = 72


class SensitiveCategory(models.TextChoices):
    """Sensitive personal data as the law names it (Law 91/2025/QH15 art. 2; list detailed by decree,
    the same kinds as Decree 13/2023/NĐ-CP art. 2(4)). The ones this system holds: ethnic origin and
    religion (households), health (medical support), criminal information (tips)."""

    POLITICAL_RELIGIOUS = "political_religious", _("Political and religious views")
    HEALTH = "health", _("Health and private life in medical records")
    ETHNIC_ORIGIN = "ethnic_origin", _("Racial or ethnic origin")
    GENETIC = "genetic", _("Genetic characteristics")
    BIOMETRIC = "biometric", _("Biometric characteristics")
    SEX_LIFE = "sex_life", _("Sex life and sexual orientation")
    CRIMINAL = "criminal", _("Crime and offences, collected by law-enforcement bodies")
    FINANCIAL = "financial", _("Customer data of credit institutions and payment services")
    LOCATION = "location", _("Location data")
    OTHER = "other", _("Other sensitive data named by law")


def handler_units(user: Any, roles: tuple[str, ...]) -> tuple[bool, frozenset[int]]:
    """(True, ∅) when `user` sees everything with one of `roles` or as administrator, else the units under those roles."""
    scope = get_scope(user)
    if scope.everything and (scope.roles & {"admin", *roles} or user.is_superuser):
        return True, frozenset()
    return False, scope.units_for(*roles)


def may_handle_requests(user: Any) -> bool:
    """Station command and above (and administrators): they keep the request register and export."""
    everything, units = handler_units(user, HANDLER_ROLES)
    return everything or bool(units)


def may_handle_household(user: Any, household: Any) -> bool:
    """May `user` register requests for and export `household` (its station is under their command)?"""
    everything, units = handler_units(user, HANDLER_ROLES)
    return everything or household.station_id in units


def may_keep_breaches(user: Any) -> bool:
    """Province command and above, and administrators."""
    everything, units = handler_units(user, BREACH_ROLES)
    return everything or bool(units)


def may_keep_breaches_of(user: Any, unit: Any) -> bool:
    everything, units = handler_units(user, BREACH_ROLES)
    return everything or unit.pk in units


class HandledQuerySet(models.QuerySet):
    """Rows of a household, visible to station command and above over the household's station."""

    def visible_to(self, user: Any) -> Self:
        everything, units = handler_units(user, HANDLER_ROLES)
        return self if everything else self.filter(household__station_id__in=units)


class ConsentPurpose(models.TextChoices):
    HOUSEHOLD_RECORD = "household_record", _("Keeping the household's record for the station's work")
    SUPPORT = "support", _("Support programs (loans, scholarships, medical care)")
    PHOTOS = "photos", _("Photos and reports on the household")
    SHARING = "sharing", _("Sharing with the commune authorities")


class Consent(TimeStampedModel):
    """A household's consent to one purpose, under the notice version shown; withdrawn, never deleted.

    Visible as the household is (the card shows it); recorded by those who may record for the household.
    """

    household = models.ForeignKey(
        "households.Household", on_delete=models.CASCADE, related_name="consents", verbose_name=_("household")
    )
    purpose = models.CharField(_("purpose"), max_length=24, choices=ConsentPurpose.choices)
    notice_version = NormalizedCharField(_("version of the notice shown"), max_length=32)
    given_on = models.DateField(_("given on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawal recorded by"),
    )
    withdrawal_reason = NormalizedTextField(_("reason for withdrawal"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    objects = ScopedByHouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["household", "-given_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["household", "purpose"],
                condition=Q(withdrawn_on__isnull=True),
                name="consent_one_standing_per_purpose",
                violation_error_message=_("The household already has a standing consent for this purpose."),
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("given_on")),
                name="consent_withdrawn_after_given",
                violation_error_message=_("A consent cannot be withdrawn before it was given."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.household} — {self.get_purpose_display()} ({self.given_on:%d/%m/%Y})"

    @property
    def is_standing(self) -> bool:
        return self.withdrawn_on is None


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Access to the data")
    CORRECTION = "correction", _("Correction")
    DELETION = "deletion", _("Deletion")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    REFUSED = "refused", _("Refused")


CLOSED_REQUEST_STATUSES = frozenset({RequestStatus.DONE, RequestStatus.REFUSED})
REQUEST_NEXT: dict[str, tuple[str, ...]] = {
    RequestStatus.RECEIVED: (RequestStatus.IN_PROGRESS, RequestStatus.DONE, RequestStatus.REFUSED),
    RequestStatus.IN_PROGRESS: (RequestStatus.DONE, RequestStatus.REFUSED),
}


def request_due_on(kind: str, received_on: date) -> date:
    """The legal deadline of a request: `received_on` plus LONGDAN_PRIVACY_REQUEST_DAYS[kind].

    Source of the default (3 days = 72 hours for access, correction and deletion alike): Decree
    13/2023/NĐ-CP arts. 14–16, which Law 91/2025/QH15 replaced; the law leaves the periods to its
    decree (356/2025/NĐ-CP). Counted in calendar days from the day received, so the register never
    shows a deadline later than the strictest reading. A station whose legal office reads the decree
    otherwise changes the setting, not the code.
    """
    days = settings.LONGDAN_PRIVACY_REQUEST_DAYS[kind]
    return received_on + timedelta(days=days)


class DataSubjectRequest(TimeStampedModel):
    """A household's (or one resident's) request to see, correct or delete the data held on them."""

    household = models.ForeignKey(
        "households.Household",
        on_delete=models.PROTECT,
        related_name="data_requests",
        verbose_name=_("household"),
    )
    resident = models.ForeignKey(
        "households.Resident",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resident"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RequestKind.choices)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("due on"), editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    refusal_reason = NormalizedTextField(_("reason for refusal"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    notes = NormalizedTextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    objects = HandledQuerySet.as_manager()

    class Meta:
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=RequestStatus.REFUSED) | ~Q(refusal_reason=""),
                name="request_refusal_has_reason",
                violation_error_message=_("A refusal needs its reason."),
            ),
            models.CheckConstraint(condition=Q(status__in=RequestStatus.values), name="request_status_known"),
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="request_status_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.household} ({self.received_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("privacy-request-detail", args=[self.pk])

    def clean(self) -> None:
        if (
            self.resident is not None
            and self.household_id
            and self.resident.household_id != self.household_id
        ):
            raise ValidationError({"resident": _("The resident is not of this household.")})

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_REQUEST_STATUSES

    @property
    def is_overdue(self) -> bool:
        return not self.is_closed and self.due_on < timezone.localdate()


class BreachQuerySet(models.QuerySet["Breach"]):
    def visible_to(self, user: Any) -> Self:
        everything, units = handler_units(user, BREACH_ROLES)
        return self if everything else self.filter(unit_id__in=units)


class Breach(TimeStampedModel):
    """A personal-data breach: what happened, which data, how many households, what was done, and when A05
    was told. The 72-hour clock runs from `discovered_at`."""

    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit"),
        help_text=_("The unit where the breach happened; its province command keeps the entry."),
    )
    discovered_at = models.DateTimeField(_("discovered at"))
    description = NormalizedTextField(_("what happened"))
    basic_data = models.BooleanField(
        _("basic personal data affected"), default=True, help_text=_("Names, addresses, phone, ID numbers.")
    )
    sensitive_categories = models.JSONField(_("sensitive data affected"), default=list, blank=True)
    households_affected = models.PositiveIntegerField(_("households affected"), default=0)
    measures = NormalizedTextField(_("measures taken"), blank=True)
    notified_authority_at = models.DateTimeField(_("A05 notified at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    objects = BreachQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal-data breach")
        verbose_name_plural = _("personal-data breaches")
        ordering = ["-discovered_at", "-id"]

    def __str__(self) -> str:
        local = timezone.localtime(self.discovered_at)
        return f"{local:%d/%m/%Y %H:%M} — {self.description[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("privacy-breach-detail", args=[self.pk])

    def clean(self) -> None:
        unknown = [c for c in self.sensitive_categories or [] if c not in SensitiveCategory.values]
        if unknown:
            raise ValidationError({"sensitive_categories": _("Unknown category.")})
        if (
            self.notified_authority_at
            and self.discovered_at
            and self.notified_authority_at < self.discovered_at
        ):
            raise ValidationError(
                {"notified_authority_at": _("A05 cannot be notified before the discovery.")}
            )

    @property
    def notification_due_at(self) -> datetime:
        return self.discovered_at + timedelta(hours=BREACH_NOTIFICATION_HOURS)

    def notification_left(self, now: datetime | None = None) -> timedelta:
        """Time left until the notification is due; negative when overdue."""
        return self.notification_due_at - (now or timezone.now())

    def notification_clock(self, now: datetime | None = None) -> tuple[bool, int, int]:
        """(overdue, hours, minutes) of the 72-hour clock: time left, or time past due when overdue.
        Once A05 is notified the clock stops at the moment of notification."""
        left = self.notification_due_at - (self.notified_authority_at or now or timezone.now())
        overdue = left < timedelta(0)
        minutes = int(abs(left).total_seconds() // 60)
        return overdue, minutes // 60, minutes % 60

    def sensitive_labels(self) -> list[str]:
        labels = dict(SensitiveCategory.choices)
        return [str(labels.get(c, c)) for c in self.sensitive_categories or []]
