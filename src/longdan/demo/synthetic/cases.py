"""Petitions from households, each moved through the workflow with one event per step, as the services move them."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from longdan.cases.models import Case, CaseEvent, CaseState, Category, ResponsibleBody, deadline_days
from longdan.cases.workflow import find_transition

from .context import Synthetic
from .events import Clock, household_facts, recorder_id
from .writing import next_id, write_tuples

# About one petition a household a year, by category in these proportions.
CASES_A_MONTH = 1 / 12
CATEGORY_WEIGHTS = {
    Category.LAND: 18, Category.SOCIAL_WELFARE: 22, Category.SECURITY_ORDER: 6, Category.INFRASTRUCTURE: 14,
    Category.ENVIRONMENT: 6, Category.FISHING_SEA: 6, Category.LEGAL: 8, Category.LIVELIHOOD_LOANS: 12,
    Category.HEALTH: 5, Category.EDUCATION: 3,
}  # fmt: skip
# Who a petition of each category is referred to (others: the commune's People's Committee).
BODIES = {
    Category.SECURITY_ORDER: ResponsibleBody.COMMUNE_POLICE,
    Category.LIVELIHOOD_LOANS: ResponsibleBody.SOCIAL_POLICY_BANK,
    Category.FISHING_SEA: ResponsibleBody.STATION,
}
TITLES = {
    Category.LAND: "Tranh chấp ranh giới đất",
    Category.SOCIAL_WELFARE: "Đề nghị xét hộ nghèo",
    Category.SECURITY_ORDER: "Phản ánh mất trật tự khu dân cư",
    Category.INFRASTRUCTURE: "Đường vào ấp xuống cấp",
    Category.ENVIRONMENT: "Ô nhiễm nguồn nước",
    Category.FISHING_SEA: "Vướng mắc giấy phép khai thác thủy sản",
    Category.LEGAL: "Cần tư vấn pháp luật về thừa kế",
    Category.LIVELIHOOD_LOANS: "Đề nghị vay vốn tạo việc làm",
    Category.HEALTH: "Đề nghị hỗ trợ khám chữa bệnh",
    Category.EDUCATION: "Đề nghị hỗ trợ học phí cho con",
}
PLAN = "Giao đội vận động quần chúng phối hợp với xã xem xét, trả lời hộ."
REJECTED_SHARE = 0.05
WITHDRAWN_SHARE = 0.02
PATH = (CaseState.PROPOSED, CaseState.PLANNED, CaseState.REFERRED, CaseState.RESOLVED, CaseState.ANSWERED,
        CaseState.CLOSED)  # fmt: skip


# The ways a generated petition goes, each a chain of moves the workflow table allows.
WAYS = (PATH, (CaseState.PROPOSED, CaseState.REJECTED), (CaseState.WITHDRAWN,))
for _way in WAYS:
    for _from, _to in zip((CaseState.RECEIVED, *_way), _way, strict=False):
        if find_transition(_from, _to) is None:  # pragma: no cover - a change to the workflow table
            raise RuntimeError(f"The cases workflow no longer allows {_from} → {_to}: update the generator.")


def create_cases(ctx: Synthetic) -> None:
    """Petitions received 08:00–16:59, then proposed, planned, referred, resolved, answered and closed.

    Most go the whole way; 5 % are rejected by the command once proposed and 2 %
    withdrawn by the household, each with its reason. A petition stops where the
    last day falls, so recent ones are still open. The due date is the
    category's deadline (station-wide defaults: generated stations have none of
    their own); the body is set when referred, as `case_transition` sets it.
    """
    rng = ctx.rng("cases")
    clock = Clock(ctx.as_of, ctx.months)
    stored = clock.stored
    recorder = recorder_id(ctx)
    categories = [c for c, weight in CATEGORY_WEIGHTS.items() for _ in range(weight)]
    deadline = {c: deadline_days(category=c, station_id=None) for c in CATEGORY_WEIGHTS}
    first, first_event = next_id(Case), next_id(CaseEvent)
    events: list[tuple[Any, ...]] = []

    def rows() -> Iterator[tuple[Any, ...]]:
        pk, event_pk = first, first_event
        for h in household_facts(ctx):
            for month in clock.months:
                days = clock.days_in(month)
                if not days or rng.random() >= CASES_A_MONTH:
                    continue
                received = month + timedelta(days=rng.randrange(days))
                category = rng.choice(categories)
                path: tuple[str, ...] = PATH
                reason = ""
                draw = rng.random()
                if draw < REJECTED_SHARE:
                    path, reason = WAYS[1], "Không thuộc thẩm quyền giải quyết."
                elif draw < REJECTED_SHARE + WITHDRAWN_SHARE:
                    path, reason = WAYS[2], "Hộ đã tự thỏa thuận, không còn đề nghị."
                moment = clock.utc(received, rng.randrange(8 * 60, 17 * 60))
                steps: list[tuple[str, str, datetime]] = [("", CaseState.RECEIVED, moment)]
                for state in path:
                    if state == CaseState.RESOLVED:
                        gap = timedelta(days=rng.randint(2, 45))
                    elif state == CaseState.PLANNED:
                        gap = timedelta(days=rng.randint(1, 4))
                    else:
                        gap = timedelta(days=1 if state == CaseState.PROPOSED else 2)
                    moment += gap + timedelta(minutes=rng.randrange(300))
                    if moment > clock.now:
                        break
                    steps.append((steps[-1][1], state, moment))
                reached = {to for _from, to, _at in steps}
                body = BODIES.get(category, ResponsibleBody.COMMUNE_COMMITTEE)
                for from_state, to_state, at in steps:
                    events.append((
                        event_pk, pk, from_state, to_state, recorder, stored.instant(at), "",
                        reason if to_state in (CaseState.REJECTED, CaseState.WITHDRAWN) else "",
                        h.station_id, h.province_command_id,
                    ))  # fmt: skip
                    event_pk += 1
                created, changed = stored.instant(steps[0][2]), stored.instant(steps[-1][2])
                yield (
                    pk, created, changed, h.id, None, category, TITLES[category],
                    f"Hộ gia đình kiến nghị: {TITLES[category].lower()}.", stored.day(received),
                    stored.day(received + timedelta(days=deadline[category])), steps[-1][1], changed,
                    h.member_id, recorder, body if CaseState.REFERRED in reached else "", "",
                    PLAN if CaseState.PLANNED in reached else "", None, None,
                    h.station_id, h.province_command_id, h.commune_id,
                )  # fmt: skip
                pk += 1

    expected = round(len(ctx.household_plans) * len(clock.months) * CASES_A_MONTH)
    write_tuples(
        ctx,
        Case,
        ["id", "created_at", "updated_at", "household_id", "hamlet_id", "category", "title", "description",
         "received_on", "due_on", "state", "state_changed_at", "recorded_by_member_id", "recorded_by_user_id",
         "responsible_body", "responsible_body_name", "plan", "source_visit_id", "source_meeting_issue_id",
         "station_id", "province_command_id", "commune_id"],
        rows(),
        total=expected,
    )  # fmt: skip
    write_tuples(
        ctx,
        CaseEvent,
        ["id", "case_id", "from_state", "to_state", "actor_id", "at", "note", "reason", "station_id",
         "province_command_id"],
        events,
        total=len(events),
    )  # fmt: skip
    events.clear()
