"""Petitions: the board's list, one case with its events and the moves open to the user, opening a case,
and moving it through the state machine — all through cases' selectors and services."""

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from longdan.cases.models import CaseState, Category
from longdan.cases.selectors import (
    cases_board,
    get_case_for_user,
    hamlets_for_new_case,
    meeting_issues_for_new_case,
    visits_for_new_case,
)
from longdan.cases.services import case_open, case_transition
from longdan.households.selectors import get_household_for_user

from ..schemas import CaseIn, CaseOut, CaseRow, TransitionIn

router = Router(tags=["petitions"])

PAGE_SIZE = 25


class CaseFilters(Schema):
    state: CaseState | None = None
    category: Category | None = None
    overdue: bool = False


@router.get("/cases", response=list[CaseRow])
@paginate(PageNumberPagination, page_size=PAGE_SIZE)
def case_list_api(request: HttpRequest, filters: Query[CaseFilters]) -> Any:
    """The petitions the user may see, soonest due first."""
    board = cases_board(
        user=request.user, state=filters.state, category=filters.category, overdue=filters.overdue
    )
    return board.cases


@router.get("/cases/{int:case_id}", response=CaseOut)
def case_detail_api(request: HttpRequest, case_id: int) -> Any:
    return get_case_for_user(user=request.user, pk=case_id)


@router.post("/cases", response={201: CaseOut})
def case_open_api(request: HttpRequest, payload: CaseIn) -> Any:
    """Record a petition, in "received". 403 for a user who may not record petitions of that household
    or hamlet; 404 for a household, hamlet, visit or meeting issue the user may not see."""
    household = hamlet = source_visit = source_issue = None
    if payload.household is not None:
        household = get_household_for_user(request.user, payload.household)
        if payload.visit is not None:
            source_visit = get_object_or_404(
                visits_for_new_case(user=request.user, household=household), pk=payload.visit
            )
    if payload.hamlet is not None:
        hamlet = get_object_or_404(hamlets_for_new_case(user=request.user), pk=payload.hamlet)
        if payload.meeting_issue is not None:
            source_issue = get_object_or_404(
                meeting_issues_for_new_case(user=request.user, hamlet=hamlet), pk=payload.meeting_issue
            )
    case = case_open(
        household=household,
        hamlet=hamlet,
        category=payload.category,
        title=payload.title,
        description=payload.description,
        received_on=payload.received_on,
        acting_user=request.user,
        source_visit=source_visit,
        source_meeting_issue=source_issue,
    )
    return Status(201, get_case_for_user(user=request.user, pk=case.pk))


@router.post("/cases/{int:case_id}/transitions", response=CaseOut)
def case_transition_api(request: HttpRequest, case_id: int, payload: TransitionIn) -> Any:
    """Move the case to `to_state`. 400 with the reason when the move is not allowed from the case's
    state or lacks its input (nothing is changed); 403 when the user may not make it."""
    case = get_case_for_user(user=request.user, pk=case_id)
    case_transition(
        case=case,
        to_state=payload.to_state,
        acting_user=request.user,
        note=payload.note,
        reason=payload.reason,
        plan=payload.plan,
        referred_to=payload.referred_to,
        referred_to_name=payload.referred_to_name,
    )
    return case  # refreshed by the service
