"""No English and no internal code on a Polish page: every admin changelist, add and change page, and every
public page type a resident can reach, read for untranslated phrases (tests/core/untranslated.py).

The data: the demo seed (department, pages, events, the register of institutions, press releases) and a grant
competition run through the services, so that most models have an object to open and cases have a history.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation

from core.admin_grammar import admin_count, admin_title
from core.models import CaseRegisterEntry, Feedback
from core.roles import HEAD_OF_DEPARTMENT_GROUP, SECTIONS
from core.services import case_message_add, case_open, transition_perform
from grants.models import GrantOffer
from press.models import PressConference
from press.services import letter_create, social_post_create
from tests.core.untranslated import english_phrases, untranslated
from tests.grants.competition import grant_competition
from tests.helpers import close_response, public_form_data
from tests.press.factories import MediaListFactory

MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def press_office(clerk):
    """A conference announced to a media list with a journalist's accreditation, a letter and a social post."""
    conference = PressConference.objects.create(
        title="Konferencja o Dniach Rudy",
        topic="Program tegorocznych Dni Rudy.",
        starts_at=timezone.now() + timedelta(days=3),
        venue="Urząd Miasta, sala sesyjna",
        speakers="Prezydent Miasta",
    )
    conference.media_lists.add(MediaListFactory())
    transition_perform(obj=conference, name="announce", acting_user=clerk)
    journalist = {
        "full_name": "Katarzyna Wójcik",
        "outlet_name": "Radio Katowice",
        "role": "reporterka",
        "press_card_number": "PL-12345",
        "email": "k.wojcik@radio.pl",
        "phone": "",
        "crew": "",
        "equipment": "",
        "recording_consent": "on",
    }
    response = Client().post(
        reverse("press:accreditation_create", kwargs={"slug": conference.slug}), public_form_data(**journalist)
    )
    assert response.status_code == 302  # the accreditation is a case with its own admin and tracking pages
    letter_create(
        acting_user=clerk,
        occasion="50-lecie Miejskiego Centrum Kultury",
        addressee="Dyrektor Miejskiego Centrum Kultury",
        needed_on=timezone.localdate() + timedelta(days=10),
        requested_by="Sekretariat Prezydenta",
    )
    social_post_create(
        acting_user=clerk, channel="facebook", text="Zapraszamy na Dni Rudy!", planned_at=timezone.now()
    )


@pytest.fixture
def portal(db, clerk_client):
    """The demo portal plus a grant competition, the press office's work and an opinion with a reply; a clerk in
    every role."""
    call_command("seed_demo", "--allow-outside-debug", stdout=StringIO())
    client = clerk_client(groups=[*(section.group_name for section in SECTIONS), HEAD_OF_DEPARTMENT_GROUP])
    grant_competition(Client(), client.clerk)
    feedback = case_open(
        case=Feedback(message="Brakuje godzin otwarcia.", contact_email="a@example.pl"), title="Opinia"
    )
    case_message_add(case=feedback, body="Dziękujemy, uzupełnimy.", author_kind="clerk", acting_user=client.clerk)
    transition_perform(obj=feedback, name=feedback.workflow.available(feedback)[0].name, acting_user=client.clerk)
    press_office(client.clerk)
    return client


def admin_pages(model):
    opts = model._meta
    yield reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    yield reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    obj = model._default_manager.order_by("-pk").first()
    if obj is not None:
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        yield reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


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


def test_admin_messages_have_no_gender_fallbacks(clerk_client):
    """Saving in the admin says "Dodano: zadanie wydziału „…”.", never "został(a)(-ło) dodany(-na)(-ne)"."""
    client = clerk_client(groups=[section.group_name for section in SECTIONS])
    url = reverse("admin:core_departmentduty_add")

    response = client.post(
        url, {"position": 90, "title": "Prowadzenie kroniki miasta.", "_addanother": "1"}, follow=True
    )

    page = response.content.decode()
    message = re.sub(r"<[^>]+>", "", re.search(r'<li class="success">(.*?)</li>', page).group(1))
    assert message == "Dodano: zadanie wydziału „Prowadzenie kroniki miasta.”. Poniżej możesz dodać następną pozycję."
    assert "Dodaj zadanie wydziału" in page
    assert "(a)" not in page
    assert "(-" not in page


def test_every_history_admin_has_a_model_with_history(db):
    """A SimpleHistoryAdmin on a model without HistoricalRecords answers its "Historia" button with a 500."""
    from simple_history.admin import SimpleHistoryAdmin

    wrong = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, SimpleHistoryAdmin) and not hasattr(model._meta, "simple_history_manager_attribute")
    ]
    assert wrong == []
