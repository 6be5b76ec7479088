"""schema.org data of an institution's page: a Museum, a Library or an Organization, with its seat's address."""

import pytest

from institutions.models import InstitutionKind
from tests.helpers import json_ld_blocks
from tests.institutions import factories


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        (InstitutionKind.MUSEUM, "Museum"),
        (InstitutionKind.LIBRARY, "Library"),
        (InstitutionKind.CULTURE_CENTRE, "Organization"),
    ],
)
def test_an_institution_is_described_by_its_kind(client, clerk, kind, schema_type):
    institution = factories.institution(
        clerk=clerk,
        kind=kind,
        full_name="Muzeum Miejskie im. Maksymiliana Chroboka w Rudzie Śląskiej",
        short_name="Muzeum Miejskie",
        address="ul. Wolności 26, 41-700 Ruda Śląska",
    )

    (data,) = json_ld_blocks(client.get(institution.get_absolute_url()).content.decode())

    assert data["@type"] == schema_type
    assert data["name"] == "Muzeum Miejskie im. Maksymiliana Chroboka w Rudzie Śląskiej"
    assert data["alternateName"] == "Muzeum Miejskie"
    assert data["url"] == f"http://testserver{institution.get_absolute_url()}"
    assert data["address"]["streetAddress"] == "ul. Wolności 26"
    assert data["address"]["postalCode"] == "41-700"
    assert data["address"]["addressLocality"] == "Ruda Śląska"
    assert data["foundingDate"] == institution.registered_on.isoformat()
