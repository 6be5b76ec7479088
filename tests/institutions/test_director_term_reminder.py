"""The Terminarz's reminder of a director's term (u.o.p.d.k. art. 15–16; the 180-day window is [K]).

A term shows from 180 days before its end until 180 days after it, as long as no successor has been appointed, the
director has not left early and the institution is still in the register. Dates are fixed: "today" is passed in.
"""

import datetime

from django.urls import reverse

from institutions import services
from institutions.deadlines import director_term_deadlines
from institutions.models import DirectorTerm
from tests.institutions import factories

D = datetime.date
TODAY = D(2026, 6, 1)
FIRST_TERM_START = D(2021, 6, 1)


def record_term(clerk, institution, *, ends_on, starts_on=FIRST_TERM_START, name="Jan Kowalski"):
    return factories.director_term(clerk, institution, starts_on=starts_on, ends_on=ends_on, name=name)


def rows_of(term, today=TODAY):
    url = reverse("admin:institutions_directorterm_change", args=[term.pk])
    return [row for row in director_term_deadlines(today) if row.url == url]


def test_the_row_names_the_director_the_institution_and_its_entry(clerk, mck):
    term = record_term(clerk, mck, ends_on=D(2026, 8, 31))
    [row] = rows_of(term)
    assert row.due_date == D(2026, 8, 31)
    assert row.title == f"Koniec kadencji dyrektora: Jan Kowalski, {mck.full_name}"
    assert row.case_mark == f"RIK {mck.entry_no}"
    assert row.section == "institutions"
    assert row.rule == "u.o.p.d.k. art. 15–16: powołanie dyrektora na kolejną kadencję"


def test_the_reminder_starts_180_days_before_the_end(clerk, mck):
    term = record_term(clerk, mck, ends_on=D(2026, 11, 28))  # 1.06.2026 + 180 days
    assert [row.due_date for row in rows_of(term)] == [D(2026, 11, 28)]
    assert rows_of(term, today=TODAY - datetime.timedelta(days=1)) == []  # 181 days before the end: not yet
    assert rows_of(term, today=TODAY + datetime.timedelta(days=1))  # 179 days before


def test_a_term_that_ended_with_no_successor_stays_in_the_terminarz(clerk, mck):
    term = record_term(clerk, mck, ends_on=D(2026, 5, 31))  # ended yesterday
    [row] = rows_of(term)
    assert row.is_overdue(TODAY)
    assert rows_of(term, today=D(2026, 5, 31))  # on its last day


def test_an_ended_term_leaves_the_terminarz_180_days_after_its_end(clerk, mck):
    term = record_term(clerk, mck, ends_on=D(2025, 12, 3))  # 1.06.2026 − 180 days
    assert [row.due_date for row in rows_of(term)] == [D(2025, 12, 3)]
    assert rows_of(term, today=TODAY + datetime.timedelta(days=1)) == []  # 181 days after the end


def test_a_successor_ends_the_reminder_but_a_predecessor_does_not(clerk, mck):
    record_term(clerk, mck, starts_on=D(2016, 6, 1), ends_on=D(2021, 5, 31), name="Ewa Nowak")
    term = record_term(clerk, mck, ends_on=D(2026, 8, 31))
    assert rows_of(term)  # the earlier director's term hides nothing
    record_term(clerk, mck, starts_on=D(2026, 9, 1), ends_on=D(2031, 8, 31), name="Piotr Wójcik")
    assert rows_of(term) == []


def test_a_director_who_left_early_is_not_reminded_of(clerk, mck):
    term = record_term(clerk, mck, ends_on=D(2026, 8, 31))
    DirectorTerm.objects.filter(pk=term.pk).update(ended_early_on=D(2026, 3, 31))
    assert rows_of(term) == []


def test_an_institution_struck_out_of_the_register_has_no_reminder(clerk, mck):
    term = record_term(clerk, mck, ends_on=D(2026, 8, 31))
    act = factories.legal_act(adopted_on=D(2026, 4, 30), title="w sprawie likwidacji")
    services.institution_strike_out(
        institution=mck, entry_date=D(2026, 5, 4), legal_basis=act, reason="likwidacja", acting_user=clerk
    )
    assert rows_of(term) == []
