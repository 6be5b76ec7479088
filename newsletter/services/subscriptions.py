"""Every change to the newsletter's subscribers: subscribe, confirm, change topics, unsubscribe, purge, bounces.

DOMAIN.md §F.5 and §J.3: the newsletter's legal basis is consent (RODO art. 6 ust. 1 lit. a), given with double
opt-in; the wording and version of the consent are stored with its time (RODO art. 7 ust. 1: the controller must be
able to show the consent); withdrawing it is as easy as giving it (art. 7 ust. 3) and deletes the data (art. 17
ust. 1 lit. b).

The private links carry a signed token naming the subscriber and their `link_key`: nothing secret is stored,
a copy of the database opens no subscriber's page, and a new key revokes every link mailed so far. The
routes are masked in every log (core.logging.PRIVATE_TOKEN_ROUTES).
"""

from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from core.mail import mail_enqueue
from core.site import site_url
from newsletter.models import CONFIRMATION_LINK_DAYS, HARD_BOUNCES_TO_STOP, UNCONFIRMED_KEEP_DAYS, Subscriber

#: [K] The consent a subscriber gives (RODO art. 6 ust. 1 lit. a, art. 7). A new wording is a new version: raise
#: CONSENT_VERSION with it, so every subscriber keeps the one they agreed to.
CONSENT_VERSION = 1
CONSENT_TEXT = gettext_lazy(
    "I agree to receive the newsletter of the Culture Department of the City Hall of Ruda Śląska by e-mail, on the "
    "topics I choose. I can withdraw my consent at any time with the link in every newsletter; withdrawing it does "
    "not affect the lawfulness of the mailings sent before."
)

SUBSCRIBER_SALT = "newsletter.subscriber"
CONFIRM_SALT = "newsletter.confirm"
MAX_TOKEN_LENGTH = 200


# TOKENS
# ------------------------------------------------------------------------------
def subscriber_token(subscriber: Subscriber) -> str:
    """The private token of the subscriber's preferences and unsubscribe links (signed, never stored).

    Without a time in it: every mailing carries the same links, and they last until the subscriber unsubscribes
    or gets a new `link_key`.
    """
    return signing.Signer(salt=SUBSCRIBER_SALT).sign_object([subscriber.pk, subscriber.link_key], compress=True)


def confirmation_token(subscriber: Subscriber) -> str:
    """The token of the confirmation link: signed, valid CONFIRMATION_LINK_DAYS, for this consent only."""
    return signing.dumps([subscriber.pk, subscriber.link_key], salt=CONFIRM_SALT, compress=True)


def _from_token(token: str, *, salt: str, max_age=None) -> Subscriber | None:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        if max_age is None:
            value = signing.Signer(salt=salt).unsign_object(token)
        else:
            value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(item, int) for item in value)):
        return None
    pk, key = value
    return Subscriber.objects.filter(pk=pk, link_key=key).first()


def subscriber_from_token(token: str) -> Subscriber | None:
    """The subscriber a preferences or unsubscribe token names; None for a forged, revoked or deleted one."""
    return _from_token(token, salt=SUBSCRIBER_SALT)


def subscriber_from_confirmation_token(token: str) -> Subscriber | None:
    """The subscriber a confirmation token names; None when forged, older than CONFIRMATION_LINK_DAYS or gone."""
    return _from_token(token, salt=CONFIRM_SALT, max_age=timedelta(days=CONFIRMATION_LINK_DAYS))


def preferences_url(subscriber: Subscriber) -> str:
    return site_url(reverse("newsletter:preferences", kwargs={"token": subscriber_token(subscriber)}))


def unsubscribe_url(subscriber: Subscriber) -> str:
    return site_url(reverse("newsletter:unsubscribe", kwargs={"token": subscriber_token(subscriber)}))


