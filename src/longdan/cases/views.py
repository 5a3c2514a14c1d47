"""Petition pages: new petition, the case page with its moves, the command's board, the liaison's list.

Thin: parse, call a selector or a service, render. Forms post back to ordinary URLs and
work without JavaScript; with htmx, a move on the case page swaps just the case body.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from longdan.core.scoping import get_scope
from longdan.households.models import Household
from longdan.reports.drilldown import drill_from_request

from .forms import BoardFilterForm, CaseOpenForm, NoteForm, TransitionForm
from .models import Case, CaseState
from .selectors import (
    case_actions,
    case_timeline,
    cases_board,
    cases_for_commune,
    get_case_for_user,
    hamlets_for_new_case,
    meeting_issues_for_new_case,
    visits_for_new_case,
)
from .services import case_add_note, case_open, case_transition
from .workflow import TRANSITION_NAMES, Transition, capacities

PAGE_SIZE = 25


def _is_htmx(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


def _add_errors(form: object, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has one, else on the form."""
    fields = getattr(form, "fields", {})
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in fields else None, errors)  # type: ignore[attr-defined]
    else:
        form.add_error(None, exc)  # type: ignore[attr-defined]


@login_required
@require_http_methods(["GET", "POST"])
def case_new(request: HttpRequest) -> HttpResponse:
    """New petition: ?household=<id> from the household card, ?hamlet=<id> from a cell meeting, or choose.

    The visit page adds &visit=<id> and the meeting page &issue=<id>: the petition keeps
    that link, and its date and text start from what was recorded there.
    """
    household = hamlet = source_visit = source_issue = None
    initial: dict = {}
    if request.GET.get("household"):
        household = get_object_or_404(
            Household.objects.visible_to(request.user).select_related("hamlet", "commune"),
            pk=_int_or_404(request.GET["household"]),
        )
        if request.GET.get("visit"):
            source_visit = get_object_or_404(
                visits_for_new_case(user=request.user, household=household),
                pk=_int_or_404(request.GET["visit"]),
            )
            initial = {
                "received_on": timezone.localtime(source_visit.visited_at).date(),
                "description": source_visit.aspirations,
            }
    elif request.GET.get("hamlet"):
        hamlet = get_object_or_404(
            hamlets_for_new_case(user=request.user).select_related("commune"),
            pk=_int_or_404(request.GET["hamlet"]),
        )
        if request.GET.get("issue"):
            source_issue = get_object_or_404(
                meeting_issues_for_new_case(user=request.user, hamlet=hamlet).select_related("meeting"),
                pk=_int_or_404(request.GET["issue"]),
            )
            initial = {"received_on": source_issue.meeting.held_on, "description": source_issue.text}
    form = CaseOpenForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        household=household,
        hamlet=hamlet,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = case_open(
                household=data["household"],
                hamlet=data["hamlet"],
                category=data["category"],
                title=data["title"],
                description=data["description"],
                received_on=data["received_on"],
                acting_user=request.user,
                source_visit=source_visit,
                source_meeting_issue=source_issue,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The petition was recorded."))
            return redirect(case)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "cases/case_new.html",
        {
            "form": form,
            "household": household,
            "hamlet": hamlet,
            "source_visit": source_visit,
            "source_issue": source_issue,
        },
        status=status,
    )


def _int_or_404(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise Http404 from None


def _detail_context(request: HttpRequest, case: Case, forms: dict | None = None) -> dict:
    """The case page: the case, its timeline, and one form per move the user may make now."""
    actions = case_actions(user=request.user, case=case)
    forms = forms or {}
    return {
        "case": case,
        "events": case_timeline(case),
        "actions": [
            (action, forms.get(action.name) or TransitionForm(name=action.name, prefix=action.name))
            for action in _one_per_name(actions)
        ],
        "note_form": forms.get("note") or NoteForm(prefix="note"),
        "may_note": bool(actions) or bool(capacities(request.user, case)),
    }


def _one_per_name(actions: list[Transition]) -> list[Transition]:
    # "reopen" has two rows (back to received, or to the command): one form with a choice.
    seen: dict[str, Transition] = {}
    for action in actions:
        seen.setdefault(action.name, action)
    return list(seen.values())


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(user=request.user, pk=pk)
    return render(request, "cases/case_detail.html", _detail_context(request, case))


@login_required
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
def case_move(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One move on a case. GET shows the move's form alone (a confirmation page without JavaScript)."""
    case = get_case_for_user(user=request.user, pk=pk)
    if action not in TRANSITION_NAMES:
        raise Http404
    # An empty POST is still a submission: a move without a note posts nothing but the token.
    form = TransitionForm(request.POST if request.method == "POST" else None, name=action, prefix=action)
    if request.method == "POST" and form.is_valid():
        try:
            case_transition(case=case, acting_user=request.user, **form.service_kwargs())
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request,
                _("The petition is now “%(state)s”.") % {"state": CaseState(case.state).label},
            )
            if _is_htmx(request):
                return render(request, "cases/_case_body.html", _detail_context(request, case))
            return redirect(case)
    elif request.method == "GET":
        if not any(t.name == action for t in case_actions(user=request.user, case=case)):
            raise PermissionDenied(_("You may not make this change now."))
        return render(
            request, "cases/case_move.html", {"case": case, "form": form, "action": form.transition}
        )
    # Invalid: show the case again with this form's errors where the user typed.
    context = _detail_context(request, case, forms={action: form})
    context["open_action"] = action
    template = "cases/_case_body.html" if _is_htmx(request) else "cases/case_detail.html"
    return render(request, template, context, status=400)


@login_required
@vary_on_headers("HX-Request")
@require_POST
def case_note(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(user=request.user, pk=pk)
    form = NoteForm(request.POST, prefix="note")
    if form.is_valid():
        try:
            case_add_note(case=case, acting_user=request.user, note=form.cleaned_data["note"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            if _is_htmx(request):
                return render(request, "cases/_case_body.html", _detail_context(request, case))
            return redirect(case)
    template = "cases/_case_body.html" if _is_htmx(request) else "cases/case_detail.html"
    return render(request, template, _detail_context(request, case, forms={"note": form}), status=400)


@login_required
@vary_on_headers("HX-Request")
def case_board(request: HttpRequest) -> HttpResponse:
    """The petitions board: counts by state, then the cases the filters pick, a page at a time."""
    if get_scope(request.user).is_empty:
        raise PermissionDenied
    form = BoardFilterForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    drill = drill_from_request(request, Case)  # from a figure of the dashboard
    board = cases_board(
        user=request.user,
        narrow=drill.apply if drill else None,
        station=data.get("station"),
        state=data.get("state") or None,
        category=data.get("category") or None,
        overdue=bool(data.get("overdue")),
        member=data.get("member"),
    )
    page = Paginator(board.cases, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "board": board, "page": page, "query": query.urlencode(), "drill": drill}
    if _is_htmx(request):
        return render(request, "cases/_board_results.html", context)
    return render(request, "cases/case_board.html", context)


@login_required
def case_commune_list(request: HttpRequest) -> HttpResponse:
    """The commune liaison's list: cases referred to bodies of their communes, those waiting for them first."""
    scope = get_scope(request.user)
    if not (scope.commune_ids or scope.everything):
        raise PermissionDenied
    state = request.GET.get("state") or None
    if state not in (None, *CaseState.values):
        state = None
    cases = cases_for_commune(user=request.user, state=state)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cases/case_commune_list.html", {"page": page, "state": state})
