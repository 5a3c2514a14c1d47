"""Where a request came from, for the audit rows written while it runs.

Services take `acting_user` explicitly; the address and path are request
details a service should not have to carry, so a middleware puts them here.
"""

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True)
class RequestInfo:
    ip: str | None
    path: str


_current: ContextVar[RequestInfo | None] = ContextVar("longdan_audit_request", default=None)


def current_request_info() -> RequestInfo | None:
    return _current.get()


class AuditContextMiddleware:
    """Remembers the client address and path of the request being served."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(RequestInfo(ip=request.META.get("REMOTE_ADDR") or None, path=request.path[:255]))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