def unsubscribe_headers(subscriber: Subscriber) -> dict[str, str]:
    """List-Unsubscribe (RFC 2369) with the one-click POST of RFC 8058, for every mailing to a subscriber."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


# SUBSCRIBING
# ------------------------------------------------------------------------------
PREFERENCE_FIELDS = ("events", "districts", "press_releases", "grant_calls", "meetings")


def _set_preferences(subscriber: Subscriber, preferences: dict) -> None:
    for name in PREFERENCE_FIELDS:
        if name in preferences:
            setattr(subscriber, name, preferences[name])
    subscriber.save()
    if "event_categories" in preferences:
        subscriber.event_categories.set(preferences["event_categories"])
    if "press_topics" in preferences:
        subscriber.press_topics.set(preferences["press_topics"])


def _mail_confirmation(subscriber: Subscriber) -> None:
    url = site_url(reverse("newsletter:confirm", kwargs={"token": confirmation_token(subscriber)}))
    mail_enqueue(
        to=[subscriber.email],
        subject=gettext("Confirm your newsletter subscription"),
        template="newsletter_confirm",
        context={"confirm_url": url, "days": CONFIRMATION_LINK_DAYS},
    )


def subscription_request(*, email: str, preferences: dict, now=None) -> Subscriber:
    """Take a subscription from the public form and mail the confirmation link (double opt-in).

    RODO art. 7 ust. 1: the consent's wording (`CONSENT_TEXT` in Polish) and `CONSENT_VERSION` are stored with
    the time. A new or unconfirmed address gets its topics and a confirmation link, and nothing else until it
    confirms; an address already subscribed keeps its topics and gets its preferences link (so the form tells
    nobody whether an address is on the list); a bouncing address starts again with a confirmation.
    """
    now = now or timezone.now()
    email = email.strip().lower()
    with translation.override("pl"):
        consent_text = str(CONSENT_TEXT)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is not None and subscriber.status == Subscriber.Status.ACTIVE:
            mail_enqueue(
                to=[email],
                subject=gettext("You are already subscribed to the newsletter"),
                template="newsletter_already_subscribed",
                context={"preferences_url": preferences_url(subscriber)},
            )
            return subscriber
        if subscriber is None:
            subscriber = Subscriber(email=email)
        subscriber.status = Subscriber.Status.PENDING
        subscriber.consent_text = consent_text
        subscriber.consent_version = CONSENT_VERSION
        subscriber.consent_given_at = now
        try:
            with transaction.atomic():
                _set_preferences(subscriber, preferences)
        except IntegrityError:
            # The same address sent twice at once: the first request's row stands and mails the link.
            return Subscriber.objects.get(email=email)
        _mail_confirmation(subscriber)
    return subscriber


def subscriber_confirm(*, subscriber: Subscriber, now=None) -> bool:
    """Confirm the address (the second step of the double opt-in); return whether it was waiting for it."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber.pk).first()
        if subscriber is None or subscriber.status == Subscriber.Status.ACTIVE:
            return False
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.confirmed_at = now
        subscriber.hard_bounces = 0
        subscriber.bouncing_since = None
        subscriber.save(update_fields=["status", "confirmed_at", "hard_bounces", "bouncing_since", "updated_at"])
    return True


def subscriber_preferences_update(*, subscriber: Subscriber, preferences: dict) -> Subscriber:
    """Save the topics the subscriber chose on their preferences page."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        _set_preferences(subscriber, preferences)
    return subscriber


def subscriber_unsubscribe(*, subscriber: Subscriber) -> bool:
    """Withdraw the consent and delete the subscriber's data at once (RODO art. 7 ust. 3, art. 17 ust. 1 lit. b).

    Returns whether there was anything to delete. Their delivery records go with them.
    """
    deleted, _per_model = Subscriber.objects.filter(pk=subscriber.pk).delete()
    return deleted > 0


def subscribers_purge_unconfirmed(*, now=None) -> int:
    """Delete the addresses that did not confirm within UNCONFIRMED_KEEP_DAYS; return how many.

    RODO art. 5 ust. 1 lit. e: without a confirmed consent there is no purpose to keep the address.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=UNCONFIRMED_KEEP_DAYS)
    stale = Subscriber.objects.filter(status=Subscriber.Status.PENDING, consent_given_at__lt=cutoff)
    _deleted, per_model = stale.delete()
    return per_model.get(Subscriber._meta.label, 0)


# BOUNCES AND COMPLAINTS
# ------------------------------------------------------------------------------
def subscriber_record_bounce(*, email: str, hard: bool = True, complaint: bool = False, now=None) -> bool:
    """Count a hard bounce (or a complaint) of an address; stop mailing it after HARD_BOUNCES_TO_STOP of them.

    A soft bounce (a full mailbox) counts nothing. A complaint (the person marked a mailing as spam) stops the
    mailings at once. Returns whether the address is now bouncing.
    """
    if not hard and not complaint:
        return False
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email.strip().lower()).first()
        if subscriber is None:
            return False
        subscriber.hard_bounces += 1
        if subscriber.status == Subscriber.Status.ACTIVE and (
            complaint or subscriber.hard_bounces >= HARD_BOUNCES_TO_STOP
        ):
            subscriber.status = Subscriber.Status.BOUNCING
            subscriber.bouncing_since = now
        subscriber.save(update_fields=["hard_bounces", "status", "bouncing_since", "updated_at"])
        return subscriber.status == Subscriber.Status.BOUNCING
