"""The organiser's three case types, from the form to the department's answer, in Chromium.

Event submission ("Zgłoś wydarzenie"), mass-event permit application with its attachments ("Wniosek o zezwolenie na
imprezę masową", u.b.i.m. art. 25–26) and notification ("Zawiadomienie o imprezie", u.o.p.d.k. art. 34): the form
filled with clicks and typing, the confirmation, the private link from the page and from the e-mail, a reply from
the tracking page (the browser's own Origin and Referer), a clerk signed in with password and code who writes and
acts from the case page, and the organiser reading the answer and downloading the document. axe-core checks the
form, the confirmation and the tracking page.
"""

import io
from urllib.parse import urlsplit

import pytest
from django.utils.translation import gettext
from PIL import Image
from pypdf import PdfReader

from core.models import CaseMessage
from core.services import transition_perform
from events.models import District, EventSubmission, Venue
from mass_events.models import EventNotification, MassEventPermitApplication
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    PDF_MAGIC,
    applicant_replies,
    applicant_sees_on_tracking_page,
    case_messages,
    clerk_signs_in,
    confirmation_reached,
    downloaded,
    fill_event_notification,
    fill_event_submission,
    fill_permit_application,
    mailed_tracking_link,
    mails_to,
    pdf_file,
    png_file,
    send_form,
    tracking_link_followed,
)
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto, wait_for_view

APPLICANT = CaseMessage.Author.APPLICANT
CLERK = CaseMessage.Author.CLERK
EVENTS_CLERK = ["Wydarzenia i imprezy masowe"]

pytestmark = pytest.mark.usefixtures("fast_forms")


def pdf_text(content: bytes) -> str:
    """The text of every page of a PDF, whitespace collapsed."""
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages).split())


def open_form(page, url: str) -> None:
    goto(page, url)
    assert_no_axe_violations(page)


def follow_the_tracking_link(page, email: str) -> str:
    """Follow the link on the confirmation page; the e-mail sent to the applicant carries the same link."""
    tracking_url = tracking_link_followed(page)
    assert mailed_tracking_link(email) == tracking_url
    return tracking_url


def told_by_mail(email: str, tracking_url: str, *, since: int, unsaid: str) -> None:
    """The department's answer is announced by e-mail: each new one links to the case, none repeats the words."""
    news = mails_to(email)[since:]
    assert news, f"nothing was sent to {email} after the clerk wrote"
    for message in news:
        assert urlsplit(tracking_url).path in message.body
        assert unsaid not in message.body


def test_event_submission_journey(site_url, page, new_page):
    """An organiser proposes a concert with its poster; the clerk answers and publishes it; the organiser finds it."""
    email = "chor.cantate.journey@example.pl"
    venue = Venue.objects.create(
        name="Kościół św. Pawła", street_address="ul. Kościelna 2", district=District.NOWY_BYTOM
    )
    open_form(page, site_url + "/wydarzenia/zglos/")
    fill_event_submission(page, venue=venue, email=email, poster=png_file("plakat-koledy.png"))
    send_form(page, gettext("Submit the event"))
    case_mark = confirmation_reached(page)
    submission = EventSubmission.objects.get(contact_email=email)
    assert case_mark == submission.case_mark

    tracking_url = follow_the_tracking_link(page, email)
    applicant_replies(page, "Wstęp wolny, zbieramy datki na remont organów.")

    sent = len(mails_to(email))
    clerk = clerk_signs_in(new_page, site_url, groups=EVENTS_CLERK)
    clerk.write_to_applicant(submission, "Dziękujemy, dopiszemy informację o zbiórce do opisu.")
    clerk.perform(submission, gettext("Accept and publish"))
    told_by_mail(email, tracking_url, since=sent, unsaid="dopiszemy informację o zbiórce")

    applicant_sees_on_tracking_page(
        page,
        tracking_url,
        "Dziękujemy, dopiszemy informację o zbiórce",
        gettext("Your event has been accepted and published in the city's calendar."),
        str(EventSubmission.Status.ACCEPTED.label),
    )
    poster = Image.open(io.BytesIO(downloaded(page, gettext("Image of the event"))))
    assert poster.size == (400, 300)
    page.get_by_role("link", name=gettext("See your event in the city's calendar")).click()
    wait_for_view(page, "events:event_detail")
    assert page.locator("h1").inner_text() == "Koncert kolęd"
    assert case_messages(submission) == [
        (APPLICANT, "Wstęp wolny, zbieramy datki na remont organów."),
        (CLERK, "Dziękujemy, dopiszemy informację o zbiórce do opisu."),
        (CLERK, gettext("Your event has been accepted and published in the city's calendar.")),
    ]


