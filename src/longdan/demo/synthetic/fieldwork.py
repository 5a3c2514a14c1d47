"""Visits to households (with the member present) and hamlet cell meetings (with the members attending)."""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from longdan.assignments.models import CellParticipation
from longdan.fieldwork.models import CellMeeting, Visit, VisitKind, VisitMember

from .context import Synthetic
from .events import Clock, household_facts, recorder_id
from .writing import next_id, write_tuples

# Visits a household gets in a month: 0–4, two on average (DESIGN.md's 7.2 million for 100,000 households).
VISITS_A_MONTH = (0, 1, 1, 2, 2, 2, 3, 3, 4)
VISIT_KINDS = (VisitKind.HOME,) * 16 + (VisitKind.PHONE,) * 3 + (VisitKind.HAMLET_MEETING,)
# What a member writes down, on some visits; most visits are logged with nothing to add.
ASPIRATIONS = (
    "Mong được hỗ trợ vốn vay để nuôi tôm.",
    "Đề nghị sửa đường vào ấp trước mùa mưa.",
    "Mong con được học bổng năm học mới.",
    "Cần hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất.",
    "Mong được khám bệnh, cấp thuốc cho người già.",
)
WELFARE = (
    "Gia đình ổn định, con đi học đều.",
    "Thu nhập bấp bênh, làm thuê theo mùa vụ.",
    "Đã nhận hỗ trợ của xã trong tháng.",
)
MEETING_CONTRIBUTIONS = (
    "Phổ biến quy định về khu vực biên giới.",
    "Tuyên truyền phòng, chống ma túy trong thanh niên.",
    "Trao đổi về công tác giảm nghèo của ấp.",
    "",
)


def create_visits(ctx: Synthetic) -> None:
    """Three years of visits, 0–4 a household a month, by the member in charge, 07:00–20:59 local.

    Each visit has its member present (`VisitMember`, position 0), as
    `visit_record` writes it; the client id is the visit's id in hex (unique, and
    the same for a seed), where a form would have drawn a random one.
    """
    rng = ctx.rng("visits")
    clock = Clock(ctx.as_of, ctx.months)
    stored = clock.stored
    recorder = recorder_id(ctx)
    months = [(month, clock.days_in(month)) for month in clock.months]
    months = [(month, days) for month, days in months if days]
    first = next_id(Visit)
    presence: list[tuple[int, int]] = []  # (visit id, member id)
    empty_json = stored.json("[]")
    # Indexing a tuple by random() rather than rng.choice: this loop runs seven million times.
    random = rng.random
    counts, kinds = VISITS_A_MONTH, VISIT_KINDS
    n_counts, n_kinds, n_welfare, n_aspirations = len(counts), len(kinds), len(WELFARE), len(ASPIRATIONS)

    def rows() -> Iterator[tuple[Any, ...]]:
        pk = first
        for h in household_facts(ctx):
            for month, days in months:
                for _ in range(counts[int(random() * n_counts)]):
                    day = month.toordinal() + int(random() * days)
                    at = clock.daytime(month.fromordinal(day), 7 * 60 + int(random() * 14 * 60))
                    spoken = random()
                    yield (
                        pk, at, at, h.id, at, kinds[int(random() * n_kinds)], "",
                        WELFARE[int(spoken * 10 * n_welfare)] if spoken < 0.1 else "",
                        ASPIRATIONS[int(spoken * 5 * n_aspirations)] if spoken < 0.2 else "",
                        empty_json, None, f"{pk:032x}", recorder, h.station_id, h.province_command_id,
                    )  # fmt: skip
                    presence.append((pk, h.member_id))
                    pk += 1

    expected = len(ctx.household_plans) * len(months) * 2
    write_tuples(
        ctx,
        Visit,
        ["id", "created_at", "updated_at", "household_id", "visited_at", "kind", "security_situation",
         "welfare_situation", "aspirations", "advice", "follow_up_on", "client_uuid", "recorded_by_id",
         "station_id", "province_command_id"],
        rows(),
        total=expected,
    )  # fmt: skip
    start = next_id(VisitMember)
    write_tuples(
        ctx,
        VisitMember,
        ["id", "visit_id", "member_id", "position"],
        ((start + n, visit, member, 0) for n, (visit, member) in enumerate(presence)),
        total=len(presence),
    )
    presence.clear()


def create_cell_meetings(ctx: Synthetic) -> None:
    """A meeting a month in every hamlet cell that station members attend, with those members present."""
    rng = ctx.rng("cell-meetings")
    clock = Clock(ctx.as_of, ctx.months)
    recorder = recorder_id(ctx)
    cells = {hamlet.cell_id: hamlet for hamlet in ctx.hamlets if hamlet.cell_id}
    attending: dict[int, list[int]] = defaultdict(list)
    for cell, member in (
        CellParticipation.objects.filter(end_date=None, cell_id__in=list(cells))
        .order_by("cell_id", "member_id")
        .values_list("cell_id", "member_id")
    ):
        attending[cell].append(member)
    commands = {code: unit.pk for code, unit in ctx.commands.items()}
    first = next_id(CellMeeting)
    attendance: list[tuple[int, int]] = []

    def rows() -> Iterator[tuple[Any, ...]]:
        pk = first
        for station in ctx.stations:
            province = commands[station.province_code]
            for index in station.hamlets:
                hamlet = ctx.hamlets[index]
                members = attending.get(hamlet.cell_id)
                if not members:
                    continue
                for month in clock.months:
                    days = clock.days_in(month)
                    if not days:
                        continue
                    day = month.fromordinal(month.toordinal() + rng.randrange(days))
                    at = clock.daytime(day, rng.randrange(18 * 60, 21 * 60))
                    yield (
                        pk, at, at, hamlet.cell_id, clock.stored.day(day), rng.choice(MEETING_CONTRIBUTIONS),
                        f"{pk:032x}", recorder, station.id, province, hamlet.commune_id,
                    )  # fmt: skip
                    attendance.extend((pk, member) for member in members)
                    pk += 1

    write_tuples(
        ctx,
        CellMeeting,
        ["id", "created_at", "updated_at", "cell_id", "held_on", "contributions", "client_uuid", "recorded_by_id",
         "station_id", "province_command_id", "commune_id"],
        rows(),
        total=len(attending) * len(clock.months),
    )  # fmt: skip
    through = CellMeeting.attendees.through
    start = next_id(through)
    write_tuples(
        ctx,
        through,
        ["id", "cellmeeting_id", "member_id"],
        ((start + n, meeting, member) for n, (meeting, member) in enumerate(attendance)),
        total=len(attendance),
        label="meeting attendance",
    )
