"""Security tips from households (source encrypted), support given to households, and medical camps."""

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from longdan.core.crypto import encrypt
from longdan.intel.models import Credibility, Tip, TipCategory, TipEvent, TipStatus, Urgency
from longdan.support.models import Benefit, LoanStatus, ProgramKind, SupportEvent, SupportProgram

from .context import Synthetic
from .events import Clock, household_facts, recorder_id
from .writing import next_id, write_tuples

TIPS_A_MONTH = 0.05 / 12  # one household in twenty gives a tip in a year
TIP_CONTENT = {
    TipCategory.SMUGGLING: "Có ghe lạ chở hàng ban đêm qua khu vực cửa sông.",
    TipCategory.DRUGS: "Nghi có người lạ tụ tập sử dụng ma túy tại chòi canh tôm.",
    TipCategory.IUU_FISHING: "Tàu cá trong ấp tắt thiết bị giám sát hành trình khi ra khơi.",
    TipCategory.ILLEGAL_CROSSING: "Có người lạ hỏi đường qua biên giới.",
    TipCategory.TRAFFICKING: "Có người đến ấp rủ thanh niên đi làm việc nhẹ lương cao ở nước ngoài.",
    TipCategory.PUBLIC_ORDER: "Nhóm thanh niên tụ tập gây mất trật tự ban đêm.",
    TipCategory.OTHER: "Phản ánh tình hình an ninh khu vực.",
}
CREDIBILITY = (Credibility.CONFIRMED, Credibility.PROBABLE, Credibility.POSSIBLE)
BENEFITS_A_MONTH = 1 / 12  # about one a household a year
LOAN_SHARE = 0.08
SUPPORT_EVENTS_A_MONTH = 1 / 3  # a medical camp every three months or so per station


def create_tips(ctx: Synthetic) -> None:
    """Tips from about one household in twenty a year: passed to the station's reconnaissance team, then assessed.

    70 % are verified (with a credibility), half of those acted on with an
    outcome. The source is the household, as `tip_record` writes it: JSON of its
    id and head's name, encrypted with the field keys (a few thousand tips a year:
    encrypting each costs nothing worth saving).
    """
    rng = ctx.rng("tips")
    clock = Clock(ctx.as_of, ctx.months)
    stored = clock.stored
    recorder = recorder_id(ctx)
    categories = list(TipCategory)
    heads = [plan.head_name for plan in ctx.household_plans]
    teams = [dict(station.teams) for station in ctx.stations]
    station_of = [plan.station for plan in ctx.household_plans]
    first, first_event = next_id(Tip), next_id(TipEvent)
    events: list[tuple[Any, ...]] = []

    def rows() -> Iterator[tuple[Any, ...]]:
        pk, event_pk = first, first_event
        for index, h in enumerate(household_facts(ctx)):
            team_names = teams[station_of[index]]
            team = team_names.get("Đội Trinh sát") or next(iter(team_names.values()), None)
            for month in clock.months:
                days = clock.days_in(month)
                if not days or rng.random() >= TIPS_A_MONTH:
                    continue
                category = rng.choice(categories)
                moment = clock.utc(
                    month + timedelta(days=rng.randrange(days)), rng.randrange(6 * 60, 22 * 60)
                )
                steps = [("", TipStatus.RECEIVED, moment)]
                verified = rng.random() < 0.7
                acted = verified and rng.random() < 0.5
                path = [TipStatus.PASSED, TipStatus.VERIFIED if verified else TipStatus.NOT_VERIFIED]
                if acted:
                    path.append(TipStatus.ACTED_ON)
                if team is None:
                    path = []
                for status in path:
                    moment += timedelta(days=rng.randint(1, 10), minutes=rng.randrange(600))
                    if moment > clock.now:
                        break
                    steps.append((steps[-1][1], status, moment))
                reached = {to for _from, to, _at in steps}
                for from_status, to_status, at in steps:
                    events.append((event_pk, pk, from_status, to_status, recorder, stored.instant(at), ""))
                    event_pk += 1
                source = json.dumps(
                    {"household_id": h.id, "head_name": heads[index], "note": ""}, ensure_ascii=False
                )
                created, changed = stored.instant(steps[0][2]), stored.instant(steps[-1][2])
                yield (
                    pk, created, changed, h.station_id, h.province_command_id,
                    team if TipStatus.PASSED in reached else None, recorder, created, category,
                    TIP_CONTENT[category],
                    rng.choice(CREDIBILITY) if TipStatus.VERIFIED in reached else Credibility.UNKNOWN,
                    Urgency.URGENT if category in (TipCategory.DRUGS, TipCategory.TRAFFICKING) else Urgency.ROUTINE,
                    steps[-1][1], "Đã phối hợp xử lý, lập biên bản." if TipStatus.ACTED_ON in reached else "",
                    encrypt(source),
                )  # fmt: skip
                pk += 1

    write_tuples(
        ctx,
        Tip,
        ["id", "created_at", "updated_at", "station_id", "province_command_id", "receiving_team_id",
         "recorded_by_id", "received_at", "category", "content", "credibility", "urgency", "status", "outcome",
         "source"],
        rows(),
        total=round(len(ctx.household_plans) * len(clock.months) * TIPS_A_MONTH),
    )  # fmt: skip
    write_tuples(
        ctx,
        TipEvent,
        ["id", "tip_id", "from_status", "to_status", "actor_id", "at", "note"],
        events,
        total=len(events),
    )
    events.clear()


