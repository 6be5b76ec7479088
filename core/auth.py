"""Clerks' sign-in: the second-factor login form, login throttling hooks and the audit log of sign-ins.

Every sign-in, failure, lockout and second-factor failure is logged to the `core.auth` logger as one
`event=... key=value` line. No line holds a password, a code, a username as typed or a client address:
accounts appear by id, attempted usernames and addresses as salted hashes, enough to correlate attempts.

The signal receivers are connected when this module is imported, from CoreConfig.ready().
"""

import hashlib
import logging
from base64 import b32encode

from axes.helpers import get_cool_off, get_failure_limit
from axes.signals import user_locked_out
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp import user_has_device
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.forms import OTPAuthenticationFormMixin, otp_verification_failed
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.middleware import session_limits_start
from core.public_forms import client_fingerprint

logger = logging.getLogger("core.auth")

LOCKOUT_TEMPLATE = "429_lockout.html"


def username_digest(username) -> str:
    """A salted hash of an attempted username: failures can be correlated, the typed text is never logged."""
    if not username:
        return "-"
    return hashlib.sha256(f"{settings.SECRET_KEY}:login:{str(username).casefold()}".encode()).hexdigest()[:16]


def _client(request) -> str:
    return client_fingerprint(request) if request is not None else "-"


def _second_factor(user) -> str:
    device = getattr(user, "otp_device", None)
    if isinstance(device, TOTPDevice):
        return "totp"
    if isinstance(device, StaticDevice):
        return "backup_code"
    return "none" if device is None else "other"


@receiver(user_logged_in, dispatch_uid="core.auth.start_session_limits")
def start_session_limits(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        session_limits_start(request.session)


@receiver(user_logged_in, dispatch_uid="core.auth.log_login")
def log_login(sender, request, user, **kwargs):
    logger.info("event=login user=%s second_factor=%s client=%s", user.pk, _second_factor(user), _client(request))


@receiver(user_logged_out, dispatch_uid="core.auth.log_logout")
def log_logout(sender, request, user, **kwargs):
    logger.info("event=logout user=%s client=%s", user.pk if user is not None else "-", _client(request))


@receiver(user_login_failed, dispatch_uid="core.auth.log_login_failed")
def log_login_failed(sender, credentials, request=None, **kwargs):
    # `credentials` is only read for the username field; the rest (the masked password) is never logged.
    username = credentials.get("username") if isinstance(credentials, dict) else None
    logger.warning(
        "event=login_failed username=%s locked=%s client=%s",
        username_digest(username),
        "yes" if getattr(request, "axes_locked_out", False) else "no",
        _client(request),
    )


@receiver(user_locked_out, dispatch_uid="core.auth.log_lockout")
def log_lockout(sender, request=None, username=None, ip_address=None, **kwargs):
    logger.warning(
        "event=lockout username=%s failures=%s client=%s",
        username_digest(username),
        getattr(request, "axes_failures_since_start", None) or "-",
        _client(request),
    )


@receiver(otp_verification_failed, dispatch_uid="core.auth.log_otp_failed")
def log_otp_failed(sender, user, **kwargs):
    logger.warning("event=otp_failed user=%s", user.pk)


def lockout_response(request, original_response=None, credentials=None):
    """The Polish 429 page for a locked-out sign-in (AXES_LOCKOUT_CALLABLE).

    Axes flags the very attempt that reaches AXES_FAILURE_LIMIT as locked out. That attempt's password was
    still checked and refused like the ones before, so it keeps its ordinary answer ("wrong password");
    from the next attempt on, right password or not, the client gets this page until the cool-off ends.
    """
    if isinstance(original_response, HttpResponseBase) and getattr(
        request, "axes_failures_since_start", None
    ) == get_failure_limit(request, credentials):
        return original_response
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in locked"),
        "cooloff_minutes": max(1, int(cool_off.total_seconds() // 60)) if cool_off else None,
    }
    response = render(request, LOCKOUT_TEMPLATE, context, status=429)
    if cool_off:
        # Each attempt during the lock starts the cool-off again (axes' default): the whole of it is the answer.
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


class ClerkLoginForm(OTPAdminAuthenticationForm):
    """The admin login form: password plus a code from the clerk's authenticator app or a backup code.

    The clerk never picks a device: six digits go to the TOTP device, anything else to the backup codes,
    so a code is only ever checked against (and counted as a failure on) the device it can belong to.
    """

    otp_token = forms.CharField(
        label=_("Code from the authenticator app"),
        required=False,
        max_length=16,
        help_text=_("Six digits from the app, or one of your backup codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("Enter the code from your authenticator app."),
        "invalid_token": _("The code is not valid. Enter the current code from your authenticator app."),
        "device_required": _("The code is not valid. Enter the current code from your authenticator app."),
        "no_device": _(
            "Your account has no second factor set up, so it cannot sign in. Contact the City Hall's IT department."
        ),
        "n_failed_attempts": ngettext_lazy(
            "Code checking is paused after %(failure_count)d wrong code. Wait a moment and try again.",
            "Code checking is paused after %(failure_count)d wrong codes. Wait a moment and try again.",
            "failure_count",
        ),
        "verification_not_allowed": _("Code checking is paused. Wait a moment and try again."),
    }

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is not None:
            return device
        if not user_has_device(user):
            logger.warning("event=otp_no_device user=%s", user.pk)
            raise forms.ValidationError(self.otp_error_messages["no_device"], code="no_device")
        token = self.cleaned_data.get("otp_token") or ""
        model = TOTPDevice if token.isascii() and token.isdigit() and len(token) in (6, 8) else StaticDevice
        # Inside clean_otp's transaction: lock the row so that two concurrent logins cannot reuse one code.
        device = model.objects.devices_for_user(user, confirmed=True).select_for_update().order_by("pk").first()
        if device is None and token:
            # A code of a kind the clerk has no device for (e.g. a backup code without backup codes).
            logger.warning("event=otp_failed user=%s", user.pk)
        return device


# Second-factor devices, for the `clerk_totp` and `seed_demo` commands. Device names are data shown to the
# IT admin, Polish like the role group names.
TOTP_DEVICE_NAME = "Aplikacja uwierzytelniająca"
BACKUP_DEVICE_NAME = "Kody zapasowe"


def totp_device_for(user):
    """The clerk's confirmed TOTP device, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


@transaction.atomic
def new_totp_device(user):
    """Give the clerk a new confirmed TOTP device with a fresh random key, removing any earlier one.

    The old authenticator app entry stops working at once, and sessions verified by it lose their second
    factor (OTPMiddleware no longer finds the device).
    """
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=True)


@transaction.atomic
def new_backup_codes(user, count: int) -> list[str]:
    """Replace the clerk's one-time backup codes with `count` new ones and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    tokens = [StaticToken.random_token() for _ in range(count)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=token) for token in tokens)
    return tokens


def totp_secret(device) -> str:
    """The key in base32, as typed into an authenticator app by hand."""
    return b32encode(device.bin_key).decode()


def current_totp_code(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"
