"""Media contacts from and to CSV: good lines imported, bad lines reported with their number, never a 500."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from press.contacts_csv import contacts_export, contacts_import
from press.models import MediaContact
from tests.press.factories import OTHER_GROUP, PRESS_GROUP, MediaContactFactory, MediaListFactory

GOOD_AND_BAD = (
    "nazwa;email;telefon;redakcja;tematyka;listy;podstawa_prawna;zrodlo_danych\n"
    "Anna Wiśniewska;anna@wiadomosci-rudzkie.pl;32 111 22 33;Wiadomości Rudzkie;kultura;Media lokalne|Kultura;e;"
    "wizytówka\n"
    ";bez-nazwy@gazeta.pl;;;;;;\n"
    "Jan Zieliński;to-nie-email;;;;;;\n"
    "Ewa Nowak;ewa@radio.pl;;Radio Piekary;;Media lokalne;b;\n"
    "Piotr Kowal;piotr@tv.pl;;TVS;sport;;a;formularz zgody\n"
)


def test_import_keeps_good_lines_and_reports_bad_ones_by_number(db):
    report = contacts_import(content=GOOD_AND_BAD.encode("cp1250"), acting_user=None)
    assert (report.created, report.updated) == (2, 0)
    assert [line for line, _reason in report.errors] == [3, 4, 5]
    anna = MediaContact.objects.get(email="anna@wiadomosci-rudzkie.pl")
    assert anna.outlet.name == "Wiadomości Rudzkie"
    assert sorted(anna.lists.values_list("name", flat=True)) == ["Kultura", "Media lokalne"]
    assert anna.legal_basis == MediaContact.LegalBasis.PUBLIC_TASK
    piotr = MediaContact.objects.get(email="piotr@tv.pl")
    assert piotr.legal_basis == MediaContact.LegalBasis.CONSENT
    assert piotr.legal_basis_note == "formularz zgody"


def test_import_updates_a_known_address_but_never_resubscribes(db):
    contact = MediaContactFactory(name="Stara nazwa", email="anna@wiadomosci-rudzkie.pl")
    MediaContact.objects.filter(pk=contact.pk).update(unsubscribed_at=timezone.now())
    report = contacts_import(content=GOOD_AND_BAD.encode("utf-8-sig"), acting_user=None)
    assert report.updated == 1
    contact.refresh_from_db()
    assert contact.name == "Anna Wiśniewska"
    assert contact.unsubscribed_at is not None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "Plik jest pusty"),
        (b"nazwa,telefon\nA,1\n", "Pierwszy wiersz musi zawierać nazwy kolumn; brakuje: email"),
        (b"x" * (3 * 1024 * 1024), "Plik jest większy niż 2 MB"),
    ],
    ids=["empty", "no-email-column", "over-2-mb"],
)
def test_an_unusable_file_is_refused_with_a_message(db, content, reason):
    with pytest.raises(ValidationError, match=reason):
        contacts_import(content=content, acting_user=None)


def test_huge_cells_and_binary_junk_are_reported_per_line(db):
    content = 'nazwa,email\n"{}",a@b.pl\nJan\x00,c@d.pl\nOk,ok@d.pl\n'.format("x" * 10_000).encode()
    report = contacts_import(content=content, acting_user=None)
    assert report.created == 1
    assert [line for line, _reason in report.errors] == [2, 3]


def test_export_guards_against_formulas(db):
    contact = MediaContactFactory(name="=HYPERLINK(1)", email="x@y.pl", legal_basis="art6_1_a")
    contact.lists.add(MediaListFactory(name="Kultura", emails=()))
    text = contacts_export(MediaContact.objects.all())
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:2] == ["nazwa", "email"]
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][5] == "Kultura"
    assert rows[1][6] == "a"


def test_the_press_clerk_imports_in_the_admin_and_others_cannot(clerk_client):
    url = reverse("admin:press_mediacontact_import")
    assert clerk_client(groups=[OTHER_GROUP]).get(url).status_code == 403
    client = clerk_client(groups=[PRESS_GROUP])
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("kontakty.csv", GOOD_AND_BAD.encode("utf-8"), content_type="text/csv")
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<td>3</td>" in html
    assert "<td>5</td>" in html
    assert MediaContact.objects.count() == 2


def test_the_press_clerk_exports_selected_contacts(clerk_client):
    MediaContactFactory(name="Redakcja", email="r@gazeta.pl")
    client = clerk_client(groups=[PRESS_GROUP])
    response = client.post(
        reverse("admin:press_mediacontact_changelist"),
        {"action": "export_csv", "_selected_action": list(MediaContact.objects.values_list("pk", flat=True))},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "r@gazeta.pl" in response.content.decode()
