"""Field work: the member's work list, logging a visit (idempotent by client UUID), one visit."""

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Status

from longdan.fieldwork.forms import VisitForm
from longdan.fieldwork.models import Visit
from longdan.fieldwork.selectors import (
    get_household_for_visit,
    get_visit_for_user,
    member_for_user,
    work_today,
)
from longdan.fieldwork.services import visit_record

from ..errors import form_invalid
from ..schemas import VisitIn, VisitOut, WorkTodayOut

router = Router(tags=["field work"])


@router.get("/me/work-today", response=WorkTodayOut)
def work_today_api(request: HttpRequest) -> Any:
    """The logged-in member's work list: households due or overdue (most overdue first, then by hamlet),
    due within the week, follow-ups due, petitions waiting for an answer. 404 for a user who is not a
    field member (a commander's "today" is the station's work page)."""
    member = member_for_user(request.user)
    if member is None:
        raise Http404
    work = work_today(member=member, today=timezone.localdate())
    return {
        "member": work.member,
        "today": work.today,
        "households": work.households,
        "overdue": work.overdue_count,
        "due": work.due,
        "upcoming": work.upcoming,
        "follow_ups": work.follow_ups,
        "petitions": work.petitions,
    }


@router.post("/visits", response={200: VisitOut, 201: VisitOut})
def visit_create_api(request: HttpRequest, payload: VisitIn) -> Any:
    """Log a visit. 201 with the new visit; 200 with the first one when this `client_uuid` was sent before
    (a retry after a lost answer, a double tap), and nothing is written again.

    The input is checked by the visit page's own form (members the user may choose, topics on
    offer, the kinds of advice), then recorded by the same service.
    """
    household = get_household_for_visit(user=request.user, household_id=payload.household)
    form = VisitForm(
        {
            "client_uuid": payload.client_uuid,
            "visited_at": payload.visited_at,
            "kind": payload.kind,
            "members": payload.members,
            "topics": payload.topics,
            "advice": payload.advice,
            "security_situation": payload.security_situation,
            "welfare_situation": payload.welfare_situation,
            "aspirations": payload.aspirations,
            "follow_up_on": payload.follow_up_on,
        },
        household=household,
        user=request.user,
    )
    if not form.is_valid():
        raise form_invalid(form)
    data = form.cleaned_data
    # Only to tell 200 from 201: the service itself returns the first visit for a UUID it has seen.
    seen_before = Visit.objects.filter(client_uuid=data["client_uuid"]).exists()
    visit = visit_record(acting_user=request.user, **form.visit_arguments())
    return Status(200 if seen_before else 201, get_visit_for_user(user=request.user, visit_id=visit.pk))


@router.get("/visits/{int:visit_id}", response=VisitOut)
def visit_detail_api(request: HttpRequest, visit_id: int) -> Any:
    return get_visit_for_user(user=request.user, visit_id=visit_id)
