"""Logging in from tests: with both factors (what most tests want), or with the password only.

Command, HQ and administrator roles must pass a TOTP code before any page. A test about
something else logs them in with `verified_login(client, user)` — or simply with
`client.force_login(user)` on the suite's `client` / `admin_client` fixtures, whose
LongdanClient does the same. Tests of the second factor itself start from
`first_factor_login(client, user)`, the state right after the password page.
"""

from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from longdan.accounts.selectors import second_factor_required, totp_device_confirmed


def totp_device_for(user: Any) -> TOTPDevice:
    """The user's confirmed TOTP device; one is made if they have none."""
    return totp_device_confirmed(user) or TOTPDevice.objects.create(user=user, name="test", confirmed=True)


def totp_code(device: TOTPDevice, *, at: float | None = None, steps: int = 0) -> str:
    """The code the user's app shows now (or at Unix time `at`), `steps` time steps later."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift + steps)
    if at is not None:
        totp.time = at
    return f"{totp.token():0{device.digits}d}"


def first_factor_login(client: Client, user: Any) -> None:
    """Logged in with the password only, second factor not yet passed."""
    Client.force_login(client, user)


def verified_login(client: Client, user: Any, backend: str | None = None) -> None:
    """Logged in with both factors, as after the login page and the code page.

    Users whose role needs a second factor get a confirmed device if they have none; a user
    who set one up by choice is verified with it too.
    """
    Client.force_login(client, user, backend)
    required = second_factor_required(user)
    # get_scope() caches the scope on the user object; a test may change the grants afterwards.
    vars(user).pop("_longdan_scope", None)
    device = totp_device_for(user) if required else totp_device_confirmed(user)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


class LongdanClient(Client):
    """Django's test client whose force_login stands for a complete login, second factor included."""

    def force_login(self, user: Any, backend: str | None = None) -> None:
        verified_login(self, user, backend)
