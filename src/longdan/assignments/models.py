"""Who is in charge of which household, and who attends which hamlet cell — dated, never overwritten."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import NormalizedCharField
from longdan.core.models import TimeStampedModel
from longdan.households.querysets import ScopedByHouseholdQuerySet


class AssignmentRole(models.TextChoices):
    PRIMARY = "primary", _("In charge")
    SECONDARY = "secondary", _("Supporting")


class AssignmentQuerySet(ScopedByHouseholdQuerySet):
    def open(self) -> "AssignmentQuerySet":
        return self.filter(end_date__isnull=True)

    def primary(self) -> "AssignmentQuerySet":
        return self.filter(role=AssignmentRole.PRIMARY)


class HouseholdAssignment(TimeStampedModel):
    """Phân công phụ trách hộ: a member in charge of (or supporting) a household from a date until a date.

    The database itself refuses a second open primary assignment for a household,
    so two commanders assigning at once cannot leave a household with two members in charge.
    """

    member = models.ForeignKey(
        "people.Member", on_delete=models.PROTECT, related_name="assignments", verbose_name=_("member")
    )
    household = models.ForeignKey(
        "households.Household",
        on_delete=models.PROTECT,
        related_name="assignments",
        verbose_name=_("household"),
    )
    role = models.CharField(
        _("role"), max_length=16, choices=AssignmentRole.choices, default=AssignmentRole.PRIMARY
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    reason = NormalizedCharField(_("reason"), max_length=255, blank=True)
    end_reason = NormalizedCharField(_("reason for ending"), max_length=255, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("household assignment")
        verbose_name_plural = _("household assignments")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(role="primary", end_date__isnull=True),
                name="one_open_primary_per_household",
                violation_error_message=_("This household already has a member in charge."),
            ),
            models.UniqueConstraint(
                fields=["household", "member"],
                condition=Q(end_date__isnull=True),
                name="one_open_assignment_per_member_household",
                violation_error_message=_("This member is already assigned to this household."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="assignment_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]
        indexes = [
            models.Index(fields=["member", "end_date"], name="assignment_member_open"),
            # Covering for "in charge on day D" per household (reports): no table read per household.
            models.Index(
                fields=["household", "role", "start_date", "end_date"], name="assignment_household_dates"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} → {self.household}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


class CellParticipation(TimeStampedModel):
    """A station member attends the meetings of a hamlet party cell (sinh hoạt tại chi bộ ấp)."""

    member = models.ForeignKey(
        "people.Member",
        on_delete=models.PROTECT,
        related_name="cell_participations",
        verbose_name=_("member"),
    )
    cell = models.ForeignKey(
        "org.PartyCell", on_delete=models.PROTECT, related_name="participations", verbose_name=_("party cell")
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("cell participation")
        verbose_name_plural = _("cell participations")
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "cell"],
                condition=Q(end_date__isnull=True),
                name="one_open_participation_per_cell",
                violation_error_message=_("This member already attends this cell."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="participation_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} @ {self.cell}"
