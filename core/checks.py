"""System checks of the case-work kernel: private files stay private, retention can clear what it must,
private tokens never reach a log, personal data encrypted at rest has a valid key.

Registered on import; `CoreConfig.ready()` imports this module.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import UUIDConverter
from django.utils import translation
from django.utils.regex_helper import normalize


def _resolved(value) -> Path | None:
    if not value:
        return None
    return Path(value).expanduser().resolve()


def _overlaps(private: Path, public: Path) -> bool:
    return private == public or private.is_relative_to(public) or public.is_relative_to(private)


@register(Tags.security)
def check_private_media_outside_public_roots(app_configs=None, **kwargs):
    """core.E001: PRIVATE_MEDIA_ROOT (and the "private" storage) must not overlap MEDIA_ROOT or STATIC_ROOT.

    The web server serves MEDIA_ROOT and STATIC_ROOT to anyone; an applicant's document placed under
    either would be downloadable without the permission-checked view (ARCHITECTURE.md: "applicants'
    documents never served from a public URL"). core.E002: the private storage must have no base URL.
    """
    errors = []
    private_roots = {_resolved(getattr(settings, "PRIVATE_MEDIA_ROOT", None))}
    private_storage = settings.STORAGES.get("private", {})
    private_options = private_storage.get("OPTIONS", {})
    private_roots.add(_resolved(private_options.get("location")))
    private_roots.discard(None)
    if not private_roots:
        errors.append(
            Error(
                "PRIVATE_MEDIA_ROOT is not set.",
                hint="Set DJANGO_PRIVATE_MEDIA_ROOT to a directory outside MEDIA_ROOT and STATIC_ROOT.",
                id="core.E001",
            )
        )
    public_roots = {
        "MEDIA_ROOT": _resolved(settings.MEDIA_ROOT),
        "STATIC_ROOT": _resolved(getattr(settings, "STATIC_ROOT", None)),
    }
    for private in sorted(private_roots):
        for setting_name, public in public_roots.items():
            if public is not None and _overlaps(private, public):
                errors.append(
                    Error(
                        f"Private documents directory {private} overlaps {setting_name} ({public}).",
                        hint="Files under it would be public. Point DJANGO_PRIVATE_MEDIA_ROOT elsewhere.",
                        id="core.E001",
                    )
                )
    if private_options.get("base_url"):
        errors.append(
            Error(
                'The "private" storage has a base_url: its files would get public URLs.',
                hint='Set STORAGES["private"]["OPTIONS"]["base_url"] to None.',
                id="core.E002",
            )
        )
    return errors


@register()
def check_personal_data_fields(app_configs=None, **kwargs):
    """core.E003: every PERSONAL_DATA_FIELDS entry of a case model can be cleared by the retention purge."""
    from core.retention import case_models, personal_data_updates

    errors = []
    for model in case_models():
        if app_configs is not None and model._meta.app_config not in app_configs:
            continue
        try:
            personal_data_updates(model)
        except ImproperlyConfigured as exc:
            errors.append(
                Error(
                    str(exc),
                    hint="List only text fields or nullable fields; retention blanks or nulls them.",
                    obj=model,
                    id="core.E003",
                )
            )
    return errors


@register(Tags.security, deploy=True)
def check_production_is_not_left_on_development_defaults(app_configs=None, **kwargs):
    """core.W010–W013: production must not silently run on the newcomer's defaults.

    SQLite, tasks run inside the web request and a localhost SITE_URL all work in development, and
    none of them is caught by Django's own deploy checks.
    """
    from django.core.checks import Warning

    warnings = []
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        warnings.append(
            Warning("The database is SQLite.", hint="Set DATABASE_URL to the PostgreSQL database.", id="core.W010")
        )
    if settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend"):
        warnings.append(
            Warning(
                "Background tasks run inside web requests.",
                hint="Set DJANGO_TASKS_BACKEND=django_tasks_db.backend.DatabaseBackend and run manage.py task_worker.",
                id="core.W011",
            )
        )
    if "127.0.0.1" in settings.SITE_URL or "localhost" in settings.SITE_URL:
        warnings.append(
            Warning(
                "SITE_URL points at this machine; links in e-mails would not work.",
                hint="Set DJANGO_SITE_URL to the portal's public https:// address.",
                id="core.W012",
            )
        )
    if not getattr(settings, "SENTRY_DSN", "") and not settings.ADMINS:
        warnings.append(
            Warning(
                "Errors reach no one: neither error tracking nor error mail is set up.",
                hint="Set SENTRY_DSN (a self-hosted Sentry-compatible service) or DJANGO_ADMINS (e-mail addresses).",
                id="core.W013",
            )
        )
    return warnings


# Private-token routes --------------------------------------------------------------------------------------------

# A URL parameter whose name says it is a secret: a token, a UUID, a signature, a key, a hash.
TOKEN_LIKE_PARAMETER = re.compile(r"(?:^|_)(?:token|uuid|secret|signature|key|hash)(?:$|_)", re.IGNORECASE)
SAMPLE_TOKEN = "Zz9SampleSecretToken"  # noqa: S105 — a made-up value to reverse URLs with


def url_pattern_chains(patterns, chain=()):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from url_pattern_chains(entry.url_patterns, (*chain, entry.pattern))
        elif isinstance(entry, URLPattern):
            yield (*chain, entry.pattern)


def _is_token_parameter(name: str, converter) -> bool:
    from core.converters import TokenConverter

    return bool(TOKEN_LIKE_PARAMETER.search(name)) or isinstance(converter, (TokenConverter, UUIDConverter))


def chain_converters(chain) -> dict:
    converters = {}
    for pattern in chain:
        converters.update(getattr(pattern, "converters", {}))
    return converters


def sample_paths(chain, token_parameters) -> list[str]:
    """The paths the chain matches with SAMPLE_TOKEN for every token parameter, in every language."""
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            regex = "".join(str(pattern.regex.pattern).removeprefix("^") for pattern in chain)
        for template, parameters in normalize(regex):
            values = {name: SAMPLE_TOKEN if name in token_parameters else "7" for name in parameters}
            paths.append("/" + template % values)
    return paths


def token_routes_problems(urlconf=None) -> list[Error]:
    """core.E010: a URL with a token-like parameter outside core/logging.py's PRIVATE_TOKEN_ROUTES;
    core.E011: a private-token route whose token is not taken by the `<token:…>` converter.
    """
    from core.converters import TokenConverter
    from core.logging import mask_private_tokens

    errors = []
    for chain in url_pattern_chains(get_resolver(urlconf).url_patterns):
        converters = chain_converters(chain)
        regex_groups = set()
        for pattern in chain:
            regex_groups.update(re.compile(str(pattern.regex.pattern)).groupindex)
        names = set(converters) | regex_groups
        token_parameters = {name for name in names if _is_token_parameter(name, converters.get(name))}
        if not token_parameters:
            continue
        route = "".join(str(pattern) for pattern in chain)
        leaked = [path for path in sample_paths(chain, token_parameters) if SAMPLE_TOKEN in mask_private_tokens(path)]
        if leaked:
            errors.append(
                Error(
                    f"The URL {route!r} has a private token that would be written to the logs in clear "
                    f"(e.g. {leaked[0]}).",
                    hint="Add its path to PRIVATE_TOKEN_ROUTES in core/logging.py, then run "
                    "`manage.py nginx_log_mask --write`.",
                    id="core.E010",
                )
            )
        loose = sorted(name for name in token_parameters if not isinstance(converters.get(name), TokenConverter))
        if loose:
            errors.append(
                Error(
                    f"The URL {route!r} takes the private token(s) {', '.join(loose)} without the token converter.",
                    hint="Write the parameter as <token:name> (core/converters.py), so that a malformed token "
                    "is a 404 before any view runs.",
                    id="core.E011",
                )
            )
    return errors


@register(Tags.urls, Tags.security)
def check_private_token_routes(app_configs=None, **kwargs):
    return token_routes_problems()


@register(Tags.security, deploy=True)
def check_field_encryption_key_in_production(app_configs=None, **kwargs):
    """core.E010: production has a key for the personal data encrypted at rest (DJANGO_FIELD_ENCRYPTION_KEYS).

    Without it no permit application can be stored or read: the security manager's PESEL is encrypted.
    """
    if settings.DEBUG or any(getattr(settings, "FIELD_ENCRYPTION_KEYS", ())):
        return []
    return [
        Error(
            "DJANGO_FIELD_ENCRYPTION_KEYS is not set: personal data encrypted at rest (PESEL) cannot be stored.",
            hint="Generate a key (docs/deployment.md, the environment file) and keep a copy apart from the backups.",
            id="core.E010",
        )
    ]


@register(Tags.security)
def check_field_encryption_keys_are_fernet_keys(app_configs=None, **kwargs):
    """core.E011: every key of DJANGO_FIELD_ENCRYPTION_KEYS is a Fernet key (32 url-safe base64-encoded bytes)."""
    from cryptography.fernet import Fernet

    errors = []
    for position, key in enumerate(getattr(settings, "FIELD_ENCRYPTION_KEYS", ()), start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError):
            errors.append(
                Error(
                    f"Key {position} of DJANGO_FIELD_ENCRYPTION_KEYS is not a Fernet key.",
                    hint="Generate one with: python -c 'from cryptography.fernet import Fernet; "
                    "print(Fernet.generate_key().decode())'",
                    id="core.E011",
                )
            )
    return errors


@register(deploy=True)
def check_stamp_duty_account(app_configs=None, **kwargs):
    """core.W020: a deployment names the City Hall's account for opłata skarbowa, with valid check digits.

    Public forms and tracking pages show it (core.case_fees); debug mode's made-up number does not count.
    """
    from django.core.checks import Warning

    from core.case_fees import DEMO_ACCOUNT_DIGITS, nrb_digits, nrb_is_valid

    number = settings.STAMP_DUTY_ACCOUNT_NUMBER
    if nrb_is_valid(number) and nrb_digits(number) != DEMO_ACCOUNT_DIGITS:
        return []
    return [
        Warning(
            "DJANGO_STAMP_DUTY_ACCOUNT_NUMBER is not a valid account number of the City Hall.",
            hint="Set it to the 26-digit account for opłata skarbowa: public forms and tracking pages show it.",
            id="core.W020",
        )
    ]
