"""Occasional letters and speeches: workflow, kept versions, templates, archive search, Terminarz, permissions."""

from datetime import date

import pytest
from django.apps import apps as global_apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.deadlines import open_deadlines
from core.models import StatusChange
from core.services import CaseWorkError, transition_perform
from press.models import LetterKind, LetterOccasion, LetterTemplate, OccasionalLetter, OccasionalLetterVersion
from press.services import PressError, letter_version_add
from tests.press.factories import PRESS_GROUP, OccasionalLetterFactory

JUBILEE_TEXT = "Szanowna Pani Dyrektor, z okazji jubileuszu 50-lecia Miejskiego Centrum Kultury…"


def test_a_letter_goes_from_request_to_sent_and_the_latest_version_is_approved(make_clerk):
    clerk = make_clerk(groups=[PRESS_GROUP])
    letter = OccasionalLetterFactory(acting_user=clerk)
    assert letter.status == OccasionalLetter.Status.REQUESTED
    with pytest.raises(CaseWorkError, match="„Zatwierdź najnowszą wersję” nie jest możliwe"):
        transition_perform(obj=letter, name="approve", acting_user=clerk)
    letter_version_add(letter=letter, text="Pierwsza wersja.", acting_user=clerk)
    assert letter.status == OccasionalLetter.Status.DRAFT
    second = letter_version_add(letter=letter, text=JUBILEE_TEXT, acting_user=clerk)
    for name in ("submit", "approve"):
        transition_perform(obj=letter, name=name, acting_user=clerk)
    assert letter.status == OccasionalLetter.Status.APPROVED
    assert letter.approved_version == second
    with pytest.raises(PressError) as refusal:
        letter_version_add(letter=letter, text="Poprawka po zatwierdzeniu.", acting_user=clerk)
    assert refusal.value.code == "letter_not_editable"
    for name in ("sign", "send"):
        transition_perform(obj=letter, name=name, acting_user=clerk)
    assert letter.status == OccasionalLetter.Status.SENT
    assert letter.sent_at is not None
    assert list(letter.versions.values_list("number", flat=True)) == [2, 1]
    actions = list(StatusChange.objects.filter(object_id=letter.pk).values_list("action", flat=True))
    assert actions == [
        "press.letter.start_draft",
        "press.letter.submit",
        "press.letter.approve",
        "press.letter.sign",
        "press.letter.send",
    ]


def test_a_draft_without_text_cannot_go_to_review_and_a_return_clears_the_approval(db):
    letter = OccasionalLetterFactory()
    transition_perform(obj=letter, name="start_draft", acting_user=None)
    with pytest.raises(PressError) as refusal:
        transition_perform(obj=letter, name="submit", acting_user=None)
    assert refusal.value.code == "no_version"
    assert letter.status == OccasionalLetter.Status.DRAFT
    letter_version_add(letter=letter, text=JUBILEE_TEXT, acting_user=None)
    transition_perform(obj=letter, name="submit", acting_user=None)
    transition_perform(obj=letter, name="approve", acting_user=None)
    transition_perform(obj=letter, name="return_to_draft", acting_user=None, note="Dopisać podziękowania.")
    assert letter.status == OccasionalLetter.Status.DRAFT
    assert letter.approved_version is None


def test_versions_are_kept_and_an_old_version_cannot_be_changed(db):
    letter = OccasionalLetterFactory()
    first = letter_version_add(letter=letter, text="Wersja pierwsza.", acting_user=None)
    assert letter_version_add(letter=letter, text="Wersja pierwsza.", acting_user=None) == first
    letter_version_add(letter=letter, text="Wersja druga.", acting_user=None)
    first.text = "Nadpisana treść."
    with pytest.raises(ValidationError, match="Zapisanej wersji pisma nie można zmienić"):
        first.save()
    with pytest.raises(ValidationError, match="Zapisanej wersji pisma nie można zmienić"):
        OccasionalLetterVersion.objects.filter(pk=first.pk).update(text="Nadpisana treść.")
    assert list(letter.versions.order_by("number").values_list("text", flat=True)) == [
        "Wersja pierwsza.",
        "Wersja druga.",
    ]


def test_a_draft_starts_from_a_template_of_the_library(db):
    template = LetterTemplate.objects.create(
        name="Jubileusz instytucji kultury", occasion_kind=LetterOccasion.JUBILEE, text="Z okazji jubileuszu [nazwa]…"
    )
    letter = OccasionalLetterFactory(template=template, occasion_kind=LetterOccasion.JUBILEE)
    assert letter.status == OccasionalLetter.Status.DRAFT
    assert letter.versions.get().text == "Z okazji jubileuszu [nazwa]…"


