"""Support over the year: two medical camps, a scholarship ceremony, Tết gifts, foster children, loans.

What the seed article tells of (free check-ups and medicine, scholarships for poor
pupils, job-creation loans) and the Border Guard's yearly "Xuân Biên phòng ấm lòng
dân bản" gifts before Tết, each through the support services: an event recorded
by the station's commander, benefits to the households or pupils, and loans moved
step by step by the member who advised them.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from longdan.fieldwork.models import VisitKind
from longdan.geo.models import Hamlet
from longdan.households.models import Household, Resident, Schooling
from longdan.org.models import Unit
from longdan.support.models import LoanStatus, ProgramKind, SupportProgram
from longdan.support.services import benefit_record, loan_advance, support_event_record

from .actors import Actors
from .agenda import Agenda
from .period import END, START, TET, moment, office_time
from .petitions import PlannedCase
from .visits import PlannedVisit

PUPILS = {Schooling.PRIMARY, Schooling.LOWER_SECONDARY, Schooling.UPPER_SECONDARY}
POOR = ("poor", "near_poor")


@dataclass(frozen=True)
class Camp:
    hamlet_name: str
    day: date
    place: str
    people_served: int
    medicine_value: int


CAMPS = [
    Camp("Ấp Xung Thum A", date(2026, 3, 21), "sân chùa Khmer ấp Xung Thum A", 320, 48_000_000),
    Camp("Ấp Âu Thọ A", date(2026, 8, 15), "nhà văn hóa ấp Âu Thọ A", 275, 36_500_000),
]
CEREMONY = date(2026, 9, 5)  # the start of the school year
CEREMONY_STATION = "DBP-VH"
SCHOLARS = 15
GIFT = "Quà Tết: gạo, dầu ăn, bánh mứt và 300.000 đồng tiền mặt"


def programs() -> dict[str, SupportProgram]:
    """The first program of each kind (the defaults the support app ships)."""
    found: dict[str, SupportProgram] = {}
    for program in SupportProgram.objects.order_by("pk"):
        found.setdefault(program.kind, program)
    return found


class Giver:
    """Puts support events and benefits on the agenda, recorded by the station's commander that evening."""

    def __init__(self, agenda: Agenda, actors: Actors) -> None:
        self.agenda, self.actors, self.kinds = agenda, actors, programs()

    def event(self, key: Any, station: Unit, kind: str, title: str, day: date, **fields: Any) -> None:
        user, program = self.actors.commanders[station.pk], self.kinds[kind]
        self.agenda.add(
            moment(day, 17),
            lambda: support_event_record(
                acting_user=user, program=program, station=station, title=title, held_on=day, **fields
            ),
            key=key,
        )

    def benefit(
        self,
        station: Unit,
        kind: str,
        household: Household,
        day: date,
        value: int,
        description: str,
        *,
        event_key: Any = None,
        resident: Resident | None = None,
        at: datetime | None = None,
    ) -> None:
        user, program, made = self.actors.commanders[station.pk], self.kinds[kind], self.agenda.made
        self.agenda.add(
            at or moment(day, 17, 30),
            lambda: benefit_record(
                acting_user=user,
                program=program,
                household=household,
                given_on=day,
                value=value,
                description=description,
                event=made[event_key] if event_key is not None else None,
                resident=resident,
            ),
        )


