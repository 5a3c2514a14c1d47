"""Monthly meetings of the hamlet party cells the station's members attend.

Each cell meets on about the same day every month; most of the station's members
who take part in it come; they tell the cell about the border and the work with
their households, and the cell raises what the hamlet needs. Some of those issues
become petitions with the hamlet as their origin (see petitions.py).
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from longdan.fieldwork.models import CellMeeting
from longdan.fieldwork.services import cell_meeting_record
from longdan.org.models import PartyCell, UnitKind
from longdan.people.models import Member

from . import texts
from .actors import Actors
from .agenda import Agenda
from .period import END, START, moment


@dataclass
class PlannedMeeting:
    cell: PartyCell
    day: date
    attendees: list[Member]
    contributions: str
    issues: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int, date]:
        return ("meeting", self.cell.pk, self.day)

    @property
    def recorded_at(self) -> datetime:
        # Cells here meet in the evening, after the fields and the boats; the member types it up that night.
        return moment(self.day, 21, 15)


def plan(
    rng: random.Random, *, cells: list[PartyCell], participants: dict[int, list[Member]]
) -> list[PlannedMeeting]:
    meetings = []
    months = [(START.year + (START.month - 1 + n) // 12, (START.month - 1 + n) % 12 + 1) for n in range(12)]
    for cell in cells:
        members = participants.get(cell.pk, [])
        if not members:
            continue
        usual = rng.randint(3, 10)
        for year, month in months:
            day = date(year, month, min(28, max(1, usual + rng.randint(-2, 2))))
            if day > END:
                continue
            attendees = [m for m in members if rng.random() < 0.85] or [rng.choice(members)]
            # The station's own members first: one of them records the meeting (the commissar may attend too).
            attendees.sort(key=lambda m: m.unit.kind != UnitKind.STATION)
            lines = rng.sample(texts.CONTRIBUTIONS, k=min(len(attendees), 2))
            contributions = " ".join(
                line.format(member=member.full_name) for line, member in zip(lines, attendees, strict=False)
            )
            issues = []
            if rng.random() < 0.4:
                issues.append(rng.choice(texts.MEETING_ISSUES))
                if rng.random() < 0.2:
                    second = rng.choice(texts.MEETING_ISSUES)
                    if second not in issues:
                        issues.append(second)
            meetings.append(PlannedMeeting(cell, day, attendees, contributions, issues))
    return meetings


def record(agenda: Agenda, meetings: list[PlannedMeeting], actors: Actors) -> None:
    for meeting in meetings:
        agenda.add(meeting.recorded_at, _recorder(meeting, actors), key=meeting.key)


def _recorder(meeting: PlannedMeeting, actors: Actors) -> Callable[[], CellMeeting]:
    def run() -> CellMeeting:
        return cell_meeting_record(
            cell=meeting.cell,
            held_on=meeting.day,
            attendees=meeting.attendees,
            acting_user=actors.of(meeting.attendees[0]),
            contributions=meeting.contributions,
            issues=meeting.issues,
        )

    return run
