"""Visit cadence: how often a household is due a visit, and the arithmetic of "due" and "overdue".

Dates are local (Asia/Ho_Chi_Minh): a visit at 23:30 on 31 October counts for
31 October, whatever the UTC date of the stored instant.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from longdan.households.models import Priority
from longdan.households.poverty import PovertyCategory

from .models import CadenceClass, VisitCadence

_POOR = frozenset({PovertyCategory.POOR, PovertyCategory.NEAR_POOR})


@dataclass(frozen=True)
class Cadence:
    """Days between visits for each class of household at one station."""

    priority_days: int = VisitCadence.DEFAULT_PRIORITY_DAYS
    poor_days: int = VisitCadence.DEFAULT_POOR_DAYS
    other_days: int = VisitCadence.DEFAULT_OTHER_DAYS

    @classmethod
    def from_row(cls, row: VisitCadence) -> "Cadence":
        return cls(priority_days=row.priority_days, poor_days=row.poor_days, other_days=row.other_days)

    def days(self, cadence_class: str) -> int:
        if cadence_class == CadenceClass.PRIORITY:
            return self.priority_days
        if cadence_class == CadenceClass.POOR:
            return self.poor_days
        return self.other_days


DEFAULT_CADENCE = Cadence()


def cadence_class(household: Any) -> CadenceClass:
    """The class a household's cadence follows; the most frequent one wins when several apply."""
    if household.priority == Priority.PRIORITY:
        return CadenceClass.PRIORITY
    if household.poverty_category in _POOR:
        return CadenceClass.POOR
    return CadenceClass.OTHER


def cadences_for(station_ids: Iterable[int]) -> dict[int, Cadence]:
    """The cadence of each station (one query); stations without a row get the defaults."""
    ids = set(station_ids)
    found = {row.station_id: Cadence.from_row(row) for row in VisitCadence.objects.filter(station_id__in=ids)}
    return {station_id: found.get(station_id, DEFAULT_CADENCE) for station_id in ids}


def local_day(moment: datetime) -> date:
    """The calendar day of an aware instant in the project's time zone."""
    return timezone.localdate(moment)


def due_on(*, last_visited_at: datetime | None, since: date, days: int) -> date:
    """The day a household is next due: its last visit's local day + the cadence, or `since` if never visited."""
    if last_visited_at is None:
        return since
    return local_day(last_visited_at) + timedelta(days=days)
