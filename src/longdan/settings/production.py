"""Production settings: PostgreSQL through DATABASE_URL, secrets and hosts required."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, FIELD_ENCRYPTION_KEYS, env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("production settings need DATABASE_URL=postgres://…")
if not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "production settings need FIELD_ENCRYPTION_KEYS (Fernet keys, comma-separated)"
    )
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Sent only over HTTPS and under a name a plain-HTTP subdomain cannot set.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The CSP, X-Frame-Options DENY, nosniff and the referrer policy are in base.py: they hold everywhere.

# Never print a working second-factor code from the command line here.
LONGDAN_DEMO_SECOND_FACTOR = False
