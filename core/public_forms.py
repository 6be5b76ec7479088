"""Protection shared by every public form: honeypot, signed time trap and a per-client rate limit.

The rate-limit counters live in the default cache, which production points at one Redis shared by
all web workers, so a flood cannot be spread across processes.
"""

import hashlib
import math
import re
import time
import unicodedata

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: The value format of an <input type="datetime-local">.
DATETIME_WIDGET_FORMAT = "%Y-%m-%dT%H:%M"
# Digits with the usual separators; a leading + for foreign numbers. Anything else is a typo or junk.
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()\-]{5,28}$")

# The honeypot: a field bots fill (its name says "website") that no real field of a form may take.
HONEYPOT_FIELD = "hp_website"
TIMESTAMP_FIELD = "form_started"
_SIGNER_SALT = "core.public_forms.timestamp"


def reject_control_characters(value: str) -> None:
    """Refuse text with control characters other than line breaks and tabs (pasted binary, terminal escapes)."""
    for char in value or "":
        if char in "\n\r\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cs", "Co"):
            raise ValidationError(_("The text contains control characters that are not allowed."), code="control")


def reject_control_characters_in(form: forms.Form, names) -> None:
    """In a form's `clean()`: an error on each of the text fields `names` that holds a control character.

    Every field is checked, so the person sees all the fields to correct at once; a field already refused
    (not in cleaned_data) is left alone.
    """
    for name in names:
        try:
            reject_control_characters(form.cleaned_data.get(name, ""))
        except ValidationError as error:
            form.add_error(name, error)


class TelInput(forms.TextInput):
    """A phone number field: phones show their digit keyboard."""

    input_type = "tel"


def datetime_widget() -> forms.DateTimeInput:
    """The browser's own date-and-time picker, in the format it sends back."""
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_WIDGET_FORMAT)


def clean_phone_number(value) -> str:
    """A phone number as typed, trimmed; a Polish message when it holds anything but digits and separators."""
    value = (value or "").strip()
    if value and not PHONE_PATTERN.match(value):
        raise ValidationError(_("Enter a phone number using digits, spaces and the signs + ( ) - only."), code="phone")
    return value


def client_ip(request) -> str:
    """The client's address, for rate limits and login throttling (AXES_CLIENT_IP_CALLABLE).

    Behind the city's proxy (SECURE_PROXY_SSL_HEADER set) it is the right-most X-Forwarded-For entry,
    the one the proxy appended; everything left of it is client-supplied and could be forged.
    """
    address = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            address = forwarded.split(",")[-1].strip()
    return address


def client_fingerprint(request) -> str:
    """Return a salted hash of the client's address: rate limiting needs no raw IP in the cache or logs."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip(request)}".encode()).hexdigest()[:32]


def rate_limit_exceeded(request, scope: str) -> bool:
    """Count one post of `scope` by this client and say whether it is over PUBLIC_FORM_RATE_LIMIT per window.

    Over the limit, `request.rate_limit_retry_after` holds the seconds until the window ends, which
    core.middleware.RetryAfterMiddleware sends as the 429's Retry-After.
    """
    window = settings.PUBLIC_FORM_RATE_WINDOW
    now = time.time()
    bucket = int(now // window)
    key = f"rl:{scope}:{client_fingerprint(request)}:{bucket}"
    if cache.add(key, 1, timeout=window + 5):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=window + 5)
            count = 1
    if count <= settings.PUBLIC_FORM_RATE_LIMIT:
        return False
    request.rate_limit_retry_after = max(1, math.ceil((bucket + 1) * window - now))
    return True


def form_started_now() -> str:
    """A fresh signed start time for the time trap: what a form shown now carries in its hidden field.

    A form shown again from stored data (a grant offer's draft) needs one too: the stored data never keeps it.
    """
    return signing.dumps(time.time(), salt=_SIGNER_SALT)


class PublicFormMixin(forms.Form):
    """Add a honeypot and a signed time trap to a public form.

    `is_bot` is set when the honeypot is filled: the view then pretends success and stores nothing,
    so a bot learns nothing. A form sent faster than a person can fill it gets a clear message.
    """

    hp_website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_bot = False
        if not self.is_bound:
            self.initial[TIMESTAMP_FIELD] = form_started_now()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            self.is_bot = True
        try:
            started = signing.loads(self.data.get(TIMESTAMP_FIELD, ""), salt=_SIGNER_SALT, max_age=24 * 3600)
        except signing.BadSignature:
            # A fresh signed timestamp for the re-rendered form, so the person can simply send again.
            self.data = self.data.copy()
            self.data[TIMESTAMP_FIELD] = form_started_now()
            raise ValidationError(
                _("The form has expired or is damaged. Please check your answers and send it again."), code="expired"
            ) from None
        if time.time() - float(started) < settings.PUBLIC_FORM_MIN_SECONDS:
            raise ValidationError(
                _("The form was sent too quickly. Please wait a moment and send it again."), code="too_fast"
            )
        return cleaned
