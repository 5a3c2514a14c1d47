"""A year of visits: each household at its station's cadence, as busy people keep one.

Members go a little early or a little late; some are laxer than others; each is
away once in the year (a course, leave, a patrol at sea) and their households
wait; the week of Tết is quiet. So on the last day most households are within
their cadence, some are due and a few are overdue by days or weeks — never by
years. Planning is pure Python; `record()` puts each visit on the agenda.
"""

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from longdan.fieldwork.cadence import Cadence, cadence_class
from longdan.fieldwork.models import Advice, Topic, Visit, VisitKind
from longdan.fieldwork.services import visit_cadence_set, visit_record
from longdan.households.models import Household
from longdan.org.models import Unit
from longdan.people.models import Member

from .. import clock
from ..families import pick
from . import texts
from .actors import Actors
from .agenda import Agenda
from .period import END, START, TET, field_time, later, moment

# Each station sets its own cadence at the start of the year, as its command may (the project's defaults,
# 7/14/30 days, ask a weekly call at a third of these households — more than a staff officer with a day's
# duty at the station keeps up): priority households every 14 days, poor and near-poor every 21, others
# every 30. It also keeps the year's visits, each through the visit service, to a load time one waits for.
OWN_CADENCE = (14, 21, 30)


def set_cadences(stations: list[Unit], actors: Actors) -> None:
    with clock.at(moment(START, 8)):
        priority, poor, other = OWN_CADENCE
        for station in stations:
            visit_cadence_set(
                station=station,
                acting_user=actors.commanders[station.pk],
                priority_days=priority,
                poor_days=poor,
                other_days=other,
            )


@dataclass
class PlannedVisit:
    household: Household
    member: Member  # in charge; records it
    at: datetime
    recorded_at: datetime  # typed in on the phone after the visit, on the way back or that evening
    kind: str = VisitKind.HOME
    companions: list[Member] = field(default_factory=list)
    security: str = ""
    welfare: str = ""
    aspirations: str = ""
    topics: list[str] = field(default_factory=list)  # Topic codes
    advice: list[str] = field(default_factory=list)
    follow_up_on: date | None = None
    fixed: bool = False  # told by the story (a petition, a tip, the article's case): nothing else moves it

    @property
    def key(self) -> tuple[str, int, datetime]:
        return ("visit", self.household.pk, self.at)

    @property
    def day(self) -> date:
        return self.at.date()


@dataclass(frozen=True)
class Away:
    """A stretch when a member made no visits."""

    first: date
    last: date


def plan(
    rng: random.Random,
    *,
    households: list[Household],
    in_charge: dict[int, Member],
    cadences: dict[int, Cadence],
    colleagues: dict[int, list[Member]],
) -> dict[int, list[PlannedVisit]]:
    """Every household's visits over the year, by household id, in date order."""
    laxness: dict[int, float] = {}
    away: dict[int, Away] = {}
    for member in sorted({m.pk: m for m in in_charge.values()}.values(), key=lambda m: m.pk):
        laxness[member.pk] = rng.choice([1.0, 1.0, 1.0, 1.05, 1.1, 1.15, 1.25])
        first = START + timedelta(days=rng.randint(20, (END - START).days - 40))
        away[member.pk] = Away(first, first + timedelta(days=rng.randint(8, 24)))
    tet = Away(TET - timedelta(days=1), TET + timedelta(days=5))
    plans: dict[int, list[PlannedVisit]] = {}
    for household in households:
        member = in_charge[household.pk]
        every = cadences[household.station_id].days(cadence_class(household))
        visits: list[PlannedVisit] = []
        day = START + timedelta(days=rng.randint(0, min(every, 20) - 1))
        while day <= END:
            for gap in (away[member.pk], tet):
                if gap.first <= day <= gap.last:
                    day = gap.last + timedelta(days=rng.randint(1, 4))
            if day > END:
                break
            visits.append(_visit(rng, household, member, day, colleagues[household.station_id]))
            step = every * rng.uniform(0.75, 1.1) * laxness[member.pk]
            if rng.random() < 0.06:  # a missed round: the harvest, the weather, a duty at the station
                step *= rng.uniform(1.6, 2.6)
            day += timedelta(days=max(2, round(step)))
        plans[household.pk] = visits
    return plans


