"""The City Hall library in Chromium: the librarian imports a catalogue, an employee finds and reserves a book (a
second employee queues for it), the librarian lends it, the reminder goes out on the due date (frozen clock), and
the return sets the book aside for the next employee. The employees' pages pass axe-core and fit a narrow phone."""

import io
from datetime import datetime

import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from library.models import Loan, Reservation
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.journeys import clerk_signs_in, mails_to
from tests.e2e.layout import assert_no_horizontal_scrolling
from tests.e2e.pages import goto
from tests.library.factories import LIBRARY_GROUP, WARSAW

CATALOGUE_CSV = (
    "tytul;autorzy;wydawca;rok;isbn;hasla;sygnatura\n"
    "Ustawa o samorządzie gminnym. Komentarz;Kowalczyk Piotr;C.H. Beck;2024;978-83-264-4531-6;samorząd;II-102\n"
    "Prawo prasowe. Komentarz;Szymański Tomasz;C.H. Beck;2022;978-83-264-4531-7;prawo prasowe;II-160\n"
    "Promocja miasta;Jabłońska Monika;Difin;2023;;promocja miasta;IV-03\n"
).encode()
FIRST = "pierwsza.czytelniczka@rudaslaska.example.pl"
SECOND = "drugi.czytelnik@rudaslaska.example.pl"
TITLE = "Ustawa o samorządzie gminnym. Komentarz"


def employee_signs_in(new_page, site_url, username, email):
    employee = clerk_signs_in(new_page, site_url, groups=[], username=username)
    get_user_model().objects.filter(username=username).update(email=email)
    return employee.page


def reserve(page, site_url):
    goto(page, site_url + reverse("library:catalogue"))
    page.get_by_label("Tytuł, autor, hasło przedmiotowe lub ISBN").fill("samorządzie")
    page.get_by_role("button", name="Szukaj w katalogu", exact=True).click()
    page.get_by_role("heading", name=TITLE).wait_for()
    assert_no_axe_violations(page)
    page.get_by_role("button", name=f"Zarezerwuj: {TITLE}"[:95]).click()
    page.locator(".messages").wait_for()


def run_admin_action(page, site_url, changelist: str, pk: int, action: str):
    page.goto(site_url + reverse(changelist))
    page.locator(f'input[name="_selected_action"][value="{pk}"]').check()
    page.locator('select[name="action"]').select_option(action)
    page.locator('button[name="index"]').click()
    page.locator(".messagelist .success").wait_for()


def test_import_reserve_lend_remind_and_return(site_url, new_page):
    librarian = clerk_signs_in(new_page, site_url, groups=[LIBRARY_GROUP], username="bibliotekarka.e2e").page
    librarian.goto(site_url + reverse("admin:library_libraryitem_import"))
    librarian.locator("#id_file").set_input_files(
        {"name": "katalog.csv", "mimeType": "text/csv", "buffer": CATALOGUE_CSV}
    )
    librarian.locator('input[type="submit"]').click()
    librarian.locator(".messagelist .warning").wait_for()
    assert "wpisano 2 pozycji, odrzucono 1 wierszy" in librarian.locator(".messagelist").inner_text()
    assert "błędną cyfrę kontrolną" in librarian.locator("#import-errors").inner_text()

    first = employee_signs_in(new_page, site_url, "czytelniczka.e2e", FIRST)
    reserve(first, site_url)
    assert "czeka na Ciebie w bibliotece" in first.locator(".messages").inner_text()
    second = employee_signs_in(new_page, site_url, "czytelnik.e2e", SECOND)
    reserve(second, site_url)
    assert "jesteś w kolejce" in second.locator(".messages").inner_text()

    ready = Reservation.objects.get(employee__email=FIRST)
    run_admin_action(librarian, site_url, "admin:library_reservation_changelist", ready.pk, "lend_reserved")
    loan = Loan.objects.get()
    assert loan.borrower.email == FIRST

    goto(first, site_url + reverse("library:my_loans"))
    assert TITLE in first.locator("#loans-heading + table").inner_text()
    assert_no_axe_violations(first)

    before = len(mails_to(FIRST))
    due = loan.due_on
    with time_machine.travel(datetime(due.year, due.month, due.day, 7, tzinfo=WARSAW), tick=False):
        call_command("library_daily", stdout=io.StringIO())
    reminders = mails_to(FIRST)[before:]
    assert [mail.subject for mail in reminders] == [f"Biblioteka: dzisiaj zwróć „{TITLE}”"]
    assert "/biblioteka-urzedu/moje/" in reminders[0].body

    run_admin_action(librarian, site_url, "admin:library_loan_changelist", loan.pk, "return_items")
    assert Reservation.objects.get(employee__email=SECOND).status == Reservation.Status.READY
    assert any("czeka na Ciebie" in mail.body for mail in mails_to(SECOND))
    goto(second, site_url + reverse("library:my_loans"))
    assert "Czeka na Ciebie w bibliotece do" in second.locator("#reservations-heading + table").inner_text()
    assert_no_axe_violations(second)


def test_the_employees_pages_fit_a_narrow_phone(site_url, new_page):
    page = employee_signs_in(
        lambda **options: new_page(viewport={"width": 320, "height": 640}, **options),
        site_url,
        "waski.e2e",
        "waski@rudaslaska.example.pl",
    )
    for name in ("library:catalogue", "library:my_loans"):
        goto(page, site_url + reverse(name))
        assert_no_horizontal_scrolling(page)
        assert_no_axe_violations(page)
