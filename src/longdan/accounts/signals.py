"""Every login, failed login and lock-out goes into the audit trail: one row each.

Connected in AccountsConfig.ready(). django-axes' own receivers are connected first (axes
comes before our apps in INSTALLED_APPS), so by the time ours run, axes has marked the
request: `axes_locked_out`, and `axes_failures_since_start` (None when the attempt was
refused because the lock already held, without counting it).
"""

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from longdan.audit.models import AuditAction
from longdan.audit.services import audit_record

from .middleware import ENROLLED_SESSION_KEY, session_mark_active
from .selectors import totp_device_confirmed


def _refused_while_locked(request: HttpRequest | None) -> bool:
    return bool(
        getattr(request, "axes_locked_out", False)
        and getattr(request, "axes_failures_since_start", None) is None
    )


def _audit_attempt(*, action: str, username: str, reason: str) -> None:
    """One row about a login attempt on the account `username` names as typed (it may not exist)."""
    user_model = get_user_model()
    user = (
        user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username}).first()
        if username
        else None
    )
    audit_record(
        actor=None,
        action=action,
        reason=reason,
        object_type=user_model._meta.label_lower,
        object_id=str(user.pk) if user is not None else "",
        object_repr=username[:200],
    )


@receiver(user_logged_in, dispatch_uid="longdan_audit_login")
def audit_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    audit_record(actor=user, action=AuditAction.LOGIN, obj=user)
    if request is not None and hasattr(request, "session"):
        # Read once here so the middleware need not ask the database on every request.
        request.session[ENROLLED_SESSION_KEY] = totp_device_confirmed(user) is not None
        session_mark_active(request.session)


@receiver(user_login_failed, dispatch_uid="longdan_audit_login_failed")
def audit_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = str(credentials.get(get_user_model().USERNAME_FIELD) or "")
    reason = "refused: locked out" if _refused_while_locked(request) else "wrong username or password"
    _audit_attempt(action=AuditAction.LOGIN_FAILED, username=username, reason=reason)


@receiver(user_locked_out, dispatch_uid="longdan_audit_lockout")
def audit_lockout(
    sender: Any,
    request: HttpRequest | None = None,
    username: str | None = None,
    ip_address: str | None = None,
    **kwargs: Any,
) -> None:
    # axes sends this when a lock begins and again for each attempt it refuses while locked;
    # those refusals are already failed-login rows, so only the start of a lock is a lock-out row.
    if _refused_while_locked(request):
        return
    failures = getattr(request, "axes_failures_since_start", None)
    _audit_attempt(
        action=AuditAction.LOCKOUT,
        username=username or "",
        reason=f"locked after {failures} failed logins (address {ip_address or 'unknown'})",
    )
