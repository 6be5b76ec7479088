"""Settings of the portal, driven by environment variables.

Every variable is documented in `.env.example` and in the README. Secrets have no default: a
production start without them fails with ImproperlyConfigured.
"""

import base64
import hashlib
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
if env.bool("DJANGO_READ_DOT_ENV_FILE", default=False):
    env.read_env(str(BASE_DIR / ".env"))

# GENERAL
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/ref/settings/#debug
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# https://docs.djangoproject.com/en/6.1/ref/settings/#secret-key
if DEBUG:
    # A development-only key: never used when DEBUG is off.
    SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production-0123456789")
else:
    SECRET_KEY = env("DJANGO_SECRET_KEY")
# https://docs.djangoproject.com/en/6.1/ref/settings/#allowed-hosts
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# The public address of the portal, used in e-mails and documents (tracking links).
SITE_URL = env("DJANGO_SITE_URL", default="http://127.0.0.1:8000")
# /.well-known/security.txt (RFC 9116, core.security_txt): where to report a vulnerability (mailto: or https: URIs;
# empty: the department's e-mail) and how far ahead its Expires lies (RFC 9116 § 2.5.5: less than a year).
SECURITY_TXT_CONTACTS = env.list("DJANGO_SECURITY_TXT_CONTACTS", default=[])
SECURITY_TXT_EXPIRES_DAYS = env.int("DJANGO_SECURITY_TXT_EXPIRES_DAYS", default=180)
# The licence of the open data (core/open_data.py) unless a dataset names its own [K]: CC0 1.0, as the releases state.
OPEN_DATA_LICENCE = env("DJANGO_OPEN_DATA_LICENCE", default="https://creativecommons.org/publicdomain/zero/1.0/")
ROOT_URLCONF = "culture_dept.urls"
WSGI_APPLICATION = "culture_dept.wsgi.application"

# I18N
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/topics/i18n/
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# DATABASES
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/ref/settings/#databases
# PostgreSQL in production and CI; an SQLite file under var/ for a newcomer.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'portal.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# ATOMIC_REQUESTS stays off: services open their own transactions, so on_commit side effects
# (mail, tasks) behave the same from views, commands and tests.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHES
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/topics/cache/
# Rate limits and login throttling live here: production shares one Redis between all workers. While Redis
# cannot be reached, each process carries on with its own memory and the limits count per process
# (core/cache.py; docs/operations.md "When Redis is down").
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://portal")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "core.cache.RedisWithFallbackCache"
# Public pages kept for anonymous readers (core/page_cache.py, docs/page-cache.md): the same Redis under their own
# prefix, so clearing them never touches the rate limits; without CACHE_URL, this process's memory.
CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages"}
if CACHES["pages"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache":
    CACHES["pages"].update(LOCATION="pages", OPTIONS={"MAX_ENTRIES": 1000})
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_ENABLED = env.bool("DJANGO_PAGE_CACHE", default=True)
# The longest a kept page lives: what moves with the clock alone and no app schedules (a date that has ended)
# shows for at most this long. Publications, edits and embargoes end a page at once (core/page_cache.py).
PAGE_CACHE_SECONDS = env.int("DJANGO_PAGE_CACHE_SECONDS", default=300)
# A larger response (a whole-calendar export) is served, not kept.
PAGE_CACHE_MAX_BYTES = env.int("DJANGO_PAGE_CACHE_MAX_BYTES", default=1_048_576)

# APPS
# ------------------------------------------------------------------------------
INSTALLED_APPS = [
    "culture_dept.admin.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    # The three libraries below under Polish names (core/library_apps.py).
    "core.library_apps.BackgroundTasksConfig",
    "django_otp",
    "core.library_apps.AuthenticatorAppsConfig",
    "core.library_apps.BackupCodesConfig",
    "axes",
    # the admin's rich-text editor (core/rich_text.py): its static files
    "django_prose_editor",
    "core",
    "events",
    "press",
    "grants",
    "institutions",
    "mass_events",
    "library",
    "awards",
    "patronage",
    "promotion",
    "monitoring",
    "newsletter",
    "mourning",
    "accessibility",
    "meetings",
    "council",
]

# MIDDLEWARE
# ------------------------------------------------------------------------------
MIDDLEWARE = [
    # First: /health/, /health/ready/ and /health/live/ answer before host checks and HTTPS redirects (core/health.py).
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    # Retry-After on every 429 (the public forms' rate limits, the login lockout).
    "core.middleware.RetryAfterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous readers' public pages from the shared cache: inside the security headers and the CSP, before
    # CSRF, authentication and messages, which a kept page needs none of (core/page_cache.py).
    # The metryczka's number of views, for a page from the cache too (core/public_information.py).
    "core.public_information.RecordViewsMiddleware",
    "core.page_cache.AnonymousPageCacheMiddleware",
    # A NUL or another control character in the path: 404 at once, in the page's language.
    "core.middleware.RejectControlCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks request.user verified when the session holds a confirmed OTP device (after authentication).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Signs a clerk out after SESSION_IDLE_TIMEOUT without a request or SESSION_COOKIE_AGE after signing in
    # (after the messages: it tells them why).
    "core.middleware.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out login attempt into the 429 page.
    "axes.middleware.AxesMiddleware",
]

# TEMPLATES
# ------------------------------------------------------------------------------
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
                "core.context_processors.site_shell",
            ],
        },
    }
]

