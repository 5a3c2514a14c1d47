"""Field pages: a member's work today, logging a visit, a station's work and coverage, cell meetings.

Views stay thin: find the record through a get_<thing>_for_user helper (404 for
"no such id" and "not yours" alike), parse a form, call a service, render.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from longdan.core.scoping import get_scope
from longdan.people.models import Member
from longdan.reports.drilldown import drill_from_request

from . import selectors
from .cadence import DEFAULT_CADENCE, cadences_for
from .forms import (
    CadenceForm,
    CellMeetingForm,
    RecordFilterForm,
    VisitFilterForm,
    VisitForm,
    add_service_errors,
)
from .models import CellMeeting, Visit
from .services import cell_meeting_record, visit_cadence_set, visit_record

PAGE_SIZE = 50


def _htmx(request: HttpRequest) -> bool:
    """An htmx request for a fragment (a history restore wants the whole page)."""
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


def _saved(request: HttpRequest, url: str) -> HttpResponse:
    # htmx posts swap the form in place; a saved record sends the whole page on.
    if _htmx(request):
        return HttpResponseClientRedirect(url)
    return redirect(url)


@login_required
def work_today_view(request: HttpRequest) -> HttpResponse:
    member = selectors.member_for_user(request.user)
    if member is None:
        # A commander who is not a field member: the station's work is his "today".
        station = selectors.stations_for_user(request.user).first()
        if station is not None:
            return redirect("station-work", station_id=station.pk)
        return render(request, "fieldwork/work_today.html", {"work": None})
    work = selectors.work_today(member=member, today=timezone.localdate())
    return render(request, "fieldwork/work_today.html", {"work": work})


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def visit_create(request: HttpRequest, household_id: int) -> HttpResponse:
    household = selectors.get_household_for_visit(user=request.user, household_id=household_id)
    form = VisitForm(request.POST or None, household=household, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            visit = visit_record(acting_user=request.user, **form.visit_arguments())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _saved(request, visit.get_absolute_url() + "?saved=1")
    context = {"form": form, "household": household}
    if _htmx(request):
        return render(request, "fieldwork/_visit_form.html", context)
    return render(request, "fieldwork/visit_form.html", context)


@login_required
def visit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    visit = selectors.get_visit_for_user(user=request.user, visit_id=pk)
    return render(
        request,
        "fieldwork/visit_detail.html",
        {
            "visit": visit,
            "saved": request.GET.get("saved") == "1",
            "may_record": selectors.may_record_for_household(request.user, visit.household),
        },
    )


@login_required
def visit_list(request: HttpRequest) -> HttpResponse:
    form = VisitFilterForm(
        request.GET or None,
        stations=selectors.stations_for_user(request.user),
        members=Member.objects.visible_to(request.user).order_by("name_sort"),
    )
    visits = selectors.visits_for_user(request.user, **form.filters())
    drill = drill_from_request(request, Visit)  # from a figure of the dashboard
    if drill:
        visits = drill.apply(visits)
    page = Paginator(visits, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "fieldwork/visit_list.html", {"page": page, "form": form, "drill": drill})


@login_required
def station_work_view(request: HttpRequest, station_id: int) -> HttpResponse:
    station = selectors.get_station_for_user(user=request.user, station_id=station_id)
    today = timezone.localdate()
    work = selectors.station_work(user=request.user, station=station, today=today)
    return render(
        request,
        "fieldwork/station_work.html",
        {
            "station": station,
            "work": work,
            "today": today,
            "stations": selectors.stations_for_user(request.user),
        },
    )


@login_required
@vary_on_headers("HX-Request")  # one URL, a fragment for htmx and a page without it
def station_member_work(request: HttpRequest, station_id: int, member_id: int) -> HttpResponse:
    """One member's work list as the commander sees it: a fragment for htmx, a page without it."""
    station = selectors.get_station_for_user(user=request.user, station_id=station_id)
    member = selectors.get_member_for_station(user=request.user, station=station, member_id=member_id)
    work = selectors.work_today(member=member, today=timezone.localdate())
    template = "fieldwork/_work_lists.html" if _htmx(request) else "fieldwork/work_today.html"
    return render(request, template, {"work": work, "station": station, "as_commander": True})


@login_required
def station_coverage(request: HttpRequest, station_id: int) -> HttpResponse:
    station = selectors.get_station_for_user(user=request.user, station_id=station_id)
    report = selectors.coverage(user=request.user, station=station, today=timezone.localdate())
    return render(
        request,
        "fieldwork/coverage.html",
        {"station": station, "coverage": report, "cadence": report.cadence},
    )


@login_required
@require_http_methods(["GET", "POST"])
def station_cadence(request: HttpRequest, station_id: int) -> HttpResponse:
    station = selectors.get_station_for_user(user=request.user, station_id=station_id)
    current = cadences_for([station.pk])[station.pk]
    form = CadenceForm(
        request.POST or None,
        initial={
            "priority_days": current.priority_days,
            "poor_days": current.poor_days,
            "other_days": current.other_days,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            visit_cadence_set(station=station, acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("station-coverage", station_id=station.pk)
    return render(
        request,
        "fieldwork/cadence_form.html",
        {"station": station, "form": form, "defaults": DEFAULT_CADENCE},
    )


@login_required
def cell_meeting_list(request: HttpRequest) -> HttpResponse:
    form = RecordFilterForm(request.GET or None, stations=selectors.stations_for_user(request.user))
    meetings = selectors.cell_meetings_for_user(request.user, **form.filters())
    drill = drill_from_request(request, CellMeeting)  # from a figure of the dashboard
    if drill:
        meetings = drill.apply(meetings)
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    scope = get_scope(request.user)
    return render(
        request,
        "fieldwork/cellmeeting_list.html",
        {
            "page": page,
            "form": form,
            "drill": drill,
            "may_record": bool(scope.everything or scope.is_command or scope.member_id),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def cell_meeting_create(request: HttpRequest) -> HttpResponse:
    scope = get_scope(request.user)
    if not (scope.everything or scope.is_command or scope.member_id):
        raise Http404  # a liaison reads meetings; the station records them
    form = CellMeetingForm(
        request.POST or None, user=request.user, cells=selectors.cells_for_user(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = cell_meeting_record(
                cell=data["cell"],
                held_on=data["held_on"],
                attendees=list(data["attendees"]),
                acting_user=request.user,
                contributions=data["contributions"],
                issues=form.issue_lines(),
                client_uuid=data["client_uuid"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _saved(request, meeting.get_absolute_url() + "?saved=1")
    return render(request, "fieldwork/cellmeeting_form.html", {"form": form})


@login_required
def cell_meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_cell_meeting_for_user(user=request.user, meeting_id=pk)
    return render(
        request,
        "fieldwork/cellmeeting_detail.html",
        {"meeting": meeting, "saved": request.GET.get("saved") == "1"},
    )