def _programs() -> dict[str, int]:
    """The first active program of each kind (the migration makes one of each)."""
    found: dict[str, int] = {}
    for kind, pk in SupportProgram.objects.filter(active=True).order_by("pk").values_list("kind", "pk"):
        found.setdefault(kind, pk)
    return found


def create_benefits(ctx: Synthetic) -> None:
    """About one benefit a household a year; 8 % are loans at some point of their way (advised … disbursed).

    A loan's value counts once it is disbursed, as `loan_advance` records it; other
    support has its value in VND on the day it was given.
    """
    rng = ctx.rng("benefits")
    clock = Clock(ctx.as_of, ctx.months)
    stored = clock.stored
    recorder = recorder_id(ctx)
    programs = _programs()
    others = [programs[kind] for kind in ProgramKind if kind in programs and kind not in ("loan", "medical")]
    loan = programs.get(ProgramKind.LOAN)
    statuses = (LoanStatus.ADVISED, LoanStatus.APPLIED, LoanStatus.APPROVED, LoanStatus.DISBURSED,
                LoanStatus.DISBURSED, LoanStatus.REFUSED)  # fmt: skip
    first = next_id(Benefit)

    def rows() -> Iterator[tuple[Any, ...]]:
        pk = first
        for h in household_facts(ctx):
            for month in clock.months:
                days = clock.days_in(month)
                if not days or rng.random() >= BENEFITS_A_MONTH:
                    continue
                day = month + timedelta(days=rng.randrange(days))
                created = clock.daytime(day, rng.randrange(7 * 60, 21 * 60))
                if loan is not None and rng.random() < LOAN_SHARE:
                    amount = rng.choice((10, 20, 30, 50, 100)) * 1_000_000
                    status = rng.choice(statuses)
                    given = (
                        day + timedelta(days=rng.randint(20, 60)) if status == LoanStatus.DISBURSED else day
                    )
                    if given > clock.last_day:
                        status, given = LoanStatus.APPROVED, day
                    value = amount if status == LoanStatus.DISBURSED else 0
                    yield (pk, created, created, loan, h.id, None, None, stored.day(given), value, "", amount,
                           status, h.station_id, h.province_command_id, h.commune_id, recorder)  # fmt: skip
                elif others:
                    value = rng.choice((200, 300, 500, 1000, 2000, 5000)) * 1000
                    yield (pk, created, created, rng.choice(others), h.id, None, None, stored.day(day), value, "",
                           None, "", h.station_id, h.province_command_id, h.commune_id, recorder)  # fmt: skip
                else:
                    continue
                pk += 1

    write_tuples(
        ctx,
        Benefit,
        ["id", "created_at", "updated_at", "program_id", "household_id", "resident_id", "event_id", "given_on",
         "value", "description", "loan_amount", "loan_status", "station_id", "province_command_id", "commune_id",
         "recorded_by_id"],
        rows(),
        total=round(len(ctx.household_plans) * len(clock.months) * BENEFITS_A_MONTH),
    )  # fmt: skip


def create_support_events(ctx: Synthetic) -> None:
    """Free medical camps: each station holds one in about a third of the months, in one of its hamlets."""
    rng = ctx.rng("support-events")
    clock = Clock(ctx.as_of, ctx.months)
    stored = clock.stored
    recorder = recorder_id(ctx)
    medical = _programs().get(ProgramKind.MEDICAL)
    commands = {code: unit.pk for code, unit in ctx.commands.items()}
    first = next_id(SupportEvent)

    def rows() -> Iterator[tuple[Any, ...]]:
        if medical is None:
            return
        pk = first
        for station in ctx.stations:
            for month in clock.months:
                days = clock.days_in(month)
                if not days or rng.random() >= SUPPORT_EVENTS_A_MONTH:
                    continue
                day = month + timedelta(days=rng.randrange(days))
                hamlet = ctx.hamlets[rng.choice(station.hamlets)].id if station.hamlets else None
                created = clock.daytime(day, rng.randrange(7 * 60, 17 * 60))
                yield (pk, created, created, medical, "Khám bệnh, cấp thuốc miễn phí", stored.day(day), station.id,
                       commands[station.province_code], hamlet, "", rng.randint(50, 300),
                       rng.randint(5, 40) * 1_000_000, "", recorder)  # fmt: skip
                pk += 1

    write_tuples(
        ctx,
        SupportEvent,
        ["id", "created_at", "updated_at", "program_id", "title", "held_on", "station_id", "province_command_id",
         "hamlet_id", "place", "people_served", "medicine_value", "notes", "recorded_by_id"],
        rows(),
        total=round(len(ctx.stations) * len(clock.months) * SUPPORT_EVENTS_A_MONTH),
    )  # fmt: skip
