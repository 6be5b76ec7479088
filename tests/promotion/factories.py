"""Investment sites, investor inquiries and own events for the promotion tests (through the services where they
have one)."""

import itertools
from datetime import date
from decimal import Decimal

from promotion.models import (
    BudgetLine,
    ChecklistItem,
    EventProduction,
    InvestmentSite,
    InvestorInquiry,
    ProductionKind,
    ProductionTask,
    SiteTransport,
    SiteUtility,
)
from promotion.services import inquiry_open, production_create

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


def make_kind(name="Festiwal plenerowy", checklist=()) -> ProductionKind:
    """A kind of own event with its checklist of (task, days before the event)."""
    kind = ProductionKind.objects.create(name=name)
    ChecklistItem.objects.bulk_create(
        ChecklistItem(kind=kind, title=title, days_before=days, position=position)
        for position, (title, days) in enumerate(checklist)
    )
    return kind


def make_production(*, kind=None, budget=(), tasks=(), **fields) -> EventProduction:
    """An own event's record created through `production_create` (its kind's checklist becomes tasks), with budget
    lines (title, planned, spent) and more tasks (title, due_on, done_on)."""
    n = next(_serial)
    values = {
        "title": f"Festiwal Rudzki {n}",
        "kind": kind or make_kind(name=f"Festiwal {n}"),
        "starts_on": date(2027, 6, 12),
        "ends_on": date(2027, 6, 13),
        "place": "Park im. Augustyna Halotty",
    }
    values.update(fields)
    production = production_create(production=EventProduction(**values))
    BudgetLine.objects.bulk_create(
        BudgetLine(production=production, title=title, planned=Decimal(planned), spent=Decimal(spent))
        for title, planned, spent in budget
    )
    ProductionTask.objects.bulk_create(
        ProductionTask(
            production=production, title=title, due_on=due_on, done_on=done_on, owner=production.coordinator
        )
        for title, due_on, done_on in tasks
    )
    return production
