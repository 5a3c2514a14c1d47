"""Settings for the test suite: SQLite by default, PostgreSQL when DATABASE_URL says so."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "longdan-test-key"
ALLOWED_HOSTS = ["*"]
# Hashing strength is not what the tests check; speed is welcome.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Test databases are flushed between transactional tests; the audit triggers would refuse that.
LONGDAN_AUDIT_TRIGGERS = False
