"""Web hardening: a Content Security Policy with no inline script, CSRF on every form and htmx request,
Argon2 passwords, and `check --deploy` clean under the production settings."""

import base64
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.test import Client
from django.urls import reverse

from longdan.settings import base

pytestmark = pytest.mark.django_db

TEMPLATES = sorted(Path(settings.PACKAGE_DIR).glob("*/templates/**/*.html"))


def test_every_page_carries_the_content_security_policy(client, world):
    client.force_login(world.commander_a)
    for url in [reverse("home"), reverse("household-list"), reverse("otp-setup")]:
        policy = client.get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "Content-Security-Policy" in Client().get(reverse("login"))


def test_pages_refuse_to_be_framed_or_sniffed(client):
    response = client.get(reverse("login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def without_comments(text):
    text = re.sub(r"\{#.*?#\}", "", text)
    return re.sub(r"\{% comment %\}.*?\{% endcomment %\}", "", text, flags=re.DOTALL)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(settings.PACKAGE_DIR)))
def test_no_template_has_inline_script_or_style(template):
    text = without_comments(template.read_text(encoding="utf-8"))
    for tag in re.findall(r"<script\b[^>]*>", text, flags=re.IGNORECASE):
        assert "src=" in tag, f"inline <script> in {template}"
    assert not re.search(r"\son[a-z]+\s*=", text, flags=re.IGNORECASE), f"an on…= handler in {template}"
    assert not re.search(r"\sstyle\s*=", text, flags=re.IGNORECASE), f"a style attribute in {template}"
    assert "<style" not in text.lower(), f"a <style> element in {template}"
    assert "javascript:" not in text.lower(), f"a javascript: URL in {template}"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(settings.PACKAGE_DIR)))
def test_every_post_form_carries_the_csrf_token(template):
    text = without_comments(template.read_text(encoding="utf-8"))
    for form in re.findall(r"<form\b[^>]*>.*?</form>", text, flags=re.IGNORECASE | re.DOTALL):
        if re.search(r"method\s*=\s*[\"']?post", form, flags=re.IGNORECASE):
            assert "{% csrf_token %}" in form, f"a POST form without {{% csrf_token %}} in {template}"


def test_rendered_pages_have_no_inline_script(client, world):
    client.force_login(world.member_user)
    for url in [
        reverse("home"),
        reverse("household-list"),
        reverse("household-detail", args=[world.household_a.pk]),
    ]:
        for tag in re.findall(r"<script\b[^>]*>", client.get(url).text):
            assert "src=" in tag


def test_htmx_requests_send_the_csrf_token_and_htmx_injects_no_style(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.member_user)
    page = browser.get(reverse("home")).text
    assert '"includeIndicatorStyles": false' in page
    token = re.search(r"""<body hx-headers='\{"X-CSRFToken": "([^"]+)"\}'>""", page).group(1)
    form = {"language": "vi", "next": "/"}
    assert browser.post(reverse("set_language"), form).status_code == 403
    assert browser.post(reverse("set_language"), form, headers={"X-CSRFToken": token}).status_code == 302


def test_passwords_are_hashed_with_argon2():
    # The test settings use a fast hasher; every other environment takes base's list.
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert Argon2PasswordHasher().encode("longdan-demo", "somesaltvalue1").startswith("argon2$argon2id$")


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    """In a fresh process, so the production settings are read from this environment and nothing else."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LONGDAN_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "longdan.settings.production",
        # Never connected to: check --deploy needs no database.
        "DATABASE_URL": "postgres://longdan:unused@127.0.0.1:9/longdan",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "longdan.example.org",
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
    }
    result = subprocess.run(
        [sys.executable, "-m", "longdan", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
