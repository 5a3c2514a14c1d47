"""What the API sends and receives. Output schemas read model objects and the selectors' dataclasses.

Choices go out as their code (stable, for programs) with a `_label` beside it in the
user's language (for a phone app to show). Sensitive fields live only in the
`…Sensitive` schemas, which an endpoint returns only when `get_scope(user).sensitive`:
for everyone else the keys are absent from the JSON, not null.
"""

import uuid
from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from longdan.cases.models import Case, CaseState, Category, ResponsibleBody
from longdan.cases.selectors import case_actions, case_timeline
from longdan.fieldwork.models import Advice, VisitKind


class Ref(Schema):
    id: int
    name: str


class UnitRef(Schema):
    id: int
    code: str
    name: str


class MemberRef(Schema):
    id: int
    full_name: str
    rank: str
    rank_label: str = Field(alias="get_rank_display")


# --- households ---


class HouseholdRow(Schema):
    """A line of the household list."""

    id: int
    code: str
    head_name: str
    hamlet: Ref
    commune: Ref
    station: UnitRef
    priority: str
    poverty_category: str
    poverty_category_label: str = Field(alias="get_poverty_category_display")
    member_in_charge: MemberRef | None

    @staticmethod
    def resolve_member_in_charge(obj: Any) -> Any:
        # household_list prefetches the open primary assignment into `in_charge` (0 or 1 rows).
        return obj.in_charge[0].member if obj.in_charge else None


class AssignmentOut(Schema):
    member: MemberRef
    role: str
    role_label: str = Field(alias="get_role_display")
    start_date: date
    end_date: date | None
    end_reason: str


class ResidentOut(Schema):
    id: int
    full_name: str
    birth_year: int | None
    sex: str
    relation: str
    relation_label: str = Field(alias="get_relation_display")
    schooling: str


class ResidentSensitiveOut(ResidentOut):
    id_number: str


class AssessmentOut(Schema):
    assessed_on: date
    category: str
    category_label: str = Field(alias="get_category_display")
    income_per_head: int
    deprivations: int = Field(alias="deprivation_count")


class HouseholdOut(Schema):
    """The household card, without the sensitive fields."""

    id: int
    code: str
    head_name: str
    hamlet: Ref
    commune: Ref
    station: UnitRef
    address: str
    phone: str
    livelihood: str
    is_policy_family: bool
    has_difficult_circumstances: bool
    priority: str
    poverty_category: str
    poverty_category_label: str
    poverty_assessed_on: date | None
    in_charge: list[AssignmentOut]
    past_assignments: list[AssignmentOut]
    residents: list[ResidentOut]
    assessments: list[AssessmentOut]


class HouseholdSensitiveOut(HouseholdOut):
    """The household card for a role that holds the right to the sensitive fields."""

    ethnicity: str
    religion: str
    residents: list[ResidentSensitiveOut]  # type: ignore[assignment]  # with identity numbers


# --- members ---


class MemberOut(Schema):
    id: int
    full_name: str
    rank: str
    rank_label: str = Field(alias="get_rank_display")
    position: str
    unit: UnitRef
    status: str
    status_label: str = Field(alias="get_status_display")
    languages: list[str]
    phone: str
    party_entry_date: date | None


# --- visits ---


class TopicOut(Schema):
    id: int
    code: str
    name: str


class VisitHousehold(Schema):
    id: int
    code: str
    head_name: str
    hamlet: Ref


class VisitOut(Schema):
    id: int
    household: VisitHousehold
    visited_at: datetime
    kind: str
    kind_label: str = Field(alias="get_kind_display")
    members: list[MemberRef]
    security_situation: str
    welfare_situation: str
    aspirations: str
    topics: list[TopicOut]
    advice: list[str]
    follow_up_on: date | None
    client_uuid: uuid.UUID

    @staticmethod
    def resolve_members(obj: Any) -> list[Any]:
        # The prefetched presence rows, recorder first (visits_for_user / get_visit_for_user).
        return [row.member for row in obj.presence.all()]


