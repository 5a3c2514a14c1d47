"""No page for a user who owes a second factor until they pass it; sessions that end after idle time."""

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django_htmx.http import HttpResponseClientRedirect

from .selectors import second_factor_passed, second_factor_required, totp_device_confirmed

# Pages a half-logged-in user needs to finish (or abandon) logging in, and to read them in their language.
OPEN_URL_NAMES = frozenset(
    {
        "login",
        "logout",
        "otp-verify",
        "otp-setup",
        "set_language",
        "password-reset-confirm",
        "password-reset-complete",
    }
)
# Session flag set at login for a user (a field member, say) who chose to set up a device:
# their second factor is then asked too, without a device query on every request.
ENROLLED_SESSION_KEY = "longdan_second_factor_enrolled"


class SecondFactorMiddleware:
    """Sends a logged-in, unverified user who needs a second factor to the code page (or the set-up page).

    Applies to every URL — pages, the Django admin, the API, htmx fragments — except the few
    that finishing a login needs. Runs after django-otp's OTPMiddleware, which tells whether
    this session has passed a code.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not second_factor_passed(user)
            and not self._is_open(request)
            and (request.session.get(ENROLLED_SESSION_KEY) or second_factor_required(user))
        ):
            return self._send_to_second_factor(request)
        return self.get_response(request)

    @staticmethod
    def _is_open(request: HttpRequest) -> bool:
        if settings.STATIC_URL and request.path_info.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return True
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.url_name in OPEN_URL_NAMES

    @staticmethod
    def _send_to_second_factor(request: HttpRequest) -> HttpResponse:
        name = "otp-verify" if totp_device_confirmed(request.user) else "otp-setup"
        url = reverse(name)
        # Come back to the page asked for; after a POST (its data is lost anyway) go home instead.
        if request.method == "GET" and not getattr(request, "htmx", False):
            url += "?" + urlencode({"next": request.get_full_path()})
        if getattr(request, "htmx", False):
            # A fragment request must not swap the code page into a corner of the page: reload fully.
            return HttpResponseClientRedirect(url)
        return HttpResponseRedirect(url)


# When the session's idle clock was last pushed on (Unix seconds).
ACTIVITY_SESSION_KEY = "longdan_active_at"


def session_mark_active(session: Any) -> None:
    session[ACTIVITY_SESSION_KEY] = int(time.time())


class SessionActivityMiddleware:
    """Makes SESSION_COOKIE_AGE an idle timeout, with a write every few minutes instead of on every request.

    Django pushes a session's expiry on only when it saves it; SESSION_SAVE_EVERY_REQUEST would
    write the session row on every page and fragment (on SQLite, a write lock each time). Here
    a logged-in user's session is saved when its last refresh is older than
    SESSION_ACTIVITY_REFRESH seconds, so it ends between SESSION_COOKIE_AGE minus that and
    SESSION_COOKIE_AGE after the last request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            last = request.session.get(ACTIVITY_SESSION_KEY, 0)
            if time.time() - last >= settings.SESSION_ACTIVITY_REFRESH:
                session_mark_active(request.session)
        return self.get_response(request)
