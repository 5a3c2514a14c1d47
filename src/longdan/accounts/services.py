"""Writes about accounts: second-factor devices, one-time password links. Each writes its audit row."""

import base64
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import django_otp
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from longdan.audit.models import AuditAction, SystemReason
from longdan.audit.services import audit_record

from .models import User
from .selectors import second_factor_required, totp_device_pending

# The demo's command accounts share one published TOTP secret (as they share one password), so
# that anyone trying the demo can pass the second factor: `longdan otp_code <username>` prints
# the current code, or the secret can be typed into an authenticator app. Base32, 20 bytes.
DEMO_TOTP_SECRET = "LONGDANDEMOTOTPSECRETFORDEMOONLY"
DEMO_DEVICE_NAME = "demo"
DEMO_TOTP_KEY = base64.b32decode(DEMO_TOTP_SECRET).hex()


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of checking a second-factor code: the device that took it, or how long to wait."""

    device: TOTPDevice | None
    wait_until: datetime | None = None


def totp_device_start(*, user: User) -> TOTPDevice:
    """The device a set-up page shows: the one already started, or a new unconfirmed one with a fresh key."""
    return totp_device_pending(user) or TOTPDevice.objects.create(user=user, name="default", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str) -> CodeCheck:
    """Finish set-up with a first code from the new device; on success it becomes the user's only device."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    allowed, info = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(device=None, wait_until=(info or {}).get("locked_until"))
    if not device.verify_token(token):
        audit_record(
            actor=device.user,
            action=AuditAction.LOGIN_FAILED,
            obj=device.user,
            reason=SystemReason.WRONG_SETUP_CODE,
        )
        return CodeCheck(device=None)
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    audit_record(
        actor=device.user,
        action=AuditAction.UPDATE,
        obj=device.user,
        changes={"after": {"second_factor": "TOTP device set up"}},
    )
    return CodeCheck(device=device)


def totp_verify(*, user: User, device: TOTPDevice, token: str) -> CodeCheck:
    """Check a login code. django-otp slows down guessing: each wrong code doubles the wait before the next."""
    allowed, info = device.verify_is_allowed()
    if not allowed:
        audit_record(actor=user, action=AuditAction.LOGIN_FAILED, obj=user, reason=SystemReason.THROTTLED)
        return CodeCheck(device=None, wait_until=(info or {}).get("locked_until"))
    verified = django_otp.verify_token(user, device.persistent_id, token)
    if verified is None:
        audit_record(
            actor=user, action=AuditAction.LOGIN_FAILED, obj=user, reason=SystemReason.WRONG_SECOND_FACTOR
        )
        return CodeCheck(device=None)
    audit_record(actor=user, action=AuditAction.LOGIN, obj=user, reason=SystemReason.SECOND_FACTOR)
    return CodeCheck(device=verified)


def demo_totp_device_ensure(*, user: User) -> TOTPDevice:
    """Give a demo account the published demo device (and no other, so the printed code is the one asked)."""
    device, _created = TOTPDevice.objects.update_or_create(
        user=user, name=DEMO_DEVICE_NAME, defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
    )
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return device


def demo_second_factor_ensure(*, usernames: Iterable[str]) -> list[str]:
    """Demo devices for those of `usernames` whose role needs a second factor; returns their usernames, in order.

    Idempotent: `longdan demo` calls it every time it prints the logins.
    """
    wanted = list(usernames)
    users = {user.username: user for user in User.objects.filter(username__in=wanted)}
    done = []
    for username in wanted:
        user = users.get(username)
        if user is not None and second_factor_required(user):
            demo_totp_device_ensure(user=user)
            done.append(username)
    return done


def is_demo_device(device: TOTPDevice) -> bool:
    """A confirmed device carrying the published demo key: its codes are no secret."""
    return device.confirmed and device.name == DEMO_DEVICE_NAME and device.key.lower() == DEMO_TOTP_KEY


def password_reset_link_create(*, user: User, acting_user: Any) -> str:
    """A one-time link (path) for `user` to set a new password, made by an administrator to hand over.

    Django's token covers the password hash and the last login, so the link stops working once
    used (or once the user logs in); it also expires after PASSWORD_RESET_TIMEOUT seconds.
    """
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    audit_record(
        actor=acting_user,
        action=AuditAction.UPDATE,
        obj=user,
        reason=SystemReason.PASSWORD_LINK_ISSUED,
        changes={"valid_hours": round(settings.PASSWORD_RESET_TIMEOUT / 3600, 1)},
    )
    return reverse("password-reset-confirm", kwargs={"uidb64": uidb64, "token": token})


def password_reset_completed(*, user: User) -> None:
    """After a new password was set through a link: audit it, and lift a lock-out on the username."""
    audit_record(actor=user, action=AuditAction.UPDATE, obj=user, reason=SystemReason.PASSWORD_SET_BY_LINK)
    axes_reset(username=user.get_username())
