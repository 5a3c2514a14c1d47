"""Tip pages: record a tip from a household, the command's list, and a tip opened with a reason.

Thin: parse, call a selector or a service, render. A tip's content and source are shown only
in the answer to a POST that gave a reason (tip_open writes the audit row); a GET never shows them.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from longdan.core.scoping import get_scope
from longdan.households.models import Household
from longdan.households.selectors import households_of_member
from longdan.reports.drilldown import drill_from_request

from .forms import STEP_FORMS, ActForm, AssessForm, PassForm, ReasonForm, TipFilterForm, TipRecordForm
from .models import Tip
from .selectors import get_tip_for_user, has_tip_role, teams_of_station, tip_actions, tip_events, tip_list
from .services import tip_act, tip_assess, tip_open, tip_pass_to_team, tip_record

PAGE_SIZE = 25


def _int_or_404(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise Http404 from None


def _is_htmx(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


def _add_errors(form: Any, exc: ValidationError) -> None:
    """A service's ValidationError on the form: on its field when the form has one, else on the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@login_required
@require_http_methods(["GET", "POST"])
def tip_new(request: HttpRequest) -> HttpResponse:
    """Record a tip heard in a household: ?household=<id> (from the card or a visit, which adds &visit=<id>)."""
    if not request.GET.get("household"):
        member_id = get_scope(request.user).member_id
        member = getattr(request.user, "member", None) if member_id else None
        households = households_of_member(member, user=request.user) if member is not None else None
        return render(request, "intel/tip_choose_household.html", {"households": households})
    household = get_object_or_404(
        Household.objects.visible_to(request.user).select_related("hamlet", "commune"),
        pk=_int_or_404(request.GET["household"]),
    )
    initial: dict[str, Any] = {}
    if request.GET.get("visit"):
        # Heard during that visit: it starts from the visit's time. The visit is reached through the household.
        visit = household.visits.filter(pk=_int_or_404(request.GET["visit"])).first()
        if visit is not None:
            initial["received_at"] = timezone.localtime(visit.visited_at).replace(second=0, microsecond=0)
    form = TipRecordForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            tip_record(
                acting_user=request.user,
                household=household,
                category=data["category"],
                content=data["content"],
                credibility=data["credibility"],
                urgency=data["urgency"],
                received_at=data["received_at"],
                source_note=data["source_note"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request,
                _("The tip was recorded. Only the station command and the receiving team will read it."),
            )
            return redirect(household)
    status = 400 if request.method == "POST" else 200
    return render(request, "intel/tip_new.html", {"form": form, "household": household}, status=status)


@login_required
@vary_on_headers("HX-Request")
def tip_list_view(request: HttpRequest) -> HttpResponse:
    """The tips a user may see, newest first: category, urgency, status, station, date — never content or source."""
    form = TipFilterForm(request.GET or None)
    tips = tip_list(user=request.user, **form.filters())
    drill = drill_from_request(request, Tip)  # from a figure of the dashboard
    if drill:
        tips = drill.apply(tips)
    page = Paginator(tips, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "commands": has_tip_role(request.user), "drill": drill}
    if _is_htmx(request):
        return render(request, "intel/_tip_results.html", context)
    return render(request, "intel/tip_list.html", context)


def _opened(
    request: HttpRequest, tip: Tip, reason: str, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    """The tip with its content and source: a read, written to the audit trail with `reason`."""
    source = tip_open(tip=tip, acting_user=request.user, reason=reason)
    forms = forms or {}
    actions = []
    for action in tip_actions(user=request.user, tip=tip):
        form = forms.get(action)
        if form is None:
            form_class = STEP_FORMS[action]
            kwargs: dict[str, Any] = {"prefix": action, "initial": {"reason": reason}}
            if form_class is PassForm:
                kwargs["teams"] = teams_of_station(tip.station)
            if form_class is AssessForm:
                kwargs["initial"]["credibility"] = tip.credibility
            form = form_class(**kwargs)
        actions.append((action, form))
    household = None
    if source.get("household_id"):
        household = Household.objects.visible_to(request.user).filter(pk=source["household_id"]).first()
    context = {
        "tip": tip,
        "source": source,
        "source_household": household,
        "events": tip_events(tip),
        "actions": actions,
        "reason": reason,
    }
    return render(request, "intel/tip_opened.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def tip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what the tip is (no content) and the reason form. POST with a reason: the tip, opened."""
    tip = get_tip_for_user(request.user, pk)
    form = ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            return _opened(request, tip, form.cleaned_data["reason"])
        except ValidationError as exc:
            _add_errors(form, exc)
    status = 400 if request.method == "POST" else 200
    return render(request, "intel/tip_detail.html", {"tip": tip, "form": form}, status=status)


@login_required
@require_POST
def tip_step(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One step on an opened tip: pass it to a team, assess it, record what was done."""
    tip = get_tip_for_user(request.user, pk)
    form_class = STEP_FORMS[action]
    kwargs: dict[str, Any] = {"prefix": action}
    if form_class is PassForm:
        kwargs["teams"] = teams_of_station(tip.station)
    form = form_class(request.POST, **kwargs)
    reason = (request.POST.get(f"{action}-reason") or "").strip()
    if not reason:
        # Without the opening's reason there is nothing to show the step on: open the tip again.
        return redirect(tip)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if isinstance(form, PassForm):
                tip = tip_pass_to_team(
                    tip=tip, acting_user=request.user, team=data["team"], note=data["note"]
                )
            elif isinstance(form, AssessForm):
                tip = tip_assess(
                    tip=tip,
                    acting_user=request.user,
                    verified=data["verified"],
                    credibility=data["credibility"],
                    note=data["note"],
                )
            elif isinstance(form, ActForm):
                tip = tip_act(tip=tip, acting_user=request.user, outcome=data["outcome"])
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request, _("The tip is now “%(status)s”.") % {"status": tip.get_status_display()}
            )
            return _opened(request, get_tip_for_user(request.user, pk), reason)
    return _opened(request, tip, reason, forms={action: form}, status=400)
