"""Honorary patronage and the city's symbols."""

from datetime import timedelta

from django.utils import timezone

from core.services import case_open
from patronage.models import FileSet, PatronageApplication, SymbolMisuseReport, SymbolUseRequest
from tests.core.admin_rows import plain, row_maker, serial


@row_maker(PatronageApplication)
def patronage_application():
    n = next(serial)
    starts_on = timezone.localdate() + timedelta(days=40 + n)
    application = PatronageApplication(
        organiser_name=f"Stowarzyszenie {n}",
        organiser_address="ul. Niedurnego 69, Ruda Śląska",
        contact_name="Ewa Zielińska",
        contact_email=f"patronat{n}@example.pl",
        event_name=f"Festiwal {n}",
        starts_on=starts_on,
        ends_on=starts_on,
        venue="Park Strzelnica",
        description="Festiwal.",
        programme="Koncerty.",
        permits_confirmed=True,
        received_on=timezone.localdate(),
    )
    return case_open(case=application, title=f"Patronat {n}")


@row_maker(SymbolUseRequest)
def symbol_use_request():
    n = next(serial)
    request = SymbolUseRequest(
        applicant_name=f"Firma {n}",
        applicant_address="ul. Kłodnicka 10, Ruda Śląska",
        contact_name="Jan Nowak",
        contact_email=f"symbole{n}@example.pl",
        symbol="logo",
        purpose="Koszulki.",
        medium="koszulki",
        period_from=timezone.localdate(),
        period_to=timezone.localdate() + timedelta(days=90),
        received_on=timezone.localdate(),
    )
    return case_open(case=request, title=f"Symbole {n}")


@row_maker(SymbolMisuseReport)
def symbol_misuse_report():
    n = next(serial)
    return SymbolMisuseReport.objects.create(symbol="coat_of_arms", where=f"Sklep {n}", description="Herb na kubkach.")


plain(FileSet, title="Logo patronatu {n}", slug="logo-patronatu-{n}", is_published=True)
