"""The Economic Council's secretary prepares a sitting, invites the members, records the vote, publishes the opinion.

In Chromium, as the clerk of "Sekretariat Rady Gospodarczej" does it in the admin: the sitting with its agenda, the
invitations e-mailed with the PDF's link, the attendance and the votes, the opinion sent to the Mayor and published.
The public council pages show it, pass axe-core and fit a 320 px phone without the members' contacts (DOMAIN.md §I.1).
"""

from datetime import date, timedelta
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import timezone

from council.models import CouncilOpinion, CouncilSitting
from tests.council.factories import held, make_member, make_term
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import clerk_signs_in, mails_to
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto

COUNCIL_GROUP = "Sekretariat Rady Gospodarczej"
SUBJECT = "w sprawie programu wsparcia przedsiębiorców"
OPINION = "Rada pozytywnie opiniuje program i prosi o ulgi dla firm na terenach pogórniczych."


def run_admin_action(page, site_url, changelist: str, pk: int, action: str):
    page.goto(site_url + reverse(changelist))
    page.locator(f'input[name="_selected_action"][value="{pk}"]').check()
    page.locator('select[name="action"]').select_option(action)
    page.locator('button[name="index"]').click()
    page.locator(".messagelist .success").wait_for()


def test_the_secretary_prepares_a_sitting_records_the_vote_and_publishes_the_opinion(site_url, page, new_page):
    # A term begun after the demo council's, so that the public page shows it as the current one.
    term = make_term(name="2025–2030", starts_on=date(2025, 1, 7), mayor_email="prezydent.e2e@example.pl")
    members = [
        make_member(term, role="chair", full_name="Barbara Kubica", organisation="Izba Przemysłowo-Handlowa"),
        make_member(term, role="secretary", full_name="Tomasz Wieczorek", organisation="Politechnika Śląska"),
        *(make_member(term) for _ in range(3)),
    ]
    secretary = clerk_signs_in(new_page, site_url, groups=[COUNCIL_GROUP]).page
    day = timezone.localdate() + timedelta(days=10)

    # The sitting with its agenda.
    secretary.goto(site_url + reverse("admin:council_councilsitting_add"))
    secretary.locator("#id_term").select_option(str(term.pk))
    secretary.locator("#id_number").fill("4")
    secretary.locator("#id_starts_at_0").fill(day.isoformat())
    secretary.locator("#id_starts_at_1").fill("16:00")
    secretary.locator("#id_place").fill("Urząd Miasta, sala 213")
    secretary.locator("#id_agenda").fill("Otwarcie posiedzenia\nProgram wsparcia przedsiębiorców\nSprawy różne")
    secretary.locator('input[name="_continue"]').click()
    secretary.locator(".messagelist .success").wait_for()
    sitting = CouncilSitting.objects.get(term=term, number=4)

    # The invitations: one e-mail per member, with the agenda and the link to the PDF.
    run_admin_action(secretary, site_url, "admin:council_councilsitting_changelist", sitting.pk, "send_invitations")
    for member in members:
        (mail,) = mails_to(member.email)
        assert "Program wsparcia przedsiębiorców" in mail.body
    pdf_link = next(word for word in mails_to(members[0].email)[0].body.split() if word.endswith("zaproszenie.pdf"))
    assert secretary.request.get(site_url + urlsplit(pdf_link).path).body().startswith(b"%PDF-")

    # The sitting took place: the attendance, then the opinion put to the vote.
    held(sitting)
    secretary.goto(site_url + reverse("admin:council_councilsitting_change", args=[sitting.pk]))
    for member in members[:4]:
        secretary.locator(f'input[name="attendees"][value="{member.pk}"]').check()
    secretary.locator('input[name="_continue"]').click()
    secretary.locator(".messagelist .success").wait_for()
    assert sitting.attendees.count() == 4

    secretary.goto(site_url + reverse("admin:council_councilopinion_add"))
    secretary.locator("#id_sitting").select_option(str(sitting.pk))
    secretary.locator("#id_number").fill("1/2026")
    secretary.locator("#id_subject").fill(SUBJECT)
    editor = secretary.locator(".field-text").get_by_role("textbox")
    editor.click()
    secretary.keyboard.type(OPINION)
    secretary.locator("#id_votes_for").fill("3")
    secretary.locator("#id_votes_against").fill("0")
    secretary.locator("#id_votes_abstaining").fill("1")
    secretary.locator('input[name="_continue"]').click()
    secretary.locator(".messagelist .success").wait_for()
    opinion = CouncilOpinion.objects.get(sitting=sitting)
    assert opinion.adopted

    run_admin_action(secretary, site_url, "admin:council_councilopinion_changelist", opinion.pk, "send_to_mayor")
    (to_mayor,) = mails_to(term.mayor_email)
    assert OPINION in to_mayor.body
    run_admin_action(secretary, site_url, "admin:council_councilopinion_changelist", opinion.pk, "publish")

    # The public pages: the composition without contacts, the sitting with its opinion and votes.
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        goto(page, site_url + reverse("council:council_index"))
        main = page.locator("main").inner_text()
        assert "Barbara Kubica" in main
        assert all(member.email not in main and member.phone not in main for member in members)
        assert_no_axe_violations(page)
        assert_no_horizontal_scrolling(page)
        goto(page, site_url + sitting.get_absolute_url())
        main = page.locator("main").inner_text()
        assert OPINION in main
        assert "Głosy: 3 za, 0 przeciw, 1 wstrzymujący się." in main
        assert_no_axe_violations(page)
        assert_no_horizontal_scrolling(page)
        goto(page, site_url + reverse("council:opinion_list"))
        assert SUBJECT in page.locator("main").inner_text()
        assert_no_axe_violations(page)
        assert_no_horizontal_scrolling(page)
