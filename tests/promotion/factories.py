"""Investment sites and investor inquiries for the promotion tests (inquiries through the services)."""

import itertools
from decimal import Decimal

from promotion.models import InvestmentSite, InvestorInquiry, SiteTransport, SiteUtility
from promotion.services import inquiry_open

_serial = itertools.count(1)


def make_site(*, utilities=(), links=(), **fields) -> InvestmentSite:
    """A published site's card; `utilities` are kinds (on the site), `links` (kind, name, km) triples."""
    n = next(_serial)
    values = {
        "name": f"Teren inwestycyjny {n}",
        "slug": f"teren-{n}",
        "is_published": True,
        "district": "halemba",
        "street": f"ul. Kłodnicka {n}",
        "description": "Płaski teren przy autostradzie A4.",
        "area_ha": Decimal("5.00"),
        "zoning_status": "local_plan",
        "permitted_use": "industrial",
        "ownership": "municipal",
        "price_per_m2": Decimal("150.00"),
        "contact_name": "Marek Wieczorek",
        "contact_email": "inwestor@rudaslaska.pl",
    }
    values.update(fields)
    site = InvestmentSite.objects.create(**values)
    SiteUtility.objects.bulk_create(SiteUtility(site=site, kind=kind, capacity="") for kind in utilities)
    SiteTransport.objects.bulk_create(
        SiteTransport(site=site, kind=kind, name=name, distance_km=Decimal(km)) for kind, name, km in links
    )
    return site


def make_inquiry(*, sites=(), received_on=None, **fields) -> InvestorInquiry:
    n = next(_serial)
    values = {
        "company_name": f"Firma Produkcyjna {n} sp. z o.o.",
        "contact_name": "Katarzyna Lis",
        "contact_email": f"inwestor{n}@example.pl",
        "sector": "części samochodowe",
        "needs": "Hala produkcyjna, 2 MW mocy.",
    }
    values.update(fields)
    return inquiry_open(inquiry=InvestorInquiry(**values), sites=sites, received_on=received_on, acknowledge=False)
