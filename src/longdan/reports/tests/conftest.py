"""A hand-built month of work in two stations, whose indicators are counted by hand in the tests.

Everything is written through the services, in the order it happened, with the clock
set to each moment (`clock`), so events get the times they would have had and the
rollup is bumped as in production. October 2026 is the month under test; the dates
around it are the boundaries (local time, Asia/Ho_Chi_Minh):

                  station A (Vĩnh Hải)                       station B (Lai Hòa)
households        a, a2, a3 (+ a4 registered in November)    b
in charge         a: member_a; a2: member_a2 → member_a      b: member_b
                  on 16/10; a3: member_a2 until 30/09
poverty           a: poor (first assessed 10/10)             b: poor → average 20/10
                  a2: poor → near-poor 05/10 → poor 25/10
                  a3 (priority): near-poor → poor 12/10
visits            a: 03/10 10:00, 31/10 23:30                b: 10/10
                  a2: 01/10 00:30, 15/10, 01/11 00:10
                  a3: 20/10
petitions         c1 land 02/10, resolved 20/10, answered    c7 land 08/10, resolved
                  c2 welfare 20/09, resolved 31/10 23:30,       01/11 00:10
                     answered 02/11
                  c3 security 05/10, referred, still open
                  c4 health 25/10
                  c5 other 01/09, rejected 10/09
                  c6 legal 01/10, resolved 10/10, reopened
                     12/10, resolved 14/10 (+ a note 15/10),
                     answered 16/10
tips              t1 03/10 → team 04/10 → verified 10/10      t4 12/10
                     → acted on 02/11
                  t2 31/10 23:30, t3 01/11 00:10
support           s1 scholarship 05/10 2,000,000             s4 gift 02/10 1,000,000
                  s2 gift 31/10 500,000; s3 gift 01/11 300,000
                  l1 loan 30,000,000 advised 25/09, disbursed 20/10
                  l2 loan 20,000,000 advised 15/10
                  e1 medical camp 18/10: 120 people, 15,000,000
meetings          m1 07/10 (a, a2), m2 31/10 (a), m3 01/11 (a)  m4 09/10 (b)
"""

