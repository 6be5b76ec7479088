"""The metryczka and the register of changes of public information (BIP regulation, DOMAIN.md §J.2), on the
department's own pages: the department page and an information page edited by clerks in the admin."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from core import public_information
from core.models import DepartmentProfile, StaticPage
from core.roles import SECTION_BY_CODE
from tests.helpers import metryczka

WARSAW = ZoneInfo("Europe/Warsaw")
SITE_GROUP = SECTION_BY_CODE["site"].group_name


def at(day: int, hour: int = 10):
    return time_machine.travel(datetime(2026, 3, day, hour, tzinfo=WARSAW), tick=False)


def page_form(**changes):
    data = {"title": "Dane kontaktowe", "slug": "dane-kontaktowe", "lead": "", "body": "<p>Pl. Jana Pawła II 6</p>"}
    return {**data, "position": "1", **changes}


@pytest.fixture
def editors(clerk_client):
    return (
        clerk_client(groups=[SITE_GROUP], first_name="Ewa", last_name="Redaktorska"),
        clerk_client(groups=[SITE_GROUP], first_name="Jan", last_name="Publikujący"),
        clerk_client(groups=[SITE_GROUP], first_name="Olga", last_name="Poprawiająca"),
    )


def save_page(client, page=None, **changes):
    url = reverse("admin:core_staticpage_change", args=[page.pk]) if page else reverse("admin:core_staticpage_add")
    response = client.post(url, page_form(**changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    return StaticPage.objects.get(slug=changes.get("slug", "dane-kontaktowe"))


@pytest.fixture
def published_page(editors):
    """A page drafted on 2 March by Ewa, published on 3 March by Jan, corrected on 5 March by Olga."""
    drafter, publisher, corrector = editors
    with at(2):
        page = save_page(drafter, body="<p>Szkic</p>")
    with at(3):
        save_page(publisher, page, is_published="on")
    with at(5, 14):
        save_page(corrector, page, is_published="on", lead="Godziny pracy wydziału.")
    return page


def test_the_metryczka_of_an_information_page_names_who_entered_published_and_changed_it(client, published_page):
    html = client.get(published_page.get_absolute_url()).content.decode()

    assert metryczka(html) == {
        "Informację wytworzył(a)": "Redakcja portalu",  # the section; no department card is saved in this test
        "Data wytworzenia": "2 marca 2026, 10:00",
        "Wprowadził(a)": "Ewa Redaktorska, 2 marca 2026, 10:00",
        "Opublikował(a)": "Jan Publikujący, 3 marca 2026, 10:00",
        "Ostatnio zmienił(a)": "Olga Poprawiająca, 5 marca 2026, 14:00",
        "link": f"/informacja-publiczna/strony/{published_page.pk}/rejestr-zmian/",
    }
    assert '<time datetime="2026-03-03T10:00:00+01:00">' in html
    assert "(2 wersje)" in html


def test_the_change_register_lists_the_public_versions_with_the_fields_each_changed(client, published_page):
    url = reverse("core:change_register", kwargs={"kind": "strony", "pk": published_page.pk})

    page = client.get(url).content.decode()

    rows = page[page.index("<tbody>") : page.index("</tbody>")]
    assert rows.count("<tr>") == 2
    newest, oldest = rows.split("</tr>")[:2]
    assert "5 marca 2026, 14:00" in newest
    assert "Olga Poprawiająca" in newest
    assert "Wstęp" in newest
    assert "3 marca 2026, 10:00" in oldest
    assert "Jan Publikujący" in oldest
    assert "Opublikowano" in oldest
    # The draft of 2 March was never public information: it is not a version of it.
    assert "Szkic" not in page
    assert "2 marca 2026, 10:00" not in rows


def test_an_earlier_version_reads_as_it_was_published(client, published_page):
    first = published_page.history.filter(is_published=True).earliest("history_date")
    url = reverse(
        "core:record_version", kwargs={"kind": "strony", "pk": published_page.pk, "history_id": first.history_id}
    )

    page = client.get(url).content.decode()

    assert "Wersja z 3 marca 2026, 10:00" in page
    assert "Jan Publikujący" in page
    assert "Pl. Jana Pawła II 6" in page
    assert "Godziny pracy wydziału." not in page


def test_a_draft_version_and_an_unpublished_record_have_no_public_register(client, published_page, editors):
    draft = published_page.history.filter(is_published=False).get()
    version_url = reverse(
        "core:record_version", kwargs={"kind": "strony", "pk": published_page.pk, "history_id": draft.history_id}
    )
    assert client.get(version_url).status_code == 404

    save_page(editors[0], published_page)  # unpublished again
    register_url = reverse("core:change_register", kwargs={"kind": "strony", "pk": published_page.pk})
    assert client.get(register_url).status_code == 404
    assert client.get(reverse("core:change_register", kwargs={"kind": "nieznane", "pk": 1})).status_code == 404


def test_the_department_page_shows_who_entered_and_changed_the_department_s_card(client, editors):
    editor = editors[0]
    with at(2):
        profile = DepartmentProfile.objects.create(
            name="Wydział Kultury, Komunikacji Społecznej i Promocji Miasta",
            head_name="Krzysztof Piecha",
            address="pl. Jana Pawła II 6, 41-709 Ruda Śląska",
            phone="32 244 90 00",
            email="kultura@rudaslaska.pl",
        )
    form = {
        "name": profile.name,
        "head_name": profile.head_name,
        "head_title": profile.head_title,
        "address": profile.address,
        "room": "pok. 301",
        "phone": profile.phone,
        "other_phones": "",
        "email": profile.email,
        "office_hours": "pon.–pt. 7:30–15:30",
        "introduction": "",
    }
    with at(4, 9):
        response = editor.post(reverse("admin:core_departmentprofile_change", args=[profile.pk]), form)
    assert response.status_code == 302

    box = metryczka(client.get(reverse("core:department")).content.decode())

    department = "Wydział Kultury, Komunikacji Społecznej i Promocji Miasta"
    assert box["Informację wytworzył(a)"] == f"{department}, Redakcja portalu"
    assert box["Data wytworzenia"] == "2 marca 2026, 10:00"
    # Saved outside the admin first, the card was entered and last changed by the editor who filled it in.
    assert box["Wprowadził(a)"] == "Ewa Redaktorska, 4 marca 2026, 09:00"
    assert box["Opublikował(a)"] == "2 marca 2026, 10:00"
    assert box["Ostatnio zmienił(a)"] == "Ewa Redaktorska, 4 marca 2026, 09:00"
    register = client.get(reverse("core:change_register", kwargs={"kind": "wydzial", "pk": profile.pk}))
    assert "<td>Pokój, Godziny pracy</td>" in register.content.decode()


def test_the_change_register_reads_a_page_in_the_same_number_of_queries_however_many_versions(
    client, published_page, django_assert_max_num_queries
):
    url = reverse("core:change_register", kwargs={"kind": "strony", "pk": published_page.pk})
    client.get(url)  # the shell's one-off reads
    with django_assert_max_num_queries(20) as few:
        client.get(url)
    published_page.refresh_from_db()
    for n in range(40):
        published_page.lead = f"Wersja {n}"
        published_page.save()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("<tr>") == 1 + public_information.VERSIONS_PER_PAGE


def test_every_registered_kind_names_fields_of_its_model():
    for kind in public_information.registered_kinds():
        model = kind.model_class()
        history_fields = {field.name for field in model.history.model._meta.get_fields()}
        assert set(kind.public_fields) <= history_fields, kind.key
