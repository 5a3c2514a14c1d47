"""Support pages: the station's events, an event with its benefits, recording an event or a benefit, a loan's steps.

Thin: parse, call a selector or a service, render. Every record is reached through a
get_<thing>_for_user helper or a visible_to queryset, so another station's id answers 404.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from longdan.core.scoping import get_scope
from longdan.households.models import Household
from longdan.households.selectors import households_of_member
from longdan.reports.drilldown import drill_from_request

from .forms import BenefitFilterForm, BenefitForm, EventFilterForm, LoanStepForm, SupportEventForm
from .models import Benefit, LoanStatus, SupportEvent
from .selectors import (
    benefit_list,
    benefit_totals,
    benefits_of_event,
    get_benefit_for_user,
    get_support_event_for_user,
    stations_for_events,
    support_event_list,
)
from .services import benefit_record, loan_advance, support_event_record

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
@vary_on_headers("HX-Request")
def support_event_list_view(request: HttpRequest) -> HttpResponse:
    """The support events a user may see, newest first, by program, a page at a time."""
    if get_scope(request.user).is_empty:
        raise PermissionDenied
    form = EventFilterForm(request.GET or None)
    program = form.cleaned_data.get("program") if form.is_valid() else None
    events = support_event_list(user=request.user, program=program.pk if program else None)
    drill = drill_from_request(request, SupportEvent)  # from a figure of the dashboard
    if drill:
        events = drill.apply(events)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "may_record": stations_for_events(user=request.user).exists(),
        "drill": drill,
    }
    if _is_htmx(request):
        return render(request, "support/_event_results.html", context)
    return render(request, "support/event_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def support_event_new(request: HttpRequest) -> HttpResponse:
    """Record an event (the command of a station: support_event_record asks for a role on it)."""
    stations = stations_for_events(user=request.user)
    if not stations.exists():
        raise PermissionDenied
    form = SupportEventForm(request.POST if request.method == "POST" else None, stations=stations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            event = support_event_record(
                acting_user=request.user,
                program=data["program"],
                station=data["station"],
                title=data["title"],
                held_on=data["held_on"],
                hamlet=data["hamlet"],
                place=data["place"],
                people_served=data["people_served"],
                medicine_value=data["medicine_value"] or 0,
                notes=data["notes"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The support event was recorded."))
            return redirect(event)
    status = 400 if request.method == "POST" else 200
    one_station = stations.first() if len(stations) == 1 else None
    return render(request, "support/event_new.html", {"form": form, "station": one_station}, status=status)


@login_required
@vary_on_headers("HX-Request")
def benefit_list_view(request: HttpRequest) -> HttpResponse:
    """Support given to the households a user may see, newest first, with the totals of what the filters pick."""
    if get_scope(request.user).is_empty:
        raise PermissionDenied
    form = BenefitFilterForm(request.GET or None)
    benefits = benefit_list(user=request.user, **form.filters())
    drill = drill_from_request(request, Benefit)  # from a figure of the dashboard
    if drill:
        benefits = drill.apply(benefits)
    page = Paginator(benefits, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "totals": benefit_totals(benefits), "drill": drill}
    if _is_htmx(request):
        return render(request, "support/_benefit_results.html", context)
    return render(request, "support/benefit_list.html", context)


@login_required
def support_event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_support_event_for_user(request.user, pk)
    benefits = list(benefits_of_event(user=request.user, event=event))
    return render(
        request,
        "support/event_detail.html",
        {"event": event, "benefits": benefits, "total": sum(b.value for b in benefits)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def benefit_new(request: HttpRequest) -> HttpResponse:
    """Record support for a household: ?household=<id> (from the card or a visit), &event=<id> from an event."""
    if not request.GET.get("household"):
        member = getattr(request.user, "member", None) if get_scope(request.user).member_id else None
        households = households_of_member(member, user=request.user) if member is not None else None
        return render(request, "support/benefit_choose_household.html", {"households": households})
    household = get_object_or_404(
        Household.objects.visible_to(request.user).select_related("hamlet", "commune", "station"),
        pk=_int_or_404(request.GET["household"]),
    )
    initial: dict[str, Any] = {}
    if request.GET.get("event"):
        initial["event"] = _int_or_404(request.GET["event"])
    form = BenefitForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        household=household,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            benefit = benefit_record(
                acting_user=request.user,
                program=data["program"],
                household=household,
                given_on=data["given_on"],
                value=data["value"] or 0,
                description=data["description"],
                resident=data.get("resident"),
                event=data["event"],
                loan_amount=data["loan_amount"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The support was recorded."))
            return redirect(benefit)
    status = 400 if request.method == "POST" else 200
    return render(request, "support/benefit_new.html", {"form": form, "household": household}, status=status)


@login_required
@require_POST
def benefit_loan_advance(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a loan one step (the buttons on the household card); back to the card either way."""
    benefit = get_benefit_for_user(request.user, pk)
    form = LoanStepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the loan's next step."))
        return redirect(benefit)
    try:
        benefit = loan_advance(
            benefit=benefit,
            acting_user=request.user,
            to_status=form.cleaned_data["to_status"],
            on=form.cleaned_data["on"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The loan is now “%(status)s”.") % {"status": LoanStatus(benefit.loan_status).label},
        )
    return redirect(benefit)
