"""The employees' pages: only a signed-in, verified employee sees them; the catalogue finds by title, author,
subject and ISBN and shows availability; a reservation is one click; an employee sees and changes only their own
loans and reservations. Query counts do not grow with the collection."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from library import services
from library.models import LibraryItem, Loan, Reservation
from tests.library.factories import ISBN, ISBN_10, bulk_items, make_employee, make_item, make_loan

CATALOGUE = "/biblioteka-urzedu/"
MY_LOANS = "/biblioteka-urzedu/moje/"
MONDAY = date(2026, 3, 2)
DUE = date(2026, 4, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("path", [CATALOGUE, MY_LOANS])
def test_a_visitor_is_told_to_sign_in_first_without_the_admins_address(path):
    response = Client().get(path)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Zaloguj się w panelu urzędnika" in page
    assert reverse("admin:login") not in page


@pytest.mark.django_db
def test_a_signed_in_account_without_the_second_factor_is_refused(clerk_client, settings):
    settings.OTP_REQUIRED = True
    client = Client()
    client.force_login(make_employee())
    assert client.get(CATALOGUE).status_code == 403
    assert client.post(reverse("library:item_reserve", args=[make_item().pk])).status_code == 403
    assert not Reservation.objects.exists()


@pytest.mark.django_db
def test_the_pages_are_private_and_never_cached(employee_client):
    response = employee_client.get(CATALOGUE)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("postępowania", "Kodeks postępowania administracyjnego"),
        ("zielińSKI", "Kodeks postępowania administracyjnego"),
        ("imprezy masowe", "Bezpieczeństwo imprez masowych"),
        (ISBN_10, "Kodeks postępowania administracyjnego"),
        ("978-83-264-4531-6", "Kodeks postępowania administracyjnego"),
    ],
)
def test_the_catalogue_finds_by_title_author_subject_and_isbn(employee_client, query, found):
    make_item(title="Kodeks postępowania administracyjnego", authors="Zieliński Adam", isbn=ISBN)
    make_item(title="Bezpieczeństwo imprez masowych", subjects="imprezy masowe; bezpieczeństwo")
    response = employee_client.get(CATALOGUE, {"q": query})
    titles = [item.title for item in response.context["items"]]
    assert titles == [found]


@pytest.mark.django_db
def test_availability_is_shown_per_item(employee_client):
    make_item(title="Wolna")
    lent = make_loan(item=make_item(title="Wypożyczona"))
    services.reservation_place(item=lent.item, employee=make_employee())
    make_item(title="Tylko na miejscu", loanable=False)
    make_loan(item=make_item(title="Moja"), borrower=employee_client.clerk)
    page = employee_client.get(CATALOGUE).content.decode()
    assert "Dostępna" in page
    assert "Wypożyczona — czeka 1 osoba" in page
    assert "Tylko do korzystania na miejscu." in page
    assert "Masz tę pozycję wypożyczoną." in page


@pytest.mark.django_db
def test_a_written_off_item_is_not_in_the_catalogue(employee_client):
    from library.models import WriteOffProtocol

    gone = make_item(title="Wycofany komentarz")
    services.write_off_record(
        protocol=WriteOffProtocol(number="9/2026", drawn_up_on=date(2026, 3, 2), reason="outdated"),
        items=[gone],
        acting_user=None,
    )
    assert list(employee_client.get(CATALOGUE).context["items"]) == []
    assert employee_client.post(reverse("library:item_reserve", args=[gone.pk])).status_code == 404


@pytest.mark.django_db
def test_reserving_is_one_click_and_comes_back_to_the_search(employee_client):
    item = make_item(title="Ustawa o samorządzie gminnym")
    response = employee_client.post(
        reverse("library:item_reserve", args=[item.pk]), {"next": CATALOGUE + "?q=samorz"}, follow=True
    )
    assert response.redirect_chain[-1][0] == CATALOGUE + "?q=samorz"
    reservation = Reservation.objects.get()
    assert (reservation.employee, reservation.status) == (employee_client.clerk, Reservation.Status.READY)
    assert "czeka na Ciebie w bibliotece" in response.content.decode()
    again = employee_client.post(reverse("library:item_reserve", args=[item.pk]), follow=True)
    assert "już przez Ciebie zarezerwowana" in again.content.decode()
    assert Reservation.objects.count() == 1


@pytest.mark.django_db
def test_a_foreign_next_address_is_not_followed(employee_client):
    item = make_item()
    response = employee_client.post(reverse("library:item_reserve", args=[item.pk]), {"next": "https://zly.example/"})
    assert response["Location"] == reverse("library:catalogue")


@pytest.mark.django_db
def test_an_employee_sees_only_their_own_loans_and_reservations(employee_client):
    mine = make_loan(item=make_item(title="Mój komentarz"), borrower=employee_client.clerk)
    other = make_loan(item=make_item(title="Cudzy komentarz"))
    services.reservation_place(item=other.item, employee=employee_client.clerk)
    foreign = services.reservation_place(item=mine.item, employee=make_employee())
    page = employee_client.get(MY_LOANS).content.decode()
    assert "Mój komentarz" in page
    assert "Cudzy komentarz" in page  # reserved by the employee: in "Rezerwacje" only
    assert [loan.pk for loan in employee_client.get(MY_LOANS).context["loans"]] == [mine.pk]
    assert employee_client.post(reverse("library:loan_renew", args=[other.pk])).status_code == 404
    assert employee_client.post(reverse("library:reservation_cancel", args=[foreign.pk])).status_code == 404
    assert Loan.objects.get(pk=other.pk).renewals == 0
    assert Reservation.objects.get(pk=foreign.pk).status == Reservation.Status.WAITING


@pytest.mark.django_db
def test_an_employee_renews_and_cancels_their_own(employee_client):
    loan = make_loan(borrower=employee_client.clerk, today=date(2026, 3, 2))
    response = employee_client.post(reverse("library:loan_renew", args=[loan.pk]), follow=True)
    assert "Przedłużono" in response.content.decode()
    assert Loan.objects.get(pk=loan.pk).renewals == 1
    reservation = services.reservation_place(item=make_loan().item, employee=employee_client.clerk)
    employee_client.post(reverse("library:reservation_cancel", args=[reservation.pk]))
    assert Reservation.objects.get(pk=reservation.pk).status == Reservation.Status.CANCELLED


@pytest.mark.django_db
def test_a_refused_renewal_is_a_polish_message_not_an_error(employee_client):
    loan = make_loan(borrower=employee_client.clerk)
    services.reservation_place(item=loan.item, employee=make_employee())
    response = employee_client.post(reverse("library:loan_renew", args=[loan.pk]), follow=True)
    assert response.status_code == 200
    assert "czeka inny pracownik" in response.content.decode()


@pytest.mark.django_db
def test_bad_search_input_is_never_an_error(employee_client):
    response = employee_client.get(CATALOGUE, {"q": "x" * 500, "rodzaj": "nieznany", "page": "abc"})
    assert response.status_code == 200


def _count(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries.captured_queries)


@pytest.mark.django_db
def test_catalogue_search_and_loans_lists_cost_the_same_for_100_and_10000_items(employee_client, librarian_client):
    """The search (first and a later page), the employee's loans and the librarian's loans list: equal query counts
    with 100 and with 10,000 items in the catalogue, a tenth of them lent."""
    counts = []
    other = make_employee()
    for added in (100, 9_900):
        items = bulk_items(added)
        own = [Loan(item=item, borrower=employee_client.clerk, lent_on=MONDAY, due_on=DUE) for item in items[:5]]
        others = [Loan(item=item, borrower=other, lent_on=MONDAY, due_on=DUE) for item in items[5 : added // 10]]
        Loan.objects.bulk_create(own + others)
        counts.append(
            (
                _count(employee_client, CATALOGUE, {"q": "Pozycja"}),
                _count(employee_client, CATALOGUE, {"q": "samorząd", "page": "3"}),
                _count(employee_client, MY_LOANS),
                _count(librarian_client, reverse("admin:library_loan_changelist"), {"zwrot": "otwarte"}),
            )
        )
    assert LibraryItem.objects.count() == 10_000
    assert counts[0] == counts[1], counts
    assert counts[0][0] <= 12, counts
