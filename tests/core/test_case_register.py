"""The list of cases (spis spraw) in the admin: one search across every case type, filters, CSV and the yearly PDF.

The cases are opened as their applicants open them (each app's public form or its factory through the app's
service); the kernel copies who they came from and their status onto the register's line.
"""

import csv
import io
import re

import pytest
from django.apps import apps as global_apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.models import CaseKind, CaseRegisterEntry, Feedback, JrwaClass
from core.retention import case_anonymise, case_models
from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTIONS
from core.services import case_open, case_take, transition_perform
from events.models import Category, EventSubmission
from grants.models import GrantOffer
from institutions.models import ExtractRequest
from mass_events.models import EventNotification, MassEventPermitApplication
from press.models import Accreditation
from tests.events.factories import mck_venue
from tests.grants.factories import make_call, offer_send
from tests.helpers import public_form_data
from tests.institutions import factories as institutions_factories
from tests.mass_events.factories import EventNotificationFactory, PermitApplicationFactory
from tests.press.factories import MediaListFactory, PressConferenceFactory

URL = reverse("admin:core_caseregisterentry_changelist")
CSV_URL = reverse("admin:core_caseregisterentry_export_csv")
PDF_URL = reverse("admin:core_caseregisterentry_spis_spraw")
CASEWORK = "Kancelaria wydziału"
SITE_EDITORS = "Redakcja portalu"  # the section handling opinions about the portal
ROLE_GROUPS = [section.group_name for section in SECTIONS] + [HEAD_OF_DEPARTMENT_GROUP]
SURNAME = "Kowalczyk"


