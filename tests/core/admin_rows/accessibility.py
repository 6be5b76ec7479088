"""The accessibility coordinator: requests, demands, declarations, plans and reports."""

from datetime import timedelta

from django.utils import timezone

from accessibility.models import (
    AccessibilityDeclaration,
    AccessibilityReport,
    AccessibilityRequest,
    ActionPlan,
    DigitalAccessibilityDemand,
)
from core.services import case_open
from tests.core.admin_rows import TODAY, plain, row_maker, serial


@row_maker(AccessibilityRequest)
def accessibility_request():
    n = next(serial)
    request = AccessibilityRequest(
        applicant_name=f"Anna Nowak {n}",
        contact_email=f"dostepnosc{n}@example.pl",
        barrier_place=f"Budynek {n}",
        barrier_description="Schody.",
        factual_interest="Złożenie wniosku.",
        received_on=timezone.localdate(),
    )
    return case_open(case=request, title=f"Dostępność {n}")


@row_maker(DigitalAccessibilityDemand)
def digital_accessibility_demand():
    n = next(serial)
    demand = DigitalAccessibilityDemand(
        applicant_name=f"Jan Kowalski {n}",
        contact_email=f"cyfrowa{n}@example.pl",
        page_url=f"https://kultura.rudaslaska.pl/strona-{n}/",
        problem="Brak tekstu alternatywnego.",
        received_on=timezone.localdate(),
    )
    return case_open(case=demand, title=f"Dostępność cyfrowa {n}")


@row_maker(AccessibilityDeclaration)
def accessibility_declaration():
    n = next(serial)
    return AccessibilityDeclaration.objects.create(
        language="pl",
        site_name=f"Portal {n}",
        site_url=f"https://strona{n}.rudaslaska.pl/",
        published_on=TODAY,
        updated_on=TODAY,
        prepared_on=TODAY,
        contact_person="Koordynator",
        contact_email="dostepnosc@example.pl",
        contact_phone="32 244 90 00",
        communication="Pętla indukcyjna.",
    )


plain(ActionPlan, title="Plan dostępności {n}", period_from=TODAY, period_to=lambda n: TODAY + timedelta(days=n))
plain(AccessibilityReport, year=lambda n: 2000 + n)
