"""RSS 2.0 and Atom 1.0 feeds of the newsroom: all releases, or one topic's (`/prasa/tematy/<slug>/rss/`).

A feed lists at most FEED_LIMIT public releases, newest first by the moment they became public
(`publish_at`): a release under embargo is in no feed until its time. Two queries per feed (the topic
and the releases with their topics), whatever the number of releases.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import feedgenerator, timezone

from core.feeds import PublicFeed, xml_text
from core.site import site_url
from press.models import PressRelease, Topic

FEED_LIMIT = 50
CACHE_SECONDS = 300
FEED_TITLE = "Komunikaty prasowe — Ruda Śląska"
FEED_DESCRIPTION = "Komunikaty prasowe Urzędu Miasta Ruda Śląska."
FEED_AUTHOR = "Biuro prasowe UM Ruda Śląska"


class ReleasesRssFeed(PublicFeed):
    description = FEED_DESCRIPTION
    author_name = FEED_AUTHOR
    # Short: an embargoed release must appear soon after its time, not an hour later.
    cache_seconds = CACHE_SECONDS
    guid_prefix = "komunikat"

    def get_object(self, request, topic=None):
        topic_obj = get_object_or_404(Topic, slug=topic[:100]) if topic else None
        return {"topic": topic_obj, "now": timezone.now(), "feed_url": site_url(request.path)}

    def title(self, obj):
        return f"{FEED_TITLE}: {xml_text(obj['topic'].name)}" if obj["topic"] else FEED_TITLE

    def link(self, obj):
        url = site_url(reverse("press:release_list"))
        return f"{url}?temat={obj['topic'].slug}" if obj["topic"] else url

    def feed_url(self, obj):
        return obj["feed_url"]

    def items(self, obj):
        releases = PressRelease.objects.published(obj["now"]).prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("position", "name"))
        )
        if obj["topic"]:
            releases = releases.filter(topics=obj["topic"])
        return releases.order_by("-publish_at", "-pk")[:FEED_LIMIT]

    def item_pubdate(self, item):
        return item.publish_at

    def item_categories(self, item):
        return [xml_text(topic.name) for topic in item.topics.all()]


class ReleasesAtomFeed(ReleasesRssFeed):
    feed_type = feedgenerator.Atom1Feed
    subtitle = FEED_DESCRIPTION
