"""Brute force: five failed logins lock the username and the address; the lock holds even for the right password."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.urls import reverse

from longdan.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db

RIGHT = "secret-pass-123"  # the world's users' password


def login(client, password, username="commander-a", **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def logged_in(client):
    return "_auth_user_id" in client.session


def rows(action):
    return AuditEntry.objects.filter(action=action).count()


def lock_ends_early(minutes):
    """Move the recorded failures into the past, as if `minutes` had gone by."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=minutes))


def test_the_sixth_attempt_is_refused_and_so_is_the_right_password_until_the_lock_ends(client, world):
    for _ in range(4):
        response = login(client, "wrong")
        assert response.status_code == 200
    # The fifth failure reaches the limit: the answer already says the account is locked.
    assert login(client, "wrong").status_code == 429
    assert login(client, "wrong").status_code == 429
    response = login(client, RIGHT)
    assert response.status_code == 429
    assert not logged_in(client)

    lock_ends_early(minutes=16)
    response = login(client, RIGHT)
    assert response.status_code == 302
    assert logged_in(client)


def test_the_right_password_right_after_five_failures_is_refused(client, world):
    for _ in range(5):
        login(client, "wrong")
    assert login(client, RIGHT).status_code == 429
    assert not logged_in(client)


def test_the_login_page_says_in_vietnamese_for_how_long(client, world):
    for _ in range(5):
        response = login(client, "wrong")
    assert "Đăng nhập sai quá nhiều lần" in response.text
    assert " 15 phút" in response.text
    assert 'name="username"' in response.text
    lock_ends_early(minutes=10)
    assert " 5 phút" in login(client, RIGHT).text


def test_four_failures_do_not_lock(client, world):
    for _ in range(4):
        login(client, "wrong")
    assert login(client, RIGHT).status_code == 302


def test_a_success_clears_the_count(client, world):
    for _ in range(4):
        login(client, "wrong")
    login(client, RIGHT)
    client.post(reverse("logout"))
    for _ in range(4):
        login(client, "wrong")
    assert login(client, RIGHT).status_code == 302


def test_the_username_is_locked_whatever_the_address(client, world):
    for _ in range(5):
        login(client, "wrong", REMOTE_ADDR="203.0.113.7")
    assert login(client, RIGHT, REMOTE_ADDR="198.51.100.9").status_code == 429


def test_the_address_is_locked_whatever_the_username(client, world):
    for username in ["commander-b", "province", "liaison-a", "liaison-b", "nobody"]:
        login(client, "wrong", username=username, REMOTE_ADDR="203.0.113.7")
    assert login(client, RIGHT, username="member-a", REMOTE_ADDR="203.0.113.7").status_code == 429
    # Another address is not held back by them.
    assert login(client, RIGHT, username="member-a", REMOTE_ADDR="198.51.100.9").status_code == 302


def test_each_login_failure_and_lockout_leaves_one_audit_row(client, world):
    login(client, "wrong")
    assert (rows(AuditAction.LOGIN_FAILED), rows(AuditAction.LOCKOUT)) == (1, 0)
    failed = AuditEntry.objects.get(action=AuditAction.LOGIN_FAILED)
    assert failed.object_repr == "commander-a"
    assert failed.object_id == str(world.commander_a.pk)
    assert failed.ip == "127.0.0.1"
    assert failed.actor is None

    for _ in range(4):
        login(client, "wrong")
    # The fifth failure is one failed-login row and the start of the lock one lock-out row.
    assert (rows(AuditAction.LOGIN_FAILED), rows(AuditAction.LOCKOUT)) == (5, 1)
    lockout = AuditEntry.objects.get(action=AuditAction.LOCKOUT)
    assert lockout.object_id == str(world.commander_a.pk)
    assert "5 failed logins" in lockout.reason

    # Refused while locked: a failed login each, no new lock-out.
    login(client, "wrong")
    login(client, RIGHT)
    assert (rows(AuditAction.LOGIN_FAILED), rows(AuditAction.LOCKOUT)) == (7, 1)
    assert (
        AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED, reason="refused: locked out").count() == 2
    )
    assert rows(AuditAction.LOGIN) == 0

    lock_ends_early(minutes=16)
    login(client, RIGHT)
    assert (rows(AuditAction.LOGIN), rows(AuditAction.LOGIN_FAILED), rows(AuditAction.LOCKOUT)) == (1, 7, 1)
    entry = AuditEntry.objects.get(action=AuditAction.LOGIN)
    assert entry.actor == world.commander_a
    assert entry.ip == "127.0.0.1"


def test_a_failed_login_for_an_unknown_name_is_recorded_as_typed(client, world):
    login(client, "wrong", username="<b>khong-co</b>")
    entry = AuditEntry.objects.get(action=AuditAction.LOGIN_FAILED)
    assert (entry.object_repr, entry.object_id) == ("<b>khong-co</b>", "")
