"""Template tags of the duty's public pages: the investment site's structured data (schema.org `Place`)."""

from django import template

from core.site import site_url
from core.structured_data import SCHEMA, json_ld
from promotion.models import InvestmentSite

register = template.Library()


def site_structured_data(site: InvestmentSite, texts: dict, language: str) -> dict:
    """The site as a schema.org `Place`: name, description, address, coordinates, area, map and photos."""
    data = {
        "@context": SCHEMA,
        "@type": "Place",
        "name": texts["name"],
        "description": texts["description"],
        "url": site_url(site.get_absolute_url()),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": site.street,
            "addressLocality": "Ruda Śląska",
            "addressRegion": "śląskie",
            "addressCountry": "PL",
        },
        "additionalProperty": [
            {"@type": "PropertyValue", "name": "area", "value": str(site.area_ha), "unitCode": "HAR"},
            {"@type": "PropertyValue", "name": "permittedUse", "value": site.get_permitted_use_display()},
        ],
    }
    if site.latitude is not None and site.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": str(site.latitude), "longitude": str(site.longitude)}
    if site.map_url:
        data["hasMap"] = site.map_url
    images = [site_url(photo.image.image.url) for photo in site.photos.all() if not photo.image.withheld]
    if images:
        data["image"] = images
    return data


@register.simple_tag
def site_json_ld(site: InvestmentSite, texts: dict, language: str) -> str:
    return json_ld(site_structured_data(site, texts, language))
