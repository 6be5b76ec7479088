"""A grant offer from the form to the department's answer, in Chromium, as an NGO and a grants clerk do it.

The open competition: the offeror starts the offer from the call's page, saves a draft, comes back to it later
through the private draft link (a fresh browser, no session), saves it again and submits it; then the
confirmation, the tracking link, a reply, the clerk's message and the offer's PDF downloaded from the tracking
page. The small grant (u.d.p.p. art. 19a): the offer without a competition, published for comments by the clerk,
and a resident's comment on it. Every POST is the browser's own (Origin and Referer under the private pages'
Referrer-Policy), and every public page on the way passes axe-core.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.models import CaseMessage
from grants.models import GrantOffer, OfferDraft, YearPlan
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import (
    PDF_MAGIC,
    applicant_replies,
    applicant_sees_on_tracking_page,
    case_messages,
    clerk_signs_in,
    confirmation_reached,
    downloaded,
    fill_offer,
    fill_offer_task,
    fill_offeror,
    mailed_tracking_link,
    send_form,
    tracking_link_followed,
)
from tests.e2e.pages import goto, wait_for_view

APPLICANT = CaseMessage.Author.APPLICANT
CLERK = CaseMessage.Author.CLERK
GRANTS_GROUP = "Dotacje, stypendia i nagrody"
DRAFT_VIEW = "grants:offer_draft"
OFFER_PDF_LINK = "Oferta realizacji zadania publicznego"
DRAFT_SAVED = "The draft has been saved. Keep the address of this page: it is the only way back to the draft."

pytestmark = pytest.mark.usefixtures("fast_forms")


def draft_saved(page) -> str:
    """Press "Zapisz wersję roboczą": the draft's private page, with the link to keep; returns that link."""
    send_form(page, gettext("Save the draft"))
    wait_for_view(page, DRAFT_VIEW)
    page.get_by_text(gettext(DRAFT_SAVED)).wait_for()
    assert_no_axe_violations(page)
    return page.locator(".tracking-link a").get_attribute("href")


def test_grant_offer_journey_with_a_draft(site_url, call, page, new_page):
    goto(page, site_url + call.get_absolute_url())
    page.get_by_role("link", name=gettext("Fill in the offer")).click()
    page.locator("#id_organisation_name").wait_for()
    assert_no_axe_violations(page)

    fill_offeror(page)
    draft_url = draft_saved(page)
    draft = OfferDraft.objects.get(call=call)
    assert draft_url == site_url + draft.get_absolute_url()
    assert draft.data["organisation_name"] == ["Fundacja Śląskie Dziedzictwo"]

    # Days later, from the saved link in another browser: what was typed is there; the rest is filled in.
    later = new_page()
    goto(later, draft_url)
    assert later.locator("#id_organisation_name").input_value() == "Fundacja Śląskie Dziedzictwo"
    assert later.locator("#id_legal_form").input_value() == "foundation"
    assert_no_axe_violations(later)
    fill_offer_task(later, call.implementation_from)
    assert draft_saved(later) == draft_url
    draft.refresh_from_db()
    assert draft.data["title"] == ["Warsztaty gwary"]
    assert later.locator("#id_costs-0-unit_cost").input_value() == "100"

    send_form(later, gettext("Submit the offer"))
    case_mark = confirmation_reached(later)
    offer = GrantOffer.objects.get(call=call)
    assert (case_mark, offer.status, str(offer.total_costs)) == (offer.case_mark, "submitted", "5000.00")
    draft.refresh_from_db()
    assert draft.offer == offer

    tracking_url = tracking_link_followed(later)
    assert mailed_tracking_link(offer.email) == tracking_url
    applicant_replies(later, "Do oferty dołączymy jeszcze list intencyjny szkoły.")

    clerk = clerk_signs_in(new_page, site_url, groups=[GRANTS_GROUP])
    clerk.write_to_applicant(offer, "Dziękujemy, oferta wpłynęła w terminie; ocena formalna do 15 maja.")

    applicant_sees_on_tracking_page(later, tracking_url, "ocena formalna do 15 maja")
    assert downloaded(later, OFFER_PDF_LINK).startswith(PDF_MAGIC)
    assert case_messages(offer) == [
        (APPLICANT, "Do oferty dołączymy jeszcze list intencyjny szkoły."),
        (CLERK, "Dziękujemy, oferta wpłynęła w terminie; ocena formalna do 15 maja."),
    ]

    # The draft link now shows the submitted offer, which can no longer change, with its PDF.
    goto(later, draft_url)
    later.get_by_role("heading", name=gettext("Offer submitted")).wait_for()
    assert_no_axe_violations(later)
    assert downloaded(later, gettext("Download the offer (PDF)")).startswith(PDF_MAGIC)