class VisitIn(Schema):
    """A visit as a form or an offline phone sends it. The household comes in the body."""

    client_uuid: uuid.UUID = Field(
        description="Made by the client when the form is drawn: the same UUID sent again makes no second visit."
    )
    household: int
    visited_at: datetime = Field(description="With its time zone; a naive time is read as Asia/Ho_Chi_Minh.")
    kind: VisitKind = VisitKind.HOME
    members: list[int] = Field(description="Ids of the station's members present (usually the sender).")
    topics: list[int] = []
    advice: list[Advice] = []
    security_situation: str = ""
    welfare_situation: str = ""
    aspirations: str = ""
    follow_up_on: date | None = None


# --- work today ---


class WorkHousehold(Schema):
    id: int
    code: str
    head_name: str
    hamlet: str
    priority: str
    poverty_category: str

    @staticmethod
    def resolve_hamlet(obj: Any) -> str:
        return obj.hamlet.name


class DueOut(Schema):
    household: WorkHousehold
    cadence_class: str
    cadence_days: int
    last_visited_at: datetime | None
    due_on: date
    days_overdue: int


class FollowUpOut(Schema):
    household: WorkHousehold
    visit_id: int
    follow_up_on: date
    days_late: int


class CaseRow(Schema):
    """A line of a petitions list."""

    id: int
    title: str
    category: str
    category_label: str = Field(alias="get_category_display")
    state: str
    state_label: str = Field(alias="get_state_display")
    received_on: date
    due_on: date
    is_overdue: bool
    household: Ref | None
    hamlet: Ref | None
    station: UnitRef
    responsible_body: str

    @staticmethod
    def resolve_household(obj: Any) -> dict[str, Any] | None:
        household = obj.household
        return {"id": household.pk, "name": household.head_name} if household is not None else None


class WorkTodayOut(Schema):
    member: MemberRef
    today: date
    households: int
    overdue: int
    due: list[DueOut]
    upcoming: list[DueOut]
    follow_ups: list[FollowUpOut]
    petitions: list[CaseRow] | None = Field(
        description="Petitions of the member's households waiting for an answer; null without the cases app."
    )


# --- cases ---


class CaseEventOut(Schema):
    id: int
    from_state: str
    to_state: str
    at: datetime
    by: str
    note: str
    reason: str

    @staticmethod
    def resolve_by(obj: Any) -> str:
        member = getattr(obj.actor, "member", None)
        return member.full_name if member is not None else obj.actor.get_full_name() or obj.actor.username


class TransitionOut(Schema):
    name: str
    to_state: str
    label: str
    reason_required: bool


class CaseOut(CaseRow):
    description: str
    plan: str
    responsible_body_name: str
    state_changed_at: datetime
    source_visit_id: int | None
    events: list[CaseEventOut]
    actions: list[TransitionOut] = Field(description="The moves the user may make on the case now.")

    @staticmethod
    def resolve_events(obj: Case) -> list[Any]:
        return case_timeline(obj)

    @staticmethod
    def resolve_actions(obj: Case, context: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            {
                "name": t.name,
                "to_state": t.to_state,
                "label": str(t.label),
                "reason_required": t.reason_required,
            }
            for t in case_actions(user=context["request"].user, case=obj)
        ]


class CaseIn(Schema):
    """A new petition: from a household, or from a hamlet when raised at a cell meeting (exactly one)."""

    household: int | None = None
    hamlet: int | None = None
    category: Category
    description: str
    title: str = ""
    received_on: date | None = Field(None, description="Today when left out.")
    visit: int | None = Field(None, description="The visit the petition came from (same household).")
    meeting_issue: int | None = Field(None, description="The cell meeting issue it came from (same hamlet).")


class TransitionIn(Schema):
    to_state: CaseState
    note: str = ""
    reason: str = Field("", description="Required to reject, withdraw and reopen.")
    plan: str | None = Field(None, description="Required to plan: the command's decision and plan.")
    referred_to: ResponsibleBody | None = Field(None, description="Required to refer.")
    referred_to_name: str = ""
