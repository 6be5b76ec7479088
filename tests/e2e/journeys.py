"""The steps a resident and a clerk take in every case type's journey, in Chromium, as people do them.

The applicant fills the public form, lands on the confirmation, follows the private tracking link and replies
there; the clerk signs in to the admin with password and authenticator code, writes to the applicant (or acts on
the case); the applicant reads it on the tracking page and downloads the department's letter. Every public page
on the way is checked with axe-core. Texts are looked up with gettext under the tests' Polish override.
"""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.auth import current_totp_code, new_totp_device
from core.models import CaseMessage
from core.roles import sync_roles
from grants.services import call_publish
from tests.conftest import CLERK_PASSWORD
from tests.core.upload_corpus import png_bytes, valid_pdf
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.pages import CONFIRMATION_VIEW, wait_for_view
from tests.grants.factories import make_call

TRACKING_VIEW = "core:case_tracking"
PDF_MAGIC = b"%PDF-"


def is_post(response) -> bool:
    return response.request.method == "POST"


def send_form(page, button_name: str, *, expect_status: int = 302) -> None:
    """Click the form's button and check what the server answered the POST (a 403 names itself here)."""
    with page.expect_response(is_post) as posted:
        page.get_by_role("button", name=button_name).click()
    status = posted.value.status
    assert status == expect_status, f"POST {posted.value.url} answered {status}, expected {expect_status}"


def confirmation_reached(page) -> str:
    """On the confirmation page after a public form: checked with axe; returns the case mark shown."""
    wait_for_view(page, CONFIRMATION_VIEW)
    assert_no_axe_violations(page)
    return page.locator(".case-mark").first.inner_text()


def tracking_link_followed(page) -> str:
    """Follow the private tracking link from the confirmation page; returns the tracking page's address."""
    page.locator(".tracking-link a").click()
    wait_for_view(page, TRACKING_VIEW)
    assert_no_axe_violations(page)
    return page.url


def applicant_replies(page, text: str) -> None:
    """Write to the department from the tracking page: the message is listed there after sending."""
    page.get_by_label(gettext("Your message")).fill(text)
    send_form(page, gettext("Send message"))
    wait_for_view(page, TRACKING_VIEW)
    page.locator("#wiadomosci").get_by_text(text).wait_for()
    assert_no_axe_violations(page)


def applicant_sees_on_tracking_page(page, tracking_url: str, *texts: str) -> None:
    """Open the tracking link again (as from the e-mail) and find each text among the status and messages."""
    page.goto(tracking_url)
    for text in texts:
        page.locator("main").get_by_text(text).first.wait_for()
    assert_no_axe_violations(page)


def downloaded(page, link_name: str) -> bytes:
    """Click the link that downloads a document and return the file's bytes."""
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).first.click()
    path = download.value.path()
    with open(path, "rb") as file:
        return file.read()


def case_messages(case) -> list[tuple[str, str]]:
    """(author kind, body) of the case's messages, oldest first."""
    messages = CaseMessage.objects.filter(content_type=ContentType.objects.get_for_model(case), object_id=case.pk)
    return list(messages.order_by("created_at").values_list("author_kind", "body"))


@dataclass
class Clerk:
    """A clerk signed in to the admin in a browser context of their own."""

    page: object
    site_url: str

    def open_case(self, case) -> None:
        opts = case._meta
        self.page.goto(self.site_url + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[case.pk]))
        self.page.locator("#workflow-heading").wait_for()

    def write_to_applicant(self, case, text: str) -> None:
        """Send a message from the case's workflow panel: it shows on the applicant's tracking page."""
        self.open_case(case)
        self.page.locator("#workflow-message").fill(text)
        self.page.locator('button[name="send_message"]').click()
        self.page.locator(".messagelist .success").wait_for()

    def save_fields(self, case, values: dict[str, str]) -> None:
        """Type into the case's editable fields (by field name) and save with "Zapisz i kontynuuj edycję"."""
        self.open_case(case)
        for name, value in values.items():
            self.page.locator(f"#id_{name}").fill(value)
        self.page.locator('input[name="_continue"]').click()
        self.page.locator(".messagelist .success").wait_for()

    def perform(self, case, label: str, note: str = "") -> None:
        """Press a transition's button in the workflow panel (with a note where one is needed)."""
        self.open_case(case)
        if note:
            self.page.locator("#workflow-note").fill(note)
        self.page.locator(".workflow-panel__actions").get_by_role("button", name=label, exact=True).click()
        success = self.page.locator(".messagelist .success")
        error = self.page.locator(".messagelist .error")
        success.or_(error).first.wait_for()
        assert not error.count(), f"{label}: {error.all_inner_texts()}"


