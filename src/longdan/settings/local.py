"""Settings for a developer's machine and the embedded demo (`make run`)."""

from .base import *  # noqa: F403
from .base import FIELD_ENCRYPTION_KEYS, derive_key, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="longdan-local-development-key-not-for-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

# A fixed development key; production reads FIELD_ENCRYPTION_KEYS from the environment.
if not FIELD_ENCRYPTION_KEYS:
    FIELD_ENCRYPTION_KEYS = [derive_key(SECRET_KEY)]
