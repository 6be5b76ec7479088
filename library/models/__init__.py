from library.models.catalogue import InventoryCounter, LibraryItem, WriteOffProtocol
from library.models.loans import Loan, LoanReminder, LoanRule, Reservation
from library.models.periodicals import Department, IssueRoutingStop, PeriodicalIssue, RoutingStop, Subscription

__all__ = [
    "Department",
    "InventoryCounter",
    "IssueRoutingStop",
    "LibraryItem",
    "Loan",
    "LoanReminder",
    "LoanRule",
    "PeriodicalIssue",
    "Reservation",
    "RoutingStop",
    "Subscription",
    "WriteOffProtocol",
]
