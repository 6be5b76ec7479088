"""Demo subscribers of the newsletter and two draft mailings: next week's digest and a campaign.

`manage.py seed_newsletter` stores the subscribers as the public form and the confirmation link leave them, with the
consent's current wording and version, but mails no confirmation link (the addresses are invented): three are
confirmed, one waits for its confirmation and gets nothing. The digest of the next week is prepared as the weekly
timer does (`digest_prepare`) and waits, with the campaign, for a clerk's preview and approval. Nothing is sent.
Idempotent: a known address or subject is not added again.
"""

from django.db import transaction
from django.utils import timezone, translation

from core.management.demo import DemoDataCommand
from events.models import Category
from newsletter.models import Mailing, Subscriber
from newsletter.services import CONSENT_TEXT, CONSENT_VERSION, digest_prepare

SUBSCRIBERS = [
    ("maria.kowalczyk@example.pl", True, {"events": True, "press_releases": True, "grant_calls": True}),
    ("tomasz.wrobel@example.pl", True, {"events": True, "press_releases": False, "districts": ["halemba"]}),
    ("seniorzy.wirek@example.pl", True, {"events": True, "press_releases": True, "category_slugs": ["koncerty"]}),
    ("nowy.czytelnik@example.pl", False, {"events": True, "press_releases": True}),
]
CAMPAIGN_SUBJECT = "Industriada 2026 w Rudzie Śląskiej — zaproszenie"
CAMPAIGN_BODY = (
    "<h2>Industriada wraca do Rudy Śląskiej</h2>"
    "<p>W sobotę szyb Andrzej i Wielki Piec zapraszają na zwiedzanie, koncerty i pokazy dla dzieci. "
    "Wstęp wolny.</p><ul><li>zwiedzanie szybu od 10:00,</li><li>koncert finałowy o 20:00.</li></ul>"
)


class Command(DemoDataCommand):
    help = "Add demo newsletter subscribers, next week's draft digest and a draft campaign (nothing is sent)."

    @transaction.atomic
    def handle(self, *args, **options):
        clerk = self.demo_clerk("site")
        added = 0
        for email, confirmed, preferences in SUBSCRIBERS:
            if Subscriber.objects.filter(email=email).exists():
                continue
            preferences = dict(preferences)
            slugs = preferences.pop("category_slugs", [])
            now = timezone.now()
            with translation.override("pl"):
                consent_text = str(CONSENT_TEXT)
            subscriber = Subscriber.objects.create(
                email=email,
                status=Subscriber.Status.ACTIVE if confirmed else Subscriber.Status.PENDING,
                consent_text=consent_text,
                consent_version=CONSENT_VERSION,
                consent_given_at=now,
                confirmed_at=now if confirmed else None,
                **preferences,
            )
            subscriber.event_categories.set(Category.objects.filter(slug__in=slugs))
            added += 1
        digest = digest_prepare(acting_user=clerk)
        if not Mailing.objects.filter(subject=CAMPAIGN_SUBJECT).exists():
            Mailing.objects.create(subject=CAMPAIGN_SUBJECT, body=CAMPAIGN_BODY, created_by=clerk)
        self.stdout.write(f"Newsletter: {added} demo subscribers added, draft digest of {digest.week_start}.")
