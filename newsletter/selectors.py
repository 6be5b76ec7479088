"""What the weekly digest "Co się dzieje w Rudzie Śląskiej" holds, read once per batch and chosen per subscriber.

The digest of a week (Monday to Sunday, Europe/Warsaw) announces the published events whose dates start in that
week and the press releases published in the week before it, plus the calls for grant offers open now. The
content is read in a fixed number of queries (`digest_content`); each subscriber's share is chosen in memory
(`digest_for`), so a batch's queries do not grow with its size.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from events.models import EventOccurrence
from grants.models import GrantCall
from newsletter.models import Subscriber
from press.models import PressRelease

DIGEST_DAYS = 7


@dataclass
class DigestContent:
    week_start: date
    occurrences: list = field(default_factory=list)
    releases: list = field(default_factory=list)
    calls: list = field(default_factory=list)

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=DIGEST_DAYS - 1)


@dataclass
class SubscriberDigest:
    occurrences: list
    releases: list
    calls: list

    def __bool__(self):
        return bool(self.occurrences or self.releases or self.calls)


def week_bounds(week_start: date) -> tuple[datetime, datetime]:
    """The [start, end) of the digest's week as aware times of the city's time zone."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(week_start, time.min, tzinfo=zone)
    end = datetime.combine(week_start + timedelta(days=DIGEST_DAYS), time.min, tzinfo=zone)
    return start, end


def next_week_start(today: date | None = None) -> date:
    """The Monday after `today` (a digest is prepared during the week for the next one)."""
    today = today or timezone.localdate()
    return today + timedelta(days=DIGEST_DAYS - today.weekday())


def digest_content(week_start: date, *, now=None) -> DigestContent:
    """Everything the digest of the week may hold, in three queries (events, releases with topics, calls)."""
    now = now or timezone.now()
    start, end = week_bounds(week_start)
    occurrences = list(
        EventOccurrence.objects.public(now).filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at", "pk")
    )
    releases = list(
        PressRelease.objects.published(now)
        .filter(publish_at__gte=start - timedelta(days=DIGEST_DAYS), publish_at__lt=start)
        .prefetch_related("topics")
        .order_by("-publish_at", "-pk")
    )
    calls = list(GrantCall.objects.open_for_offers(now).order_by("offers_deadline", "pk"))
    return DigestContent(week_start=week_start, occurrences=occurrences, releases=releases, calls=calls)


def digest_for(content: DigestContent, subscriber: Subscriber, *, category_ids=None, topic_ids=None):
    """The subscriber's part of the digest by their topics; empty (false) when none of it concerns them.

    `category_ids` and `topic_ids` are the subscriber's chosen event categories and press topics (empty: all);
    by default read from prefetched relations.
    """
    if category_ids is None:
        category_ids = {category.pk for category in subscriber.event_categories.all()}
    if topic_ids is None:
        topic_ids = {topic.pk for topic in subscriber.press_topics.all()}
    districts = set(subscriber.districts or ())
    occurrences = []
    if subscriber.events:
        occurrences = [
            occurrence
            for occurrence in content.occurrences
            if (not category_ids or occurrence.event.category_id in category_ids)
            and (not districts or occurrence.event.venue.district in districts)
        ]
    releases = []
    if subscriber.press_releases:
        releases = [
            release
            for release in content.releases
            if not topic_ids or topic_ids & {topic.pk for topic in release.topics.all()}
        ]
    calls = content.calls if subscriber.grant_calls else []
    return SubscriberDigest(occurrences=occurrences, releases=releases, calls=calls)


def everything_subscriber() -> Subscriber:
    """An unsaved subscriber who wants every topic: the clerk's preview of a digest."""
    return Subscriber(
        email="podglad@example.invalid", events=True, press_releases=True, grant_calls=True, meetings=True
    )
