"""Sessions end after SESSION_COOKIE_AGE without a request; working pushes the end on (a write every few minutes)."""

import time
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from longdan.accounts.middleware import ACTIVITY_SESSION_KEY

pytestmark = pytest.mark.django_db


def stored(client):
    return Session.objects.get(session_key=client.session.session_key)


def test_an_idle_session_ends(client, world, settings):
    client.force_login(world.member_user)
    assert client.get(reverse("home")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get(reverse("home")).url.startswith(reverse("login"))


def test_a_request_after_a_few_minutes_pushes_the_end_on(client, world, settings):
    client.force_login(world.member_user)
    session = client.session
    session[ACTIVITY_SESSION_KEY] = int(time.time()) - settings.SESSION_ACTIVITY_REFRESH - 1
    session.save()
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    client.get(reverse("home"))
    left = stored(client).expire_date - timezone.now()
    assert left > timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_requests_close_together_do_not_write_the_session(client, world):
    client.force_login(world.member_user)
    before = stored(client).expire_date
    client.get(reverse("home"))
    assert stored(client).expire_date == before