def clerk_signs_in(new_page, site_url: str, *, groups: list[str], username: str = "urzednik.e2e") -> Clerk:
    """A staff clerk in the given role groups signs in through the admin's login: password and the app's code."""
    if Group.objects.filter(name__in=groups).count() != len(groups):
        sync_roles()
    user = get_user_model().objects.create_user(
        username=username, password=CLERK_PASSWORD, is_staff=True, first_name="Ewa", last_name="Urzędnicza"
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    device = new_totp_device(user)
    page = new_page()
    page.goto(site_url + reverse("admin:login"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(CLERK_PASSWORD)
    page.locator("#id_otp_token").fill(current_totp_code(device))
    page.locator('#login-form [type="submit"]').click()
    page.wait_for_url(site_url + reverse("admin:index"))
    return Clerk(page=page, site_url=site_url)


def mails_to(address: str) -> list:
    """The e-mails sent to `address` so far, oldest first (the live server shares the test's mail outbox)."""
    from django.core import mail

    return [message for message in mail.outbox if address in message.to]


def mailed_tracking_link(address: str) -> str:
    """The private tracking link in the newest e-mail sent to `address` (the case's acknowledgement)."""
    mails = mails_to(address)
    assert mails, f"no e-mail was sent to {address}"
    links = re.findall(r"https?://\S+/sprawy/[^/\s]+/", mails[-1].body)
    assert links, f"the e-mail to {address} carries no tracking link:\n{mails[-1].body}"
    return links[0]


def local_input(days: int, hour: int = 17) -> str:
    """The value a person types into a date-and-time field: `days` from now at `hour`, local time."""
    moment = (timezone.localtime() + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)
    return moment.strftime("%Y-%m-%dT%H:%M")


def pdf_file(name: str) -> dict:
    """A small valid PDF, as Playwright hands a chosen file to a file input."""
    return {"name": name, "mimeType": "application/pdf", "buffer": valid_pdf()}


def png_file(name: str) -> dict:
    return {"name": name, "mimeType": "image/png", "buffer": png_bytes((400, 300))}


def fill_permit_application(page, *, email: str, start_days: int = 60) -> None:
    """Fill "Wniosek o zezwolenie na imprezę masową" with the four opinions and every required attachment."""
    page.check("#id_organiser_kind_1")
    page.fill("#id_organiser_name", "Stowarzyszenie Rudzkie Lato")
    page.fill("#id_organiser_address", "ul. Kokota 1, 41-711 Ruda Śląska")
    page.fill("#id_contact_name", "Anna Nowak")
    page.fill("#id_contact_email", email)
    page.fill("#id_contact_phone", "600 100 200")
    page.fill("#id_event_name", "Festiwal Rudzkie Lato")
    page.check("#id_event_type_0")
    page.fill("#id_programme", "Koncerty zespołów lokalnych.")
    page.fill("#id_venue", "Park Dworski, ul. Kokota 1")
    page.check("#id_venue_kind_1")
    page.fill("#id_starts_at", local_input(start_days, 16))
    page.fill("#id_ends_at", local_input(start_days + 1, 16))
    for field, value in {"places_total": "5000", "places_available": "3000", "expected_participants": "2500",
                         "stewards": "60", "info_staff": "20"}.items():  # fmt: skip
        page.fill(f"#id_{field}", value)
    page.fill("#id_threats", "Duże zgromadzenie.")
    page.fill("#id_security_manager_name", "Jan Kowalski")
    page.fill("#id_security_manager_pesel", "44051401359")
    page.fill("#id_security_manager_certificate", "KB/123/2024")
    page.fill("#id_security_manager_phone", "600 200 300")
    for field in ("site_plan", "regulations", "fire_instruction", "fee_proof"):
        page.set_input_files(f"#id_{field}", pdf_file(f"{field}.pdf"))


def fill_event_notification(page, *, email: str, start_days: int = 45) -> None:
    """Fill "Zawiadomienie o imprezie" (u.o.p.d.k. art. 34) with what an organiser knows a month and a half ahead."""
    page.fill("#id_organiser_name", "Miejskie Centrum Kultury")
    page.fill("#id_organiser_address", "ul. Niedurnego 69, Ruda Śląska")
    page.fill("#id_contact_name", "Ewa Zielińska")
    page.fill("#id_contact_email", email)
    page.fill("#id_event_name", "Koncert plenerowy")
    page.fill("#id_event_type", "koncert plenerowy")
    page.fill("#id_character", "otwarty, bezpłatny")
    page.fill("#id_venue", "Plac Jana Pawła II")
    page.fill("#id_starts_at", local_input(start_days, 16))
    page.fill("#id_ends_at", local_input(start_days + 1, 16))
    page.fill("#id_expected_participants", "400")
    page.fill("#id_safety_measures", "Ochrona i punkt medyczny.")
    page.fill("#id_accessibility_measures", "Strefa dla osób na wózkach.")


def fill_event_submission(page, *, venue, email: str, title: str = "Koncert kolęd", poster: dict | None = None):
    """Fill "Zgłoś wydarzenie": what the event is, when and where, who to contact; with a poster if given."""
    page.get_by_label(gettext("Title of the event")).fill(title)
    page.get_by_label(gettext("In one sentence")).fill("Kolędy w wykonaniu chóru Cantate.")
    page.get_by_label(gettext("Category")).select_option(label="Koncerty")
    page.locator("#id_organiser_name").fill("Chór Cantate")
    if poster:
        page.locator("#id_image").set_input_files(files=[poster])
        page.get_by_label(gettext("What the image shows")).fill("Chór Cantate w strojach galowych na scenie")
    page.locator("#id_starts_at").fill(local_input(20, 18))
    page.locator("#id_venue").select_option(str(venue.pk))
    page.locator("#id_contact_name").fill("Anna Nowak")
    page.locator("#id_contact_email").fill(email)


# The grant offer form (annex 1 to Dz.U. 2018 poz. 2057), as an offeror types it --------------------------------------

OFFER_OFFEROR_FIELDS = {
    "#id_organisation_name": "Fundacja Śląskie Dziedzictwo",
    "#id_register_number": "KRS 0000654321",
    "#id_address": "ul. Niedurnego 69, Ruda Śląska",
    "#id_email": "fundacja.e2e@example.pl",
    "#id_contact_name": "Anna Nowak",
    "#id_contact_email": "anna.e2e@example.pl",
}
# Costs 100 × 50 = 5 000 zł: subsidy 4 500 + own 500.
OFFER_TASK_FIELDS = {
    "#id_title": "Warsztaty gwary",
    "#id_place": "Ruda Śląska",
    "#id_description": "Warsztaty dla dzieci.",
    "#id_expected_results": "40 uczestników.",
    "#id_experience": "Od 2015 r.",
    "#id_resources": "Dwóch instruktorów.",
    "#id_actions-0-name": "Warsztaty",
    "#id_actions-0-planned_period": "lato",
    "#id_results-0-name": "Uczestnicy",
    "#id_results-0-target_value": "40",
    "#id_results-0-monitoring": "listy obecności",
    "#id_costs-0-name": "Honoraria",
    "#id_costs-0-unit": "godzina",
    "#id_costs-0-unit_cost": "100",
    "#id_costs-0-units": "50",
    "#id_requested_amount": "4500",
    "#id_own_financial": "500",
}
OFFER_STATEMENTS = ("public_benefit", "no_arrears", "register", "truth", "gdpr")
# Asked on the full form only, not on the simplified offer of a small grant (grants.forms.SMALL_GRANT_OFFER_OMITTED).
FULL_FORM_ONLY = ("#id_experience", "#id_resources", "#id_actions-", "#id_results-")


def fill_offeror(page) -> None:
    """Section II of the offer: who offers (a foundation) and who explains the offer."""
    page.locator("#id_legal_form").select_option("foundation")
    for selector, value in OFFER_OFFEROR_FIELDS.items():
        page.locator(selector).fill(value)


def fill_offer_task(page, start, *, simplified=False) -> None:
    """Sections III–V and the declarations: the task from `start` for 30 days, its schedule, results and costs.

    `simplified`: the simplified offer of a small grant, without the full form's schedule, results and section IV.
    """
    page.locator("#id_start_date").fill(start.isoformat())
    page.locator("#id_end_date").fill((start + timedelta(days=30)).isoformat())
    for selector, value in OFFER_TASK_FIELDS.items():
        if not (simplified and selector.startswith(FULL_FORM_ONLY)):
            page.locator(selector).fill(value)
    for name in OFFER_STATEMENTS:
        page.locator(f"#id_statement_{name}").check()


def fill_offer(page, call=None, *, start=None) -> None:
    """The whole offer, correct: the task starts on the call's first day, or on `start` (a small grant)."""
    fill_offeror(page)
    fill_offer_task(page, start or call.implementation_from, simplified=call is None)


def published_call(*, slug: str, announced_on, deadline):
    """A grants call announced on `announced_on` and published through the service; offers until `deadline`,
    the task from 40 to 120 days from today."""
    today = timezone.localdate()
    call = make_call(
        slug=slug,
        published_bip_on=announced_on,
        published_board_on=announced_on,
        published_web_on=announced_on,
        implementation_from=today + timedelta(days=40),
        implementation_to=today + timedelta(days=120),
        deadline=deadline,
    )
    call_publish(call=call, acting_user=None)
    return call
