"""Settings for Community Outreach Manager, read from the environment.

One module for every environment. `.env.example` documents each variable.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

_INSECURE_KEY_PREFIX = "django-insecure-"
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG=false the app refuses to "
            "start without a real secret key (50+ random characters)."
        )
    SECRET_KEY = _INSECURE_KEY_PREFIX + "development-only-key-never-used-in-production"
elif not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith(_INSECURE_KEY_PREFIX)):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is too weak for production: use 50 or more random characters.")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_celery_beat",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "outreach",
    "programs",
    "surveys",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "outreach.lib.middleware.SessionTimeoutMiddleware",
    "outreach.lib.two_factor.TwoFactorMiddleware",
    "outreach.lib.audit.ExportAuditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "outreach.lib.middleware.DepartmentMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "outreach.urls"
WSGI_APPLICATION = "outreach.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "outreach.lib.context_processors.department",
            ],
        },
    },
]

# Database: PostgreSQL only. DATABASE_URL wins; else the local server.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default="postgres://root@127.0.0.1:5432/outreach"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PostgreSQL's JIT compiles a query whose estimated cost is high: for the dashboard's and the reports'
# aggregates over five years it spent 1.8 s compiling a query that runs in 0.3 s. Pages and reports
# are short queries, never the long analytic ones JIT pays off on.
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DATABASES["default"].setdefault("TEST", {})["NAME"] = env.str("DJANGO_TEST_DATABASE", default="test_outreach")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: the Celery broker and the cache. An empty REDIS_URL means "no Redis":
# tasks run in-process (eager) and the cache is per-process memory.
REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "outreach",
            "TIMEOUT": 300,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "outreach.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS V2.1.1 / CJIS IA-5: at least 12 characters, no forced periodic change.
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "outreach:dashboard"
LOGOUT_REDIRECT_URL = "login"

# Login lockout (django-axes, outreach/lib/lockout.py): a user name locks after AXES_FAILURE_LIMIT
# failures within LOGIN_FAILURE_WINDOW_SECONDS from any address, until a system administrator releases
# it or, where the department sets AXES_COOLOFF_MINUTES, for that long, never less than 30 minutes
# (CJIS 6.0 AC-7). Each address also has an allowance of log-in attempts (LOGIN_ADDRESS_RATE).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = (
    timedelta(minutes=max(30, env.int("AXES_COOLOFF_MINUTES"))) if env.int("AXES_COOLOFF_MINUTES", default=0) else None
)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "outreach.lib.lockout.LockoutHandler"
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60
# axes.W006 asks for the address in the lockout: on purpose it is not. A lock by user name holds from
# every address (CJIS AC-7), and the allowance per address (above) is our own, so that a school or a
# precinct sharing one address is never locked out by one person's typing.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
LOGIN_ADDRESS_RATE = env.str("LOGIN_ADDRESS_RATE", default="30/15m")
# The reverse proxies in front of the app whose X-Forwarded-For is trusted (outreach/lib/addresses.py):
# the rate limit, the lockout and the audit log all read the client's address from there.
PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "outreach.lib.addresses.client_address"

# History pages show who changed what and from where; putting a record back from them would bypass
# the workflows' rules (a plan's approval, a report's review), so the admin cannot revert.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Two-factor authentication (CJIS 6.0 IA-2, ASVS V2.7-V2.8; django-otp, outreach/lib/two_factor.py):
# every staff account enrols an authenticator app (TOTP) and gives its code after the password. A
# department may exempt roles it names (DJANGO_TWO_FACTOR_EXEMPT_ROLES=records,officer), never the
# system administrator: a system check refuses that.
TWO_FACTOR_REQUIRED = env.bool("DJANGO_TWO_FACTOR_REQUIRED", default=True)
TWO_FACTOR_EXEMPT_ROLES = env.list("DJANGO_TWO_FACTOR_EXEMPT_ROLES", default=[])
TWO_FACTOR_RECOVERY_CODES = 10


def OTP_TOTP_ISSUER(device):
    from outreach.clock import department

    return department().name


# django-otp's admin pages never show a device's secret or its QR code: enrolment is the user's own.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Internationalization: staff pages in English, public pages in English and Spanish.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The department's local time zone; Department.time_zone overrides it per request.
TIME_ZONE = env.str("DJANGO_TIME_ZONE", default="America/Denver")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env.bool("DJANGO_STATIC_MANIFEST", default=not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: console in development unless EMAIL_URL says otherwise.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
vars().update(EMAIL_CONFIG)
# The address the app is reached at, for links in e-mails and calendar feeds.
SITE_URL = env.str("DJANGO_SITE_URL", default="http://localhost:8000")
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="outreach@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. With DJANGO_DEBUG=false, `manage.py check --deploy` is silent.
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (the usual deployment). Turn off when
# gunicorn is reachable directly, or the header could be forged.
if env.bool("DJANGO_TRUST_X_FORWARDED_PROTO", default=True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12  # one shift: no session lives longer, active or not (CJIS AC-12)
# A session left alone this long ends (CJIS AC-11); the page warns five minutes before.
SESSION_IDLE_SECONDS = env.int("DJANGO_SESSION_IDLE_MINUTES", default=30) * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Forms
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Celery: Redis broker; no Redis means tasks run in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 15 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 10 * 60
# Longer than the longest task, so an unacknowledged message is not delivered twice; a message whose
# worker died is delivered again once it has passed. (The worker test shortens it to see that happen.)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=2 * 60 * 60)}
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        # WeasyPrint logs every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Public forms (requests, the survey): accepted submissions per connection and form, counted in the cache
# (outreach/lib/public_forms.py; without Redis, per process: development and tests only). A school or
# library shares one address.
PUBLIC_FORM_RATE = env.str("PUBLIC_FORM_RATE", default="20/h")

# Pagination size for every staff list.
PAGE_SIZE = 25

# Retention (policy 003 §C.4): years each record type is kept, "app_label.model" -> years, as JSON
# (RETENTION_YEARS='{"outreach.concern": 7}'). Three by default; a period below three is raised to three
# (outreach/lib/retention.py) and `manage.py check` warns.
RETENTION_YEARS = env.json("RETENTION_YEARS", default={})
