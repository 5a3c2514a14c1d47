"""Household pages: the list with search and filters, and the household card."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.vary import vary_on_headers

from longdan.core.scoping import get_scope
from longdan.people.selectors import visible_member_ids
from longdan.privacy.selectors import household_privacy_panel
from longdan.reports.drilldown import drill_from_request

# The card's timeline gathers from apps above households (see its docstring): views are the page
# layer, the top row, so this view may call it; households' models and selectors never do.
from longdan.web.timeline import household_card_extras

from .forms import HouseholdFilterForm
from .models import Household
from .selectors import hamlet_options, household_card, household_list, station_options

PAGE_SIZE = 25


@login_required
@vary_on_headers("HX-Request")  # the same URL answers a whole page or, to htmx, the results alone
def household_list_view(request: HttpRequest) -> HttpResponse:
    form = HouseholdFilterForm(
        request.GET or None,
        hamlets=hamlet_options(user=request.user),
        stations=station_options(user=request.user),
    )
    households = household_list(user=request.user, **form.filters())
    drill = drill_from_request(request, Household)  # from a figure of the dashboard
    if drill:
        households = drill.apply(households)
    page = Paginator(households, PAGE_SIZE).get_page(request.GET.get("page"))
    scope = get_scope(request.user)
    context = {
        "form": form,
        "page": page,
        "drill": drill,
        # A field member sees only his own households: a column repeating his name says nothing.
        "show_member": scope.everything or bool(scope.unit_ids or scope.commune_ids),
    }
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:
        return render(request, "households/_results.html", context)
    return render(request, "households/household_list.html", context)


@login_required
@vary_on_headers("HX-Request")  # the whole card, or to htmx the timeline alone when a filter is picked
def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    card = household_card(user=request.user, pk=pk)
    extras = household_card_extras(
        user=request.user,
        household=card.household,
        kind=request.GET.get("kind", ""),
        more=request.GET.get("more"),
    )
    context = {
        "card": card,
        "linked_members": visible_member_ids(user=request.user, ids=card.member_ids),
        "extras": extras,
        "privacy": household_privacy_panel(user=request.user, household=card.household),
    }
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request and htmx.target == "timeline":
        return render(request, "web/household/_timeline.html", context)
    return render(request, "households/household_detail.html", context)
