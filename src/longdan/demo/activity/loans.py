"""Loans members advise poor households on at a visit, at every step of the bank's process; livelihood support.

Besides the loans that come with a petition (petitions.py) and the article's own
(sa_vong.py), a member tells a poor household about the Bank for Social Policies'
job-creation loans during an ordinary visit and follows the file: applied for,
approved, paid out — or refused, when the household still owes an earlier loan.
The older ones are done with, the latest only advised. After Tết each station
hands out breeding stock and seedlings.
"""

import random
from datetime import date, datetime, timedelta

from longdan.households.models import Household
from longdan.org.models import Unit
from longdan.support.models import LoanStatus, ProgramKind
from longdan.support.services import benefit_record

from .actors import Actors
from .agenda import Agenda
from .period import END, office_time
from .support import POOR, Giver, loan_step
from .visits import PlannedVisit

# (where the loan got to, advised … days before the year's last day, amount, what for)
LOANS = [
    (LoanStatus.DISBURSED, 320, 40_000_000, "Vay vốn nuôi bò sinh sản"),
    (LoanStatus.DISBURSED, 250, 30_000_000, "Vay vốn mua lưới, sửa ghe đánh bắt ven bờ"),
    (LoanStatus.REFUSED, 210, 50_000_000, "Vay vốn mở rộng ao nuôi tôm"),
    (LoanStatus.DISBURSED, 150, 25_000_000, "Vay vốn mua máy may, nhận hàng gia công tại nhà"),
    (LoanStatus.APPROVED, 45, 30_000_000, "Vay vốn trồng hành tím"),
    (LoanStatus.APPLIED, 26, 20_000_000, "Vay vốn buôn bán nhỏ"),
    (LoanStatus.APPLIED, 17, 40_000_000, "Vay vốn nuôi tôm thẻ"),
    (LoanStatus.ADVISED, 9, 30_000_000, "Vay vốn nuôi gà thả vườn"),
    (LoanStatus.ADVISED, 3, 20_000_000, "Vay vốn mua máy bơm tưới"),
]
# Given after Tết, when the planting and breeding season starts: (what, VND).
LIVELIHOOD = [
    ("02 con heo giống", 3_000_000),
    ("50 con gà giống và thức ăn", 2_500_000),
    ("Giống hành tím cho 1.000 m²", 4_000_000),
    ("Lưới đánh bắt ven bờ", 5_000_000),
]
LIVELIHOOD_DAY = date(2026, 3, 10)


def plan(
    agenda: Agenda,
    rng: random.Random,
    *,
    stations: list[Unit],
    households: list[Household],
    visits: dict[int, list[PlannedVisit]],
    actors: Actors,
) -> None:
    poor = {h.pk for h in households if h.poverty_category in POOR}
    free = sorted(
        (v for vs in visits.values() for v in vs if v.household.pk in poor and not v.fixed),
        key=lambda v: (v.at, v.household.pk),
    )
    for final, days_before, amount, purpose in LOANS:
        target = END - timedelta(days=days_before)
        visit = rng.choice([v for v in free if abs((v.day - target).days) <= 5 and not v.fixed])
        visit.fixed = True
        visit.advice = ["loans"]
        visit.aspirations = f"Hộ có nhu cầu {purpose[0].lower()}{purpose[1:]}; đã hướng dẫn thủ tục vay."
        _loan(agenda, rng, visit, final, amount, purpose, actors)
    give = Giver(agenda, actors)
    for station in stations:
        given = [h for h in households if h.station_id == station.pk and h.poverty_category == "poor"]
        for household in rng.sample(given, k=min(2, len(given))):
            what, value = rng.choice(LIVELIHOOD)
            give.benefit(station, ProgramKind.LIVELIHOOD, household, LIVELIHOOD_DAY, value, what)


def _loan(
    agenda: Agenda,
    rng: random.Random,
    visit: PlannedVisit,
    final: str,
    amount: int,
    purpose: str,
    actors: Actors,
) -> None:
    key, user = ("loan", visit.key), actors.of(visit.member)
    program = Giver(agenda, actors).kinds[ProgramKind.LOAN]
    agenda.add(
        visit.recorded_at + timedelta(minutes=2),
        lambda: benefit_record(
            acting_user=user,
            program=program,
            household=visit.household,
            given_on=visit.day,
            loan_amount=amount,
            description=purpose,
        ),
        key=key,
    )
    path = {
        LoanStatus.ADVISED: [],
        LoanStatus.APPLIED: [(LoanStatus.APPLIED, (4, 10))],
        LoanStatus.APPROVED: [(LoanStatus.APPLIED, (4, 10)), (LoanStatus.APPROVED, (12, 25))],
        LoanStatus.DISBURSED: [
            (LoanStatus.APPLIED, (4, 10)),
            (LoanStatus.APPROVED, (12, 25)),
            (LoanStatus.DISBURSED, (4, 10)),
        ],
        LoanStatus.REFUSED: [(LoanStatus.APPLIED, (4, 10)), (LoanStatus.REFUSED, (10, 20))],
    }[LoanStatus(final)]
    at: datetime = visit.recorded_at
    for status, (low, high) in path:
        at = office_time(rng, min(END, at.date() + timedelta(days=rng.randint(low, high))), after=at)
        agenda.add(at, loan_step(agenda.made, key, user, status, at.date()))
