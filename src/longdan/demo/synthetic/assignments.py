"""Who is in charge of which household (with the history of handovers), and who attends which hamlet cell."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from longdan.assignments.models import AssignmentRole, CellParticipation, HouseholdAssignment

from .context import (
    CELL_ATTENDANCE_SHARE,
    MODEL_START,
    REASSIGNED_SHARE,
    SECONDARY_SHARE,
    Synthetic,
    random_date,
)
from .writing import write


def create_assignments(ctx: Synthetic) -> None:
    """One open primary assignment per household; some households were handed over before, a few have a helper.

    A handover closes the old row the day before the new one opens, as
    `household_reassign` does; the previous member is often a former member of
    the station (transferred or retired), otherwise a colleague after the
    station redrew its members' areas.
    """
    rng = ctx.rng("assignments")
    latest = ctx.as_of - timedelta(days=14)
    active = [[i for i in s.members if ctx.members[i].active] for s in ctx.stations]
    former = [[i for i in s.members if not ctx.members[i].active] for s in ctx.stations]

    def other(pool: list[int], not_this: int) -> int | None:
        choices = [i for i in pool if i != not_this] if len(pool) < 4 else pool
        for _ in range(8):
            pick = rng.choice(choices) if choices else None
            if pick != not_this:
                return pick
        return None

    def rows() -> Iterator[dict[str, Any]]:
        for plan in ctx.household_plans:
            member = ctx.members[plan.member]
            start, reason = random_date(rng, MODEL_START, latest), "Phân công phụ trách hộ"
            if rng.random() < REASSIGNED_SHARE:
                use_former = former[plan.station] and rng.random() < 0.5
                previous = other(former[plan.station] if use_former else active[plan.station], plan.member)
                if previous is not None:
                    began = random_date(rng, MODEL_START, ctx.as_of - timedelta(days=400))
                    start = random_date(rng, began + timedelta(days=90), ctx.as_of - timedelta(days=30))
                    yield dict(
                        member_id=ctx.members[previous].id,
                        household_id=plan.id,
                        role=AssignmentRole.PRIMARY,
                        start_date=began,
                        end_date=start - timedelta(days=1),
                        reason=reason,
                        end_reason="Điều động công tác" if use_former else "Điều chỉnh địa bàn phụ trách",
                    )
                    reason = "Nhận bàn giao phụ trách hộ"
            yield dict(
                member_id=member.id,
                household_id=plan.id,
                role=AssignmentRole.PRIMARY,
                start_date=start,
                reason=reason,
            )
            if rng.random() < SECONDARY_SHARE:
                helper = other(active[plan.station], plan.member)
                if helper is not None:
                    yield dict(
                        member_id=ctx.members[helper].id,
                        household_id=plan.id,
                        role=AssignmentRole.SECONDARY,
                        start_date=random_date(rng, start, latest),
                        reason="Hỗ trợ hộ có hoàn cảnh khó khăn",
                    )

    expected = round(len(ctx.household_plans) * (1 + REASSIGNED_SHARE + SECONDARY_SHARE))
    write(ctx, HouseholdAssignment, rows(), total=expected)


def create_cell_participations(ctx: Synthetic) -> None:
    """Most members attend the cell of their home hamlet; former members' attendance is closed."""
    rng = ctx.rng("cell-participations")
    rows = []
    for member in ctx.members:
        if member.active and rng.random() >= CELL_ATTENDANCE_SHARE:
            continue
        start = random_date(rng, MODEL_START, ctx.as_of - timedelta(days=30))
        end = None if member.active else random_date(rng, start, ctx.as_of - timedelta(days=1))
        rows.append(
            dict(
                member_id=member.id,
                cell_id=ctx.hamlets[member.home_hamlet].cell_id,
                start_date=start,
                end_date=end,
            )
        )
    write(ctx, CellParticipation, rows, total=len(rows))