def test_small_grant_journey(site_url, page, new_page):
    """Art. 19a: the offer without a competition; the clerk checks it and publishes it for 7 days of comments."""
    start = timezone.localdate() + timedelta(days=30)
    # The year's budget plans NGO subsidies: small grants may use 20 % of it (art. 19a ust. 7).
    YearPlan.objects.create(year=start.year, planned_ngo_subsidies=Decimal("500000.00"))
    goto(page, site_url + "/dotacje/")
    page.get_by_role("link", name=gettext("Small grant offer (art. 19a)")).click()
    page.locator("#id_organisation_name").wait_for()
    assert_no_axe_violations(page)
    fill_offer(page, start=start)
    send_form(page, gettext("Submit the offer"))
    case_mark = confirmation_reached(page)
    offer = GrantOffer.objects.get(kind=GrantOffer.Kind.SMALL_GRANT)
    assert case_mark == offer.case_mark

    tracking_url = tracking_link_followed(page)
    assert mailed_tracking_link(offer.email) == tracking_url
    applicant_replies(page, "Czy możemy przesunąć start warsztatów o tydzień?")

    clerk = clerk_signs_in(new_page, site_url, groups=[GRANTS_GROUP])
    clerk.perform(offer, gettext("Formally correct"))
    clerk.perform(offer, gettext("Publish for comments (7 days)"))
    clerk.write_to_applicant(offer, "Tak, prosimy tylko o aktualny harmonogram w odpowiedzi.")

    applicant_sees_on_tracking_page(
        page, tracking_url, gettext("published for comments"), "prosimy tylko o aktualny harmonogram"
    )
    assert downloaded(page, OFFER_PDF_LINK).startswith(PDF_MAGIC)
    offer.refresh_from_db()
    assert offer.status == GrantOffer.Status.PUBLISHED
    assert case_messages(offer) == [
        (APPLICANT, "Czy możemy przesunąć start warsztatów o tydzień?"),
        (CLERK, "Tak, prosimy tylko o aktualny harmonogram w odpowiedzi."),
    ]

    # Published, the offer is listed under "Dotacje" with its page for comments (art. 19a ust. 3 and 4).
    goto(page, site_url + "/dotacje/")
    page.get_by_role("link", name="Fundacja Śląskie Dziedzictwo: Warsztaty gwary").click()
    page.get_by_role("heading", name="Warsztaty gwary").wait_for()
    assert_no_axe_violations(page)
    page.get_by_label(gettext("Your name or the name of your organisation")).fill("Rada Dzielnicy Bielszowice")
    page.get_by_label(gettext("Comment")).fill("Warsztaty warto otworzyć także dla seniorów.")
    send_form(page, gettext("Send the comment"))
    page.get_by_text(gettext("Thank you: your comment has been received.")).wait_for()
    assert_no_axe_violations(page)

    clerk.page.goto(site_url + reverse("admin:grants_smallgrantcomment_changelist"))
    clerk.page.locator("#result_list").get_by_text("Rada Dzielnicy Bielszowice").wait_for()
    assert list(offer.comments.values_list("author_name", "text")) == [
        ("Rada Dzielnicy Bielszowice", "Warsztaty warto otworzyć także dla seniorów.")
    ]