from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def local(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """An aware instant at a wall-clock time in Vietnam."""
    return datetime(year, month, day, hour, minute, tzinfo=VN)


class Clock:
    """timezone.now() under the test's control: services, auto_now fields and localdate() all read it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, start: datetime) -> None:
        self.moment = start
        monkeypatch.setattr(timezone, "now", lambda: self.moment)

    def set(self, moment: datetime) -> datetime:
        self.moment = moment
        return moment


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    # The world is registered on 1 September 2026.
    return Clock(monkeypatch, local(2026, 9, 1, 8))


@pytest.fixture(autouse=True)
def english():
    """Assert on the msgids; the translation tests check the Vietnamese catalogue."""
    from django.utils import translation

    with translation.override("en"):
        yield


POOR = {
    "income_per_head": 1_000_000,
    "deprivations": ["lacks_employment", "lacks_nutrition", "lacks_clean_water"],
}
NEAR_POOR = {"income_per_head": 1_000_000, "deprivations": []}
AVERAGE = {"income_per_head": 2_000_000, "deprivations": []}


@dataclass
class Dataset:
    world: Any
    household_a3: Any
    household_a4: Any
    team_a: Any
    cases: dict[str, Any]
    tips: dict[str, Any]
    benefits: dict[str, Any]


@pytest.fixture
def dataset(clock: Clock, world: Any) -> Dataset:
    from longdan.assignments.services import assignment_end, household_reassign
    from longdan.cases import services as cases
    from longdan.cases.models import ResponsibleBody
    from longdan.fieldwork.services import cell_meeting_record, visit_record
    from longdan.households.models import Priority
    from longdan.households.services import poverty_assessment_record
    from longdan.intel import services as intel
    from longdan.org.models import UnitKind
    from longdan.support import services as support
    from longdan.support.models import LoanStatus, ProgramKind, SupportProgram
    from longdan.testing.factories import AssignmentFactory, HamletCellFactory, HouseholdFactory, make_unit

    w = world
    a, a2, b = w.household_a, w.household_a2, w.household_b
    a3 = HouseholdFactory(
        head_name="Kim Thị Ba", hamlet=w.hamlet_a, station=w.station_a, priority=Priority.PRIORITY
    )
    AssignmentFactory(member=w.member_a2, household=a3)
    team_a = make_unit(kind=UnitKind.TEAM, parent=w.station_a, name="Đội Trinh sát")
    cell_a = HamletCellFactory(hamlet=w.hamlet_a)
    cell_b = HamletCellFactory(hamlet=w.hamlet_b)
    program = {p.kind: p for p in SupportProgram.objects.all()}
    command_a, command_b = w.commander_a, w.commander_b

    # Poverty histories from before the month.
    clock.set(local(2026, 9, 1, 9))
    poverty_assessment_record(household=a2, assessed_on=date(2025, 6, 1), **POOR)
    poverty_assessment_record(household=a3, assessed_on=date(2025, 1, 1), **NEAR_POOR)
    poverty_assessment_record(household=b, assessed_on=date(2026, 1, 1), **POOR)

    def visit(household: Any, at: datetime, member: Any) -> None:
        clock.set(at)
        visit_record(
            household=household,
            members=[member],
            acting_user=command_a if household != b else command_b,
            visited_at=at,
        )

    def at(moment: datetime) -> datetime:
        return clock.set(moment)

    c: dict[str, Any] = {}
    t: dict[str, Any] = {}
    s: dict[str, Any] = {}

    def open_case(name: str, household: Any, category: str, received: datetime) -> None:
        at(received)
        user = command_b if household == b else command_a
        c[name] = cases.case_open(
            category=category, description=f"Kiến nghị {name}", acting_user=user, household=household
        )

    def to_referred(name: str, when: datetime) -> None:
        at(when)
        user = command_b if c[name].station_id == w.station_b.pk else command_a
        cases.case_propose(case=c[name], acting_user=user)
        cases.case_plan(case=c[name], acting_user=user, plan="Đề nghị xã giải quyết")
        cases.case_refer(case=c[name], acting_user=user, referred_to=ResponsibleBody.COMMUNE_COMMITTEE)

    def resolve(name: str, when: datetime) -> None:
        at(when)
        user = command_b if c[name].station_id == w.station_b.pk else command_a
        cases.case_resolve(case=c[name], acting_user=user)

    def answer(name: str, when: datetime) -> None:
        at(when)
        cases.case_answer(case=c[name], acting_user=command_a)

    # September.
    open_case("c5", a, "other", local(2026, 9, 1, 10))
    at(local(2026, 9, 10, 10))
    cases.case_reject(case=c["c5"], acting_user=command_a, reason="Trùng lặp")
    open_case("c2", a2, "social_welfare", local(2026, 9, 20, 10))
    to_referred("c2", local(2026, 9, 21, 10))
    at(local(2026, 9, 25, 10))
    s["l1"] = support.benefit_record(
        acting_user=command_a,
        program=program[ProgramKind.LOAN],
        household=a,
        given_on=date(2026, 9, 25),
        loan_amount=30_000_000,
    )
    at(local(2026, 9, 30, 10))
    assignment_end(assignment=a3.assignments.get(), end_date=date(2026, 9, 30), reason="Chuyển công tác")

    # October.
    visit(a2, local(2026, 10, 1, 0, 30), w.member_a2)  # 30/09 17:30 UTC: an October visit
    open_case("c6", a, "legal", local(2026, 10, 1, 9))
    at(local(2026, 10, 1, 15))
    support.loan_advance(benefit=s["l1"], acting_user=command_a, to_status=LoanStatus.APPLIED)
    open_case("c1", a, "land", local(2026, 10, 2, 9))
    at(local(2026, 10, 2, 10))
    s["s4"] = support.benefit_record(
        acting_user=command_b,
        program=program[ProgramKind.GIFT],
        household=b,
        given_on=date(2026, 10, 2),
        value=1_000_000,
    )
    visit(a, local(2026, 10, 3, 10), w.member_a)
    at(local(2026, 10, 3, 11))
    t["t1"] = intel.tip_record(
        acting_user=command_a,
        household=a,
        category="smuggling",
        content="Ghe lạ",
        received_at=local(2026, 10, 3, 11),
    )
    at(local(2026, 10, 4, 9))
    intel.tip_pass_to_team(tip=t["t1"], acting_user=command_a, team=team_a)
    open_case("c3", a2, "security_order", local(2026, 10, 5, 9))
    to_referred("c3", local(2026, 10, 6, 9))
    at(local(2026, 10, 5, 10))
    poverty_assessment_record(household=a2, assessed_on=date(2026, 10, 5), **NEAR_POOR)
    s["s1"] = support.benefit_record(
        acting_user=command_a,
        program=program[ProgramKind.SCHOLARSHIP],
        household=a,
        given_on=date(2026, 10, 5),
        value=2_000_000,
    )
    at(local(2026, 10, 7, 19))
    cell_meeting_record(
        cell=cell_a, held_on=date(2026, 10, 7), attendees=[w.member_a, w.member_a2], acting_user=command_a
    )
    open_case("c7", b, "land", local(2026, 10, 8, 9))
    to_referred("c7", local(2026, 10, 8, 10))
    at(local(2026, 10, 9, 19))
    cell_meeting_record(cell=cell_b, held_on=date(2026, 10, 9), attendees=[w.member_b], acting_user=command_b)
    to_referred("c6", local(2026, 10, 9, 10))
    resolve("c6", local(2026, 10, 10, 10))
    at(local(2026, 10, 10, 11))
    intel.tip_assess(tip=t["t1"], acting_user=command_a, verified=True, credibility="probable")
    poverty_assessment_record(household=a, assessed_on=date(2026, 10, 10), **POOR)
    support.loan_advance(benefit=s["l1"], acting_user=command_a, to_status=LoanStatus.APPROVED)
    visit(b, local(2026, 10, 10, 8), w.member_b)
    at(local(2026, 10, 12, 9))
    cases.case_reopen(case=c["c6"], acting_user=command_a, reason="Hộ chưa đồng ý")
    poverty_assessment_record(household=a3, assessed_on=date(2026, 10, 12), **POOR)
    t["t4"] = intel.tip_record(
        acting_user=command_b,
        household=b,
        category="drugs",
        content="Người lạ",
        received_at=local(2026, 10, 12, 9),
    )
    to_referred("c6", local(2026, 10, 13, 9))
    resolve("c6", local(2026, 10, 14, 9))
    at(local(2026, 10, 15, 8))
    cases.case_add_note(case=c["c6"], acting_user=command_a, note="Xã đã gửi văn bản")
    s["l2"] = support.benefit_record(
        acting_user=command_a,
        program=program[ProgramKind.LOAN],
        household=a2,
        given_on=date(2026, 10, 15),
        loan_amount=20_000_000,
    )
    visit(a2, local(2026, 10, 15, 9), w.member_a2)
    at(local(2026, 10, 16, 8))
    household_reassign(household=a2, member=w.member_a, on=date(2026, 10, 16), reason="Cân đối địa bàn")
    answer("c6", local(2026, 10, 16, 9))
    at(local(2026, 10, 18, 16))
    support.support_event_record(
        acting_user=command_a, program=program[ProgramKind.MEDICAL], station=w.station_a, title="Khám bệnh ấp Âu Thọ A",
        held_on=date(2026, 10, 18), hamlet=w.hamlet_a, people_served=120, medicine_value=15_000_000,
    )  # fmt: skip
    to_referred("c1", local(2026, 10, 19, 9))
    resolve("c1", local(2026, 10, 20, 10))
    at(local(2026, 10, 20, 11))
    support.loan_advance(
        benefit=s["l1"], acting_user=command_a, to_status=LoanStatus.DISBURSED, on=date(2026, 10, 20)
    )
    poverty_assessment_record(household=b, assessed_on=date(2026, 10, 20), **AVERAGE)
    visit(a3, local(2026, 10, 20, 14), w.member_a)
    answer("c1", local(2026, 10, 22, 9))
    at(local(2026, 10, 25, 9))
    poverty_assessment_record(household=a2, assessed_on=date(2026, 10, 25), **POOR)
    open_case("c4", a, "health", local(2026, 10, 25, 10))
    resolve("c2", local(2026, 10, 31, 23, 30))
    at(local(2026, 10, 31, 23, 30))
    t["t2"] = intel.tip_record(
        acting_user=command_a,
        household=a2,
        category="iuu_fishing",
        content="Tàu cá",
        received_at=local(2026, 10, 31, 23, 30),
    )
    s["s2"] = support.benefit_record(
        acting_user=command_a,
        program=program[ProgramKind.GIFT],
        household=a2,
        given_on=date(2026, 10, 31),
        value=500_000,
    )
    cell_meeting_record(
        cell=cell_a, held_on=date(2026, 10, 31), attendees=[w.member_a], acting_user=command_a
    )
    visit(a, local(2026, 10, 31, 23, 30), w.member_a)  # the last day of the month, 16:30 UTC

    # November.
    visit(a2, local(2026, 11, 1, 0, 10), w.member_a)  # 31/10 17:10 UTC: a November visit
    resolve("c7", local(2026, 11, 1, 0, 10))
    at(local(2026, 11, 1, 0, 10))
    t["t3"] = intel.tip_record(
        acting_user=command_a,
        household=a,
        category="other",
        content="Khác",
        received_at=local(2026, 11, 1, 0, 10),
    )
    at(local(2026, 11, 1, 8))
    s["s3"] = support.benefit_record(
        acting_user=command_a,
        program=program[ProgramKind.GIFT],
        household=a2,
        given_on=date(2026, 11, 1),
        value=300_000,
    )
    cell_meeting_record(cell=cell_a, held_on=date(2026, 11, 1), attendees=[w.member_a], acting_user=command_a)
    answer("c2", local(2026, 11, 2, 9))
    at(local(2026, 11, 2, 10))
    intel.tip_act(tip=t["t1"], acting_user=command_a, outcome="Bắt giữ ghe buôn lậu")
    at(local(2026, 11, 10, 9))
    a4 = HouseholdFactory(head_name="Trần Văn Bốn", hamlet=w.hamlet_a, station=w.station_a)
    at(local(2026, 11, 20, 12))
    return Dataset(world=w, household_a3=a3, household_a4=a4, team_a=team_a, cases=c, tips=t, benefits=s)


def namespace(**kwargs: Any) -> SimpleNamespace:
    return SimpleNamespace(**kwargs)
