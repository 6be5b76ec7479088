"""The steps a resident and a clerk take in every case type's journey, in Chromium, as people do them.

The applicant fills the public form, lands on the confirmation, follows the private tracking link and replies
there; the clerk signs in to the admin with password and authenticator code, writes to the applicant (or acts on
the case); the applicant reads it on the tracking page and downloads the department's letter. Every public page
on the way is checked with axe-core. Texts are looked up with gettext under the tests' Polish override.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext

from core.auth import current_totp_code, new_totp_device
from core.models import CaseMessage
from core.roles import sync_roles
from tests.conftest import CLERK_PASSWORD
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.pages import CONFIRMATION_VIEW, wait_for_view

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