def test_mass_event_permit_journey(site_url, page, new_page):
    """An organiser applies with the police opinion, the clerk asks by letter for the rest, the organiser sends it."""
    email = "rudzkie.lato.journey@example.pl"
    open_form(page, site_url + "/imprezy-masowe/wniosek/")
    fill_permit_application(page, email=email)
    page.get_by_label(gettext("Opinion of the police")).set_input_files(pdf_file("opinia-policji.pdf"))
    send_form(page, gettext("Send the application"))
    case_mark = confirmation_reached(page)
    application = MassEventPermitApplication.objects.get(contact_email=email)
    assert case_mark == application.case_mark

    tracking_url = follow_the_tracking_link(page, email)
    sent = page.locator(".attachment-list li")
    assert sent.count() == 5
    assert "Opinia Komendanta Miejskiego Policji" in sent.all_inner_texts()[0]
    applicant_replies(page, "Opinię Państwowej Straży Pożarnej doślemy, gdy tylko ją otrzymamy.")

    sent = len(mails_to(email))
    clerk = clerk_signs_in(new_page, site_url, groups=EVENTS_CLERK)
    clerk.write_to_applicant(application, "Dziękujemy. Prosimy też o opinię sanepidu i pogotowia.")
    missing = "Opinie: Komendanta Miejskiego PSP, dysponenta ratownictwa medycznego, Inspektora Sanitarnego."
    clerk.perform(application, gettext("Ask to complete the application"), note=missing)
    told_by_mail(email, tracking_url, since=sent, unsaid=missing)

    applicant_sees_on_tracking_page(
        page,
        tracking_url,
        "Prosimy też o opinię sanepidu i pogotowia.",
        missing,
        str(MassEventPermitApplication.Status.COMPLETION_REQUESTED.label),
    )
    letter = downloaded(page, "Wezwanie do uzupełnienia wniosku")
    assert letter.startswith(PDF_MAGIC)
    text = pdf_text(letter)
    assert case_mark in text
    assert "dysponenta ratownictwa medycznego" in text
    assert [author for author, _body in case_messages(application)] == [APPLICANT, CLERK, CLERK]

    page.locator(".case-action").get_by_role("link", name=gettext("Complete the application")).click()
    wait_for_view(page, "core:case_changes")
    assert_no_axe_violations(page)
    page.get_by_label(gettext("Opinion of the fire service")).set_input_files(pdf_file("opinia-psp.pdf"))
    page.get_by_label(gettext("Opinion of the medical dispatcher")).set_input_files(pdf_file("opinia-pogotowia.pdf"))
    page.get_by_label(gettext("Opinion of the sanitary inspector")).set_input_files(pdf_file("opinia-sanepidu.pdf"))
    send_form(page, gettext("Send the changes"))
    wait_for_view(page, "core:case_tracking")
    page.get_by_text(gettext("Your changes have been sent. The department will look at them again.")).wait_for()
    assert_no_axe_violations(page)
    application.refresh_from_db()
    assert application.status == MassEventPermitApplication.Status.RECEIVED
    assert sorted(application.opinions.values_list("document__original_name", flat=True)) == [
        "opinia-pogotowia.pdf",
        "opinia-policji.pdf",
        "opinia-psp.pdf",
        "opinia-sanepidu.pdf",
    ]


def test_event_notification_journey(site_url, page, new_page):
    """An organiser notifies an open-air concert with its programme; the clerk writes, then bans it by decision."""
    email = "mck.journey@example.pl"
    open_form(page, site_url + "/zawiadomienie-o-imprezie/")
    fill_event_notification(page, email=email)
    page.get_by_label(gettext("Attachments")).set_input_files(pdf_file("program-koncertu.pdf"))
    send_form(page, gettext("Send the notification"))
    case_mark = confirmation_reached(page)
    notification = EventNotification.objects.get(contact_email=email)
    assert case_mark == notification.case_mark

    tracking_url = follow_the_tracking_link(page, email)
    assert page.locator(".attachment-list li").count() == 1
    applicant_replies(page, "Scena stanie na płycie placu, zasilanie z agregatu.")

    sent = len(mails_to(email))
    clerk = clerk_signs_in(new_page, site_url, groups=EVENTS_CLERK)
    clerk.write_to_applicant(notification, "Prosimy o zgodę właściciela placu na ustawienie agregatu.")
    clerk.save_fields(notification, {"ban_number": "KS.5311.7.2026"})
    reason = "Właściciel placu nie zgodził się na imprezę w tym terminie."
    clerk.perform(notification, gettext("Ban the event"), note=reason)
    told_by_mail(email, tracking_url, since=sent, unsaid=reason)

    applicant_sees_on_tracking_page(
        page,
        tracking_url,
        "Prosimy o zgodę właściciela placu",
        str(EventNotification.Status.BAN_ISSUED.label),
    )
    decision = downloaded(page, "Decyzja KS.5311.7.2026")
    assert decision.startswith(PDF_MAGIC)
    text = pdf_text(decision)
    assert "KS.5311.7.2026" in text
    assert reason in text
    assert [author for author, _body in case_messages(notification)] == [APPLICANT, CLERK, CLERK]


@pytest.mark.parametrize("width", [320, 375])
def test_the_permit_case_page_with_its_documents_fits_a_phone(site_url, new_page, width):
    """On a phone the case page, with the organiser's five attachments and the department's letter, fits the width."""
    email = "rudzkie.lato.phone@example.pl"
    page = new_page(viewport={"width": width, "height": 700})
    goto(page, site_url + "/imprezy-masowe/wniosek/")
    fill_permit_application(page, email=email)
    send_form(page, gettext("Send the application"))
    confirmation_reached(page)
    tracking_url = tracking_link_followed(page)
    application = MassEventPermitApplication.objects.get(contact_email=email)
    transition_perform(obj=application, name="request_completion", acting_user=None, note="Brak opinii PSP.")
    page.goto(tracking_url)
    page.get_by_role("link", name="Wezwanie do uzupełnienia wniosku").wait_for()
    assert page.locator(".attachment-list li").count() == 5
    assert_no_horizontal_scrolling(page)
