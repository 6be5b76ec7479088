"""Template helpers of the newsroom: schema.org NewsArticle data of a release, its photos as <picture>."""

from django import template
from django.urls import reverse

from core.public_images import picture_sources
from core.site import site_url
from core.structured_data import SCHEMA, json_ld

register = template.Library()

PUBLISHER = {
    "@type": "GovernmentOrganization",
    "name": "Urząd Miasta Ruda Śląska",
    "url": "https://www.rudaslaska.pl/",
}


def _absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else site_url(url)


def photo_sources(release, photo) -> dict:
    """The <picture> sources of a release's photo: public media, or the checked view while it is withheld.

    A withheld photo is shown only on the page of a public release (the embargo has just ended and the
    files are not moved yet), through press:photo_rendition, which checks the release again.
    """
    if not photo.image.withheld:
        return picture_sources(photo.image)

    def url(rendition):
        return reverse(
            "press:photo_rendition",
            kwargs={
                "slug": release.slug,
                "pk": photo.pk,
                "width": rendition["width"],
                "extension": rendition["format"],
            },
        )

    return picture_sources(photo.image, url=url)


@register.inclusion_tag("includes/picture.html")
def release_picture(release, photo, sizes="100vw", css_class=""):
    """Render a photo of a public release as <picture> (core's includes/picture.html)."""
    return {"image": photo.image, "sizes": sizes, "css_class": css_class, **photo_sources(release, photo)}


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
        data["image"] = [_absolute(photo_sources(release, photo)["src"]) for photo in photos]
    if release.corrections.all():
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.note, "datePublished": c.created_at.isoformat(timespec="seconds")}
            for c in release.corrections.all()
        ]
    return data


@register.simple_tag
def release_json_ld(release, photos) -> str:
    return json_ld(release_structured_data(release, photos))
