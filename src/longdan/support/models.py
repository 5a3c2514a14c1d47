"""Support given to households: programs, events (a medical camp, a scholarship ceremony) and benefits in VND."""

from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import NormalizedCharField, NormalizedTextField
from longdan.core.models import TimeStampedModel
from longdan.core.scoping import get_scope
from longdan.households.querysets import household_visibility


class ProgramKind(models.TextChoices):
    SCHOLARSHIP = "scholarship", _("Scholarship / school stipend")
    FOSTER_CHILD = "foster_child", _("Foster child of the station")
    HOUSING = "housing", _("House building")
    MEDICAL = "medical", _("Free medical check-up and medicine")
    LOAN = "loan", _("Job-creation loan (Bank for Social Policies)")
    LIVELIHOOD = "livelihood", _("Livelihood support")
    GIFT = "gift", _("Gifts")
    OTHER = "other", _("Other")


class SupportProgram(TimeStampedModel):
    """A program the Border Guard runs or joins. Defaults are created by a data migration."""

    name = NormalizedCharField(_("name"), max_length=160, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=ProgramKind.choices)
    description = NormalizedTextField(_("description"), blank=True)
    monthly_amount = models.PositiveIntegerField(
        _("monthly amount per person (VND)"), null=True, blank=True, help_text=_("For stipends.")
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("support program")
        verbose_name_plural = _("support programs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StationScopedQuerySet(models.QuerySet):
    """Events of a station: its command sees them, liaisons see those held in their communes."""

    def visible_to(self, user: Any) -> Self:
        scope = get_scope(user)
        if scope.everything:
            return self
        condition = Q(pk__in=[])
        if scope.unit_ids:
            condition |= Q(station_id__in=scope.unit_ids)
        if scope.commune_ids:
            condition |= Q(hamlet__commune_id__in=scope.commune_ids)
        if scope.member_id:
            # A member sees the events of their own station (they usually take part).
            condition |= Q(station__members__pk=scope.member_id)
        return self.filter(condition).distinct() if scope.member_id else self.filter(condition)


class SupportEvent(TimeStampedModel):
    """One occasion of support: a medical camp at a hamlet, a scholarship ceremony, a gift round."""

    program = models.ForeignKey(
        SupportProgram, on_delete=models.PROTECT, related_name="events", verbose_name=_("program")
    )
    title = NormalizedCharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    station = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="support_events", verbose_name=_("station")
    )
    province_command = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("provincial command")
    )
    hamlet = models.ForeignKey(
        "geo.Hamlet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_events",
        verbose_name=_("hamlet"),
    )
    place = NormalizedCharField(_("place"), max_length=200, blank=True)
    people_served = models.PositiveIntegerField(_("people served"), default=0)
    medicine_value = models.PositiveBigIntegerField(_("value of medicine (VND)"), default=0)
    notes = NormalizedTextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    objects = StationScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("support event")
        verbose_name_plural = _("support events")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["station", "held_on"], name="supportevent_station_date")]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("support-event-detail", args=[self.pk])


class LoanStatus(models.TextChoices):
    ADVISED = "advised", _("Advised")
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    DISBURSED = "disbursed", _("Disbursed")
    REFUSED = "refused", _("Refused by the bank")


# The order a loan moves in; refused can follow advised, applied or approved.
LOAN_NEXT = {
    LoanStatus.ADVISED: {LoanStatus.APPLIED, LoanStatus.REFUSED},
    LoanStatus.APPLIED: {LoanStatus.APPROVED, LoanStatus.REFUSED},
    LoanStatus.APPROVED: {LoanStatus.DISBURSED, LoanStatus.REFUSED},
    LoanStatus.DISBURSED: set(),
    LoanStatus.REFUSED: set(),
}


class BenefitQuerySet(models.QuerySet["Benefit"]):
    def visible_to(self, user: Any) -> Self:
        condition = household_visibility(self.model, user, prefix="household__")
        return self if condition is None else self.filter(condition)


class Benefit(TimeStampedModel):
    """What one household (or one of its residents) received, valued in VND; loans carry their own status."""

    program = models.ForeignKey(
        SupportProgram, on_delete=models.PROTECT, related_name="benefits", verbose_name=_("program")
    )
    household = models.ForeignKey(
        "households.Household", on_delete=models.PROTECT, related_name="benefits", verbose_name=_("household")
    )
    resident = models.ForeignKey(
        "households.Resident",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefits",
        verbose_name=_("resident"),
    )
    event = models.ForeignKey(
        SupportEvent,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefits",
        verbose_name=_("event"),
    )
    given_on = models.DateField(_("date"))
    value = models.PositiveBigIntegerField(_("value (VND)"), default=0)
    description = NormalizedCharField(_("description"), max_length=255, blank=True)
    loan_amount = models.PositiveBigIntegerField(_("loan amount (VND)"), null=True, blank=True)
    loan_status = models.CharField(_("loan status"), max_length=16, choices=LoanStatus.choices, blank=True)
    # Where and under whom it happened, as it was then (see DESIGN.md, Performance design).
    station = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("station")
    )
    province_command = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("provincial command")
    )
    commune = models.ForeignKey(
        "geo.AdminUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    objects = BenefitQuerySet.as_manager()

    class Meta:
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        ordering = ["-given_on", "-id"]
        indexes = [
            models.Index(fields=["station", "given_on"], name="benefit_station_date"),
            models.Index(fields=["household", "given_on"], name="benefit_household_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(loan_status="") | Q(loan_amount__isnull=False),
                name="benefit_loan_has_amount",
                violation_error_message=_("A loan needs its amount."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.program} — {self.household} ({self.given_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("household-detail", args=[self.household_id]) + f"#benefit-{self.pk}"

    @property
    def is_loan(self) -> bool:
        return bool(self.loan_status)
