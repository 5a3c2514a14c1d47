"""Field work: visits to households, how often each household is due one, and hamlet cell meetings.

Visits and meetings are events: each carries the station and the provincial command
it belonged to *when it happened* (DESIGN.md, Performance design), so indicators
never walk household → station → province, and a later reassignment does not move
history from one station to another.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from longdan.core.fields import NormalizedCharField, NormalizedTextField
from longdan.core.models import TimeStampedModel
from longdan.org.models import FIELD_UNIT_KINDS

from .querysets import CellMeetingQuerySet, VisitQuerySet


class Topic(TimeStampedModel):
    """Something a member disseminates during a visit (law, policy, a movement).

    A managed table rather than choices: campaigns come and go, and the command
    adds them without a release. Retired topics stay for history but leave the form.
    """

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = NormalizedCharField(_("name"), max_length=255)
    is_active = models.BooleanField(_("offered on the visit form"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class VisitKind(models.TextChoices):
    HOME = "home", _("Home visit")
    PHONE = "phone", _("Phone call")
    HAMLET_MEETING = "hamlet_meeting", _("Meeting at the hamlet")
    SUPPORT_EVENT = "support_event", _("During a support event")


class Advice(models.TextChoices):
    LIVELIHOOD = "livelihood", _("Livelihood")
    TECHNIQUE = "technique", _("Farming or aquaculture technique")
    LOANS = "loans", _("Loans")
    SCHOOLING = "schooling", _("Schooling")
    HEALTH = "health", _("Health")


class Visit(TimeStampedModel):
    """Tiếp xúc, thăm hộ: one contact between station members and a household, and what came of it.

    `client_uuid` is made when the form is drawn (or by an offline client), so a form
    sent twice — a double tap, a retry on a bad line — makes one visit.
    """

    household = models.ForeignKey(
        "households.Household", on_delete=models.PROTECT, related_name="visits", verbose_name=_("household")
    )
    members = models.ManyToManyField(
        "people.Member",
        through="VisitMember",
        related_name="visits",
        verbose_name=_("members present"),
    )
    visited_at = models.DateTimeField(_("date and time"))
    kind = models.CharField(_("kind"), max_length=24, choices=VisitKind.choices, default=VisitKind.HOME)
    security_situation = NormalizedTextField(_("social order and security"), blank=True)
    welfare_situation = NormalizedTextField(_("welfare policies"), blank=True)
    aspirations = NormalizedTextField(_("thoughts and wishes"), blank=True)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="visits", verbose_name=_("topics disseminated")
    )
    # A short fixed list that reports count: a JSON list of Advice values, checked in clean().
    advice = models.JSONField(_("advice given"), default=list, blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    client_uuid = models.UUIDField(_("client id"), unique=True, default=uuid.uuid4, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    station = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="station_visits",
        editable=False,
        verbose_name=_("station"),
    )
    province_command = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        related_name="province_visits",
        editable=False,
        verbose_name=_("provincial command"),
    )

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-visited_at", "-id"]
        indexes = [
            # "Last visit per household" for work lists reads this index, never a scan of visits.
            models.Index(fields=["household", "visited_at"], name="visit_household_time"),
            # Covering for indicators: visits and distinct households per station and month, read from the index.
            models.Index(fields=["station", "visited_at", "household"], name="visit_station_time_household"),
            models.Index(fields=["province_command", "visited_at"], name="visit_province_time"),
        ]

    def __str__(self) -> str:
        return f"{self.household} — {self.visited_at:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("visit-detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if not isinstance(self.advice, list) or any(value not in Advice.values for value in self.advice):
            raise ValidationError({"advice": _("Choose advice from the list.")})
        if len(set(self.advice)) != len(self.advice):
            raise ValidationError({"advice": _("Each kind of advice is listed once.")})

    def advice_labels(self) -> list[str]:
        labels = dict(Advice.choices)
        return [str(labels.get(value, value)) for value in self.advice]


class VisitMember(models.Model):
    """A member present at a visit; `position` keeps the recorder first, then the others as chosen."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="presence")
    member = models.ForeignKey("people.Member", on_delete=models.PROTECT, related_name="visit_presence")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("member present")
        verbose_name_plural = _("members present")
        ordering = ["visit", "position"]
        constraints = [models.UniqueConstraint(fields=["visit", "member"], name="visitmember_unique")]
        # Member → visits (a member's own history) without scanning the table.
        indexes = [models.Index(fields=["member", "visit"], name="visitmember_member")]

    def __str__(self) -> str:
        return f"{self.member} @ {self.visit}"


