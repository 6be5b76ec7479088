"""The opinions checklist of a permit case: the organiser's files on it, the decision drafted only on the four opinions
recorded, and the decision fixed once issued (u.b.i.m. art. 25 ust. 1, art. 26 ust. 1, art. 29)."""

import importlib

import pytest
from django.apps import apps as global_apps
from django.contrib.messages import get_messages
from django.urls import reverse

from core.models import OutboxMessage, StatusChange
from core.services import transition_perform
from mass_events.models import MassEventOpinion, MassEventPermitApplication
from mass_events.services.common import MassEventError
from tests.helpers import close_response, form_fields, pdf_file, workflow
from tests.mass_events.conftest import PERMIT_URL
from tests.mass_events.factories import PermitApplicationFactory, fill_decision, fill_opinions

Status = MassEventPermitApplication.Status
Verdict = MassEventOpinion.Verdict


def change_url(application):
    return reverse("admin:mass_events_masseventpermitapplication_change", args=[application.pk])


def checklist(page: str) -> str:
    """The opinions inline of the change page."""
    return page.split('id="opinions-group"', 1)[1].split("</fieldset>", 1)[0]


def test_the_opinions_the_organiser_sent_are_linked_on_the_checklist(client, clerk, permit_data):
    data = permit_data(
        with_opinions=False,
        opinion_police=pdf_file("opinia-policji.pdf"),
        opinion_sanitary=pdf_file("opinia-sanepidu.pdf"),
    )
    client.post(PERMIT_URL, data)
    application = MassEventPermitApplication.objects.get()
    opinions = {opinion.body: opinion for opinion in application.opinions.select_related("document")}
    assert opinions["police"].document.description == "Opinia Komendanta Miejskiego Policji"
    assert opinions["sanitary"].document.description == "Opinia Państwowego Powiatowego Inspektora Sanitarnego"
    assert opinions["fire"].document is None
    assert opinions["medical"].document is None
    assert {opinion.verdict for opinion in opinions.values()} == {Verdict.MISSING}

    rows = checklist(clerk.get(change_url(application)).content.decode())
    for body in ("police", "sanitary"):
        document = opinions[body].document
        assert f'<a href="{reverse("core:document_download", args=[document.pk])}">{document}</a>' in rows
        download = clerk.get(reverse("core:document_download", args=[document.pk]))
        assert download.status_code == 200
        close_response(download)
    assert rows.count("nie załączono") == 2
    assert "jeszcze nie odnotowano" in rows


def test_the_migration_links_the_opinions_of_applications_sent_before(db, client, permit_data):
    migration = importlib.import_module("mass_events.migrations.0006_link_opinion_documents")
    client.post(PERMIT_URL, permit_data(with_opinions=False, opinion_fire=pdf_file("opinia-psp.pdf")))
    application = MassEventPermitApplication.objects.get()
    fire = application.opinions.get(body="fire")
    sent = fire.document
    # As stored before the checklist kept its files.
    application.opinions.update(document=None)

    migration.link_opinion_documents(global_apps, None)

    fire.refresh_from_db()
    assert fire.document == sent
    assert list(application.opinions.filter(document__isnull=False)) == [fire]


def test_the_decision_is_drafted_only_on_the_four_opinions_recorded(clerk):
    application = PermitApplicationFactory(status=Status.OPINIONS)
    fill_opinions(application)
    application.opinions.filter(body__in=["medical", "sanitary"]).update(verdict=Verdict.MISSING)
    mails, history = OutboxMessage.objects.count(), StatusChange.objects.count()

    response = clerk.post(
        f"/admin/mass_events/masseventpermitapplication/{application.pk}/sprawa/", {"transition": "draft_decision"}
    )
    errors = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    assert errors == [
        "Decyzję przygotowuje się na podstawie czterech odnotowanych opinii (art. 25 ust. 1 i art. 26 ust. 1 "
        "u.b.i.m.). Odnotuj ocenę opinii: dysponent zespołów ratownictwa medycznego, Państwowy Powiatowy "
        "Inspektor Sanitarny."
    ]
    application.refresh_from_db()
    assert application.status == Status.OPINIONS
    assert (OutboxMessage.objects.count(), StatusChange.objects.count()) == (mails, history)
    with pytest.raises(MassEventError) as refusal:
        transition_perform(obj=application, name="draft_decision", acting_user=clerk.clerk)
    assert refusal.value.code == "opinions_missing"

    # A negative opinion is an opinion recorded: the decision (here a refusal) can be drafted on it.
    application.opinions.filter(body__in=["medical", "sanitary"]).update(verdict=Verdict.NEGATIVE)
    workflow(clerk, application, "draft_decision")
    assert application.status == Status.DECISION_DRAFTED


def test_the_decision_and_its_opinions_are_read_only_once_the_permit_is_issued(clerk):
    application = PermitApplicationFactory(status=Status.DECISION_DRAFTED)
    fill_decision(application)
    drafting = clerk.get(change_url(application)).content.decode()
    assert 'name="decision_number"' in drafting
    assert 'name="opinions-0-verdict"' in drafting

    workflow(clerk, application, "issue_permit")
    assert application.status == Status.PERMIT_ISSUED
    page = clerk.get(change_url(application)).content.decode()
    for name in ("decision_number", "permitted_participants", "decision_conditions", "opinions-0-verdict"):
        assert f'name="{name}"' not in page
    assert "KSP.5240.1.2026" in page

    # A clerk's form sent with other values (an old tab, a crafted request) changes none of them.
    data = form_fields(page, form_id="masseventpermitapplication_form")
    data.update(
        {
            "decision_number": "KSP.5240.99.2026",
            "permitted_participants": "9999",
            "decision_conditions": "Bez warunków.",
            "opinions-TOTAL_FORMS": "4",
            "opinions-INITIAL_FORMS": "4",
            "opinions-0-verdict": "negative",
        }
    )
    response = clerk.post(change_url(application), data)
    assert response.status_code in (200, 302)
    application.refresh_from_db()
    assert (application.decision_number, application.permitted_participants) == ("KSP.5240.1.2026", 2500)
    assert application.decision_conditions == "Zapewnić dwie karetki."
    assert set(application.opinions.values_list("verdict", flat=True)) == {Verdict.POSITIVE}


def test_each_control_of_the_opinions_table_is_labelled_by_its_column_for_a_screen_reader(clerk):
    application = PermitApplicationFactory(status=Status.DECISION_DRAFTED)

    table = checklist(clerk.get(change_url(application)).content.decode())

    for field in ("verdict", "issued_on", "conditions"):
        assert f'<label class="visually-hidden" for="id_opinions-0-{field}">' in table
