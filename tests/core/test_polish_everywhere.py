"""No English and no internal code on a Polish page: every admin changelist, add and change page, and every
public page type a resident can reach, read for untranslated phrases (tests/core/untranslated.py).

The data: the demo seed (department, pages, events, the register of institutions, press releases) and a grant
competition run through the services, so that most models have an object to open and cases have a history.
"""

import re
from datetime import date, datetime
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from core.admin_grammar import admin_count, admin_title
from core.models import CaseRegisterEntry, Feedback
from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTIONS
from core.services import case_message_add, case_open, transition_perform
from grants import services as grant_services
from grants.models import GrantOffer
from tests.core.untranslated import english_phrases, untranslated
from tests.grants.factories import WARSAW, make_call, offer_post
from tests.helpers import close_response
from tests.press.factories import media_list_with_contacts

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def travel(year, month, day):
    return time_machine.travel(datetime(year, month, day, 12, tzinfo=WARSAW), tick=False)


def grant_competition(client, clerk):
    """A call with three offers taken through the formal check, the committee, the results and an agreement."""
    with travel(2026, 3, 10):
        call = make_call(status="published", acting_user=clerk)
        for number in range(3):
            data = offer_post(organisation_name=f"Stowarzyszenie Kulturalne nr {number}", title=f"Zadanie {number}")
            client.post(f"/dotacje/konkursy/{call.slug}/oferta/", data)
    first, second, third = GrantOffer.objects.order_by("pk")
    with travel(2026, 3, 24):
        transition_perform(obj=call, name="close_offers", acting_user=clerk)
        transition_perform(obj=first, name="formal_ok", acting_user=clerk)
        transition_perform(obj=second, name="formal_ok", acting_user=clerk)
        transition_perform(obj=third, name="call_to_complete", acting_user=clerk, note="Brak podpisu.")
        transition_perform(obj=third, name="reject_formal", acting_user=clerk, note="Nie uzupełniono oferty.")
        member = grant_services.committee_member_add(call=call, user=clerk, role="chair", acting_user=clerk)
        criteria = list(call.criteria.filter(kind="merit").order_by("position"))
        assignment = grant_services.offer_assign(member=member, offer=first, acting_user=clerk)
        grant_services.impartiality_declare(assignment=assignment, has_conflict=False, acting_user=clerk)
        grant_services.scores_record(
            assignment=assignment, points={criterion.pk: Decimal(8) for criterion in criteria}, acting_user=clerk
        )
        first.refresh_from_db()
        grant_services.offer_amounts_set(
            offer=first, acting_user=clerk, recommended=Decimal("4000"), granted=Decimal("4000")
        )
    with travel(2026, 4, 20):
        transition_perform(obj=call, name="resolve", acting_user=clerk)
        first.refresh_from_db()
        agreement = grant_services.agreement_sign(
            offer=first,
            number="KSP.5220.1.2026",
            signed_on=date(2026, 4, 20),
            bank_account="PL61109010140000071219812874",
            tranches=[(date(2026, 5, 4), Decimal("2000")), (date(2026, 7, 1), Decimal("2000"))],
            budget_updated=True,
            acting_user=clerk,
        )
    grant_services.agreement_transfer_record(agreement=agreement, transferred_on=date(2026, 5, 4), acting_user=clerk)
    with travel(2026, 10, 5):
        report = agreement.reports.get()
        transition_perform(obj=report, name="call", acting_user=clerk)
        report.refresh_from_db()
        grant_services.report_receive(report=report, costs_used=Decimal("4000"), acting_user=clerk)
        transition_perform(obj=report, name="accept", acting_user=clerk)
    grant_services.control_record(
        agreement=agreement,
        controlled_on=date(2026, 10, 20),
        scope="Dokumentacja finansowa zadania",
        findings="Bez uwag.",
        recommendations="Brak.",
        acting_user=clerk,
    )
    grant_services.settlement_record(
        agreement=agreement, used=Decimal("4000"), misused=Decimal("0"), found_on=date(2026, 10, 20), acting_user=clerk
    )


