"""Settings shared by every environment. Values come from the environment; a bad value fails loudly."""

import base64
import hashlib
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The repository root when installed in editable mode; var/ lives beside src/.
PROJECT_DIR = PACKAGE_DIR.parent.parent


class StrictEnv(environ.Env):
    """django-environ, but a value that is not clearly true or false stops the start instead of meaning False."""

    _TRUE = {"1", "true", "yes", "on", "y"}
    _FALSE = {"0", "false", "no", "off", "n", ""}

    def bool(self, var: str, default: object = environ.Env.NOTSET) -> bool:
        raw = self.str(var, default=None if default is environ.Env.NOTSET else str(default))
        if raw is None:
            raise environ.ImproperlyConfigured(f"Set the {var} environment variable")
        if raw.strip().lower() in self._TRUE:
            return True
        if raw.strip().lower() in self._FALSE:
            return False
        raise environ.ImproperlyConfigured(f"{var}={raw!r} is not a yes/no value (use true or false)")

    def int(self, var: str, default: object = environ.Env.NOTSET) -> int:
        try:
            return super().int(var, default=default)
        except ValueError as exc:
            raise environ.ImproperlyConfigured(f"{var}={self.str(var)!r} is not a whole number") from exc


env = StrictEnv()
DATA_DIR = Path(env.str("LONGDAN_DATA_DIR", default=str(PROJECT_DIR / "var")))

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "longdan.core",
    "longdan.audit",
    "longdan.accounts",
    "longdan.geo",
    "longdan.org",
    "longdan.people",
    "longdan.households",
    "longdan.assignments",
    "longdan.fieldwork",
    "longdan.intel",
    "longdan.support",
    "longdan.cases",
    "longdan.web",
    "longdan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "longdan.audit.context.AuditContextMiddleware",
]

ROOT_URLCONF = "longdan.urls"
WSGI_APPLICATION = "longdan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]


def _database() -> dict:
    url = env.str("DATABASE_URL", default="")
    if not url:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{DATA_DIR / 'longdan.sqlite3'}"
    db = environ.Env.db_url_config(url)
    if db["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers go on while one writer writes; IMMEDIATE avoids
        # "database is locked" when two requests upgrade a read to a write.
        db["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            "transaction_mode": "IMMEDIATE",
        }
    elif db["ENGINE"] == "django.db.backends.postgresql":
        db["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
        db["CONN_HEALTH_CHECKS"] = True
    else:
        raise environ.ImproperlyConfigured(f"DATABASE_URL: unsupported database engine {db['ENGINE']}")
    return db


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"


def derive_key(secret: str) -> str:
    """A Fernet key from any secret string: for local and test settings only."""
    return base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()).decode()


# Keys for data encrypted at rest (tip sources), comma-separated; the first encrypts. See core/crypto.py.
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[])

# Field work happens on cheap phones: keep a session for a working day.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=12 * 3600)