def page_of(client, url=URL, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def marks_on(page: str) -> set[str]:
    """The case marks the changelist's rows show (each is the link of its row)."""
    return set(re.findall(r'<t[dh] class="field-case_link"><a href="[^"]+">([^<]+)</a>', page))


def open_opinion(email: str, message: str = "Proszę o dłuższe godziny otwarcia czytelni.") -> Feedback:
    return case_open(case=Feedback(message=message, contact_email=email), title="Opinia o portalu", acknowledge=False)


@pytest.fixture
def register(clerk_client):
    return clerk_client(groups=[CASEWORK])


@pytest.fixture
def cases_of_one_surname(db):
    """One case of Anna Kowalczyk in every app that has cases, each opened through that app's own way in."""
    venue = mck_venue()
    start = (timezone.localtime() + timezone.timedelta(days=14)).replace(hour=18, minute=0, second=0, microsecond=0)
    submission_post = public_form_data(
        title="Koncert Orkiestry Dętej KWK Halemba",
        lead="Wieczór marszów i walców.",
        description="Zagra 40 muzyków.",
        category=Category.objects.get(slug="koncerty").pk,
        organiser_name="Stowarzyszenie Przyjaciół Halemby",
        starts_at=start.strftime("%Y-%m-%dT%H:%M"),
        ends_at=(start + timezone.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        venue=venue.pk,
        admission="free",
        ticket_url="",
        contact_name=f"Anna {SURNAME}",
        contact_email="anna.k@example.pl",
        contact_phone="+48 32 244 90 00",
    )
    assert Client().post("/wydarzenia/zglos/", submission_post).status_code == 302
    conference = PressConferenceFactory(media_lists=[MediaListFactory(emails=("a@gazeta.pl",))])
    accreditation_post = public_form_data(
        full_name=f"Anna {SURNAME}",
        outlet_name="Radio Katowice",
        role="reporterka",
        press_card_number="PL-12345",
        email="a.kowalczyk@radio.pl",
        phone="",
        crew="",
        equipment="",
        recording_consent="on",
    )
    url = reverse("press:accreditation_create", kwargs={"slug": conference.slug})
    assert Client().post(url, accreditation_post).status_code == 302
    offer = offer_send(Client(), make_call(status="published"), contact_name=f"Anna {SURNAME}")
    mck = institutions_factories.institution(clerk=institutions_factories.register_clerk())
    extract = institutions_factories.extract_request(Client(), mck, applicant_name=f"Anna {SURNAME}")
    return {
        "events": EventSubmission.objects.get(),
        "press": Accreditation.objects.get(),
        "grants": offer,
        "institutions": extract,
        "mass_events permit": PermitApplicationFactory(contact_name=f"Anna {SURNAME}"),
        "mass_events notification": EventNotificationFactory(contact_name=f"Anna {SURNAME}"),
        # An opinion names nobody: it is found by the e-mail its sender left.
        "core": open_opinion(f"anna.{SURNAME.lower()}@example.pl"),
    }


def test_every_case_model_names_its_applicant_with_fields_it_has():
    for model in case_models():
        for path in model.APPLICANT_NAME_FIELDS:
            first, *rest = path.split("__")
            field = model._meta.get_field(first)
            if rest:
                field.related_model._meta.get_field(rest[0])
        if model is not Feedback:
            assert model.APPLICANT_NAME_FIELDS, f"{model._meta.label} does not say who its cases come from"
    assert {Feedback, EventSubmission, Accreditation, GrantOffer, ExtractRequest} <= set(case_models())
    assert {EventNotification, MassEventPermitApplication} <= set(case_models())


def test_searching_a_surname_finds_the_applicants_cases_in_every_app(cases_of_one_surname, register):
    other = PermitApplicationFactory(organiser_name="Fundacja Śląskie Brzmienia", contact_name="Ewa Nowak")
    page = page_of(register, q=SURNAME)

    found = marks_on(page)
    assert found == {case.case_mark for case in cases_of_one_surname.values()}
    assert other.case_mark not in found
    for case in cases_of_one_surname.values():
        change = reverse(f"admin:{case._meta.app_label}_{case._meta.model_name}_change", args=[case.pk])
        assert f'<a href="{change}">{case.case_mark}</a>' in page
    # Who the case came from, as the register shows it: the organisation and the person.
    assert "Stowarzyszenie Przyjaciół Halemby — Anna Kowalczyk" in page
    assert "Anna Kowalczyk — Radio Katowice" in page


def test_an_email_or_a_case_mark_finds_the_one_case(cases_of_one_surname, register):
    accreditation = cases_of_one_surname["press"]
    assert marks_on(page_of(register, q="a.kowalczyk@radio.pl")) == {accreditation.case_mark}
    extract = cases_of_one_surname["institutions"]
    assert marks_on(page_of(register, q=extract.case_mark)) == {extract.case_mark}


def test_the_filters_narrow_by_case_type_class_year_unit_and_status(cases_of_one_surname, register):
    offer = cases_of_one_surname["grants"]
    opinion = cases_of_one_surname["core"]
    offers = CaseKind.objects.get(key="grants.grantoffer")
    assert marks_on(page_of(register, kind__id__exact=offers.pk)) == {offer.case_mark}
    jrwa = offer.register_entry.jrwa_class
    assert marks_on(page_of(register, jrwa_class__id__exact=jrwa.pk)) == {offer.case_mark}
    assert marks_on(page_of(register, year=offer.register_entry.year - 1)) == set()
    unit = offer.register_entry.unit
    assert len(marks_on(page_of(register, unit__id__exact=unit.pk))) == len(cases_of_one_surname)

    transition_perform(obj=opinion, name="answer", acting_user=None)
    answered = page_of(register, status="answered")
    assert marks_on(answered) == {opinion.case_mark}
    assert "udzielono odpowiedzi" in answered
    entry = CaseRegisterEntry.objects.get(pk=opinion.register_entry_id)
    assert entry.closed_at is not None
    assert offer.case_mark in marks_on(page_of(register, status="submitted"))


def test_the_csv_holds_the_search_with_polish_headers(cases_of_one_surname, register):
    response = register.get(CSV_URL, {"q": "Radio Katowice"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == [
        "Znak sprawy",
        "Od kogo wpłynęła",
        "E-mail wnioskodawcy",
        "Sprawa (tytuł)",
        "Rodzaj sprawy",
        "Komórka organizacyjna",
        "Klasa JRWA",
        "Rok",
        "Status",
        "Prowadzący sprawę",
        "Data wszczęcia",
        "Data ostatecznego załatwienia",
    ]
    accreditation = cases_of_one_surname["press"]
    entry = accreditation.register_entry
    assert rows[1:] == [
        [
            accreditation.case_mark,
            "Anna Kowalczyk — Radio Katowice",
            "a.kowalczyk@radio.pl",
            entry.title,
            entry.kind.name,
            entry.unit.symbol,
            entry.jrwa_class.symbol,
            str(entry.year),
            "złożona",
            "",
            f"{timezone.localdate(entry.opened_at):%d.%m.%Y}",
            "",
        ]
    ]


def test_the_yearly_pdf_lists_the_cases_of_one_jrwa_class(cases_of_one_surname, register):
    extract = cases_of_one_surname["institutions"]
    entry = extract.register_entry
    second = institutions_factories.extract_request(Client(), extract.institution, applicant_name="Jan Wiśniewski")
    response = register.get(PDF_URL, {"jrwa_class__id__exact": entry.jrwa_class_id, "year": entry.year})
    assert response.status_code == 200
    assert response.content[:4] == b"%PDF"
    text = " ".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "Spis spraw" in text
    assert "Od kogo wpłynęła" in text
    assert "Data ostatecznego załatwienia" in text
    assert extract.case_mark in text
    assert second.case_mark in text
    assert "Jan Wiśniewski" in text
    assert cases_of_one_surname["grants"].case_mark not in text  # another JRWA class


def test_the_pdf_asks_for_a_class_and_a_year_instead_of_failing(cases_of_one_surname, register):
    response = register.get(PDF_URL, {"q": SURNAME}, follow=True)
    assert response.redirect_chain[-1][0].startswith(URL)
    assert "Aby wydrukować spis spraw, wybierz w filtrach klasę JRWA i rok." in response.content.decode()
    response = register.get(PDF_URL, {"jrwa_class__id__exact": "abc", "year": "dwa"}, follow=True)
    assert response.status_code == 200
    assert "Filtry listy są nieprawidłowe; wybierz je ponownie." in response.content.decode()
    response = register.get(CSV_URL, {"year": "dwa"}, follow=True)
    assert response.status_code == 200
    assert "Filtry listy są nieprawidłowe; wybierz je ponownie." in response.content.decode()


def test_the_changelist_query_count_does_not_grow_with_the_entries(register, db):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            page = page_of(register)
        assert marks_on(page)
        return len(queries)

    for n in range(5):
        open_opinion(f"osoba{n}@example.pl")
    five = count_queries()
    for n in range(5, 50):
        open_opinion(f"osoba{n}@example.pl")
    assert CaseRegisterEntry.objects.count() == 50
    assert count_queries() == five


@pytest.mark.parametrize("group", ROLE_GROUPS)
def test_only_the_casework_office_and_the_head_see_the_register_and_its_exports(group, clerk_client, db):
    opinion = open_opinion("jan@example.pl")
    clerk = clerk_client(groups=[group])
    params = {"jrwa_class__id__exact": opinion.register_entry.jrwa_class_id, "year": opinion.register_entry.year}
    allowed = group in (CASEWORK, HEAD_OF_DEPARTMENT_GROUP)
    for url in (URL, CSV_URL, PDF_URL):
        response = clerk.get(url, params)
        assert response.status_code == (200 if allowed else 403), (group, url)
        if allowed:
            assert opinion.case_mark.encode() in response.content or response.content[:4] == b"%PDF"


def test_anonymisation_removes_the_applicants_data_from_the_register(db):
    opinion = open_opinion("jan.kowalczyk@example.pl")
    transition_perform(obj=opinion, name="answer", acting_user=None)
    assert CaseRegisterEntry.objects.get(pk=opinion.register_entry_id).applicant_email == "jan.kowalczyk@example.pl"
    category = JrwaClass.objects.get(pk=opinion.register_entry.jrwa_class_id).archival_category
    today = timezone.localdate().replace(year=timezone.localdate().year + 60)
    assert case_anonymise(model=Feedback, pk=opinion.pk, category=category, today=today) is not None
    assert CaseRegisterEntry.objects.get(pk=opinion.register_entry_id).applicant_email == ""


def test_the_data_migration_fills_the_entries_of_earlier_cases(cases_of_one_surname):
    migration = __import__("core.migrations.0008_caseregisterentry_fill_applicant_status", fromlist=["fill"])
    expected = {
        entry.pk: (entry.kind_id, entry.applicant_name, entry.applicant_email, entry.status)
        for entry in CaseRegisterEntry.objects.all()
    }
    CaseRegisterEntry.objects.update(kind=None, applicant_name="", applicant_email="", status="")

    migration.fill(global_apps, None)

    filled = {
        entry.pk: (entry.kind_id, entry.applicant_name, entry.applicant_email, entry.status)
        for entry in CaseRegisterEntry.objects.all()
    }
    assert filled == expected
    assert sum(1 for _kind, name, _email, _status in filled.values() if SURNAME in name) == 6


def test_the_list_and_its_csv_name_the_clerk_handling_each_case(register, make_clerk):
    handled = open_opinion("pierwsza@example.pl")
    waiting = open_opinion("druga@example.pl")
    clerk = make_clerk(groups=[SITE_EDITORS], first_name="Joanna", last_name="Zawadzka")
    case_take(case=handled, acting_user=clerk)

    page = page_of(register)
    rows = {mark: row for row in page.split("<tr")[1:] for mark in marks_on("<tr" + row)}
    assert "Joanna Zawadzka" in rows[handled.case_mark]
    assert "Joanna Zawadzka" not in rows[waiting.case_mark]

    lines = list(csv.reader(io.StringIO(register.get(CSV_URL).content.decode("utf-8")[1:])))
    column = lines[0].index("Prowadzący sprawę")
    by_mark = {line[0]: line[column] for line in lines[1:]}
    assert by_mark == {handled.case_mark: "Joanna Zawadzka", waiting.case_mark: ""}