@pytest.fixture
def portal(db, clerk_client):
    """The demo portal plus a grant competition and an opinion with a reply; a clerk in every role."""
    call_command("seed_demo", "--allow-outside-debug", stdout=StringIO())
    client = clerk_client(groups=[*(section.group_name for section in SECTIONS), HEAD_OF_DEPARTMENT_GROUP])
    grant_competition(Client(), client.clerk)
    feedback = case_open(
        case=Feedback(message="Brakuje godzin otwarcia.", contact_email="a@example.pl"), title="Opinia"
    )
    case_message_add(case=feedback, body="Dziękujemy, uzupełnimy.", author_kind="clerk", acting_user=client.clerk)
    transition_perform(obj=feedback, name=feedback.workflow.available(feedback)[0].name, acting_user=client.clerk)
    media_list_with_contacts()
    return client


def admin_pages(model):
    opts = model._meta
    yield reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    yield reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    obj = model._default_manager.order_by("-pk").first()
    if obj is not None:
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_the_phrase_list_knows_what_django_and_the_portal_write_in_english():
    phrases = set(english_phrases())
    assert {"Select an option", "Filter by", "Change reason", "Case received", "Save and add another"} <= phrases


def test_every_admin_page_is_polish(portal):
    """Every changelist, add form and change page of every model, as a clerk (the IT administrator for accounts)."""
    it_admin = Client()
    it_admin.force_login(portal.clerk.__class__.objects.create_superuser("informatyk", "it@example.pl", "x-Haslo-12"))
    found, opened = [], 0
    for model in MODELS:
        client = it_admin if model._meta.app_label in ("auth", "otp_totp", "otp_static") else portal
        for url in admin_pages(model):
            response = client.get(url)
            if response.status_code != 200:
                continue
            opened += 1
            found += [f"{url}: {problem}" for problem in untranslated(response.content.decode())]
    assert opened > 2 * len(MODELS)
    assert found == []


def test_every_public_page_type_is_polish(portal):
    """Every page type reachable by links from the home page, and every case's tracking page."""
    client = Client()
    queue = ["/", "/szukaj/?q=koncert"]
    queue += [reverse("core:case_tracking", args=[entry.tracking_token]) for entry in CaseRegisterEntry.objects.all()]
    seen, found = {}, []
    while queue:
        url = queue.pop(0)
        try:
            route = resolve(url.split("?")[0]).route
        except Resolver404:
            continue
        key = (route, "?" in url)
        if seen.get(key, 0) >= (20 if route.startswith("sprawy/") else 1):
            continue
        seen[key] = seen.get(key, 0) + 1
        response = client.get(url)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            close_response(response)  # a letter, a PDF or a feed: files are closed, never read here
            continue
        html = response.content.decode()
        found += [f"{url}: {problem}" for problem in untranslated(html)]
        queue += [
            link.replace("&amp;", "&").split("#")[0]
            for link in re.findall(r'href="(/[^"#]*)', html)
            if not link.startswith(("/static/", "/media/", "/admin/", "/en/"))
        ]
    assert len(seen) > 25
    assert found == []


def test_admin_titles_and_counts_use_the_polish_cases(db):
    """ "Wybierz ofertę do zmiany", "Dodaj ofertę", "1 oferta", "3 oferty", "14 ofert"."""
    opts = GrantOffer._meta
    with translation.override("pl"):
        assert admin_title("Select %s to change", opts) == "Wybierz ofertę do zmiany"
        assert admin_title("Add %s", opts) == "Dodaj ofertę"
        assert [admin_count(opts, n) for n in (1, 3, 14, 22)] == ["1 oferta", "3 oferty", "14 ofert", "22 oferty"]


def test_every_admin_model_has_its_accusative_and_counted_forms(db):
    """A new model in the admin needs its Polish forms in core/admin_grammar.py, or its titles are wrong."""
    missing = []
    with translation.override("pl"):
        for model in MODELS:
            opts = model._meta
            if admin_count(opts, 5) == f"5 {opts.verbose_name_plural}":
                missing.append(opts.label)
    assert missing == []
