"""Petitions (phản ánh, kiến nghị, vướng mắc): what a household or a hamlet asks for, carried to an answer.

A case is an event in the sense of DESIGN.md's performance design: it carries the
station, the provincial command and the commune it belonged to *when it was received*,
so boards, liaison lists and indicators filter one table by an indexed column, and a
later reassignment of the household does not move the case to another station.
Every change of state is a `CaseEvent`, written by the services in `services.py` only.
"""

from datetime import date, timedelta
from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from longdan.assignments.models import HouseholdAssignment
from longdan.core.fields import NormalizedCharField, NormalizedTextField
from longdan.core.models import TimeStampedModel
from longdan.core.scoping import get_scope

from .choices import (
    COMMUNE_BODIES,
    DEFAULT_DEADLINE_DAYS,
    FINAL_STATES,
    OPEN_STATES,
    REFERRED_ONWARD_STATES,
    CaseState,
    Category,
    ResponsibleBody,
)

__all__ = [
    "COMMUNE_BODIES",
    "DEFAULT_DEADLINE_DAYS",
    "FINAL_STATES",
    "OPEN_STATES",
    "REFERRED_ONWARD_STATES",
    "Case",
    "CaseEvent",
    "CaseState",
    "Category",
    "CategoryDeadline",
    "ResponsibleBody",
    "deadline_days",
    "due_date",
]


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: Any) -> Self:
        """The one access rule for cases.

        Command roles see the cases of the stations in their subtree (the station the case
        was received by, not the household's station today); liaisons the cases of their
        communes; a member the cases of the households they are in charge of now (the
        household_visibility rule) plus the cases they recorded themselves.
        """
        scope = get_scope(user)
        if scope.everything:
            return self
        condition = Q(pk__in=[])
        if scope.unit_ids:
            condition |= Q(station_id__in=scope.unit_ids)
        if scope.commune_ids:
            condition |= Q(commune_id__in=scope.commune_ids)
        if scope.member_id:
            condition |= Q(recorded_by_member_id=scope.member_id) | Q(
                household_id__in=_households_in_charge(member_id=scope.member_id)
            )
        return self.filter(condition)

    def open(self) -> Self:
        return self.filter(state__in=OPEN_STATES)

    def overdue(self, today: date | None = None) -> Self:
        """Open cases whose due date has passed (a case due today is not yet overdue)."""
        today = today or timezone.localdate()
        return self.open().filter(due_on__lt=today)

    def of_member(self, member_id: int) -> Self:
        """Cases of the households `member_id` is in charge of now, and cases they recorded."""
        return self.filter(
            Q(recorded_by_member_id=member_id)
            | Q(household_id__in=_households_in_charge(member_id=member_id))
        )


def _households_in_charge(*, member_id: int) -> models.QuerySet:
    """The households `member_id` is in charge of now, as a list subquery.

    Not a correlated EXISTS: OR-ed with the recorder, that made SQLite test every case in
    the country (150 ms at 300,000 petitions); a list lets each side of the OR read its index.
    """
    return HouseholdAssignment.objects.filter(member_id=member_id, end_date__isnull=True).values(
        "household_id"
    )


