"""The monthly rollup: one row of counters per station and local calendar month.

Why it exists (DESIGN.md, "Performance design"): dashboards and 12-month trends
read a few hundred rows of this table instead of millions of events. The
services that write events keep it current in the same transaction
(`services.rollup_bump`); `longdan rollup_rebuild --check` recounts everything
from the events and reports any difference.

Why it sits in the core row: fieldwork, cases, intel and support write to it,
and nothing below reports may import reports. So this app knows no domain
model: a station is a unit id (no foreign key, which would tie this layer to
`org`), and each counter's meaning is defined by the service that bumps it and
by the recount in `longdan.reports.rollup`, which must agree.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MonthlyStationStats(models.Model):
    """Counts of one station's events in one month (local dates, Asia/Ho_Chi_Minh).

    Each counter, with the event that moves it (the month is the event's local date):

    - visits: a visit attributed to the station (Visit.station), by visited_at;
    - households_visited: distinct households with such a visit in the month
      (not additive across months: a household visited in two months counts in each);
    - cases_received: a petition received by the station, by received_on;
    - cases_resolved: a transition of a petition into "resolved", by the event's time;
    - tips_received / tips_verified / tips_acted_on: a tip received (received_at), a
      tip moved to "verified" or to "acted on" (the TipEvent's time);
    - benefits / benefits_value: support counted as given — a non-loan benefit on its
      date, a loan on the day it is disbursed — and its value in VND;
    - loans_advised: a loan benefit recorded (its created_at); loans_disbursed: a loan
      disbursed (its given_on, which becomes the disbursal day);
    - meetings / meeting_attendances: a hamlet cell meeting held (held_on) and the
      station members attending it.
    """

    station_id = models.BigIntegerField(_("station (unit id)"))
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    visits = models.IntegerField(_("visits"), default=0)
    households_visited = models.IntegerField(_("households visited"), default=0)
    cases_received = models.IntegerField(_("petitions received"), default=0)
    cases_resolved = models.IntegerField(_("petitions resolved"), default=0)
    tips_received = models.IntegerField(_("tips received"), default=0)
    tips_verified = models.IntegerField(_("tips verified"), default=0)
    tips_acted_on = models.IntegerField(_("tips acted on"), default=0)
    benefits = models.IntegerField(_("support given"), default=0)
    benefits_value = models.BigIntegerField(_("value of support given (VND)"), default=0)
    loans_advised = models.IntegerField(_("loans advised"), default=0)
    loans_disbursed = models.IntegerField(_("loans disbursed"), default=0)
    meetings = models.IntegerField(_("cell meetings"), default=0)
    meeting_attendances = models.IntegerField(_("cell meeting attendances"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("monthly station statistics")
        verbose_name_plural = _("monthly station statistics")
        ordering = ["month", "station_id"]
        constraints = [
            # The upsert in rollup_bump relies on it; trends by station read it as their index.
            models.UniqueConstraint(fields=["station_id", "month"], name="rollup_station_month"),
        ]
        # National trends read every station's rows for a run of months.
        indexes = [models.Index(fields=["month"], name="rollup_month")]

    def __str__(self) -> str:
        return f"{self.station_id} {self.month:%m/%Y}"


# The counters, in the order reports show them; everything else on the row is its key.
COUNTERS: tuple[str, ...] = (
    "visits",
    "households_visited",
    "cases_received",
    "cases_resolved",
    "tips_received",
    "tips_verified",
    "tips_acted_on",
    "benefits",
    "benefits_value",
    "loans_advised",
    "loans_disbursed",
    "meetings",
    "meeting_attendances",
)
# Counters that add up over months and over stations (households_visited does not over months).
ADDITIVE: tuple[str, ...] = tuple(name for name in COUNTERS if name != "households_visited")
