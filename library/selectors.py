"""Reads of the City Hall library for its employees: the catalogue with availability, an employee's own loans and
reservations; each in a fixed number of queries, whatever the size of the collection."""

from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from library.models import LibraryItem, Loan, Reservation
from library.validators import normalise_isbn

#: At most this many words of a catalogue query are searched (each must match title, author, subject or ISBN).
MAX_QUERY_WORDS = 8


def catalogue_for_employee(employee) -> QuerySet[LibraryItem]:
    """Items in stock, each annotated with whether it is lent (`on_loan`), how many wait for it (`queue_length`),
    whether `employee` has it reserved (`reserved_by_me`) or on loan (`lent_to_me`); by title."""
    open_loans = Loan.objects.filter(item=OuterRef("pk"), returned_at__isnull=True)
    active = Reservation.objects.filter(item=OuterRef("pk"), status__in=Reservation.ACTIVE_STATUSES)
    queue = active.order_by().values("item").annotate(n=Count("pk")).values("n")
    return (
        LibraryItem.objects.in_stock()
        .annotate(
            on_loan=Exists(open_loans),
            queue_length=Coalesce(Subquery(queue[:1]), 0),
            reserved_by_me=Exists(active.filter(employee=employee)),
            lent_to_me=Exists(open_loans.filter(borrower=employee)),
        )
        .order_by("title", "inventory_number")
    )


def catalogue_search(queryset: QuerySet[LibraryItem], text: str) -> QuerySet[LibraryItem]:
    """Narrow the catalogue to items matching every word of `text` in title, authors, subjects or publisher; a
    valid ISBN (any form) finds its book by the ISBN alone."""
    text = (text or "").strip()
    if not text:
        return queryset
    try:
        isbn = normalise_isbn(text)
    except ValidationError:
        isbn = ""
    if isbn:
        return queryset.filter(isbn=isbn)
    for word in text.split()[:MAX_QUERY_WORDS]:
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(authors__icontains=word)
            | Q(subjects__icontains=word)
            | Q(publisher__icontains=word)
            | Q(isbn=word)
        )
    return queryset


def employee_open_loans(employee) -> QuerySet[Loan]:
    """The employee's items on loan now, soonest due first."""
    return Loan.objects.open().filter(borrower=employee).select_related("item").order_by("due_on", "pk")


def employee_active_reservations(employee) -> QuerySet[Reservation]:
    """The employee's reservations still waiting or ready, with their place in the queue (`ahead`)."""
    ahead = (
        Reservation.objects.filter(
            item=OuterRef("item"), status=Reservation.Status.WAITING, created_at__lt=OuterRef("created_at")
        )
        .order_by()
        .values("item")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Reservation.objects.active()
        .filter(employee=employee)
        .select_related("item")
        .annotate(ahead=Coalesce(Subquery(ahead[:1]), 0))
        .order_by("created_at", "pk")
    )
