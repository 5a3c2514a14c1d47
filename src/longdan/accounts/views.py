"""Second factor (verify a code, set up a device), the one-time password link, and the lock-out page."""

import base64
from typing import Any

import django_otp
import segno
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeForm
from .middleware import ENROLLED_SESSION_KEY
from .selectors import (
    login_lock_minutes_left,
    second_factor_passed,
    second_factor_required,
    totp_device_confirmed,
)
from .services import CodeCheck, password_reset_completed, totp_device_confirm, totp_device_start, totp_verify


def _next_url(request: HttpRequest) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(name: str, request: HttpRequest) -> str:
    """The URL of page `name`, passing on where to go afterwards."""
    url = reverse(name)
    return f"{url}?{request.GET.urlencode()}" if request.GET else url


def _refusal(check: CodeCheck) -> str:
    if check.wait_until is not None:
        seconds = max(1, int((check.wait_until - timezone.now()).total_seconds()) + 1)
        return ngettext(
            "Too many wrong codes: wait %(seconds)d second and try again.",
            "Too many wrong codes: wait %(seconds)d seconds and try again.",
            seconds,
        ) % {"seconds": seconds}
    return _("That code is not right (or was already used). Enter the code the app shows now.")


def _complete_login(request: HttpRequest, device: TOTPDevice) -> HttpResponse:
    # A new session key at the step up, as Django does at the password step.
    request.session.cycle_key()
    django_otp.login(request, device)
    request.session[ENROLLED_SESSION_KEY] = True
    return HttpResponseRedirect(_next_url(request))


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    """Second step of logging in: the current code from the user's authenticator app."""
    user = request.user
    if second_factor_passed(user):
        return HttpResponseRedirect(_next_url(request))
    device = totp_device_confirmed(user)
    if device is None:
        return redirect(_with_next("otp-setup", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = totp_verify(user=user, device=device, token=form.cleaned_data["code"])  # type: ignore[arg-type]
        if check.device is not None:
            return _complete_login(request, check.device)
        form.add_error("code", _refusal(check))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": _next_url(request)})


@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Set up TOTP: scan the QR code (or type the secret) into an app, then confirm with its first code."""
    user = request.user
    if totp_device_confirmed(user) is not None:
        if not second_factor_passed(user):
            # Replacing a device takes passing the current one (or an administrator removing it).
            return redirect(_with_next("otp-verify", request))
        return render(request, "accounts/otp_setup.html", {"done": True})
    device = totp_device_start(user=user)  # type: ignore[arg-type]
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check = totp_device_confirm(device=device, token=form.cleaned_data["code"])
        if check.device is not None:
            return _complete_login(request, check.device)
        form.add_error("code", _refusal(check))
    secret = base64.b32encode(device.bin_key).decode()
    # segno writes the SVG from the otpauth URL alone; nothing user-typed goes into it.
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_svg": mark_safe(qr_svg),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "required": second_factor_required(user),
    }
    return render(request, "accounts/otp_setup.html", context)


class _LockedOutForm(AuthenticationForm):
    """An empty login form that shows the lock-out (it must not be bound: that would try the password again)."""

    def __init__(self, request: HttpRequest, *, message: str, **kwargs: Any) -> None:
        super().__init__(request, **kwargs)
        self.message = message

    def non_field_errors(self) -> Any:
        return self.error_class([self.message], error_class="nonfield", renderer=self.renderer)


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """django-axes' lock-out answer (AXES_LOCKOUT_CALLABLE): the login page again, saying for how long."""
    username = str((credentials or {}).get("username") or request.POST.get("username", ""))
    minutes = login_lock_minutes_left(username=username, ip_address=getattr(request, "axes_ip_address", None))
    message = ngettext(
        "Too many failed logins: the account is locked for %(minutes)d minute. Try again later.",
        "Too many failed logins: the account is locked for %(minutes)d minutes. Try again later.",
        minutes,
    ) % {"minutes": minutes}
    form = _LockedOutForm(request, message=message, initial={"username": username})
    next_url = request.POST.get("next", "")
    if next_url and not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    return render(request, "web/login.html", {"form": form, "next": next_url}, status=429)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The page a one-time link opens: set a new password, once."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password-reset-complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        password_reset_completed(user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