class CategoryDeadline(TimeStampedModel):
    """How many days a petition of a category may take. A row without a station is the default.

    Stations change their own deadlines by adding rows for their station; the defaults
    (see DEFAULT_DEADLINE_DAYS) are what the project ships, not a rule of law.
    """

    station = models.ForeignKey(
        "org.Unit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="case_deadlines",
        verbose_name=_("station"),
        help_text=_("Leave empty for the default that applies to every station."),
    )
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    days = models.PositiveSmallIntegerField(_("days to answer"))

    class Meta:
        verbose_name = _("petition deadline")
        verbose_name_plural = _("petition deadlines")
        ordering = ["station", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["station", "category"],
                name="casedeadline_unique_per_station",
                violation_error_message=_("This station already has a deadline for this category."),
            ),
            models.UniqueConstraint(
                fields=["category"],
                condition=Q(station__isnull=True),
                name="casedeadline_one_default",
                violation_error_message=_("There is already a default deadline for this category."),
            ),
            models.CheckConstraint(condition=Q(days__gte=1), name="casedeadline_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.station or _('Default')}: {self.get_category_display()} — {self.days}"


def deadline_days(*, category: str, station_id: int | None) -> int:
    """The station's own deadline for `category`, else the default row, else the shipped default."""
    rows: dict[int | None, int] = dict(
        CategoryDeadline.objects.filter(Q(station_id=station_id) | Q(station__isnull=True), category=category)
        .order_by("station_id")
        .values_list("station_id", "days")
    )
    if station_id in rows:
        return rows[station_id]
    if None in rows:
        return rows[None]
    return DEFAULT_DEADLINE_DAYS[category]


def due_date(*, category: str, station_id: int | None, start: date) -> date:
    return start + timedelta(days=deadline_days(category=category, station_id=station_id))


class Case(TimeStampedModel):
    """Phản ánh, kiến nghị, vướng mắc: raised by a household, or at a hamlet cell meeting (then the hamlet).

    Exactly one origin (household or hamlet), checked by the database. The state moves
    only through services.case_transition, which writes a CaseEvent for each move.
    """

    household = models.ForeignKey(
        "households.Household",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("household"),
    )
    hamlet = models.ForeignKey(
        "geo.Hamlet",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("hamlet"),
        help_text=_("When the petition was raised at a hamlet cell meeting rather than by one household."),
    )
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    title = NormalizedCharField(_("title"), max_length=200)
    description = NormalizedTextField(_("description"))
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("due on"))
    state = models.CharField(
        _("state"), max_length=16, choices=CaseState.choices, default=CaseState.RECEIVED, editable=False
    )
    state_changed_at = models.DateTimeField(_("state since"), default=timezone.now, editable=False)
    recorded_by_member = models.ForeignKey(
        "people.Member",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recorded_cases",
        verbose_name=_("recorded by (member)"),
    )
    recorded_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="recorded_cases",
        verbose_name=_("recorded by (user)"),
    )
    responsible_body = models.CharField(
        _("responsible body"), max_length=32, choices=ResponsibleBody.choices, blank=True
    )
    responsible_body_name = NormalizedCharField(
        _("name of the body"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “UBND xã Vĩnh Hải” or, for another agency, its name."),
    )
    plan = NormalizedTextField(_("the command's decision and plan"), blank=True)
    # Where the case was born, when it came from field work. Nullable: most are recorded directly.
    source_visit = models.ForeignKey(
        "fieldwork.Visit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("from visit"),
    )
    source_meeting_issue = models.ForeignKey(
        "fieldwork.MeetingIssue",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("from a cell meeting issue"),
    )
    # Attribution at the time received (see the module docstring); set by case_open only.
    station = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="cases", editable=False, verbose_name=_("station")
    )
    province_command = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        related_name="province_cases",
        editable=False,
        verbose_name=_("provincial command"),
    )
    commune = models.ForeignKey(
        "geo.AdminUnit",
        on_delete=models.PROTECT,
        related_name="cases",
        editable=False,
        verbose_name=_("commune"),
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(household__isnull=False) & Q(hamlet__isnull=True))
                | (Q(household__isnull=True) & Q(hamlet__isnull=False)),
                name="case_exactly_one_origin",
                violation_error_message=_("A petition comes from a household or from a hamlet, not both."),
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("received_on")),
                name="case_due_after_received",
                violation_error_message=_("The due date cannot be before the date received."),
            ),
            models.CheckConstraint(condition=Q(state__in=CaseState.values), name="case_state_known"),
        ]
        indexes = [
            # The board and "overdue" per station; the liaison list per commune.
            models.Index(fields=["station", "state", "due_on"], name="case_station_state_due"),
            models.Index(fields=["commune", "state", "due_on"], name="case_commune_state_due"),
            models.Index(fields=["province_command", "received_on"], name="case_province_received"),
            models.Index(fields=["household", "received_on"], name="case_household_received"),
            models.Index(fields=["recorded_by_member", "state"], name="case_recorder_state"),
            # Indicators: received per category per station and period (covering), and "state on a past
            # day", which looks at the history only of cases whose state changed since.
            models.Index(fields=["station", "received_on", "category"], name="case_station_received"),
            models.Index(fields=["station", "state_changed_at"], name="case_station_state_changed"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("case-detail", args=[self.pk])

    @property
    def origin(self) -> Any:
        """The household, or the hamlet when the petition was raised at a cell meeting."""
        return self.household if self.household_id else self.hamlet

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_overdue(self) -> bool:
        return self.is_overdue_on(timezone.localdate())

    def is_overdue_on(self, today: date) -> bool:
        return self.is_open and self.due_on < today

    @property
    def is_referred_to_commune(self) -> bool:
        return self.responsible_body in COMMUNE_BODIES

    def responsible_display(self) -> str:
        if not self.responsible_body:
            return ""
        label = str(self.get_responsible_body_display())
        return f"{label}: {self.responsible_body_name}" if self.responsible_body_name else label


class CaseEvent(models.Model):
    """One step in a case's life: the opening, each change of state, or a note (from_state == to_state).

    Append-only by convention: only services create events, nothing edits them. Like the
    case, an event carries the station and provincial command, so "resolved this month
    per station" reads this table alone.
    """

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("petition")
    )
    from_state = models.CharField(_("from"), max_length=16, choices=CaseState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=16, choices=CaseState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_events", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    note = NormalizedTextField(_("note"), blank=True)
    reason = NormalizedTextField(_("reason"), blank=True)
    station = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", editable=False, verbose_name=_("station")
    )
    province_command = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        editable=False,
        verbose_name=_("provincial command"),
    )

    class Meta:
        verbose_name = _("petition event")
        verbose_name_plural = _("petition events")
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["case", "at"], name="caseevent_case_at"),
            models.Index(fields=["station", "to_state", "at"], name="caseevent_station_state_at"),
            models.Index(fields=["province_command", "to_state", "at"], name="caseevent_province_state_at"),
        ]

    def __str__(self) -> str:
        return f"{self.case} — {self.get_to_state_display()} ({self.at:%d/%m/%Y %H:%M})"

    @property
    def is_note(self) -> bool:
        return bool(self.from_state) and self.from_state == self.to_state