def plan_events(
    agenda: Agenda,
    rng: random.Random,
    *,
    stations: list[Unit],
    households: list[Household],
    visits: dict[int, list[PlannedVisit]],
    actors: Actors,
) -> None:
    """The camps, the ceremony, the Tết gifts and the foster children; a camp moves some visits to it."""
    give = Giver(agenda, actors)
    by_station: dict[int, list[Household]] = {station.pk: [] for station in stations}
    for household in households:
        by_station[household.station_id].append(household)
    for camp in CAMPS:
        here = [h for h in households if h.hamlet.name == camp.hamlet_name]
        hamlet: Hamlet = here[0].hamlet
        station = here[0].station
        camp_key = ("camp", camp.day)
        give.event(
            camp_key,
            station,
            ProgramKind.MEDICAL,
            f"Khám bệnh, cấp thuốc miễn phí tại {camp.place}",
            camp.day,
            hamlet=hamlet,
            place=camp.place[0].upper() + camp.place[1:],
            people_served=camp.people_served,
            medicine_value=camp.medicine_value,
            notes="Phối hợp Trung tâm Y tế khu vực khám, tư vấn sức khỏe và cấp thuốc miễn phí.",
        )
        for household in here:
            if rng.random() < 0.7:
                value = rng.choice([120_000, 150_000, 180_000, 250_000])
                give.benefit(
                    station,
                    ProgramKind.MEDICAL,
                    household,
                    camp.day,
                    value,
                    "Khám bệnh, cấp thuốc miễn phí",
                    event_key=camp_key,
                )
                _meet_at_camp(rng, visits[household.pk], camp.day)
    _ceremony(give, next(s for s in stations if s.code == CEREMONY_STATION), by_station)
    for number, station in enumerate(stations):
        day = TET - timedelta(days=11 - number)
        given = [h for h in by_station[station.pk] if h.poverty_category in POOR or h.is_policy_family]
        gifts_key = ("gifts", station.pk)
        give.event(
            gifts_key,
            station,
            ProgramKind.GIFT,
            "Xuân Biên phòng ấm lòng dân bản – Tết Bính Ngọ 2026",
            day,
            place=f"Hội trường {station.name}",
            people_served=len(given),
            notes="Trao quà Tết cho hộ nghèo, cận nghèo, gia đình chính sách.",
        )
        for household in given:
            give.benefit(station, ProgramKind.GIFT, household, day, 800_000, GIFT, event_key=gifts_key)
        _foster_child(give, station, by_station[station.pk])


def _meet_at_camp(rng: random.Random, visits: list[PlannedVisit], day: date) -> None:
    """The member in charge meets the household at the camp: the nearest visit moves there."""
    near = [v for v in visits if abs((v.day - day).days) <= 6 and not v.fixed]
    if near and rng.random() < 0.6:
        visit = min(near, key=lambda v: abs((v.day - day).days))
        visit.at = moment(day, rng.choice([8, 9, 10]), rng.randrange(0, 60, 5))
        visit.recorded_at = moment(day, 16, rng.randrange(0, 60, 5))
        visit.kind = VisitKind.SUPPORT_EVENT
        visit.companions = []
        visit.aspirations = "Gia đình được khám bệnh, nhận thuốc miễn phí; cảm ơn Đồn."


def _ceremony(give: Giver, station: Unit, by_station: dict[int, list[Household]]) -> None:
    """“Nâng bước em tới trường”: the station takes on poor pupils as the school year starts, then pays monthly."""
    poor = [h for h in by_station[station.pk] if h.poverty_category in POOR]
    # One pupil a household, the youngest at school, and fifteen in all: what the station's fund allows.
    chosen: dict[int, Resident] = {}
    for pupil in (
        Resident.objects.filter(household__in=poor, schooling__in=PUPILS, birth_year__gte=2009)
        .select_related("household")
        .order_by("household__code", "-birth_year", "pk")
    ):
        chosen.setdefault(pupil.household_id, pupil)
    scholars = list(chosen.values())[:SCHOLARS]
    key = ("ceremony", CEREMONY)
    give.event(
        key,
        station,
        ProgramKind.SCHOLARSHIP,
        "Lễ trao học bổng “Nâng bước em tới trường” năm học 2026–2027",
        CEREMONY,
        place=f"Hội trường {station.name}",
        people_served=len(scholars),
        notes="Nhận đỡ đầu học sinh nghèo, mỗi em 500.000 đồng/tháng đến khi học xong lớp 12.",
    )
    for pupil in scholars:
        give.benefit(
            station,
            ProgramKind.SCHOLARSHIP,
            pupil.household,
            CEREMONY,
            1_500_000,
            "Học bổng tháng 9/2026 và sách vở, đồ dùng học tập",
            event_key=key,
            resident=pupil,
        )
        for month in (10, 11):
            give.benefit(
                station,
                ProgramKind.SCHOLARSHIP,
                pupil.household,
                date(2026, month, 5),
                500_000,
                f"Học bổng tháng {month}/2026",
                resident=pupil,
            )


