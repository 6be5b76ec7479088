"""The organisation files its report online on the statutory form from its offer's private tracking link.

u.d.p.p. art. 18 with annex 5 to Dz.U. 2018 poz. 2057 (simplified for a small grant: poz. 2055, annex 2). The task
of the test offer runs from 1 June to 31 August 2026; its final report is due by 30 September 2026.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import CaseMessage, PrivateDocument
from core.services import CaseWorkError, transition_perform
from grants import services
from grants.models import GrantOffer, GrantReport
from tests.core import upload_corpus as corpus
from tests.grants.factories import make_call, offer_send, report_post, report_url, travel
from tests.helpers import kept_files_token


@pytest.fixture
def report(agreement):
    return agreement.reports.get(kind=GrantReport.Kind.FINAL)


def tracking_page(client, offer):
    return client.get(f"/sprawy/{offer.register_entry.tracking_token}/").content.decode()


def file_report(client, report, **changes):
    return client.post(report_url(report), report_post(**changes))


def test_the_tracking_page_offers_the_final_report_once_the_task_ends(client, report):
    offer = report.agreement.offer
    with travel(2026, 8, 30):
        assert "Złóż sprawozdanie" not in tracking_page(client, offer)
        page = client.get(report_url(report)).content.decode()
        assert "nie można jeszcze złożyć" in page
        assert "31 sierpnia 2026" in page
    with travel(2026, 8, 31):
        page = tracking_page(client, offer)
        assert "Złóż sprawozdanie końcowe" in page
        assert "30.09.2026" in page
        assert client.get(report_url(report)).context["form"] is not None
    with travel(2026, 9, 1):
        assert "Złóż sprawozdanie końcowe" in tracking_page(client, offer)


def test_a_report_is_not_filed_before_the_task_ends(client, report):
    with travel(2026, 8, 30):
        response = file_report(client, report)
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.submitted_on, report.costs.count()) == ("due", None, 0)


def test_filing_the_final_report(client, report):
    with travel(2026, 9, 10):
        response = file_report(client, report)
        assert response.status_code == 302
        assert response["Location"] == report_url(report)
        confirmation = client.get(report_url(report)).content.decode()
    report.refresh_from_db()
    assert report.status == GrantReport.Status.SUBMITTED
    assert str(report.submitted_on) == "2026-09-10"
    assert report.costs_used == Decimal("3800.00")
    assert [(line.name, line.total) for line in report.costs.all()] == [
        ("Honoraria instruktorów", Decimal("3600.00")),
        ("Materiały plastyczne", Decimal("1000.00")),
        ("Koordynacja", Decimal("500.00")),
    ]
    assert "Sprawozdanie złożone" in confirmation
    assert "Pobierz sprawozdanie (PDF)" in confirmation
    offer = report.agreement.offer
    pdf = PrivateDocument.objects.get(object_id=offer.pk, original_name__startswith="sprawozdanie-koncowe")
    assert pdf.mime_type == "application/pdf"
    download = client.get(report_url(report, pdf=True))
    assert b"".join(download.streaming_content if download.streaming else [download.content]).startswith(b"%PDF")
    # Filed, the report can no longer be sent again: the page shows it, a second send changes nothing.
    with travel(2026, 9, 11):
        file_report(client, report, costs_used="1,00")
    report.refresh_from_db()
    assert report.costs_used == Decimal("3800.00")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"costs_used": "3000,00"},
            "costs_used",
            "Źródła finansowania sumują się do",
        ),
        (
            {"costs_used": "4100,00", "own_financial": "500,00"},
            "costs_used",
            "przekracza kwotę dotacji z umowy",
        ),
    ],
)
def test_the_cost_table_is_checked_as_in_the_offer(client, report, changes, field, message):
    with travel(2026, 9, 10):
        response = file_report(client, report, **changes)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    report.refresh_from_db()
    assert (report.status, report.costs.count()) == ("due", 0)


def test_a_cost_line_whose_total_is_not_unit_cost_times_units_is_refused(client, report):
    with travel(2026, 9, 10):
        response = file_report(client, report, **{"costs-0-total": "3700,00"})
    assert response.status_code == 200
    row = response.context["costs"].forms[0]
    assert "nie jest równa kosztowi jednostkowemu" in " ".join(row.errors["total"])
    assert report.costs.count() == 0


def test_a_report_cannot_be_reached_through_another_offers_token(client, report):
    other_call = make_call(slug="konkurs-kultura-2026-bis", status="published")
    other = offer_send(client, other_call, organisation_name="Fundacja Inna", email="inna@example.pl")
    assert other != report.agreement.offer
    foreign = report_url(report, token=other.register_entry.tracking_token)
    with travel(2026, 9, 10):
        assert client.get(foreign).status_code == 404
        assert client.post(foreign, report_post()).status_code == 404
        assert client.get(report_url(report, token="nie-ma-takiego-tokenu")).status_code == 404
    report.refresh_from_db()
    assert report.status == GrantReport.Status.DUE


def test_the_clerk_returns_the_report_and_the_organisation_files_it_again(
    client, report, django_capture_on_commit_callbacks
):
    offer = report.agreement.offer
    with travel(2026, 9, 10):
        file_report(client, report, costs_used="3800,00")
    mail.outbox.clear()
    with travel(2026, 9, 14):
        with django_capture_on_commit_callbacks(execute=True):
            transition_perform(
                obj=report, name="return", acting_user=None, note="Proszę dołączyć listę uczestników warsztatów."
            )
        report.refresh_from_db()
        assert report.status == GrantReport.Status.RETURNED
        message = (
            CaseMessage.objects.filter(object_id=offer.pk, author_kind=CaseMessage.Author.CLERK)
            .order_by("-pk")
            .first()
        )
        assert "Proszę dołączyć listę uczestników warsztatów." in message.body
        assert "zwrócone do poprawy" in message.body
        assert [m.to for m in mail.outbox] == [[offer.email]]
        assert "Popraw i złóż sprawozdanie" in tracking_page(client, offer)
        form = client.get(report_url(report)).context["form"]
        assert form.initial["results_description"].startswith("Odbyło się 9 warsztatów")
        response = client.post(
            report_url(report),
            {
                **report_post(additional_information="Lista uczestników w załączniku."),
                "attachments": [SimpleUploadedFile("lista.pdf", corpus.valid_pdf(), content_type="application/pdf")],
            },
        )
        assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.additional_information) == ("submitted", "Lista uczestników w załączniku.")
    assert report.costs.count() == 3
    assert PrivateDocument.objects.filter(object_id=offer.pk, original_name="lista.pdf").exists()
    with travel(2026, 9, 20):
        transition_perform(obj=report, name="accept", acting_user=None)
    report.refresh_from_db()
    assert report.status == GrantReport.Status.ACCEPTED
    assert "zostało przyjęte" in CaseMessage.objects.filter(object_id=offer.pk).order_by("-pk").first().body


def test_a_clerk_cannot_file_a_report_in_the_organisations_place(report, django_user_model):
    clerk = django_user_model.objects.create_superuser("admin", "admin@example.pl", "x")
    assert "file" not in [t.name for t in GrantReport.workflow.available(report, clerk)]
    with travel(2026, 9, 10), pytest.raises(CaseWorkError, match="wykonuje tylko wnioskodawca, z prywatnego linku"):
        transition_perform(obj=report, name="file", acting_user=clerk)
    report.refresh_from_db()
    assert report.status == GrantReport.Status.DUE


def test_attachments_of_a_send_with_an_error_are_kept(client, report):
    offer = report.agreement.offer
    with travel(2026, 9, 10):
        first = client.post(
            report_url(report),
            {
                **report_post(statement_truth=""),
                "attachments": [SimpleUploadedFile("zdjecia.pdf", corpus.valid_pdf(), content_type="application/pdf")],
            },
        )
        assert first.status_code == 200
        token = kept_files_token(first, "zdjecia.pdf")
        again = client.post(report_url(report), {**report_post(), "kept_files": token})
    assert again.status_code == 302
    assert PrivateDocument.objects.filter(object_id=offer.pk, original_name="zdjecia.pdf").exists()


def test_a_small_grant_files_the_simplified_report(client, report):
    GrantOffer.objects.filter(pk=report.agreement.offer_id).update(kind=GrantOffer.Kind.SMALL_GRANT)
    with travel(2026, 9, 10):
        page = client.get(report_url(report))
        assert "actions_description" not in page.context["form"].fields
        assert "uproszczone" in page.content.decode()
        response = file_report(client, report, actions_description="")
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == GrantReport.Status.SUBMITTED


def test_a_partial_report_demanded_before_the_task_starts_offers_a_period_that_does_not_end_before_it_starts(
    client, agreement
):
    with travel(2026, 5, 4):
        partial = services.report_request_partial(agreement=agreement, due_on=date(2026, 6, 30), acting_user=None)
        assert "Złóż sprawozdanie częściowe" in tracking_page(client, agreement.offer)
        form = client.get(report_url(partial)).context["form"]
    assert (form.initial["period_from"], form.initial["period_to"]) == (date(2026, 6, 1), date(2026, 6, 1))
