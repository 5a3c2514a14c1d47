"""`longdan otp_code <username>`: the current second-factor code of a demo account."""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django_otp.oath import TOTP

from longdan.accounts.models import User
from longdan.accounts.selectors import totp_device_confirmed
from longdan.accounts.services import DEMO_TOTP_SECRET, is_demo_device


class Command(BaseCommand):
    help = (
        "Print the current 6-digit code of a demo account's second factor (the demo's command and "
        "administrator logins ask for one). Only for devices carrying the published demo key; "
        "refused under production settings."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.LONGDAN_DEMO_SECOND_FACTOR:
            raise CommandError(_("otp_code is turned off in these settings (production)."))
        user = User.objects.filter(username=options["username"]).first()
        device = totp_device_confirmed(user) if user is not None else None
        if device is None or not is_demo_device(device):
            raise CommandError(
                _(
                    "%(username)s has no demo second-factor device: otp_code prints codes of demo accounts only."
                )
                % {"username": options["username"]}
            )
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = now = time.time()
        seconds_left = device.step - int(now - device.t0) % device.step
        self.stdout.write(f"{totp.token():0{device.digits}d}")
        if options["verbosity"] > 1:
            self.stderr.write(
                _("valid for %(seconds)d more seconds; demo secret %(secret)s")
                % {"seconds": seconds_left, "secret": DEMO_TOTP_SECRET}
            )
