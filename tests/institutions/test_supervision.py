"""Supervision by the organiser (DOMAIN.md §A.6, §C.4): directors' terms, financial statements, inspections,
subsidies — the register entries they make and the reminders they put in the Terminarz."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.deadlines import open_deadlines
from institutions import services
from institutions.deadlines import DIRECTOR_TERM_REMINDER_DAYS, director_term_deadlines
from institutions.models import (
    DirectorTerm,
    FinancialStatement,
    Inspection,
    InstitutionSubsidy,
    RegisterEntry,
    Section,
)
from tests.conftest import otp_login
from tests.institutions import factories

D = datetime.date


record_term = factories.director_term


def test_a_directors_term_is_entered_in_section_ii(clerk, mck):
    term = record_term(clerk, mck, starts_on=D(2022, 9, 1), ends_on=D(2027, 8, 31))
    entry = term.register_entry
    assert (entry.section, entry.entry_date, entry.legal_basis) == ("II", D(2022, 9, 1), term.appointment_act)
    assert entry.values["director"].startswith("Jan Kowalski")
    mck.refresh_from_db()
    assert mck.director.startswith("Jan Kowalski")
    with pytest.raises(services.RegisterError, match="Koniec kadencji musi przypadać później niż jej początek"):
        record_term(clerk, mck, starts_on=D(2023, 1, 1), ends_on=D(2023, 1, 1))


def test_the_terminarz_reminds_before_a_term_ends(clerk, mck):
    today = timezone.localdate()
    term = record_term(clerk, mck, starts_on=D(2021, 1, 1), ends_on=today + datetime.timedelta(days=30))
    due = [d for d in director_term_deadlines(today) if d.url.endswith(f"/{term.pk}/change/")]
    assert [d.due_date for d in due] == [term.ends_on]
    # Not yet: the reminder starts DIRECTOR_TERM_REMINDER_DAYS before the end.
    later = today - datetime.timedelta(days=DIRECTOR_TERM_REMINDER_DAYS)
    assert not [d for d in director_term_deadlines(later) if d.url.endswith(f"/{term.pk}/change/")]
    # A successor appointed: no reminder.
    record_term(clerk, mck, starts_on=today, ends_on=today + datetime.timedelta(days=5 * 365), name="Ewa Nowak")
    assert not [d for d in director_term_deadlines(today) if d.url.endswith(f"/{term.pk}/change/")]


def test_a_financial_statement_is_filed_in_section_iii_once_a_year(clerk, mck):
    act = factories.legal_act(adopted_on=D(2025, 5, 20), kind="mayor_order", title="w sprawie zatwierdzenia")
    statement = services.financial_statement_file(
        institution=mck, year=2024, approved_on=D(2025, 5, 20), approval_act=act, acting_user=clerk
    )
    assert statement.register_entry.section == "III"
    assert "za rok 2024" in statement.register_entry.values["financial_statement"]
    with pytest.raises(services.RegisterError) as refused:
        services.financial_statement_file(
            institution=mck, year=2024, approved_on=D(2025, 5, 20), approval_act=act, acting_user=clerk
        )
    assert refused.value.code == "duplicate"
    assert mck.entries.filter(section="III").count() == 1


def test_inspection_follow_ups_are_in_the_terminarz_until_done(mck):
    inspection = Inspection.objects.create(
        institution=mck,
        scope="Gospodarka finansowa",
        date_from=D(2025, 6, 2),
        date_to=D(2025, 6, 13),
        recommendations="Terminowa sprawozdawczość.",
        follow_up_due=D(2025, 12, 31),
    )
    titles = [d.title for d in open_deadlines(section="institutions")]
    assert any("Gospodarka finansowa" in title for title in titles)
    Inspection.objects.filter(pk=inspection.pk).update(follow_up_done_on=D(2025, 12, 20))
    assert not any("Gospodarka finansowa" in d.title for d in open_deadlines(section="institutions"))


def test_a_subsidy_is_settled_once(clerk, mck):
    subsidy = InstitutionSubsidy.objects.create(
        institution=mck,
        year=2026,
        kind=InstitutionSubsidy.Kind.TARGETED_CURRENT,
        purpose="Industriada",
        amount=Decimal("150000.00"),
        settlement_due=D(2027, 1, 31),
    )
    assert any(d.due_date == D(2027, 1, 31) for d in open_deadlines(section="institutions"))
    services.subsidy_settle(
        subsidy=subsidy, settled_on=D(2027, 1, 20), returned_amount=Decimal("1200.50"), acting_user=clerk
    )
    subsidy.refresh_from_db()
    assert (subsidy.settled_on, subsidy.returned_amount) == (D(2027, 1, 20), Decimal("1200.50"))
    assert not any(d.due_date == D(2027, 1, 31) for d in open_deadlines(section="institutions"))
    with pytest.raises(services.RegisterError, match="Dotacja została już rozliczona"):
        services.subsidy_settle(subsidy=subsidy, settled_on=D(2027, 1, 21), returned_amount=0, acting_user=clerk)
    other = InstitutionSubsidy.objects.create(
        institution=mck, year=2026, kind="subject", purpose="Działalność", amount=Decimal("100.00")
    )
    with pytest.raises(services.RegisterError, match="Kwota zwrotu nie może być ujemna ani większa od kwoty dotacji"):
        services.subsidy_settle(
            subsidy=other, settled_on=D(2027, 1, 21), returned_amount=Decimal("101"), acting_user=clerk
        )


def test_the_terminarz_page_lists_the_registers_deadlines(clerk, mck, clerk_client):
    Inspection.objects.create(
        institution=mck,
        scope="Kontrola BHP",
        date_from=D(2025, 6, 2),
        date_to=D(2025, 6, 3),
        follow_up_due=D(2025, 9, 1),
    )
    client = clerk_client(groups=[factories.REGISTER_GROUP])
    page = client.get("/admin/terminarz/").content.decode()
    assert "Kontrola BHP" in page


def test_a_director_term_added_in_the_admin_goes_through_the_service(clerk_client, mck):
    client = clerk_client(groups=[factories.REGISTER_GROUP], first_name="Ewa", last_name="Wiśniewska")
    act = factories.legal_act(adopted_on=D(2024, 8, 1), kind="mayor_order", title="w sprawie powołania")
    response = client.post(
        reverse("admin:institutions_directorterm_add"),
        {
            "institution": mck.pk,
            "person_name": "Jan Kowalski",
            "appointment_mode": "competition",
            "appointment_act": act.pk,
            "starts_on": "2024-09-01",
            "ends_on": "2029-08-31",
            "opinions": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    term = DirectorTerm.objects.get()
    assert term.register_entry.entered_by_name == "Ewa Wiśniewska"


def test_a_term_starting_before_the_last_entry_is_a_form_error_and_the_clerk_can_date_the_entry(clerk, mck):
    """The book is chronological: a term that began in 2018 in a book last written in 2019 needs a later entry."""
    act = factories.legal_act(adopted_on=D(2019, 3, 1))
    services.entry_make(
        institution=mck,
        section=Section.I,
        entry_date=D(2019, 3, 15),
        legal_basis=act,
        values={"seat": "Ruda"},
        acting_user=clerk,
    )
    appointment = factories.legal_act(adopted_on=D(2018, 8, 1), kind="mayor_order", title="w sprawie powołania")
    client = Client(raise_request_exception=False)
    otp_login(client, clerk)
    data = {
        "institution": mck.pk,
        "person_name": "Jan Kowalski",
        "appointment_mode": "competition",
        "appointment_act": appointment.pk,
        "starts_on": "2018-09-01",
        "ends_on": "2023-08-31",
        "opinions": "",
    }
    url = reverse("admin:institutions_directorterm_add")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "15.03.2019" in response.content.decode()
    assert not DirectorTerm.objects.exists()

    response = client.post(url, {**data, "entry_date": "2019-03-20"})
    assert response.status_code == 302
    term = DirectorTerm.objects.get()
    assert term.register_entry.entry_date == D(2019, 3, 20)
    assert term.register_entry.section == Section.II
    assert RegisterEntry.objects.filter(institution=mck).count() == 3


def test_a_second_financial_statement_for_a_year_is_a_form_error(clerk, mck):
    act = factories.legal_act(adopted_on=D(2025, 5, 20), title="w sprawie zatwierdzenia sprawozdania")
    client = Client(raise_request_exception=False)
    otp_login(client, clerk)
    data = {"institution": mck.pk, "year": "2024", "approved_on": "2025-05-20", "approval_act": act.pk}
    url = reverse("admin:institutions_financialstatement_add")
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 200
    assert "2024" in response.content.decode()
    assert "errornote" in response.content.decode()
    assert FinancialStatement.objects.count() == 1
    assert client.post(url, {**data, "year": "2023", "entry_date": "2000-01-01"}).status_code == 200
    assert FinancialStatement.objects.count() == 1
