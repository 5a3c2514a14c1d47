"""An administrator makes a one-time link; it sets a new password once, and dies after use or after its hours."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.test import Client
from django.urls import reverse

from longdan.accounts.services import password_reset_link_create
from longdan.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db

NEW = "Bien-phong-2026!"
CHANGELIST = reverse("admin:accounts_user_changelist")


def make_link(client, world, user):
    client.force_login(world.admin_user)
    response = client.post(CHANGELIST, {"action": "make_password_links", "_selected_action": [user.pk]})
    assert response.status_code == 200
    return re.search(r"<code>http://testserver(/account/password/[^<]+)</code>", response.text).group(1)


def set_password(link):
    """An anonymous browser following the link: Django moves the token into the session, then shows the form."""
    browser = Client()
    response = browser.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    return browser, response, form_url


def test_the_admin_action_shows_a_link_that_sets_the_password_once(client, world):
    link = make_link(client, world, world.commander_a)
    issued = AuditEntry.objects.get(action=AuditAction.UPDATE, reason="one-time password link issued")
    assert (issued.actor, issued.object_id) == (world.admin_user, str(world.commander_a.pk))

    browser, page, form_url = set_password(link)
    assert 'name="new_password1"' in page.text
    response = browser.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert response.url == reverse("password-reset-complete")
    world.commander_a.refresh_from_db()
    assert world.commander_a.check_password(NEW)
    assert AuditEntry.objects.filter(
        action=AuditAction.UPDATE, actor=world.commander_a, reason="password set through a one-time link"
    ).exists()

    # Used once: the same link now says it no longer works.
    _browser, again, _url = set_password(link)
    assert 'name="new_password1"' not in again.text
    assert 'role="alert"' in again.text


def test_the_new_password_logs_in(client, world):
    link = make_link(client, world, world.member_user)
    browser, _page, form_url = set_password(link)
    browser.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    response = Client().post(reverse("login"), {"username": "member-a", "password": NEW})
    assert response.status_code == 302


def test_a_link_expires(client, world, settings, monkeypatch):
    link = password_reset_link_create(user=world.member_user, acting_user=world.admin_user)
    later = PasswordResetTokenGenerator._now
    monkeypatch.setattr(
        PasswordResetTokenGenerator,
        "_now",
        lambda self: later(self) + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60),
    )
    _browser, page, _url = set_password(link)
    assert 'name="new_password1"' not in page.text


def test_a_new_password_lifts_a_lock_out(client, world):
    for _ in range(5):
        Client().post(reverse("login"), {"username": "member-a", "password": "wrong"})
    link = password_reset_link_create(user=world.member_user, acting_user=world.admin_user)
    browser, _page, form_url = set_password(link)
    browser.post(form_url, {"new_password1": NEW, "new_password2": NEW})
    assert Client().post(reverse("login"), {"username": "member-a", "password": NEW}).status_code == 302


def test_only_the_admin_site_makes_links(client, world):
    client.force_login(world.commander_a)
    response = client.post(
        CHANGELIST, {"action": "make_password_links", "_selected_action": [world.member_user.pk]}
    )
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(reason="one-time password link issued").exists()
