"""The demo patronages and symbol requests: each state a clerk meets, made through the services, loaded once."""

import io

from django.core.management import call_command

from core.models import PrivateDocument, StatusChange
from patronage.models import FileSetFile, PatronageApplication, SymbolMisuseReport, SymbolUseRequest
from tests.helpers import close_response

Patronage = PatronageApplication.Status
Symbols = SymbolUseRequest.Status


def seed():
    call_command("seed_patronage", "--allow-outside-debug", stdout=io.StringIO())


def test_a_newcomer_sees_each_state_and_a_second_run_adds_nothing(db, client):
    seed()
    counts = (
        PatronageApplication.objects.count(),
        SymbolUseRequest.objects.count(),
        StatusChange.objects.count(),
        PrivateDocument.objects.count(),
        SymbolMisuseReport.objects.count(),
    )
    seed()
    assert (
        PatronageApplication.objects.count(),
        SymbolUseRequest.objects.count(),
        StatusChange.objects.count(),
        PrivateDocument.objects.count(),
        SymbolMisuseReport.objects.count(),
    ) == counts
    assert sorted(PatronageApplication.objects.values_list("status", flat=True)) == sorted(
        [
            Patronage.RECEIVED,
            Patronage.RECEIVED,
            Patronage.OPINION_REQUESTED,
            Patronage.GRANTED,
            Patronage.REPORT_DUE,
            Patronage.REFUSED,
        ]
    )
    assert sorted(SymbolUseRequest.objects.values_list("status", flat=True)) == sorted(
        [Symbols.RECEIVED, Symbols.CONSENT_WITH_CONDITIONS, Symbols.REFUSED]
    )
    assert PatronageApplication.objects.filter(is_late=True).count() == 1
    # the register shows the two granted patronages
    page = client.get("/patronat/rejestr/").content.decode()
    assert "Ruda Barokowa" in page
    assert "Jarmark Wirkowski" in page
    assert "Wyprzedaż" not in page
    assert PrivateDocument.objects.filter(description="Dyplom Honorowego Patronatu").count() == 1
    # the approved files: the patronage logo on the overview, the symbols and the brand book on their page
    assert "Logo Honorowego Patronatu Prezydenta Miasta" in client.get("/patronat/").content.decode()
    symbols_page = client.get("/symbole-miasta/").content.decode()
    assert "Księga znaku" in symbols_page
    link = FileSetFile.objects.get(title="Księga znaku").get_absolute_url()
    assert link in symbols_page
    response = client.get(link)
    close_response(response)
    assert response.status_code == 200


def test_the_granted_festival_is_marked_in_the_demo_calendar(db, client):
    from tests.events.factories import VenueFactory, category

    VenueFactory(), category("koncerty")
    seed()
    festival = PatronageApplication.objects.get(status=Patronage.GRANTED).calendar_event
    assert festival.title == "Festiwal Muzyki Dawnej „Ruda Barokowa”"
    assert "Patronat Prezydenta Miasta" in client.get(festival.get_absolute_url()).content.decode()