# AUTHENTICATION
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/topics/auth/passwords/#password-validation
# Length and a common-password list, no composition rules (NIST SP 800-63B).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ADMIN_URL = env("DJANGO_ADMIN_URL", default="admin/" if DEBUG else environ.Env.NOTSET)
# No public view redirects here: the admin's path is not public (tests/core/test_hidden_admin_path.py).
LOGIN_URL = "admin:login"
# After the admin's sign-in when `next` is missing or unsafe (another host, `//host`, `javascript:`): the admin's
# index. Django's default, /accounts/profile/, does not exist here.
LOGIN_REDIRECT_URL = "admin:index"
# The axes backend goes first: it refuses a locked-out client before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sessions: a clerk's session ends a working day after signing in and after a pause without any request, whichever
# comes first (core.middleware.SessionLimitsMiddleware); then the admin asks for the password and code again.
# https://docs.djangoproject.com/en/6.1/ref/settings/#session-cookie-age — the absolute length, in seconds.
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_MAX_HOURS", default=9) * 3600
# Idle timeout, in seconds: 30 minutes without a request.
SESSION_IDLE_TIMEOUT = env.int("DJANGO_SESSION_IDLE_MINUTES", default=30) * 60

# Second factor (django-otp): the clerks' admin requires a confirmed TOTP device (an authenticator app);
# one-time backup codes (static device) are the way in when the phone is lost. `manage.py clerk_totp`
# creates or resets a clerk's device. Production always requires the second factor. In debug mode the
# requirement is off by default, so a newcomer without a phone gets into the admin after `make run`
# with the demo clerk's password alone; `seed_demo` still gives the demo clerk a device and prints its
# secret, so DJANGO_OTP_REQUIRED=true tries the real sign-in locally.
OTP_REQUIRED = env.bool("DJANGO_OTP_REQUIRED", default=not DEBUG)
if not OTP_REQUIRED and not DEBUG:
    raise ImproperlyConfigured("DJANGO_OTP_REQUIRED may be false only in debug mode (DJANGO_DEBUG=true).")
# The name an authenticator app shows next to the clerk's login.
OTP_TOTP_ISSUER = "Wydział Kultury UM Ruda Śląska"
# Secrets never appear in the admin: no TOTP key or QR code on the device pages (use clerk_totp).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Login throttling (django-axes): failures are counted per username and client address together, in
# the shared default cache (Redis in production), so every worker sees the same counters. Per user and
# address rather than either alone: a per-user lock would let anyone on the Internet lock a clerk out,
# a per-address lock would lock the whole office behind the City Hall's NAT after one clerk's typos;
# the second factor stops password guessing spread over many addresses.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Five wrong passwords in a row are answered normally; the sixth attempt gets the 429 lockout page.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=env.int("DJANGO_LOGIN_COOLOFF_MINUTES", default=15))
# "In a row": a complete sign-in (password and code) clears the client's counter.
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.auth.lockout_response"
# The same client address as the public forms' rate limit (right-most X-Forwarded-For behind the proxy).
AXES_CLIENT_IP_CALLABLE = "core.public_forms.client_ip"
# Axes' own log lines mask the username and address; no user agents, no start-up banner.
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address"]
# The cache handler keeps no attempts in the database: no empty axes pages in the admin.
AXES_ENABLE_ADMIN = False

