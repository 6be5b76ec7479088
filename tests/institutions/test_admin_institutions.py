"""The clerks' pages of the register open on real data, and private files are served only through the admin."""

import datetime
import io
import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from institutions import services
from institutions.models import (
    CulturalInstitution,
    ExtractRequest,
    LegalAct,
    RegistrationDocument,
    ReorganisationPlan,
)
from tests.helpers import close_response
from tests.institutions import factories

MODELS = [model for model in apps.get_app_config("institutions").get_models() if admin.site.is_registered(model)]


@pytest.fixture
def seeded(db, client):
    call_command("seed_institutions", "--allow-outside-debug", stdout=io.StringIO())
    first = CulturalInstitution.objects.get(entry_no=1)
    factories.extract_request(
        client, first, applicant_name="Jan Kowalski", applicant_address="ul. Halembska 10", delivery="in_person"
    )
    # The demo data files no documents: the clerk's filing of a statute stands in.
    RegistrationDocument.objects.create(
        institution=first, title="Statut", received_on=datetime.date(2012, 5, 21), file="institutions/files/statut.pdf"
    )


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_every_change_page_opens(seeded, clerk_client, model):
    client = clerk_client(groups=[factories.REGISTER_GROUP])
    obj = model.objects.order_by("pk").first()
    assert obj is not None, f"the seeded data has no {model._meta.verbose_name}"
    response = client.get(reverse(f"admin:institutions_{model._meta.model_name}_change", args=[obj.pk]))
    assert response.status_code == 200
    assert response.context["original"] == obj


def test_the_extract_request_shows_its_deadline_and_workflow(seeded, clerk_client):
    client = clerk_client(groups=[factories.REGISTER_GROUP])
    request = ExtractRequest.objects.get(applicant_address="ul. Halembska 10")  # not one of the demo requests
    page = client.get(reverse("admin:institutions_extractrequest_change", args=[request.pk])).content.decode()
    assert request.case_mark in page
    assert 'value="issue"' in page


def test_the_plan_shows_its_earliest_act_date(seeded, clerk_client):
    client = clerk_client(groups=[factories.REGISTER_GROUP])
    plan = ReorganisationPlan.objects.get()
    page = client.get(reverse("admin:institutions_reorganisationplan_change", args=[plan.pk])).content.decode()
    assert 'value="announce"' in page
    # A liquidation announced on 31.08.2023: six full months end with February, so 01.03.2024.
    liquidation = ReorganisationPlan.objects.create(kind="liquidate", title="Likwidacja")
    liquidation.institutions.set([CulturalInstitution.objects.order_by("entry_no").first()])
    services.plan_announce(plan=liquidation, announced_on=datetime.date(2023, 8, 31), acting_user=client.clerk)
    url = reverse("admin:institutions_reorganisationplan_change", args=[liquidation.pk])
    page = client.get(url).content.decode()
    assert re.search(r"earliest date of the act|najwcześniejsz", page, re.I)
    assert "01.03.2024" in page
    assert "29.02.2024" not in page


def test_private_files_download_only_through_the_admin(db, clerk_client, client):
    act = factories.legal_act(is_public=False)
    act.file.save("akt.pdf", ContentFile(factories.PDF_BYTES), save=False)
    LegalAct.objects.filter(pk=act.pk).update(file=act.file.name)
    url = reverse("admin:institutions_legalact_file", args=[act.pk, "file"])
    staff = clerk_client(groups=[factories.REGISTER_GROUP])
    response = staff.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == factories.PDF_BYTES
    assert response["Cache-Control"].startswith("private, no-store")
    close_response(response)
    assert staff.get(reverse("admin:institutions_legalact_file", args=[act.pk, "title"])).status_code == 404
    assert client.get(url).status_code == 302  # to the admin login
    assert client.get(f"/rejestr-instytucji-kultury/akty/{act.pk}/").status_code == 404
    page = staff.get(reverse("admin:institutions_legalact_change", args=[act.pk])).content.decode()
    assert url in page


HISTORY_MODELS = [model for model in MODELS if hasattr(model, "history")]


@pytest.mark.parametrize("model", HISTORY_MODELS, ids=lambda model: model._meta.model_name)
def test_no_history_page_rolls_a_record_back(seeded, clerk_client, model):
    """Older versions are shown, but a POST to the version page (simple-history's revert) is refused."""
    client = clerk_client(groups=[factories.REGISTER_GROUP])
    client.raise_request_exception = False
    obj = model.objects.order_by("pk").first()
    version = obj.history.earliest("history_date")
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_simple_history", args=[obj.pk, version.pk])
    assert client.get(url).status_code == 200
    versions_before = obj.history.count()
    response = client.post(url, {})
    assert response.status_code in (403, 405)
    assert obj.history.count() == versions_before


def test_a_legal_act_is_not_reverted_to_an_older_title(seeded, clerk_client):
    act = LegalAct.objects.order_by("pk").first()
    version = act.history.earliest("history_date")
    act.title = "w sprawie zmienionej"
    act.save()
    client = clerk_client(groups=[factories.REGISTER_GROUP])
    client.raise_request_exception = False
    url = reverse("admin:institutions_legalact_simple_history", args=[act.pk, version.pk])
    response = client.post(url, {"kind": act.kind, "number": act.number, "title": version.title, "is_public": "on"})
    assert response.status_code == 403
    act.refresh_from_db()
    assert act.title == "w sprawie zmienionej"
