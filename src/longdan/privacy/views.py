"""Personal-data pages: consent on the household card, the request register, the household export, the
breach register.

Thin: parse, call a selector or a service, render. Every record is reached through a get_<thing>_for_user
helper, so another station's id answers 404 — the same as a missing one.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from longdan.fieldwork.selectors import may_record_for_household
from longdan.households.models import Household

from .export import household_export
from .forms import (
    BreachForm,
    BreachUpdateForm,
    ConsentForm,
    ConsentWithdrawForm,
    RequestAdvanceForm,
    RequestFilterForm,
    RequestForm,
)
from .models import REQUEST_NEXT, may_handle_requests, may_keep_breaches
from .selectors import (
    breach_list,
    breach_units,
    get_breach_for_user,
    get_consent_for_user,
    get_household_for_handler,
    get_request_for_user,
    request_list,
)
from .services import (
    breach_record,
    breach_update,
    consent_record,
    consent_withdraw,
    request_advance,
    request_record,
)

PAGE_SIZE = 25


def _add_errors(form: Any, exc: ValidationError) -> None:
    """A service's ValidationError on the form: on its field when the form has one, else on the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


# --- consent, from the household card ---------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def consent_new(request: HttpRequest, household_id: int) -> HttpResponse:
    household = get_object_or_404(Household.objects.visible_to(request.user), pk=household_id)
    if not may_record_for_household(request.user, household):
        raise PermissionDenied
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consent_record(acting_user=request.user, household=household, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Consent recorded."))
            return redirect(household)
    return render(request, "privacy/consent_form.html", {"form": form, "household": household})


@login_required
@require_http_methods(["GET", "POST"])
def consent_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    consent = get_consent_for_user(request.user, pk)
    if not may_record_for_household(request.user, consent.household):
        raise PermissionDenied
    form = ConsentWithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consent_withdraw(
                acting_user=request.user,
                consent=consent,
                withdrawn_on=form.cleaned_data["withdrawn_on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Consent withdrawn."))
            return redirect(consent.household)
    return render(
        request,
        "privacy/consent_withdraw.html",
        {"form": form, "consent": consent, "household": consent.household},
    )


# --- the request register -------------------------------------------------------------------------


@login_required
def request_list_view(request: HttpRequest) -> HttpResponse:
    """The register: station command and above, their stations' households; filters and pages."""
    if not may_handle_requests(request.user):
        raise PermissionDenied
    form = RequestFilterForm(request.GET or None)
    requests = request_list(user=request.user, **form.filters())
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "may_keep_breaches": may_keep_breaches(request.user)}
    return render(request, "privacy/request_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest, household_id: int) -> HttpResponse:
    household = get_household_for_handler(request.user, household_id)
    form = RequestForm(request.POST or None, residents=household.residents.order_by("id"))
    if request.method == "POST" and form.is_valid():
        try:
            received = request_record(acting_user=request.user, household=household, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Request registered."))
            return redirect(received)
    return render(request, "privacy/request_new.html", {"form": form, "household": household})


@login_required
@require_http_methods(["GET", "POST"])
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One request, and the form that moves it on while it is open."""
    subject_request = get_request_for_user(request.user, pk)
    allowed = REQUEST_NEXT.get(subject_request.status, ())
    form = RequestAdvanceForm(request.POST or None, allowed=allowed) if allowed else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                request_advance(acting_user=request.user, request=subject_request, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Request updated."))
                return redirect(subject_request)
    return render(
        request,
        "privacy/request_detail.html",
        {"subject_request": subject_request, "form": form},
    )


@login_required
def household_export_view(request: HttpRequest, household_id: int) -> HttpResponse:
    """Everything held about the household, as a ZIP of JSON (see export.py); writes an audit row."""
    household = get_household_for_handler(request.user, household_id)
    content = household_export(user=request.user, household=household)
    filename = f"longdan-household-{household.pk}-{timezone.localdate():%Y%m%d}.zip"
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


# --- the breach register --------------------------------------------------------------------------


@login_required
def breach_list_view(request: HttpRequest) -> HttpResponse:
    if not may_keep_breaches(request.user):
        raise PermissionDenied
    page = Paginator(breach_list(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "privacy/breach_list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def breach_new(request: HttpRequest) -> HttpResponse:
    if not may_keep_breaches(request.user):
        raise PermissionDenied
    form = BreachForm(request.POST or None, units=breach_units(user=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            breach = breach_record(acting_user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Breach registered. The 72-hour clock to notify A05 is running."))
            return redirect(breach)
    return render(request, "privacy/breach_new.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def breach_detail(request: HttpRequest, pk: int) -> HttpResponse:
    breach = get_breach_for_user(request.user, pk)
    initial = {"measures": breach.measures, "notified_authority_at": breach.notified_authority_at}
    form = BreachUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            breach_update(acting_user=request.user, breach=breach, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Breach updated."))
            return redirect(breach)
    return render(request, "privacy/breach_detail.html", {"breach": breach, "form": form})