def _foster_child(give: Giver, station: Unit, households: list[Household]) -> None:
    """Each station fosters a child of a poor household ("Con nuôi Đồn Biên phòng"): a monthly allowance."""
    child = (
        Resident.objects.filter(
            household__in=[h for h in households if h.poverty_category == "poor"],
            schooling__in=PUPILS,
            birth_year__gte=2011,
        )
        .select_related("household")
        .order_by("household__code", "pk")
        .first()
    )
    if child is None:
        return
    for month in range(12):
        day = date(START.year + (START.month - 1 + month) // 12, (START.month - 1 + month) % 12 + 1, 5)
        if day <= END:
            give.benefit(
                station,
                ProgramKind.FOSTER_CHILD,
                child.household,
                day,
                1_000_000,
                "Con nuôi Đồn Biên phòng: hỗ trợ hằng tháng",
                resident=child,
            )


def petition_support(agenda: Agenda, rng: random.Random, cases: list[PlannedCase], actors: Actors) -> None:
    """Loans advised with a petition move with it; what a resolved petition won is recorded as support."""
    give = Giver(agenda, actors)
    for case in cases:
        template, visit = case.template, case.visit
        if visit is None:
            continue
        steps: dict[str, datetime] = {}
        for at, step in case.steps:
            steps.setdefault(step, at)
        if template.loan:
            _loan(agenda, rng, case, visit, steps, actors, give.kinds[ProgramKind.LOAN])
        if template.benefit and "resolve" in steps:
            kind, value, description = template.benefit
            day = min(END, steps["resolve"].date() + timedelta(days=1))
            at = office_time(rng, day, after=steps["resolve"])
            give.benefit(visit.household.station, kind, visit.household, day, value, description, at=at)


def _loan(
    agenda: Agenda,
    rng: random.Random,
    case: PlannedCase,
    visit: PlannedVisit,
    steps: dict[str, datetime],
    actors: Actors,
    program: SupportProgram,
) -> None:
    """Advised at the visit; applied for once referred to the bank; approved and paid out before it is resolved."""
    key, user, made = ("loan", case.number), actors.of(case.member), agenda.made
    agenda.add(
        case.opened_at + timedelta(minutes=1),
        lambda: benefit_record(
            acting_user=user,
            program=program,
            household=visit.household,
            given_on=visit.day,
            loan_amount=case.template.loan,
            description=case.template.title,
        ),
        key=key,
    )
    if "refer" not in steps:
        return
    applied = office_time(rng, steps["refer"].date() + timedelta(days=1))
    resolved = steps.get("resolve")
    if applied.date() > END or (resolved is not None and applied >= resolved):
        return
    moves: list[tuple[datetime, str]] = [(applied, LoanStatus.APPLIED)]
    if resolved is not None:
        moves += [
            (applied + (resolved - applied) / 2, LoanStatus.APPROVED),
            (resolved - (resolved - applied) / 8, LoanStatus.DISBURSED),
        ]
    for at, status in moves:
        agenda.add(at, loan_step(made, key, user, status, at.date()))


def loan_step(made: dict[Any, Any], key: Any, user: Any, status: str, on: date) -> Callable[[], Any]:
    """Move the loan made under `key` one step (`on` is the day the money is paid out, if it is)."""
    return lambda: loan_advance(benefit=made[key], acting_user=user, to_status=status, on=on)
