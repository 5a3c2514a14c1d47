"""Log in, log out, and the language switch."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_shows_the_login_page(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'name="username"' in response.text
    assert 'name="password"' in response.text


def test_it_logs_in_and_goes_home(client, world):
    response = client.post(reverse("login"), {"username": "member-a", "password": "secret-pass-123"})
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_it_goes_back_where_login_was_asked(client, world):
    target = reverse("household-detail", args=[world.household_a.pk])
    response = client.post(
        reverse("login"), {"username": "member-a", "password": "secret-pass-123", "next": target}
    )
    assert response.url == target


def test_it_refuses_a_wrong_password(client, world):
    response = client.post(reverse("login"), {"username": "member-a", "password": "wrong"})
    assert response.status_code == 200
    assert 'role="alert"' in response.text
    assert "_auth_user_id" not in client.session


def test_it_logs_out_by_post_only(client, world):
    client.force_login(world.member_user)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response.url == reverse("login")
    assert client.get(reverse("home")).status_code == 302


def test_a_logged_in_user_skips_the_login_page(client, world):
    client.force_login(world.member_user)
    assert client.get(reverse("login")).url == reverse("home")


def test_it_switches_the_language(client, world):
    client.force_login(world.member_user)
    page = client.get(reverse("home"))
    assert '<html lang="vi">' in page.text
    assert 'name="language" value="en"' in page.text
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("home")})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in client.get(reverse("home")).text
