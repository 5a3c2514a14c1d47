"""How the API knows who asks: the Django session of the web app, with CSRF on unsafe methods.

The pages (htmx, the offline visit form) call the API from the same origin with the
session cookie they already have, so no second credential exists to leak or to revoke.
A command role that owes a second factor is stopped by accounts' SecondFactorMiddleware
before any view runs; the check is repeated here so that an API request is never
answered for a half-logged-in session, whatever the middleware's list of open URLs says.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security.apikey import APIKeyCookie
from ninja.utils import check_csrf

from longdan.accounts.selectors import second_factor_passed, second_factor_required


class SessionAuth(APIKeyCookie):
    """ninja's `django_auth`, but "who are you" comes before the CSRF check.

    An anonymous POST then answers 401 (log in) rather than 403 (bad token), and the CSRF
    refusal speaks the user's language.
    """

    param_name: str = settings.SESSION_COOKIE_NAME

    def __init__(self) -> None:
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        if not user.is_authenticated:
            return None
        if second_factor_required(user) and not second_factor_passed(user):
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request) is not None:
            raise HttpError(403, _("The request is missing its security token (CSRF). Reload the page."))
        return user


session_auth = SessionAuth()
