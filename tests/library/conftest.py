"""Fixtures of the library's tests: a librarian's and an employee's signed-in clients."""

import pytest

from tests.library.factories import LIBRARY_GROUP


@pytest.fixture
def librarian_client(clerk_client):
    """A clerk in the "Biblioteka urzędu" group, signed in with the second factor."""
    return clerk_client(groups=[LIBRARY_GROUP], email="bibliotekarka@rudaslaska.example.pl")


@pytest.fixture
def employee_client(clerk_client):
    """An employee with no role group, signed in with the second factor (`client.clerk` is the account)."""
    return clerk_client(email="czytelnik@rudaslaska.example.pl", first_name="Ewa", last_name="Czytelnik")
