"""Settings for the test suite: SQLite by default, PostgreSQL when DATABASE_URL says so."""

from .base import *  # noqa: F403
from .base import derive_key

DEBUG = False
SECRET_KEY = "longdan-test-key"
ALLOWED_HOSTS = ["*"]
# Hashing strength is not what the tests check; speed is welcome.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Test databases are flushed between transactional tests; the audit triggers would refuse that.
LONGDAN_AUDIT_TRIGGERS = False

FIELD_ENCRYPTION_KEYS = [derive_key("longdan-test-field-key")]
