"""Demo content of the City Hall library (idempotent: nothing is loaded twice).

The collection (books, periodical issues, a loose-leaf publication, an e-resource) entered through
`library.services.item_add`, a write-off protocol, three demo employees without a usable password, loans (one
overdue, one due soon) and a reservation queue through the loan services, the City Hall's departments, and
subscriptions with their routing lists and issues on their way. The demo clerk borrows too, so "Moje
wypożyczenia" shows something after signing in.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.management.demo import DemoDataCommand
from core.roles import SECTION_BY_CODE
from library import services
from library.demo_data import (
    BOOKS,
    DEPARTMENTS,
    E_RESOURCES,
    EMPLOYEES,
    LOOSE_LEAF,
    PERIODICAL_ITEMS,
    SUBSCRIPTIONS,
)
from library.models import (
    Department,
    LibraryItem,
    Loan,
    LoanRule,
    RoutingStop,
    Subscription,
    WriteOffProtocol,
)


class Command(DemoDataCommand):
    help = "Load the City Hall library's demo collection, loans and subscriptions (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        if LibraryItem.objects.exists():
            self.stdout.write("Biblioteka: dane demonstracyjne już są.")
            return
        clerk = self.demo_clerk("library")
        today = timezone.localdate()
        LoanRule.objects.get_or_create(kind=LibraryItem.Kind.PERIODICAL_ISSUE, defaults={"loan_days": 14})
        LoanRule.objects.get_or_create(kind=LibraryItem.Kind.BOOK)
        books = [
            services.item_add(
                acting_user=clerk,
                title=title,
                authors=authors,
                publisher=publisher,
                year=year,
                isbn=isbn,
                subjects=subjects,
                shelfmark=shelfmark,
                price=Decimal(price),
                acquired_on=today - timedelta(days=400 - 30 * n),
                source=LibraryItem.Source.PURCHASE if n % 4 else LibraryItem.Source.GIFT,
                acquisition_document=f"FV {n + 10}/{today.year - 1}" if n % 4 else "Pismo darczyńcy",
            )
            for n, (title, authors, publisher, year, isbn, subjects, shelfmark, price) in enumerate(BOOKS)
        ]
        issues = [
            services.item_add(
                acting_user=clerk,
                kind=LibraryItem.Kind.PERIODICAL_ISSUE,
                title=title,
                issn=issn,
                shelfmark=shelfmark,
                acquired_on=today - timedelta(days=40 - 20 * n),
                source=LibraryItem.Source.SUBSCRIPTION,
            )
            for n, (title, issn, shelfmark) in enumerate(PERIODICAL_ITEMS)
        ]
        for title, publisher, shelfmark, price in LOOSE_LEAF:
            services.item_add(
                acting_user=clerk,
                kind=LibraryItem.Kind.LOOSE_LEAF,
                title=title,
                publisher=publisher,
                shelfmark=shelfmark,
                price=Decimal(price),
                acquired_on=today - timedelta(days=200),
                loanable=False,
            )
        for title, url, shelfmark in E_RESOURCES:
            services.item_add(
                acting_user=clerk,
                kind=LibraryItem.Kind.E_RESOURCE,
                title=title,
                url=url,
                shelfmark=shelfmark,
                acquired_on=today - timedelta(days=300),
                source=LibraryItem.Source.GIFT,
                loanable=False,
            )
        worn = services.item_add(
            acting_user=clerk,
            title="Ustawa o samorządzie gminnym. Komentarz (wydanie 2012)",
            authors="Kowalczyk Piotr",
            publisher="C.H. Beck",
            year=2012,
            shelfmark="II-102a",
            price=Decimal("129.00"),
            acquired_on=today - timedelta(days=4000),
        )
        services.write_off_record(
            protocol=WriteOffProtocol(
                number=f"1/{today.year}",
                drawn_up_on=today - timedelta(days=20),
                reason=WriteOffProtocol.Reason.OUTDATED,
                committee="Anna Nowak, Marta Kowalczyk",
            ),
            items=[worn],
            acting_user=clerk,
        )

        employees = []
        for username, first_name, last_name, email in EMPLOYEES:
            employee, created = get_user_model().objects.get_or_create(
                username=username,
                defaults={"first_name": first_name, "last_name": last_name, "email": email, "is_staff": True},
            )
            if created:
                employee.set_unusable_password()
                employee.save(update_fields=["password"])
            employees.append(employee)
        marta, pawel, joanna = employees
        # An overdue loan, one due in two days, the demo clerk's own loan and a queue of two for a lent book.
        services.loan_lend(item=books[0], borrower=marta, acting_user=clerk, today=today - timedelta(days=40))
        services.loan_lend(item=books[2], borrower=pawel, acting_user=clerk, today=today - timedelta(days=28))
        services.loan_lend(item=books[5], borrower=clerk, acting_user=clerk, today=today - timedelta(days=3))
        services.loan_lend(item=issues[0], borrower=joanna, acting_user=clerk, today=today - timedelta(days=5))
        services.reservation_place(item=books[0], employee=joanna)
        services.reservation_place(item=books[0], employee=clerk)
        services.reservation_place(item=books[3], employee=pawel)
        returned = services.loan_lend(item=books[6], borrower=joanna, acting_user=clerk, today=today - timedelta(60))
        services.loan_return(loan=returned, acting_user=clerk)

        departments = {
            symbol: Department.objects.get_or_create(name=name, defaults={"symbol": symbol, "room": room})[0]
            for name, symbol, room in DEPARTMENTS
        }
        for title, kind, issn, supplier, cost, route, months_left, logged in SUBSCRIPTIONS:
            ends_on = (today.replace(day=1) + timedelta(days=31 * months_left)).replace(day=1) - timedelta(days=1)
            subscription = Subscription.objects.create(
                title=title,
                kind=kind,
                issn=issn,
                supplier=supplier,
                cost=Decimal(cost),
                starts_on=ends_on.replace(day=1) - timedelta(days=330),
                ends_on=ends_on,
                licence_users=15 if kind == Subscription.Kind.ONLINE else None,
                url="https://sip.lex.pl/" if kind == Subscription.Kind.ONLINE else "",
            )
            for position, symbol in enumerate(route, start=1):
                RoutingStop.objects.create(
                    subscription=subscription, department=departments[symbol], position=position
                )
            for n, (designation, passed) in enumerate(logged):
                issue = services.issue_log(
                    subscription=subscription,
                    designation=designation,
                    received_on=today - timedelta(days=30 - 15 * n),
                    acting_user=clerk,
                )
                for _step in range(passed):
                    services.issue_pass_on(issue=issue, acting_user=clerk, today=today - timedelta(days=20 - 5 * n))
        self.stdout.write(
            f"Biblioteka: {LibraryItem.objects.count()} pozycji, {Loan.objects.open().count()} wypożyczeń, "
            f"{Subscription.objects.count()} prenumeraty ({SECTION_BY_CODE['library'].group_name})."
        )
