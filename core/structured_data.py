"""Structured data for search engines: schema.org JSON-LD blocks that public pages embed.

`json_ld(data)` renders a data block escaped as `json_script` escapes; a data block is not executed, so the
CSP (no inline scripts) does not apply to it. Template tag libraries register it as their `json_ld` filter.
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

SCHEMA = "https://schema.org/"

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data) -> str:
    """Render `data` as a <script type="application/ld+json"> data block, escaped like json_script."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


_POSTAL_CODE = re.compile(r"(?P<code>\d{2}-\d{3})\s+(?P<locality>[^,\n]+)")
CITY = "Ruda Śląska"


def postal_address(text: str, *, street: str = "", postal_code: str = "", locality: str = CITY) -> dict:
    """A schema.org PostalAddress: from its parts, or read from an address as clerks type it ("ul. Niedurnego 69,
    41-709 Ruda Śląska", on one or more lines): the postal code and the town after it, the street before."""
    if text and not street:
        found = _POSTAL_CODE.search(text)
        if found:
            postal_code, locality = found["code"], found["locality"].strip()
            street = text[: found.start()]
        else:
            street = text
        street = " ".join(street.replace("\n", " ").split()).strip(" ,")
    address = {"@type": "PostalAddress", "streetAddress": street, "addressLocality": locality, "addressCountry": "PL"}
    if postal_code:
        address["postalCode"] = postal_code
    return address


def organization(schema_type: str, *, name: str, url: str, address: dict | None = None, **properties) -> dict:
    """A schema.org Organization (or one of its types: GovernmentOrganization, Museum, Library …) with the
    properties search engines read (name, url, address), and any other given, empty ones left out."""
    data = {"@context": "https://schema.org", "@type": schema_type, "name": name, "url": url}
    if address:
        data["address"] = address
    data.update({key: value for key, value in properties.items() if value})
    return data


def department_structured_data(profile, *, absolute) -> dict:
    """The department as a schema.org GovernmentOrganization, part of the City Hall (the department card)."""
    from django.urls import reverse
    from django.utils.translation import gettext

    return organization(
        "GovernmentOrganization",
        name=profile.name,
        url=absolute(reverse("core:department")),
        address=postal_address(profile.address),
        email=profile.email,
        telephone=profile.phone,
        parentOrganization={
            "@type": "GovernmentOrganization",
            "name": gettext("City Hall of Ruda Śląska"),
            "url": absolute(reverse("core:home")),
        },
    )
