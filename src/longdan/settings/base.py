"""Settings shared by every environment. Values come from the environment; a bad value fails loudly."""

import base64
import hashlib
from datetime import timedelta
from pathlib import Path

import environ
from django.utils.csp import CSP
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
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Background tasks (report files) in the database, run by `longdan db_worker`.
    "django_tasks_db",
    "longdan.core",
    "longdan.rollup",
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
    "longdan.reports",
    "longdan.privacy",
    "longdan.web",
    "longdan.api",
    # django-ninja: in INSTALLED_APPS so its docs page uses its bundled Swagger UI files, not a CDN.
    "ninja",
    "longdan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "longdan.core.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session passed the second factor?
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "longdan.audit.context.AuditContextMiddleware",
    "longdan.accounts.middleware.SessionActivityMiddleware",
    # After the audit context, so a refused page still knows who asked; before axes, which must be last.
    "longdan.accounts.middleware.SecondFactorMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
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
        # No JIT: the indicator queries look costly to the planner (a subquery per household), and
        # compiling them took 4.2 of the 5.0 s of the national cadence count (100,000 households).
        db["OPTIONS"] = {"options": "-c jit=off"}
    else:
        raise environ.ImproperlyConfigured(f"DATABASE_URL: unsupported database engine {db['ENGINE']}")
    return db


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out user or address is refused before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Argon2id first; the others stay so that a hash made by them still checks (and is upgraded at login).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Day first in every language (01/03/2025 is 1 March), in forms and the admin alike.
FORMAT_MODULE_PATH = ["longdan.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"

# Generated report files. Never served as they are: the reports app's download view checks who asks.
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"

# Django's tasks framework with the database backend (django-tasks-db): a report is queued in the
# same transaction as its ReportRequest and run by `longdan db_worker` (started by `make run`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def derive_key(secret: str) -> str:
    """A Fernet key from any secret string: for local and test settings only."""
    return base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()).decode()


# Keys for data encrypted at rest (tip sources), comma-separated; the first encrypts. See core/crypto.py.
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS", default=[])

# Sessions end after SESSION_COOKIE_AGE seconds *without a request*, the same for every role:
# accounts.middleware.SessionActivityMiddleware pushes the expiry on as the user works (saving
# the session at most every SESSION_ACTIVITY_REFRESH seconds). Eight idle hours cover a working
# day in the field (a visit logged in the morning, the next in the afternoon, on a phone where
# typing a password is slow) while a PC left logged in overnight is logged out by morning.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_ACTIVITY_REFRESH = 300
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Lock-out (django-axes): five failed logins within the cool-off time lock the username, and
# separately the address they came from, for that time. Attempts while locked are refused
# even with the right password and do not extend the lock, so it ends COOLOFF after it began.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "longdan.accounts.views.lockout_response"
# Our audit trail records every login, failure and lock-out; axes keeps only what it needs to count.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Second factor (django-otp, TOTP). Which roles must use it: accounts.selectors.second_factor_required.
OTP_TOTP_ISSUER = "Lòng Dân"
# Each wrong code doubles the wait before the next one is checked (1, 2, 4 … seconds).
OTP_TOTP_THROTTLE_FACTOR = 1
# The admin lists and removes devices (a lost phone) but never shows a key or its QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# `longdan otp_code` prints the current code of the demo accounts; production settings turn it off.
LONGDAN_DEMO_SECOND_FACTOR = True

# Personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP); see longdan/privacy/models.py and retention.py.
# Days to answer a data-subject request, per kind: 72 hours each by default (request_due_on says why).
LONGDAN_PRIVACY_REQUEST_DAYS = {
    "access": env.int("LONGDAN_PRIVACY_ACCESS_DAYS", default=3),
    "correction": env.int("LONGDAN_PRIVACY_CORRECTION_DAYS", default=3),
    "deletion": env.int("LONGDAN_PRIVACY_DELETION_DAYS", default=3),
}
# Years a closed record keeps its personal text before `longdan retention --apply` anonymises it,
# counted from its closing: petitions closed, rejected or withdrawn; consents withdrawn; requests
# done or refused. The rows stay (indicators count them); only their free text is replaced.
LONGDAN_RETENTION_YEARS = {
    "petition": env.int("LONGDAN_RETENTION_PETITION_YEARS", default=5),
    "consent": env.int("LONGDAN_RETENTION_CONSENT_YEARS", default=5),
    "request": env.int("LONGDAN_RETENTION_REQUEST_YEARS", default=3),
}
# Days a generated report file (reports.ReportRequest.file) is kept, counted from its generation;
# after that `longdan retention --apply` deletes the file and the reports page says so. The request
# row stays. 400 days: a year's reports can still be downloaded when the next year's are compared.
LONGDAN_REPORT_FILE_DAYS = env.int("LONGDAN_REPORT_FILE_DAYS", default=400)

# A one-time password link made by an administrator works once, and for this long (seconds).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=24 * 3600)

# Content Security Policy: scripts and styles only from our own static files, no inline
# script, no eval (htmx is told not to use it in base.html), no framing.
SECURE_CSP: dict[str, list[str]] = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    # data: for the empty favicon in base.html.
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# The household map's tiles: a URL template such as "https://tiles.example.vn/{z}/{x}/{y}.png".
# Empty (the default): no tiles, the points on a blank background — stations have poor links.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="")
if MAP_TILE_URL:
    # The tile server's origin (scheme and host) may serve images to the map page.
    _tile_origin = "/".join(MAP_TILE_URL.split("/")[:3]).replace("{s}.", "*.")
    SECURE_CSP["img-src"].append(_tile_origin)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