# STATIC AND MEDIA
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/howto/static-files/ and https://whitenoise.readthedocs.io/
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Public media (event images, renditions): served by the web server.
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
# Applicants' documents: never under MEDIA_ROOT, never on a public URL.
PRIVATE_MEDIA_ROOT = Path(env("DJANGO_PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": env(
            "DJANGO_STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The largest form, the mass-event permit application, invites 9 named attachments and up to 5 others
# (mass_events/forms.py: PERMIT_MAX_FILES); more files would be refused with a bare 400 page.
DATA_UPLOAD_MAX_NUMBER_FILES = 14

# SECURITY
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/ref/csp/
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Permissions-Policy (core.middleware.PermissionsPolicyMiddleware): every powerful browser feature is refused to
# the portal's pages and to anything they could embed; no page uses any of them.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
]
X_FRAME_OPTIONS = "DENY"
# A form refused by the CSRF check gets a Polish page in the site's shell that says what to do (core/views.py).
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Production mode is "not DEBUG": HTTPS only, cookies secure, HSTS on.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# The __Host- prefix (RFC 6265bis): a browser keeps such a cookie only when it is Secure, has Path=/ and no Domain,
# so no subdomain of rudaslaska.pl and no page over plain HTTP can set or overwrite the session or CSRF cookie.
# A Secure cookie never reaches plain HTTP, so debug mode (runserver over http) keeps Django's plain names.
# Path=/ and no Domain are Django's defaults, kept on purpose (SESSION_COOKIE_PATH, SESSION_COOKIE_DOMAIN, …).
SESSION_COOKIE_NAME = "__Host-sessionid" if SESSION_COOKIE_SECURE else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if CSRF_COOKIE_SECURE else "csrftoken"
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=not DEBUG)
if env.bool("DJANGO_BEHIND_PROXY", default=not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# axes.W001 (login counters in a per-process cache): harmless for the single runserver process of debug mode;
# production must point CACHE_URL at the shared Redis, and the warning stays on there.
SILENCED_SYSTEM_CHECKS = ["axes.W001"] if DEBUG else []

# EMAIL
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/topics/email/ (MAILERS replaces the EMAIL_* settings)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="Wydział Kultury <kultura@rudaslaska.pl>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env("SMTP_URL", default=""):
    _smtp = env.email_url("SMTP_URL")
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _smtp["EMAIL_HOST"],
                "port": _smtp["EMAIL_PORT"],
                "username": _smtp["EMAIL_HOST_USER"],
                "password": _smtp["EMAIL_HOST_PASSWORD"],
                "use_tls": _smtp.get("EMAIL_USE_TLS", False),
                "use_ssl": _smtp.get("EMAIL_USE_SSL", False),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {
        "default": {"BACKEND": env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")}
    }

# TASKS
# ------------------------------------------------------------------------------
# https://docs.djangoproject.com/en/6.1/topics/tasks/ — the db worker in production, immediate in development.
TASKS = {
    "default": {
        "BACKEND": env("DJANGO_TASKS_BACKEND", default="django.tasks.backends.immediate.ImmediateBackend"),
    }
}

# HEALTH
# ------------------------------------------------------------------------------
# /health/live/, /health/ready/ and /health/ (core/health.py, docs/operations.md "Health"). Anyone gets the status
# code; the checks by name go to requests with this token in X-Health-Token or from these networks.
HEALTH_TOKEN = env("DJANGO_HEALTH_TOKEN", default="")
HEALTH_ALLOWED_NETWORKS = env.list("DJANGO_HEALTH_ALLOWED_NETWORKS", default=["127.0.0.1/32", "::1/128"])
# An e-mail due for longer than this means nothing is sending (neither the worker nor the outbox timer).
HEALTH_OUTBOX_MAX_DELAY = timedelta(minutes=env.int("DJANGO_HEALTH_OUTBOX_MAX_MINUTES", default=15))
# The task worker (`manage.py task_worker`) writes a heartbeat this often; silence longer than the second fails.
WORKER_HEARTBEAT_SECONDS = env.int("DJANGO_WORKER_HEARTBEAT_SECONDS", default=15)
HEALTH_WORKER_MAX_SILENCE = timedelta(seconds=env.int("DJANGO_HEALTH_WORKER_MAX_SECONDS", default=120))

# FEES
# ------------------------------------------------------------------------------
# Opłata skarbowa is paid to the account of the City Hall (ustawa z 16.11.2006 o opłacie skarbowej, art. 8 ust. 1
# and art. 12); public forms show it before sending and the tracking page with the amount due. Debug mode shows an
# obviously made-up number; a deployment sets the City Hall's real account (`check --deploy` warns without one).
STAMP_DUTY_ACCOUNT_NUMBER = env(
    "DJANGO_STAMP_DUTY_ACCOUNT_NUMBER", default="04 0000 0000 0000 0000 0000 0000" if DEBUG else ""
)
STAMP_DUTY_ACCOUNT_HOLDER = env(
    "DJANGO_STAMP_DUTY_ACCOUNT_HOLDER", default="Urząd Miasta Ruda Śląska, pl. Jana Pawła II 6, 41-709 Ruda Śląska"
)
# DOMAIN.md §A.5 [K]: the stamp duty for a certified extract from the register of cultural institutions, in PLN
# for each full or started page of each copy (ustawa o opłacie skarbowej, załącznik cz. II pkt 2).
REGISTER_EXTRACT_FEE_PER_PAGE = Decimal(env("DJANGO_REGISTER_EXTRACT_FEE_PER_PAGE", default="5.00"))

# LOGGING
# ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One record per line, UTC ISO 8601 time, control characters escaped and private tokens masked: the
    # tokens of every route in core/logging.py's PRIVATE_TOKEN_ROUTES ("Not Found: /sprawy/[token]/").
    "formatters": {
        "plain": {"()": "core.logging.PortalFormatter", "format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "filters": {"mask_private_tokens": {"()": "core.logging.MaskPrivateTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["mask_private_tokens"]}
    },
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.security.csrf": {"level": "WARNING"},
        # Sign-ins, failures and lockouts, without passwords, usernames or raw addresses (core/auth.py).
        "core.auth": {"level": "INFO"},
        # Axes repeats our failure lines with masked values; keep only its warnings.
        "axes": {"level": "WARNING"},
        # WeasyPrint reports every step of a PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# ERRORS
# ------------------------------------------------------------------------------
# Where errors go (core/error_reports.py, docs/operations.md "Errors"): with SENTRY_DSN to a self-hosted
# Sentry-compatible service, without personal data; otherwise mailed to DJANGO_ADMINS through the outbox,
# rate-limited. Django's own direct mail to ADMINS is replaced by the outbox handler.
ADMINS = env.list("DJANGO_ADMINS", default=[])
SENTRY_DSN = env("SENTRY_DSN", default="")
LOGGING["loggers"]["django"] = {"handlers": [], "level": "INFO", "propagate": True}
if SENTRY_DSN:
    from core.error_reports import sentry_init

    sentry_init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        release=env("SENTRY_RELEASE", default=None),
    )
else:
    LOGGING["handlers"]["error_mail"] = {
        "class": "core.error_reports.OutboxErrorMailHandler",
        "filters": ["mask_private_tokens"],
    }
    LOGGING["root"]["handlers"] = [*LOGGING["root"]["handlers"], "error_mail"]

# PERSONAL DATA AT REST
# ------------------------------------------------------------------------------
# Fernet keys of the fields encrypted at rest (core/encryption.py: the security manager's PESEL), comma-separated:
# the first encrypts, every one decrypts (rotation: docs/operations.md). Production without one fails
# `check --deploy` (core.E010). Debug mode without one derives a development key from SECRET_KEY.
FIELD_ENCRYPTION_KEYS = env.list("DJANGO_FIELD_ENCRYPTION_KEYS", default=[])
if DEBUG and not FIELD_ENCRYPTION_KEYS:
    FIELD_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(hashlib.sha256(f"field-encryption:{SECRET_KEY}".encode()).digest()).decode()
    ]

# HISTORY
# ------------------------------------------------------------------------------
# https://django-simple-history.readthedocs.io/ — reverting a whole old version would also restore a status,
# closing date or anonymised personal data behind the services' back; clerks read history, never revert it.
SIMPLE_HISTORY_REVERT_DISABLED = True

# PORTAL
# ------------------------------------------------------------------------------
# Public forms: posts allowed per client per window; minimum seconds between render and submit.
PUBLIC_FORM_RATE_LIMIT = env.int("PUBLIC_FORM_RATE_LIMIT", default=5)
PUBLIC_FORM_RATE_WINDOW = env.int("PUBLIC_FORM_RATE_WINDOW", default=600)
PUBLIC_FORM_MIN_SECONDS = env.int("PUBLIC_FORM_MIN_SECONDS", default=3)
# Newsletter mailings (newsletter/services/mailings.py): subscribers queued per batch and seconds between batches,
# within what the SMTP provider allows (200 a minute: 12,000 an hour) [K].
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=200)
NEWSLETTER_BATCH_SECONDS = env.int("NEWSLETTER_BATCH_SECONDS", default=60)
# The mail provider's bounce and complaint reports (newsletter.views.bounce_report) carry this bearer token; unset,
# the endpoint does not exist (404). A secret: never a default.
NEWSLETTER_BOUNCE_TOKEN = env("NEWSLETTER_BOUNCE_TOKEN", default="")
# Files of a public form shown again (core/uploads/stash.py): kept this many seconds, at most this many bytes per
# client (the largest form's total, so a person never loses an accepted file) and for all clients together.
UPLOAD_STASH_MAX_AGE = env.int("UPLOAD_STASH_MAX_AGE", default=15 * 60)
UPLOAD_STASH_CLIENT_MAX_BYTES = env.int("UPLOAD_STASH_CLIENT_MAX_BYTES", default=50 * 1024 * 1024)
UPLOAD_STASH_TOTAL_MAX_BYTES = env.int("UPLOAD_STASH_TOTAL_MAX_BYTES", default=500 * 1024 * 1024)