def test_the_date_needed_is_in_the_terminarz_until_the_letter_is_sent(db):
    letter = OccasionalLetterFactory(text=JUBILEE_TEXT)
    due = [d for d in open_deadlines(section="press") if d.url.endswith(f"/{letter.pk}/change/")]
    assert [d.due_date for d in due] == [date(2026, 12, 10)]
    for name in ("submit", "approve", "sign", "send"):
        transition_perform(obj=letter, name=name, acting_user=None)
    assert not [d for d in open_deadlines(section="press") if d.url.endswith(f"/{letter.pk}/change/")]


def test_the_press_clerk_writes_versions_in_the_admin_and_finds_them_in_the_archive(clerk_client):
    client = clerk_client(groups=[PRESS_GROUP])
    template = LetterTemplate.objects.create(name="Kondolencje", text="Z głębokim żalem…")
    form = {
        "kind": LetterKind.LETTER,
        "occasion_kind": LetterOccasion.CONDOLENCES,
        "occasion": "Śmierć Honorowego Obywatela Miasta",
        "addressee": "Rodzina Zmarłego",
        "needed_on": "2026-12-01",
        "requested_by": "Prezydent Miasta",
        "template": str(template.pk),
        "text": "",
        "signatory": "",
        "delivered_how": "",
        "notes": "",
        "versions-TOTAL_FORMS": "0",
        "versions-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:press_occasionalletter_add"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    letter = OccasionalLetter.objects.get()
    assert letter.created_by == client.clerk
    change_url = reverse("admin:press_occasionalletter_change", args=[letter.pk])
    history = "core-statuschange-content_type-object_id"
    response = client.post(
        change_url,
        {
            **form,
            "text": "Z głębokim żalem przyjęliśmy wiadomość o śmierci…",
            "versions-INITIAL_FORMS": "1",
            "versions-TOTAL_FORMS": "1",
            f"{history}-TOTAL_FORMS": "1",
            f"{history}-INITIAL_FORMS": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(letter.versions.order_by("number").values_list("text", "author")) == [
        ("Z głębokim żalem…", client.clerk.pk),
        ("Z głębokim żalem przyjęliśmy wiadomość o śmierci…", client.clerk.pk),
    ]
    page = client.get(change_url).content.decode()
    assert "Z głębokim żalem przyjęliśmy" in page
    other = OccasionalLetterFactory(occasion="Otwarcie sezonu", addressee="Goście gali", text="Witam serdecznie.")
    changelist = reverse("admin:press_occasionalletter_changelist")
    found = client.get(changelist, {"q": "wiadomość o śmierci"}).content.decode()
    assert "Śmierć Honorowego Obywatela Miasta" in found
    assert other.occasion not in found
    assert "Otwarcie sezonu" in client.get(changelist, {"q": "gali"}).content.decode()
    by_year = client.get(changelist, {"rok": "2025"}).content.decode()
    assert "Otwarcie sezonu" not in by_year


def test_a_letter_written_in_the_editor_is_sanitised_and_shown_formatted(clerk_client):
    client = clerk_client(groups=[PRESS_GROUP])
    letter = OccasionalLetterFactory(text="Szanowni Państwo!")
    letter_version_add(
        letter=letter,
        text='<p onclick="alert(1)">Z okazji <strong>jubileuszu</strong></p><script>alert(2)</script>',
        acting_user=None,
    )
    latest = letter.versions.order_by("-number").first()
    assert latest.text == "<p>Z okazji <strong>jubileuszu</strong></p>"
    page = client.get(reverse("admin:press_occasionalletter_change", args=[letter.pk])).content.decode()
    assert "<p>Z okazji <strong>jubileuszu</strong></p>" in page
    assert "alert(" not in page
    assert letter_version_add(letter=letter, text=latest.text, acting_user=None) == latest  # unchanged: no version
    with pytest.raises(PressError):
        letter_version_add(letter=letter, text="<p></p>", acting_user=None)


def test_the_data_migration_turns_old_letters_into_paragraphs(db):
    migration = __import__("press.migrations.0007_rich_text", fromlist=["to_html"])
    template = LetterTemplate.objects.create(name="Jubileusz", text="x")
    letter = OccasionalLetterFactory(text="x")
    LetterTemplate.objects.filter(pk=template.pk).update(text="Szanowni Państwo,\n\nz okazji <jubileuszu>\n[nazwa]")
    version = letter.versions.get()
    type(version)._base_manager.filter(pk=version.pk).update(text="Drodzy!\nDziękujemy.")

    migration.to_html(global_apps, None)

    template.refresh_from_db()
    assert template.text == "<p>Szanowni Państwo,</p><p>z okazji &lt;jubileuszu&gt;<br>[nazwa]</p>"
    assert letter.versions.get().text == "<p>Drodzy!<br>Dziękujemy.</p>"
