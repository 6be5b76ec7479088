"""The newsletter: subscribers and mailings."""

from django.utils import timezone

from newsletter.models import Mailing, Subscriber
from tests.core.admin_rows import plain, row_maker, serial


@row_maker(Subscriber)
def newsletter_subscriber():
    n = next(serial)
    return Subscriber.objects.create(
        email=f"czytelnik{n}@example.pl",
        consent_text="Wyrażam zgodę na newsletter.",
        consent_version=1,
        consent_given_at=timezone.now(),
    )


plain(Mailing, subject="Kampania {n}", body="<p>Zapraszamy na Industriadę.</p>")
