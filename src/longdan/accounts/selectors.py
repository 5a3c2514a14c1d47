"""Reads about accounts: who must pass a second factor, and with which device."""

import math
from datetime import timedelta
from typing import Any

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.db.models import Max, Q
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from longdan.core.scoping import get_scope

from .models import Role

# Roles whose holders see many households (or the whole system): a stolen password alone must
# not open them. Field members and commune liaisons may add a second factor if they wish.
SECOND_FACTOR_ROLES = frozenset(
    {Role.STATION_COMMAND, Role.TEAM_LEAD, Role.PROVINCE_COMMAND, Role.HQ, Role.ADMIN}
)


def second_factor_required(user: Any) -> bool:
    """Whether `user` must pass a TOTP code before any page: command, HQ and admin roles, and admin-site staff."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return bool(get_scope(user).roles & SECOND_FACTOR_ROLES)


def second_factor_passed(user: Any) -> bool:
    """Whether this request's session has passed a code (django-otp's middleware sets `otp_device`)."""
    return getattr(user, "otp_device", None) is not None


def totp_device_confirmed(user: Any) -> TOTPDevice | None:
    """The TOTP device `user` logs in with, once set up (a code from it has been checked)."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def totp_device_pending(user: Any) -> TOTPDevice | None:
    """A device whose set-up was started (QR shown) but not finished with a first code."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()


def login_lock_minutes_left(*, username: str, ip_address: str | None) -> int:
    """Whole minutes (at least one) until a login lock on this username or address lifts.

    A lock begins at the failure that reached the limit and, as configured, is not extended by
    the attempts it refuses, so it ends one cool-off after the latest counted failure.
    """
    cool_off = get_cool_off() or timedelta(0)
    matches = Q(username=username) if username else Q(pk__in=[])
    if ip_address:
        matches |= Q(ip_address=ip_address)
    last = AccessAttempt.objects.filter(matches).aggregate(last=Max("attempt_time"))["last"]
    left = (last + cool_off - timezone.now()) if last is not None else cool_off
    return max(1, math.ceil(left.total_seconds() / 60))
