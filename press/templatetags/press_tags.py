"""Template helpers of the newsroom: schema.org NewsArticle data of a release."""

from django import template
from django.core.files.storage import default_storage

from events.ical import site_url
from events.templatetags.events_tags import SCHEMA, json_ld

register = template.Library()

PUBLISHER = {
    "@type": "GovernmentOrganization",
    "name": "Urząd Miasta Ruda Śląska",
    "url": "https://www.rudaslaska.pl/",
}


def _absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else site_url(url)


def release_structured_data(release, photos) -> dict:
    """schema.org NewsArticle of a public release (https://schema.org/NewsArticle)."""
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": release.title[:110],
        "description": release.lead,
        "url": site_url(release.get_absolute_url()),
        "mainEntityOfPage": site_url(release.get_absolute_url()),
        "datePublished": release.publish_at.isoformat(timespec="seconds"),
        "dateModified": max(release.updated_at, release.publish_at).isoformat(timespec="seconds"),
        "inLanguage": "pl",
        "author": {**PUBLISHER},
        "publisher": {**PUBLISHER},
    }
    if photos:
        data["image"] = [_absolute(default_storage.url(photo.image.image.name)) for photo in photos]
    if release.corrections.all():
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.note, "datePublished": c.created_at.isoformat(timespec="seconds")}
            for c in release.corrections.all()
        ]
    return data


@register.simple_tag
def release_json_ld(release, photos) -> str:
    return json_ld(release_structured_data(release, photos))
