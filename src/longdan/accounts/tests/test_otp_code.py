"""`longdan otp_code`: the current code of a demo device, and of nothing else."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from longdan.accounts.services import (
    DEMO_TOTP_KEY,
    DEMO_TOTP_SECRET,
    demo_second_factor_ensure,
    totp_verify,
)
from longdan.testing.auth import totp_device_for

pytestmark = pytest.mark.django_db


def otp_code(username):
    out = StringIO()
    call_command("otp_code", username, stdout=out)
    return out.getvalue().strip()


def test_demo_devices_go_to_the_roles_that_need_them_and_only_once(world):
    names = ["member-a", "commander-a", "liaison-a", "province", "admin", "nobody"]
    assert demo_second_factor_ensure(usernames=names) == ["commander-a", "province", "admin"]
    assert demo_second_factor_ensure(usernames=names) == ["commander-a", "province", "admin"]
    assert world.commander_a.totpdevice_set.get().key == DEMO_TOTP_KEY
    assert not world.member_user.totpdevice_set.exists()


def test_the_demo_secret_is_the_device_key_an_app_would_be_given(world):
    demo_second_factor_ensure(usernames=["commander-a"])
    assert f"secret={DEMO_TOTP_SECRET}" in world.commander_a.totpdevice_set.get().config_url


def test_it_prints_a_code_the_login_takes(world):
    demo_second_factor_ensure(usernames=["commander-a"])
    code = otp_code("commander-a")
    device = world.commander_a.totpdevice_set.get()
    assert totp_verify(user=world.commander_a, device=device, token=code).device == device


def test_a_demo_device_replaces_another(world):
    totp_device_for(world.commander_a)
    demo_second_factor_ensure(usernames=["commander-a"])
    assert world.commander_a.totpdevice_set.count() == 1


def test_it_refuses_a_real_device(world):
    totp_device_for(world.commander_a)
    with pytest.raises(CommandError, match="otp_code"):
        otp_code("commander-a")


def test_it_refuses_an_account_without_a_device(world):
    with pytest.raises(CommandError):
        otp_code("member-a")
    with pytest.raises(CommandError):
        otp_code("nobody")


def test_it_is_off_under_production_settings(world, settings):
    demo_second_factor_ensure(usernames=["commander-a"])
    settings.LONGDAN_DEMO_SECOND_FACTOR = False
    with pytest.raises(CommandError, match="otp_code"):
        otp_code("commander-a")
