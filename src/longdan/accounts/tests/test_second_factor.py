"""The second factor: command, HQ and admin roles reach no page before a TOTP code; members are not asked."""

import time

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from longdan.audit.models import AuditAction, AuditEntry
from longdan.testing.auth import first_factor_login, totp_code, totp_device_for, verified_login

pytestmark = pytest.mark.django_db

VERIFY = reverse("otp-verify")
SETUP = reverse("otp-setup")


def pages(world):
    return [
        reverse("home"),
        reverse("household-list"),
        reverse("household-detail", args=[world.household_a.pk]),
        "/admin/",
        "/admin/accounts/user/",
        # No API yet: the rule holds for any URL, one that does not exist included.
        "/api/v1/households/",
    ]


@pytest.mark.parametrize("who", ["commander_a", "province_user", "admin_user"])
def test_an_unverified_command_user_is_sent_to_the_code_page_from_every_page(client, world, who):
    user = getattr(world, who)
    totp_device_for(user)
    first_factor_login(client, user)
    for url in pages(world):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == f"{VERIFY}?next={url.replace('/', '%2F')}", url


def test_without_a_device_it_is_the_set_up_page(client, world):
    first_factor_login(client, world.commander_a)
    response = client.get(reverse("home"))
    assert response.url == f"{SETUP}?next=%2F"


def test_an_htmx_request_reloads_the_whole_page_to_the_code_page(client, world):
    totp_device_for(world.commander_a)
    first_factor_login(client, world.commander_a)
    response = client.get(reverse("household-list"), {"q": "sa vong"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"] == VERIFY
    assert "Sà Vọng" not in response.text


def test_a_post_is_refused_too(client, world):
    totp_device_for(world.commander_a)
    first_factor_login(client, world.commander_a)
    response = client.post(reverse("household-list"))
    assert response.status_code == 302
    assert response.url == VERIFY


def test_a_valid_code_opens_the_pages(client, world):
    device = totp_device_for(world.commander_a)
    first_factor_login(client, world.commander_a)
    assert client.get(VERIFY).status_code == 200
    response = client.post(VERIFY, {"code": totp_code(device), "next": reverse("household-list")})
    assert response.status_code == 302
    assert response.url == reverse("household-list")
    for url in pages(world)[:3]:
        assert client.get(url).status_code == 200, url
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN, reason="second factor").count() == 1


def test_a_wrong_code_is_refused_and_recorded(client, world):
    device = totp_device_for(world.commander_a)
    first_factor_login(client, world.commander_a)
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert 'role="alert"' in response.text
    assert client.get(reverse("home")).status_code == 302
    entry = AuditEntry.objects.get(action=AuditAction.LOGIN_FAILED)
    assert (entry.actor, entry.reason) == (world.commander_a, "wrong second-factor code")


def test_wrong_codes_slow_down_the_next_try(client, world):
    device = totp_device_for(world.commander_a)
    first_factor_login(client, world.commander_a)
    client.post(VERIFY, {"code": "000000" if totp_code(device) != "000000" else "111111"})
    # Even the right code waits out the throttle after a wrong one.
    response = client.post(VERIFY, {"code": totp_code(device)})
    assert response.status_code == 200
    assert client.get(reverse("home")).status_code == 302


def test_a_code_works_once(client, world):
    device = totp_device_for(world.commander_a)
    code = totp_code(device)
    first_factor_login(client, world.commander_a)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post(reverse("logout"))
    first_factor_login(client, world.commander_a)
    device.refresh_from_db()
    assert client.post(VERIFY, {"code": code}).status_code == 200


def test_the_whole_login_through_both_pages(client, world):
    device = totp_device_for(world.commander_a)
    target = reverse("household-detail", args=[world.household_a.pk])
    response = client.post(
        reverse("login"), {"username": "commander-a", "password": "secret-pass-123", "next": target}
    )
    assert response.url == target
    response = client.get(target)
    assert response.url == f"{VERIFY}?next={target.replace('/', '%2F')}"
    page = client.get(response.url)
    assert f'value="{target}"' in page.text
    response = client.post(VERIFY, {"code": totp_code(device), "next": target})
    assert response.url == target
    assert client.get(target).status_code == 200


def test_the_next_address_must_stay_on_the_site(client, world):
    device = totp_device_for(world.commander_a)
    first_factor_login(client, world.commander_a)
    response = client.post(VERIFY, {"code": totp_code(device), "next": "https://evil.example/"})
    assert response.url == reverse("home")


@pytest.mark.parametrize("who", ["member_user", "liaison_a"])
def test_a_member_or_liaison_is_not_asked(client, world, who):
    first_factor_login(client, getattr(world, who))
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("household-list")).status_code == 200


def test_a_member_who_chose_a_device_is_asked_for_it(client, world):
    totp_device_for(world.member_user)
    client.post(reverse("login"), {"username": "member-a", "password": "secret-pass-123"})
    assert client.get(reverse("home")).url == f"{VERIFY}?next=%2F"


def test_the_pages_that_finish_a_login_stay_open(client, world):
    totp_device_for(world.commander_a)
    first_factor_login(client, world.commander_a)
    assert client.get(VERIFY).status_code == 200
    assert client.post(reverse("set_language"), {"language": "en", "next": VERIFY}).url == VERIFY
    response = client.post(reverse("logout"))
    assert response.url == reverse("login")
    assert "_auth_user_id" not in client.session


def test_set_up_shows_a_qr_code_and_the_key_then_takes_the_first_code(client, world):
    first_factor_login(client, world.commander_a)
    page = client.get(SETUP, {"next": reverse("household-list")})
    assert page.status_code == 200
    assert "<svg" in page.text
    device = TOTPDevice.objects.get(user=world.commander_a, confirmed=False)
    assert page.context["secret_groups"][0] in page.text
    # The page is shown again (a reload, a slow link): the same key, not a new one.
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=world.commander_a).count() == 1

    response = client.post(SETUP, {"code": totp_code(device), "next": reverse("household-list")})
    assert response.url == reverse("household-list")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("home")).status_code == 200
    assert AuditEntry.objects.filter(action=AuditAction.UPDATE, object_id=str(world.commander_a.pk)).exists()


def test_set_up_refuses_a_wrong_first_code(client, world):
    first_factor_login(client, world.commander_a)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "12345"})
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=world.commander_a, confirmed=True).exists()


def test_a_device_cannot_be_replaced_without_passing_it(client, world):
    totp_device_for(world.commander_a)
    first_factor_login(client, world.commander_a)
    assert client.get(SETUP).url == VERIFY
    assert client.post(SETUP, {"code": "123456"}).url == VERIFY
    assert TOTPDevice.objects.filter(user=world.commander_a).count() == 1


def test_a_member_may_set_up_a_device(client, world):
    first_factor_login(client, world.member_user)
    page = client.get(SETUP)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=world.member_user)
    assert client.post(SETUP, {"code": totp_code(device)}).url == reverse("home")


def test_the_suite_helper_logs_in_past_the_second_factor(client, world):
    verified_login(client, world.commander_a)
    assert client.get(reverse("home")).status_code == 200
    assert client.get("/admin/").status_code == 302  # not staff: the admin's own login, not ours
    verified_login(client, world.admin_user)
    assert client.get("/admin/").status_code == 200


def test_a_code_from_the_previous_step_is_still_taken(client, world):
    """Phones' clocks drift: one step of tolerance either way."""
    device = totp_device_for(world.commander_a)
    first_factor_login(client, world.commander_a)
    assert client.post(VERIFY, {"code": totp_code(device, at=time.time() - device.step)}).status_code == 302