def _visit(
    rng: random.Random, household: Household, member: Member, day: date, colleagues: list[Member]
) -> PlannedVisit:
    livelihood = household.livelihood
    fishing = "đánh bắt" in livelihood
    at = field_time(rng, day)
    visit = PlannedVisit(household, member, at, later(rng, at, 20, 150))
    if fishing and rng.random() < 0.15:
        visit.kind = VisitKind.PHONE  # the men are at sea: a call to the family
    elif rng.random() < 0.03:
        visit.kind = VisitKind.HAMLET_MEETING
    others = [m for m in colleagues if m.pk != member.pk]
    if visit.kind == VisitKind.HOME and others and rng.random() < 0.12:
        visit.companions = [rng.choice(others)]
    if rng.random() < 0.85:
        pool = texts.SECURITY_FISHING if fishing and rng.random() < 0.5 else texts.SECURITY
        visit.security = rng.choice(pool)
    if rng.random() < 0.6:
        welfare = household.poverty_category if household.poverty_category in texts.WELFARE else "other"
        visit.welfare = rng.choice(texts.WELFARE[welfare])
    visit.aspirations = _aspirations(rng, livelihood, day)
    if rng.random() < 0.4:
        weights = [(code, w) for code, w in texts.TOPIC_WEIGHTS if fishing or code != "iuu-fishing"]
        visit.topics = [pick(rng, weights)]
        second = pick(rng, weights)
        if rng.random() < 0.3 and second not in visit.topics:
            visit.topics.append(second)
    if rng.random() < 0.3:
        visit.advice = [_advice(rng, household)]
    if rng.random() < 0.08:
        visit.follow_up_on = day + timedelta(days=rng.randint(3, 10))
    return visit


def _aspirations(rng: random.Random, livelihood: str, day: date) -> str:
    if rng.random() < 0.3:
        return ""
    seasonal = texts.SEASONAL.get(day.month)
    if seasonal and rng.random() < 0.25:
        return rng.choice(seasonal)
    own = [
        line
        for word, lines in texts.ASPIRATIONS_BY_LIVELIHOOD.items()
        if word in livelihood
        for line in lines
    ]
    if own and rng.random() < 0.35:
        return rng.choice(own)
    return rng.choice(texts.ASPIRATIONS)


def _advice(rng: random.Random, household: Household) -> str:
    livelihood = household.livelihood
    if any(word in livelihood for word in ("hành", "tôm", "lúa", "mía", "cây")) and rng.random() < 0.5:
        return Advice.TECHNIQUE
    if household.poverty_category in ("poor", "near_poor") and rng.random() < 0.5:
        return rng.choice([Advice.LOANS, Advice.LIVELIHOOD])
    return rng.choice([Advice.LIVELIHOOD, Advice.SCHOOLING, Advice.HEALTH])


def record(agenda: Agenda, plans: dict[int, list[PlannedVisit]], actors: Actors) -> None:
    """Put every planned visit on the agenda, recorded by its member a little after it ended."""
    topics = {topic.code: topic for topic in Topic.objects.all()}
    for visits in plans.values():
        for visit in visits:
            agenda.add(visit.recorded_at, _recorder(visit, actors, topics), key=visit.key)


def _recorder(visit: PlannedVisit, actors: Actors, topics: dict[str, Topic]) -> Callable[[], Visit]:
    def run() -> Visit:
        return visit_record(
            household=visit.household,
            members=[visit.member, *visit.companions],
            acting_user=actors.of(visit.member),
            visited_at=visit.at,
            kind=visit.kind,
            security_situation=visit.security,
            welfare_situation=visit.welfare,
            aspirations=visit.aspirations,
            topics=[topics[code] for code in visit.topics if code in topics],
            advice=visit.advice,
            follow_up_on=visit.follow_up_on,
        )

    return run


def by_day(plans: dict[int, list[PlannedVisit]]) -> dict[date, list[PlannedVisit]]:
    days: dict[date, list[PlannedVisit]] = defaultdict(list)
    for visits in plans.values():
        for visit in visits:
            days[visit.day].append(visit)
    return days
