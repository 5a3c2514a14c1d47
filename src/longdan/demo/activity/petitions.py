"""About 150 petitions over the year, in every state, each moved by the person whose step it is.

Most are raised by a household during a visit, some by a hamlet cell at its
monthly meeting. How far each has gone depends on how long ago it came in: the
old ones are closed, the last weeks' are still with the command or the commune,
a few are stuck past their due date (a commune that has not answered), some were
rejected or withdrawn with a reason, and a couple were reopened. The number in
each state is fixed (QUOTAS), so the demo shows every column of the board.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from longdan.cases.models import COMMUNE_BODIES, CaseState
from longdan.cases.services import (
    case_answer,
    case_close,
    case_open,
    case_plan,
    case_propose,
    case_refer,
    case_reject,
    case_reopen,
    case_resolve,
    case_withdraw,
)
from longdan.households.models import Household
from longdan.org.models import UnitKind
from longdan.people.models import Member

from ..seed_case import lower_first
from . import petition_texts as pt
from .actors import Actors
from .agenda import Agenda
from .meetings import PlannedMeeting
from .period import END, office_time
from .visits import PlannedVisit

S = CaseState
# (final state, how many, received between … and … days before the year's last day)
QUOTAS: list[tuple[str, int, tuple[int, int]]] = [
    (S.CLOSED, 55, (30, 355)),
    (S.ANSWERED, 14, (12, 70)),
    (S.RESOLVED, 11, (10, 50)),
    (S.REFERRED, 18, (8, 75)),
    (S.PLANNED, 10, (4, 25)),
    (S.PROPOSED, 10, (2, 16)),
    (S.RECEIVED, 11, (0, 9)),
    (S.REJECTED, 11, (6, 340)),
    (S.WITHDRAWN, 8, (6, 340)),
]
# Days each step takes after the one before it.
DAYS = {
    "propose": (0, 2),
    "plan": (1, 4),
    "refer": (0, 2),
    "answer": (1, 5),
    "close": (2, 12),
    "reject": (1, 5),
    "withdraw": (3, 20),
    "reopen": (5, 40),
}
HAMLET_SHARE = 0.15
# The plan of a petition the command later turns down: look into it first.
VERIFY_FIRST = "Giao cán bộ phụ trách xác minh nội dung kiến nghị, báo cáo chỉ huy Đồn."


@dataclass
class PlannedCase:
    number: int
    final: str
    template: pt.Template
    member: Member  # in charge of the household, or who recorded the hamlet's petition
    station_id: int
    commune_id: int
    opened_at: datetime
    visit: PlannedVisit | None = None
    meeting: PlannedMeeting | None = None
    issue_index: int = 0
    reason: str = ""
    steps: list[tuple[datetime, str]] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, int]:
        return ("case", self.number)


def plan(
    rng: random.Random,
    *,
    visits: dict[int, list[PlannedVisit]],
    meetings: list[PlannedMeeting],
    skip_household: int,
) -> list[PlannedCase]:
    """The petitions and every step each has taken by the last day, by final state."""
    finals = [(state, window) for state, count, window in QUOTAS for _n in range(count)]
    rng.shuffle(finals)
    per_household: dict[int, int] = {}
    all_visits = sorted((v for vs in visits.values() for v in vs), key=lambda v: (v.at, v.household.pk))
    cases: list[PlannedCase] = []
    reopened: dict[str, int] = {S.CLOSED: 2, S.REFERRED: 1}
    for number, (final, (low, high)) in enumerate(finals, start=1):
        again = reopened.get(final, 0) > 0 and high - low > 60
        if again:
            reopened[final] -= 1
            low = max(low, 60)
        reason = ""
        template: pt.Template | None = None
        if final == S.REJECTED and rng.random() < 0.75:
            template, reason = rng.choice(pt.REJECTED)
        hamlet_origin = template is None and final != S.WITHDRAWN and rng.random() < HAMLET_SHARE
        case = None
        # A day with no free visit near it, or a meeting that already raised it: try another day.
        for _attempt in range(20):
            target = END - timedelta(days=rng.randint(low, high))
            if hamlet_origin:
                case = _from_meeting(rng, number, final, target, meetings)
            else:
                case = _from_visit(
                    rng, number, final, target, all_visits, per_household, skip_household, template
                )
            if case is not None:
                break
        if case is None:
            raise RuntimeError(f"no visit or meeting to open petition {number} ({final}) at")
        if final == S.REJECTED:
            case.reason = reason or pt.DUPLICATE_REASON
        elif final == S.WITHDRAWN:
            case.reason = rng.choice(pt.WITHDRAW_REASONS)
        case.steps = _steps(rng, case, again=again)
        cases.append(case)
    return cases


def _from_visit(
    rng: random.Random,
    number: int,
    final: str,
    target: date,
    visits: list[PlannedVisit],
    per_household: dict[int, int],
    skip_household: int,
    template: pt.Template | None,
) -> PlannedCase | None:
    near = [
        v
        for v in visits
        if abs((v.day - target).days) <= 4
        and v.household.pk != skip_household
        and per_household.get(v.household.pk, 0) < 2
        and not v.fixed
    ]
    if not near:
        return None
    visit = rng.choice(near)
    household = visit.household
    if template is None:
        fitting = [t for t in pt.HOUSEHOLD if not t.needs or t.needs in household.livelihood]
        template = rng.choice(fitting)
    per_household[household.pk] = per_household.get(household.pk, 0) + 1
    visit.aspirations = f"Hộ kiến nghị: {lower_first(template.title)}."
    visit.fixed = True
    opened = visit.recorded_at + timedelta(minutes=rng.randint(2, 8))  # right after the visit is typed in
    return PlannedCase(
        number, final, template, visit.member, household.station_id, household.commune_id, opened, visit=visit
    )


def _from_meeting(
    rng: random.Random, number: int, final: str, target: date, meetings: list[PlannedMeeting]
) -> PlannedCase | None:
    near = [m for m in meetings if abs((m.day - target).days) <= 16 and len(m.issues) < 3]
    if not near:
        return None
    meeting = rng.choice(near)
    template = rng.choice(pt.HAMLET)
    # Typed in the next morning at the station, by the member who recorded the meeting (a station's own:
    # a petition belongs to the station whose area holds the hamlet).
    opened = office_time(rng, meeting.day + timedelta(days=1))
    recorder = meeting.attendees[0]
    hamlet = meeting.cell.hamlet
    assert hamlet is not None
    if template.issue in meeting.issues or recorder.unit.kind != UnitKind.STATION or opened.date() > END:
        return None
    meeting.issues.append(template.issue)
    return PlannedCase(
        number,
        final,
        template,
        recorder,
        recorder.unit_id,
        hamlet.commune_id,
        opened,
        meeting=meeting,
        issue_index=len(meeting.issues) - 1,
    )


def _path(rng: random.Random, final: str, *, again: bool) -> list[str]:
    full = ["propose", "plan", "refer", "resolve", "answer", "close"]
    if final == S.REJECTED:
        return ["propose", *(["plan"] if rng.random() < 0.3 else []), "reject"]
    if final == S.WITHDRAWN:
        return [*full[: rng.randint(0, 3)], "withdraw"]
    stop: dict[str, int] = {
        S.RECEIVED: 0,
        S.PROPOSED: 1,
        S.PLANNED: 2,
        S.REFERRED: 3,
        S.RESOLVED: 4,
        S.ANSWERED: 5,
    }
    path = full[: stop.get(final, 6)]
    if again and final == S.CLOSED:
        return [*full, "reopen", *full[1:]]
    if again and final == S.REFERRED:
        return [*full[:4], "reopen", "plan", "refer"]
    return path


def _days(rng: random.Random, step: str, body: str) -> int:
    if step == "resolve":
        low, high = (3, 12) if body == "station" else (6, 28)
        extra = rng.randint(12, 30) if rng.random() < 0.12 else 0  # a body slow to answer
        return rng.randint(low, high) + extra
    return rng.randint(*DAYS[step])


def _steps(rng: random.Random, case: PlannedCase, *, again: bool) -> list[tuple[datetime, str]]:
    path = _path(rng, case.final, again=again)
    gaps = [_days(rng, step, case.template.body) for step in path]
    room = (END - case.opened_at.date()).days
    if sum(gaps) > room:  # squeezed into the days left before the year's end, order kept
        gaps = [gap * room // sum(gaps) for gap in gaps]
    steps, day, at = [], case.opened_at.date(), case.opened_at
    for step, gap in zip(path, gaps, strict=True):
        day += timedelta(days=gap)
        at = office_time(rng, day, after=at)
        steps.append((at, step))
    return steps


def record(agenda: Agenda, cases: list[PlannedCase], actors: Actors) -> None:
    for case in cases:
        agenda.add(case.opened_at, _opener(agenda, case, actors), key=case.key)
        for at, step in case.steps:
            agenda.add(at, _mover(agenda, case, step, actors))


def _opener(agenda: Agenda, case: PlannedCase, actors: Actors) -> Callable[[], Any]:
    def run() -> Any:
        template = case.template
        if case.visit is not None:
            household: Household = case.visit.household
            return case_open(
                category=template.category,
                title=template.title,
                description=template.description,
                household=household,
                received_on=case.visit.day,
                source_visit=agenda.made[case.visit.key],
                acting_user=actors.of(case.member),
            )
        assert case.meeting is not None
        meeting = agenda.made[case.meeting.key]
        hamlet = case.meeting.cell.hamlet
        assert hamlet is not None
        return case_open(
            category=template.category,
            title=template.title,
            description=template.description.format(hamlet=lower_first(hamlet.name)),
            hamlet=hamlet,
            received_on=case.meeting.day,
            source_meeting_issue=meeting.issues.order_by("position")[case.issue_index],
            acting_user=actors.of(case.member),
        )

    return run


def acting(case: PlannedCase, step: str, actors: Actors) -> Any:
    """Who takes a step: the member, the station's commander, or the commune's liaison for the commune's bodies."""
    if step in ("propose", "answer", "withdraw"):
        return actors.of(case.member)
    if (
        step == "resolve"
        and case.commune_id in actors.liaison_communes
        and case.template.body in COMMUNE_BODIES
    ):
        return actors.liaison
    return actors.commanders[case.station_id]


def _mover(agenda: Agenda, case: PlannedCase, step: str, actors: Actors) -> Callable[[], Any]:
    def run() -> Any:
        petition = agenda.made[case.key]
        user = acting(case, step, actors)
        template = case.template
        if step == "propose":
            return case_propose(
                case=petition, acting_user=user, note="Đề nghị chỉ huy Đồn xem xét, giải quyết."
            )
        if step == "plan":
            return case_plan(case=petition, acting_user=user, plan=template.plan or VERIFY_FIRST)
        if step == "refer":
            return case_refer(
                case=petition,
                acting_user=user,
                referred_to=template.body,
                referred_to_name=template.body_name,
            )
        if step == "resolve":
            return case_resolve(case=petition, acting_user=user, note=template.resolution)
        if step == "answer":
            return case_answer(case=petition, acting_user=user, note=template.answer)
        if step == "close":
            return case_close(case=petition, acting_user=user)
        if step == "reject":
            return case_reject(case=petition, acting_user=user, reason=case.reason)
        if step == "withdraw":
            return case_withdraw(case=petition, acting_user=user, reason=case.reason)
        return case_reopen(case=petition, acting_user=user, reason=pt.REOPEN_REASON, to_state=S.PROPOSED)

    return run