class CadenceClass(models.TextChoices):
    PRIORITY = "priority", _("Priority household")
    POOR = "poor", _("Poor or near-poor household")
    OTHER = "other", _("Other household")


_DAYS = [MinValueValidator(1), MaxValueValidator(366)]


class VisitCadence(TimeStampedModel):
    """How often a station's households are due a visit, by class. A station without a row uses the defaults."""

    DEFAULT_PRIORITY_DAYS = 7
    DEFAULT_POOR_DAYS = 14
    DEFAULT_OTHER_DAYS = 30

    station = models.OneToOneField(
        "org.Unit",
        on_delete=models.CASCADE,
        related_name="visit_cadence",
        limit_choices_to={"kind__in": FIELD_UNIT_KINDS},
        verbose_name=_("station"),
    )
    priority_days = models.PositiveSmallIntegerField(
        _("priority households: every (days)"), default=DEFAULT_PRIORITY_DAYS, validators=_DAYS
    )
    poor_days = models.PositiveSmallIntegerField(
        _("poor and near-poor households: every (days)"), default=DEFAULT_POOR_DAYS, validators=_DAYS
    )
    other_days = models.PositiveSmallIntegerField(
        _("other households: every (days)"), default=DEFAULT_OTHER_DAYS, validators=_DAYS
    )

    class Meta:
        verbose_name = _("visit cadence")
        verbose_name_plural = _("visit cadences")

    def __str__(self) -> str:
        return f"{self.station}: {self.priority_days}/{self.poor_days}/{self.other_days}"


class CellMeeting(TimeStampedModel):
    """Sinh hoạt tại chi bộ ấp: a meeting of a hamlet party cell attended by station members.

    The station (whose area holds the hamlet), its provincial command and the hamlet's
    commune are carried on the row, as for visits: the station and the commune
    liaisons see the meeting and what was raised at it.
    """

    cell = models.ForeignKey(
        "org.PartyCell",
        on_delete=models.PROTECT,
        related_name="meetings",
        limit_choices_to={"kind": "hamlet"},
        verbose_name=_("hamlet cell"),
    )
    held_on = models.DateField(_("date"))
    attendees = models.ManyToManyField(
        "people.Member", related_name="cell_meetings", verbose_name=_("station members attending")
    )
    contributions = NormalizedTextField(_("what the members contributed"), blank=True)
    client_uuid = models.UUIDField(_("client id"), unique=True, default=uuid.uuid4, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    station = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="station_cell_meetings",
        editable=False,
        verbose_name=_("station"),
    )
    province_command = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        null=True,
        related_name="province_cell_meetings",
        editable=False,
        verbose_name=_("provincial command"),
    )
    commune = models.ForeignKey(
        "geo.AdminUnit",
        on_delete=models.PROTECT,
        related_name="cell_meetings",
        editable=False,
        verbose_name=_("commune"),
    )

    objects = CellMeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("cell meeting")
        verbose_name_plural = _("cell meetings")
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(fields=["station", "held_on"], name="cellmeeting_station_date"),
            models.Index(fields=["cell", "held_on"], name="cellmeeting_cell_date"),
            models.Index(fields=["commune", "held_on"], name="cellmeeting_commune_date"),
        ]

    def __str__(self) -> str:
        return f"{self.cell} — {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("cellmeeting-detail", args=[self.pk])


class MeetingIssue(TimeStampedModel):
    """An issue raised at a cell meeting. The cases app may turn it into a petition with the hamlet as origin."""

    meeting = models.ForeignKey(
        CellMeeting, on_delete=models.CASCADE, related_name="issues", verbose_name=_("meeting")
    )
    text = NormalizedTextField(_("issue"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("issue raised")
        verbose_name_plural = _("issues raised")
        ordering = ["meeting", "position", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url() + f"#issue-{self.pk}"
