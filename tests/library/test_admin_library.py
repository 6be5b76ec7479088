"""The librarian's admin: only the "Biblioteka urzędu" group manages items and loans; the CSV import keeps good lines
and reports bad ones by number; lending, returning and write-offs go through the services; the books print as PDF."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from library.models import InventoryCounter, LibraryItem, Loan, Reservation, WriteOffProtocol
from tests.library.factories import ISBN, LIBRARY_GROUP, OTHER_GROUP, make_employee, make_item, make_loan

CSV = (
    "nr_inw;tytul;autorzy;rok;isbn;rodzaj;zrodlo;cena;data_nabycia\n"
    "120;Kodeks pracy. Komentarz;Nowak Jan;2024;978-83-264-4531-6;książka;zakup;199,00;2024-05-10\n"
    ";Ustawa o finansach publicznych;;2023;;;dar;;\n"
    ";;Bez tytułu;;;;;;\n"
    ";Zły ISBN;;2020;978-83-264-4531-7;;;;\n"
    "120;Ten sam numer;;;;;;;\n"
    ";Zły rok;;twenty;;;;;\n"
)


def upload(content: str, name="katalog.csv"):
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "admin:library_libraryitem_changelist",
        "admin:library_libraryitem_add",
        "admin:library_libraryitem_import",
        "admin:library_loan_changelist",
        "admin:library_loan_add",
        "admin:library_reservation_changelist",
        "admin:library_subscription_changelist",
    ],
)
def test_only_the_library_group_manages_the_library(clerk_client, url):
    assert clerk_client(groups=[LIBRARY_GROUP]).get(reverse(url)).status_code == 200
    assert clerk_client(groups=[OTHER_GROUP]).get(reverse(url)).status_code == 403
    assert clerk_client().get(reverse(url)).status_code == 403


@pytest.mark.django_db
def test_the_import_keeps_good_lines_and_reports_bad_ones_by_number(librarian_client):
    response = librarian_client.post(reverse("admin:library_libraryitem_import"), {"file": upload(CSV)})
    assert response.status_code == 200
    errors = dict(response.context["report"].errors)
    assert sorted(errors) == [4, 5, 6, 7]
    assert "brak tytułu" in errors[4]
    assert "cyfrę kontrolną" in errors[5]
    assert "120" in errors[6]
    assert "rokiem" in errors[7]
    kept = {item.inventory_number: item for item in LibraryItem.objects.all()}
    assert sorted(kept) == [120, 121]
    assert (kept[120].isbn, str(kept[120].price), kept[120].acquired_on) == (ISBN, "199.00", date(2024, 5, 10))
    assert kept[121].source == LibraryItem.Source.GIFT
    assert InventoryCounter.objects.get().last_number == 121
    assert "odrzucono 4 wierszy" in response.content.decode()


@pytest.mark.django_db
def test_a_file_without_a_title_column_is_refused_whole(librarian_client):
    response = librarian_client.post(reverse("admin:library_libraryitem_import"), {"file": upload("autor;rok\nA;1\n")})
    assert "brakuje: tytul" in response.content.decode()
    assert not LibraryItem.objects.exists()


@pytest.mark.django_db
def test_an_item_added_in_the_admin_gets_the_next_number(librarian_client):
    make_item()
    response = librarian_client.post(
        reverse("admin:library_libraryitem_add"),
        {"kind": "book", "title": "Prawo zamówień publicznych", "acquired_on": "2026-03-02", "source": "purchase"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert LibraryItem.objects.get(title="Prawo zamówień publicznych").inventory_number == 2


@pytest.mark.django_db
def test_a_wrong_isbn_in_the_admin_is_a_polish_error(librarian_client):
    response = librarian_client.post(
        reverse("admin:library_libraryitem_add"),
        {"kind": "book", "title": "X", "isbn": "978-83-264-4531-7", "acquired_on": "2026-03-02", "source": "gift"},
    )
    assert response.status_code == 200
    assert "cyfrę kontrolną" in response.content.decode()


@pytest.mark.django_db
def test_the_librarian_lends_through_the_add_form_and_a_refusal_stays_on_it(librarian_client):
    item, employee = make_item(), make_employee()
    response = librarian_client.post(reverse("admin:library_loan_add"), {"item": item.pk, "borrower": employee.pk})
    assert response.status_code == 302
    loan = Loan.objects.get()
    assert (loan.item, loan.borrower, loan.lent_by) == (item, employee, librarian_client.clerk)
    again = librarian_client.post(reverse("admin:library_loan_add"), {"item": item.pk, "borrower": make_employee().pk})
    assert again.status_code == 200
    assert "najpierw zarejestruj jej zwrot" in again.content.decode()
    assert Loan.objects.count() == 1


@pytest.mark.django_db
def test_the_return_action_frees_the_item_for_the_next_in_the_queue(librarian_client):
    loan = make_loan()
    waiting = make_employee()
    from library import services

    services.reservation_place(item=loan.item, employee=waiting)
    response = librarian_client.post(
        reverse("admin:library_loan_changelist"),
        {"action": "return_items", "_selected_action": [loan.pk]},
        follow=True,
    )
    assert "Zwrócono 1 pozycję." in response.content.decode()
    assert Loan.objects.get().returned_at is not None
    assert Reservation.objects.get().status == Reservation.Status.READY


@pytest.mark.django_db
def test_the_overdue_list_shows_only_loans_past_their_date(librarian_client):
    overdue = make_loan(today=date(2020, 1, 2))
    make_loan(today=timezone.localdate())
    response = librarian_client.get(reverse("admin:library_loan_changelist"), {"zwrot": "po-terminie"})
    assert [loan.pk for loan in response.context["cl"].result_list] == [overdue.pk]


@pytest.mark.django_db
def test_a_write_off_protocol_lists_its_items_by_inventory_number(librarian_client):
    first, second, kept = make_item(), make_item(), make_item()
    response = librarian_client.post(
        reverse("admin:library_writeoffprotocol_add"),
        {
            "number": "4/2026",
            "drawn_up_on": "2026-03-02",
            "reason": "worn_out",
            "inventory_numbers": f"{first.inventory_number}, {second.inventory_number}",
        },
    )
    assert response.status_code == 302
    protocol = WriteOffProtocol.objects.get()
    assert set(protocol.items.all()) == {first, second}
    assert not LibraryItem.objects.get(pk=kept.pk).is_written_off
    unknown = librarian_client.post(
        reverse("admin:library_writeoffprotocol_add"),
        {"number": "5/2026", "drawn_up_on": "2026-03-02", "reason": "lost", "inventory_numbers": "999"},
    )
    assert "999" in unknown.content.decode()
    assert WriteOffProtocol.objects.count() == 1


@pytest.mark.django_db
def test_the_inventory_book_and_the_register_of_write_offs_print_as_pdf(librarian_client):
    make_item(title="Komentarz do k.p.a.")
    for name in ("admin:library_libraryitem_book", "admin:library_writeoffprotocol_register"):
        response = librarian_client.get(reverse(name))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_the_inventory_book_shows_a_written_off_item_with_its_protocol():
    from library import services
    from library.documents import inventory_book_html, write_off_register_html

    item = make_item(title="Stary komentarz", price="10.50")
    services.write_off_record(
        protocol=WriteOffProtocol(number="7/2026", drawn_up_on=date(2026, 3, 2), reason="outdated"),
        items=[item],
        acting_user=None,
    )
    html = inventory_book_html(LibraryItem.objects.all())
    assert "Stary komentarz" in html
    assert "ubytek, protokół 7/2026 z 02.03.2026" in html
    register = write_off_register_html(WriteOffProtocol.objects.all())
    assert "7/2026" in register
    assert "10.50 zł" in register or "10,50 zł" in register


@pytest.mark.django_db
def test_the_export_of_items_is_csv(librarian_client):
    item = make_item(title="=SUMA(A1)")
    response = librarian_client.post(
        reverse("admin:library_libraryitem_changelist"), {"action": "export_csv", "_selected_action": [item.pk]}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "'=SUMA(A1)" in response.content.decode("utf-8-sig")


@pytest.mark.django_db
def test_an_action_refused_for_one_loan_goes_on_with_the_others_and_names_the_refused_one(librarian_client):
    returned, lent = make_loan(), make_loan()
    from library import services

    services.loan_return(loan=returned, acting_user=librarian_client.clerk)
    response = librarian_client.post(
        reverse("admin:library_loan_changelist"),
        {"action": "return_items", "_selected_action": [returned.pk, lent.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "Zwrócono 1 pozycję." in page
    assert f"{returned}: " in page
    lent.refresh_from_db()
    assert lent.returned_at is not None
