"""What every feed of the portal (RSS, Atom, iCalendar) needs from the kernel."""

import re

from django.contrib.syndication.views import Feed
from django.utils.html import escape

from core.site import site_host, site_url

# Characters XML 1.0 cannot carry (Django's feed generator refuses them, which would be a 500).
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry, so a pasted control character never breaks a feed."""
    return XML_FORBIDDEN.sub("", text)


#: The year in the tag: URIs (RFC 4151) that identify the items of the portal's feeds; it must never change.
TAG_YEAR = 2026


class PublicFeed(Feed):
    """The base of the portal's RSS feeds (an Atom feed subclasses one and sets `feed_type`).

    Polish, cached publicly for `cache_seconds` and readable by scripts of other sites. Each item has its title as
    plain text, its lead as the description, an absolute link, a tag: URI that never changes
    (`tag:<host>,2026:<guid_prefix>-<pk>`) and its last change. A subclass sets `guid_prefix`, `title`, `link`,
    `items` and `item_pubdate`.
    """

    language = "pl"
    item_guid_is_permalink = False
    cache_seconds = 300
    guid_prefix: str

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = f"public, max-age={self.cache_seconds}"
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def item_title(self, item):
        # Plain text: the feed generator escapes it for XML once (Atom <title> is type="text").
        return xml_text(item.title)

    def item_description(self, item):
        # RSS <description> and Atom <summary type="html"> are HTML; the lead is plain text.
        return escape(xml_text(item.lead))

    def item_link(self, item):
        return site_url(item.get_absolute_url())

    def item_guid(self, item):
        return f"tag:{site_host()},{TAG_YEAR}:{self.guid_prefix}-{item.pk}"

    def item_updateddate(self, item):
        return max(item.updated_at, self.item_pubdate(item))
