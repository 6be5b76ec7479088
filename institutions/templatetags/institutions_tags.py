"""schema.org JSON-LD of an institution's page in the register: `{% institution_json_ld institution %}`."""

from django import template

from core.structured_data import json_ld, organization, postal_address
from institutions.models import InstitutionKind

register = template.Library()

# A museum and a library have their own schema.org types; every other cultural institution is an Organization.
SCHEMA_TYPES = {InstitutionKind.MUSEUM: "Museum", InstitutionKind.LIBRARY: "Library"}


def institution_structured_data(institution, *, absolute) -> dict:
    """A registered institution as a schema.org Museum, Library or Organization: its names, seat, website and the
    city as the organiser that founded it (u.o.p.d.k. art. 9)."""
    return organization(
        SCHEMA_TYPES.get(institution.kind, "Organization"),
        name=institution.full_name,
        url=absolute(institution.get_absolute_url()),
        address=postal_address(institution.address) if institution.address else None,
        alternateName=institution.short_name,
        sameAs=institution.website,
        foundingDate=institution.registered_on.isoformat() if institution.registered_on else "",
        dissolutionDate=institution.struck_out_on.isoformat() if institution.struck_out_on else "",
        parentOrganization={"@type": "GovernmentOrganization", "name": institution.organiser}
        if institution.organiser
        else None,
    )


@register.simple_tag(takes_context=True)
def institution_json_ld(context, institution) -> str:
    return json_ld(institution_structured_data(institution, absolute=context["request"].build_absolute_uri))
