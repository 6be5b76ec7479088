"""schema.org data of the department page (GovernmentOrganization) and the city's security.txt (RFC 9116)."""

from datetime import UTC, datetime, timedelta

from django.urls import reverse

from core.models import DepartmentProfile
from tests.helpers import json_ld_blocks


def department():
    return DepartmentProfile.objects.create(
        name="Wydział Kultury, Komunikacji Społecznej i Promocji Miasta",
        head_name="Krzysztof Piecha",
        address="pl. Jana Pawła II 6\n41-709 Ruda Śląska",
        phone="32 244 90 00 wew. 3250",
        email="kultura@rudaslaska.pl",
    )


def test_the_department_page_describes_the_department_as_a_government_organization(client, db):
    department()

    (data,) = json_ld_blocks(client.get(reverse("core:department")).content.decode())

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Wydział Kultury, Komunikacji Społecznej i Promocji Miasta"
    assert data["url"] == "http://testserver/wydzial/"
    assert data["email"] == "kultura@rudaslaska.pl"
    assert data["telephone"] == "32 244 90 00 wew. 3250"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "pl. Jana Pawła II 6",
        "postalCode": "41-709",
        "addressLocality": "Ruda Śląska",
        "addressCountry": "PL",
    }
    assert data["parentOrganization"]["name"] == "Urząd Miasta Ruda Śląska"


def test_security_txt_names_the_contact_and_expires_within_a_year(client, db, settings):
    department()
    settings.SECURITY_TXT_CONTACTS = []

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:kultura@rudaslaska.pl"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert datetime.now(UTC) < expires < datetime.now(UTC) + timedelta(days=365)
    assert fields["Canonical"].endswith("/.well-known/security.txt")
    assert fields["Preferred-Languages"] == "pl, en"


def test_security_txt_lists_the_configured_contacts_first(client, db, settings):
    settings.SECURITY_TXT_CONTACTS = ["mailto:bezpieczenstwo@example.pl", "https://example.pl/zglos"]

    lines = client.get("/.well-known/security.txt").content.decode().splitlines()

    assert lines[:2] == ["Contact: mailto:bezpieczenstwo@example.pl", "Contact: https://example.pl/zglos"]
